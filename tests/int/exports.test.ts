import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { commit, creditCode, download, dryRun, readXlsx, reportRows, xlsx, type Rows } from '../support/transfer';

let t: TestApp;
const c: Record<string, Client> = {};
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'prov_director', 'manager_a', 'spec_a1', 'spec_b1', 'finance']) c[u] = await t.login(u);
  const made = async (who: string, body: Record<string, unknown>) => {
    const r = await c[who].post('/api/accounts', body);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.id as number;
  };
  ids.a1 = await made('director', { name: '导出甲客户', creditCode: creditCode(11), ownerId: t.org.users.spec_a1, nature: 'soe', annualSales: 123456, paymentTermDays: 30, discountBp: 1000 });
  ids.b1 = await made('director', { name: '导出乙客户', ownerId: t.org.users.spec_b1, vip: true, industry: '酒店' });
  ids.prov = await made('prov_director', { name: '导出省公司客户' });
  const person = async (who: string, body: Record<string, unknown>) => {
    const r = await c[who].post('/api/contacts', body);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.id as number;
  };
  ids.a1Contact = await person('director', { accountId: ids.a1, name: '甲处长', mobile: '13800000011', birthday: '1970-03-04', hobbies: '书法', keyRoles: ['guide', 'insider'], support: 1 });
  ids.b1Contact = await person('director', { accountId: ids.b1, name: '乙经理', birthday: '1980-05-06', title: '经理' });
});
afterAll(async () => t?.close());

async function sheet(who: string, url: string) {
  const r = await download(t, c[who], url);
  expect(r.status, r.body.toString()).toBe(200);
  return url.includes('format=csv') ? parseCsv(r.body) : readXlsx(r.body);
}
/** A CSV the export wrote (no quoted newlines in these fixtures). */
function parseCsv(body: Buffer): string[][] {
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return body
    .toString('utf8')
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}
const column = (rows: string[][], header: string) => {
  const i = rows[0].indexOf(header);
  return i < 0 ? undefined : rows.slice(1).map((r) => r[i] ?? '');
};
const exportAudits = async (entityId: string) =>
  (await sql<{ actor_id: number; diff: { _: Record<string, unknown> } }>`select actor_id, diff from audit_log where entity = 'export' and entity_id = ${entityId} order by id`.execute(t.database.db)).rows;

