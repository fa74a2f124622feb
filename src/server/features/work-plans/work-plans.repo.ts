import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import { containsPattern } from '../../platform/listing';
import type { Executor } from '../../db/client';
import type { DB, MonthlyPlanItemTable, MonthlyPlanTable } from '../../db/schema';
import { unitPathOf } from '../../platform/org.repo';

export type PlanScope = (eb: ExpressionBuilder<DB, 'monthly_plans'>) => Expression<SqlBool>;
export type UserScope = (eb: ExpressionBuilder<DB, 'users'>) => Expression<SqlBool>;
export type DayVisitScope = (eb: ExpressionBuilder<DB, 'visits'>) => Expression<SqlBool>;
export type PlanSortColumn = 'month' | 'submitted_at' | 'created_at';

export interface PlanFilter {
  scope: PlanScope;
  ownerId?: number;
  month?: string;
  status?: string;
  /** matches the planner's name, the note and the accounts or prospects the plan names */
  q?: string;
  sort: { column: PlanSortColumn; desc: boolean };
  limit: number;
  offset: number;
}

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

/** The plan month's bounds in business time, from the month column ('YYYY-MM'). */
const monthStart = (tz: string) => sql<Date>`((monthly_plans.month || '-01')::date::timestamp at time zone ${tz})`;
const monthEnd = (tz: string) => sql<Date>`(((monthly_plans.month || '-01')::date + interval '1 month')::timestamp at time zone ${tz})`;
const within = (column: string, tz: string) => sql<SqlBool>`(${sql.ref(column)} >= ${monthStart(tz)} and ${sql.ref(column)} < ${monthEnd(tz)})`;

/**
 * The month's actuals of the plan's owner, as correlated subqueries on `monthly_plans`:
 * recorded visits checked in during the month; distinct accounts taken on (created by the owner,
 * or a development project of the owner's opened on it); development projects won.
 */
function actualColumns(tz: string) {
  return [
    sql<number>`(select count(*) from visits v where v.owner_id = monthly_plans.owner_id and v.status = 'recorded' and ${within('v.checked_in_at', tz)})`.as('actual_visits'),
    sql<number>`(select count(*) from (
        select a.id from accounts a where a.created_by = monthly_plans.owner_id and ${within('a.created_at', tz)}
        union
        select o.account_id from opportunities o where o.owner_id = monthly_plans.owner_id and ${within('o.created_at', tz)}
      ) x)`.as('actual_expansions'),
    sql<number>`(select count(*) from opportunities o where o.owner_id = monthly_plans.owner_id and o.status = 'won' and ${within('o.closed_at', tz)})`.as('actual_deals'),
  ] as const;
}

const trimmed = (column: string) => sql`coalesce(btrim(${sql.ref(column)}), '')`;
/** The footer counts of 客户拜访日报表 in SQL — the same definition as `dayCounts` in the rules. */
const handledSql = sql<number>`count(*) filter (where ${trimmed('visits.solved')} <> '')`;
const openSql = sql<number>`count(*) filter (where ${trimmed('visits.solved')} = '' and (${trimmed('visits.concerns')} <> '' or ${trimmed('visits.to_watch')} <> ''))`;

/** The user may make visits: one of their roles grants visit:write. */
const makesVisits = (eb: ExpressionBuilder<DB, 'users'>) =>
  eb.exists(
    eb
      .selectFrom('user_roles as ur')
      .innerJoin('role_permissions as rp', 'rp.role_id', 'ur.role_id')
      .select('ur.user_id')
      .whereRef('ur.user_id', '=', 'users.id')
      .where('rp.permission', '=', 'visit:write'),
  );

