import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB, OpportunityCompetitorTable, OpportunityTable } from '../../db/schema';
import type { AssessmentOutcome, AutoFacts, ParticipantPart, PipelineSettings, PlanStatus } from '../../../shared/domain/pipeline';
import { containsPattern, type SortSpec } from '../../platform/listing';
import type { Ticks } from './opportunities.rules';
import { type OwnedScope } from '../../platform/scope';
import { after, ms } from '../../platform/timeline.repo';
import type { SourceQuery } from '../../platform/timeline';
import { unitPathOf } from '../../platform/org.repo';

export type OpportunityValues = Updateable<OpportunityTable>;
export type CompetitorEntryValues = Updateable<OpportunityCompetitorTable>;
export type OpportunitySortColumn = 'name' | 'expected_value' | 'expected_close_on' | 'stage' | 'stage_entered_at' | 'created_at' | 'updated_at';

export interface OpportunityFilter {
  scope: OwnedScope<'opportunities'>;
  q?: string;
  accountId?: number;
  ownerId?: number;
  unitId?: number;
  stage?: number;
  status?: string;
  closeFrom?: string;
  closeTo?: string;
  /** true: only stalled projects; false: only those that are not */
  stalled?: boolean;
  ageingDays: PipelineSettings['ageingDays'];
  competitorId?: number;
}

/** The facts the gates of many projects are read from, loaded at once. */
export interface GateFacts {
  ticks: Ticks;
  facts: AutoFacts;
}

/** Open and longer in its stage than the stage's limit (whole days > limit, as opportunities.rules isStalled). */
function stalledExpr(ageingDays: PipelineSettings['ageingDays']) {
  const cases = Object.entries(ageingDays).map(([stage, days]) => sql`when ${sql.lit(Number(stage))} then ${sql.lit(Number(days) + 1)}`);
  return sql<SqlBool>`(opportunities.status = 'open' and opportunities.stage_entered_at <= now() - (case opportunities.stage ${sql.join(cases, sql` `)} end) * interval '1 day')`;
}