describe('account export', () => {
  it('holds exactly what the caller may see: own for a specialist, the department for the director, all for the GM', async () => {
    expect(column(await sheet('spec_a1', '/api/accounts/export?format=csv'), '客户名称')).toEqual(['导出甲客户']);
    expect(column(await sheet('director', '/api/accounts/export?format=csv'), '客户名称')?.sort()).toEqual(['导出乙客户', '导出甲客户'].sort());
    expect(column(await sheet('gm', '/api/accounts/export?format=xlsx'), '客户名称')?.sort()).toEqual(['导出乙客户', '导出甲客户', '导出省公司客户'].sort());
    expect((await download(t, c.finance, '/api/accounts/export')).status).toBe(403);
  });

  it('exports the list\'s filters and search, in the labels of the file\'s language', async () => {
    expect(column(await sheet('director', '/api/accounts/export?format=csv&vip=true'), '客户名称')).toEqual(['导出乙客户']);
    expect(column(await sheet('director', '/api/accounts/export?format=csv&q=dcj'), '客户名称')).toEqual(['导出甲客户']);
    expect(column(await sheet('director', `/api/accounts/export?format=csv&ownerId=${t.org.users.spec_b1}&industry=酒店`), '客户名称')).toEqual(['导出乙客户']);
    const zh = await sheet('director', '/api/accounts/export?format=xlsx&q=dcj');
    expect(column(zh, '企业性质')).toEqual(['国企']);
    expect(column(zh, '年销售额（元）')).toEqual(['1234.56']);
    expect(column(zh, '客户经理账号')).toEqual(['spec_a1']);
    expect(column(zh, '客户经理')).toEqual(['周专员']);
    const en = await sheet('director', '/api/accounts/export?format=xlsx&q=dcj&lang=en');
    expect(column(en, 'Nature')).toEqual(['State-owned']);
    const r = await download(t, c.director, '/api/accounts/export?format=xlsx');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''%E5%AE%A2/);
  });

  it('trade terms only for account:trade-terms holders, and such an export is audited with who, the filter and the count', async () => {
    const before = (await exportAudits('accounts')).length;
    const plain = await sheet('manager_a', '/api/accounts/export?format=csv');
    expect(plain[0]).not.toContain('账期（天）');
    expect(plain[0]).not.toContain('折扣（%）');
    expect((await exportAudits('accounts')).length).toBe(before);

    const full = await sheet('director', '/api/accounts/export?format=csv&nature=soe');
    expect(column(full, '账期（天）')).toEqual(['30']);
    expect(column(full, '折扣（%）')).toEqual(['10']);
    const audits = await exportAudits('accounts');
    expect(audits.length).toBe(before + 1);
    expect(audits.at(-1)).toMatchObject({ actor_id: t.org.users.director, diff: { _: { rows: 1, complete: true, format: 'csv', filter: { nature: 'soe' }, protectedFields: ['paymentTermDays', 'discountBp'] } } });
  });

  it('streams past one batch: every matching account once, in order', async () => {
    const rows: Rows = [['客户名称', '行业']];
    for (let i = 1; i <= 1150; i++) rows.push([`批量导出客户${String(i).padStart(4, '0')}`, '批量']);
    const s = await dryRun(t, c.director, 'accounts', 'many.xlsx', await xlsx(rows));
    await commit(t, c.director, s.id, s.version);
    const names = column(await sheet('director', '/api/accounts/export?format=csv&industry=批量'), '客户名称')!;
    expect(names.length).toBe(1150);
    expect(new Set(names).size).toBe(1150);
    expect(names[0]).toBe('批量导出客户0001');
    expect(names.at(-1)).toBe('批量导出客户1150');
  });
});

describe('contact export', () => {
  it('personal details only where the caller may see them; such exports are audited', async () => {
    const before = (await exportAudits('contacts')).length;
    // an account manager holds no contact:sensitive and owns none of these accounts: no columns, no audit
    const plain = await sheet('manager_a', '/api/contacts/export?format=csv');
    expect(plain[0]).not.toContain('生日');
    expect(column(plain, '姓名')).toEqual(['甲处长']);
    expect((await exportAudits('contacts')).length).toBe(before);

    // the owner sees their own account's people
    const own = await sheet('spec_a1', '/api/contacts/export?format=xlsx');
    expect(column(own, '生日')).toEqual(['1970-03-04']);
    expect(column(own, '兴趣爱好')).toEqual(['书法']);
    expect(column(own, '关键角色')).toEqual(['向导、内线']);
    expect(column(own, '客户统一社会信用代码')).toEqual([creditCode(11)]);

    const all = await sheet('director', `/api/contacts/export?format=csv&accountId=${ids.b1}`);
    expect(column(all, '姓名')).toEqual(['乙经理']);
    expect(column(all, '生日')).toEqual(['1980-05-06']);
    const audits = await exportAudits('contacts');
    expect(audits.length).toBe(before + 2);
    expect(audits.at(-1)).toMatchObject({ actor_id: t.org.users.director, diff: { _: { rows: 1, rowsWithPersonalDetails: 1, filter: { accountId: ids.b1 }, protectedFields: ['birthday', 'family', 'maritalStatus', 'habits', 'personality', 'hobbies'] } } });
    expect(audits.at(-2)).toMatchObject({ actor_id: t.org.users.spec_a1, diff: { _: { rows: 1, rowsWithPersonalDetails: 1 } } });
  });
});

