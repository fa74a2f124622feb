import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../support/pipeline';
import { login, raceEnabled, send, startRig, type RaceRig } from '../support/servers';

/**
 * 挽回方案 "one open plan per account" across processes: 50 simultaneous openings for one account, split
 * between two real server processes on one PostgreSQL database and between the owner and the director —
 * exactly one plan, with one set of template steps, and 49 conflicts.
 */
const REQUESTS = 50;

describe('recovery plan race across two server processes', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(2);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${REQUESTS} simultaneous openings on 2 processes open one plan (PostgreSQL only)`, async () => {
    const { servers, database, org } = rig!;
    const db = database.db;
    const accountId = await insertAccount(db, '并发挽回客户', org.users.manager_a!);
    await sql`update accounts set lifecycle = 'active' where id = ${accountId}`.execute(db);
    const sessions = [...(await Promise.all(servers.map((s) => login(s, 'manager_a')))), ...(await Promise.all(servers.map((s) => login(s, 'director'))))];
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => (await send(sessions[i % sessions.length]!, 'POST', '/api/recovery-plans', { accountId, reason: `并发 ${i}` })).status),
    );
    const plans = await db.selectFrom('recovery_plans').select('id').where('account_id', '=', accountId).execute();
    const steps = await db.selectFrom('tasks').select('id').where('link_entity', '=', 'recovery_plan').where('link_id', 'in', plans.map((p) => p.id)).execute();
    const changes = await db.selectFrom('account_changes').select('id').where('account_id', '=', accountId).where('field', '=', 'lifecycle').execute();
    console.log(`recovery race: ${REQUESTS} requests on ${servers.length} processes → ${results.filter((s) => s === 201).length} × 201, ${results.filter((s) => s === 409).length} × 409`);
    expect(results.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(REQUESTS - 1);
    expect(plans).toHaveLength(1);
    expect(steps).toHaveLength(5);
    expect(changes).toHaveLength(1);
  });
});
