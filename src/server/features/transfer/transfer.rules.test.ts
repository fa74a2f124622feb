import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/domain/credit-code';
import { mapHeaders } from './transfer.columns';
import { checkRow, detectDelimiter, detectEncoding, duplicateChanges, effectiveAction, isBlankRow, nameKey } from './transfer.rules';

const code = (serial: number) => {
  const first17 = `9132010${String(serial).padStart(10, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
};

describe('name key for similar-name duplicates', () => {
  it.each([
    ['江苏银行股份有限公司', '江苏银行'],
    ['江苏银行', '江苏银行'],
    ['（南京）华信 有限责任公司', '南京华信'],
    ['ＡＢＣ贸易公司', 'abc贸易'],
    ['中国邮政集团有限公司·江苏省分公司', '中国邮政集团江苏省分'],
    ['  ', ''],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('reading a row', () => {
  const accounts = mapHeaders('accounts', ['客户名称', '统一社会信用代码', '企业性质', '电子邮箱', '年销售额（元）']);

  it('keeps only what the file filled, normalised as the API stores it', () => {
    const r = checkRow('accounts', accounts, ['  江南会所  ', `${code(1).slice(0, 6).toLowerCase()} ${code(1).slice(6)}`, '民营', '', '1234.56']);
    expect(r.issues).toEqual([]);
    // no lifecycle default sneaks in: an update must not touch what the file did not say
    expect(r.values).toEqual({ name: '江南会所', creditCode: code(1), nature: 'private', annualSales: 123456 });
  });

  it('names each bad cell with its field, column, reason key and value', () => {
    const wrong = code(2).slice(0, 17) + (code(2)[17] === '0' ? '1' : '0');
    const r = checkRow('accounts', accounts, ['', wrong, '国有', 'not-an-email', '1.234']);
    expect(r.issues.map((i) => [i.field, i.column, i.key, i.value])).toEqual([
      ['name', '客户名称', 'transfer.required', null],
      ['nature', '企业性质', 'transfer.notOneOf', '国有'],
      ['annualSales', '年销售额（元）', 'transfer.moneyPrecision', '1.234'],
      ['email', '电子邮箱', 'validation.invalid_format', 'not-an-email'],
      ['creditCode', '统一社会信用代码', 'accounts.creditCodeCheckDigit', wrong],
    ]);
  });

  it('contacts and revenue must name their account', () => {
    const m = mapHeaders('contacts', ['姓名', '手机']);
    expect(checkRow('contacts', m, ['王处长', '13800000000']).issues.map((i) => i.key)).toEqual(['transfer.accountRequired']);
    const rev = mapHeaders('revenue', ['客户名称', '年份', '金额（元）']);
    expect(checkRow('revenue', rev, ['江南会所', '2025', '1000000.01'])).toEqual({ values: { accountName: '江南会所', year: 2025, amount: 100000001 }, issues: [] });
    expect(checkRow('revenue', rev, ['江南会所', '1800', '1']).issues.map((i) => [i.field, i.key])).toEqual([['year', 'validation.too_small']]);
  });

  it('a row of empty cells is no row', () => {
    expect(isBlankRow(['', null, '  ', undefined])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});

describe('duplicate actions', () => {
  const existing = { name: '江南会所', phone: '025-1', address: null, email: '' };
  const incoming = { name: '江南会所', phone: '025-2', address: '南京路 1 号', email: 'a@b.cn', fax: undefined };
  const fields = ['name', 'phone', 'address', 'email', 'fax'];

  it('update: the file\'s values replace the stored ones (empty cells change nothing)', () => {
    expect(duplicateChanges(existing, incoming, 'update', fields)).toEqual({ phone: '025-2', address: '南京路 1 号', email: 'a@b.cn' });
  });
  it('merge: the file only fills empty fields', () => {
    expect(duplicateChanges(existing, incoming, 'merge', fields)).toEqual({ address: '南京路 1 号', email: 'a@b.cn' });
  });
  it('skip: nothing', () => {
    expect(duplicateChanges(existing, incoming, 'skip', fields)).toEqual({});
  });
  it('a row\'s own choice wins over the default', () => {
    expect(effectiveAction(null, 'merge')).toBe('merge');
    expect(effectiveAction('skip', 'merge')).toBe('skip');
  });
});

describe('file text', () => {
  it('a BOM decides the encoding; else valid UTF-8; else GB18030', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), true)).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]), false)).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(detectEncoding(new Uint8Array([0xe5, 0xae, 0xa2]), true)).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7]), false)).toEqual({ encoding: 'gb18030', bom: 0 });
  });
  it('the delimiter is the most frequent of comma, tab and semicolon outside quotes', () => {
    expect(detectDelimiter('客户名称,简称,行业')).toBe(',');
    expect(detectDelimiter('客户名称\t简称\t"a,b"')).toBe('\t');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('客户名称')).toBe(',');
  });
});
