import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import { receiptCreate, type AllocationInput, type allocationsBody, type receiptConfirmBody, type receiptListQuery, type receiptUpdate } from '../../../shared/contracts/collections';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { pageWindow, resolveSort } from '../../platform/listing';
import { accountScope, ownedScope } from '../../platform/scope';
import { collectionsRepo, type ReceiptFilter } from './collections.repo';
import { allocateOldestFirst, allocationIssues, COLLECTING_CONTRACT_STATUSES, inLockOrder, overReceipt, proposedLines, receiptNumber } from './collections.rules';
import { followUp } from './collections.follow';

// ---- errors ----

export const receiptNotFound = () => new AppError('NOT_FOUND', 'Receipt not found', undefined, { key: 'collections.receiptNotFound' });
const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'collections.accountNotFound' });
const allocationNotFound = () => new AppError('NOT_FOUND', 'Allocation not found', undefined, { key: 'collections.allocationNotFound' });
const stale = () => new AppError('STALE_VERSION', 'The receipt was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const numberTaken = () => new AppError('CONFLICT', 'Another receipt already has this number', { path: 'number' }, { key: 'collections.numberTaken' });
const bankRefTaken = () => new AppError('CONFLICT', 'A receipt with this bank reference is already recorded', { path: 'bankRef' }, { key: 'collections.bankRefTaken' });
const notRecorded = (status: string) => new AppError('INVALID_STATE', `The receipt is ${status}; only a recorded receipt is changed or confirmed`, undefined, { key: 'collections.notRecorded', params: { status } });
const notConfirmed = (status: string) => new AppError('INVALID_STATE', `The receipt is ${status}; only a confirmed receipt is allocated`, undefined, { key: 'collections.notConfirmed', params: { status } });
const overInstalment = (index: number) =>
  new AppError('CONFLICT', 'The instalment does not owe this much any more (someone allocated or wrote off meanwhile); reload the proposal', { path: `allocations.${index}.amount` }, { key: 'collections.overInstalment', params: { line: index + 1 } });
const receiptShort = (total: number, available: number) =>
  new AppError('CONFLICT', 'The lines add up to more than the receipt has left (allocated meanwhile, or asked too much); reload it', { path: 'allocations' }, { key: 'collections.overReceipt', params: { total, available } });

/** The unique indexes of receipts, by the field a caller typed into them. */
const RECEIPT_UNIQUE: Record<string, () => AppError> = { receipts_number_key: numberTaken, receipts_bank_ref_key: bankRefTaken };

const pgError = (err: unknown) => (typeof err === 'object' && err !== null ? (err as { code?: unknown; constraint?: unknown }) : {});

/**
 * A receipt write that lost a race on a unique index (two identical bank references at once) is the
 * same 409 as the check before the insert; a check constraint the guarded updates should have kept is
 * a 409 too — money never goes half-way, and never a 500.
 */
export async function receiptConflicts<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = pgError(err);
    if (e.code === '23505' && typeof e.constraint === 'string' && RECEIPT_UNIQUE[e.constraint]) throw RECEIPT_UNIQUE[e.constraint]!();
    if (e.code === '23514') throw new AppError('CONFLICT', 'The figures changed meanwhile; reload and try again', undefined, { key: 'collections.figuresChanged' });
    throw err;
  }
}

const readScope = (actor: Actor) => ownedScope('receipts', actor, 'receipt:read');
const writeScope = (actor: Actor) => ownedScope('receipts', actor, 'receipt:write');

// ---- recording ----

export type ReceiptInput = z.output<typeof receiptCreate>;

/**
 * Records one receipt inside the caller's transaction (the form, and the import of finance's files):
 * the input is checked as the route checks it (400 naming the fields), the account must lie in the
 * caller's receipt:write reach (404), the owner and unit are the account's, the number is generated
 * unless typed (409 naming `number` when taken), a live receipt with the same bank reference is a 409
 * naming `bankRef`. Two identical ones at once: the unique index refuses the second — run the
 * transaction inside `receiptConflicts` for the same 409s. Returns the new receipt's id.
 */
