import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/app';
import { HOUSEKEEPING_JOBS } from '../../src/server/platform/jobs/housekeeping';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('housekeeping schedules registered at start-up', () => {
  it('purges expired sessions and sign-in attempts older than 30 days, hourly', async () => {
    const db = t.database.db;
    const user = t.org.users.spec_a1;
    await db
      .insertInto('sessions')
      .values([
        { id: 'expired-session', user_id: user, csrf_token: 'x', ip: null, user_agent: null, expires_at: new Date(Date.now() - 60_000) },
        { id: 'live-session', user_id: user, csrf_token: 'y', ip: null, user_agent: null, expires_at: new Date(Date.now() + 3600_000) },
      ])
      .execute();
    await db
      .insertInto('login_attempts')
      .values([
        { username: 'old', ip: '10.0.0.1', success: false, at: new Date(Date.now() - 31 * 86400_000) },
        { username: 'recent', ip: '10.0.0.1', success: false, at: new Date(Date.now() - 29 * 86400_000) },
      ])
      .execute();

    // the first tick creates the schedules an hour ahead; nothing is due yet
    await t.platform.jobs.runDue();
    const schedules = await db.selectFrom('job_schedules').selectAll().where('name', 'in', Object.values(HOUSEKEEPING_JOBS)).execute();
    expect(schedules).toHaveLength(2);
    for (const s of schedules) expect((new Date(s.next_run_at).getTime() - Date.now()) / 1000).toBeGreaterThan(3500);
    expect(await db.selectFrom('sessions').select('id').where('id', '=', 'expired-session').executeTakeFirst()).toBeDefined();

    await sql`update job_schedules set next_run_at = now() - interval '1 second' where name like 'housekeeping.%'`.execute(db);
    await t.platform.jobs.runDue();

    const sessions = (await db.selectFrom('sessions').select('id').where('id', 'in', ['expired-session', 'live-session']).execute()).map((r) => r.id);
    expect(sessions).toEqual(['live-session']);
    const attempts = (await db.selectFrom('login_attempts').select('username').where('username', 'in', ['old', 'recent']).execute()).map((r) => r.username);
    expect(attempts).toEqual(['recent']);
    const jobs = await db.selectFrom('jobs').select(['name', 'status']).where('name', 'like', 'housekeeping.%').orderBy('name').execute();
    expect(jobs).toEqual([
      { name: HOUSEKEEPING_JOBS.loginAttempts, status: 'done' },
      { name: HOUSEKEEPING_JOBS.sessions, status: 'done' },
    ]);
  });
});

describe('GET /api/jobs', () => {
  it('lists jobs newest first for job:read, filtered by status', async () => {
    const db = t.database.db;
    await t.platform.jobs.enqueue(db, 'report.rebuild', {}, { runAt: new Date(Date.now() + 3600_000) });
    const admin = await t.login('admin');
    const all = await admin.get('/api/jobs');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(all.body.items[0]).toMatchObject({ name: 'report.rebuild', status: 'queued', attempts: 0, maxAttempts: 5, lastError: null, finishedAt: null });
    expect(typeof all.body.items[0].runAt).toBe('string');
    const ids = all.body.items.map((j: { id: number }) => j.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const done = await admin.get('/api/jobs?status=done&pageSize=1');
    expect(done.status).toBe(200);
    expect(done.body.items).toHaveLength(1);
    expect(done.body.items[0].status).toBe('done');
    expect(done.body.items[0].finishedAt).toBeTruthy();
    expect(done.body.total).toBe(2);
  });

  it('refuses users without job:read and rejects an unknown status', async () => {
    const gm = await t.login('gm');
    expect((await gm.get('/api/jobs')).status).toBe(403);
    const admin = await t.login('admin');
    const bad = await admin.get('/api/jobs?status=exploded');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('status');
  });
});
