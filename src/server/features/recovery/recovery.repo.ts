import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import type { AccountScope } from '../../platform/scope';
import { containsPattern } from '../../platform/listing';
import type { MeasureResult } from '../../../shared/domain/health';

/** The tasks that are a plan's steps carry this link entity. */
export const STEP_ENTITY = 'recovery_plan';

export type RecoverySortColumn = 'opened_at' | 'revenue' | 'score';

export interface RecoveryFilter {
  scope: AccountScope;
  states: readonly string[];
  accountId?: number;
  ownerId?: number;
  q?: string;
  sort: { column: RecoverySortColumn; desc: boolean };
  limit: number;
  offset: number;
}

const PLAN_COLUMNS = [
  'p.id',
  'p.account_id',
  'p.owner_id',
  'p.state',
  'p.trigger',
  'p.reason',
  'p.drivers',
  'p.score_at_open',
  'p.lifecycle_before',
  'p.goal',
  'p.actions',
  'p.opened_at',
  'p.opened_by',
  'p.started_at',
  'p.closed_at',
  'p.closed_by',
  'p.outcome_reason',
  'p.version',
] as const;

/** The plans joined with their account, owner, the account's health now and the steps' counts (read-only joins: accounts, users, account_health, tasks). */
function joined(db: Executor) {
  return db
    .selectFrom('recovery_plans as p')
    .innerJoin('accounts', 'accounts.id', 'p.account_id')
    .innerJoin('users as owner', 'owner.id', 'p.owner_id')
    .leftJoin('account_health as h', 'h.account_id', 'p.account_id');
}

const listColumns = (q: ReturnType<typeof joined>) =>
  q
    .select(PLAN_COLUMNS)
    .select(['accounts.name as account_name', 'accounts.tier as account_tier', 'accounts.lifecycle as account_lifecycle', 'owner.name as owner_name', 'h.score', 'h.band'])
    .select(sql<number>`coalesce(h.revenue, 0)`.as('revenue'))
    .select(sql<number>`(select count(*) from tasks t where t.link_entity = ${STEP_ENTITY} and t.link_id = p.id and t.status <> 'cancelled')`.as('steps_total'))
    .select(sql<number>`(select count(*) from tasks t where t.link_entity = ${STEP_ENTITY} and t.link_id = p.id and t.status = 'done')`.as('steps_done'));

