import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { commit, creditCode, csv, download, dryRun, readXlsx, reportRows, upload, xlsx } from '../support/transfer';
import { insertSignedContract } from '../support/contracts';

/**
 * Imports of contracts, payment plans and receipts from the core systems (issue 14 item 9, ACC-6):
 * the Chinese headers, a dry run naming every bad row and why, all-or-nothing commit, the kinds'
 * permissions and scope, and what a commit leaves behind (states, audit, the account's figures).
 */

let t: TestApp;
const c: Record<string, Client> = {};
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['director', 'prov_director', 'manager_a', 'spec_a1', 'finance']) c[u] = await t.login(u);
  for (const u of ['director', 'manager_a', 'spec_a1', 'prov_director', 'finance']) {
    ids[u] = (await t.database.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  }
});
afterAll(async () => t?.close());

async function account(who: string, body: Record<string, unknown>) {
  const r = await c[who].post('/api/accounts', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number };
}
/** [column, key] of each problem of a row */
const reasons = (rows: Awaited<ReturnType<typeof reportRows>>, rowNo: number) => rows.find((r) => r.rowNo === rowNo)?.errors.map((e) => [e.column, e.key]);
const contract = (number: string) => t.database.db.selectFrom('contracts').selectAll().where('number', '=', number).executeTakeFirst();
const importAudits = async (importId: number, entity: string) =>
  (await sql<{ action: string; entity_id: string }>`select action, entity_id from audit_log where entity = ${entity} and diff->'_'->>'importId' = ${String(importId)} order by id`.execute(t.database.db)).rows;

describe('templates', () => {
  it('each kind has its Chinese headers, the required ones marked, and the contract template says imported contracts are records, not drafts', async () => {
    const k = await download(t, c.director, '/api/import-templates/contracts?format=csv');
    expect(k.status).toBe(200);
    expect(k.body.toString('utf8')).toBe('\uFEFF*合同编号,*合同类型,上级合同编号,客户,客户统一社会信用代码,负责人,*合同名称,*合同金额（元）,*签订日期,开始日期,结束日期,付款条件,状态,备注\r\n');
    const i = await download(t, c.director, '/api/import-templates/instalments?format=csv');
    expect(i.body.toString('utf8')).toBe('\uFEFF*合同编号,*期次,里程碑,*到期日,*金额（元）\r\n');
    const r = await download(t, c.finance, '/api/import-templates/receipts?format=csv');
    expect(r.body.toString('utf8')).toBe('\uFEFF回款单号,客户,客户统一社会信用代码,*到账日期,*金额（元）,方式,银行流水号,付款方,备注,确认\r\n');
    const x = await download(t, c.director, '/api/import-templates/contracts?format=xlsx');
    const [headers] = await readXlsx(x.body);
    expect(headers).toContain('状态');
    expect(x.body.length).toBeGreaterThan(1000);
  });
});

