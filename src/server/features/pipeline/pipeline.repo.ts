import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../platform/listing';
import type { PipelineSettings } from '../../../shared/domain/pipeline';
import { type OwnedScope } from '../../platform/scope';
import { unitPathOf } from '../../platform/org.repo';

/** Which projects an analysis covers: the caller's scope and the pipeline filter. */
export interface PipelineWhere {
  scope: OwnedScope<'opportunities'>;
  ownerId?: number;
  /** the unit and its subtree */
  unitId?: number;
  accountId?: number;
  q?: string;
}

/** A period of business dates, both ends included, in the business time zone. */
export interface Period {
  from?: string;
  to?: string;
  tz: string;
}

type Probabilities = PipelineSettings['probabilities'];
type PerStage = Record<1 | 2 | 3 | 4 | 5, number>;

const num = (v: unknown) => Number(v ?? 0);

/** `case stage when 1 then … end` over a per-stage setting. */
const perStage = (column: string, values: PerStage) =>
  sql<number>`(case ${sql.ref(column)} when 1 then ${values[1]}::int when 2 then ${values[2]}::int when 3 then ${values[3]}::int when 4 then ${values[4]}::int else ${values[5]}::int end)`;
/** weightedValue() in SQL: expected value × the stage's probability, rounded per project. */
const weighted = (p: Probabilities) => sql<number>`round(opportunities.expected_value * ${perStage('opportunities.stage', p)} / 100.0)`;
/** Whole days since the project entered its stage. */
export const DAYS_IN_STAGE = sql<number>`floor(extract(epoch from (now() - opportunities.stage_entered_at)) / 86400)::int`;

const dayStart = (date: string, tz: string) => sql<Date>`((${date}::date)::timestamp at time zone ${tz})`;
const dayEnd = (date: string, tz: string) => sql<Date>`(((${date}::date + 1))::timestamp at time zone ${tz})`;
function within(column: string, p: Period): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const parts: RawBuilder<SqlBool>[] = [];
  if (p.from) parts.push(sql<SqlBool>`${ref} >= ${dayStart(p.from, p.tz)}`);
  if (p.to) parts.push(sql<SqlBool>`${ref} < ${dayEnd(p.to, p.tz)}`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`true`;
}

/** Projects with their account, in the caller's scope and the filter. */
function projects(db: Executor, w: PipelineWhere) {
  return db
    .selectFrom('opportunities')
    .innerJoin('accounts', 'accounts.id', 'opportunities.account_id')
    .where(w.scope)
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [];
      if (w.ownerId) conds.push(eb('opportunities.owner_id', '=', w.ownerId));
      if (w.unitId) conds.push(sql<SqlBool>`opportunities.unit_id = any(array(select ou.id from org_units ou where ou.path like (select u.path from org_units u where u.id = ${w.unitId}) || '%'))`);
      if (w.accountId) conds.push(eb('opportunities.account_id', '=', w.accountId));
      if (w.q) conds.push(eb.or([eb('opportunities.name', 'ilike', containsPattern(w.q)), eb('accounts.name', 'ilike', containsPattern(w.q))]));
      return eb.and(conds);
    });
}

const open = (db: Executor, w: PipelineWhere) => projects(db, w).where('opportunities.status', '=', 'open');