export async function recordReceipt(trx: Executor, actor: Actor, input: unknown, opts: { source?: 'manual' | 'import' } = {}): Promise<number> {
  const parsed = receiptCreate.safeParse(input);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, key: `validation.${i.code}` }));
    throw validationError(issues);
  }
  const r = parsed.data;
  const account = await collectionsRepo.account(trx, r.accountId, accountScope(actor, 'receipt:write'));
  if (!account) throw accountNotFound();
  if (r.number && (await collectionsRepo.numberTaken(trx, r.number))) throw numberTaken();
  if (r.bankRef && (await collectionsRepo.bankRefTaken(trx, r.bankRef))) throw bankRefTaken();
  const id = await collectionsRepo.nextReceiptId(trx);
  const row = await collectionsRepo.insertReceipt(trx, {
    id,
    number: r.number ?? receiptNumber(r.receivedOn, id),
    account_id: account.id,
    owner_id: account.owner_id,
    unit_id: account.unit_id,
    received_on: r.receivedOn,
    amount: r.amount,
    method: r.method,
    bank_ref: r.bankRef ?? null,
    payer: r.payer ?? '',
    note: r.note ?? '',
    source: opts.source ?? 'manual',
    recorded_by: actor.userId,
  });
  await audit(trx, actor, { entity: 'receipt', entityId: id, action: 'create', after: row });
  return id;
}

export const createReceipt = (db: Kdb, actor: Actor, input: unknown) => receiptConflicts(() => db.transaction().execute((trx) => recordReceipt(trx, actor, input)));

/** A recorded receipt's fields; a new account brings its owner and unit. */
export async function updateReceipt(db: Kdb, actor: Actor, id: number, input: z.output<typeof receiptUpdate>) {
  await receiptConflicts(() =>
    db.transaction().execute(async (trx) => {
      const before = await collectionsRepo.receiptForUpdate(trx, id, writeScope(actor));
      if (!before) throw receiptNotFound();
      if (before.version !== input.version) throw stale();
      if (before.status !== 'recorded') throw notRecorded(before.status);
      const values: Parameters<typeof collectionsRepo.updateReceipt>[2] = {};
      if (input.accountId !== undefined && input.accountId !== before.account_id) {
        const account = await collectionsRepo.account(trx, input.accountId, accountScope(actor, 'receipt:write'));
        if (!account) throw accountNotFound();
        Object.assign(values, { account_id: account.id, owner_id: account.owner_id, unit_id: account.unit_id });
      }
      if (input.receivedOn !== undefined) values.received_on = input.receivedOn;
      if (input.amount !== undefined) values.amount = input.amount;
      if (input.method !== undefined) values.method = input.method;
      if (input.payer !== undefined) values.payer = input.payer ?? '';
      if (input.note !== undefined) values.note = input.note ?? '';
      if (input.bankRef !== undefined) {
        if (input.bankRef && (await collectionsRepo.bankRefTaken(trx, input.bankRef, id))) throw bankRefTaken();
        values.bank_ref = input.bankRef;
      }
      if (input.number) {
        if (await collectionsRepo.numberTaken(trx, input.number, id)) throw numberTaken();
        values.number = input.number;
      }
      const after = await collectionsRepo.updateReceipt(trx, id, values);
      await audit(trx, actor, { entity: 'receipt', entityId: id, action: 'update', before, after });
    }),
  );
}

/**
 * 作废: a recorded receipt (receipt:write in scope), or a confirmed one with nothing allocated by
 * finance (receipt:confirm). Its bank reference is free again.
 */
export async function voidReceipt(db: Kdb, actor: Actor, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const before = await collectionsRepo.receiptForUpdate(trx, id, writeScope(actor));
    if (!before) throw receiptNotFound();
    if (before.status === 'void') throw new AppError('INVALID_STATE', 'The receipt is already void', undefined, { key: 'collections.alreadyVoid' });
    if (before.status === 'confirmed') {
      if (!can(actor, 'receipt:confirm')) throw new AppError('FORBIDDEN', 'Only finance voids a confirmed receipt', undefined, { key: 'collections.voidConfirmedForbidden' });
      if (Number(before.allocated) > 0) throw new AppError('INVALID_STATE', 'Undo the receipt’s allocations before voiding it', undefined, { key: 'collections.hasAllocations' });
    }
    const after = await collectionsRepo.updateReceipt(trx, id, { status: 'void', void_reason: reason, confirmed_at: null });
    await audit(trx, actor, { entity: 'receipt', entityId: id, action: 'void', before, after, data: { reason } });
  });
}

