import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, raceEnabled, send, startRig, type RaceRig } from '../support/servers';

/**
 * 目标与分解 across two server processes on one PostgreSQL database: 50 simultaneous starts of the same plan
 * leave one plan (the rest 409); 50 simultaneous changes of a locked plan leave one waiting (the rest 409);
 * 50 simultaneous submissions of one draft start one approval.
 */
const REQUESTS = 50;

describe('target races across two server processes', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(2);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${REQUESTS} simultaneous plan starts, change requests and submissions on 2 processes (PostgreSQL only)`, async () => {
    const { servers, database, org } = rig!;
    const db = database.db;
    const directors = await Promise.all(servers.map((s) => login(s, 'director')));
    const specs = await Promise.all(servers.map((s) => login(s, 'spec_a1')));

    const started = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => (await send(directors[i % 2]!, 'POST', '/api/targets', { unitId: org.units.ka, metric: 'collections', year: 2031 })).status));
    const plans = await db.selectFrom('target_plans').select(['id', 'version']).where('unit_id', '=', org.units.ka).where('metric', '=', 'collections').where('year', '=', 2031).execute();
    console.log(`target race: starts ${started.filter((s) => s === 201).length} × 201, ${started.filter((s) => s === 409).length} × 409`);
    expect(started.filter((s) => s === 201)).toHaveLength(1);
    expect(started.filter((s) => s === 409)).toHaveLength(REQUESTS - 1);
    expect(plans).toHaveLength(1);

    // one draft submitted 50 times at once: one approval
    const plan = plans[0]!;
    const submitted = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => (await send(directors[i % 2]!, 'POST', `/api/targets/${plan.id}/submit`, { version: plan.version })).status));
    const instances = await db.selectFrom('approval_instances').select('id').where('doc_type', 'in', ['target_plan', 'target_plan_sub']).where('doc_id', '=', plan.id).execute();
    expect(submitted.filter((s) => s === 200)).toHaveLength(1);
    expect(submitted.filter((s) => s === 409)).toHaveLength(REQUESTS - 1);
    expect(instances).toHaveLength(1);

    // a locked team plan: 50 changes of spec_a1's own September at once leave one waiting
    const locked = await sql<{ id: number }>`insert into target_plans (unit_id, metric, year, status) values (${org.units.teamA}, 'visits', 2031, 'approved') returning id`.execute(db);
    const lockedId = Number(locked.rows[0]!.id);
    const asked = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => (await send(specs[i % 2]!, 'POST', `/api/targets/${lockedId}/changes`, { reason: `并发调整 ${i}`, lines: [{ kind: 'user', id: org.users.spec_a1!, month: 9, level: 'base', value: i + 1 }] })).status));
    const changes = await db.selectFrom('target_changes').select(['id', 'status']).where('plan_id', '=', lockedId).execute();
    console.log(`target race: changes ${asked.filter((s) => s === 201).length} × 201, ${asked.filter((s) => s === 409).length} × 409`);
    expect(asked.filter((s) => s === 201)).toHaveLength(1);
    expect(asked.filter((s) => s === 409)).toHaveLength(REQUESTS - 1);
    expect(changes).toHaveLength(1);
    const approvals = await db.selectFrom('approval_instances').select('id').where('doc_type', 'in', ['target_change', 'target_change_gm']).where('doc_id', '=', changes[0]!.id).execute();
    expect(approvals).toHaveLength(1);
  });
});
