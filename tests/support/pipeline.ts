import { sql } from 'kysely';
import type { Kdb } from '../../src/server/db/client';

/**
 * Development projects written straight into the tables (not through /api/opportunities), so the
 * pipeline's readers can be tested with known facts: stage, status, value, ticks, assessment
 * outcome, plan status, participants, competitors and a back-dated stage history.
 */

const DAY = 86_400_000;
export const daysAgo = (d: number, now = Date.now()) => new Date(now - d * DAY);

export interface HistoryStep {
  fromStage?: number | null;
  toStage: number;
  fromStatus?: string | null;
  toStatus?: string;
  daysAgo: number;
  reason?: string;
  actorId?: number;
}

export interface ProjectSpec {
  accountId: number;
  ownerId: number;
  name?: string;
  /** defaults to the owner's unit */
  unitId?: number;
  stage?: number;
  status?: 'open' | 'won' | 'lost' | 'abandoned' | 'paused';
  expectedValue?: number;
  expectedCloseOn?: string | null;
  /** manual ticks */
  checklist?: string[];
  assessmentOutcome?: string | null;
  planStatus?: 'draft' | 'pending' | 'approved' | 'rejected' | 'withdrawn';
  parts?: { userId: number; part: 'account_manager' | 'ka_director' | 'senior' }[];
  competitors?: number[];
  /** days since the project entered its stage (default 5) */
  daysInStage?: number;
  closeReasonKey?: string;
  wonByCompetitorId?: number;
  /** closed projects: days since closing (default: daysInStage) */
  closedDaysAgo?: number;
  /** the stage history; by default creation at stage 1, a move to the stage, and the close */
  history?: HistoryStep[];
}

let seq = 0;

export async function insertProject(db: Kdb, spec: ProjectSpec): Promise<number> {
  const stage = spec.stage ?? 1;
  const status = spec.status ?? 'open';
  const daysInStage = spec.daysInStage ?? 5;
  const closed = ['won', 'lost', 'abandoned'].includes(status);
  const closedDaysAgo = spec.closedDaysAgo ?? daysInStage;
  const unitId = spec.unitId ?? (await db.selectFrom('users').select('unit_id').where('id', '=', spec.ownerId).executeTakeFirstOrThrow()).unit_id;
  const createdDaysAgo = Math.max(daysInStage + 10, ...(spec.history ?? []).map((h) => h.daysAgo));
  const ticks = Object.fromEntries((spec.checklist ?? []).map((item) => [item, { note: null, by: spec.ownerId, at: daysAgo(daysInStage).toISOString() }]));
  const row = await db
    .insertInto('opportunities')
    .values({
      account_id: spec.accountId,
      name: spec.name ?? `测试项目${++seq}`,
      owner_id: spec.ownerId,
      unit_id: unitId,
      stage,
      status,
      expected_value: spec.expectedValue ?? 0,
      products: JSON.stringify([]),
      expected_close_on: spec.expectedCloseOn ?? null,
      checklist: JSON.stringify(ticks),
      assessment_outcome: spec.assessmentOutcome ?? null,
      stage_entered_at: daysAgo(daysInStage),
      close_reason_key: closed || status === 'paused' ? (spec.closeReasonKey ?? null) : null,
      won_by_competitor_id: spec.wonByCompetitorId ?? null,
      closed_at: closed ? daysAgo(closedDaysAgo) : null,
      created_by: spec.ownerId,
      created_at: daysAgo(createdDaysAgo),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  const history: HistoryStep[] = spec.history ?? [
    { fromStage: null, toStage: 1, fromStatus: null, toStatus: 'open', daysAgo: createdDaysAgo },
    ...(stage > 1 ? [{ fromStage: 1, toStage: stage, fromStatus: 'open', toStatus: 'open', daysAgo: daysInStage }] : []),
    ...(status !== 'open' ? [{ fromStage: stage, toStage: stage, fromStatus: 'open', toStatus: status, daysAgo: closed ? closedDaysAgo : daysInStage }] : []),
  ];
  for (const h of history) {
    await db
      .insertInto('opportunity_stage_history')
      .values({
        opportunity_id: id,
        from_stage: h.fromStage ?? null,
        to_stage: h.toStage,
        from_status: h.fromStatus ?? null,
        to_status: h.toStatus ?? 'open',
        reason: h.reason ?? null,
        actor_id: h.actorId ?? spec.ownerId,
        at: daysAgo(h.daysAgo),
      } as never)
      .execute();
  }
  const parts = spec.parts ?? [{ userId: spec.ownerId, part: 'account_manager' as const }];
  if (parts.length) await db.insertInto('opportunity_participants').values(parts.map((p) => ({ opportunity_id: id, user_id: p.userId, part: p.part }))).execute();
  if (spec.competitors?.length) await db.insertInto('opportunity_competitors').values(spec.competitors.map((c) => ({ opportunity_id: id, competitor_id: c }))).execute();
  if (spec.planStatus) {
    await db
      .insertInto('opportunity_plans')
      .values({ opportunity_id: id, strategy: '测试方案', status: spec.planStatus, created_by: spec.ownerId, advantages: '[]', steps: '[]', support: '[]' } as never)
      .execute();
  }
  return id;
}

export async function insertCompetitor(db: Kdb, name: string): Promise<number> {
  const r = await db.insertInto('competitors').values({ name, name_key: name.trim().toLowerCase() }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** An account owned by `ownerId`, written directly (its unit is the owner's). */
export async function insertAccount(db: Kdb, name: string, ownerId: number): Promise<number> {
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const r = await sql<{ id: number }>`insert into accounts (name, owner_id, unit_id) values (${name}, ${ownerId}, ${owner.unit_id}) returning id`.execute(db);
  return r.rows[0]!.id;
}
