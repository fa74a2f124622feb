import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { ACCOUNTS_RECOMPUTE_JOB } from '../../src/server/features/accounts/accounts.routes';
import { businessYear } from '../../src/server/features/accounts/accounts.derived.service';

let t: TestApp;
const c: Record<string, Client> = {};
let Y: number;
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'director', 'spec_a1', 'spec_a2', 'spec_b1']) c[u] = await t.login(u);
  Y = businessYear(t.platform.config.BUSINESS_TZ);
});
afterAll(async () => t?.close());

type Body = Record<string, any>;
const yuan = (n: number) => n * 100;
async function create(who: string, body: Record<string, unknown>) {
  const r = await c[who].post('/api/accounts', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Body;
}
const detail = async (who: string, id: number) => (await c[who].get(`/api/accounts/${id}`)).body as Body;
const quadrant = async (who: string, id: number) => (await c[who].get(`/api/accounts/${id}/quadrant`)).body as Body;
const changes = async (who: string, id: number) => (await c[who].get(`/api/accounts/${id}/changes`)).body.items as Body[];
async function revenue(who: string, id: number, rows: { year: number; amount: number }[]) {
  const r = await c[who].put(`/api/accounts/${id}/revenue`, { rows: rows.map((x) => ({ ...x, source: 'import' })), version: (await detail(who, id)).version });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
async function runRecompute() {
  await t.platform.jobs.enqueue(t.database.db, ACCOUNTS_RECOMPUTE_JOB, {});
  await t.platform.jobs.runDue();
}

describe('portfolio quadrant (ACC-4)', () => {
  let id: number;
  beforeAll(async () => {
    // big and leading: attractive; we start with nothing there
    id = (await create('spec_a1', { name: '长江航运集团', annualSales: yuan(1_200_000_000), registeredCapital: yuan(400_000_000), employees: 5000, industryPosition: 'leading' })).id;
  });

  it('an attractive account where we have no position yet is a question mark, and the breakdown says why', async () => {
    const q = await quadrant('spec_a1', id);
    // attractiveness: size 100·30, tier smb 30·20, position 100·20, no category 20·15; trend unknown → 5900/85 = 69
    // strength: revenue 0·35, coverage 35·20, no decision maker 0·30, prospect 10·15 → 8.5 → 9
    expect(q).toMatchObject({ accountId: id, quadrant: 'question', computed: 'question', override: null, attractiveness: 69, strength: 9, split: { attractiveness: 50, strength: 50 } });
    expect(q.factors.find((f: Body) => f.factor === 'trend')).toMatchObject({ axis: 'attractiveness', score: null, weight: 15 });
    expect(q.factors.find((f: Body) => f.factor === 'coverage')).toMatchObject({ axis: 'strength', score: 35, basis: { score: 35 } });
    // seed 004: 问题类 — 提供高质量的拜访
    expect(q.policy).toEqual({ visitIntervalDays: 14, serviceLevel: 'high', guidance: '' });
    expect((await detail('spec_a1', id)).quadrant).toBe('question');
  });

  it('revenue and a decision maker on our side make it a star; each change is in the history with its reason', async () => {
    // the tier window's three complete years (the running year does not count by default)
    await revenue('spec_a1', id, [
      { year: Y - 3, amount: yuan(50_000) },
      { year: Y - 2, amount: yuan(200_000) },
      { year: Y - 1, amount: yuan(250_000) },
    ]);
    let q = await quadrant('spec_a1', id);
    // revenue 500k of 1M → 50; the automatic move made it active (80); trend +25 % → 100
    expect(q).toMatchObject({ quadrant: 'question', attractiveness: 74, strength: 37 });
    const ally = await c.spec_a1.post('/api/contacts', { accountId: id, name: '航运总裁', buyingRole: 'decision_maker', keyRoles: ['insider'], layer: 'decision', closeness: 4, stage: 'ally', support: 2, lastContactAt: new Date().toISOString() });
    expect(ally.status).toBe(200);
    q = await quadrant('spec_a1', id);
    // coverage 85 (single-threaded), decision makers 100 → (1750 + 1700 + 3000 + 1200) / 100 = 76.5 → 77
    expect(q).toMatchObject({ quadrant: 'star', computed: 'star', strength: 77 });
    expect(q.factors.find((f: Body) => f.factor === 'decisionMakers')).toMatchObject({ score: 100, basis: { count: 1 } });
    expect(q.policy).toMatchObject({ visitIntervalDays: 14, serviceLevel: 'premium' });
    const h = (await changes('spec_a1', id)).filter((x) => x.field === 'quadrant');
    expect(h[0]).toMatchObject({ from: 'question', to: 'star', reasonKey: 'contactChange', reason: 'contact change', actorId: t.org.users.spec_a1 });
  });

  it('the director overrides with a reason; the override survives recomputes until cleared', async () => {
    const v = (await detail('spec_a1', id)).version;
    expect((await c.spec_a1.post(`/api/accounts/${id}/quadrant`, { quadrant: 'dog', reason: '想降级', version: v })).status).toBe(403);
    expect((await c.spec_b1.post(`/api/accounts/${id}/quadrant`, { quadrant: 'dog', reason: 'x', version: v })).status).toBe(403);
    expect((await c.director.post(`/api/accounts/${id}/quadrant`, { quadrant: 'cash_cow', reason: '', version: v })).status).toBe(400);
    const set = await c.director.post(`/api/accounts/${id}/quadrant`, { quadrant: 'cash_cow', reason: '集团明年起集中采购，增量有限', version: v });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ quadrant: 'cash_cow', computed: 'star', override: { quadrant: 'cash_cow', reason: '集团明年起集中采购，增量有限', byId: t.org.users.director, byName: expect.any(String) } });
    expect(set.body.policy).toMatchObject({ visitIntervalDays: 30, serviceLevel: 'standard' });
    expect((await c.director.post(`/api/accounts/${id}/quadrant`, { quadrant: 'dog', reason: '旧版本', version: v })).status).toBe(409);

    await runRecompute();
    const contact = (await c.spec_a1.get(`/api/accounts/${id}/contacts`)).body.items[0];
    await c.spec_a1.patch(`/api/contacts/${contact.id}`, { title: '总裁', version: contact.version });
    const kept = await quadrant('spec_a1', id);
    expect(kept).toMatchObject({ quadrant: 'cash_cow', computed: 'star' });
    expect((await c.director.get('/api/accounts?quadrant=cash_cow')).body.items.map((i: Body) => i.id)).toEqual([id]);

    const clear = await c.director.post(`/api/accounts/${id}/quadrant`, { quadrant: null, reason: '恢复按规则计算', version: kept.version });
    expect(clear.body).toMatchObject({ quadrant: 'star', override: null });
    expect((await c.director.post(`/api/accounts/${id}/quadrant`, { quadrant: null, reason: '再清一次', version: clear.body.version })).status).toBe(400);
    const h = (await changes('director', id)).filter((x) => x.field === 'quadrant');
    expect(h.slice(0, 2)).toMatchObject([
      { from: 'cash_cow', to: 'star', reason: '恢复按规则计算', reasonKey: null, actorId: t.org.users.director },
      { from: 'star', to: 'cash_cow', reason: '集团明年起集中采购，增量有限', reasonKey: null },
    ]);
  });

  it('admins move the split and the policies; the queued recompute records the settings change', async () => {
    const s = (await c.admin.get('/api/account-settings')).body;
    expect(s.quadrant.split).toEqual({ attractiveness: 50, strength: 50 });
    expect(s.lifecycle).toEqual({ autoActivate: true });
    const bad = await c.admin.put('/api/account-settings', { ...s, quadrant: { ...s.quadrant, strengthWeights: { revenue: 0, coverage: 0, decisionMakers: 0, lifecycle: 0 } } });
    expect(bad.status).toBe(400);
    const policies = { ...s.quadrant.policies, cash_cow: { visitIntervalDays: 21, serviceLevel: 'high', guidance: '每月由总监陪访一次' } };
    const put = await c.admin.put('/api/account-settings', { ...s, quadrant: { ...s.quadrant, split: { attractiveness: 80, strength: 50 }, policies } });
    expect(put.status).toBe(200);
    // leaving quadrant and lifecycle out keeps them
    const again = await c.admin.put('/api/account-settings', { classification: s.classification, completeness: s.completeness });
    expect(again.body.quadrant.split).toEqual({ attractiveness: 80, strength: 50 });
    await t.platform.jobs.runDue();
    const q = await quadrant('spec_a1', id);
    // attractiveness 74 is below the new split of 80: still strong there, so a cash cow
    expect(q).toMatchObject({ quadrant: 'cash_cow', split: { attractiveness: 80, strength: 50 }, policy: { visitIntervalDays: 21, serviceLevel: 'high', guidance: '每月由总监陪访一次' } });
    expect((await changes('spec_a1', id)).find((x) => x.field === 'quadrant')).toMatchObject({ from: 'star', to: 'cash_cow', reasonKey: 'settingsChange', actorId: null });
    await c.admin.put('/api/account-settings', s);
    await t.platform.jobs.runDue();
    expect((await quadrant('spec_a1', id)).quadrant).toBe('star');
  });

  it('the list filters and sorts by quadrant, and counts per quadrant follow the other filters', async () => {
    const small = (await create('spec_a2', { name: '小型贸易商行', industryPosition: 'trailing' })).id;
    const dist = (await c.director.get('/api/accounts/quadrants')).body;
    expect(dist).toEqual({ counts: { star: 1, question: 0, cash_cow: 0, dog: 1 }, total: 2 });
    expect((await c.director.get(`/api/accounts/quadrants?ownerId=${t.org.users.spec_a2}&quadrant=star`)).body).toEqual({ counts: { star: 0, question: 0, cash_cow: 0, dog: 1 }, total: 1 });
    expect((await c.spec_b1.get('/api/accounts/quadrants')).body.total).toBe(0);
    const sorted = (await c.director.get('/api/accounts?sort=quadrant')).body.items.map((i: Body) => i.id);
    expect(sorted).toEqual([id, small]);
    expect((await c.director.get('/api/accounts?sort=-quadrant')).body.items.map((i: Body) => i.id)).toEqual([small, id]);
    expect((await c.director.get('/api/accounts?quadrant=dog')).body.items.map((i: Body) => i.quadrant)).toEqual(['dog']);
    expect((await c.director.get('/api/accounts?quadrant=gold')).status).toBe(400);
  });
});

