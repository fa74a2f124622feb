import { sql, type RawBuilder } from 'kysely';
import type { KpiKey } from '../../../shared/contracts/kpis';
import type { Executor } from '../../db/client';
import { RECEIVABLE_CONTRACT_STATUSES } from '../receivables';
import { metricSource, type DayRange } from '../targets';

/** Subjects a KPI is measured for: people by the records they own or answer for, units by their subtree's records. */
export interface Subjects {
  users: readonly number[];
  units: readonly { id: number; path: string }[];
}

/** Each subject unit's subtree: the ids of the unit and every unit under it. */
export type Subtrees = Map<number, number[]>;

/** A KPI's raw sums per subject (`user:<id>` / `unit:<id>`). */
export type Sums = Map<string, { num: number; den: number }>;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const month = (d: string) => d.slice(0, 7);
/** a monthly plan's month as instants in the company's zone */
const planStart = (tz: string) => sql`((mp.month || '-01')::date::timestamp at time zone ${tz})`;
const planEnd = (tz: string) => sql`(((mp.month || '-01')::date + interval '1 month')::timestamp at time zone ${tz})`;

/**
 * The accounts in the archive at the range's start: entered before it and not lost at that moment (an account
 * lost now whose turn to 流失 came before the start). The denominator of the new-account and churn rates.
 */
const accountsAtStart = (r: DayRange) => sql`
  select a.owner_id as owner, a.unit_id as unit, 0 as num, 1 as den from accounts a
  where a.created_at < ${r.start}
    and not (a.lifecycle = 'lost' and coalesce((select max(ch.at) from account_changes ch where ch.account_id = a.id and ch.field = 'lifecycle' and ch.to_value = 'lost'), a.created_at) < ${r.start})`;

/** A target metric's records as KPI rows: the value is the numerator. */
const metricRows = (m: Parameters<typeof metricSource>[0], tz: string, r: DayRange) => sql`select s.owner, s.unit, s.v as num, 0 as den from (${metricSource(m, tz, r)}) s`;

/**
 * Each KPI's records within the range as rows (owner, unit, num, den): the definitions written beside them in
 * the kpis locale (library.<key>) — confirmed or approved records only. A row without an owner counts for its
 * unit only (a unit's budget), one without a unit for its owner only (a person's budget).
 * sales_completion and sales_growth are computed from `sales` by the service.
 */
