import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import { OPEN_CONTRACT_STATUSES, SIGNED_CONTRACT_STATUSES } from '../../../shared/contracts/contracts';
import { containsPattern, type SortSpec } from '../../platform/listing';
import { unitPathOf } from '../../platform/org.repo';
import type { OwnedScope } from '../../platform/scope';
import type { Bound } from '../../platform/timeline';
import { ms } from '../../platform/timeline.repo';
import type { ContractInstalmentTable, ContractLineTable, ContractTable } from './contracts.tables';

export type ContractValues = Updateable<ContractTable>;
export type ContractScope = OwnedScope<'contracts'>;

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
const SIGNED = sql.join([...SIGNED_CONTRACT_STATUSES].map((s) => sql.lit(s)));
const OPEN = sql.join([...OPEN_CONTRACT_STATUSES].map((s) => sql.lit(s)));
/** A member of a contract's collection group counts once it was signed (its money can only come after). */
const COUNTED = sql.join([...SIGNED_CONTRACT_STATUSES, 'terminated'].map((s) => sql.lit(s)));

/** Sum of a sales contract's signed supplements (alias `c`). */
const signedSupplements = (c: string) => sql<number>`(select coalesce(sum(s.amount), 0) from contracts s where s.parent_id = ${sql.ref(`${c}.id`)} and s.kind = 'supplement' and s.status in (${SIGNED}))`;
/** What a framework's signed sales contracts fulfil: their effective amounts (alias `c`). */
const fulfilledOf = (c: string) =>
  sql<number>`(select coalesce(sum(f.amount + (select coalesce(sum(s.amount), 0) from contracts s where s.parent_id = f.id and s.kind = 'supplement' and s.status in (${SIGNED}))), 0)
    from contracts f where f.parent_id = ${sql.ref(`${c}.id`)} and f.kind = 'sales' and f.status in (${SIGNED}))`;

/**
 * Instalment `i` belongs to the collection group of `contracts`: its own, and those of the contracts under it
 * (and under those) once signed. Written as `contract_id in (…)` so each listed contract reads its group's
 * instalments through their contract index — an OR over the joined contract made the planner scan every
 * instalment per contract (8 s a page at 1,000,000 instalments, bench:deals).
 */
const inGroup = sql<SqlBool>`i.contract_id in (
    select contracts.id
    union all select g.id from contracts g where g.parent_id = contracts.id and g.status in (${COUNTED})
    union all select h.id from contracts h where h.parent_id in (select g2.id from contracts g2 where g2.parent_id = contracts.id) and h.status in (${COUNTED}))`;

/**
 * The money of contract `c` over its collection group: itself, the contracts under it (a sales contract's
 * supplements, a framework's sales contracts) and theirs (the supplements of a framework's sales
 * contracts) — the others once signed. Outstanding and overdue only where the contract is still open.
 */
const moneyOf = (today: string) =>
  sql<{ received: number; written_off: number; invoiced: number; outstanding: number; overdue: number }>`(
    select coalesce(sum(i.paid_amount), 0) as received,
      coalesce(sum(i.written_off), 0) as written_off,
      coalesce(sum((select coalesce(sum(v.amount), 0) from invoices v where v.instalment_id = i.id and v.status = 'issued')), 0) as invoiced,
      coalesce(sum(case when ic.status in (${OPEN}) then greatest(0, i.amount - i.paid_amount - i.written_off) else 0 end), 0) as outstanding,
      coalesce(sum(case when ic.status in (${OPEN}) and i.due_date < ${today}::date then greatest(0, i.amount - i.paid_amount - i.written_off) else 0 end), 0) as overdue
    from contract_instalments i join contracts ic on ic.id = i.contract_id
    where ${inGroup})`;

/**
 * The contracts with something of their collection group overdue on `today` (the list's overdue filter,
 * without the sums), set-based: the open contracts with an overdue instalment of their own (the open-
 * instalment index), then their parents and grandparents as inGroup counts them (a member counts once
 * signed). Asked per listed contract, the same question read every contract's group (minutes at
 * 200,000 contracts for the GM's count).
 */