describe('automatic lifecycle moves (ACC-5)', () => {
  it('revenue for the current or previous business year moves a prospect or developing account to active', async () => {
    const a = await create('spec_b1', { name: '昆山电子厂', lifecycle: 'developing' });
    await revenue('spec_b1', a.id, [{ year: Y - 2, amount: yuan(10_000) }]);
    expect((await detail('spec_b1', a.id)).lifecycle).toBe('developing');
    await revenue('spec_b1', a.id, [{ year: Y - 2, amount: yuan(10_000) }, { year: Y - 1, amount: yuan(20_000) }]);
    const d = await detail('spec_b1', a.id);
    expect(d.lifecycle).toBe('active');
    // derived, so an open editor does not become stale
    expect(d.version).toBe(a.version + 2);
    expect((await changes('spec_b1', a.id)).find((x) => x.field === 'lifecycle')).toMatchObject({ from: 'developing', to: 'active', reasonKey: 'autoActivate' });
  });

  it('the nightly recompute moves accounts whose revenue arrived behind the API', async () => {
    const a = await create('spec_b1', { name: '常熟纺织' });
    await t.database.db.insertInto('account_revenue').values({ account_id: a.id, year: Y, source: 'import', amount: yuan(5_000) }).execute();
    expect((await detail('spec_b1', a.id)).lifecycle).toBe('prospect');
    await runRecompute();
    expect((await detail('spec_b1', a.id)).lifecycle).toBe('active');
    expect((await changes('spec_b1', a.id)).find((x) => x.field === 'lifecycle')).toMatchObject({ from: 'prospect', to: 'active', reasonKey: 'autoActivate', actorId: null });
  });

  it('an account back from lost is not moved by revenue from before its new start', async () => {
    const a = await create('spec_b1', { name: '张家港化工' });
    await revenue('spec_b1', a.id, [{ year: Y - 1, amount: yuan(30_000) }]);
    let d = await detail('spec_b1', a.id);
    expect(d.lifecycle).toBe('active');
    d = (await c.spec_b1.post(`/api/accounts/${a.id}/lifecycle`, { to: 'lost', reason: '招标失利', version: d.version })).body;
    d = (await c.spec_b1.post(`/api/accounts/${a.id}/lifecycle`, { to: 'prospect', reason: '新领导上任，重新接触', version: d.version })).body;
    expect(d.lifecycle).toBe('prospect');
    await revenue('spec_b1', a.id, [{ year: Y - 1, amount: yuan(30_000) }, { year: Y, amount: yuan(1_000) }]);
    await runRecompute();
    expect((await detail('spec_b1', a.id)).lifecycle).toBe('prospect');
  });

  it('admins can turn the automatic move off', async () => {
    const s = (await c.admin.get('/api/account-settings')).body;
    await c.admin.put('/api/account-settings', { ...s, lifecycle: { autoActivate: false } });
    await t.platform.jobs.runDue();
    const a = await create('spec_b1', { name: '太仓物流' });
    await revenue('spec_b1', a.id, [{ year: Y, amount: yuan(1_000) }]);
    expect((await detail('spec_b1', a.id)).lifecycle).toBe('prospect');
    await c.admin.put('/api/account-settings', s);
    await t.platform.jobs.runDue();
    expect((await detail('spec_b1', a.id)).lifecycle).toBe('active');
  });
});

