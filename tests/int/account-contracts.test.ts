import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContractFigures } from '../../src/server/features/accounts';
import { systemActor } from '../../src/server/platform/auth/actor-loader';
import { businessDate } from '../../src/shared/domain/business-time';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';

/** Issue 14 item 8, decision 014: the signed contracts feed the account's revenue and 高价值. */
let t: TestApp;
let director: Client;
let accountId: number;
const yuan = (n: number) => Math.round(n * 100);
const TZ = 'Asia/Shanghai';
const dayOffset = (days: number) => businessDate(new Date(Date.now() + days * 86_400_000), TZ);

const sync = () => syncContractFigures(t.database.db, [accountId], systemActor(), TZ);
const detail = async () => (await director.get(`/api/accounts/${accountId}`)).body;
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp({ config: { BUSINESS_TZ: TZ } });
  director = await t.login('director');
  accountId = await insertAccount(t.database.db, '江南精密制造有限公司', t.org.users.manager_a!);
  await t.database.db.updateTable('accounts').set({ credit_standing: 'good' }).where('id', '=', accountId).execute();
  const acc = await detail();
  const put = await director.put(`/api/accounts/${accountId}/revenue`, { rows: [{ year, source: 'import', amount: yuan(3_000_000), note: 'ERP' }], version: acc.version });
  expect(put.status).toBe(200);
});
afterAll(() => t.close());

