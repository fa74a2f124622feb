import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, raceEnabled, startRig, type RaceRig } from '../support/servers';

/**
 * FLOW-1 "exactly once across server instances": two real server processes on one PostgreSQL
 * database, 50 simultaneous approvals of the same step split between them.
 */
const CLICKS = 50;

describe('approval race across two server processes', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(2);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${CLICKS} simultaneous approvals on 2 processes decide the step exactly once (PostgreSQL only: runs in the PostgreSQL pass, TEST_DB=postgres with TEST_DATABASE_URL)`, async () => {
    const { servers, database } = rig!;
    const db = database.db;
    const submitter = await login(servers[0], 'spec_a1');
    const created = await fetch(`${submitter.base}/api/general-requests`, {
      method: 'POST',
      headers: submitter.headers,
      body: JSON.stringify({ title: '并发审批测试', category: 'office_supplies', amount: 100_000, submit: true }),
    });
    const request = (await created.json()) as { id: number; approvalId: number; status: string };
    expect(created.status, JSON.stringify(request)).toBe(200);
    expect(request.status).toBe('pending');

    const directors = await Promise.all(servers.map((s) => login(s, 'director')));
    const statuses = await Promise.all(
      Array.from({ length: CLICKS }, async (_, i) => {
        const c = directors[i % directors.length];
        const r = await fetch(`${c.base}/api/approvals/${request.approvalId}/approve`, { method: 'POST', headers: c.headers, body: JSON.stringify({}) });
        const body = (await r.json()) as { error?: { code: string } };
        return { status: r.status, code: body.error?.code, server: i % directors.length };
      }),
    );
    const ok = statuses.filter((s) => s.status === 200);
    const conflicts = statuses.filter((s) => s.status === 409 && s.code === 'INVALID_STATE');
    const approveEvents = await db.selectFrom('approval_events').select('id').where('instance_id', '=', request.approvalId).where('action', '=', 'approve').execute();
    const approvedSteps = await db.selectFrom('approval_steps').select('id').where('instance_id', '=', request.approvalId).where('status', '=', 'approved').execute();
    const instance = await db.selectFrom('approval_instances').select(['status', 'version']).where('id', '=', request.approvalId).executeTakeFirstOrThrow();
    const doc = await db.selectFrom('general_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow();
    console.log(
      `approval race: ${CLICKS} clicks on ${servers.length} processes (ports ${servers.map((s) => s.port).join(', ')}) → ${ok.length} × 200, ${conflicts.length} × 409 INVALID_STATE, ` +
        `other ${statuses.length - ok.length - conflicts.length}; approve events ${approveEvents.length}, approved steps ${approvedSteps.length}, instance ${instance.status} v${instance.version}, request ${doc.status}`,
    );
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(CLICKS - 1);
    // both processes really took part
    expect(new Set(statuses.map((s) => s.server)).size).toBe(2);
    expect(approveEvents).toHaveLength(1);
    expect(approvedSteps).toHaveLength(1);
    expect(instance.status).toBe('approved');
    expect(doc.status).toBe('approved');
  }, 120_000);
});
