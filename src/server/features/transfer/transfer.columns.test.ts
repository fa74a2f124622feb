import { describe, expect, it } from 'vitest';
import { ACCOUNT_COLUMNS, COLUMNS, CONTACT_COLUMNS, cellText, headerKey, hundredths, hundredthsText, mapHeaders, writtenColumns, type ColumnDef } from './transfer.columns';

const col = (cols: readonly ColumnDef[], field: string) => cols.find((c) => c.field === field)!;
const parse = (cols: readonly ColumnDef[], field: string, cell: Parameters<ColumnDef['type']['parse']>[0]) => col(cols, field).type.parse(cell);

describe('money and percentages: exact hundredths', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.5', 123450],
    ['¥12', 1200],
    ['￥ 1 000', 100000],
    ['12元', 1200],
    ['0.05', 5],
    ['1.230', 123],
    ['-1.5', -150],
    ['0', 0],
  ])('%s → %d', (text, value) => expect(hundredths(text)).toEqual({ value }));

  it('refuses a third decimal, text and amounts past 2^53 fen', () => {
    expect(hundredths('1.234')).toEqual({ problem: 'precision' });
    expect(hundredths('abc')).toEqual({ problem: 'format' });
    expect(hundredths('1.2.3')).toEqual({ problem: 'format' });
    expect(hundredths('99999999999999999999')).toEqual({ problem: 'range' });
  });

  it('writes hundredths back as exact decimal text', () => {
    expect(hundredthsText(123456)).toBe('1234.56');
    expect(hundredthsText(5)).toBe('0.05');
    expect(hundredthsText(-150)).toBe('-1.50');
  });

  it('reads 元 into 分 from text and from spreadsheet numbers, with a reason when it cannot', () => {
    expect(parse(ACCOUNT_COLUMNS, 'annualSales', '1234.56')).toEqual({ ok: true, value: 123456 });
    expect(parse(ACCOUNT_COLUMNS, 'annualSales', 1234.56)).toEqual({ ok: true, value: 123456 });
    // binary noise of a spreadsheet formula (0.1 + 0.2) is not a third decimal
    expect(parse(ACCOUNT_COLUMNS, 'annualSales', 0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parse(ACCOUNT_COLUMNS, 'annualSales', '1.234')).toMatchObject({ ok: false, problem: { key: 'transfer.moneyPrecision', params: { value: '1.234' } } });
    expect(parse(ACCOUNT_COLUMNS, 'annualSales', '一百万')).toMatchObject({ ok: false, problem: { key: 'transfer.notMoney' } });
    expect(parse(ACCOUNT_COLUMNS, 'discountBp', '12.5')).toEqual({ ok: true, value: 1250 });
  });
});

describe('what a spreadsheet made of a typed value (issue 13 item 16)', () => {
  it('a percentage the reader hands over as "5%" is 5 % off, the text people typed, and no amount', () => {
    expect(parse(ACCOUNT_COLUMNS, 'discountBp', '5%')).toEqual({ ok: true, value: 500 });
    expect(parse(ACCOUNT_COLUMNS, 'marketShare', '12.5%')).toEqual({ ok: true, value: '12.5%' });
    expect(parse(ACCOUNT_COLUMNS, 'annualSales', '5%')).toMatchObject({ ok: false, problem: { key: 'transfer.notMoney' } });
  });

  it('text columns refuse numbers that lost digits, and a postcode that lost its leading zero, asking for text', () => {
    expect(parse(ACCOUNT_COLUMNS, 'bankAccount', 4755020125684690000)).toMatchObject({ ok: false, problem: { key: 'transfer.numberLostDigits', params: { value: '4755020125684690000' } } });
    expect(parse(ACCOUNT_COLUMNS, 'creditCode', Number('913201001234567890'))).toMatchObject({ ok: false, problem: { key: 'transfer.numberLostDigits' } });
    expect(parse(CONTACT_COLUMNS, 'mobile', '1.38E+10')).toMatchObject({ ok: false, problem: { key: 'transfer.numberLostDigits', params: { value: '1.38E+10' } } });
    expect(parse(ACCOUNT_COLUMNS, 'postalCode', 12345)).toMatchObject({ ok: false, problem: { key: 'transfer.numberLostLeadingZero', params: { value: '12345', length: 6 } } });
    expect(parse(ACCOUNT_COLUMNS, 'postalCode', 210008)).toEqual({ ok: true, value: '210008' });
    expect(parse(ACCOUNT_COLUMNS, 'bankAccount', '4755020125684690123')).toEqual({ ok: true, value: '4755020125684690123' });
    expect(parse(CONTACT_COLUMNS, 'mobile', 13800000011)).toEqual({ ok: true, value: '13800000011' });
  });

  it('every column says how an XLSX export writes its cells', () => {
    const kinds = Object.fromEntries(ACCOUNT_COLUMNS.map((c) => [c.field, c.type.kind ?? 'text']));
    expect(kinds).toMatchObject({ annualSales: 'money', registeredCapital: 'money', discountBp: 'percent', createdAt: 'datetime', employees: 'number', bankAccount: 'text', postalCode: 'text' });
    expect(col(CONTACT_COLUMNS, 'birthday').type.kind).toBe('date');
  });
});

