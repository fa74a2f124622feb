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
});