describe('contracts', () => {
  it('reports every bad row with its reason; committed, the good ones are signed records with their parents, revisions, audit and the account\'s signed revenue', async () => {
    const a = await account('director', { name: '合同导入甲公司', creditCode: creditCode(7001) });
    const b = await account('director', { name: '合同导入乙公司' });
    const far = await account('prov_director', { name: '省公司合同客户' });
    void far;
    await insertSignedContract(t.database.db, { accountId: a.id, ownerId: ids.manager_a, number: 'HT-OLD-1', instalments: [{ dueDate: '2026-03-01', amount: 100_00 }] });
    const file = await xlsx([
      ['合同编号', '合同类型', '上级合同编号', '客户', '负责人', '合同名称', '合同金额（元）', '签订日期', '开始日期', '结束日期', '付款条件', '状态'],
      ['KJ-2025-01', '战略合作协议', null, creditCode(7001), 'manager_a', '年度框架', '5000000', '2025-01-10', '2025-01-10', '2025-12-31', null, '执行中'],
      ['XS-2025-01', '销售合同', 'KJ-2025-01', '合同导入甲公司', '孙经理', '一期设备', '1200000.50', '2025-02-01', null, null, '30/60/10', '已完成'],
      ['BC-2025-01', '补充协议', 'XS-2025-01', creditCode(7001), null, '一期增补', '100000', '2025-03-01', null, null, null, null],
      ['XS-2025-02', '销售合同', null, '合同导入乙公司', 'spec_a1', '乙公司合同', '88000', '2025-04-01', null, null, null, '已签订'],
      // the errors
      ['hT-old-1', '销售合同', null, '合同导入甲公司', null, '编号已存在', '1', '2025-01-01', null, null, null, null],
      ['XS-2025-02', '销售合同', null, '合同导入甲公司', null, '文件内重复', '1', '2025-01-01', null, null, null, null],
      ['KJ-2025-02', '战略合作协议', 'XS-2025-01', '合同导入甲公司', null, '框架不能有上级', '1', '2025-01-01', null, null, null, null],
      ['BC-2025-02', '补充协议', null, '合同导入甲公司', null, '补充协议缺上级', '1', '2025-01-01', null, null, null, null],
      ['BC-2025-03', '补充协议', 'KJ-2025-01', '合同导入甲公司', null, '上级不是销售合同', '1', '2025-01-01', null, null, null, null],
      ['XS-2025-03', '销售合同', 'KJ-2025-01', '合同导入乙公司', null, '上级属于别的客户', '1', '2025-01-01', null, null, null, null],
      ['XS-2025-04', '销售合同', null, '省公司合同客户', null, '客户不在范围', '1', '2025-01-01', null, null, null, null],
      ['XS-2025-05', '销售合同', null, '合同导入甲公司', 'nobody', '负责人不存在', '1', '2025-01-01', null, null, null, null],
      ['XS-2025-06', '销售合同', null, '合同导入甲公司', 'prov_director', '负责人不在范围', '1', '2025-01-01', null, null, null, null],
      ['XS-2025-07', '销售合同', null, '合同导入甲公司', null, '结束早于开始', '1', '2025-01-01', '2025-05-01', '2025-04-01', null, null],
      ['XS-2025-08', '销售合同', null, '合同导入甲公司', null, '草稿不能导入', '1', '2025-01-01', null, null, null, '草稿'],
      ['XS-2025-09', '销售合同', null, '合同导入甲公司', null, '缺签订日期', '1', null, null, null, null, null],
    ]);
    const s = await dryRun(t, c.director, 'contracts', '合同.xlsx', file);
    expect(s.status).toBe('validated');
    expect(s.counts).toEqual({ total: 16, ok: 4, error: 12, duplicate: 0 });
    const rows = await reportRows(c.director, s.id);
    for (const n of [2, 3, 4, 5]) expect(reasons(rows, n)).toEqual([]);
    expect(reasons(rows, 6)).toEqual([['合同编号', 'transfer.contractNumberTaken']]);
    expect(reasons(rows, 7)).toEqual([['合同编号', 'transfer.numberRepeated']]);
    expect(rows.find((r) => r.rowNo === 7)!.errors[0].params).toEqual({ row: 5 });
    expect(reasons(rows, 8)).toEqual([['上级合同编号', 'transfer.parentNotAllowed']]);
    expect(reasons(rows, 9)).toEqual([['上级合同编号', 'transfer.parentRequired']]);
    expect(reasons(rows, 10)).toEqual([['上级合同编号', 'transfer.parentNotSales']]);
    expect(reasons(rows, 11)).toEqual([['上级合同编号', 'transfer.parentNotFramework']]);
    expect(reasons(rows, 12)).toEqual([['客户', 'contacts.accountNotFound']]);
    expect(reasons(rows, 13)).toEqual([['负责人', 'transfer.userUnknown']]);
    expect(reasons(rows, 14)).toEqual([['负责人', 'contracts.ownerOutOfScope']]);
    expect(reasons(rows, 15)).toEqual([['结束日期', 'transfer.endBeforeStart']]);
    expect(reasons(rows, 16)).toEqual([['状态', 'transfer.notOneOf']]);
    expect(reasons(rows, 17)).toEqual([['签订日期', 'transfer.required']]);
    // the credit code in 客户 named the account by its code
    expect(rows.find((r) => r.rowNo === 2)!.values).toMatchObject({ accountCreditCode: creditCode(7001), accountId: a.id, ownerId: ids.manager_a });

    // errors block the commit until the user says to leave them out
    expect((await c.director.post(`/api/imports/${s.id}/commit`, { version: s.version })).status).toBe(409);
    const done = await commit(t, c.director, s.id, s.version, true);
    expect(done.status, JSON.stringify(done.error)).toBe('committed');
    expect(done.result).toEqual({ created: 4, updated: 0, skipped: 0, excluded: 12 });

    const kj = (await contract('KJ-2025-01'))!;
    const xs = (await contract('XS-2025-01'))!;
    const bc = (await contract('BC-2025-01'))!;
    const xs2 = (await contract('XS-2025-02'))!;
    expect(kj).toMatchObject({ kind: 'framework', status: 'in_progress', account_id: a.id, owner_id: ids.manager_a, amount: 5_000_000_00, parent_id: null, revision: 0 });
    expect(xs).toMatchObject({ kind: 'sales', status: 'completed', parent_id: kj.id, owner_id: ids.manager_a, amount: 1_200_000_50, payment_terms: '30/60/10', sign_date: '2025-02-01' });
    expect(xs.closed_at).not.toBeNull();
    expect(bc).toMatchObject({ kind: 'supplement', status: 'signed', parent_id: xs.id, revision: 1, owner_id: ids.director });
    expect(bc.signed_at).not.toBeNull();
    expect(xs2).toMatchObject({ account_id: b.id, owner_id: ids.spec_a1 });
    expect(await contract('XS-2025-05')).toBeUndefined();
    const audits = await importAudits(s.id, 'contract');
    expect(audits.map((x) => x.action)).toEqual(['import', 'import', 'import', 'import']);
    // the sales contract and its supplement feed the account's signed revenue of 2025 (beside the older contract's 2026); the framework does not
    const signed = await t.database.db.selectFrom('account_revenue').select(['year', 'amount']).where('account_id', '=', a.id).where('source', '=', 'signed').orderBy('year').execute();
    expect(signed.map((r) => [r.year, Number(r.amount)])).toEqual([
      [2025, 1_200_000_50 + 100_000_00],
      [2026, 100_00],
    ]);
    // the owner reads them through the contracts room
    const seen = await c.manager_a.get(`/api/contracts/${xs.id}`);
    expect(seen.status).toBe(200);
  });

  it('needs contract:write: a specialist may not import contracts', async () => {
    const r = await upload(t, c.spec_a1, '/api/imports?kind=contracts', 'k.xlsx', await xlsx([['合同编号'], ['X']]));
    expect(r.status).toBe(403);
  });
});