export const recoveryRepo = {
  async list(db: Executor, f: RecoveryFilter) {
    let base = joined(db).where(f.scope).where('p.state', 'in', f.states as string[]);
    if (f.accountId) base = base.where('p.account_id', '=', f.accountId);
    if (f.ownerId) base = base.where('p.owner_id', '=', f.ownerId);
    if (f.q) base = base.where('accounts.name', 'ilike', containsPattern(f.q));
    const dir = f.sort.desc ? 'desc' : 'asc';
    const order = f.sort.column === 'opened_at' ? sql.ref('p.opened_at') : f.sort.column === 'revenue' ? sql`coalesce(h.revenue, 0)` : sql`h.score`;
    const [items, count] = await Promise.all([
      listColumns(base)
        .orderBy(order, (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('p.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** The plans per state in the scope (the filter's counts). */
  async stateCounts(db: Executor, scope: AccountScope, o: { accountId?: number; ownerId?: number }) {
    let q = db.selectFrom('recovery_plans as p').innerJoin('accounts', 'accounts.id', 'p.account_id').where(scope);
    if (o.accountId) q = q.where('p.account_id', '=', o.accountId);
    if (o.ownerId) q = q.where('p.owner_id', '=', o.ownerId);
    return q.select(['p.state']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('p.state').execute();
  },

  async find(db: Executor, id: number, scope: AccountScope) {
    return listColumns(joined(db).where('p.id', '=', id).where(scope))
      .leftJoin('users as opener', 'opener.id', 'p.opened_by')
      .leftJoin('users as closer', 'closer.id', 'p.closed_by')
      .select(['opener.name as opened_by_name', 'closer.name as closed_by_name'])
      .executeTakeFirst();
  },

  /** Locks a plan whose account lies in `scope` (a write). */
  async lock(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('recovery_plans as p')
      .innerJoin('accounts', 'accounts.id', 'p.account_id')
      .select(PLAN_COLUMNS)
      .select(['accounts.name as account_name', 'accounts.lifecycle as account_lifecycle'])
      .where('p.id', '=', id)
      .where(scope)
      .forUpdate(['p'])
      .executeTakeFirst();
  },

  /** Locks a plan by id alone (a step's change through the to-do list: the task's owner is the check). */
  async lockById(db: Executor, id: number) {
    return db.selectFrom('recovery_plans as p').select(PLAN_COLUMNS).where('p.id', '=', id).forUpdate().executeTakeFirst();
  },

  async steps(db: Executor, planId: number) {
    return db
      .selectFrom('tasks')
      .innerJoin('users', 'users.id', 'tasks.owner_id')
      .select(['tasks.id', 'tasks.title', 'tasks.owner_id', 'users.name as owner_name', 'tasks.due_at', 'tasks.status', 'tasks.completed_at'])
      .where('tasks.link_entity', '=', STEP_ENTITY)
      .where('tasks.link_id', '=', planId)
      .orderBy('tasks.due_at', (ob) => ob.asc().nullsLast())
      .orderBy('tasks.id')
      .execute();
  },

  /**
   * A new open plan, unless the account has one already (the partial unique index decides, whichever
   * instance gets there first): the new id, or null.
   */
  async insertOpen(
    db: Executor,
    v: { accountId: number; ownerId: number; trigger: string; reason: string; drivers: MeasureResult[]; scoreAtOpen: number | null; lifecycleBefore: string | null; goal: string; openedAt: Date; openedBy: number | null },
  ): Promise<number | null> {
    const r = await db
      .insertInto('recovery_plans')
      .values({
        account_id: v.accountId,
        owner_id: v.ownerId,
        trigger: v.trigger,
        reason: v.reason,
        drivers: JSON.stringify(v.drivers),
        score_at_open: v.scoreAtOpen,
        lifecycle_before: v.lifecycleBefore,
        goal: v.goal,
        opened_at: v.openedAt,
        opened_by: v.openedBy,
      })
      .onConflict((oc) => oc.column('account_id').where(sql<SqlBool>`state in ('open', 'in_progress')`).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r ? r.id : null;
  },

  async update(db: Executor, id: number, values: { state?: string; goal?: string; actions?: string; started_at?: Date; closed_at?: Date; closed_by?: number; outcome_reason?: string; owner_id?: number }) {
    return db
      .updateTable('recovery_plans')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returning(['id', 'state', 'goal', 'actions', 'started_at', 'closed_at', 'outcome_reason', 'owner_id', 'version'])
      .executeTakeFirstOrThrow();
  },

  /** The accounts (of these) that are customers (lifecycle) with their owner: who gets a plan when health turns red. */
  async accountsFor(db: Executor, ids: readonly number[]) {
    if (!ids.length) return [];
    return db.selectFrom('accounts').select(['id', 'name', 'owner_id', 'unit_id', 'lifecycle']).where('id', 'in', ids as number[]).execute();
  },

  // ---- the account timeline ----

  /** Plans opened (or closed) on the account, newest first, after the timeline's cursor condition. */
  async timeline(db: Executor, accountId: number, which: 'opened' | 'closed', cond: RawBuilder<SqlBool>, limit: number) {
    const at = which === 'opened' ? 'p.opened_at' : 'p.closed_at';
    return db
      .selectFrom('recovery_plans as p')
      .leftJoin('users as actor', 'actor.id', which === 'opened' ? 'p.opened_by' : 'p.closed_by')
      .select(['p.id', 'p.state', 'p.trigger', 'p.reason', 'p.drivers', 'p.outcome_reason', 'actor.id as actor_id', 'actor.name as actor_name'])
      .select(sql<Date>`${sql.ref(at)}`.as('at'))
      .where('p.account_id', '=', accountId)
      .where(sql.ref(at), 'is not', null)
      .where(cond)
      .orderBy(sql.ref(at), 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The account's health now (read-only: the health room's table), what a plan a person opens starts from. */
  async healthOf(db: Executor, accountId: number) {
    return db
      .selectFrom('account_health as h')
      .leftJoin('account_health_detail as hd', 'hd.account_id', 'h.account_id')
      .select(['h.score', 'hd.measures'])
      .where('h.account_id', '=', accountId)
      .executeTakeFirst();
  },

  // ---- merge and handover ----

  async countOfAccount(db: Executor, accountId: number) {
    const r = await db.selectFrom('recovery_plans').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async openOf(db: Executor, accountId: number) {
    return db.selectFrom('recovery_plans').select(['id', 'state']).where('account_id', '=', accountId).where('state', 'in', ['open', 'in_progress']).forUpdate().executeTakeFirst();
  },
  async moveToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('recovery_plans').set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` }).where('account_id', '=', fromId).returning(['id']).execute();
  },
  async countOpenOwned(db: Executor, userId: number) {
    const r = await db.selectFrom('recovery_plans').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('state', 'in', ['open', 'in_progress']).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async firstOpenOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('recovery_plans as p')
      .innerJoin('accounts', 'accounts.id', 'p.account_id')
      .select(['p.id', 'accounts.name as label'])
      .where('p.owner_id', '=', userId)
      .where('p.state', 'in', ['open', 'in_progress'])
      .orderBy('p.id')
      .limit(limit)
      .execute();
  },
  async moveOpenOwned(db: Executor, userId: number, toId: number) {
    return db
      .updateTable('recovery_plans')
      .set({ owner_id: toId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('state', 'in', ['open', 'in_progress'])
      .returning(['id'])
      .execute();
  },
};
