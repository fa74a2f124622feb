import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDunning } from '../../src/server/features/receivables';
import { businessDate } from '../../src/shared/domain/business-time';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';
import { download, readXlsx } from '../support/transfer';

/** DEAL-2 collections: receipts, confirmation by finance, allocation, credit, undo, invoices, write-offs. */
let t: TestApp;
const c: Record<string, Client> = {};
const ids: Record<string, number> = {};
let inst: number[] = [];

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();
const keys = (r: { body: { error: { details: { issues: { key: string }[] } } } }) => r.body.error.details.issues.map((i) => i.key);

async function instalment(id: number) {
  return t.database.db.selectFrom('contract_instalments').select(['paid_amount', 'written_off', 'written_off_on', 'settled_on']).where('id', '=', id).executeTakeFirstOrThrow();
}
async function receiptRow(id: number) {
  return t.database.db.selectFrom('receipts').select(['allocated', 'status', 'amount']).where('id', '=', id).executeTakeFirstOrThrow();
}

let seq = 0;
/** A receipt recorded by `by` and, unless told otherwise, confirmed by finance. */
async function receipt(accountId: number, amount: number, opts: { by?: string; confirm?: boolean; receivedOn?: string } = {}) {
  const r = await c[opts.by ?? 'manager_a']!.post('/api/receipts', { accountId, amount, receivedOn: opts.receivedOn ?? '2026-04-10', bankRef: `T${process.pid}-${++seq}` });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (opts.confirm === false) return r.body.id as number;
  const conf = await c.finance!.post(`/api/receipts/${r.body.id}/confirm`, { version: r.body.version });
  expect(conf.status, JSON.stringify(conf.body)).toBe(200);
  return r.body.id as number;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1', 'spec_b1', 'finance']) c[u] = await t.login(u);
  const u = t.org.users;
  ids.accountA = await insertAccount(t.database.db, '回款客户甲', u.spec_a1!);
  ids.accountB = await insertAccount(t.database.db, '回款客户乙', u.spec_b1!);
  const a = await insertSignedContract(t.database.db, {
    accountId: ids.accountA,
    ownerId: u.spec_a1!,
    instalments: [
      { dueDate: '2026-06-30', amount: 100_000 },
      { dueDate: '2026-01-31', amount: 100_000 },
      { dueDate: '2026-03-31', amount: 100_000 },
    ],
  });
  ids.contractA = a.contractId;
  // oldest due first: the second (01-31), the third (03-31), then the first (06-30)
  inst = [a.instalmentIds[1]!, a.instalmentIds[2]!, a.instalmentIds[0]!];
  const b = await insertSignedContract(t.database.db, { accountId: ids.accountB, ownerId: u.spec_b1!, instalments: [{ dueDate: '2026-02-28', amount: 50_000 }] });
  ids.instB = b.instalmentIds[0]!;
  const draft = await insertSignedContract(t.database.db, { accountId: ids.accountA, ownerId: u.spec_a1!, status: 'draft', instalments: [{ dueDate: '2025-12-31', amount: 10_000 }] });
  ids.instDraft = draft.instalmentIds[0]!;
});
afterAll(async () => t?.close());