function summaries(db: Executor) {
  return db
    .selectFrom('opportunities')
    .innerJoin('accounts', 'accounts.id', 'opportunities.account_id')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .innerJoin('org_units as unit', 'unit.id', 'opportunities.unit_id')
    .leftJoin('opportunity_plans as plan', 'plan.opportunity_id', 'opportunities.id')
    .selectAll('opportunities')
    .select(['accounts.name as account_name', 'accounts.grade as account_grade', 'owner.name as owner_name', unitPathOf('opportunities.unit_id').as('unit_name'), 'plan.status as plan_status']);
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function filtered(db: Executor, f: OpportunityFilter) {
  return db
    .selectFrom('opportunities')
    .innerJoin('accounts', 'accounts.id', 'opportunities.account_id')
    .where(f.scope)
    .where((eb) => {
      const c: Expression<SqlBool>[] = [];
      if (f.q) {
        const p = containsPattern(f.q);
        c.push(eb.or([eb('opportunities.name', 'ilike', p), eb('accounts.name', 'ilike', p)]));
      }
      if (f.accountId) c.push(eb('opportunities.account_id', '=', f.accountId));
      if (f.ownerId) c.push(eb('opportunities.owner_id', '=', f.ownerId));
      if (f.unitId) c.push(eb('opportunities.unit_id', '=', f.unitId));
      if (f.stage) c.push(eb('opportunities.stage', '=', f.stage));
      if (f.status) c.push(eb('opportunities.status', '=', f.status));
      if (f.closeFrom) c.push(eb('opportunities.expected_close_on', '>=', f.closeFrom));
      if (f.closeTo) c.push(eb('opportunities.expected_close_on', '<=', f.closeTo));
      if (f.stalled !== undefined) c.push(f.stalled ? stalledExpr(f.ageingDays) : eb.not(stalledExpr(f.ageingDays)));
      if (f.competitorId) {
        c.push(
          eb.exists(
            eb.selectFrom('opportunity_competitors as oc').select('oc.id').whereRef('oc.opportunity_id', '=', 'opportunities.id').where('oc.competitor_id', '=', f.competitorId),
          ),
        );
      }
      return eb.and(c);
    });
}

export const opportunitiesRepo = {
  async list(db: Executor, f: OpportunityFilter & { sort: SortSpec<OpportunitySortColumn>; limit: number; offset: number }) {
    const ids = filtered(db, f).select('opportunities.id');
    const dir = f.sort.desc ? 'desc' : 'asc';
    const [items, count] = await Promise.all([
      summaries(db)
        .where('opportunities.id', 'in', ids)
        .orderBy(sql.ref(`opportunities.${f.sort.column}`), (ob) => (dir === 'desc' ? ob.desc() : ob.asc()).nullsLast())
        .orderBy('opportunities.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** One project in the read scope, with whether the write scope covers it too. */
  async find(db: Executor, id: number, readScope: OwnedScope<'opportunities'>, writeScope: OwnedScope<'opportunities'>) {
    return summaries(db)
      .select((eb) => sql<boolean>`${writeScope(eb as unknown as ExpressionBuilder<DB, 'opportunities'>)}`.as('can_write'))
      .where('opportunities.id', '=', id)
      .where((eb) => readScope(eb as unknown as ExpressionBuilder<DB, 'opportunities'>))
      .executeTakeFirst();
  },
  /** Locks the project when it is in the scope. */
  async findForUpdate(db: Executor, id: number, scope: OwnedScope<'opportunities'>) {
    return db.selectFrom('opportunities').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<OpportunityTable>) {
    return db.insertInto('opportunities').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: OpportunityValues) {
    return db
      .updateTable('opportunities')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  // ---- stage history ----
  async insertHistory(
    db: Executor,
    row: { opportunityId: number; fromStage: number | null; toStage: number; fromStatus: string | null; toStatus: string; reason: string | null; actorId: number },
  ) {
    await db
      .insertInto('opportunity_stage_history')
      .values({
        opportunity_id: row.opportunityId,
        from_stage: row.fromStage,
        to_stage: row.toStage,
        from_status: row.fromStatus,
        to_status: row.toStatus,
        reason: row.reason,
        actor_id: row.actorId,
      })
      .execute();
  },
  async history(db: Executor, id: number) {
    return db
      .selectFrom('opportunity_stage_history as h')
      .leftJoin('users', 'users.id', 'h.actor_id')
      .select(['h.id', 'h.from_stage', 'h.to_stage', 'h.from_status', 'h.to_status', 'h.reason', 'h.actor_id', 'users.name as actor_name', 'h.at'])
      .where('h.opportunity_id', '=', id)
      .orderBy('h.at')
      .orderBy('h.id')
      .execute();
  },

  // ---- participants and deal contacts ----
  async participants(db: Executor, id: number) {
    return db
      .selectFrom('opportunity_participants as p')
      .innerJoin('users', 'users.id', 'p.user_id')
      .select(['p.user_id', 'users.name', 'users.status', 'p.part'])
      .where('p.opportunity_id', '=', id)
      .orderBy(sql`array_position(array['account_manager', 'ka_director', 'senior'], p.part)`)
      .orderBy('users.name')
      .execute();
  },
  async setParticipants(db: Executor, id: number, rows: readonly { userId: number; part: string }[]) {
    await db.deleteFrom('opportunity_participants').where('opportunity_id', '=', id).execute();
    if (rows.length) await db.insertInto('opportunity_participants').values(rows.map((r) => ({ opportunity_id: id, user_id: r.userId, part: r.part }))).execute();
  },
  async dealContacts(db: Executor, id: number) {
    return db
      .selectFrom('opportunity_contacts as oc')
      .innerJoin('contacts as c', 'c.id', 'oc.contact_id')
      .select(['oc.contact_id', 'c.name', 'c.title', 'oc.role', 'oc.note', 'c.stage', 'c.support'])
      .where('oc.opportunity_id', '=', id)
      .orderBy(sql`array_position(array['decision_maker', 'buyer', 'user', 'influencer', 'insider'], oc.role)`)
      .orderBy('c.name')
      .execute();
  },
  async setDealContacts(db: Executor, id: number, rows: readonly { contactId: number; role: string; note: string | null }[]) {
    await db.deleteFrom('opportunity_contacts').where('opportunity_id', '=', id).execute();
    if (rows.length) await db.insertInto('opportunity_contacts').values(rows.map((r) => ({ opportunity_id: id, contact_id: r.contactId, role: r.role, note: r.note }))).execute();
  },
  /** Active users among the ids, with their unit. */
  async activeUsers(db: Executor, ids: readonly number[]) {
    if (!ids.length) return new Map<number, { unitId: number }>();
    const rows = await db.selectFrom('users').select(['id', 'unit_id']).where('id', 'in', [...new Set(ids)]).where('status', '=', 'active').execute();
    return new Map(rows.map((r) => [r.id, { unitId: r.unit_id }]));
  },
  async userNames(db: Executor, ids: readonly number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** Which of the ids are contacts of the account. */
  async contactsOfAccount(db: Executor, accountId: number, ids: readonly number[]) {
    if (!ids.length) return new Set<number>();
    const rows = await db.selectFrom('contacts').select('id').where('account_id', '=', accountId).where('id', 'in', [...new Set(ids)]).execute();
    return new Set(rows.map((r) => r.id));
  },

  // ---- competitors on the project ----
  async competitor(db: Executor, id: number) {
    return db.selectFrom('competitors').select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
  },
  async competitorEntries(db: Executor, id: number) {
    return db
      .selectFrom('opportunity_competitors as oc')
      .innerJoin('competitors as c', 'c.id', 'oc.competitor_id')
      .selectAll('oc')
      .select('c.name as competitor_name')
      .where('oc.opportunity_id', '=', id)
      .orderBy('oc.created_at')
      .orderBy('oc.id')
      .execute();
  },
  async competitorEntry(db: Executor, opportunityId: number, entryId: number) {
    return db
      .selectFrom('opportunity_competitors as oc')
      .innerJoin('competitors as c', 'c.id', 'oc.competitor_id')
      .selectAll('oc')
      .select('c.name as competitor_name')
      .where('oc.opportunity_id', '=', opportunityId)
      .where('oc.id', '=', entryId)
      .executeTakeFirst();
  },
  async competitorEntryForUpdate(db: Executor, opportunityId: number, entryId: number) {
    return db.selectFrom('opportunity_competitors').selectAll().where('opportunity_id', '=', opportunityId).where('id', '=', entryId).forUpdate().executeTakeFirst();
  },
  async hasCompetitor(db: Executor, opportunityId: number, competitorId: number) {
    const r = await db.selectFrom('opportunity_competitors').select('id').where('opportunity_id', '=', opportunityId).where('competitor_id', '=', competitorId).executeTakeFirst();
    return r !== undefined;
  },
  async insertCompetitorEntry(db: Executor, values: Insertable<OpportunityCompetitorTable>) {
    return db.insertInto('opportunity_competitors').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateCompetitorEntry(db: Executor, entryId: number, values: CompetitorEntryValues) {
    return db
      .updateTable('opportunity_competitors')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', entryId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async deleteCompetitorEntry(db: Executor, entryId: number) {
    await db.deleteFrom('opportunity_competitors').where('id', '=', entryId).execute();
  },
  /** Marks the project changed (updated_at) without a version bump, for changes kept in their own versioned rows. */
  async touch(db: Executor, id: number) {
    await db.updateTable('opportunities').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
  },

  /**
   * The gate facts of many projects at once — manual ticks, the assessment outcome, the plan's
   * status, the participants' parts — keyed by project id. The board reuses it for its cards.
   */
  async gateFacts(db: Executor, ids: readonly number[]): Promise<Map<number, GateFacts>> {
    const out = new Map<number, GateFacts>();
    if (!ids.length) return out;
    const unique = [...new Set(ids)];
    const [rows, parts] = await Promise.all([
      db
        .selectFrom('opportunities')
        .leftJoin('opportunity_plans as plan', 'plan.opportunity_id', 'opportunities.id')
        .select(['opportunities.id', 'opportunities.checklist', 'opportunities.assessment_outcome', 'plan.status as plan_status'])
        .where('opportunities.id', 'in', unique)
        .execute(),
      db.selectFrom('opportunity_participants').select(['opportunity_id', 'part']).distinct().where('opportunity_id', 'in', unique).execute(),
    ]);
    const partsOf = new Map<number, ParticipantPart[]>();
    for (const p of parts) partsOf.set(p.opportunity_id, [...(partsOf.get(p.opportunity_id) ?? []), p.part as ParticipantPart]);
    for (const r of rows) {
      out.set(r.id, {
        ticks: (r.checklist ?? {}) as Ticks,
        facts: {
          assessmentOutcome: r.assessment_outcome as AssessmentOutcome | null,
          planStatus: (r.plan_status ?? null) as PlanStatus | null,
          parts: partsOf.get(r.id) ?? [],
        },
      });
    }
    return out;
  },
  /** Stage and status changes of the account's development projects the caller may read. */
  async opportunityEvents(db: Executor, q: SourceQuery, scope: OwnedScope<'opportunities'>, limit: number) {
    const at = ms('h.at');
    return db
      .selectFrom('opportunity_stage_history as h')
      .innerJoin('opportunities', 'opportunities.id', 'h.opportunity_id')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.id', at.as('at'), 'h.actor_id', 'u.name as actor_name', 'opportunities.id as opportunity_id', 'opportunities.name', 'h.from_stage', 'h.to_stage', 'h.from_status', 'h.to_status', 'h.reason'])
      .where('opportunities.account_id', '=', q.accountId)
      .where(scope)
      .where(after('opportunity', q, at, 'h.id'))
      .orderBy(at, 'desc')
      .orderBy('h.id', 'desc')
      .limit(limit)
      .execute();
  },
};
