import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';

/**
 * Issue 17 item 1: each person arranges their own home page — the widgets in their order, hidden or shown —
 * kept on the server per person, audited; bad layouts are a 400 naming the field and change nothing.
 */
let t: TestApp;
let spec: Client;
let director: Client;

beforeAll(async () => {
  t = await createTestApp();
  [spec, director] = await Promise.all([t.login('spec_a1'), t.login('director')]);
});
afterAll(async () => t?.close());

const paths = (body: { error: { details: { issues: { path: string }[] } } }) => body.error.details.issues.map((i) => i.path);

describe('a person’s own home layout', () => {
  it('starts as the positions place the widgets, is kept per person, audited, and an empty list restores the default', async () => {
    expect((await spec.get('/api/auth/home-layout')).body).toEqual({ widgets: [], customised: false });
    const layout = { widgets: [{ key: 'todayVisits', hidden: false }, { key: 'notifications', hidden: true }, { key: 'myTasks', hidden: false }] };
    const saved = await spec.put('/api/auth/home-layout', layout);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ ...layout, customised: true });
    // another session of the same person reads it; another person is untouched
    expect((await (await t.login('spec_a1')).get('/api/auth/home-layout')).body).toEqual({ ...layout, customised: true });
    expect((await director.get('/api/auth/home-layout')).body.customised).toBe(false);
    const audit = await t.database.db.selectFrom('audit_log').select(['actor_id']).where('entity', '=', 'user').where('entity_id', '=', String(t.org.users.spec_a1)).where('action', '=', 'home_layout').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(t.org.users.spec_a1);
    const reset = await spec.put('/api/auth/home-layout', { widgets: [] });
    expect(reset.body).toEqual({ widgets: [], customised: false });
    expect((await spec.get('/api/auth/home-layout')).body.customised).toBe(false);
  });

  it('refuses a bad layout with a 400 naming the field and keeps the one saved', async () => {
    const kept = { widgets: [{ key: 'myTasks', hidden: true }] };
    expect((await director.put('/api/auth/home-layout', kept)).status).toBe(200);
    const cases: [unknown, string[]][] = [
      [{ widgets: [{ key: 'myTasks', hidden: false }, { key: 'myTasks', hidden: true }] }, ['widgets.1.key']],
      [{ widgets: [{ key: 'my\u0000Tasks', hidden: false }] }, ['widgets.0.key']],
      [{ widgets: [{ key: 'x'.repeat(49), hidden: false }] }, ['widgets.0.key']],
      [{ widgets: [{ key: '../admin', hidden: false }] }, ['widgets.0.key']],
      [{ widgets: [{ key: 'myTasks', hidden: 'yes' }] }, ['widgets.0.hidden']],
      [{ widgets: Array.from({ length: 61 }, (_, i) => ({ key: `w${i}`, hidden: false })) }, ['widgets']],
      [{ widgets: 'myTasks' }, ['widgets']],
      [{}, ['widgets']],
    ];
    for (const [body, expected] of cases) {
      const r = await director.put('/api/auth/home-layout', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(paths(r.body)).toEqual(expected);
    }
    expect((await director.get('/api/auth/home-layout')).body).toEqual({ ...kept, customised: true });
    expect((await t.anonymous().get('/api/auth/home-layout')).status).toBe(401);
  });
});
