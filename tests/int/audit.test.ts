import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let userId: number;
let updatedAt: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  userId = t.org.users.spec_a2;
  const user = await admin.get(`/api/users/${userId}`);
  const r = await admin.patch(`/api/users/${userId}`, { name: '吴专员（外勤）', email: 'wu@example.test', version: user.body.version });
  expect(r.status).toBe(200);
  updatedAt = new Date().toISOString();
});
afterAll(async () => t?.close());

type Entry = { id: number; action: string; entity: string; entityId: string; actorId: number | null; actorName: string | null; diff: Record<string, unknown>; at: string; ip: string | null };

describe('GET /api/audit', () => {
  it('shows a user update with its before/after diff and the actor name', async () => {
    const r = await admin.get(`/api/audit?entity=user&entityId=${userId}`);
    expect(r.status).toBe(200);
    const update = (r.body.items as Entry[]).find((e) => e.action === 'update');
    expect(update).toMatchObject({
      entity: 'user',
      entityId: String(userId),
      actorId: t.org.users.admin,
      actorName: '管理员',
      diff: { name: ['吴专员', '吴专员（外勤）'], email: ['spec_a2@example.test', 'wu@example.test'] },
    });
    expect(update!.diff).not.toHaveProperty('version');
    expect(typeof update!.at).toBe('string');
  });

  it('filters by actor, action, text and time, newest first', async () => {
    const byActor = await admin.get(`/api/audit?actorId=${t.org.users.admin}&action=update`);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect((byActor.body.items as Entry[]).every((e) => e.actorId === t.org.users.admin && e.action === 'update')).toBe(true);

    const byText = await admin.get(`/api/audit?q=${userId}&entity=user`);
    expect((byText.body.items as Entry[]).some((e) => e.entityId === String(userId) && e.action === 'update')).toBe(true);
    const byActionText = await admin.get('/api/audit?q=upd');
    expect((byActionText.body.items as Entry[]).every((e) => e.action.includes('upd') || e.entityId.includes('upd'))).toBe(true);
    expect(byActionText.body.total).toBeGreaterThan(0);

    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await admin.get(`/api/audit?from=${encodeURIComponent(future)}`)).body.total).toBe(0);
    const past = new Date(Date.parse(updatedAt) - 3600_000).toISOString();
    const window = await admin.get(`/api/audit?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}&entity=user`);
    expect(window.body.total).toBeGreaterThan(0);

    // a second change, then newest first
    const user = await admin.get(`/api/users/${userId}`);
    await admin.patch(`/api/users/${userId}`, { phone: '13800138000', version: user.body.version });
    const all = await admin.get('/api/audit?pageSize=200');
    const ids = (all.body.items as Entry[]).map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((all.body.items as Entry[])[0]).toMatchObject({ entity: 'user', entityId: String(userId), diff: { phone: [null, '13800138000'] } });
  });

  it('names a malformed filter', async () => {
    const bad = await admin.get('/api/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('from');
    expect((await admin.get('/api/audit?sort=entity')).status).toBe(400);
    expect((await admin.get('/api/audit?actorId=abc')).status).toBe(400);
  });
});

describe('GET /api/audit/:entity/:entityId', () => {
  it("returns one record's history, newest first", async () => {
    const r = await admin.get(`/api/audit/user/${userId}`);
    expect(r.status).toBe(200);
    const entries = r.body.items as Entry[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e) => e.entity === 'user' && e.entityId === String(userId))).toBe(true);
    expect(entries[0].diff).toMatchObject({ phone: [null, '13800138000'] });
    expect(entries[1].diff).toMatchObject({ name: ['吴专员', '吴专员（外勤）'] });
    expect((await admin.get('/api/audit/user/999999')).body.items).toEqual([]);
  });
});

describe('permissions', () => {
  it('lets the general manager read the trail and refuses a specialist', async () => {
    const gm = await t.login('gm');
    expect((await gm.get(`/api/audit/user/${userId}`)).body.items.length).toBeGreaterThan(0);
    const spec = await t.login('spec_a1');
    const list = await spec.get('/api/audit');
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('FORBIDDEN');
    expect((await spec.get(`/api/audit/user/${userId}`)).status).toBe(403);
  });
});

describe('data scope', () => {
  it('a reader with team scope sees what people of their unit did, not the rest', async () => {
    const role = await admin.post('/api/roles', { code: 'team_auditor', name: '组内审计', dataScope: 'team', permissions: ['audit:read', 'org:read'] });
    expect(role.status).toBe(200);
    const managerB = t.org.users.manager_b;
    const user = await admin.get(`/api/users/${managerB}`);
    expect((await admin.patch(`/api/users/${managerB}`, { roleIds: [...user.body.roleIds, role.body.id], version: user.body.version })).status).toBe(200);

    const teamB = await t.login('spec_b1');
    const own = await teamB.post('/api/tasks', { title: '组内的待办' });
    const teamA = await t.login('spec_a1');
    const other = await teamA.post('/api/tasks', { title: '别组的待办' });

    const reader = await t.login('manager_b');
    const seen = (await reader.get('/api/audit?entity=task&pageSize=200')).body.items as Entry[];
    expect(seen.map((e) => e.entityId)).toContain(String(own.body.id));
    expect(seen.map((e) => e.entityId)).not.toContain(String(other.body.id));
    expect((await reader.get(`/api/audit/user/${userId}`)).body.items).toEqual([]);
  });
});

describe('append-only', () => {
  it('the database refuses to update or delete an audit record', async () => {
    const db = t.database.db;
    const row = await db.selectFrom('audit_log').select(['id', 'action']).where('entity', '=', 'user').where('entity_id', '=', String(userId)).executeTakeFirstOrThrow();
    await expect(sql`update audit_log set action = 'tampered' where id = ${row.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(db)).rejects.toThrow(/append-only/);
    const still = await db.selectFrom('audit_log').select('action').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(still.action).toBe(row.action);
  });
});