describe('payment plans', () => {
  it('each contract\'s instalments add up to its amount or all its rows are errors; a contract with a plan, a framework or one out of reach is refused', async () => {
    const a = await account('director', { name: '回款计划客户' });
    const mk = async (number: string, amount: number, kind = 'sales') => {
      const [row] = await t.database.db
        .insertInto('contracts')
        .values({ number, kind, account_id: a.id, owner_id: ids.manager_a, unit_id: (await t.database.db.selectFrom('users').select('unit_id').where('id', '=', ids.manager_a).executeTakeFirstOrThrow()).unit_id, title: number, amount, sign_date: '2025-06-01', status: 'signed', created_by: ids.director })
        .returning('id')
        .execute();
      return row.id;
    };
    const good = await mk('JH-GOOD', 1000_00);
    const wrongSum = await mk('JH-SUM', 500_00);
    const halfBad = await mk('JH-HALF', 300_00);
    await mk('JH-FRAME', 100_00, 'framework');
    await insertSignedContract(t.database.db, { accountId: a.id, ownerId: ids.manager_a, number: 'JH-HASPLAN', instalments: [{ dueDate: '2025-07-01', amount: 50_00 }] });
    const far = await account('prov_director', { name: '省公司计划客户' });
    await insertSignedContract(t.database.db, { accountId: far.id, ownerId: ids.prov_director, number: 'JH-FAR', instalments: [] });

    const file = csv([
      ['合同编号', '期次', '里程碑', '到期日', '金额（元）'],
      ['JH-GOOD', 1, '预付款', '2025-06-10', '300'],
      ['jh-good', 2, '到货', '2025-08-10', '600'],
      ['JH-GOOD', 3, '质保金', '2026-06-10', '100'],
      ['JH-SUM', 1, '', '2025-06-10', '200'],
      ['JH-SUM', 2, '', '2025-07-10', '200'],
      ['JH-HALF', 1, '', '2025-06-10', '100'],
      ['JH-HALF', 2, '', '2025-13-10', '200'],
      ['JH-FRAME', 1, '', '2025-06-10', '100'],
      ['JH-HASPLAN', 2, '', '2025-08-01', '10'],
      ['JH-FAR', 1, '', '2025-08-01', '10'],
      ['JH-NONE', 1, '', '2025-08-01', '10'],
      ['JH-GOOD', 3, '', '2026-07-10', '0.01'],
    ]);
    const s = await dryRun(t, c.director, 'instalments', '计划.csv', file);
    expect(s.status).toBe('validated');
    const rows = await reportRows(c.director, s.id);
    // JH-GOOD's repeated instalment 3 breaks its plan too: a plan is whole or nothing
    expect(reasons(rows, 13)).toEqual([['期次', 'transfer.instalmentRepeated'], [null, 'transfer.planHasErrors']]);
    expect(reasons(rows, 2)).toEqual([[null, 'transfer.planHasErrors']]);
    expect(reasons(rows, 5)).toEqual([[null, 'transfer.planSumMismatch']]);
    expect(rows.find((r) => r.rowNo === 5)!.errors[0].params).toEqual({ contract: 'JH-SUM', sum: '400.00', amount: '500.00' });
    expect(reasons(rows, 8)).toEqual([['到期日', 'transfer.notDate'], [null, 'transfer.planHasErrors']]);
    expect(reasons(rows, 7)).toEqual([[null, 'transfer.planHasErrors']]);
    expect(reasons(rows, 9)).toEqual([['合同编号', 'transfer.frameworkNoPlan']]);
    expect(reasons(rows, 10)).toEqual([['合同编号', 'transfer.contractHasPlan']]);
    expect(reasons(rows, 11)).toEqual([['合同编号', 'transfer.contractNotFound']]);
    expect(reasons(rows, 12)).toEqual([['合同编号', 'transfer.contractNotFound']]);
    expect(s.counts.ok).toBe(0);
    await c.director.post(`/api/imports/${s.id}/cancel`, { version: s.version });

    // the corrected file goes through whole
    const fixed = csv([
      ['合同编号', '期次', '里程碑', '到期日', '金额（元）'],
      ['JH-GOOD', 1, '预付款', '2025-06-10', '300'],
      ['jh-good', 2, '到货', '2025-08-10', '600'],
      ['JH-GOOD', 3, '质保金', '2026-06-10', '100'],
      ['JH-SUM', 1, '', '2025-06-10', '200'],
      ['JH-SUM', 2, '', '2025-07-10', '300'],
    ]);
    const s2 = await dryRun(t, c.director, 'instalments', '计划.csv', fixed);
    expect(s2.counts).toEqual({ total: 5, ok: 5, error: 0, duplicate: 0 });
    const done = await commit(t, c.director, s2.id, s2.version);
    expect(done.result).toEqual({ created: 5, updated: 0, skipped: 0, excluded: 0 });
    const plan = await t.database.db.selectFrom('contract_instalments').select(['contract_id', 'account_id', 'seq', 'milestone', 'due_date', 'amount']).where('contract_id', 'in', [good, wrongSum]).orderBy('contract_id').orderBy('seq').execute();
    expect(plan.map((p) => [p.contract_id, p.seq, p.due_date, Number(p.amount), p.account_id])).toEqual([
      [good, 1, '2025-06-10', 300_00, a.id],
      [good, 2, '2025-08-10', 600_00, a.id],
      [good, 3, '2026-06-10', 100_00, a.id],
      [wrongSum, 1, '2025-06-10', 200_00, a.id],
      [wrongSum, 2, '2025-07-10', 300_00, a.id],
    ]);
    expect((await importAudits(s2.id, 'contract')).map((x) => Number(x.entity_id)).sort()).toEqual([good, wrongSum].sort());
    // the contract reads its plan, overdue as of today
    const read = await c.director.get(`/api/contracts/${good}`);
    expect(read.body.instalments.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
    void halfBad;

    // importing the same plan again: every contract has one now
    const again = await dryRun(t, c.director, 'instalments', '计划.csv', fixed);
    expect(again.counts.error).toBe(5);
    expect(reasons(await reportRows(c.director, again.id), 2)).toEqual([['合同编号', 'transfer.contractHasPlan']]);
  });
});

describe('receipts', () => {
  it('finance imports receipts: duplicates by bank reference (database and file) are reported and skipped, 确认=是 arrives confirmed as the account\'s credit', async () => {
    const a = await account('director', { name: '回款导入客户', creditCode: creditCode(7101) });
    const existing = await c.finance.post('/api/receipts', { accountId: a.id, receivedOn: '2025-05-01', amount: 1000, bankRef: 'BANK-OLD-1' });
    expect(existing.status, JSON.stringify(existing.body)).toBeLessThan(300);
    await c.finance.post('/api/receipts', { accountId: a.id, receivedOn: '2025-05-01', amount: 1000, number: 'HK-TAKEN-1' });

    const file = xlsx([
      ['回款单号', '客户', '到账日期', '金额（元）', '方式', '银行流水号', '付款方', '备注', '确认'],
      ['HK-IMP-1', '回款导入客户', '2025-06-01', '150000.25', '银行转账', 'BANK-1', '回款导入客户', '首付款', '是'],
      [null, creditCode(7101), '2025-06-02', '2000', '承兑汇票', 'BANK-2', null, null, '否'],
      [null, '回款导入客户', '2025-06-03', '3000', null, null, null, null, null],
      [null, '回款导入客户', '2025-06-04', '10', null, 'BANK-OLD-1', null, '库中已有', '是'],
      [null, '回款导入客户', '2025-06-05', '10', null, 'BANK-1', null, '文件内重复', '是'],
      ['hk-taken-1', '回款导入客户', '2025-06-06', '10', null, null, null, null, null],
      ['HK-IMP-1', '回款导入客户', '2025-06-06', '10', null, null, null, null, null],
      [null, '没有这个客户', '2025-06-06', '10', null, null, null, null, null],
      [null, '回款导入客户', '2025-06-06', '0', null, null, null, null, null],
      [null, '回款导入客户', '2025-06-06', '10', '支票', null, null, null, null],
    ]);
    const s = await dryRun(t, c.finance, 'receipts', '回款.xlsx', await file);
    expect(s.status).toBe('validated');
    expect(s.counts).toEqual({ total: 10, ok: 3, error: 5, duplicate: 2 });
    const rows = await reportRows(c.finance, s.id);
    expect(rows.find((r) => r.rowNo === 5)!.match).toMatchObject({ source: 'db', by: 'bankRef', name: existing.body.number });
    expect(rows.find((r) => r.rowNo === 6)!.match).toMatchObject({ source: 'file', by: 'bankRef', row: 2 });
    expect(reasons(rows, 7)).toEqual([['回款单号', 'transfer.receiptNumberTaken']]);
    expect(reasons(rows, 8)).toEqual([['回款单号', 'transfer.numberRepeated']]);
    expect(reasons(rows, 9)).toEqual([['客户', 'contacts.accountNotFound']]);
    expect(reasons(rows, 10)?.[0]).toEqual(['金额（元）', 'validation.too_small']);
    expect(reasons(rows, 11)).toEqual([['方式', 'transfer.notOneOf']]);

    const done = await commit(t, c.finance, s.id, s.version, true);
    expect(done.result).toEqual({ created: 3, updated: 0, skipped: 2, excluded: 5 });
    const made = await t.database.db.selectFrom('receipts').selectAll().where('source', '=', 'import').where('account_id', '=', a.id).orderBy('id').execute();
    expect(made.map((r) => [r.number.startsWith('HK-') ? r.number.replace(/\d{6}$/, 'n') : r.number, Number(r.amount), r.method, r.bank_ref, r.status, r.received_on])).toEqual([
      ['HK-IMP-1', 150_000_25, 'transfer', 'BANK-1', 'confirmed', '2025-06-01'],
      ['HK-2025-n', 2000_00, 'acceptance', 'BANK-2', 'recorded', '2025-06-02'],
      ['HK-2025-n', 3000_00, 'transfer', null, 'recorded', '2025-06-03'],
    ]);
    expect(made[1].number).toBe(`HK-2025-${String(made[1].id).padStart(6, '0')}`);
    const accountRow = await t.database.db.selectFrom('accounts').select(['owner_id', 'unit_id']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(made[0]).toMatchObject({ owner_id: accountRow.owner_id, unit_id: accountRow.unit_id, recorded_by: ids.finance, confirmed_by: ids.finance, allocated: 0 });
    expect(made[0].confirmed_at).not.toBeNull();
    expect(made[1]).toMatchObject({ confirmed_by: null, confirmed_at: null });
    expect((await importAudits(s.id, 'receipt')).map((x) => x.action)).toEqual(['import', 'import', 'import']);
    // the report knows where each row landed; the skipped duplicate has no record
    const after = await reportRows(c.finance, s.id);
    expect(after.find((r) => r.rowNo === 2)!.recordId).toBe(made[0].id);
    expect(after.find((r) => r.rowNo === 5)!.recordId).toBeNull();
    // the confirmed receipt is the account's credit
    const credit = await c.finance.get(`/api/accounts/${a.id}/credit`);
    expect(credit.status).toBe(200);
    expect(JSON.stringify(credit.body)).toContain(String(150_000_25));
  });

  it('only receipt:confirm holders import receipts; finance imports no accounts', async () => {
    expect((await upload(t, c.director, '/api/imports?kind=receipts', 'r.xlsx', await xlsx([['客户'], ['x']]))).status).toBe(403);
    expect((await upload(t, c.spec_a1, '/api/imports?kind=receipts', 'r.xlsx', await xlsx([['客户'], ['x']]))).status).toBe(403);
    expect((await upload(t, c.finance, '/api/imports?kind=accounts', 'a.xlsx', await xlsx([['客户名称'], ['x']]))).status).toBe(403);
  });
});