export const workPlansRepo = {
  // ------------------------------------------------------------ daily report

  /** A user in the scope (404 outside it), with the name of their unit. */
  async user(db: Executor, userId: number, scope: UserScope) {
    return db
      .selectFrom('users')
      .innerJoin('org_units as ou', 'ou.id', 'users.unit_id')
      .select(['users.id', 'users.name', unitPathOf('users.unit_id').as('unit_name')])
      .where('users.id', '=', userId)
      .where(scope)
      .executeTakeFirst();
  },

  /** The user's recorded visits checked in within [start, end) and in the visit scope, in check-in order. */
  async dayVisits(db: Executor, userId: number, start: Date, end: Date, scope: DayVisitScope) {
    return db
      .selectFrom('visits')
      .innerJoin('accounts as a', 'a.id', 'visits.account_id')
      .select([
        'visits.id',
        'visits.account_id',
        'a.name as account_name',
        'visits.met_name',
        'visits.met_title',
        'visits.purpose',
        'visits.discussed',
        'visits.result',
        'visits.solved',
        'visits.concerns',
        'visits.to_watch',
        'visits.expenses',
        'visits.checked_in_at',
      ])
      .where('visits.owner_id', '=', userId)
      .where('visits.status', '=', 'recorded')
      .where('visits.checked_in_at', '>=', start)
      .where('visits.checked_in_at', '<', end)
      .where(scope)
      .orderBy('visits.checked_in_at')
      .orderBy('visits.id')
      .execute();
  },

  /**
   * The director's day: the people in the user scope who may make visits (visit:write through a
   * role) or made one that day, each with the day's counts over the visits in the visit scope.
   */
  async team(db: Executor, start: Date, end: Date, users: UserScope, visits: DayVisitScope) {
    const day = db
      .selectFrom('visits')
      .select(['visits.owner_id', sql<number>`count(*)`.as('n'), handledSql.as('handled'), openSql.as('open'), sql<number>`coalesce(sum(visits.cost_total), 0)`.as('cost')])
      .where('visits.status', '=', 'recorded')
      .where('visits.checked_in_at', '>=', start)
      .where('visits.checked_in_at', '<', end)
      .where(visits)
      .groupBy('visits.owner_id');
    return db
      .selectFrom('users')
      .innerJoin('org_units as ou', 'ou.id', 'users.unit_id')
      .leftJoin(day.as('d'), 'd.owner_id', 'users.id')
      .select(['users.id', 'users.name', unitPathOf('users.unit_id').as('unit_name'), 'd.n', 'd.handled', 'd.open', 'd.cost'])
      .where(users)
      .where((eb) =>
        eb.or([
          eb('d.n', 'is not', null),
          eb.and([eb('users.status', '=', 'active'), makesVisits(eb)]),
        ]),
      )
      .orderBy(sql`coalesce(d.n, 0)`, 'desc')
      .orderBy('ou.name')
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(1000)
      .execute();
  },

  /**
   * The latest check-in of a recorded visit in [since, end) within the visit scope: one person's
   * (`ownerId`, on visits_owner_checked_in_any_idx), or of anyone in the user scope (the team's day).
   */
  async latestCheckIn(db: Executor, since: Date, end: Date, visits: DayVisitScope, who: { ownerId: number } | { users: UserScope }): Promise<Date | null> {
    const base = db
      .selectFrom('visits')
      .select(sql<Date | string | null>`max(visits.checked_in_at)`.as('at'))
      .where('visits.status', '=', 'recorded')
      .where('visits.checked_in_at', '>=', since)
      .where('visits.checked_in_at', '<', end)
      .where(visits);
    const row = await ('ownerId' in who ? base.where('visits.owner_id', '=', who.ownerId) : base.innerJoin('users', 'users.id', 'visits.owner_id').where(who.users)).executeTakeFirst();
    return row?.at ? new Date(row.at) : null;
  },

  // ------------------------------------------------------------ monthly plans

  async list(db: Executor, f: PlanFilter, tz: string) {
    let base = db.selectFrom('monthly_plans').where(f.scope);
    if (f.ownerId) base = base.where('monthly_plans.owner_id', '=', f.ownerId);
    if (f.month) base = base.where('monthly_plans.month', '=', f.month);
    if (f.status) base = base.where('monthly_plans.status', '=', f.status);
    if (f.q) {
      const like = containsPattern(f.q);
      base = base.where((eb) =>
        eb.or([
          eb('monthly_plans.note', 'ilike', like),
          eb.exists(eb.selectFrom('users as qo').select('qo.id').whereRef('qo.id', '=', 'monthly_plans.owner_id').where('qo.name', 'ilike', like)),
          eb.exists(eb.selectFrom('monthly_plan_items as qi').select('qi.id').whereRef('qi.plan_id', '=', 'monthly_plans.id').where('qi.target_name', 'ilike', like)),
        ]),
      );
    }
    const dir = f.sort.desc ? 'desc' : 'asc';
    const [items, total] = await Promise.all([
      base
        .innerJoin('users as o', 'o.id', 'monthly_plans.owner_id')
        .innerJoin('org_units as ou', 'ou.id', 'monthly_plans.unit_id')
        .selectAll('monthly_plans')
        .select(['o.name as owner_name', unitPathOf('monthly_plans.unit_id').as('unit_name')])
        .select(actualColumns(tz))
        .orderBy(sql.ref(`monthly_plans.${f.sort.column}`), (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('o.name')
        .orderBy('monthly_plans.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: count(total) };
  },

  /** One plan in the scope with its names and actuals; `lock` takes the row lock for a write. */
  async find(db: Executor, id: number, scope: PlanScope, tz: string) {
    return db
      .selectFrom('monthly_plans')
      .innerJoin('users as o', 'o.id', 'monthly_plans.owner_id')
      .innerJoin('org_units as ou', 'ou.id', 'monthly_plans.unit_id')
      .selectAll('monthly_plans')
      .select(['o.name as owner_name', unitPathOf('monthly_plans.unit_id').as('unit_name')])
      .select(actualColumns(tz))
      .where('monthly_plans.id', '=', id)
      .where(scope)
      .executeTakeFirst();
  },
  async lock(db: Executor, id: number, scope: PlanScope) {
    return db.selectFrom('monthly_plans').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  async ownMonth(db: Executor, ownerId: number, month: string) {
    return db.selectFrom('monthly_plans').select('id').where('owner_id', '=', ownerId).where('month', '=', month).executeTakeFirst();
  },

  /** The items with their account and whether the owner visited / took on / won it in the month. */
  async items(db: Executor, planId: number, tz: string) {
    const done = sql<boolean | null>`case
      when i.account_id is null then null
      when i.kind = 'visit' then exists (select 1 from visits v where v.owner_id = monthly_plans.owner_id and v.account_id = i.account_id and v.status = 'recorded' and ${within('v.checked_in_at', tz)})
      when i.kind = 'expansion' then (
        exists (select 1 from accounts a where a.id = i.account_id and a.created_by = monthly_plans.owner_id and ${within('a.created_at', tz)})
        or exists (select 1 from opportunities o where o.account_id = i.account_id and o.owner_id = monthly_plans.owner_id and ${within('o.created_at', tz)}))
      else exists (select 1 from opportunities o where o.account_id = i.account_id and o.owner_id = monthly_plans.owner_id and o.status = 'won' and ${within('o.closed_at', tz)})
    end`;
    return db
      .selectFrom('monthly_plan_items as i')
      .innerJoin('monthly_plans', 'monthly_plans.id', 'i.plan_id')
      .leftJoin('accounts as acc', 'acc.id', 'i.account_id')
      .select(['i.id', 'i.kind', 'i.account_id', 'acc.name as account_name', 'i.target_name', 'i.planned_on', 'i.note', done.as('done')])
      .where('i.plan_id', '=', planId)
      .orderBy('i.sort_order')
      .orderBy('i.id')
      .execute();
  },

  async insert(db: Executor, values: Insertable<MonthlyPlanTable>) {
    return db.insertInto('monthly_plans').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: Updateable<MonthlyPlanTable>) {
    return db
      .updateTable('monthly_plans')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** Replaces the items of a plan. */
  async setItems(db: Executor, planId: number, items: Omit<Insertable<MonthlyPlanItemTable>, 'plan_id'>[]) {
    await db.deleteFrom('monthly_plan_items').where('plan_id', '=', planId).execute();
    if (items.length) await db.insertInto('monthly_plan_items').values(items.map((it) => ({ ...it, plan_id: planId }))).execute();
  },
  async itemRows(db: Executor, planId: number) {
    return db.selectFrom('monthly_plan_items').select(['kind', 'account_id', 'target_name', 'planned_on', 'note']).where('plan_id', '=', planId).orderBy('sort_order').orderBy('id').execute();
  },
  /** The names of the accounts among `ids` that the scope lets the caller see. */
  async visibleAccounts(db: Executor, ids: number[], scope: (eb: ExpressionBuilder<DB, 'accounts'>) => Expression<SqlBool>) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).where(scope).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async userUnit(db: Executor, userId: number) {
    return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirstOrThrow()).unit_id;
  },

  /** Active people who make visits (visit:write through a role) without a submitted plan for the month. */
  async withoutSubmittedPlan(db: Executor, month: string) {
    const rows = await db
      .selectFrom('users')
      .select('users.id')
      .where('users.status', '=', 'active')
      .where(makesVisits)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('monthly_plans as mp').select('mp.id').whereRef('mp.owner_id', '=', 'users.id').where('mp.month', '=', month).where('mp.status', '=', 'submitted'))))
      .orderBy('users.id')
      .execute();
    return rows.map((r) => r.id);
  },

  // ------------------------------------------------------------ merge

  async countItemsOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('monthly_plan_items').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveItemsToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('monthly_plan_items').set({ account_id: toId }).where('account_id', '=', fromId).returning(['id', 'plan_id']).execute();
  },
};

export type PlanRow = NonNullable<Awaited<ReturnType<typeof workPlansRepo.find>>>;
