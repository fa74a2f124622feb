import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { zonedInstant } from '../../../shared/domain/business-time';
import type { TargetCellTable, TargetChangeLineTable } from './targets.tables';
import type { TargetMetric } from '../../../shared/contracts/targets';

/** Which units' plans a caller reaches: all, a subtree (by org path) or one unit; none at all. */
export type UnitReach = { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'unit'; unitId: number } | { kind: 'none' };

/** Positions whose holders carry sales targets (seed 000 第二章: 总监, 客户经理, 外勤专员, 内勤文员). */
export const TARGET_POSITIONS = ['ka_director', 'account_manager', 'field_specialist', 'office_specialist'] as const;

function reachWhere(reach: UnitReach, unitRef: string) {
  const unit = sql.ref(unitRef);
  switch (reach.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'subtree':
      return sql<SqlBool>`${unit} = any(array(select ou.id from org_units ou where ou.path like ${reach.path + '%'}))`;
    case 'unit':
      return sql<SqlBool>`${unit} = ${reach.unitId}`;
    default:
      return sql<SqlBool>`false`;
  }
}

const PLAN_COLUMNS = ['p.id', 'p.unit_id', 'p.metric', 'p.year', 'p.status', 'p.approval_id', 'p.submitted_at', 'p.decided_at', 'p.version', 'p.created_by', 'p.updated_at'] as const;

/** The plan's year totals at the base level: its unit's total (its own row, else the parent plan's row for it) and what its rows were given. */
const totals = {
  total: sql<number>`coalesce(
    (select sum(c.base) from target_cells c where c.plan_id = p.id and c.subject_kind = 'unit' and c.subject_id = p.unit_id),
    (select sum(c.base) from target_cells c join target_plans pp on pp.id = c.plan_id
      where pp.unit_id = u.parent_id and pp.metric = p.metric and pp.year = p.year and c.subject_kind = 'unit' and c.subject_id = p.unit_id),
    0)`,
  allocated: sql<number>`coalesce((select sum(c.base) from target_cells c where c.plan_id = p.id and not (c.subject_kind = 'unit' and c.subject_id = p.unit_id)), 0)`,
};

export interface PlanFilter {
  reach: UnitReach;
  year?: number;
  metric?: string;
  unitId?: number;
  status?: string;
}