/**
 * Finance confirms a recorded receipt at the version it saw; from now on it counts. `allocate`:
 * 'none' leaves it all as the account's credit, 'auto' spreads it oldest due first, or the lines given.
 */
export async function confirmReceipt(db: Kdb, actor: Actor, id: number, input: z.output<typeof receiptConfirmBody>, tz: string) {
  await receiptConflicts(() =>
    db.transaction().execute(async (trx) => {
      const before = await collectionsRepo.receiptForUpdate(trx, id, ownedScope('receipts', actor, 'receipt:confirm'));
      if (!before) throw receiptNotFound();
      if (before.version !== input.version) throw stale();
      if (before.status !== 'recorded') throw notRecorded(before.status);
      const after = await collectionsRepo.updateReceipt(trx, id, { status: 'confirmed', confirmed_by: actor.userId, confirmed_at: new Date() });
      await audit(trx, actor, { entity: 'receipt', entityId: id, action: 'confirm', before, after });
      if (input.allocate === 'none') return;
      const lines = input.allocate === 'auto' ? await proposal(trx, after) : input.allocate;
      if (lines.length) await allocateLocked(trx, actor, after, lines, tz);
    }),
  );
}

// ---- allocation ----

type ReceiptRecord = NonNullable<Awaited<ReturnType<typeof collectionsRepo.receiptForUpdate>>>;

/** The oldest-due-first lines for what the receipt has left, over its account's open instalments. */
async function proposal(db: Executor, receipt: ReceiptRecord) {
  const open = await openOf(db, receipt.account_id);
  return proposedLines(allocateOldestFirst(Number(receipt.amount) - Number(receipt.allocated), open));
}

async function openOf(db: Executor, accountId: number) {
  const rows = await collectionsRepo.openInstalments(db, accountId, COLLECTING_CONTRACT_STATUSES);
  return rows.map((r) => ({ ...r, id: r.id, dueDate: r.due_date, amount: Number(r.amount), paid: Number(r.paid_amount), writtenOff: Number(r.written_off) }));
}

/** GET /proposal: every open instalment of the account oldest due first, with what the receipt's remainder would give it. */
export async function allocationProposal(db: Kdb, actor: Actor, id: number) {
  const receipt = await collectionsRepo.receiptForUpdate(db, id, writeScope(actor), false);
  if (!receipt) throw receiptNotFound();
  // a void receipt has nothing to give (a recorded one shows what confirming it with 'auto' would do)
  const available = receipt.status === 'void' ? 0 : Number(receipt.amount) - Number(receipt.allocated);
  const lines = allocateOldestFirst(available, await openOf(db, receipt.account_id));
  const proposedTotal = lines.reduce((s, l) => s + l.proposed, 0);
  return {
    receiptId: id,
    available,
    lines: lines.map((l) => ({ instalmentId: l.id, contractId: l.contract_id, contractNumber: l.contract_number, seq: l.seq, milestone: l.milestone, dueDate: l.due_date, amount: l.amount, paid: l.paid, writtenOff: l.writtenOff, outstanding: l.owed, proposed: l.proposed })),
    proposedTotal,
    remainder: available - proposedTotal,
  };
}

/** Each line's instalment must be of the receipt's account (400 naming the line). */
function instalmentIssues(lines: readonly AllocationInput[], found: Map<number, { account_id: number }>, accountId: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  lines.forEach((l, i) => {
    const inst = found.get(l.instalmentId);
    if (!inst || inst.account_id !== accountId) issues.push(issue(`allocations.${i}.instalmentId`, 'collections.instalmentNotOfAccount', 'Choose an instalment of the receipt’s account'));
  });
  return issues;
}