describe('department completeness rate (ACC-3 KPI)', () => {
  it('counts complete accounts against the threshold, per owner, with the most-missing fields', async () => {
    const s = (await c.admin.get('/api/account-settings')).body;
    const only = Object.fromEntries(Object.keys(s.completeness.weights).map((f) => [f, 0]));
    const put = await c.admin.put('/api/account-settings', { ...s, completeness: { weights: { ...only, name: 40, phone: 30, industry: 30 }, completeThreshold: 70 } });
    expect(put.body.completeness.completeThreshold).toBe(70);
    // known accounts: manager_a's score 100 and 40, the director's 70 and 70
    const manager = t.org.users.manager_a;
    const director = t.org.users.director;
    await create('director', { name: '完整率甲', phone: '0512-1', industry: '物流', ownerId: manager });
    await create('director', { name: '完整率乙', ownerId: manager });
    await create('director', { name: '完整率丙', phone: '0512-2' });
    await create('director', { name: '完整率丁', industry: '港口' });
    await t.platform.jobs.runDue();

    const m = (await c.director.get(`/api/accounts/completeness?ownerId=${manager}`)).body;
    expect(m).toEqual({
      accounts: 2,
      average: 70,
      complete: 1,
      rate: 50,
      threshold: 70,
      byOwner: [{ ownerId: manager, ownerName: expect.any(String), accounts: 2, average: 70, complete: 1, rate: 50 }],
      // a tie in count and weight keeps the profile's field order
      missing: [
        { field: 'industry', weight: 30, accounts: 1 },
        { field: 'phone', weight: 30, accounts: 1 },
      ],
    });
    const d = (await c.director.get(`/api/accounts/completeness?ownerId=${director}`)).body;
    expect(d).toMatchObject({ accounts: 2, average: 70, complete: 2, rate: 100 });

    // the whole department: the totals are the owners' sums, and nobody sees beyond their scope
    const all = (await c.director.get('/api/accounts/completeness')).body;
    expect(all.byOwner).toEqual(expect.arrayContaining([expect.objectContaining({ ownerId: manager, accounts: 2, complete: 1 }), expect.objectContaining({ ownerId: director, accounts: 2, complete: 2 })]));
    expect(all.accounts).toBe(all.byOwner.reduce((n: number, o: Body) => n + o.accounts, 0));
    expect(all.complete).toBe(all.byOwner.reduce((n: number, o: Body) => n + o.complete, 0));
    expect(all.rate).toBe(Math.round((all.complete * 1000) / all.accounts) / 10);
    const own = (await c.spec_a1.get('/api/accounts/completeness')).body;
    expect(own.byOwner.map((o: Body) => o.ownerId)).toEqual([t.org.users.spec_a1]);
    expect((await c.spec_a1.get(`/api/accounts/completeness?ownerId=${manager}`)).body.accounts).toBe(0);
    await c.admin.put('/api/account-settings', s);
    await t.platform.jobs.runDue();
  });
});