export const targetsRepo = {
  async unit(db: Executor, id: number) {
    return db.selectFrom('org_units').select(['id', 'name', 'path', 'parent_id', 'kind', 'depth']).where('id', '=', id).executeTakeFirst();
  },

  /** Whether `unitId` lies within the reach. */
  async reaches(db: Executor, reach: UnitReach, unitId: number): Promise<boolean> {
    const row = await db.selectFrom('org_units as ou').select('ou.id').where('ou.id', '=', unitId).where(reachWhere(reach, 'ou.id')).executeTakeFirst();
    return row !== undefined;
  },

  async childUnits(db: Executor, unitId: number) {
    return db.selectFrom('org_units').select(['id', 'name', 'kind']).where('parent_id', '=', unitId).orderBy('sort_order').orderBy('id').execute();
  },

  /** The active sales staff of a unit (its own members, not the sub-units'), each with the first of their sales positions. */
  async unitPeople(db: Executor, unitId: number) {
    return db
      .selectFrom('users as u')
      .select(['u.id', 'u.name'])
      .select(sql<string>`(select up.position from user_positions up where up.user_id = u.id and up.position in (${sql.join(TARGET_POSITIONS)}) order by array_position(array[${sql.join(TARGET_POSITIONS)}]::text[], up.position) limit 1)`.as('position'))
      .where('u.unit_id', '=', unitId)
      .where('u.status', '=', 'active')
      .where(sql<SqlBool>`exists (select 1 from user_positions up where up.user_id = u.id and up.position in (${sql.join(TARGET_POSITIONS)}))`)
      .orderBy('u.id')
      .execute();
  },

  /** The users who hold `position` (to tell a director's own row). */
  async holders(db: Executor, userIds: readonly number[], position: string): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const rows = await db.selectFrom('user_positions').select('user_id').where('user_id', 'in', userIds).where('position', '=', position).execute();
    return new Set(rows.map((r) => r.user_id));
  },

  async userNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async list(db: Executor, f: PlanFilter, page: number, pageSize: number) {
    let q = db
      .selectFrom('target_plans as p')
      .innerJoin('org_units as u', 'u.id', 'p.unit_id')
      .where(reachWhere(f.reach, 'p.unit_id'));
    if (f.year !== undefined) q = q.where('p.year', '=', f.year);
    if (f.metric !== undefined) q = q.where('p.metric', '=', f.metric);
    if (f.unitId !== undefined) q = q.where('p.unit_id', '=', f.unitId);
    if (f.status !== undefined) q = q.where('p.status', '=', f.status);
    const [{ n }] = [await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()];
    const items = await q
      .select(PLAN_COLUMNS)
      .select(['u.name as unit_name', 'u.path as unit_path', 'u.parent_id as unit_parent_id'])
      .select(totals.total.as('total'))
      .select(totals.allocated.as('allocated'))
      .orderBy('p.year', 'desc')
      .orderBy('u.path')
      .orderBy('p.metric')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(n), items };
  },

  async byId(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = db
      .selectFrom('target_plans as p')
      .innerJoin('org_units as u', 'u.id', 'p.unit_id')
      .select(PLAN_COLUMNS)
      .select(['u.name as unit_name', 'u.path as unit_path', 'u.parent_id as unit_parent_id'])
      .select(totals.total.as('total'))
      .select(totals.allocated.as('allocated'))
      .where('p.id', '=', id);
    if (opts.lock) q = q.forUpdate(['p']);
    return q.executeTakeFirst();
  },

  /** Locks the plan row alone (a change, a submission) and returns its state. */
  async lock(db: Executor, id: number) {
    return db.selectFrom('target_plans').select(['id', 'unit_id', 'metric', 'year', 'status', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async planFor(db: Executor, unitId: number, metric: string, year: number) {
    return db.selectFrom('target_plans').select(['id', 'status']).where('unit_id', '=', unitId).where('metric', '=', metric).where('year', '=', year).executeTakeFirst();
  },

  /** Creates the plan; undefined when the unit has one for the metric and year already. */
  async insert(db: Executor, row: { unit_id: number; metric: string; year: number; created_by: number }) {
    return db.insertInto('target_plans').values(row).onConflict((oc) => oc.columns(['unit_id', 'metric', 'year']).doNothing()).returning('id').executeTakeFirst();
  },

  async touch(db: Executor, id: number) {
    await db.updateTable('target_plans').set({ version: sql`version + 1`, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async remove(db: Executor, id: number) {
    await db.deleteFrom('target_plans').where('id', '=', id).execute();
  },

  async cells(db: Executor, planId: number) {
    return db.selectFrom('target_cells').select(['subject_kind', 'subject_id', 'month', 'base', 'stretch', 'challenge']).where('plan_id', '=', planId).execute();
  },

  /** The parent plan's row for a unit (its total, when the unit above planned the same metric and year). */
  async parentRow(db: Executor, parentUnitId: number, unitId: number, metric: string, year: number) {
    const plan = await db.selectFrom('target_plans').select(['id', 'status']).where('unit_id', '=', parentUnitId).where('metric', '=', metric).where('year', '=', year).executeTakeFirst();
    if (!plan) return undefined;
    const cells = await db
      .selectFrom('target_cells')
      .select(['month', 'base', 'stretch', 'challenge'])
      .where('plan_id', '=', plan.id)
      .where('subject_kind', '=', 'unit')
      .where('subject_id', '=', unitId)
      .execute();
    return { planId: plan.id, cells };
  },

  /** A unit's own total in its own approved plan (a top plan keeps its total as the row of its unit). */
  async ownApprovedTotal(db: Executor, unitId: number, metric: string, year: number) {
    return db
      .selectFrom('target_cells as c')
      .innerJoin('target_plans as p', 'p.id', 'c.plan_id')
      .select(['c.month', 'c.base', 'c.stretch', 'c.challenge'])
      .where('p.unit_id', '=', unitId)
      .where('p.metric', '=', metric)
      .where('p.year', '=', year)
      .where('p.status', '=', 'approved')
      .where('c.subject_kind', '=', 'unit')
      .where('c.subject_id', '=', unitId)
      .execute();
  },

  async upsertCells(db: Executor, rows: Insertable<TargetCellTable>[]) {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('target_cells')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(['plan_id', 'subject_kind', 'subject_id', 'month']).doUpdateSet({
            base: (eb) => eb.ref('excluded.base'),
            stretch: (eb) => eb.ref('excluded.stretch'),
            challenge: (eb) => eb.ref('excluded.challenge'),
          }),
        )
        .execute();
    }
  },

  /** Sets one level of one cell (an approved change), creating the cell at zero when it was never written. */
  async setLevel(db: Executor, planId: number, line: { subject_kind: string; subject_id: number; month: number; level: string; to_value: number }) {
    await db
      .insertInto('target_cells')
      .values({ plan_id: planId, subject_kind: line.subject_kind, subject_id: line.subject_id, month: line.month, base: 0, stretch: null, challenge: null })
      .onConflict((oc) => oc.columns(['plan_id', 'subject_kind', 'subject_id', 'month']).doNothing())
      .execute();
    await db
      .updateTable('target_cells')
      .set({ [line.level]: line.to_value })
      .where('plan_id', '=', planId)
      .where('subject_kind', '=', line.subject_kind)
      .where('subject_id', '=', line.subject_id)
      .where('month', '=', line.month)
      .execute();
  },

  // ---- changes ----

  async insertChange(db: Executor, row: { plan_id: number; reason: string; requested_by: number }) {
    return db.insertInto('target_changes').values(row).returning('id').executeTakeFirstOrThrow();
  },

  async insertChangeLines(db: Executor, rows: Insertable<TargetChangeLineTable>[]) {
    if (rows.length) await db.insertInto('target_change_lines').values(rows).execute();
  },

  async changesOf(db: Executor, planId: number) {
    return db
      .selectFrom('target_changes as c')
      .innerJoin('users as r', 'r.id', 'c.requested_by')
      .select(['c.id', 'c.status', 'c.reason', 'c.approval_id', 'c.requested_by', 'c.created_at', 'c.decided_at', 'c.version', 'r.name as requester_name'])
      .where('c.plan_id', '=', planId)
      .orderBy('c.id', 'desc')
      .execute();
  },

  async changeLines(db: Executor, changeIds: readonly number[]) {
    if (changeIds.length === 0) return [];
    return db.selectFrom('target_change_lines').selectAll().where('change_id', 'in', changeIds).orderBy('change_id').orderBy('subject_kind').orderBy('subject_id').orderBy('month').orderBy('level').execute();
  },

  async change(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = db.selectFrom('target_changes').select(['id', 'plan_id', 'status', 'approval_id', 'requested_by', 'version']).where('id', '=', id);
    if (opts.lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async pendingChange(db: Executor, planId: number) {
    return db.selectFrom('target_changes').select('id').where('plan_id', '=', planId).where('status', '=', 'pending').executeTakeFirst();
  },


  /**
   * The approved base targets of every row over some months of a year, per row (`user:<id>` / `unit:<id>`):
   * each row is stored in one place (decision 018), so the sum over approved plans is the row's target.
   */
  async approvedBase(db: Executor, metric: TargetMetric, year: number, months: readonly number[]) {
    const rows = await db
      .selectFrom('target_cells as c')
      .innerJoin('target_plans as p', 'p.id', 'c.plan_id')
      .select(['c.subject_kind', 'c.subject_id', sql<string>`sum(c.base)`.as('base')])
      .where('p.metric', '=', metric)
      .where('p.year', '=', year)
      .where('p.status', '=', 'approved')
      .where('c.month', 'in', [...months])
      .groupBy(['c.subject_kind', 'c.subject_id'])
      .execute();
    return new Map(rows.map((r) => [`${r.subject_kind}:${r.subject_id}`, Number(r.base)]));
  },

  // ---- actuals ----

  /**
   * What each row achieved per month over [fromYear, toYear] (confirmed or approved records only): a person
   * by the records they own, a unit by the records of its subtree. Keys `kind:id`, values by `year-month`.
   */
  async actuals(db: Executor, metric: TargetMetric, subjects: { users: readonly number[]; units: readonly { id: number; path: string }[] }, fromYear: number, toYear: number, timeZone: string) {
    const source = metricSource(metric, timeZone, periodRange(`${fromYear}-01-01`, `${toYear}-12-31`, timeZone));
    const out = new Map<string, Map<string, number>>();
    const put = (key: string, y: number, m: number, v: number) => {
      const byMonth = out.get(key) ?? new Map<string, number>();
      byMonth.set(`${y}-${m}`, (byMonth.get(`${y}-${m}`) ?? 0) + Number(v));
      out.set(key, byMonth);
    };
    if (subjects.users.length) {
      const rows = await sql<{ owner: number; y: number; m: number; v: number }>`
        select s.owner, extract(year from s.day)::int as y, extract(month from s.day)::int as m, sum(s.v) as v
        from (${source}) s
        where s.owner = any(${sql.val([...subjects.users])}::bigint[])
        group by 1, 2, 3`.execute(db);
      for (const r of rows.rows) put(`user:${r.owner}`, Number(r.y), Number(r.m), Number(r.v));
    }
    for (const unit of subjects.units) {
      const rows = await sql<{ y: number; m: number; v: number }>`
        select extract(year from s.day)::int as y, extract(month from s.day)::int as m, sum(s.v) as v
        from (${source}) s
        where s.unit = any(array(select ou.id from org_units ou where ou.path like ${unit.path + '%'}))
        group by 1, 2`.execute(db);
      for (const r of rows.rows) put(`unit:${unit.id}`, Number(r.y), Number(r.m), Number(r.v));
    }
    return out;
  },
};

/** Whole days [from, to] (business dates) and the same as instants [start, end) in the company's zone. */
export interface DayRange {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

export function periodRange(from: string, to: string, timeZone: string): DayRange {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return { from, to, start: zonedInstant(timeZone, y, m - 1, d), end: zonedInstant(timeZone, ty, tm - 1, td + 1) };
}

/**
 * One metric's records within a range as (owner, unit, day, v): the definitions of PERF-1's metrics, confirmed
 * or approved records only. The day is the business date in the company's zone; the range is applied to the
 * indexed column itself.
 */
export function metricSource(metric: TargetMetric, timeZone: string, r: DayRange) {
  switch (metric) {
    case 'sales':
      // 签约额: sales contracts and supplements signed (not voided), by the sign date; a framework agreement
      // (战略合作协议) is the umbrella of the sales contracts under it, not a sale of its own
      return sql`select c.owner_id as owner, c.unit_id as unit, c.sign_date as day, c.amount as v from contracts c where c.kind <> 'framework' and c.status in ('signed', 'in_progress', 'completed', 'terminated') and c.sign_date between ${r.from}::date and ${r.to}::date`;
    case 'collections':
      // 回款额: receipts confirmed by finance, by the day received
      return sql`select r.owner_id as owner, r.unit_id as unit, r.received_on as day, r.amount as v from receipts r where r.status = 'confirmed' and r.received_on between ${r.from}::date and ${r.to}::date`;
    case 'new_accounts':
      // 新增客户: accounts entered, by the day entered
      return sql`select a.owner_id as owner, a.unit_id as unit, (a.created_at at time zone ${timeZone})::date as day, 1 as v from accounts a where a.created_at >= ${r.start} and a.created_at < ${r.end}`;
    case 'visits':
      // 拜访: visits checked in, by the day of the check-in
      return sql`select v.owner_id as owner, v.unit_id as unit, (v.checked_in_at at time zone ${timeZone})::date as day, 1 as v from visits v where v.status in ('checked_in', 'recorded') and v.checked_in_at >= ${r.start} and v.checked_in_at < ${r.end}`;
    case 'projects_won':
      // 赢单项目: development projects won, by the day they closed
      return sql`select o.owner_id as owner, o.unit_id as unit, (o.closed_at at time zone ${timeZone})::date as day, 1 as v from opportunities o where o.status = 'won' and o.closed_at >= ${r.start} and o.closed_at < ${r.end}`;
  }
}