/** An instalment whose contract is not (or no longer: completed by the plan, ended meanwhile) signed or in progress: a 409 naming the line. */
const notCollecting = (index: number, status: string) =>
  new AppError('INVALID_STATE', `The instalment's contract is ${status}; only signed or running contracts take allocations`, { path: `allocations.${index}.instalmentId` }, { key: 'collections.contractNotCollecting', params: { status } });

/**
 * Allocates within the transaction that holds the receipt's row lock: each instalment must be of the
 * receipt's account (400 naming the line) and of a signed / in-progress contract (409); the instalment rows
 * are updated in id order, each only while it stays within what it owes (409 naming the line's amount
 * otherwise), then the receipt's allocated sum likewise. Whatever runs at the same time on other
 * servers, nothing is allocated twice.
 */
async function allocateLocked(trx: Executor, actor: Actor, receipt: ReceiptRecord, lines: readonly AllocationInput[], tz: string) {
  const available = Number(receipt.amount) - Number(receipt.allocated);
  let issues = allocationIssues(lines);
  if (issues.length) throw validationError(issues);
  const { total, over } = overReceipt(lines, available);
  if (over) throw receiptShort(total, available);
  const found = new Map((await collectionsRepo.instalmentsByIds(trx, [...new Set(lines.map((l) => l.instalmentId))])).map((i) => [i.id, i]));
  // the contracts' states as of their locks: one ended meanwhile takes nothing
  const states = new Map((await collectionsRepo.lockContracts(trx, [...new Set([...found.values()].map((i) => i.contract_id))])).map((c) => [c.id, c.status]));
  for (const i of found.values()) i.contract_status = states.get(i.contract_id) ?? i.contract_status;
  issues = instalmentIssues(lines, found, receipt.account_id);
  if (issues.length) throw validationError(issues);
  const closed = lines.findIndex((l) => !COLLECTING_CONTRACT_STATUSES.includes(found.get(l.instalmentId)!.contract_status));
  if (closed >= 0) throw notCollecting(closed, found.get(lines[closed]!.instalmentId)!.contract_status);
  const contractIds = new Set<number>();
  for (const l of inLockOrder(lines)) {
    const done = await collectionsRepo.addPaid(trx, l.instalmentId, l.amount, receipt.received_on);
    if (!done) throw overInstalment(l.index);
    contractIds.add(done.contract_id);
  }
  // the receipt's row is locked, so this guard only stands behind the check above
  const after = await collectionsRepo.addAllocated(trx, receipt.id, total);
  if (!after) throw receiptShort(total, available);
  const rows = await collectionsRepo.insertAllocations(
    trx,
    lines.map((l) => ({ receipt_id: receipt.id, instalment_id: l.instalmentId, amount: l.amount, received_on: receipt.received_on, allocated_by: actor.userId })),
  );
  await audit(trx, actor, { entity: 'receipt', entityId: receipt.id, action: 'allocate', before: { allocated: receipt.allocated }, after: { allocated: after.allocated }, data: { allocations: rows.map((r) => ({ id: r.id, instalmentId: r.instalment_id, amount: Number(r.amount) })) } });
  await followUp(trx, actor, [...contractIds], lines.map((l) => l.instalmentId), tz);
}

/** POST /allocations: the lines given, or the proposal (409 when it gives nothing). */
export async function allocate(db: Kdb, actor: Actor, id: number, input: z.output<typeof allocationsBody>, tz: string) {
  await receiptConflicts(() =>
    db.transaction().execute(async (trx) => {
      const receipt = await collectionsRepo.receiptForUpdate(trx, id, writeScope(actor));
      if (!receipt) throw receiptNotFound();
      if (receipt.status !== 'confirmed') throw notConfirmed(receipt.status);
      const lines = input.auto ? await proposal(trx, receipt) : (input.allocations ?? []);
      if (!lines.length) throw new AppError('INVALID_STATE', 'Nothing to allocate: the receipt is used up or the account owes nothing open', undefined, { key: 'collections.nothingToAllocate' });
      await allocateLocked(trx, actor, receipt, lines, tz);
    }),
  );
}

