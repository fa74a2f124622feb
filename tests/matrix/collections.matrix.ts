import type { Client } from '../support/app';
import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';
import { all, conflicts, type MatrixSuite } from './harness';

/**
 * Collections (DEAL-2). Receipts follow their owner / unit (the account's owner when recorded): read
 * with receipt:read (everyone; specialists their own), written with receipt:write (managers their
 * team, the director the unit, finance all; gm and specialists have none), confirmed with
 * receipt:confirm (finance). Invoices and write-offs are reached through their contract's owner / unit
 * under the same permissions. Records: account A of spec_a1 (team A) with a contract, a recorded, a
 * void and a confirmed receipt, an undone allocation, a void invoice and a pending write-off; account B
 * of spec_b1 (team B) with a recorded receipt. Writes meet a wrong version or a state that refuses
 * them (409 after the scope check), so nothing changes between users.
 */
const readA = all('allow', { spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden' });
const writers = all('allow', { gm: 'deny', spec_a1: 'deny', spec_b1: 'deny' });
const writeA = writers;
const writeB = all('allow', { gm: 'deny', spec_a1: 'deny', spec_b1: 'deny', manager_a: 'hidden' });
const confirmers = all('deny', { admin: 'allow', finance: 'allow' });

async function ok<T = { id: number; version: number }>(p: Promise<{ status: number; body: unknown }>, status = 201): Promise<T> {
  const r = await p;
  if (r.status !== status) throw new Error(`setup: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export const collectionsMatrix: MatrixSuite = {
  feature: 'collections',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    ids.accountA = await insertAccount(db, '矩阵回款客户甲', u.spec_a1!);
    ids.accountB = await insertAccount(db, '矩阵回款客户乙', u.spec_b1!);
    const contract = await insertSignedContract(db, { accountId: ids.accountA, ownerId: u.spec_a1!, instalments: [{ dueDate: '2026-03-31', amount: 100_000 }, { dueDate: '2026-06-30', amount: 100_000 }] });
    ids.instA = contract.instalmentIds[0]!;
    const finance: Client = await t.login('finance');
    const manager = await t.login('manager_a');
    const receipt = (accountId: number, amount: number) => ok(finance.post('/api/receipts', { accountId, amount, receivedOn: '2026-04-01' }));

    ids.recordedA = (await receipt(ids.accountA, 1_000)).id;
    ids.recordedB = (await receipt(ids.accountB, 1_000)).id;
    ids.voidA = (await receipt(ids.accountA, 1_000)).id;
    await ok(finance.post(`/api/receipts/${ids.voidA}/void`, { reason: '矩阵' }), 200);
    const confirmed = await receipt(ids.accountA, 50_000);
    ids.confirmedA = confirmed.id;
    await ok(finance.post(`/api/receipts/${confirmed.id}/confirm`, { version: confirmed.version, allocate: [{ instalmentId: ids.instA, amount: 10_000 }] }), 200);
    const detail = await ok<{ allocations: { id: number }[] }>(finance.get(`/api/receipts/${confirmed.id}`), 200);
    ids.undoneAllocation = detail.allocations[0]!.id;
    await ok(finance.post(`/api/receipt-allocations/${ids.undoneAllocation}/undo`, { reason: '矩阵' }), 200);

    ids.voidInvoice = (await ok(finance.post('/api/invoices', { instalmentId: ids.instA, number: 'MX-FP-1', issuedOn: '2026-03-01', amount: 1_000, type: 'normal' }))).id;
    await ok(finance.post(`/api/invoices/${ids.voidInvoice}/void`, { reason: '矩阵' }), 200);
    ids.writeOff = (await ok(manager.post(`/api/instalments/${ids.instA}/write-offs`, { amount: 1_000, reason: '矩阵' }))).id;
  },
  cases: [
    { name: 'receipts in scope', method: 'GET', url: () => '/api/receipts', expect: all('allow') },
    { name: 'receipt export', method: 'GET', url: () => '/api/receipts/export', expect: all('allow') },
    { name: 'record a receipt (invalid)', method: 'POST', url: () => '/api/receipts', body: () => ({}), expect: writers },
    { name: "account A's receipt", method: 'GET', url: ({ ids }) => `/api/receipts/${ids.recordedA}`, expect: readA },
    { name: "account B's receipt", method: 'GET', url: ({ ids }) => `/api/receipts/${ids.recordedB}`, expect: readB },
    { name: "change account A's receipt (wrong version)", method: 'PUT', url: ({ ids }) => `/api/receipts/${ids.recordedA}`, body: () => ({ amount: 1, version: 999 }), expect: conflicts(writeA) },
    { name: "change account B's receipt (wrong version)", method: 'PUT', url: ({ ids }) => `/api/receipts/${ids.recordedB}`, body: () => ({ amount: 1, version: 999 }), expect: conflicts(writeB) },
    { name: "void account A's void receipt", method: 'POST', url: ({ ids }) => `/api/receipts/${ids.voidA}/void`, body: () => ({ reason: '再作废' }), expect: conflicts(writeA) },
    { name: "confirm account A's receipt (wrong version)", method: 'POST', url: ({ ids }) => `/api/receipts/${ids.recordedA}/confirm`, body: () => ({ version: 999 }), expect: conflicts(confirmers) },
    { name: "allocation proposal of account A's receipt", method: 'GET', url: ({ ids }) => `/api/receipts/${ids.confirmedA}/proposal`, expect: writeA },
    { name: "allocate account A's unconfirmed receipt", method: 'POST', url: ({ ids }) => `/api/receipts/${ids.recordedA}/allocations`, body: () => ({ auto: true }), expect: conflicts(writeA) },
    { name: 'undo an undone allocation of account A', method: 'POST', url: ({ ids }) => `/api/receipt-allocations/${ids.undoneAllocation}/undo`, body: () => ({ reason: '再撤' }), expect: conflicts(writeA) },
    { name: "account A's credit", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountA}/credit`, expect: readA },
    { name: 'invoices in scope', method: 'GET', url: () => '/api/invoices', expect: all('allow') },
    { name: 'issue an invoice (invalid)', method: 'POST', url: () => '/api/invoices', body: () => ({}), expect: writers },
    { name: "void account A's void invoice", method: 'POST', url: ({ ids }) => `/api/invoices/${ids.voidInvoice}/void`, body: () => ({ reason: '再作废' }), expect: conflicts(writeA) },
    { name: "write off account A's instalment (one is pending)", method: 'POST', url: ({ ids }) => `/api/instalments/${ids.instA}/write-offs`, body: () => ({ amount: 1, reason: '再核销' }), expect: conflicts(writeA) },
    { name: "write-offs of account A's instalment", method: 'GET', url: ({ ids }) => `/api/instalments/${ids.instA}/write-offs`, expect: readA },
    { name: "account A's write-off", method: 'GET', url: ({ ids }) => `/api/instalment-write-offs/${ids.writeOff}`, expect: readA },
    { name: "withdraw account A's write-off (wrong version)", method: 'POST', url: ({ ids }) => `/api/instalment-write-offs/${ids.writeOff}/withdraw`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
  ],
};