describe('recording a receipt', () => {
  it('names the fields that fail', async () => {
    const r = await c.manager_a!.post('/api/receipts', { accountId: 0, amount: 0, receivedOn: '2026-02-30', method: 'cheque' });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['accountId', 'amount', 'method', 'receivedOn']);
  });

  it('takes the account owner and unit, generates HK-<year>-<id>, and only counts once confirmed', async () => {
    const r = await c.manager_a!.post('/api/receipts', { accountId: ids.accountA, amount: 120_000, receivedOn: '2026-04-01', method: 'acceptance', bankRef: 'BANK-001', payer: '甲公司财务部' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ accountId: ids.accountA, accountName: '回款客户甲', ownerId: t.org.users.spec_a1, ownerName: '周专员', unitId: t.org.units.teamA, status: 'recorded', allocated: 0, credit: 0, method: 'acceptance', source: 'manual', recordedBy: { id: t.org.users.manager_a } });
    expect(r.body.number).toBe(`HK-2026-${String(r.body.id).padStart(6, '0')}`);
    ids.recorded = r.body.id;
    // not confirmed: nothing is allocated, it is no credit, and it cannot be allocated
    expect((await c.manager_a!.post(`/api/receipts/${ids.recorded}/allocations`, { auto: true })).status).toBe(409);
    expect((await c.manager_a!.get(`/api/accounts/${ids.accountA}/credit`)).body).toEqual({ accountId: ids.accountA, total: 0, items: [] });
    for (const i of inst) expect((await instalment(i)).paid_amount).toBe(0);
  });

  it('refuses an account outside the caller’s reach (404) and a specialist without receipt:write (403)', async () => {
    expect((await c.manager_b!.post('/api/receipts', { accountId: ids.accountA, amount: 1, receivedOn: '2026-04-01' })).status).toBe(404);
    expect((await c.spec_a1!.post('/api/receipts', { accountId: ids.accountA, amount: 1, receivedOn: '2026-04-01' })).status).toBe(403);
  });

  it('refuses a duplicate bank reference and a taken number with 409s naming them; a void receipt frees its bank reference', async () => {
    const dup = await c.finance!.post('/api/receipts', { accountId: ids.accountA, amount: 5, receivedOn: '2026-04-02', bankRef: 'BANK-001' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', details: { path: 'bankRef' }, i18n: { key: 'collections.bankRefTaken' } });
    const typed = await c.finance!.post('/api/receipts', { accountId: ids.accountA, amount: 5, receivedOn: '2026-04-02', number: 'hk-typed-1' });
    expect(typed.status).toBe(201);
    expect(typed.body.number).toBe('hk-typed-1');
    const taken = await c.finance!.post('/api/receipts', { accountId: ids.accountA, amount: 5, receivedOn: '2026-04-02', number: 'HK-TYPED-1' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual({ path: 'number' });

    const voided = await c.manager_a!.post(`/api/receipts/${ids.recorded}/void`, { reason: '重复录入' });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', voidReason: '重复录入' });
    expect((await c.manager_a!.post(`/api/receipts/${ids.recorded}/void`, { reason: '再次' })).status).toBe(409);
    const again = await c.manager_a!.post('/api/receipts', { accountId: ids.accountA, amount: 120_000, receivedOn: '2026-04-01', bankRef: 'BANK-001' });
    expect(again.status).toBe(201);
    ids.bank001 = again.body.id;
  });

  it('lets only one of several identical bank references in at once — the rest are 409s, never a 500', async () => {
    const rs = await Promise.all(Array.from({ length: 6 }, () => c.finance!.post('/api/receipts', { accountId: ids.accountB, amount: 10, receivedOn: '2026-04-03', bankRef: 'BANK-RACE' })));
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of rs.filter((x) => x.status === 409)) expect(r.body.error.details).toEqual({ path: 'bankRef' });
  });

  it('changes a recorded receipt at its version; a new account brings its owner', async () => {
    const r = await c.finance!.post('/api/receipts', { accountId: ids.accountB, amount: 7_000, receivedOn: '2026-04-05' });
    expect((await c.finance!.put(`/api/receipts/${r.body.id}`, { amount: 8_000, version: 99 })).status).toBe(409);
    const moved = await c.finance!.put(`/api/receipts/${r.body.id}`, { accountId: ids.accountA, amount: 8_000, note: '改到甲', version: r.body.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ accountId: ids.accountA, ownerId: t.org.users.spec_a1, unitId: t.org.units.teamA, amount: 8_000, note: '改到甲', version: r.body.version + 1 });
    expect((await c.manager_b!.put(`/api/receipts/${r.body.id}`, { amount: 1, version: moved.body.version })).status).toBe(404);
    await c.finance!.post(`/api/receipts/${r.body.id}/void`, { reason: '测试' });
  });
});

describe('confirmation by finance', () => {
  it('is finance’s alone (403 for a manager), at the version seen, once', async () => {
    const id = ids.bank001!;
    const before = await c.manager_a!.get(`/api/receipts/${id}`);
    expect((await c.manager_a!.post(`/api/receipts/${id}/confirm`, { version: before.body.version })).status).toBe(403);
    expect((await c.director!.post(`/api/receipts/${id}/confirm`, { version: before.body.version })).status).toBe(403);
    expect((await c.finance!.post(`/api/receipts/${id}/confirm`, { version: 99 })).status).toBe(409);
    const ok = await c.finance!.post(`/api/receipts/${id}/confirm`, { version: before.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', confirmedBy: { id: t.org.users.finance, name: '陈财务' }, allocated: 0, credit: 120_000 });
    expect(ok.body.confirmedAt).toEqual(expect.any(String));
    expect((await c.finance!.post(`/api/receipts/${id}/confirm`, { version: ok.body.version })).status).toBe(409);
    // a confirmed receipt is no longer edited
    expect((await c.finance!.put(`/api/receipts/${id}`, { amount: 1, version: ok.body.version })).status).toBe(409);
  });
});

describe('allocation', () => {
  it('proposes oldest due first over the open instalments of the account’s signed contracts', async () => {
    const r = await c.manager_a!.get(`/api/receipts/${ids.bank001}/proposal`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ available: 120_000, proposedTotal: 120_000, remainder: 0 });
    expect(r.body.lines.map((l: { instalmentId: number; proposed: number; outstanding: number }) => [l.instalmentId, l.outstanding, l.proposed])).toEqual([
      [inst[0], 100_000, 100_000],
      [inst[1], 100_000, 20_000],
      [inst[2], 100_000, 0],
    ]);
    // the draft contract's instalment is not offered
    expect(r.body.lines.some((l: { instalmentId: number }) => l.instalmentId === ids.instDraft)).toBe(false);
  });

  it('allocates the proposal: the first paid and settled on the received date, the next partly paid', async () => {
    const r = await c.manager_a!.post(`/api/receipts/${ids.bank001}/allocations`, { auto: true });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ allocated: 120_000, credit: 0 });
    expect(r.body.allocations.map((a: { instalmentId: number; amount: number; contractId: number; receivedOn: string }) => [a.instalmentId, a.amount, a.contractId, a.receivedOn])).toEqual([
      [inst[0], 100_000, ids.contractA, '2026-04-01'],
      [inst[1], 20_000, ids.contractA, '2026-04-01'],
    ]);
    expect(await instalment(inst[0]!)).toMatchObject({ paid_amount: 100_000, settled_on: '2026-04-01' });
    expect(await instalment(inst[1]!)).toMatchObject({ paid_amount: 20_000, settled_on: null });
    // used up: nothing more to allocate
    expect((await c.manager_a!.post(`/api/receipts/${ids.bank001}/allocations`, { auto: true })).body.error.i18n.key).toBe('collections.nothingToAllocate');
  });

  it('keeps the rest as the account’s credit and allocates it later', async () => {
    const id = await receipt(ids.accountA, 90_000, { receivedOn: '2026-04-20' });
    ids.creditReceipt = id;
    const credit = await c.spec_a1!.get(`/api/accounts/${ids.accountA}/credit`);
    expect(credit.status).toBe(200);
    expect(credit.body).toMatchObject({ total: 90_000, items: [{ receiptId: id, amount: 90_000, allocated: 0, credit: 90_000, receivedOn: '2026-04-20' }] });
    const withCredit = await c.spec_a1!.get('/api/receipts?withCredit=true');
    expect(withCredit.body.items.map((i: { id: number }) => i.id)).toEqual([id]);

    const part = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[1], amount: 30_000 }] });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ allocated: 30_000, credit: 60_000 });
    expect((await instalment(inst[1]!)).paid_amount).toBe(50_000);
    expect((await c.spec_a1!.get(`/api/accounts/${ids.accountA}/credit`)).body.total).toBe(60_000);
    // the specialist reads credit but holds no receipt:write
    expect((await c.spec_a1!.post(`/api/receipts/${id}/allocations`, { auto: true })).status).toBe(403);
  });

  it('refuses over-allocation: more than an instalment owes or the receipt has left is a 409 naming the line or the lines', async () => {
    const id = ids.creditReceipt!;
    const over = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[2], amount: 5_000 }, { instalmentId: inst[1], amount: 50_001 }] });
    expect(over.status).toBe(409);
    expect(over.body.error.details).toEqual({ path: 'allocations.1.amount' });
    // nothing half-saved: the first line's instalment did not move
    expect((await instalment(inst[2]!)).paid_amount).toBe(0);
    expect((await receiptRow(id)).allocated).toBe(30_000);

    const tooMuch = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[2], amount: 60_001 }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ details: { path: 'allocations' }, i18n: { key: 'collections.overReceipt', params: { total: 60_001, available: 60_000 } } });
    const twice = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[2], amount: 1 }, { instalmentId: inst[2], amount: 1 }] });
    expect(paths(twice)).toEqual(['allocations.1.instalmentId']);
    const other = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[2], amount: 1 }, { instalmentId: ids.instB, amount: 1 }] });
    expect(other.status).toBe(400);
    expect(paths(other)).toEqual(['allocations.1.instalmentId']);
    expect(keys(other)).toEqual(['collections.instalmentNotOfAccount']);
    const draft = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[2], amount: 1 }, { instalmentId: ids.instDraft, amount: 1 }] });
    expect(draft.status).toBe(409);
    expect(draft.body.error).toMatchObject({ details: { path: 'allocations.1.instalmentId' }, i18n: { key: 'collections.contractNotCollecting', params: { status: 'draft' } } });
    const zero = await c.manager_a!.post(`/api/receipts/${id}/allocations`, { allocations: [{ instalmentId: inst[2], amount: 0 }] });
    expect(paths(zero)).toEqual(['allocations.0.amount']);
    expect((await c.manager_a!.post(`/api/receipts/${id}/allocations`, {})).status).toBe(400);
  });

  it('confirms with lines or auto in the same step', async () => {
    const r = await c.manager_a!.post('/api/receipts', { accountId: ids.accountA, amount: 5_000, receivedOn: '2026-05-01' });
    const conf = await c.finance!.post(`/api/receipts/${r.body.id}/confirm`, { version: r.body.version, allocate: [{ instalmentId: inst[2], amount: 5_000 }] });
    expect(conf.status).toBe(200);
    expect(conf.body).toMatchObject({ status: 'confirmed', allocated: 5_000 });
    expect((await instalment(inst[2]!)).paid_amount).toBe(5_000);
    ids.linesReceipt = r.body.id;
  });

  it('undoes an allocation with a reason: the instalment and the receipt get the amount back', async () => {
    const detail = await c.manager_a!.get(`/api/receipts/${ids.bank001}`);
    const first = detail.body.allocations.find((a: { instalmentId: number }) => a.instalmentId === inst[0]);
    expect((await c.manager_a!.post(`/api/receipt-allocations/${first.id}/undo`, { reason: '' })).status).toBe(400);
    expect((await c.manager_b!.post(`/api/receipt-allocations/${first.id}/undo`, { reason: '不该看见' })).status).toBe(404);
    const undo = await c.manager_a!.post(`/api/receipt-allocations/${first.id}/undo`, { reason: '分错合同' });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ id: ids.bank001, allocated: 20_000, credit: 100_000 });
    const undone = undo.body.allocations.find((a: { id: number }) => a.id === first.id);
    expect(undone).toMatchObject({ undoReason: '分错合同', undoneBy: { id: t.org.users.manager_a, name: '孙经理' } });
    expect(undone.undoneAt).toEqual(expect.any(String));
    expect(await instalment(inst[0]!)).toMatchObject({ paid_amount: 0, settled_on: null });
    expect((await c.manager_a!.post(`/api/receipt-allocations/${first.id}/undo`, { reason: '再撤' })).status).toBe(409);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'receipt_allocation').where('entity_id', '=', String(first.id)).execute();
    expect(audit).toEqual([{ action: 'undo', actor_id: t.org.users.manager_a }]);
    // the sums still agree: live allocations = paid = allocated
    const live = await t.database.db.selectFrom('receipt_allocations').select((eb) => eb.fn.sum<number>('amount').as('s')).where('undone_at', 'is', null).where('instalment_id', 'in', inst).executeTakeFirstOrThrow();
    const paid = (await Promise.all(inst.map(instalment))).reduce((s, i) => s + Number(i.paid_amount), 0);
    expect(Number(live.s)).toBe(paid);
  });

  it('voids a confirmed receipt only as finance and only with nothing allocated', async () => {
    expect((await c.finance!.post(`/api/receipts/${ids.bank001}/void`, { reason: '错' })).body.error.i18n.key).toBe('collections.hasAllocations');
    const id = await receipt(ids.accountA, 1_000);
    expect((await c.manager_a!.post(`/api/receipts/${id}/void`, { reason: '错' })).status).toBe(403);
    const v = await c.finance!.post(`/api/receipts/${id}/void`, { reason: '银行退回' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'void', confirmedAt: null, credit: 0 });
  });
});