/** 撤销分配 with a reason: the instalment and the receipt get the amount back; returns the receipt's id. */
export async function undoAllocation(db: Kdb, actor: Actor, allocationId: number, reason: string, tz: string): Promise<number> {
  return receiptConflicts(() =>
    db.transaction().execute(async (trx) => {
      const receiptId = await collectionsRepo.receiptOfAllocation(trx, allocationId, writeScope(actor));
      if (receiptId === undefined) throw allocationNotFound();
      // receipt, contract, instalment: the order allocations lock them in, so the two never wait on each other crosswise
      const receipt = await collectionsRepo.receiptForUpdate(trx, receiptId, writeScope(actor));
      if (!receipt) throw allocationNotFound();
      const allocation = await collectionsRepo.allocationForUpdate(trx, allocationId);
      if (!allocation) throw allocationNotFound();
      if (allocation.undone_at !== null) throw new AppError('INVALID_STATE', 'The allocation was already undone', undefined, { key: 'collections.alreadyUndone' });
      const [of] = await collectionsRepo.instalmentsByIds(trx, [allocation.instalment_id]);
      await collectionsRepo.lockContracts(trx, of ? [of.contract_id] : []);
      const amount = Number(allocation.amount);
      const inst = await collectionsRepo.subtractPaid(trx, allocation.instalment_id, amount);
      const after = await collectionsRepo.subtractAllocated(trx, receiptId, amount);
      const undone = await collectionsRepo.undoAllocation(trx, allocationId, actor.userId, reason);
      if (!inst || !after || !undone) throw new AppError('CONFLICT', 'The figures changed meanwhile; reload and try again', undefined, { key: 'collections.figuresChanged' });
      await audit(trx, actor, { entity: 'receipt_allocation', entityId: allocationId, action: 'undo', before: allocation, after: undone, data: { reason, receiptId, instalmentId: allocation.instalment_id, amount } });
      await followUp(trx, actor, [inst.contract_id], [allocation.instalment_id], tz);
      return receiptId;
    }),
  );
}

// ---- reads ----

const RECEIPT_SORT_COLUMNS = { receivedOn: 'received_on', amount: 'amount', number: 'number', createdAt: 'created_at' } as const;

export function receiptFilter(actor: Actor, q: Omit<z.output<typeof receiptListQuery>, 'page' | 'pageSize' | 'sort'>): ReceiptFilter {
  return { scope: readScope(actor), q: q.q || undefined, status: q.status, accountId: q.accountId, ownerId: q.ownerId, unitId: q.unitId, receivedFrom: q.receivedFrom, receivedTo: q.receivedTo, withCredit: q.withCredit };
}

export async function listReceipts(db: Kdb, actor: Actor, q: z.output<typeof receiptListQuery>) {
  const sort = resolveSort(q.sort, RECEIPT_SORT_COLUMNS, '-receivedOn');
  return collectionsRepo.list(db, receiptFilter(actor, q), sort, pageWindow(q));
}

/** At most this many rows go into one export. */
export const EXPORT_LIMIT = 50_000;
export const exportReceipts = (db: Kdb, actor: Actor, q: Omit<z.output<typeof receiptListQuery>, 'page' | 'pageSize'>) => collectionsRepo.exportRows(db, receiptFilter(actor, q), EXPORT_LIMIT);

export async function getReceipt(db: Executor, actor: Actor, id: number) {
  const row = await collectionsRepo.receipt(db, id, readScope(actor));
  if (!row) throw receiptNotFound();
  return { ...row, allocationRows: await collectionsRepo.allocations(db, id) };
}
export type ReceiptView = Awaited<ReturnType<typeof getReceipt>>;

/** The account's credit: its confirmed receipts with something unallocated (the account in the caller's receipt:read reach). */
export async function accountCredit(db: Kdb, actor: Actor, accountId: number) {
  const account = await collectionsRepo.account(db, accountId, accountScope(actor, 'receipt:read'));
  if (!account) throw accountNotFound();
  const rows = await collectionsRepo.credit(db, accountId, readScope(actor));
  const items = rows.map((r) => ({ receiptId: r.id, number: r.number, receivedOn: r.received_on, amount: Number(r.amount), allocated: Number(r.allocated), credit: Number(r.amount) - Number(r.allocated) }));
  return { accountId, total: items.reduce((s, i) => s + i.credit, 0), items };
}