export function kpiSource(key: Exclude<KpiKey, 'sales_completion' | 'sales_growth'>, tz: string, r: DayRange): RawBuilder<unknown> {
  switch (key) {
    case 'sales':
    case 'collections':
    case 'new_accounts':
    case 'visits':
    case 'projects_won':
      return metricRows(key, tz, r);
    case 'collection_rate':
      // 合同回款率: instalments falling due in the range; collected = allocated to them by the range's end
      return sql`
        select c.owner_id as owner, c.unit_id as unit,
          i.paid_amount - coalesce((select sum(a.amount) from receipt_allocations a where a.instalment_id = i.id and a.undone_at is null and a.received_on > ${r.to}::date), 0) as num,
          i.amount as den
        from contract_instalments i join contracts c on c.id = i.contract_id
        where i.due_date between ${r.from}::date and ${r.to}::date and c.status in (${list(RECEIVABLE_CONTRACT_STATUSES)})`;
    case 'settlement_rate':
      // 销售合同结算率: sales contracts whose last instalment falls due in the range (one falls due in it, none
      // after it); settled = completed by its end
      return sql`
        select c.owner_id as owner, c.unit_id as unit, case when c.status = 'completed' and c.closed_at < ${r.end} then 1 else 0 end as num, 1 as den
        from contracts c
        where c.kind = 'sales' and c.status in (${list(RECEIVABLE_CONTRACT_STATUSES)})
          and c.id in (select i.contract_id from contract_instalments i where i.due_date between ${r.from}::date and ${r.to}::date)
          and not exists (select 1 from contract_instalments i where i.contract_id = c.id and i.due_date > ${r.to}::date)`;
    case 'new_account_rate':
      return sql`${metricRows('new_accounts', tz, r)} union all ${accountsAtStart(r)}`;
    case 'churn_rate':
      return sql`
        select a.owner_id as owner, a.unit_id as unit, 1 as num, 0 as den from accounts a
        where exists (select 1 from account_changes ch where ch.account_id = a.id and ch.field = 'lifecycle' and ch.to_value = 'lost' and ch.at >= ${r.start} and ch.at < ${r.end})
        union all ${accountsAtStart(r)}`;
    case 'visit_plan_execution':
      // the visits checked in during each submitted monthly plan's month ÷ the visits it planned
      return sql`
        select mp.owner_id as owner, mp.unit_id as unit,
          (select count(*) from visits v where v.owner_id = mp.owner_id and v.status in ('checked_in', 'recorded') and v.checked_in_at >= ${planStart(tz)} and v.checked_in_at < ${planEnd(tz)}) as num,
          mp.planned_visits as den
        from monthly_plans mp where mp.status = 'submitted' and mp.month between ${month(r.from)} and ${month(r.to)}`;
    case 'dev_plan_completion':
      // the accounts developed in each submitted monthly plan's month (entered by the planner, or a development
      // project of theirs opened on it — once per account, as the plan's own 实际拓展) ÷ the expansions it planned
      return sql`
        select mp.owner_id as owner, mp.unit_id as unit,
          (select count(*) from (
            select a.id from accounts a where a.created_by = mp.owner_id and a.created_at >= ${planStart(tz)} and a.created_at < ${planEnd(tz)}
            union
            select o.account_id from opportunities o where o.owner_id = mp.owner_id and o.created_at >= ${planStart(tz)} and o.created_at < ${planEnd(tz)}
          ) x) as num,
          mp.planned_expansions as den
        from monthly_plans mp where mp.status = 'submitted' and mp.month between ${month(r.from)} and ${month(r.to)}`;
    case 'deal_plan_completion':
      // the development projects the planner won in each submitted monthly plan's month ÷ the deals it planned (计划成交)
      return sql`
        select mp.owner_id as owner, mp.unit_id as unit,
          (select count(*) from opportunities o where o.owner_id = mp.owner_id and o.status = 'won' and o.closed_at >= ${planStart(tz)} and o.closed_at < ${planEnd(tz)}) as num,
          mp.planned_deals as den
        from monthly_plans mp where mp.status = 'submitted' and mp.month between ${month(r.from)} and ${month(r.to)}`;
    case 'valid_info_rate':
      // project leads registered in the range; valid when they reached stage 2 or were won
      return sql`
        select o.owner_id as owner, o.unit_id as unit, case when o.stage >= 2 or o.status = 'won' then 1 else 0 end as num, 1 as den
        from opportunities o where o.created_at >= ${r.start} and o.created_at < ${r.end}`;
    case 'long_term_agreements':
      return sql`
        select c.owner_id as owner, c.unit_id as unit, 1 as num, 0 as den from contracts c
        where c.kind = 'framework' and c.status in ('signed', 'in_progress', 'completed', 'terminated') and c.sign_date between ${r.from}::date and ${r.to}::date`;
    case 'valid_complaints':
      // complaints received in the range and judged valid; a person answers for those they are responsible for
      return sql`
        select coalesce(t.responsible_id, t.owner_id) as owner, t.unit_id as unit, 1 as num, 0 as den from tickets t
        where t.validity = 'valid' and t.received_at >= ${r.start} and t.received_at < ${r.end}`;
    case 'expense_control':
      // approved or paid claim lines incurred in the range ÷ the budgets of its months (a person's budget
      // counts for the person, a unit's for the unit and the units above it)
      return sql`
        select e.owner_id as owner, e.unit_id as unit, l.amount as num, 0 as den
        from expense_claim_lines l join expense_claims e on e.id = l.claim_id
        where e.status in ('approved', 'paid') and l.occurred_on between ${r.from}::date and ${r.to}::date
        union all
        select b.user_id as owner, b.unit_id as unit, 0 as num, b.amount as den
        from expense_budgets b where b.period between ${month(r.from)} and ${month(r.to)}`;
    case 'archive_completeness':
      // the archive as it stands (lost accounts aside): the mean completeness in percent
      return sql`select a.owner_id as owner, a.unit_id as unit, a.completeness as num, 100 as den from accounts a where a.lifecycle <> 'lost' and a.created_at < ${r.end}`;
    case 'archive_timeliness':
      // the archive as it stands: accounts updated in the 90 days up to the range's end (or now, if sooner)
      return sql`
        select a.owner_id as owner, a.unit_id as unit, case when a.updated_at >= least(${r.end}::timestamptz, now()) - interval '90 days' then 1 else 0 end as num, 1 as den
        from accounts a where a.lifecycle <> 'lost' and a.created_at < ${r.end}`;
  }
}

const num = (v: unknown) => Number(v ?? 0);

