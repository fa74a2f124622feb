import { sql, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { ReceiptTable } from './collections.tables';
import { containsPattern, type SortSpec } from '../../platform/listing';
import { unitPathOf } from '../../platform/org.repo';
import type { OwnedScope } from '../../platform/scope';

const bumped = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };
const n = (v: number | string | bigint | null | undefined) => Number(v ?? 0);

/** The receipt's unit or any unit below it (a list filter, not a scope). */
const inSubtree = (column: string, unitId: number) =>
  sql<SqlBool>`${sql.ref(column)} in (select sub.id from org_units sub where sub.path like (select top.path || '%' from org_units top where top.id = ${unitId}))`;

export interface ReceiptFilter {
  scope: OwnedScope<'receipts'>;
  q?: string;
  status?: string;
  accountId?: number;
  ownerId?: number;
  unitId?: number;
  receivedFrom?: string;
  receivedTo?: string;
  withCredit?: boolean;
}

function receiptRows(db: Executor) {
  return db
    .selectFrom('receipts')
    .innerJoin('accounts as a', 'a.id', 'receipts.account_id')
    .innerJoin('users as o', 'o.id', 'receipts.owner_id')
    .selectAll('receipts')
    .select(['a.name as account_name', 'o.name as owner_name', unitPathOf('receipts.unit_id').as('unit_name')]);
}
export type ReceiptRow = Awaited<ReturnType<ReturnType<typeof receiptRows>['executeTakeFirstOrThrow']>>;

function filtered(db: Executor, f: ReceiptFilter) {
  let q = db.selectFrom('receipts').innerJoin('accounts as a', 'a.id', 'receipts.account_id').where(f.scope);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) => eb.or([eb('receipts.number', 'ilike', p), eb('receipts.bank_ref', 'ilike', p), eb('receipts.payer', 'ilike', p), eb('a.name', 'ilike', p)]));
  }
  if (f.status) q = q.where('receipts.status', '=', f.status);
  if (f.accountId) q = q.where('receipts.account_id', '=', f.accountId);
  if (f.ownerId) q = q.where('receipts.owner_id', '=', f.ownerId);
  if (f.unitId) q = q.where(inSubtree('receipts.unit_id', f.unitId));
  if (f.receivedFrom) q = q.where('receipts.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('receipts.received_on', '<=', f.receivedTo);
  if (f.withCredit) q = q.where('receipts.status', '=', 'confirmed').where(sql<SqlBool>`receipts.allocated < receipts.amount`);
  return q;
}

/** The instalment with its contract, as allocations, invoices and write-offs read it. */
function instalments(db: Executor) {
  return db
    .selectFrom('contract_instalments as i')
    .innerJoin('contracts as c', 'c.id', 'i.contract_id')
    .select(['i.id', 'i.contract_id', 'i.account_id', 'i.seq', 'i.milestone', 'i.due_date', 'i.amount', 'i.paid_amount', 'i.written_off', 'c.number as contract_number', 'c.status as contract_status', 'c.owner_id', 'c.unit_id']);
}

const allocationColumns = [
  'ra.id',
  'ra.receipt_id',
  'r.number as receipt_number',
  'ra.instalment_id',
  'i.contract_id',
  'c.number as contract_number',
  'i.seq',
  'i.milestone',
  'i.due_date',
  'ra.amount',
  'ra.received_on',
  'ra.allocated_by',
  'ab.name as allocated_by_name',
  'ra.allocated_at',
  'ra.undone_at',
  'ra.undone_by',
  'ub.name as undone_by_name',
  'ra.undo_reason',
] as const;