const overdueIn = (today: string) =>
  sql<SqlBool>`contracts.id in (
    with o as (
      select distinct i.contract_id as id from contract_instalments i join contracts ic on ic.id = i.contract_id
      where ic.status in (${OPEN}) and i.due_date < ${today}::date and i.paid_amount + i.written_off < i.amount
    )
    select o.id from o
    union all
    select g.parent_id from o join contracts g on g.id = o.id where g.parent_id is not null and g.status in (${COUNTED})
    union all
    select p.parent_id from o join contracts h on h.id = o.id join contracts p on p.id = h.parent_id
    where p.parent_id is not null and h.status in (${COUNTED}))`;

export interface ContractFilter {
  scope: ContractScope;
  today: string;
  q?: string;
  kind?: string;
  statuses?: string[];
  accountId?: number;
  ownerId?: number;
  unitId?: number;
  parentId?: number;
  signedFrom?: string;
  signedTo?: string;
  overdue?: boolean;
}

export const CONTRACT_SORT_COLUMNS = {
  number: 'contracts.number',
  title: 'contracts.title',
  amount: 'contracts.amount',
  signDate: 'contracts.sign_date',
  startDate: 'contracts.start_date',
  endDate: 'contracts.end_date',
  status: 'contracts.status',
  // the same order as created_at (ids are given at insert), served by the indexes that end in id
  createdAt: 'contracts.id',
  updatedAt: 'contracts.updated_at',
} as const;
export type ContractSortColumn = (typeof CONTRACT_SORT_COLUMNS)[keyof typeof CONTRACT_SORT_COLUMNS];

/**
 * The contracts that match, with nothing joined: the account name of the search is an exists, so the page
 * of ids and the count read only the contracts' own indexes.
 */
function listBase(db: Executor, f: ContractFilter) {
  let q = db.selectFrom('contracts').where(f.scope);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where(sql<SqlBool>`(contracts.number ilike ${p} or contracts.title ilike ${p} or exists (select 1 from accounts sa where sa.id = contracts.account_id and sa.name ilike ${p}))`);
  }
  if (f.kind) q = q.where('contracts.kind', '=', f.kind);
  if (f.statuses?.length) q = q.where('contracts.status', 'in', f.statuses);
  if (f.accountId) q = q.where('contracts.account_id', '=', f.accountId);
  if (f.ownerId) q = q.where('contracts.owner_id', '=', f.ownerId);
  if (f.unitId) q = q.where(sql<SqlBool>`contracts.unit_id = any(array(select ou.id from org_units ou where ou.path like (select top.path || '%' from org_units top where top.id = ${f.unitId})))`);
  if (f.parentId) q = q.where('contracts.parent_id', '=', f.parentId);
  if (f.signedFrom) q = q.where('contracts.sign_date', '>=', f.signedFrom);
  if (f.signedTo) q = q.where('contracts.sign_date', '<=', f.signedTo);
  if (f.overdue) q = q.where(overdueIn(f.today));
  return q;
}

function listSelect(db: Executor, f: ContractFilter) {
  return listBase(db, f)
    .innerJoin('accounts as a', 'a.id', 'contracts.account_id')
    .innerJoin('users as o', 'o.id', 'contracts.owner_id')
    .leftJoinLateral(moneyOf(f.today).as('m'), (j) => j.onTrue())
    .select([
    'contracts.id',
    'contracts.number',
    'contracts.kind',
    'contracts.parent_id',
    sql<string | null>`(select p.number from contracts p where p.id = contracts.parent_id)`.as('parent_number'),
    'contracts.revision',
    'contracts.account_id',
    'a.name as account_name',
    'contracts.owner_id',
    'o.name as owner_name',
    'contracts.unit_id',
    unitPathOf('contracts.unit_id').as('unit_name'),
    'contracts.title',
    'contracts.amount',
    sql<number>`contracts.amount + case when contracts.kind = 'sales' then ${signedSupplements('contracts')} else 0 end`.as('effective_amount'),
    sql<number>`case when contracts.kind = 'framework' then ${fulfilledOf('contracts')} else 0 end`.as('fulfilled'),
    'contracts.currency',
    'contracts.sign_date',
    'contracts.start_date',
    'contracts.end_date',
    'contracts.status',
    'contracts.status_reason',
    sql<number>`m.received`.as('received'),
    sql<number>`m.written_off`.as('written_off'),
    sql<number>`m.invoiced`.as('invoiced'),
    sql<number>`m.outstanding`.as('outstanding'),
    sql<number>`m.overdue`.as('overdue'),
    'contracts.created_at',
    'contracts.updated_at',
    'contracts.version',
  ]);
}
export type ContractListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['execute']>>[number];