export const kpisRepo = {
  /**
   * A KPI's numerator and denominator per subject: people by owner, units by their subtree. The unit ids are
   * given to the source's rows as a list (the planner pushes `unit = any(…)` into each source, so only the
   * subtree's records are read) and the per-unit sums are rolled up to each subject unit here.
   */
  async sums(db: Executor, source: RawBuilder<unknown>, subjects: Subjects, subtrees: Subtrees): Promise<Sums> {
    const out: Sums = new Map();
    const users = [...subjects.users];
    const unitIds = [...new Set([...subtrees.values()].flat())];
    const [byUser, byUnit] = await Promise.all([
      users.length
        ? sql<{ id: number; num: string; den: string }>`
            select s.owner as id, sum(s.num) as num, sum(s.den) as den from (${source}) s
            where s.owner = any(${sql.val(users)}::bigint[]) group by s.owner`.execute(db)
        : { rows: [] },
      unitIds.length
        ? sql<{ id: number; num: string; den: string }>`
            select s.unit as id, sum(s.num) as num, sum(s.den) as den from (${source}) s
            where s.unit = any(${sql.val(unitIds)}::bigint[]) group by s.unit`.execute(db)
        : { rows: [] },
    ]);
    for (const r of byUser.rows) out.set(`user:${r.id}`, { num: num(r.num), den: num(r.den) });
    const perUnit = new Map(byUnit.rows.map((r) => [Number(r.id), { num: num(r.num), den: num(r.den) }]));
    for (const [id, ids] of subtrees) {
      const sum = { num: 0, den: 0 };
      for (const u of ids) {
        const v = perUnit.get(u);
        if (!v) continue;
        sum.num += v.num;
        sum.den += v.den;
      }
      out.set(`unit:${id}`, sum);
    }
    return out;
  },

  /** Each unit's subtree (itself and every unit under it), by id. */
  async subtrees(db: Executor, units: Subjects['units']): Promise<Subtrees> {
    const out: Subtrees = new Map(units.map((u) => [u.id, []]));
    if (!units.length) return out;
    const rows = await sql<{ subject: number; id: number }>`
      select t.id as subject, ou.id from org_units ou
      join unnest(${sql.val(units.map((u) => u.id))}::bigint[], ${sql.val(units.map((u) => u.path))}::text[]) as t(id, path) on ou.path like t.path || '%'`.execute(db);
    for (const r of rows.rows) out.get(Number(r.subject))!.push(Number(r.id));
    return out;
  },

  async user(db: Executor, id: number) {
    return db
      .selectFrom('users')
      .innerJoin('org_units as u', 'u.id', 'users.unit_id')
      .select(['users.id', 'users.name', 'users.unit_id', 'u.name as unit_name', 'u.path as unit_path'])
      .where('users.id', '=', id)
      .executeTakeFirst();
  },

  async unitTree(db: Executor) {
    return db.selectFrom('org_units').select(['id', 'parent_id']).execute();
  },

  async unitPaths(db: Executor, ids: readonly number[]) {
    if (!ids.length) return [];
    return db.selectFrom('org_units').select(['id', 'path']).where('id', 'in', [...ids]).execute();
  },

  // ---- snapshots ----

  async snapshotOf(db: Executor, period: string, kind: 'user' | 'unit', ids: readonly number[]) {
    if (!ids.length) return [];
    return db
      .selectFrom('kpi_snapshots')
      .selectAll()
      .where('period', '=', period)
      .where('subject_kind', '=', kind)
      .where('subject_id', 'in', [...ids])
      .execute();
  },

  async run(db: Executor, period: string) {
    return db.selectFrom('kpi_snapshot_runs').selectAll().where('period', '=', period).executeTakeFirst();
  },

  /**
   * Takes the period's run row, which serialises every keeper of the period until commit: the first writer
   * wins, the others find it kept (false) — unless `replace`, which takes the row in turn and clears the kept
   * figures to write them again.
   */
  async claimRun(db: Executor, period: string, takenBy: number | null, replace: boolean) {
    if (!replace) {
      const r = await db.insertInto('kpi_snapshot_runs').values({ period, taken_by: takenBy, subjects: 0 }).onConflict((oc) => oc.column('period').doNothing()).returning('period').executeTakeFirst();
      return r !== undefined;
    }
    await db
      .insertInto('kpi_snapshot_runs')
      .values({ period, taken_by: takenBy, subjects: 0 })
      .onConflict((oc) => oc.column('period').doUpdateSet({ taken_at: new Date(), taken_by: takenBy, subjects: 0 }))
      .execute();
    await db.deleteFrom('kpi_snapshots').where('period', '=', period).execute();
    return true;
  },

  async finishRun(db: Executor, period: string, subjects: number) {
    await db.updateTable('kpi_snapshot_runs').set({ subjects }).where('period', '=', period).execute();
  },

  async insertSnapshots(db: Executor, rows: { period: string; subject_kind: string; subject_id: number; kpi: string; numerator: number; denominator: number | null; value: number | null }[]) {
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('kpi_snapshots').values(rows.slice(i, i + 1000)).execute();
  },

  /** Every unit and every active person holding a sales position: who a period's snapshot is kept for. */
  async snapshotSubjects(db: Executor, positions: readonly string[]) {
    const [units, users] = await Promise.all([
      db.selectFrom('org_units').select(['id', 'path']).orderBy('path').execute(),
      db
        .selectFrom('users')
        .select('id')
        .where('status', '=', 'active')
        .where((eb) => eb.exists(eb.selectFrom('user_positions as p').select(sql`1`.as('one')).whereRef('p.user_id', '=', 'users.id').where('p.position', 'in', [...positions])))
        .orderBy('id')
        .execute(),
    ]);
    return { units, users: users.map((u) => u.id) };
  },
};
