import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { ExpenseBudgetTable, ExpenseClaimLineTable, ExpenseClaimTable } from '../../db/schema';
import { unitPathOf } from '../../platform/org.repo';

const bumped = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };
/** A where-clause over owner/unit columns (scopeWhere bound to a permission). */
export type OwnerScope = (owner: string, unit: string) => Expression<SqlBool>;

/** A timestamp's business date in the business time zone (the session's zone may differ). */
const dayIn = (column: string) => (tz: string) => sql<string>`(${sql.raw(column)} at time zone ${tz})::date`;

/**
 * The linked tables: status column, spent column, the day it happened (a visit: its check-in,
 * else its plan) and the label (the account's name; a trip's destination) read through `join`.
 */
const LINKED = {
  visit: { table: 'visits', state: 'report_status', spent: 'cost_total', date: dayIn('coalesce(r.checked_in_at, r.planned_at)'), label: 'a.name', join: 'join accounts a on a.id = r.account_id' },
  reception: { table: 'receptions', state: 'report_status', spent: 'spent_total', date: dayIn('r.starts_at'), label: 'a.name', join: 'join accounts a on a.id = r.account_id' },
  trip: { table: 'business_trips', state: 'report_status', spent: 'coalesce(actual_total, 0)', date: () => sql<string>`r.start_on`, label: 'r.destination', join: '' },
  gift: { table: 'gift_applications', state: 'status', spent: 'value', date: () => sql<string>`r.gift_on`, label: 'a.name', join: 'join accounts a on a.id = r.account_id' },
} as const;
export type LinkedKind = keyof typeof LINKED;

/** A claim line's linked record as its label, for each linked kind (null for phone and 'other' lines). */
const lineRefLabel = sql<string | null>`case l.kind ${sql.join(
  (Object.keys(LINKED) as LinkedKind[]).map((k) => {
    const d = LINKED[k];
    return sql`when ${k} then (select ${sql.raw(d.label)} from ${sql.table(d.table)} r ${sql.raw(d.join)} where r.id = l.ref_id)`;
  }),
  sql` `,
)} end`;

function claims(db: Executor) {
  return db
    .selectFrom('expense_claims as e')
    .innerJoin('users as o', 'o.id', 'e.owner_id')
    .innerJoin('org_units as u', 'u.id', 'e.unit_id')
    .leftJoin('users as pb', 'pb.id', 'e.paid_by')
    .leftJoin('approval_instances as ai', 'ai.id', 'e.approval_id')
    .selectAll('e')
    .select(['o.name as owner_name', unitPathOf('e.unit_id').as('unit_name'), 'pb.name as paid_by_name', 'ai.doc_type']);
}