describe('value types', () => {
  it('enumerations take the code, the Chinese and the English label, and a label\'s short forms', () => {
    for (const cell of ['国企', 'soe', 'State-owned', ' 国 企 ', 'ＳＯＥ']) expect(parse(ACCOUNT_COLUMNS, 'nature', cell)).toEqual({ ok: true, value: 'soe' });
    for (const cell of ['约', '约见', '约（约见）', 'Appointment']) expect(parse(ACCOUNT_COLUMNS, 'sourceChannel', cell)).toEqual({ ok: true, value: 'appointment' });
    expect(parse(CONTACT_COLUMNS, 'personalityType', '鹰')).toEqual({ ok: true, value: 'eagle' });
    expect(parse(CONTACT_COLUMNS, 'support', '强烈支持')).toEqual({ ok: true, value: 2 });
    expect(parse(CONTACT_COLUMNS, 'support', '-1')).toEqual({ ok: true, value: -1 });
  });

  it('an unknown label names the allowed ones', () => {
    expect(parse(ACCOUNT_COLUMNS, 'nature', '国有')).toEqual({
      ok: false,
      problem: { key: 'transfer.notOneOf', message: 'Not one of the allowed values', params: { value: '国有', values: '国企、合资、民营、股份、外资、事业单位、政府机关' } },
    });
  });

  it('no label of any column stands for two values', () => {
    for (const cols of Object.values(COLUMNS)) {
      for (const c of cols) {
        const lookup = (c.type as { lookup?: Map<string, string> }).lookup;
        if (!lookup) continue;
        const codes = new Set(lookup.values());
        for (const code of codes) {
          const label = c.type.format(code, 'zh-CN') as string;
          expect(c.type.parse(label), `${c.field}: ${label}`).toEqual({ ok: true, value: c.field === 'support' ? Number(code) : code });
        }
      }
    }
  });

  it('lists of key roles, booleans and dates', () => {
    expect(parse(CONTACT_COLUMNS, 'keyRoles', '向导、内线,Key person')).toEqual({ ok: true, value: ['guide', 'insider', 'key_person'] });
    expect(parse(CONTACT_COLUMNS, 'keyRoles', '向导、老板')).toMatchObject({ ok: false, problem: { key: 'transfer.notOneOf', params: { value: '老板' } } });
    for (const yes of ['是', 'Y', 'yes', true, '1']) expect(parse(ACCOUNT_COLUMNS, 'vip', yes)).toEqual({ ok: true, value: true });
    expect(parse(ACCOUNT_COLUMNS, 'vip', '否')).toEqual({ ok: true, value: false });
    expect(parse(ACCOUNT_COLUMNS, 'vip', '也许')).toMatchObject({ ok: false, problem: { key: 'transfer.notBoolean' } });
    for (const d of ['2024-03-05', '2024/3/5', '2024.03.05', '2024年3月5日', new Date(Date.UTC(2024, 2, 5))]) expect(parse(CONTACT_COLUMNS, 'birthday', d)).toEqual({ ok: true, value: '2024-03-05' });
    expect(parse(CONTACT_COLUMNS, 'birthday', '2024-02-30')).toMatchObject({ ok: false, problem: { key: 'transfer.notDate' } });
    expect(parse(ACCOUNT_COLUMNS, 'employees', '1,200')).toEqual({ ok: true, value: 1200 });
    expect(parse(ACCOUNT_COLUMNS, 'employees', '12.5')).toMatchObject({ ok: false, problem: { key: 'transfer.notInteger' } });
  });

  it('empty cells are absent, text is trimmed, and the CSV formula guard comes off', () => {
    expect(parse(ACCOUNT_COLUMNS, 'address', '   ')).toEqual({ ok: true, value: undefined });
    expect(parse(ACCOUNT_COLUMNS, 'address', null)).toEqual({ ok: true, value: undefined });
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'-备注")).toBe('-备注');
    expect(cellText("'普通")).toBe("'普通");
  });

  it('every importable value is read back from what an export writes', () => {
    const samples: Record<string, unknown> = {
      name: '江南会所有限公司', nature: 'joint_stock', foundedYear: 1998, registeredCapital: 1234567891, annualSales: 5, vip: true,
      discountBp: 1250, paymentTermDays: 45, lifecycle: 'at_risk', sourceChannel: 'poach', creditStanding: 'very_poor',
      birthday: '1970-01-31', keyRoles: ['guide', 'decider'], support: -2, stage: 'ally', gender: 'female', influence: 4,
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const c of [...ACCOUNT_COLUMNS, ...CONTACT_COLUMNS]) {
        if (c.exportOnly || !(c.field in samples)) continue;
        expect(c.type.parse(c.type.format(samples[c.field], lang)), `${c.field} (${lang})`).toEqual({ ok: true, value: samples[c.field] });
      }
    }
  });
});

