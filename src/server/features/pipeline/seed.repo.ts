import type { Executor } from '../../db/client';

/**
 * Rows of development projects as they stand after a history of work, for the demo data
 * (src/cli/demo-pipeline.ts): the project with its ticks, assessment and close, its back-dated
 * stage history, participants and competitors.
 */
export interface SeedProject {
  accountId: number;
  name: string;
  ownerId: number;
  unitId: number;
  stage: number;
  status: string;
  expectedValue: number;
  products: string[];
  expectedCloseOn: string | null;
  procurementStep: string | null;
  description: string;
  checklist: Record<string, { note: string | null; by: number; at: string }>;
  assessment: unknown;
  assessmentOutcome: string | null;
  stageEnteredAt: Date;
  closeReasonKey: string | null;
  closeNote: string | null;
  wonByCompetitorId: number | null;
  closedAt: Date | null;
  createdAt: Date;
}

export const pipelineSeedRepo = {
  async accountIdsByName(db: Executor, names: string[]) {
    const rows = await db.selectFrom('accounts').select(['id', 'name']).where('name', 'in', names).execute();
    return new Map(rows.map((r) => [r.name, r.id]));
  },
  async userUnits(db: Executor, ids: number[]) {
    const rows = await db.selectFrom('users').select(['id', 'unit_id']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.unit_id]));
  },
  async planApproval(db: Executor, opportunityId: number) {
    return (await db.selectFrom('opportunity_plans').select('approval_id').where('opportunity_id', '=', opportunityId).executeTakeFirst())?.approval_id ?? null;
  },
  async anyProjectNamed(db: Executor, names: string[]) {
    return Boolean(await db.selectFrom('opportunities').select('id').where('name', 'in', names).limit(1).executeTakeFirst());
  },
  async insertProject(db: Executor, p: SeedProject) {
    const row = await db
      .insertInto('opportunities')
      .values({
        account_id: p.accountId,
        name: p.name,
        owner_id: p.ownerId,
        unit_id: p.unitId,
        stage: p.stage,
        status: p.status,
        expected_value: p.expectedValue,
        products: JSON.stringify(p.products),
        expected_close_on: p.expectedCloseOn,
        procurement_step: p.procurementStep,
        description: p.description,
        checklist: JSON.stringify(p.checklist),
        assessment: p.assessment === null ? null : JSON.stringify(p.assessment),
        assessment_outcome: p.assessmentOutcome,
        stage_entered_at: p.stageEnteredAt,
        close_reason_key: p.closeReasonKey,
        close_note: p.closeNote,
        won_by_competitor_id: p.wonByCompetitorId,
        closed_at: p.closedAt,
        created_by: p.ownerId,
        created_at: p.createdAt,
        updated_at: p.closedAt ?? p.stageEnteredAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async insertHistory(db: Executor, rows: { opportunityId: number; fromStage: number | null; toStage: number; fromStatus: string | null; toStatus: string; reason: string | null; actorId: number; at: Date }[]) {
    if (!rows.length) return;
    await db
      .insertInto('opportunity_stage_history')
      .values(rows.map((r) => ({ opportunity_id: r.opportunityId, from_stage: r.fromStage, to_stage: r.toStage, from_status: r.fromStatus, to_status: r.toStatus, reason: r.reason, actor_id: r.actorId, at: r.at })))
      .execute();
  },
  async insertParticipants(db: Executor, opportunityId: number, parts: { userId: number; part: string }[]) {
    if (!parts.length) return;
    await db.insertInto('opportunity_participants').values(parts.map((p) => ({ opportunity_id: opportunityId, user_id: p.userId, part: p.part }))).onConflict((oc) => oc.doNothing()).execute();
  },
  async insertCompetitors(db: Executor, opportunityId: number, entries: { competitorId: number; strengths: string | null; threat: string | null; pricePosition: string | null }[]) {
    if (!entries.length) return;
    await db
      .insertInto('opportunity_competitors')
      .values(entries.map((e) => ({ opportunity_id: opportunityId, competitor_id: e.competitorId, strengths: e.strengths, threat: e.threat, price_position: e.pricePosition })))
      .execute();
  },
};

/** Closes (or pauses) a seeded project once its plan went through approval while it was open. */
export async function closeSeededProject(db: Executor, id: number, close: { status: string; reasonKey: string | null; note: string | null; wonByCompetitorId: number | null; at: Date }) {
  await db
    .updateTable('opportunities')
    .set({ status: close.status, close_reason_key: close.reasonKey, close_note: close.note, won_by_competitor_id: close.wonByCompetitorId, closed_at: close.status === 'paused' ? null : close.at, updated_at: close.at })
    .where('id', '=', id)
    .execute();
}