/** The first sheet of a downloaded XLSX, as a spreadsheet program loads it. */
async function workbookSheet(who: string, url: string) {
  const r = await download(t, c[who], url);
  expect(r.status, r.body.toString()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const at = (header: string) => {
    const i = headers.indexOf(header);
    expect(i, `${header} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
    return i + 1;
  };
  return { ws, cell: (header: string, row = 2) => ws.getRow(row).getCell(at(header)), width: (header: string) => ws.getColumn(at(header)).width };
}

describe('an XLSX people can work with (issue 13 item 17)', () => {
  it('money is a number with separators, a percentage a percent cell, moments date-time cells in business time, text columns text', async () => {
    const address = '江苏省南京市鼓楼区中山北路一百零八号华东大厦二十八层二八零一室（东门进）';
    const id = (
      await c.director.post('/api/accounts', { name: '单元格格式客户', ownerId: t.org.users.spec_a1, annualSales: 3000123450, discountBp: 550, postalCode: '012345', bankAccount: '6222021234567890123', address })
    ).body.id as number;
    const created = (await c.director.get(`/api/accounts/${id}`)).body.createdAt as string;
    const { ws, cell, width } = await workbookSheet('director', `/api/accounts/export?format=xlsx&q=${encodeURIComponent('单元格格式客户')}`);

    expect(cell('年销售额（元）').value).toBe(30001234.5);
    expect(cell('年销售额（元）').numFmt).toBe('#,##0.00');
    expect(cell('折扣（%）').value).toBe(0.055);
    expect(cell('折扣（%）').numFmt).toBe('0.00%');
    expect(cell('邮政编码').value).toBe('012345');
    expect(cell('邮政编码').numFmt).toBe('@');
    expect(cell('银行账号').value).toBe('6222021234567890123');
    expect(cell('客户编号').value).toBe(id);

    // a date-time cell holds the Shanghai wall clock (UTC+8), to the minute shown
    const createdCell = cell('创建时间');
    expect(createdCell.value).toBeInstanceOf(Date);
    expect(createdCell.numFmt).toBe('yyyy-mm-dd hh:mm');
    const wall = new Date(new Date(created).getTime() + 8 * 3600_000);
    expect((createdCell.value as Date).toISOString().slice(0, 16)).toBe(wall.toISOString().slice(0, 16));

    // the header row is bold and frozen
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);

    // columns fit their content: Chinese counts double, long text is capped
    expect(width('客户名称')).toBe(16); // 单元格格式客户: 7 × 2 + 2
    expect(width('年销售额（元）')).toBe(16); // the header: 7 × 2 + 2; "30,001,234.50" is 13
    expect(width('地址')).toBe(50);
    expect(width('客户编号')).toBe(10);
  });

  it('a contact\'s birthday is a date cell; the file imports again as the very same values', async () => {
    const url = '/api/contacts/export?format=xlsx';
    const { ws, cell } = await workbookSheet('director', url);
    const row = [2, 3].find((n) => cell('姓名', n).value === '甲处长')!;
    expect(cell('生日', row).value).toEqual(new Date(Date.UTC(1970, 2, 4)));
    expect(cell('生日', row).numFmt).toBe('yyyy-mm-dd');
    expect(cell('影响力', row).numFmt).toBeUndefined();
    expect(ws.rowCount).toBe(3);

    const s = await dryRun(t, c.director, 'contacts', '关键人.xlsx', (await download(t, c.director, url)).body, '&onDuplicate=update');
    expect(s.counts).toEqual({ total: 2, ok: 0, error: 0, duplicate: 2 });
    const before = (await c.director.get(`/api/contacts/${ids.a1Contact}`)).body;
    expect((await commit(t, c.director, s.id, s.version)).result).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect((await c.director.get(`/api/contacts/${ids.a1Contact}`)).body).toEqual(before);
  });

  it('a template\'s columns are formatted for what they take: text as text, so a typed 012345 keeps its zero', async () => {
    const { cell, ws } = await workbookSheet('director', '/api/import-templates/accounts?format=xlsx');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(cell('邮政编码', 1).note).toBe('6 位数字');
    // the column's style: what is typed under the header takes it
    const column = (header: string) => ws.getColumn((ws.getRow(1).values as unknown[]).indexOf(header));
    expect(column('邮政编码').numFmt).toBe('@');
    expect(column('银行账号').numFmt).toBe('@');
    expect(column('折扣（%）').numFmt).toBe('0.00%');
    expect(column('注册资本（元）').numFmt).toBe('#,##0.00');
  });
});

describe('the expense reconciliation uses the same writer', () => {
  it('amounts with separators, the day a date cell, the payment a date-time in business time, the total bold', async () => {
    const db = t.database.db;
    const owner = await db.selectFrom('users').select(['id', 'unit_id']).where('id', '=', t.org.users.spec_a1).executeTakeFirstOrThrow();
    // paid at 01:30 on 1 December in Shanghai, which is still 30 November in UTC
    const claim = await db
      .insertInto('expense_claims')
      .values({ owner_id: owner.id, unit_id: owner.unit_id, title: '对账格式核对', status: 'paid', paid_at: new Date('2026-11-30T17:30:00Z'), paid_by: t.org.users.finance } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('expense_claim_lines').values({ claim_id: claim.id, seq: 1, kind: 'other', ref_id: null, category: '办公用品', amount: 3000123450, note: null, occurred_on: '2026-11-20' } as never).execute();
    const { ws, cell, width } = await workbookSheet('finance', '/api/expense-claims/export?period=2026-11');
    const row = ws.getRow(2);
    expect(cell('报销单号').value).toBe(Number(claim.id));
    expect(cell('金额(元)').value).toBe(30001234.5);
    expect(cell('金额(元)').numFmt).toBe('#,##0.00');
    expect(cell('发生日期').value).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(cell('发生日期').numFmt).toBe('yyyy-mm-dd');
    expect(cell('付款时间').value).toEqual(new Date(Date.UTC(2026, 11, 1, 1, 30)));
    expect(cell('付款时间').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(2).value).toBe('对账格式核对');
    const total = ws.getRow(3);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(cell('金额(元)', 3).value).toBe(30001234.5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(width('金额(元)')).toBe(15); // "30,001,234.50" + 2
    expect(width('付款时间')).toBe(18); // "2026-12-01 01:30" + 2
  });
});

describe('export → import round trip', () => {
  it('an exported account list imports again as duplicates of the very same accounts, with nothing to change', async () => {
    const file = (await download(t, c.director, '/api/accounts/export?format=xlsx&q=dc')).body;
    const s = await dryRun(t, c.director, 'accounts', '导出.xlsx', file, '&onDuplicate=update');
    expect(s.counts).toEqual({ total: 2, ok: 0, error: 0, duplicate: 2 });
    expect(s.columns.ignored).toEqual(expect.arrayContaining(['客户编号', '客户规模', '档案完整率（%）', '更新时间']));
    const rows = await reportRows(c.director, s.id);
    expect(rows.map((r) => [r.values.name, r.match.id]).sort()).toEqual([
      ['导出乙客户', ids.b1],
      ['导出甲客户', ids.a1],
    ].sort());
    const before = (await c.director.get(`/api/accounts/${ids.a1}`)).body;
    const done = await commit(t, c.director, s.id, s.version);
    expect(done.result).toEqual({ created: 0, updated: 0, skipped: 2, excluded: 0 });
    const after = (await c.director.get(`/api/accounts/${ids.a1}`)).body;
    expect(after).toEqual(before);
  });

  it('an exported contact list, CSV, imports again without a single error', async () => {
    const file = (await download(t, c.director, '/api/contacts/export?format=csv')).body;
    const s = await dryRun(t, c.director, 'contacts', '关键人.csv', file, '&onDuplicate=update');
    expect(s.counts).toEqual({ total: 2, ok: 0, error: 0, duplicate: 2 });
    const done = await commit(t, c.director, s.id, s.version);
    expect(done.result).toMatchObject({ created: 0, updated: 0, skipped: 2 });
  });
});