describe('what follows an allocation', () => {
  const contractStatus = async (id: number) => (await t.database.db.selectFrom('contracts').select(['status', 'status_reason']).where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('moves the contract: in progress once something is paid, completed by the plan when all is paid, back in progress after an undo', async () => {
    expect(await contractStatus(ids.contractA!)).toBe('in_progress');
    const deal = await insertSignedContract(t.database.db, { accountId: ids.accountB!, ownerId: t.org.users.spec_b1!, instalments: [{ dueDate: '2025-10-31', amount: 30_000 }] });
    const receiptId = await receipt(ids.accountB!, 30_000, { by: 'finance' });
    const full = await c.finance!.post(`/api/receipts/${receiptId}/allocations`, { allocations: [{ instalmentId: deal.instalmentIds[0], amount: 30_000 }] });
    expect(full.status).toBe(201);
    expect(await contractStatus(deal.contractId)).toBe('completed');
    // a completed contract takes no more allocations
    const more = await receipt(ids.accountB!, 1_000, { by: 'finance' });
    expect((await c.finance!.post(`/api/receipts/${more}/allocations`, { allocations: [{ instalmentId: deal.instalmentIds[0], amount: 1 }] })).body.error.i18n.key).toBe('collections.contractNotCollecting');
    const undo = await c.finance!.post(`/api/receipt-allocations/${full.body.allocations[0].id}/undo`, { reason: '退款' });
    expect(undo.status).toBe(200);
    expect(await contractStatus(deal.contractId)).toBe('in_progress');
  });

  it('closes the collection task (帐款催收) of an overdue instalment once it is paid', async () => {
    const deal = await insertSignedContract(t.database.db, { accountId: ids.accountB!, ownerId: t.org.users.spec_b1!, instalments: [{ dueDate: '2026-01-31', amount: 40_000 }] });
    await runDunning(t.database.db, '2026-03-15', t.platform.notifier, { timeZone: 'Asia/Shanghai' });
    const task = () => t.database.db.selectFrom('tasks').select('status').where('link_entity', '=', 'contract_instalment').where('link_id', '=', deal.instalmentIds[0]!).executeTakeFirst();
    expect((await task())?.status).toBe('open');
    const receiptId = await receipt(ids.accountB!, 40_000, { by: 'finance' });
    const part = await c.finance!.post(`/api/receipts/${receiptId}/allocations`, { allocations: [{ instalmentId: deal.instalmentIds[0], amount: 10_000 }] });
    expect(part.status).toBe(201);
    // partly paid: still chased
    expect((await task())?.status).toBe('open');
    expect((await c.finance!.post(`/api/receipts/${receiptId}/allocations`, { allocations: [{ instalmentId: deal.instalmentIds[0], amount: 30_000 }] })).status).toBe(201);
    expect((await task())?.status).toBe('done');
  });
});

describe('receipt lists in scope', () => {
  it('filters by q, status, account, unit and dates within the reader’s scope', async () => {
    const all = await c.finance!.get('/api/receipts?pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(6);
    const mine = await c.spec_a1!.get('/api/receipts?pageSize=200');
    expect(mine.body.items.every((i: { ownerId: number }) => i.ownerId === t.org.users.spec_a1)).toBe(true);
    expect((await c.spec_b1!.get('/api/receipts?pageSize=200')).body.items.every((i: { accountId: number }) => i.accountId === ids.accountB)).toBe(true);
    expect((await c.spec_b1!.get(`/api/receipts/${ids.bank001}`)).status).toBe(404);
    expect((await c.spec_b1!.get(`/api/accounts/${ids.accountA}/credit`)).status).toBe(404);

    // the void receipt keeps its bank reference for the search
    expect((await c.finance!.get('/api/receipts?q=BANK-001')).body.items.map((i: { id: number }) => i.id)).toEqual([ids.bank001, ids.recorded]);
    expect((await c.finance!.get('/api/receipts?q=BANK-001&status=confirmed')).body.items.map((i: { id: number }) => i.id)).toEqual([ids.bank001]);
    expect((await c.finance!.get('/api/receipts?q=回款客户乙&status=recorded')).body.items.every((i: { accountId: number; status: string }) => i.accountId === ids.accountB && i.status === 'recorded')).toBe(true);
    const teamB = await c.finance!.get(`/api/receipts?unitId=${t.org.units.teamB}&pageSize=200`);
    expect(teamB.body.items.length).toBeGreaterThan(0);
    expect(teamB.body.items.every((i: { unitId: number }) => i.unitId === t.org.units.teamB)).toBe(true);
    const ka = await c.finance!.get(`/api/receipts?unitId=${t.org.units.ka}&pageSize=200`);
    expect(ka.body.total).toBe(all.body.total);
    const dated = await c.finance!.get('/api/receipts?receivedFrom=2026-04-15&receivedTo=2026-04-30&sort=amount');
    expect(dated.body.items.map((i: { id: number }) => i.id)).toEqual([ids.creditReceipt]);
    expect((await c.finance!.get('/api/receipts?sort=payerName')).status).toBe(400);
  });

  it('exports the list’s receipts as XLSX in scope', async () => {
    const res = await download(t, c.spec_a1!, '/api/receipts/export?status=confirmed');
    expect(res.status).toBe(200);
    const rows = await readXlsx(res.body);
    expect(rows[0]!.slice(0, 4)).toEqual(['回款单号', '客户', '回款日期', '金额(元)']);
    const numbers = rows.slice(1).map((r) => r[0]);
    const bank001 = (await c.finance!.get(`/api/receipts/${ids.bank001}`)).body.number;
    expect(numbers).toContain(bank001);
    expect(rows.slice(1).every((r) => r[1] === '回款客户甲' && r[7] === '已确认')).toBe(true);
  });

  it('shows confirmed receipts on the account timeline', async () => {
    const r = await c.spec_a1!.get(`/api/accounts/${ids.accountA}/timeline?kinds=receipt`);
    expect(r.status).toBe(200);
    const numbers = r.body.items.map((e: { params: { number: string } }) => e.params.number);
    expect(numbers).toContain((await c.finance!.get(`/api/receipts/${ids.bank001}`)).body.number);
    expect(r.body.items.find((e: { key: string }) => e.key === `receipt:${ids.bank001}`).params).toMatchObject({ amount: 120_000, yuan: '1,200.00' });
    // recorded and void receipts are not events
    expect(r.body.items.every((e: { kind: string }) => e.kind === 'receipt')).toBe(true);
    const confirmed = await t.database.db.selectFrom('receipts').select('id').where('account_id', '=', ids.accountA).where('status', '=', 'confirmed').execute();
    expect(r.body.items).toHaveLength(confirmed.length);
  });
});

describe('invoices', () => {
  it('keeps an instalment’s issued invoices within its amount, numbers unique among issued ones', async () => {
    const first = await c.manager_a!.post('/api/invoices', { instalmentId: inst[0], number: 'FP-0001', issuedOn: '2026-01-20', amount: 60_000, type: 'special' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ instalmentId: inst[0], contractId: ids.contractA, status: 'issued', type: 'special', amount: 60_000, createdBy: { id: t.org.users.manager_a } });
    expect((await c.manager_a!.post('/api/invoices', { instalmentId: inst[0], number: 'FP-0002', issuedOn: '2026-01-21', amount: 40_000, type: 'normal' })).status).toBe(201);
    const over = await c.manager_a!.post('/api/invoices', { instalmentId: inst[0], number: 'FP-0003', issuedOn: '2026-01-22', amount: 1, type: 'normal' });
    expect(over.status).toBe(400);
    expect(paths(over)).toEqual(['amount']);
    const dup = await c.manager_a!.post('/api/invoices', { instalmentId: inst[1], number: 'FP-0001', issuedOn: '2026-01-22', amount: 1, type: 'normal' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual({ path: 'number' });
    const bad = await c.manager_a!.post('/api/invoices', { instalmentId: inst[1], number: '', issuedOn: 'x', amount: 0, type: 'vat' });
    expect(paths(bad)).toEqual(['amount', 'issuedOn', 'number', 'type']);

    // a void invoice frees its number and its share of the amount
    expect((await c.manager_a!.post(`/api/invoices/${first.body.id}/void`, { reason: '' })).status).toBe(400);
    const v = await c.manager_a!.post(`/api/invoices/${first.body.id}/void`, { reason: '抬头错误' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'void', voidReason: '抬头错误' });
    expect((await c.manager_a!.post(`/api/invoices/${first.body.id}/void`, { reason: '再作废' })).status).toBe(409);
    expect((await c.manager_a!.post('/api/invoices', { instalmentId: inst[0], number: 'FP-0001', issuedOn: '2026-01-25', amount: 60_000, type: 'special' })).status).toBe(201);
  });

  it('lists invoices by contract or instalment in the contract’s scope; outside it 404', async () => {
    const byContract = await c.spec_a1!.get(`/api/invoices?contractId=${ids.contractA}`);
    expect(byContract.status).toBe(200);
    expect(byContract.body.total).toBe(3);
    expect((await c.spec_a1!.get(`/api/invoices?instalmentId=${inst[0]}&status=issued`)).body.items.map((i: { number: string }) => i.number).sort()).toEqual(['FP-0001', 'FP-0002']);
    expect((await c.spec_b1!.get(`/api/invoices?contractId=${ids.contractA}`)).body.total).toBe(0);
    expect((await c.manager_b!.post('/api/invoices', { instalmentId: inst[1], number: 'FP-B', issuedOn: '2026-01-22', amount: 1, type: 'normal' })).status).toBe(404);
    const draft = await c.manager_a!.post('/api/invoices', { instalmentId: ids.instDraft, number: 'FP-D', issuedOn: '2026-01-22', amount: 1, type: 'normal' });
    expect(draft.status).toBe(409);
  });
});

describe('write-offs (坏账核销)', () => {
  async function approve(approvalId: number, users: string[]) {
    for (const u of users) {
      const r = await c[u]!.post(`/api/approvals/${approvalId}/approve`, {});
      expect(r.status, `${u}: ${JSON.stringify(r.body)}`).toBe(200);
    }
  }

  it('asks at most what is owed, one pending per instalment, and writes it off once approved by the director and finance', async () => {
    // inst[2]: 100,000 planned, 5,000 paid
    const over = await c.manager_a!.post(`/api/instalments/${inst[2]}/write-offs`, { amount: 95_001, reason: '客户破产' });
    expect(over.status).toBe(400);
    expect(paths(over)).toEqual(['amount']);
    expect((await c.manager_a!.post(`/api/instalments/${inst[2]}/write-offs`, { amount: 1, reason: '' })).status).toBe(400);
    expect((await c.manager_b!.post(`/api/instalments/${inst[2]}/write-offs`, { amount: 1, reason: '看不见' })).status).toBe(404);
    expect((await c.manager_a!.post(`/api/instalments/${ids.instDraft}/write-offs`, { amount: 1, reason: '草稿' })).status).toBe(409);

    const w = await c.manager_a!.post(`/api/instalments/${inst[2]}/write-offs`, { amount: 95_000, reason: '客户破产' });
    expect(w.status).toBe(201);
    expect(w.body).toMatchObject({ status: 'pending', amount: 95_000, instalmentId: inst[2], contractId: ids.contractA, accountName: '回款客户甲', requestedBy: { id: t.org.users.manager_a } });
    const second = await c.manager_a!.post(`/api/instalments/${inst[2]}/write-offs`, { amount: 1, reason: '再来' });
    expect(second.status).toBe(409);

    const detail = await c.director!.get(`/api/approvals/${w.body.approvalId}`);
    expect(detail.body).toMatchObject({ docType: 'instalment_write_off', amount: 95_000, amountLabel: 'approvals:amounts.writeOff', link: `/write-offs/${w.body.id}` });
    expect(detail.body.steps.map((s: { name: string }) => s.name)).toEqual(['客户总监', '财务经理']);
    expect(detail.body.document.fields.find((f: { label: string }) => f.label === 'collections:fields.outstanding').value).toBe(95_000);

    await approve(w.body.approvalId, ['director', 'finance']);
    const done = await c.manager_a!.get(`/api/instalment-write-offs/${w.body.id}`);
    expect(done.body).toMatchObject({ status: 'approved', amount: 95_000 });
    expect(await instalment(inst[2]!)).toMatchObject({ written_off: 95_000, written_off_on: businessDate(new Date(), 'Asia/Shanghai'), settled_on: null });
    // settled: nothing more to allocate to it, nothing more to write off
    expect((await c.manager_a!.post(`/api/instalments/${inst[2]}/write-offs`, { amount: 1, reason: '再来' })).status).toBe(400);
    expect((await c.spec_a1!.get(`/api/instalments/${inst[2]}/write-offs`)).body.items.map((x: { id: number }) => x.id)).toEqual([w.body.id]);
  });

  it('writes off only what is still owed when a receipt came in meanwhile, and says so in the audit', async () => {
    // inst[1]: 100,000 planned, 50,000 paid
    const w = await c.manager_a!.post(`/api/instalments/${inst[1]}/write-offs`, { amount: 50_000, reason: '尾款收不回' });
    expect(w.status).toBe(201);
    const more = await c.manager_a!.post(`/api/receipts/${ids.creditReceipt}/allocations`, { allocations: [{ instalmentId: inst[1], amount: 20_000 }] });
    expect(more.status).toBe(201);
    await approve(w.body.approvalId, ['director', 'finance']);
    expect(await instalment(inst[1]!)).toMatchObject({ paid_amount: 70_000, written_off: 30_000 });
    expect((await c.manager_a!.get(`/api/instalment-write-offs/${w.body.id}`)).body).toMatchObject({ status: 'approved', amount: 30_000 });
    const applied = await t.database.db.selectFrom('audit_log').select('diff').where('entity', '=', 'instalment_write_off').where('entity_id', '=', String(w.body.id)).where('action', '=', 'apply').executeTakeFirstOrThrow();
    const diff = (typeof applied.diff === 'string' ? JSON.parse(applied.diff) : applied.diff) as { _: Record<string, unknown> };
    expect(diff._).toMatchObject({ requested: 50_000, applied: 30_000, shrunk: true });
  });

  it('goes to the GM above ¥100,000, and is withdrawn by its requester at its version', async () => {
    const big = await insertSignedContract(t.database.db, { accountId: ids.accountA, ownerId: t.org.users.spec_a1!, instalments: [{ dueDate: '2025-06-30', amount: 20_000_000 }] });
    const w = await c.manager_a!.post(`/api/instalments/${big.instalmentIds[0]}/write-offs`, { amount: 10_000_001, reason: '诉讼失败' });
    expect(w.status).toBe(201);
    const detail = await c.director!.get(`/api/approvals/${w.body.approvalId}`);
    expect(detail.body.steps.map((s: { name: string }) => s.name)).toEqual(['客户总监', '财务经理', '总经理']);
    expect((await c.manager_a!.post(`/api/instalment-write-offs/${w.body.id}/withdraw`, { version: 99 })).status).toBe(409);
    expect((await c.manager_b!.post(`/api/instalment-write-offs/${w.body.id}/withdraw`, { version: w.body.version })).status).toBe(404);
    const current = await c.manager_a!.get(`/api/instalment-write-offs/${w.body.id}`);
    const back = await c.manager_a!.post(`/api/instalment-write-offs/${w.body.id}/withdraw`, { version: current.body.version });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('withdrawn');
    expect((await instalment(big.instalmentIds[0]!)).written_off).toBe(0);
    // withdrawn: a new one may be asked
    expect((await c.manager_a!.post(`/api/instalments/${big.instalmentIds[0]}/write-offs`, { amount: 1_000, reason: '部分' })).status).toBe(201);
  });
});
