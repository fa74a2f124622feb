import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthChanged } from '../../src/server/features/health';
import { drainDirty, recomputeAccounts, recomputeAll } from '../../src/server/features/health/health.service';
import type { AccountHealth, AtRiskPage } from '../../src/shared/contracts/health';
import { DEFAULT_HEALTH_SETTINGS } from '../../src/shared/domain/health';
import { call, createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

/**
 * 客户健康度 (issue 15 items 5–6): the score from the department's own records, each measure explained
 * and dropped without data; the group roll-up; the history and the change against a week ago; the
 * at-risk list in scope; the profiles' settings; the recompute after an event through the dirty set.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const db = () => t.database.db;
const tz = () => t.platform.config.BUSINESS_TZ;
const DAY = 86_400_000;

async function account(name: string, owner: number, extra: { tier?: string; grade?: string | null; parentId?: number; createdDaysAgo?: number } = {}) {
  const id = await insertAccount(db(), name, owner);
  await sql`update accounts set lifecycle = 'active', tier = ${extra.tier ?? 'large'}, grade = ${extra.grade ?? 'B'}, quadrant = 'dog', parent_id = ${extra.parentId ?? null},
    created_at = now() - make_interval(days => ${extra.createdDaysAgo ?? 400}) where id = ${id}`.execute(db());
  return id;
}
async function visit(accountId: number, owner: number, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  await sql`insert into visits (account_id, owner_id, unit_id, status, planned_at, checked_in_at, recorded_at, purpose, method)
    select ${accountId}, u.id, u.unit_id, 'recorded', ${at}, ${at}, ${at}, 'relationship', 'onsite' from users u where u.id = ${owner}`.execute(db());
}
async function revenue(accountId: number, year: number, yuan: number) {
  await sql`insert into account_revenue (account_id, year, source, amount) values (${accountId}, ${year}, 'manual', ${yuan * 100})
    on conflict (account_id, year, source) do update set amount = excluded.amount`.execute(db());
}
async function keyPerson(accountId: number, o: { left?: boolean; leaning?: string } = {}) {
  await db()
    .insertInto('contacts')
    .values({ account_id: accountId, name: `关键人${Math.random().toString(36).slice(2, 7)}`, is_key_person: true, status: o.left ? 'left' : 'active', left_at: o.left ? new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10) : null, competitor_leaning: o.leaning ?? null })
    .execute();
}
const health = async (who: Client, id: number) => {
  const r = await who.get(`/api/accounts/${id}/health`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as AccountHealth;
};

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1', 'finance']) c[name] = await t.login(name);
});
afterAll(async () => t?.close());

describe('an account’s health', () => {
  let fresh: number;
  let neglected: number;
  it('scores a well-kept account green and a neglected one red, each measure with its raw value, score, weight and contribution', async () => {
    const year = new Date().getUTCFullYear();
    fresh = await account('健康度良好客户有限公司', u().manager_a!);
    await visit(fresh, u().manager_a!, 5);
    await revenue(fresh, year - 1, 1_000_000);
    await revenue(fresh, year, 1_100_000);
    await keyPerson(fresh);
    neglected = await account('健康度预警客户有限公司', u().manager_a!);
    await visit(neglected, u().manager_a!, 200);
    await revenue(neglected, year - 1, 2_000_000);
    await revenue(neglected, year, 600_000);
    await keyPerson(neglected, { left: true });
    await keyPerson(neglected, { leaning: '竞争对手甲' });
    await recomputeAccounts(db(), [fresh, neglected], tz());

    const good = await health(c.manager_a!, fresh);
    expect(good.band).toBe('green');
    expect(good.score).toBeGreaterThanOrEqual(70);
    // no contracts, no survey, no open project: those measures are dropped and the rest renormalised
    expect(good.dropped).toEqual(expect.arrayContaining(['overdue', 'satisfaction', 'stalled_development']));
    expect(good.measures.reduce((s, m) => s + m.weight, 0)).toBeCloseTo(1, 3);

    const bad = await health(c.manager_a!, neglected);
    expect(bad.band).toBe('red');
    const gap = bad.measures.find((m) => m.measure === 'visit_gap')!;
    // a large account of grade B: the policy asks for a visit every 30 days
    expect(gap.detail).toMatchObject({ days: 200, policyDays: 30 });
    expect(gap.score).toBe(0);
    expect(bad.measures.find((m) => m.measure === 'key_contact_left')!.raw).toBe(1);
    expect(bad.measures.find((m) => m.measure === 'competitor_leaning')!.raw).toBe(1);
    expect(bad.drivers[0]!.measure).toBe('visit_gap');
    expect(bad.drivers.length).toBeGreaterThan(1);
    // the score is the sum of the contributions
    expect(Math.round(bad.measures.reduce((s, m) => s + m.contribution, 0))).toBe(bad.score);
  });

  it('answers 404 outside the caller’s scope and for an unknown account; before a recompute the score is null', async () => {
    expect((await c.manager_b!.get(`/api/accounts/${neglected}/health`)).status).toBe(404);
    expect((await c.manager_a!.get('/api/accounts/99999999/health')).status).toBe(404);
    expect((await c.manager_a!.get('/api/accounts/abc/health')).status).toBe(400);
    const none = await account('尚未计算健康度客户', u().manager_a!);
    expect(await health(c.manager_a!, none)).toMatchObject({ score: null, band: null, measures: [], history: [] });
  });

  it('keeps a history row only when something moved, and says what changed against a week ago', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from account_health_history where account_id = ${neglected}`.execute(db())).rows[0]!.n;
    await recomputeAccounts(db(), [neglected], tz());
    const same = (await sql<{ n: number }>`select count(*)::int as n from account_health_history where account_id = ${neglected}`.execute(db())).rows[0]!.n;
    expect(same).toBe(before);
    // a week later, after a visit: the visit gap recovers and the change says so
    await sql`update account_health_history set at = at - interval '8 days' where account_id = ${neglected}`.execute(db());
    await visit(neglected, u().manager_a!, 1);
    await recomputeAccounts(db(), [neglected], tz());
    const h = await health(c.manager_a!, neglected);
    expect(h.lastWeek).not.toBeNull();
    const change = h.lastWeek!.changes.find((x) => x.measure === 'visit_gap');
    expect(change).toMatchObject({ from: 0, to: 100 });
    expect(h.score!).toBeGreaterThan(h.lastWeek!.score!);
    expect(h.history.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the recompute', () => {
  it('rolls a group’s health up from itself and its subsidiaries by revenue', async () => {
    const year = new Date().getUTCFullYear();
    const group = await account('健康度集团总部', u().manager_a!);
    const big = await account('健康度集团子公司甲', u().manager_a!, { parentId: group });
    const small = await account('健康度集团子公司乙', u().manager_a!, { parentId: group });
    await revenue(group, year, 100_000);
    await revenue(big, year, 900_000);
    await revenue(small, year, 100_000);
    await visit(big, u().manager_a!, 3);
    await recomputeAccounts(db(), [group, big, small], tz());
    const rows = await db().selectFrom('account_health').select(['account_id', 'score', 'revenue', 'group_score']).where('account_id', 'in', [group, big, small]).execute();
    const by = new Map(rows.map((r) => [r.account_id, r]));
    const expected = Math.round((by.get(group)!.score! * 100_000 + by.get(big)!.score! * 900_000 + by.get(small)!.score! * 100_000) / 1_100_000);
    expect(by.get(group)!.group_score).toBe(expected);
    expect(by.get(big)!.group_score).toBeNull();
    expect((await health(c.manager_a!, group)).groupScore).toBe(expected);
  });

  it('after an event: the account is marked and the drain recomputes it once, however often it was marked', async () => {
    const id = await account('健康度事件客户有限公司', u().manager_a!);
    await recomputeAccounts(db(), [id], tz());
    const first = await health(c.manager_a!, id);
    await db().transaction().execute(async (trx) => {
      await healthChanged(trx, [id, id]);
      await healthChanged(trx, [id]);
    });
    expect((await db().selectFrom('account_health_dirty').select('account_id').where('account_id', '=', id).execute()).length).toBe(1);
    // the event queued the drain
    expect(await db().selectFrom('jobs').select('id').where('name', '=', 'health.dirty').where('status', '=', 'queued').executeTakeFirst()).toBeDefined();
    await visit(id, u().manager_a!, 0);
    const r = await drainDirty(db(), tz());
    expect(r.accounts).toBeGreaterThanOrEqual(1);
    expect((await db().selectFrom('account_health_dirty').select('account_id').where('account_id', '=', id).execute()).length).toBe(0);
    const after = await health(c.manager_a!, id);
    expect(after.measures.find((m) => m.measure === 'visit_gap')!.detail!.days).toBe(0);
    expect(after.computedAt! >= first.computedAt!).toBe(true);
  });

  it('a complaint through the API marks its account: open complaints count', async () => {
    const id = await account('健康度投诉客户有限公司', u().manager_a!);
    await recomputeAccounts(db(), [id], tz());
    const r = await c.manager_a!.post('/api/tickets', { accountId: id, kind: 'complaint', severity: 'high', channel: 'phone', title: '服务响应慢', description: '客户投诉服务响应慢' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await db().selectFrom('account_health_dirty').select('account_id').where('account_id', '=', id).executeTakeFirst()).toBeDefined();
    await drainDirty(db(), tz());
    const h = await health(c.manager_a!, id);
    expect(h.measures.find((m) => m.measure === 'complaints')).toMatchObject({ raw: 1, detail: { open: 1, breached: 0 } });
  });

  it('every account at once, set-based', async () => {
    const r = await recomputeAll(db(), tz());
    const n = Number((await db().selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(r.accounts).toBe(n);
    expect(Number((await db().selectFrom('account_health').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(n);
  });
});

describe('the at-risk list', () => {
  it('lists the red accounts in the caller’s scope by revenue at risk, with their drivers and the band counts', async () => {
    const year = new Date().getUTCFullYear();
    for (const [name, yuan] of [['健康度红色客户甲', 3_000_000], ['健康度红色客户乙', 5_000_000]] as const) {
      const id = await account(name, u().manager_a!, { createdDaysAgo: 300 });
      await revenue(id, year - 1, yuan);
      await revenue(id, year, yuan / 5);
      await keyPerson(id, { left: true });
      await keyPerson(id, { leaning: '竞争对手乙' });
      await recomputeAccounts(db(), [id], tz());
    }
    const mine = (await c.manager_a!.get('/api/health/at-risk')).body as AtRiskPage;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.band === 'red')).toBe(true);
    const revenues = mine.items.map((i) => i.revenue);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(mine.items[0]!.drivers.length).toBeGreaterThan(0);
    expect(mine.bands.red).toBe(mine.total);
    // manager_b sees none of manager_a's accounts
    const theirs = (await c.manager_b!.get('/api/health/at-risk?band=red,yellow')).body as AtRiskPage;
    expect(theirs.items.some((i) => mine.items.some((m) => m.accountId === i.accountId))).toBe(false);
    // the director sees them
    const director = (await c.director!.get('/api/health/at-risk?sort=score')).body as AtRiskPage;
    expect(director.total).toBeGreaterThanOrEqual(mine.total);
    const scores = director.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    // the list's scope follows an account handed to another owner at once, before any recompute
    const moved = mine.items[0]!.accountId;
    const other = await db().selectFrom('users').select(['id', 'unit_id']).where('id', '=', u().manager_b!).executeTakeFirstOrThrow();
    await db().updateTable('accounts').set({ owner_id: other.id, unit_id: other.unit_id }).where('id', '=', moved).execute();
    const mineNow = (await c.manager_a!.get('/api/health/at-risk')).body as AtRiskPage;
    const theirsNow = (await c.manager_b!.get('/api/health/at-risk')).body as AtRiskPage;
    expect(mineNow.items.map((i) => i.accountId)).not.toContain(moved);
    expect(mineNow.total).toBe(mine.total - 1);
    expect(theirsNow.items.map((i) => i.accountId)).toContain(moved);
    expect(theirsNow.items.find((i) => i.accountId === moved)?.owner?.id).toBe(other.id);
  });

  it('refuses bad filters by field and finance, who has no health:read', async () => {
    for (const q of ['band=purple', 'sort=name', 'pageSize=1000', 'page=0', 'band=', `band=${'red,'.repeat(20)}`]) {
      const r = await c.director!.get(`/api/health/at-risk?${q}`);
      expect(r.status, q).toBe(400);
    }
    expect((await c.finance!.get('/api/health/at-risk')).status).toBe(403);
  });
});

describe('the settings', () => {
  it('are read by anyone with health:read and saved by the director with the version; a bad profile is refused by field; a save queues the recompute', async () => {
    const view = (await c.manager_a!.get('/api/health/settings')).body as { settings: typeof DEFAULT_HEALTH_SETTINGS; version: number };
    expect(view.settings).toEqual(DEFAULT_HEALTH_SETTINGS);
    expect((await c.manager_a!.put('/api/health/settings', { ...view.settings, version: view.version })).status).toBe(403);
    const wrong = structuredClone(view.settings);
    wrong.profiles.heavy.satisfaction = { weight: 10, good: 50, bad: 90 };
    const bad = await c.director!.put('/api/health/settings', { ...wrong, version: view.version });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('profiles.heavy.satisfaction.bad');
    const badType = await c.director!.put('/api/health/settings', { ...view.settings, bands: { green: 'x', yellow: 50 }, version: view.version });
    expect(badType.status).toBe(400);
    const next = structuredClone(view.settings);
    next.bands = { green: 75, yellow: 55 };
    const ok = await c.director!.put('/api/health/settings', { ...next, version: view.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await c.director!.put('/api/health/settings', { ...next, version: view.version })).status).toBe(409);
    expect(await db().selectFrom('jobs').select('id').where('name', '=', 'health.recompute').where('status', '=', 'queued').executeTakeFirst()).toBeDefined();
  });

  it('runs the full recompute now: 20 requests at once queue one run', async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, () => c.director!.post('/api/health/recompute')));
    expect(rs.every((r) => r.status === 202)).toBe(true);
    expect(new Set(rs.map((r) => (r.body as { id: number }).id)).size).toBe(1);
    expect((await c.manager_a!.post('/api/health/recompute')).status).toBe(403);
    const latest = await c.director!.get('/api/health/recompute');
    expect(latest.status).toBe(200);
  });
});

// a call without a session is refused
it('is not public', async () => {
  expect((await call(t.app, { method: 'GET', url: '/api/health/at-risk' })).status).toBe(401);
});