/** What a summary row (list, board card, stalled list) needs, including the facts the gates are read from. */
function summaries(db: Executor, w: PipelineWhere) {
  return projects(db, w)
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .innerJoin('org_units as unit', 'unit.id', 'opportunities.unit_id')
    .leftJoin('opportunity_plans as plan', 'plan.opportunity_id', 'opportunities.id')
    .select([
      'opportunities.id',
      'opportunities.name',
      'opportunities.account_id',
      'accounts.name as account_name',
      'opportunities.owner_id',
      'owner.name as owner_name',
      'opportunities.unit_id',
      unitPathOf('opportunities.unit_id').as('unit_name'),
      'opportunities.stage',
      'opportunities.status',
      'opportunities.expected_value',
      'opportunities.products',
      'opportunities.expected_close_on',
      'opportunities.procurement_step',
      'opportunities.stage_entered_at',
      'opportunities.assessment_outcome',
      'opportunities.checklist',
      'opportunities.close_reason_key',
      'opportunities.closed_at',
      'opportunities.created_at',
      'opportunities.updated_at',
      'opportunities.version',
      'plan.status as plan_status',
      sql<string[] | null>`(select json_agg(distinct pp.part) from opportunity_participants pp where pp.opportunity_id = opportunities.id)`.as('parts'),
    ]);
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export interface BucketRow {
  key: string;
  label: string | null;
  count: number;
  value: number;
  weighted: number;
}

export const pipelineRepo = {
  /** Open projects per stage: count, value and weighted value over all of them. */
  async boardColumns(db: Executor, w: PipelineWhere, p: Probabilities) {
    const rows = await open(db, w)
      .select([
        'opportunities.stage',
        sql<number>`count(*)`.as('n'),
        sql<number>`coalesce(sum(opportunities.expected_value), 0)`.as('value'),
        sql<number>`coalesce(sum(${weighted(p)}), 0)`.as('weighted'),
      ])
      .groupBy('opportunities.stage')
      .execute();
    return rows.map((r) => ({ stage: Number(r.stage), count: num(r.n), value: num(r.value), weighted: num(r.weighted) }));
  },

  /** The first `limit` open projects of each stage by weighted value (within a stage: by value). */
  async boardCards(db: Executor, w: PipelineWhere, limit: number) {
    const ranked = summaries(db, w)
      .where('opportunities.status', '=', 'open')
      .select(sql<number>`row_number() over (partition by opportunities.stage order by opportunities.expected_value desc, opportunities.id desc)`.as('rn'));
    return db.selectFrom(ranked.as('x')).selectAll().where('x.rn', '<=', limit).orderBy('x.stage').orderBy('x.rn').execute();
  },

  /** Open projects grouped by `key` (with an optional label), value and weighted value summed in SQL. */
  async buckets(db: Executor, w: PipelineWhere, p: Probabilities, by: 'all' | 'stage' | 'owner' | 'unit' | { monthFrom: string; monthTo: string }): Promise<BucketRow[]> {
    let q = open(db, w);
    let key: RawBuilder<string>;
    let label: RawBuilder<string | null> = sql<string | null>`null`;
    if (by === 'all') key = sql<string>`'total'`;
    else if (by === 'stage') key = sql<string>`opportunities.stage::text`;
    else if (by === 'owner') {
      key = sql<string>`opportunities.owner_id::text`;
      label = sql<string>`(select u.name from users u where u.id = opportunities.owner_id)`;
    } else if (by === 'unit') {
      key = sql<string>`opportunities.unit_id::text`;
      label = unitPathOf('opportunities.unit_id');
    } else {
      key = sql<string>`coalesce(to_char(opportunities.expected_close_on, 'YYYY-MM'), 'none')`;
      q = q.where(sql<SqlBool>`(opportunities.expected_close_on is null or (opportunities.expected_close_on >= ${`${by.monthFrom}-01`}::date and opportunities.expected_close_on < (${`${by.monthTo}-01`}::date + interval '1 month')))`);
    }
    const rows = await q
      .select([
        key.as('key'),
        label.as('label'),
        sql<number>`count(*)`.as('n'),
        sql<number>`coalesce(sum(opportunities.expected_value), 0)`.as('value'),
        sql<number>`coalesce(sum(${weighted(p)}), 0)`.as('weighted'),
      ])
      .groupBy([sql`1`, sql`2`])
      .orderBy(sql`4`, 'desc')
      .execute();
    return rows.map((r) => ({ key: r.key, label: r.label, count: num(r.n), value: num(r.value), weighted: num(r.weighted) }));
  },

  /**
   * Stage conversion from the stage history, per stage: the projects that reached it in the
   * period (a forward move or creation crossing it), how many of them went on to the next stage
   * (from 5: were won), how many were lost or abandoned at it, and the average days spent in it.
   */
  async conversion(db: Executor, w: PipelineWhere, period: Period) {
    const ids = projects(db, w).select('opportunities.id');
    // One pass over the history: per project and stage, when it first reached the stage in the
    // period, when it last crossed it, when it was last lost there; a project advanced from a stage
    // when it crossed the next one (or was won, from 5) at or after reaching it. Linear in history
    // rows (a correlated EXISTS per row took a minute at 20,000 projects).
    const result = await sql<{ stage: number; reached: number; advanced: number; lost: number; avg_days: number | null }>`
      with h as (
        select h.opportunity_id, h.from_stage, h.to_stage, h.to_status, h.at,
               lead(h.at) over (partition by h.opportunity_id order by h.at, h.id) as next_at
        from opportunity_stage_history h
        where h.opportunity_id in (${ids})
      ),
      x as (
        select h.*, s.stage,
          (h.to_status = 'open' and coalesce(h.from_stage, 0) < s.stage and s.stage <= h.to_stage) as crosses,
          ${within('h.at', period)} as in_period
        from h cross join (select generate_series(1, 5) as stage) s
      ),
      per as (
        select opportunity_id, stage,
          min(at) filter (where crosses and in_period) as reached_at,
          max(at) filter (where crosses) as last_cross,
          max(at) filter (where to_status in ('lost', 'abandoned') and to_stage = stage) as last_lost,
          sum(extract(epoch from (coalesce(next_at, now()) - at)) / 86400) filter (where crosses and in_period and to_stage = stage) as dsum,
          count(*) filter (where crosses and in_period and to_stage = stage) as dn
        from x group by opportunity_id, stage
      ),
      won as (select opportunity_id, max(at) as won_at from h where to_status = 'won' group by opportunity_id)
      select p.stage,
        count(*) filter (where p.reached_at is not null) as reached,
        count(*) filter (where p.reached_at is not null and (case when p.stage < 5 then nx.last_cross >= p.reached_at else w.won_at >= p.reached_at end)) as advanced,
        count(*) filter (where p.reached_at is not null and p.last_lost >= p.reached_at) as lost,
        sum(p.dsum) / nullif(sum(p.dn), 0) as avg_days
      from per p
      left join per nx on nx.opportunity_id = p.opportunity_id and nx.stage = p.stage + 1
      left join won w on w.opportunity_id = p.opportunity_id
      group by p.stage
      having count(*) filter (where p.reached_at is not null) > 0
      order by p.stage`.execute(db);
    return result.rows.map((r) => ({ stage: Number(r.stage), reached: num(r.reached), advanced: num(r.advanced), lost: num(r.lost), avgDays: r.avg_days === null ? null : Number(r.avg_days) }));
  },

  /** Projects closed as won / lost / abandoned in the period (each project once per status). */
  async closedCounts(db: Executor, w: PipelineWhere, period: Period) {
    const ids = projects(db, w).select('opportunities.id');
    const r = await sql<{ won: number; lost: number; abandoned: number }>`
      select count(distinct opportunity_id) filter (where to_status = 'won') as won,
             count(distinct opportunity_id) filter (where to_status = 'lost') as lost,
             count(distinct opportunity_id) filter (where to_status = 'abandoned') as abandoned
      from opportunity_stage_history h
      where h.opportunity_id in (${ids}) and h.to_status in ('won', 'lost', 'abandoned') and ${within('h.at', period)}`.execute(db);
    const row = r.rows[0];
    return { won: num(row?.won), lost: num(row?.lost), abandoned: num(row?.abandoned) };
  },

  /** Open projects per stage by days in stage, and how many are past the stage's ageing limit. */
  async ageing(db: Executor, w: PipelineWhere, limits: PerStage) {
    const sub = open(db, w).select(['opportunities.stage', DAYS_IN_STAGE.as('d'), perStage('opportunities.stage', limits).as('lim')]);
    const r = await sql<{ stage: number; n: number; b0: number; b1: number; b2: number; b3: number; b4: number; stalled: number }>`
      select x.stage, count(*) as n,
        count(*) filter (where x.d <= 15) as b0,
        count(*) filter (where x.d between 16 and 30) as b1,
        count(*) filter (where x.d between 31 and 60) as b2,
        count(*) filter (where x.d between 61 and 90) as b3,
        count(*) filter (where x.d > 90) as b4,
        count(*) filter (where x.d > x.lim) as stalled
      from (${sub}) x group by x.stage`.execute(db);
    return r.rows.map((row) => ({ stage: Number(row.stage), open: num(row.n), buckets: [num(row.b0), num(row.b1), num(row.b2), num(row.b3), num(row.b4)], stalled: num(row.stalled) }));
  },

  /** The open projects longest past their stage's ageing limit, oldest entry first. */
  async stalled(db: Executor, w: PipelineWhere, limits: PerStage, limit: number) {
    return summaries(db, w)
      .where('opportunities.status', '=', 'open')
      .where(sql<SqlBool>`${DAYS_IN_STAGE} > ${perStage('opportunities.stage', limits)}`)
      .orderBy('opportunities.stage_entered_at', 'asc')
      .orderBy('opportunities.id', 'asc')
      .limit(limit)
      .execute();
  },

  /** Closed projects of the period by status and reason: how many and their value. */
  async reasons(db: Executor, w: PipelineWhere, period: Period) {
    const rows = await projects(db, w)
      .where('opportunities.status', 'in', ['won', 'lost', 'abandoned'])
      .where('opportunities.close_reason_key', 'is not', null)
      .where(within('opportunities.closed_at', period))
      .select(['opportunities.status', 'opportunities.close_reason_key', sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(opportunities.expected_value), 0)`.as('value')])
      .groupBy(['opportunities.status', 'opportunities.close_reason_key'])
      .orderBy(sql`3`, 'desc')
      .orderBy('opportunities.close_reason_key')
      .execute();
    return rows.map((r) => ({ status: r.status, reasonKey: r.close_reason_key!, count: num(r.n), value: num(r.value) }));
  },

  /** Closed projects of the period by the stage they were in. */
  async closedByStage(db: Executor, w: PipelineWhere, period: Period) {
    const rows = await projects(db, w)
      .where('opportunities.status', 'in', ['won', 'lost', 'abandoned'])
      .where(within('opportunities.closed_at', period))
      .select([
        'opportunities.stage',
        sql<number>`count(*) filter (where opportunities.status = 'won')`.as('won'),
        sql<number>`count(*) filter (where opportunities.status = 'lost')`.as('lost'),
        sql<number>`count(*) filter (where opportunities.status = 'abandoned')`.as('abandoned'),
      ])
      .groupBy('opportunities.stage')
      .execute();
    return rows.map((r) => ({ stage: Number(r.stage), won: num(r.won), lost: num(r.lost), abandoned: num(r.abandoned) }));
  },

  /** Competitors on the closed projects of the period: met (listed or won a lost deal), won against, lost to. */
  async competitorRecord(db: Executor, w: PipelineWhere, period: Period) {
    const closed = projects(db, w)
      .where('opportunities.status', 'in', ['won', 'lost', 'abandoned'])
      .where(within('opportunities.closed_at', period))
      .select(['opportunities.id', 'opportunities.status', 'opportunities.won_by_competitor_id']);
    const r = await sql<{ competitor_id: number; name: string; met: number; won_against: number; lost_to: number }>`
      with closed as (${closed}),
      pairs as (
        select oc.competitor_id, c.id, c.status, c.won_by_competitor_id from opportunity_competitors oc join closed c on c.id = oc.opportunity_id
        union
        select c.won_by_competitor_id, c.id, c.status, c.won_by_competitor_id from closed c where c.won_by_competitor_id is not null
      )
      select p.competitor_id, comp.name,
        count(*) as met,
        count(*) filter (where p.status = 'won') as won_against,
        count(*) filter (where p.status = 'lost' and p.won_by_competitor_id = p.competitor_id) as lost_to
      from pairs p join competitors comp on comp.id = p.competitor_id
      group by p.competitor_id, comp.name
      order by count(*) desc, comp.name`.execute(db);
    return r.rows.map((row) => ({ competitorId: Number(row.competitor_id), name: row.name, met: num(row.met), wonAgainst: num(row.won_against), lostTo: num(row.lost_to) }));
  },
};