export const contractsRepo = {
  /**
   * A page of the list (all of it without a window). A page is read in two steps: the ids in order
   * through the sort column's index, then names and money for those ids only — the money of a contract
   * reads its whole collection group, and joined before the sort it was read for every match (≈ 0.4 s a
   * page at 200,000 contracts, bench:deals).
   */
  async list(db: Executor, f: ContractFilter, sort: SortSpec<ContractSortColumn>, window: { limit: number; offset: number } | null) {
    const dir = sort.desc ? 'desc' : 'asc';
    if (!window) return listSelect(db, f).orderBy(sql.ref(sort.column), dir).orderBy('contracts.id', dir).execute();
    const ids = (await listBase(db, f).select('contracts.id').orderBy(sql.ref(sort.column), dir).orderBy('contracts.id', dir).limit(window.limit).offset(window.offset).execute()).map((r) => r.id);
    if (!ids.length) return [];
    const rows = await listSelect(db, { scope: f.scope, today: f.today }).where('contracts.id', 'in', ids).execute();
    const at = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((x, y) => at.get(x.id)! - at.get(y.id)!);
  },
  async count(db: Executor, f: ContractFilter) {
    return count(await listBase(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  },

  /** One contract with the names it shows, when in scope. */
  async find(db: Executor, id: number, scope: ContractScope, today: string) {
    return listSelect(db, { scope, today })
      .leftJoin('contacts as sc', 'sc.id', 'contracts.signatory_contact_id')
      .innerJoin('users as cb', 'cb.id', 'contracts.created_by')
      .leftJoin('users as sb', 'sb.id', 'contracts.settled_by')
      .select(['contracts.signatory_contact_id', 'sc.name as signatory_name', 'contracts.payment_terms', 'contracts.note', 'contracts.approval_id', 'contracts.submitted_at', 'contracts.decided_at', 'contracts.signed_at', 'contracts.closed_at', 'contracts.settled_by', 'sb.name as settled_by_name', 'contracts.created_by', 'cb.name as created_by_name'])
      .where('contracts.id', '=', id)
      .executeTakeFirst();
  },
  /** The row locked for a write, when in scope. */
  async lock(db: Executor, id: number, scope: ContractScope) {
    return db.selectFrom('contracts').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  /** Rows locked by id (in id order, so concurrent callers queue the same way), whatever the scope. */
  async lockMany(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return db.selectFrom('contracts').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
  },
  async nextId(db: Executor) {
    const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('contracts', 'id')) as id`.execute(db);
    return Number(r.rows[0]!.id);
  },
  async numberTaken(db: Executor, number: string, exceptId = 0) {
    return (await db.selectFrom('contracts').select('id').where(sql<SqlBool>`lower(number) = lower(${number})`).where('id', '<>', exceptId).executeTakeFirst()) !== undefined;
  },
  async insert(db: Executor, values: Insertable<ContractTable>) {
    return db.insertInto('contracts').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: ContractValues) {
    return db
      .updateTable('contracts')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async delete(db: Executor, id: number) {
    await db.deleteFrom('contracts').where('id', '=', id).execute();
  },
  /** The parent a new contract names, locked (a supplement's revision is counted under it), when in scope. */
  async parentForUpdate(db: Executor, id: number, scope: ContractScope) {
    return db.selectFrom('contracts').select(['id', 'kind', 'account_id', 'status', 'number']).where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  async visible(db: Executor, id: number, scope: ContractScope) {
    return (await db.selectFrom('contracts').select('id').where('id', '=', id).where(scope).executeTakeFirst()) !== undefined;
  },
  /** The sign date of a contract approved without one: the day of the approval (the approval's own write moved the version). */
  async stampSignDate(db: Executor, id: number, day: string) {
    await db.updateTable('contracts').set({ sign_date: sql<string>`coalesce(sign_date, ${day}::date)` }).where('id', '=', id).execute();
  },
  async nextRevision(db: Executor, parentId: number) {
    const r = await db.selectFrom('contracts').select((eb) => eb.fn.max('revision').as('n')).where('parent_id', '=', parentId).where('kind', '=', 'supplement').executeTakeFirst();
    return Number(r?.n ?? 0) + 1;
  },
  async accountExists(db: Executor, id: number) {
    return (await db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  },
  async contactOfAccount(db: Executor, contactId: number, accountId: number) {
    return (await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('account_id', '=', accountId).executeTakeFirst()) !== undefined;
  },
  async unitExists(db: Executor, id: number) {
    return (await db.selectFrom('org_units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  },
  /** Whether any money came in on the contract or a member of its collection group. */
  async received(db: Executor, id: number) {
    const r = await sql<{ n: number }>`select coalesce(sum(i.paid_amount), 0) as n from contract_instalments i join contracts ic on ic.id = i.contract_id
      where ic.id = ${id} or ic.parent_id = ${id}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },

  // ---- lines ----
  async lines(db: Executor, contractId: number) {
    return db.selectFrom('contract_lines').selectAll().where('contract_id', '=', contractId).orderBy('seq').execute();
  },
  /** The lines of many contracts with their contract's number (the export), in the given contracts' order. */
  async linesOf(db: Executor, contractIds: number[]) {
    if (!contractIds.length) return [];
    return db
      .selectFrom('contract_lines as l')
      .innerJoin('contracts', 'contracts.id', 'l.contract_id')
      .select(['l.contract_id', 'contracts.number', 'contracts.title', 'l.seq', 'l.product', 'l.spec', 'l.unit', 'l.quantity', 'l.unit_price', 'l.discount', 'l.amount'])
      .where('l.contract_id', 'in', contractIds)
      .orderBy(sql`array_position(${sql.val(contractIds)}::bigint[], l.contract_id)`)
      .orderBy('l.seq')
      .execute();
  },
  async replaceLines(db: Executor, contractId: number, rows: Omit<Insertable<ContractLineTable>, 'contract_id'>[]) {
    await db.deleteFrom('contract_lines').where('contract_id', '=', contractId).execute();
    if (rows.length) await db.insertInto('contract_lines').values(rows.map((r) => ({ ...r, contract_id: contractId }))).execute();
  },

  // ---- instalments ----
  async instalments(db: Executor, contractId: number) {
    return db
      .selectFrom('contract_instalments as i')
      .selectAll('i')
      .select(sql<number>`(select coalesce(sum(v.amount), 0) from invoices v where v.instalment_id = i.id and v.status = 'issued')`.as('invoiced'))
      .where('i.contract_id', '=', contractId)
      .orderBy('i.seq')
      .execute();
  },
  /** The instalments of many contracts (id order), for the follow-up of collections. */
  async instalmentsOf(db: Executor, contractIds: number[]) {
    if (!contractIds.length) return [];
    return db.selectFrom('contract_instalments').select(['contract_id', 'amount', 'paid_amount', 'written_off']).where('contract_id', 'in', contractIds).orderBy('id').execute();
  },
  async replaceInstalments(db: Executor, contractId: number, accountId: number, rows: Omit<Insertable<ContractInstalmentTable>, 'contract_id' | 'account_id'>[]) {
    await db.deleteFrom('contract_instalments').where('contract_id', '=', contractId).execute();
    if (rows.length) await db.insertInto('contract_instalments').values(rows.map((r) => ({ ...r, contract_id: contractId, account_id: accountId }))).execute();
  },

  // ---- the approval page ----
  async summaryOf(db: Executor, id: number) {
    return db
      .selectFrom('contracts')
      .innerJoin('accounts as a', 'a.id', 'contracts.account_id')
      .innerJoin('users as o', 'o.id', 'contracts.owner_id')
      .select(['contracts.number', 'contracts.kind', 'contracts.title', 'contracts.amount', 'contracts.sign_date', 'contracts.start_date', 'contracts.end_date', 'contracts.payment_terms', 'contracts.revision', 'a.name as account_name', 'o.name as owner_name', unitPathOf('contracts.unit_id').as('unit_name'), sql<string | null>`(select p.number from contracts p where p.id = contracts.parent_id)`.as('parent_number')])
      .where('contracts.id', '=', id)
      .executeTakeFirst();
  },

  // ---- timeline: signed at signed_at, closed at closed_at ----
  /**
   * The account's contract events, newest first. Each contract gives up to two: signed (event id 2 × id)
   * and closed (2 × id + 1), so an event's id is unique within the kind and the cursor splits them.
   */
  async timelineEvents(db: Executor, accountId: number, scope: ContractScope, bound: Bound | null, limit: number) {
    const events = db
      .selectFrom('contracts')
      .select([sql<number>`contracts.id * 2`.as('event_id'), 'contracts.id', ms('contracts.signed_at').as('at'), sql<string>`'signed'`.as('event')])
      .where('contracts.account_id', '=', accountId)
      .where('contracts.signed_at', 'is not', null)
      .where(scope)
      .unionAll(
        db
          .selectFrom('contracts')
          .select([sql<number>`contracts.id * 2 + 1`.as('event_id'), 'contracts.id', ms('contracts.closed_at').as('at'), sql<string>`'closed'`.as('event')])
          .where('contracts.account_id', '=', accountId)
          .where('contracts.closed_at', 'is not', null)
          .where(scope),
      );
    let q = db
      .selectFrom(events.as('e'))
      .innerJoin('contracts', 'contracts.id', 'e.id')
      .innerJoin('users as o', 'o.id', 'contracts.owner_id')
      .select(['e.event_id', 'e.at', 'e.event', 'contracts.id', 'contracts.number', 'contracts.kind', 'contracts.title', 'contracts.amount', 'contracts.status', 'contracts.owner_id', 'o.name as owner_name']);
    if (bound) {
      const b = bound;
      q = q.where((eb): Expression<SqlBool> => {
        if (b.sameInstant === 'all') return eb('e.at', '<=', b.at);
        if (b.sameInstant === 'none') return eb('e.at', '<', b.at);
        return eb.or([eb('e.at', '<', b.at), eb.and([eb('e.at', '=', b.at), eb('e.event_id', '<', b.id)])]);
      });
    }
    return q.orderBy('e.at', 'desc').orderBy('e.event_id', 'desc').limit(limit).execute();
  },

  // ---- merge and handover ----
  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('contracts').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveToAccount(db: Executor, fromId: number, toId: number) {
    await db.updateTable('contract_instalments').set({ account_id: toId }).where('account_id', '=', fromId).execute();
    return db.updateTable('contracts').set({ account_id: toId, updated_at: sql`now()`, version: sql`version + 1` }).where('account_id', '=', fromId).returning(['id']).execute();
  },
  async countLiveOwned(db: Executor, userId: number) {
    return count(await db.selectFrom('contracts').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'not in', ['completed', 'terminated', 'void']).executeTakeFirst());
  },
  async firstLiveOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('contracts')
      .innerJoin('accounts', 'accounts.id', 'contracts.account_id')
      .select(['contracts.id', sql<string>`contracts.number || ' · ' || accounts.name`.as('label')])
      .where('contracts.owner_id', '=', userId)
      .where('contracts.status', 'not in', ['completed', 'terminated', 'void'])
      .orderBy('contracts.id', 'desc')
      .limit(limit)
      .execute();
  },
  async moveLiveOwned(db: Executor, userId: number, toId: number) {
    return db
      .updateTable('contracts')
      .set({ owner_id: toId, unit_id: sql`(select unit_id from users where id = ${toId})`, updated_at: sql`now()`, version: sql`version + 1` })
      .where('owner_id', '=', userId)
      .where('status', 'not in', ['completed', 'terminated', 'void'])
      .returning(['id', 'unit_id'])
      .execute();
  },
};
