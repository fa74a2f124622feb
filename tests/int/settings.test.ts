import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../support/app';
import { defineSetting } from '../../src/server/platform/settings';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import type { Actor } from '../../src/server/platform/actor';

/** defineSetting (issue 12 item 4): one settings mechanism — versioned, audited, read through its schema. */
let t: TestApp;
let actor: Actor;
beforeAll(async () => {
  t = await createTestApp();
  actor = (await loadActorForUser(t.database.db, t.org.users.admin))!;
});
afterAll(async () => t?.close());

const limit = defineSetting('test.limit', z.object({ max: z.number().int().min(0) }), { max: 5 });

describe('a setting', () => {
  it('reads as its default until saved, then at the version each save moves by one, with an audit record per save', async () => {
    const db = t.database.db;
    expect(await limit.get(db)).toEqual({ value: { max: 5 }, version: 0, updatedAt: null, updatedBy: null });
    expect((await limit.put(db, actor, { max: 7 }, 0)).version).toBe(1);
    const saved = await limit.put(db, actor, { max: 9 }, 1);
    expect(saved).toMatchObject({ value: { max: 9 }, version: 2, updatedBy: actor.userId });
    const audits = await db.selectFrom('audit_log').select(['action', 'diff']).where('entity', '=', 'setting').where('entity_id', '=', 'test.limit').orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(audits[1]!.diff)).toContain('9');
  });

  it('refuses a write at a version it no longer has (409), and without a version the last write wins', async () => {
    const db = t.database.db;
    const at = (await limit.get(db)).version;
    await expect(limit.put(db, actor, { max: 1 }, at - 1)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect((await limit.get(db)).value).toEqual({ max: 9 });
    expect((await limit.put(db, actor, { max: 2 })).version).toBe(at + 1);
  });

  it('two first saves at once: one is created, the other is told it is stale', async () => {
    const fresh = defineSetting('test.race', z.object({ n: z.number() }), { n: 0 });
    const results = await Promise.allSettled([fresh.put(t.database.db, actor, { n: 1 }, 0), fresh.put(t.database.db, actor, { n: 2 }, 0)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'STALE_VERSION' } });
    expect((await fresh.get(t.database.db)).version).toBe(1);
  });

  it('reads a stored value its schema refuses (an older shape, a hand edit) as the default, never as an error', async () => {
    await t.database.db.updateTable('settings').set({ value: JSON.stringify({ max: 'many' }) }).where('key', '=', 'test.limit').execute();
    expect((await limit.get(t.database.db)).value).toEqual({ max: 5 });
  });

  it('the pipeline’s and the gifts’ settings live in it (migrated from their own tables)', async () => {
    const keys = (await t.database.db.selectFrom('settings').select('key').execute()).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['gifts']));
    const admin = await t.login('admin');
    expect((await admin.get('/api/gift-settings')).body).toMatchObject({ recipientYearCap: 200_000, version: 1 });
  });
});