describe('headers', () => {
  it('a header matches without its unit, required mark, spaces or case', () => {
    expect(headerKey('*客户名称')).toBe('客户名称');
    expect(headerKey('注册资本（元）')).toBe('注册资本');
    expect(headerKey('Registered capital (CNY)')).toBe('registeredcapital');
  });

  it('maps Chinese headers, English headers, API names and aliases; ignores export-only and unknown columns', () => {
    const m = mapHeaders('accounts', ['*客户名称', 'creditCode', 'Nature', '主营业务范围', '年销售额(元)', '档案完整率（%）', '备用列', null, '客户经理账号']);
    expect(m.recognised).toEqual([
      { header: '*客户名称', field: 'name' },
      { header: 'creditCode', field: 'creditCode' },
      { header: 'Nature', field: 'nature' },
      { header: '主营业务范围', field: 'businessScope' },
      { header: '年销售额(元)', field: 'annualSales' },
      { header: '客户经理账号', field: 'ownerUsername' },
    ]);
    expect(m.ignored).toEqual(['档案完整率（%）', '备用列']);
    expect(m.byIndex.get(8)?.def.field).toBe('ownerUsername');
    expect(m.missing).toEqual([]);
  });

  it('reports a missing required column and two columns for one field', () => {
    expect(mapHeaders('revenue', ['客户名称', '年份']).missing.map((d) => d.field)).toEqual(['amount']);
    expect(mapHeaders('accounts', ['客户名称', '统一社会信用代码', '信用代码']).duplicated).toEqual([{ field: 'creditCode', headers: ['统一社会信用代码', '信用代码'] }]);
  });

  it('a template has no export-only columns; trade terms and personal details only when allowed', () => {
    const fields = (cols: ColumnDef[]) => cols.map((c) => c.field);
    expect(fields(writtenColumns('accounts', { template: true }))).not.toContain('tier');
    expect(fields(writtenColumns('accounts', { template: true }))).not.toContain('discountBp');
    expect(fields(writtenColumns('accounts', { tradeTerms: true }))).toContain('discountBp');
    expect(fields(writtenColumns('contacts', {}))).not.toContain('birthday');
    expect(fields(writtenColumns('contacts', { sensitive: true }))).toContain('birthday');
  });
});