export const collectionsRepo = {
  // ---- receipts ----

  async list(db: Executor, f: ReceiptFilter, sort: SortSpec, page: { limit: number; offset: number }) {
    const ids = filtered(db, f).select('receipts.id');
    const [items, count] = await Promise.all([
      receiptRows(db)
        .where('receipts.id', 'in', ids)
        .orderBy(sql.ref(`receipts.${sort.column}`), sort.desc ? 'desc' : 'asc')
        .orderBy('receipts.id', sort.desc ? 'desc' : 'asc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: n(count.n) };
  },

  /** Every receipt of the filter (the export), newest received first. */
  exportRows(db: Executor, f: ReceiptFilter, limit: number) {
    return receiptRows(db).where('receipts.id', 'in', filtered(db, f).select('receipts.id')).orderBy('receipts.received_on', 'desc').orderBy('receipts.id', 'desc').limit(limit).execute();
  },

  receipt(db: Executor, id: number, scope: OwnedScope<'receipts'>) {
    return receiptRows(db)
      .leftJoin('users as rb', 'rb.id', 'receipts.recorded_by')
      .leftJoin('users as cb', 'cb.id', 'receipts.confirmed_by')
      .select(['rb.name as recorded_by_name', 'cb.name as confirmed_by_name'])
      .where('receipts.id', '=', id)
      .where(scope)
      .executeTakeFirst();
  },

  /** The receipt locked for a write, in scope; two writes on one receipt queue up here. */
  receiptForUpdate(db: Executor, id: number, scope: OwnedScope<'receipts'>, lock = true) {
    const q = db.selectFrom('receipts').selectAll().where('id', '=', id).where(scope);
    return lock ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst();
  },

  async nextReceiptId(db: Executor) {
    const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('receipts', 'id')) as id`.execute(db);
    return n(r.rows[0]!.id);
  },

  /** Whether another receipt has the number (whatever the case). */
  async numberTaken(db: Executor, number: string, exceptId = 0) {
    return (await db.selectFrom('receipts').select('id').where(sql<SqlBool>`lower(number) = lower(${number})`).where('id', '<>', exceptId).executeTakeFirst()) !== undefined;
  },

  /** Whether another live (not void) receipt carries the bank reference. */
  async bankRefTaken(db: Executor, bankRef: string, exceptId = 0) {
    return (await db.selectFrom('receipts').select('id').where('bank_ref', '=', bankRef).where('status', '<>', 'void').where('id', '<>', exceptId).executeTakeFirst()) !== undefined;
  },

  insertReceipt(db: Executor, values: { id: number; number: string; account_id: number; owner_id: number; unit_id: number; received_on: string; amount: number; method: string; bank_ref: string | null; payer: string; note: string; source: string; recorded_by: number }) {
    return db.insertInto('receipts').values(values).returningAll().executeTakeFirstOrThrow();
  },

  updateReceipt(db: Executor, id: number, values: Updateable<ReceiptTable>) {
    return db
      .updateTable('receipts')
      .set({ ...values, ...bumped })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The account a receipt is recorded on, in the caller's reach, with its owner and unit. */
  account(db: Executor, accountId: number, scope: OwnedScope<'accounts'>) {
    return db.selectFrom('accounts').select(['id', 'name', 'owner_id', 'unit_id']).where('id', '=', accountId).where(scope).executeTakeFirst();
  },

  // ---- allocations ----

  allocations(db: Executor, receiptId: number) {
    return db
      .selectFrom('receipt_allocations as ra')
      .innerJoin('receipts as r', 'r.id', 'ra.receipt_id')
      .innerJoin('contract_instalments as i', 'i.id', 'ra.instalment_id')
      .innerJoin('contracts as c', 'c.id', 'i.contract_id')
      .innerJoin('users as ab', 'ab.id', 'ra.allocated_by')
      .leftJoin('users as ub', 'ub.id', 'ra.undone_by')
      .select(allocationColumns)
      .where('ra.receipt_id', '=', receiptId)
      .orderBy('ra.id')
      .execute();
  },

  /** The open instalments of the account's signed / in-progress contracts, oldest due first. */
  openInstalments(db: Executor, accountId: number, contractStatuses: readonly string[]) {
    return instalments(db)
      .where('i.account_id', '=', accountId)
      .where('c.status', 'in', contractStatuses)
      .where(sql<SqlBool>`i.paid_amount + i.written_off < i.amount`)
      .orderBy('i.due_date')
      .orderBy('i.id')
      .execute();
  },

  /**
   * Locks contracts in id order before their instalments are touched — the one order every write on
   * money takes (receipt, contracts, instalments), so a contract ended meanwhile is seen, and two
   * writes never wait on each other crosswise. Returns their states.
   */
  lockContracts(db: Executor, ids: readonly number[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('contracts').select(['id', 'status']).where('id', 'in', [...ids]).orderBy('id').forUpdate().execute();
  },

  instalmentsByIds(db: Executor, ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return instalments(db).where('i.id', 'in', ids).execute();
  },

  /**
   * Adds `amount` to an instalment's paid amount only while it stays within what it owes; stamps
   * settled_on with the allocation's received date when this completes it. Undefined: it would
   * over-allocate (someone else got there first).
   */
  addPaid(db: Executor, instalmentId: number, amount: number, receivedOn: string) {
    return db
      .updateTable('contract_instalments')
      .set({
        paid_amount: sql<number>`paid_amount + ${amount}`,
        settled_on: sql<string | null>`case when paid_amount + written_off + ${amount} = amount then ${receivedOn}::date else settled_on end`,
      })
      .where('id', '=', instalmentId)
      .where(sql<SqlBool>`paid_amount + written_off + ${amount} <= amount`)
      .returning(['id', 'contract_id'])
      .executeTakeFirst();
  },

  /** Takes an undone allocation's amount off the instalment; it is open again, so settled_on goes. */
  subtractPaid(db: Executor, instalmentId: number, amount: number) {
    return db
      .updateTable('contract_instalments')
      .set({ paid_amount: sql<number>`paid_amount - ${amount}`, settled_on: null })
      .where('id', '=', instalmentId)
      .where('paid_amount', '>=', amount)
      .returning(['id', 'contract_id'])
      .executeTakeFirst();
  },

  /** Adds to the receipt's allocated sum only while it stays within its amount; undefined otherwise. */
  addAllocated(db: Executor, receiptId: number, amount: number) {
    return db
      .updateTable('receipts')
      .set({ allocated: sql<number>`allocated + ${amount}`, ...bumped })
      .where('id', '=', receiptId)
      .where(sql<SqlBool>`allocated + ${amount} <= amount`)
      .returningAll()
      .executeTakeFirst();
  },

  insertAllocations(db: Executor, rows: { receipt_id: number; instalment_id: number; amount: number; received_on: string; allocated_by: number }[]) {
    return db.insertInto('receipt_allocations').values(rows).returning(['id', 'instalment_id', 'amount']).execute();
  },

  /** The allocation with its receipt's owner and unit (for the scope check), locked. */
  allocationForUpdate(db: Executor, id: number) {
    return db.selectFrom('receipt_allocations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** The receipt an allocation belongs to, when the caller's scope reaches it. */
  async receiptOfAllocation(db: Executor, allocationId: number, scope: OwnedScope<'receipts'>) {
    const r = await db.selectFrom('receipt_allocations as ra').innerJoin('receipts', 'receipts.id', 'ra.receipt_id').select('receipts.id').where('ra.id', '=', allocationId).where(scope).executeTakeFirst();
    return r?.id;
  },

  undoAllocation(db: Executor, id: number, userId: number, reason: string) {
    return db.updateTable('receipt_allocations').set({ undone_at: sql<Date>`now()`, undone_by: userId, undo_reason: reason }).where('id', '=', id).where('undone_at', 'is', null).returningAll().executeTakeFirst();
  },

  subtractAllocated(db: Executor, receiptId: number, amount: number) {
    return db
      .updateTable('receipts')
      .set({ allocated: sql<number>`allocated - ${amount}`, ...bumped })
      .where('id', '=', receiptId)
      .where('allocated', '>=', amount)
      .returningAll()
      .executeTakeFirst();
  },

  /** The account's confirmed receipts with an unallocated remainder, in the caller's receipt scope, oldest first. */
  credit(db: Executor, accountId: number, scope: OwnedScope<'receipts'>) {
    return db
      .selectFrom('receipts')
      .select(['id', 'number', 'received_on', 'amount', 'allocated'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'confirmed')
      .where(sql<SqlBool>`allocated < amount`)
      .where(scope)
      .orderBy('received_on')
      .orderBy('id')
      .execute();
  },

  // ---- instalments through their contract ----

  /** The instalment with its contract when the caller's contract scope reaches it; locked when asked. */
  instalment(db: Executor, id: number, scope: OwnedScope<'contracts'>, lock = false) {
    const q = db
      .selectFrom('contract_instalments as i')
      .innerJoin('contracts', 'contracts.id', 'i.contract_id')
      .innerJoin('accounts as a', 'a.id', 'i.account_id')
      .select(['i.id', 'i.contract_id', 'i.account_id', 'i.seq', 'i.milestone', 'i.due_date', 'i.amount', 'i.paid_amount', 'i.written_off', 'contracts.number as contract_number', 'contracts.status as contract_status', 'contracts.unit_id', 'a.name as account_name'])
      .where('i.id', '=', id)
      .where(scope);
    return lock ? q.forUpdate('i').executeTakeFirst() : q.executeTakeFirst();
  },

  /** The instalment row itself, locked (the write-off's approval re-reads it). */
  instalmentForUpdate(db: Executor, id: number) {
    return db.selectFrom('contract_instalments').select(['id', 'contract_id', 'amount', 'paid_amount', 'written_off']).where('id', '=', id).forUpdate().executeTakeFirst();
  },

  addWrittenOff(db: Executor, instalmentId: number, amount: number, on: string) {
    return db
      .updateTable('contract_instalments')
      .set({ written_off: sql<number>`written_off + ${amount}`, written_off_on: on })
      .where('id', '=', instalmentId)
      .where(sql<SqlBool>`paid_amount + written_off + ${amount} <= amount`)
      .returning(['id', 'contract_id'])
      .executeTakeFirst();
  },

  // ---- invoices ----

  async invoicedOn(db: Executor, instalmentId: number) {
    const r = await db.selectFrom('invoices').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('s')).where('instalment_id', '=', instalmentId).where('status', '=', 'issued').executeTakeFirstOrThrow();
    return n(r.s);
  },

  async invoiceNumberTaken(db: Executor, number: string) {
    return (await db.selectFrom('invoices').select('id').where('number', '=', number).where('status', '=', 'issued').executeTakeFirst()) !== undefined;
  },

  insertInvoice(db: Executor, values: { instalment_id: number; contract_id: number; number: string; issued_on: string; amount: number; type: string; created_by: number }) {
    return db.insertInto('invoices').values(values).returningAll().executeTakeFirstOrThrow();
  },

  invoiceQuery(db: Executor, scope: OwnedScope<'contracts'>) {
    return db
      .selectFrom('invoices as inv')
      .innerJoin('contracts', 'contracts.id', 'inv.contract_id')
      .innerJoin('contract_instalments as i', 'i.id', 'inv.instalment_id')
      .innerJoin('users as cb', 'cb.id', 'inv.created_by')
      .selectAll('inv')
      .select(['contracts.number as contract_number', 'i.seq', 'cb.name as created_by_name'])
      .where(scope);
  },

  async invoices(db: Executor, scope: OwnedScope<'contracts'>, f: { contractId?: number; instalmentId?: number; status?: string }, page: { limit: number; offset: number }) {
    let q = collectionsRepo.invoiceQuery(db, scope);
    if (f.contractId) q = q.where('inv.contract_id', '=', f.contractId);
    if (f.instalmentId) q = q.where('inv.instalment_id', '=', f.instalmentId);
    if (f.status) q = q.where('inv.status', '=', f.status);
    const [items, count] = await Promise.all([
      q.orderBy('inv.issued_on', 'desc').orderBy('inv.id', 'desc').limit(page.limit).offset(page.offset).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: n(count.n) };
  },

  invoice(db: Executor, id: number, scope: OwnedScope<'contracts'>) {
    return collectionsRepo.invoiceQuery(db, scope).where('inv.id', '=', id).executeTakeFirst();
  },

  invoiceForUpdate(db: Executor, id: number, scope: OwnedScope<'contracts'>) {
    return db.selectFrom('invoices').innerJoin('contracts', 'contracts.id', 'invoices.contract_id').selectAll('invoices').where('invoices.id', '=', id).where(scope).forUpdate('invoices').executeTakeFirst();
  },

  voidInvoice(db: Executor, id: number, reason: string) {
    return db.updateTable('invoices').set({ status: 'void', void_reason: reason, version: sql<number>`version + 1` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  // ---- write-offs ----

  writeOffQuery(db: Executor) {
    return db
      .selectFrom('instalment_write_offs as w')
      .innerJoin('contract_instalments as i', 'i.id', 'w.instalment_id')
      .innerJoin('contracts', 'contracts.id', 'i.contract_id')
      .innerJoin('accounts as a', 'a.id', 'i.account_id')
      .innerJoin('users as rb', 'rb.id', 'w.requested_by')
      .selectAll('w')
      .select(['i.seq', 'i.contract_id', 'i.account_id', 'i.milestone', 'i.due_date', 'i.amount as instalment_amount', 'i.paid_amount', 'i.written_off', 'contracts.number as contract_number', 'a.name as account_name', 'rb.name as requested_by_name']);
  },

  writeOff(db: Executor, id: number, scope?: OwnedScope<'contracts'>) {
    const q = collectionsRepo.writeOffQuery(db).where('w.id', '=', id);
    return (scope ? q.where(scope) : q).executeTakeFirst();
  },

  writeOffsOf(db: Executor, instalmentId: number) {
    return collectionsRepo.writeOffQuery(db).where('w.instalment_id', '=', instalmentId).orderBy('w.id', 'desc').execute();
  },

  /** The write-off locked for its withdrawal, when the caller's contract scope reaches it. */
  writeOffForUpdate(db: Executor, id: number, scope: OwnedScope<'contracts'>) {
    return db
      .selectFrom('instalment_write_offs as w')
      .innerJoin('contract_instalments as i', 'i.id', 'w.instalment_id')
      .innerJoin('contracts', 'contracts.id', 'i.contract_id')
      .selectAll('w')
      .where('w.id', '=', id)
      .where(scope)
      .forUpdate('w')
      .executeTakeFirst();
  },

  async pendingWriteOff(db: Executor, instalmentId: number) {
    return (await db.selectFrom('instalment_write_offs').select('id').where('instalment_id', '=', instalmentId).where('status', '=', 'pending').executeTakeFirst()) !== undefined;
  },

  insertWriteOff(db: Executor, values: { instalment_id: number; amount: number; reason: string; requested_by: number; unit_id: number }) {
    return db.insertInto('instalment_write_offs').values(values).returningAll().executeTakeFirstOrThrow();
  },

  setWriteOffAmount(db: Executor, id: number, amount: number) {
    return db.updateTable('instalment_write_offs').set({ amount, ...bumped }).where('id', '=', id).execute();
  },

  // ---- account timeline, merge, handover ----

  async timelineEvents(db: Executor, accountId: number, scope: OwnedScope<'receipts'>, bound: { at: Date; sameInstant: 'all' | 'none' | 'below'; id?: number } | null, limit: number) {
    const at = sql<Date>`date_trunc('milliseconds', receipts.confirmed_at)`;
    let q = db
      .selectFrom('receipts')
      .innerJoin('users as u', 'u.id', 'receipts.confirmed_by')
      .select(['receipts.id', at.as('at'), 'receipts.number', 'receipts.amount', 'receipts.received_on', 'receipts.confirmed_by', 'u.name as confirmed_by_name'])
      .where('receipts.account_id', '=', accountId)
      .where('receipts.status', '=', 'confirmed')
      .where(scope);
    if (bound) {
      if (bound.sameInstant === 'all') q = q.where(sql<SqlBool>`${at} <= ${bound.at}`);
      else if (bound.sameInstant === 'none') q = q.where(sql<SqlBool>`${at} < ${bound.at}`);
      else q = q.where(sql<SqlBool>`(${at} < ${bound.at} or (${at} = ${bound.at} and receipts.id < ${bound.id ?? 0}))`);
    }
    return q.orderBy(at, 'desc').orderBy('receipts.id', 'desc').limit(limit).execute();
  },

  async countOfAccount(db: Executor, accountId: number) {
    return n((await db.selectFrom('receipts').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow()).n);
  },
  moveToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('receipts').set({ account_id: toId, ...bumped }).where('account_id', '=', fromId).returning(['id']).execute();
  },

  /** A leaver's receipts still waiting for finance (recorded): who chases them moves to the successor. */
  async countRecordedOwned(db: Executor, userId: number) {
    return n((await db.selectFrom('receipts').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', '=', 'recorded').executeTakeFirstOrThrow()).n);
  },
  firstRecordedOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('receipts')
      .innerJoin('accounts as a', 'a.id', 'receipts.account_id')
      .select(['receipts.id', sql<string>`receipts.number || ' · ' || a.name`.as('label')])
      .where('receipts.owner_id', '=', userId)
      .where('receipts.status', '=', 'recorded')
      .orderBy('receipts.id', 'desc')
      .limit(limit)
      .execute();
  },
  moveRecordedOwned(db: Executor, userId: number, toId: number) {
    return db
      .updateTable('receipts')
      .set({ owner_id: toId, unit_id: sql<number>`(select unit_id from users where id = ${toId})`, ...bumped })
      .where('owner_id', '=', userId)
      .where('status', '=', 'recorded')
      .returning(['id', 'unit_id'])
      .execute();
  },
};