export const expensesRepo = {
  /**
   * The linked records of one kind among `ids` that are in the caller's scope, locked so two claims
   * on one record queue up; with whether another claim (not `selfId`) holds each — for the line's
   * message; what guarantees one claim per record is the holds table's key (holdRecords).
   */
  async linked(db: Executor, kind: LinkedKind, ids: number[], scope: OwnerScope, selfId: number | null) {
    if (!ids.length) return [];
    const d = LINKED[kind];
    const r = await sql<{ id: number; state: string; spent: string | number; claimed: boolean }>`
      select r.id, r.${sql.raw(d.state)} as state, ${sql.raw(d.spent)} as spent,
        exists (select 1 from expense_claim_holds h where h.kind = ${kind} and h.ref_id = r.id and h.claim_id <> ${selfId ?? 0}) as claimed
      from ${sql.table(d.table)} r
      where r.id = any(${ids}::bigint[]) and ${scope('r.owner_id', 'r.unit_id')}
      for update of r`.execute(db);
    return r.rows.map((x) => ({ id: Number(x.id), state: x.state, spent: Number(x.spent), claimed: x.claimed }));
  },
  /**
   * The caller's own records of a kind that are reported (gift: submitted) and not held by any
   * non-rejected claim, with their state: the service tells the claimable ones from those waiting.
   */
  async claimable(db: Executor, kind: LinkedKind, ownerId: number, tz: string) {
    const d = LINKED[kind];
    const ok = kind === 'gift' ? sql`r.status in ('pending', 'approved', 'issued')` : sql`r.report_status in ('submitted', 'returned', 'approved')`;
    const r = await sql<{ id: number; label: string; date: string | null; spent: string | number; state: string }>`
      select r.id, ${sql.raw(d.label)} as label, (${d.date(tz)})::text as date, ${sql.raw(d.spent)} as spent, r.${sql.raw(d.state)} as state
      from ${sql.table(d.table)} r ${sql.raw(d.join)}
      where r.owner_id = ${ownerId} and ${ok}
        and not exists (select 1 from expense_claim_holds h where h.kind = ${kind} and h.ref_id = r.id)
      order by r.id desc limit 200`.execute(db);
    return r.rows.map((x) => ({ kind, refId: Number(x.id), label: x.label, date: x.date, spent: Number(x.spent), state: x.state }));
  },

  async list(db: Executor, f: { scope: OwnerScope; ownerId?: number; statuses?: string[] }) {
    let q = claims(db).where(() => f.scope('e.owner_id', 'e.unit_id'));
    if (f.ownerId) q = q.where('e.owner_id', '=', f.ownerId);
    if (f.statuses) q = q.where('e.status', 'in', f.statuses);
    return q.orderBy('e.id', 'desc').limit(500).execute();
  },
  /** One claim as its approvers see it on the approval page. */
  async claimById(db: Executor, id: number) {
    return claims(db).where('e.id', '=', id).executeTakeFirst();
  },
  async claim(db: Executor, id: number, scope: OwnerScope) {
    return claims(db).where('e.id', '=', id).where(() => scope('e.owner_id', 'e.unit_id')).executeTakeFirst();
  },
  async claimForUpdate(db: Executor, id: number, scope: OwnerScope) {
    return db.selectFrom('expense_claims as e').selectAll('e').where('e.id', '=', id).where(() => scope('e.owner_id', 'e.unit_id')).forUpdate().executeTakeFirst();
  },
  async lines(db: Executor, claimId: number) {
    return db.selectFrom('expense_claim_lines as l').selectAll('l').select(lineRefLabel.as('ref_label')).where('l.claim_id', '=', claimId).orderBy('l.seq').execute();
  },
  async insertClaim(db: Executor, values: Insertable<ExpenseClaimTable>) {
    return db.insertInto('expense_claims').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateClaim(db: Executor, id: number, values: Updateable<ExpenseClaimTable>) {
    return db.updateTable('expense_claims').set({ ...values, ...bumped }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async replaceLines(db: Executor, claimId: number, lines: Omit<Insertable<ExpenseClaimLineTable>, 'claim_id'>[]) {
    await db.deleteFrom('expense_claim_lines').where('claim_id', '=', claimId).execute();
    if (lines.length) await db.insertInto('expense_claim_lines').values(lines.map((l) => ({ ...l, claim_id: claimId }))).execute();
  },
  /**
   * The claim takes hold of its lines' records (kind, ref_id): the primary key of
   * expense_claim_holds lets one claim hold a record, however many try at once on however many
   * servers (an insert that meets another transaction's uncommitted hold waits for it). Returns
   * the records another claim holds, which this claim did not get.
   */
  async holdRecords(db: Executor, claimId: number, refs: { kind: string; refId: number }[]) {
    await db.deleteFrom('expense_claim_holds').where('claim_id', '=', claimId).execute();
    const wanted = [...new Map(refs.map((r) => [`${r.kind}:${r.refId}`, r])).values()];
    if (!wanted.length) return [];
    const got = await db
      .insertInto('expense_claim_holds')
      .values(wanted.map((r) => ({ kind: r.kind, ref_id: r.refId, claim_id: claimId })))
      .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
      .returning(['kind', 'ref_id'])
      .execute();
    const held = new Set(got.map((g) => `${g.kind}:${Number(g.ref_id)}`));
    return wanted.filter((r) => !held.has(`${r.kind}:${r.refId}`));
  },
  /** A rejected claim lets its records go (they may be claimed again, by it or another). */
  async releaseRecords(db: Executor, claimId: number) {
    await db.deleteFrom('expense_claim_holds').where('claim_id', '=', claimId).execute();
  },
  async deleteClaim(db: Executor, id: number) {
    return db.deleteFrom('expense_claims').where('id', '=', id).returning('id').executeTakeFirst();
  },
  async title(db: Executor, id: number) {
    return (await db.selectFrom('expense_claims').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;
  },

  async financeIds(db: Executor) {
    const rows = await db
      .selectFrom('user_positions as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('u.id')
      .where('p.position', '=', 'finance_manager')
      .where('u.status', '=', 'active')
      .execute();
    return rows.map((r) => r.id);
  },
  /** Reconciliation: every line of claims approved or paid with a line date in [from, to]. */
  async exportRows(db: Executor, from: string, to: string) {
    return db
      .selectFrom('expense_claim_lines as l')
      .innerJoin('expense_claims as e', 'e.id', 'l.claim_id')
      .innerJoin('users as o', 'o.id', 'e.owner_id')
      .innerJoin('org_units as u', 'u.id', 'e.unit_id')
      .select(['e.id as claim_id', 'e.title', 'o.name as owner_name', unitPathOf('e.unit_id').as('unit_name'), 'e.status', 'e.paid_at', 'l.seq', 'l.kind', 'l.ref_id', 'l.category', 'l.amount', 'l.note', 'l.occurred_on'])
      .where('e.status', 'in', ['approved', 'paid'])
      .where('l.occurred_on', '>=', from)
      .where('l.occurred_on', '<=', to)
      .orderBy('e.id')
      .orderBy('l.seq')
      .execute();
  },

  // ---- budgets ----
  async budgets(db: Executor, period: string) {
    return db
      .selectFrom('expense_budgets as b')
      .leftJoin('users as us', 'us.id', 'b.user_id')
      .leftJoin('org_units as un', 'un.id', 'b.unit_id')
      .selectAll('b')
      .select(sql<string>`coalesce(us.name, ${unitPathOf('b.unit_id')})`.as('subject_name'))
      .where('b.period', '=', period)
      .orderBy('b.id')
      .execute();
  },
  async budget(db: Executor, id: number, lock = false) {
    const q = db.selectFrom('expense_budgets').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  async budgetByKey(db: Executor, k: { userId: number | null; unitId: number | null; category: string; period: string }) {
    return db
      .selectFrom('expense_budgets')
      .select('id')
      .where(sql<SqlBool>`coalesce(user_id, 0) = ${k.userId ?? 0} and coalesce(unit_id, 0) = ${k.unitId ?? 0}`)
      .where('category', '=', k.category)
      .where('period', '=', k.period)
      .executeTakeFirst();
  },
  async insertBudget(db: Executor, values: Insertable<ExpenseBudgetTable>) {
    return db.insertInto('expense_budgets').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateBudget(db: Executor, id: number, amount: number) {
    return db.updateTable('expense_budgets').set({ amount, ...bumped }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async userExists(db: Executor, id: number) {
    return db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  },
  async unitExists(db: Executor, id: number) {
    return db.selectFrom('org_units').select('id').where('id', '=', id).executeTakeFirst();
  },
  /** Actual per person and per claim unit and category: lines of approved or paid claims dated in the month. */
  async actuals(db: Executor, from: string, to: string) {
    const base = db
      .selectFrom('expense_claim_lines as l')
      .innerJoin('expense_claims as e', 'e.id', 'l.claim_id')
      .where('e.status', 'in', ['approved', 'paid'])
      .where('l.occurred_on', '>=', from)
      .where('l.occurred_on', '<=', to);
    const [byUser, byUnit] = await Promise.all([
      base.select(['e.owner_id as id', 'l.category', sql<string>`sum(l.amount)`.as('n')]).groupBy(['e.owner_id', 'l.category']).execute(),
      base.select(['e.unit_id as id', 'l.category', sql<string>`sum(l.amount)`.as('n')]).groupBy(['e.unit_id', 'l.category']).execute(),
    ]);
    return { byUser: byUser.map((r) => ({ id: r.id, category: r.category, actual: Number(r.n) })), byUnit: byUnit.map((r) => ({ id: r.id, category: r.category, actual: Number(r.n) })) };
  },

  // ---- phone allowance ----

  /** Serialises a person's submissions so two phone claims cannot both fit the last of an allowance. */
  async lockOwner(db: Executor, userId: number) {
    await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  },
  /** The phone lines dated in [from, to] of the person's submitted claims (pending, approved, paid), but `exceptClaimId`. */
  async phoneUsed(db: Executor, ownerId: number, from: string, to: string, exceptClaimId = 0) {
    const r = await db
      .selectFrom('expense_claim_lines as l')
      .innerJoin('expense_claims as e', 'e.id', 'l.claim_id')
      .select(sql<string>`coalesce(sum(l.amount), 0)`.as('n'))
      .where('l.kind', '=', 'phone')
      .where('e.owner_id', '=', ownerId)
      .where('e.status', 'in', ['pending', 'approved', 'paid'])
      .where('e.id', '<>', exceptClaimId)
      .where('l.occurred_on', '>=', from)
      .where('l.occurred_on', '<=', to)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** A person's budget of a category for a month, when one is set. */
  async personalBudget(db: Executor, userId: number, category: string, period: string) {
    const r = await db.selectFrom('expense_budgets').select('amount').where('user_id', '=', userId).where('category', '=', category).where('period', '=', period).executeTakeFirst();
    return r ? Number(r.amount) : null;
  },

  async names(db: Executor, userIds: number[], unitIds: number[]) {
    const [us, un] = await Promise.all([
      userIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
      unitIds.length ? db.selectFrom('org_units').select(['id', unitPathOf('org_units.id').as('name')]).where('id', 'in', unitIds).execute() : [],
    ]);
    return { users: new Map(us.map((r) => [r.id, r.name])), units: new Map(un.map((r) => [r.id, r.name])) };
  },
};
