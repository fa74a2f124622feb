import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import type { MeasureResult } from '../../../shared/domain/health';
import type { Expression, ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import type { AccountHealthTable } from './health.tables';

/** The caller's data scope over account_health's owner and unit, as `account_health as h` (health.service builds it). */
export type HealthScope = (eb: ExpressionBuilder<DB & { h: AccountHealthTable }, 'h'>) => Expression<SqlBool>;

/** A key person (coverage.ts's decision people): a decision maker, a decider or marked key. */
const KEY_PERSON = sql<SqlBool>`(c.buying_role = 'decision_maker' or c.is_decider or c.is_key_person)`;
/** A year's revenue (grouped by account and year): the larger of signed contracts and the ledger's other sources (decision 014). */
const YEAR_REVENUE = sql<number>`greatest(coalesce(sum(r.amount) filter (where r.source = 'signed'), 0), coalesce(sum(r.amount) filter (where r.source <> 'signed'), 0))`;
/** Contracts whose instalments are receivable (receivables.repo.ts). */
const RECEIVABLE = sql`('signed', 'in_progress', 'completed')`;
/** Open tickets (shared/contracts/tickets.ts OPEN_TICKET_STATUSES). */
const OPEN_TICKET = sql`('new', 'assigned', 'in_progress', 'waiting')`;

/** Everything one recompute reads per account, in one row; the measures are judged in health.rules.ts. */
export interface SignalRow {
  id: number;
  tier: string;
  grade: string | null;
  quadrant: string | null;
  parent_id: number | null;
  owner_id: number | null;
  unit_id: number;
  lifecycle: string;
  created_at: Date;
  coverage_score: number;
  active_contacts: number;
  last_visit_at: Date | null;
  rev_this: number | null;
  rev_last: number | null;
  rev_before: number | null;
  has_receivables: boolean;
  overdue_days: number | null;
  overdue_amount: number | null;
  open_complaints: number;
  breached_complaints: number;
  key_left: number;
  key_leaning: number;
  /** per open project: [stage, days in the stage] */
  open_projects: [number, number][] | null;
  /** what is stored now (null before the first recompute) */
  stored_score: number | null;
  stored_band: string | null;
  stored_measures: MeasureResult[] | null;
  stored_band_since: Date | null;
  stored_computed: boolean;
}

export interface HealthWrite {
  accountId: number;
  /** the account's owner and unit (the at-risk list's scope) */
  ownerId: number | null;
  unitId: number;
  score: number | null;
  band: string | null;
  groupScore: number | null;
  tier: string;
  revenue: number;
  measures: MeasureResult[];
  dropped: string[];
  bandSince: Date;
  /** a history row too: the score, band or a measure moved */
  history: boolean;
}

export const healthRepo = {
  /** Account ids after `after`, in id order: the full recompute's batches. */
  async idsAfter(db: Executor, after: number, limit: number): Promise<number[]> {
    const rows = await db.selectFrom('accounts').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },

  /**
   * The signals of these accounts, set-based: one statement whatever their number (each part grouped by
   * account over the batch's ids). `today` is the business date, `year` the business year.
   */
  async signals(db: Executor, ids: readonly number[], o: { now: Date; today: string; year: number; complaintDays: number; keyLeftDays: number }): Promise<SignalRow[]> {
    if (!ids.length) return [];
    const arr = sql`${[...ids]}::bigint[]`;
    // the ids' range beside the list: the planner reads each table's account index over the range
    // instead of scanning the whole table for a long list (a full run's ids are consecutive)
    const within = (column: string) => sql`${sql.ref(column)} between ${Math.min(...ids)} and ${Math.max(...ids)}`;
    const r = await sql<SignalRow>`
      with a as (select * from accounts where id = any(${arr}) and ${within('id')}),
      lv as (
        select v.account_id, max(v.checked_in_at) as last_visit_at from visits v
        where v.account_id = any(${arr}) and ${within('v.account_id')} and v.status = 'recorded' group by v.account_id),
      rev as (
        select account_id,
          max(amount) filter (where year = ${o.year}) as rev_this,
          max(amount) filter (where year = ${o.year - 1}) as rev_last,
          max(amount) filter (where year = ${o.year - 2}) as rev_before
        from (select r.account_id, r.year, ${YEAR_REVENUE} as amount from account_revenue r
              where r.account_id = any(${arr}) and ${within('r.account_id')} and r.year between ${o.year - 2} and ${o.year} group by r.account_id, r.year) y
        group by account_id),
      od as (
        select i.account_id,
          max(${o.today}::date - i.due_date) filter (where i.due_date < ${o.today}::date and i.paid_amount + i.written_off < i.amount) as overdue_days,
          sum(i.amount - i.paid_amount - i.written_off) filter (where i.due_date < ${o.today}::date and i.paid_amount + i.written_off < i.amount) as overdue_amount
        from contract_instalments i join contracts k on k.id = i.contract_id
        where i.account_id = any(${arr}) and ${within('i.account_id')} and k.status in ${RECEIVABLE} group by i.account_id),
      tk as (
        select t.account_id,
          count(*) filter (where t.status in ${OPEN_TICKET}) as open_complaints,
          count(*) filter (where t.received_at >= ${o.now}::timestamptz - make_interval(days => ${o.complaintDays})
            and exists (select 1 from ticket_milestones m where m.ticket_id = t.id
                        and (m.breached_at is not null or (m.met_at is null and m.due_at <= ${o.now}::timestamptz)))) as breached_complaints
        from tickets t
        where t.account_id = any(${arr}) and ${within('t.account_id')} and t.kind = 'complaint'
          and (t.status in ${OPEN_TICKET} or t.received_at >= ${o.now}::timestamptz - make_interval(days => ${o.complaintDays}))
        group by t.account_id),
      ct as (
        select c.account_id,
          count(*) filter (where c.status = 'left' and c.left_at >= ${o.today}::date - ${o.keyLeftDays}::int and ${KEY_PERSON}) as key_left,
          count(*) filter (where c.status = 'active' and ${KEY_PERSON} and nullif(btrim(c.competitor_leaning), '') is not null) as key_leaning
        from contacts c where c.account_id = any(${arr}) and ${within('c.account_id')} group by c.account_id),
      op as (
        select o.account_id, json_agg(json_build_array(o.stage, floor(extract(epoch from (${o.now}::timestamptz - o.stage_entered_at)) / 86400)::int)) as open_projects
        from opportunities o where o.account_id = any(${arr}) and ${within('o.account_id')} and o.status = 'open' group by o.account_id)
      select a.id, a.tier, a.grade, a.quadrant, a.parent_id, a.owner_id, a.unit_id, a.lifecycle, a.created_at, a.coverage_score, a.active_contacts,
        lv.last_visit_at, rev.rev_this, rev.rev_last, rev.rev_before,
        (od.account_id is not null) as has_receivables, coalesce(od.overdue_days, 0) as overdue_days, coalesce(od.overdue_amount, 0) as overdue_amount,
        coalesce(tk.open_complaints, 0) as open_complaints, coalesce(tk.breached_complaints, 0) as breached_complaints,
        coalesce(ct.key_left, 0) as key_left, coalesce(ct.key_leaning, 0) as key_leaning, op.open_projects,
        h.score as stored_score, h.band as stored_band, hd.measures as stored_measures, h.band_since as stored_band_since, (h.account_id is not null) as stored_computed
      from a
      left join lv on lv.account_id = a.id
      left join rev on rev.account_id = a.id
      left join od on od.account_id = a.id
      left join tk on tk.account_id = a.id
      left join ct on ct.account_id = a.id
      left join op on op.account_id = a.id
      left join account_health h on h.account_id = a.id
      left join account_health_detail hd on hd.account_id = a.id
      order by a.id`.execute(db);
    return r.rows;
  },

  /** Each group's members (the group itself and its direct subsidiaries) with their stored score and revenue. */
  async groupMembers(db: Executor, groupIds: readonly number[]) {
    if (!groupIds.length) return [];
    const r = await sql<{ group_id: number; score: number | null; revenue: number }>`
      select coalesce(a.parent_id, a.id) as group_id, h.score, coalesce(h.revenue, 0) as revenue
      from accounts a left join account_health h on h.account_id = a.id
      where a.id = any(${[...groupIds]}::bigint[]) or a.parent_id = any(${[...groupIds]}::bigint[])`.execute(db);
    return r.rows;
  },

  /** The groups among these accounts and the groups above them: whose roll-up a recompute of these moves. */
  async groupsOf(db: Executor, ids: readonly number[]): Promise<number[]> {
    if (!ids.length) return [];
    // the candidates first (the accounts and their parents, by primary key), then which of them have
    // subsidiaries (by the parent index): an OR over the whole table read every account for one
    const r = await sql<{ id: number }>`
      with mine as (select id, parent_id from accounts where id = any(${[...ids]}::bigint[])),
      cand as (select id from mine union select parent_id from mine where parent_id is not null)
      select cand.id from cand where exists (select 1 from accounts s where s.parent_id = cand.id)`.execute(db);
    return r.rows.map((x) => x.id);
  },

  /** Writes the batch's health in one statement, and the history rows of those that moved in another. */
  async write(db: Executor, rows: readonly HealthWrite[], now: Date) {
    if (!rows.length) return;
    const data = JSON.stringify(
      rows.map((r) => ({ account_id: r.accountId, owner_id: r.ownerId, unit_id: r.unitId, score: r.score, band: r.band, group_score: r.groupScore, tier: r.tier, revenue: r.revenue, measures: r.measures, dropped: r.dropped, band_since: r.bandSince.toISOString() })),
    );
    await sql`
      insert into account_health (account_id, owner_id, unit_id, score, band, group_score, tier, revenue, computed_at, band_since)
      select x.account_id, x.owner_id, x.unit_id, x.score, x.band, x.group_score, x.tier, x.revenue, ${now}::timestamptz, x.band_since
      from jsonb_to_recordset(${data}::jsonb) as x(account_id bigint, owner_id bigint, unit_id bigint, score smallint, band text, group_score smallint, tier text, revenue bigint, band_since timestamptz)
      on conflict (account_id) do update set owner_id = excluded.owner_id, unit_id = excluded.unit_id, score = excluded.score, band = excluded.band,
        group_score = excluded.group_score, tier = excluded.tier, revenue = excluded.revenue, computed_at = excluded.computed_at, band_since = excluded.band_since`.execute(db);
    await sql`
      insert into account_health_detail (account_id, measures, dropped)
      select x.account_id, x.measures, x.dropped from jsonb_to_recordset(${data}::jsonb) as x(account_id bigint, measures jsonb, dropped jsonb)
      on conflict (account_id) do update set measures = excluded.measures, dropped = excluded.dropped`.execute(db);
    // an owner or unit that changed while this batch was computed (its trigger's update waited for ours
    // and was overwritten by the values read before): this statement's snapshot sees it committed
    await sql`
      update account_health h set owner_id = a.owner_id, unit_id = a.unit_id from accounts a
      where a.id = h.account_id and h.account_id = any(${rows.map((r) => r.accountId)}::bigint[])
        and (h.owner_id is distinct from a.owner_id or h.unit_id is distinct from a.unit_id)`.execute(db);
    const moved = rows.filter((r) => r.history);
    if (!moved.length) return;
    const hist = JSON.stringify(moved.map((r) => ({ account_id: r.accountId, score: r.score, band: r.band, measures: r.measures })));
    await sql`
      insert into account_health_history (account_id, at, score, band, measures)
      select x.account_id, ${now}::timestamptz, x.score, x.band, x.measures
      from jsonb_to_recordset(${hist}::jsonb) as x(account_id bigint, score smallint, band text, measures jsonb)`.execute(db);
  },

  /** Fresh statistics after a full run rewrote every row (the list's plans read them). */
  async analyze(db: Executor) {
    await sql`analyze account_health`.execute(db);
  },

  /** Sets the group roll-ups. */
  async setGroupScores(db: Executor, rows: readonly { id: number; score: number | null }[]) {
    if (!rows.length) return;
    await sql`
      update account_health h set group_score = x.score
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id bigint, score smallint)
      where h.account_id = x.id and h.group_score is distinct from x.score`.execute(db);
  },

  // ---- the dirty set ----

  async markDirty(db: Executor, ids: readonly number[]) {
    if (!ids.length) return;
    await sql`insert into account_health_dirty (account_id) select unnest(${[...new Set(ids)]}::bigint[]) on conflict do nothing`.execute(db);
  },

  /** Takes up to `limit` dirty accounts off the set (each taken once, however many drain at once). */
  async takeDirty(db: Executor, limit: number): Promise<number[]> {
    const r = await sql<{ account_id: number }>`
      delete from account_health_dirty where account_id in (
        select account_id from account_health_dirty order by since limit ${limit} for update skip locked)
      returning account_id`.execute(db);
    return r.rows.map((x) => x.account_id);
  },

  // ---- reads ----

  async current(db: Executor, accountId: number) {
    return db
      .selectFrom('account_health as h')
      .leftJoin('account_health_detail as hd', 'hd.account_id', 'h.account_id')
      .selectAll('h')
      .select(['hd.measures', 'hd.dropped'])
      .where('h.account_id', '=', accountId)
      .executeTakeFirst();
  },

  /** The latest history row at or before `at` (what the health was a week ago). */
  async asOf(db: Executor, accountId: number, at: Date) {
    return db.selectFrom('account_health_history').select(['at', 'score', 'band', 'measures']).where('account_id', '=', accountId).where('at', '<=', at).orderBy('at', 'desc').limit(1).executeTakeFirst();
  },

  /** The history since `from`, oldest first, and the last row before it (where the chart starts). */
  async history(db: Executor, accountId: number, from: Date) {
    const rows = await db.selectFrom('account_health_history').select(['at', 'score', 'band']).where('account_id', '=', accountId).where('at', '>=', from).orderBy('at').execute();
    const before = await db.selectFrom('account_health_history').select(['at', 'score', 'band']).where('account_id', '=', accountId).where('at', '<', from).orderBy('at', 'desc').limit(1).executeTakeFirst();
    return before ? [before, ...rows] : rows;
  },

  /**
   * The at-risk list in the caller's scope: red (and yellow with `bands`) accounts, by revenue at risk or
   * by score, keyset-free pages (offset) of at most 100. The scope, the count and the order read
   * account_health alone (it carries the owner and unit); only the page's rows join their account.
   */
  async atRisk(db: Executor, scope: HealthScope, q: { bands: string[]; sort: 'revenue' | 'score'; ownerId?: number; unitId?: number; page: number; pageSize: number }) {
    let base = db.selectFrom('account_health as h').where('h.band', 'in', q.bands).where(scope);
    if (q.ownerId) base = base.where('h.owner_id', '=', q.ownerId);
    if (q.unitId) base = base.where(sql<SqlBool>`h.unit_id = any(array(select id from org_units where path like (select path from org_units where id = ${q.unitId}) || '%'))`);
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let page = base
      .innerJoin('accounts', 'accounts.id', 'h.account_id')
      .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
      .leftJoin('account_health_detail as hd', 'hd.account_id', 'h.account_id')
      .select(['h.account_id', 'h.score', 'h.band', 'h.group_score', 'h.revenue', 'hd.measures', 'h.band_since', 'h.computed_at', 'accounts.name', 'accounts.lifecycle', 'accounts.tier', 'accounts.owner_id', 'owner.name as owner_name']);
    page = q.sort === 'revenue' ? page.orderBy('h.revenue', 'desc').orderBy('h.account_id') : page.orderBy('h.score').orderBy('h.revenue', 'desc').orderBy('h.account_id');
    const items = await page.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return { items, total };
  },

  /** The band counts in the caller's scope (the at-risk page's summary), from account_health alone. */
  async bandCounts(db: Executor, scope: HealthScope) {
    return db
      .selectFrom('account_health as h')
      .where(scope)
      .where('h.band', 'is not', null)
      .select(['h.band', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('h.band')
      .execute();
  },
};