describe('the account read from its contracts', () => {
  let contractId: number;
  it('a signed ¥12M contract makes the year ¥12M (the larger source, not ¥15M) and the account 高价值', async () => {
    ({ contractId } = await insertSignedContract(t.database.db, { accountId, ownerId: t.org.users.manager_a!, signDate: `${year}-01-10`, instalments: [{ dueDate: dayOffset(30), amount: yuan(12_000_000) }] }));
    await sync();
    const a = await detail();
    expect(a.revenueByYear.find((r: { year: number }) => r.year === year).amount).toBe(yuan(12_000_000));
    expect(a.categories).toContain('high_value');
    expect(a.highValueOverride).toBeNull();
    const ledger = (await director.get(`/api/accounts/${accountId}/revenue`)).body;
    expect(ledger.rows.map((r: { source: string; amount: number }) => [r.source, r.amount]).sort()).toEqual([['import', yuan(3_000_000)], ['signed', yuan(12_000_000)]]);
    // the history says why
    const changes = (await director.get(`/api/accounts/${accountId}/changes`)).body.items;
    expect(changes.some((c: { field: string; reasonKey: string; to: string }) => c.field === 'categories' && c.reasonKey === 'contracts' && c.to.includes('high_value'))).toBe(true);
  });

  it('editing the ledger by hand keeps the signed row, and a signed row cannot be typed', async () => {
    const a = await detail();
    const bad = await director.put(`/api/accounts/${accountId}/revenue`, { rows: [{ year, source: 'signed', amount: 1, note: '' }], version: a.version });
    expect(bad.status).toBe(400);
    const ok = await director.put(`/api/accounts/${accountId}/revenue`, { rows: [{ year, source: 'import', amount: yuan(20_000_000), note: 'ERP' }], version: a.version });
    expect(ok.status).toBe(200);
    const ledger = (await director.get(`/api/accounts/${accountId}/revenue`)).body;
    expect(ledger.rows.find((r: { source: string }) => r.source === 'signed').amount).toBe(yuan(12_000_000));
    // now the ledger is the larger
    expect((await detail()).revenueByYear.find((r: { year: number }) => r.year === year).amount).toBe(yuan(20_000_000));
  });

  it('payment credit: an instalment owed more than 90 days overdue takes 高价值 away, 90 days does not', async () => {
    await t.database.db.updateTable('contract_instalments').set({ due_date: dayOffset(-90) }).where('contract_id', '=', contractId).execute();
    await sync();
    expect((await detail()).categories).toContain('high_value');
    await t.database.db.updateTable('contract_instalments').set({ due_date: dayOffset(-91) }).where('contract_id', '=', contractId).execute();
    await sync();
    expect((await detail()).categories).not.toContain('high_value');
  });

  it('the director overrides it, and hands it back to the contracts with null', async () => {
    let a = await detail();
    const set = await director.post(`/api/accounts/${accountId}/categories`, { highValue: true, reason: '集团总部战略采购', version: a.version });
    expect(set.status).toBe(200);
    a = await detail();
    expect(a.highValueOverride).toBe(true);
    expect(a.categories).toContain('high_value');
    await sync();
    expect((await detail()).categories).toContain('high_value');
    const back = await director.post(`/api/accounts/${accountId}/categories`, { highValue: null, reason: '按合同判定', version: a.version });
    expect(back.status).toBe(200);
    a = await detail();
    expect(a.highValueOverride).toBeNull();
    expect(a.categories).not.toContain('high_value');
  });

  it('a terminated contract counts what it brought in; a void one nothing', async () => {
    await t.database.db.updateTable('contract_instalments').set({ paid_amount: yuan(25_000_000 / 10) }).where('contract_id', '=', contractId).execute();
    await t.database.db.updateTable('contracts').set({ status: 'terminated', status_reason: '客户战略调整' }).where('id', '=', contractId).execute();
    await sync();
    let ledger = (await director.get(`/api/accounts/${accountId}/revenue`)).body;
    expect(ledger.rows.find((r: { source: string }) => r.source === 'signed').amount).toBe(yuan(2_500_000));
    await t.database.db.updateTable('contracts').set({ status: 'void', status_reason: '录入错误' }).where('id', '=', contractId).execute();
    await sync();
    ledger = (await director.get(`/api/accounts/${accountId}/revenue`)).body;
    expect(ledger.rows.some((r: { source: string }) => r.source === 'signed')).toBe(false);
  });

  it('a confirmed receipt allocated to the long-overdue instalment brings 高价值 back at once, through the collections room', async () => {
    const other = await insertAccount(t.database.db, '江北重工集团有限公司', t.org.users.manager_a!);
    await t.database.db.updateTable('accounts').set({ credit_standing: 'good' }).where('id', '=', other).execute();
    const { instalmentIds } = await insertSignedContract(t.database.db, { accountId: other, ownerId: t.org.users.manager_a!, signDate: `${year}-01-05`, instalments: [{ dueDate: dayOffset(-120), amount: yuan(4_000_000) }, { dueDate: dayOffset(60), amount: yuan(8_000_000) }] });
    await syncContractFigures(t.database.db, [other], systemActor(), TZ);
    const read = async () => (await director.get(`/api/accounts/${other}`)).body;
    expect((await read()).categories).not.toContain('high_value');
    const manager = await t.login('manager_a');
    const finance = await t.login('finance');
    const r = await manager.post('/api/receipts', { accountId: other, receivedOn: dayOffset(-1), amount: yuan(4_000_000), method: 'transfer', bankRef: 'ACC-CONTRACTS-1' });
    expect(r.status).toBe(201);
    // recorded only: it counts nowhere yet
    expect((await read()).categories).not.toContain('high_value');
    const c = await finance.post(`/api/receipts/${r.body.id}/confirm`, { version: r.body.version, allocate: 'auto' });
    expect(c.status).toBe(200);
    const inst = await t.database.db.selectFrom('contract_instalments').select(['paid_amount']).where('id', '=', instalmentIds[0]!).executeTakeFirstOrThrow();
    expect(Number(inst.paid_amount)).toBe(yuan(4_000_000));
    expect((await read()).categories).toContain('high_value');
  });

  it('through the API: approving a contract feeds the account at once, terminating it counts what it brought in', async () => {
    const acc = await insertAccount(t.database.db, '江东港务集团有限公司', t.org.users.manager_a!);
    await t.database.db.updateTable('accounts').set({ credit_standing: 'good' }).where('id', '=', acc).execute();
    const manager = await t.login('manager_a');
    const people: Record<string, Client> = { director, manager_a: manager, finance: await t.login('finance'), gm: await t.login('gm') };
    const created = await manager.post('/api/contracts', { kind: 'sales', accountId: acc, title: '港口设备采购', amount: yuan(11_000_000), signDate: `${year}-02-01`, instalments: [{ milestone: '预付款', dueDate: dayOffset(20), amount: yuan(11_000_000) }] });
    expect(created.status).toBe(201);
    expect((await manager.post(`/api/contracts/${created.body.id}/submit`, { version: created.body.version })).status).toBe(200);
    for (;;) {
      const inst = await t.database.db.selectFrom('approval_instances').select(['id', 'status', 'current_seq']).where('doc_type', '=', 'contract').where('doc_id', '=', created.body.id).executeTakeFirstOrThrow();
      if (inst.status !== 'pending') break;
      const step = await t.database.db.selectFrom('approval_steps').select('approver_id').where('instance_id', '=', inst.id).where('seq', '=', inst.current_seq!).executeTakeFirstOrThrow();
      const who = Object.entries(t.org.users).find(([, id]) => id === step.approver_id)![0];
      expect((await people[who]!.post(`/api/approvals/${inst.id}/approve`, {})).status).toBe(200);
    }
    const a = (await director.get(`/api/accounts/${acc}`)).body;
    expect(a.categories).toContain('high_value');
    expect(a.revenueByYear.find((r: { year: number }) => r.year === year).amount).toBe(yuan(11_000_000));
    const c = (await director.get(`/api/contracts/${created.body.id}`)).body;
    expect((await director.post(`/api/contracts/${c.id}/terminate`, { version: c.version, reason: '客户项目取消' })).status).toBe(200);
    const after = (await director.get(`/api/accounts/${acc}`)).body;
    expect(after.categories).not.toContain('high_value');
    expect(after.revenueByYear.find((r: { year: number }) => r.year === year)).toBeUndefined();
  });
});
