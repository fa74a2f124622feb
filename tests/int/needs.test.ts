import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'director', 'manager_a', 'spec_a1', 'spec_a2', 'spec_b1', 'finance']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

type Body = Record<string, any>;
const paths = (r: { body: Body }) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
async function account(who: string, name: string) {
  const r = await c[who].post('/api/accounts', { name });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as number;
}
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('needs analysis (ACC-8, 大客户需求分析表)', () => {
  let acc: number;
  beforeAll(async () => {
    acc = await account('spec_a1', '江南会健康管理有限公司');
  });

  it('records a need with quantity, region and price range and lists it', async () => {
    const r = await c.spec_a1.post(`/api/accounts/${acc}/needs`, {
      productType: '高端体检套餐',
      quantity: 120.5,
      unit: '人次',
      region: '南京市区',
      priceMin: 3_000_00,
      priceMax: 8_000_00,
      reason: '年度员工福利预算增加，希望提升体检档次',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ accountId: acc, productType: '高端体检套餐', quantity: 120.5, unit: '人次', priceMin: 300000, priceMax: 800000, status: 'open', closedAt: null, createdByName: '周专员', version: 1 });
    const list = await c.manager_a.get(`/api/accounts/${acc}/needs`);
    expect(list.status).toBe(200);
    expect(list.body.needs.map((n: Body) => n.productType)).toEqual(['高端体检套餐']);
    expect(list.body.countermeasures).toEqual([]);
  });

  it('names the failing field and saves nothing', async () => {
    const range = await c.spec_a1.post(`/api/accounts/${acc}/needs`, { productType: '会议室租赁', priceMin: 500, priceMax: 100 });
    expect(range.status).toBe(400);
    expect(paths(range)).toEqual(['priceMax']);
    expect(range.body.error.details.issues[0].key).toBe('needs.priceRange');
    const blank = await c.spec_a1.post(`/api/accounts/${acc}/needs`, { productType: '  ', quantity: -1 });
    expect(blank.status).toBe(400);
    expect(paths(blank)).toEqual(['productType', 'quantity']);
    const list = await c.spec_a1.get(`/api/accounts/${acc}/needs`);
    expect(list.body.needs).toHaveLength(1);
  });

  it('closes and reopens with versions; a stale version is a 409', async () => {
    const n = (await c.spec_a1.post(`/api/accounts/${acc}/needs`, { productType: '客房协议价', region: '江苏' })).body;
    const met = await c.spec_a1.patch(`/api/needs/${n.id}`, { status: 'met', version: n.version });
    expect(met.status).toBe(200);
    expect(met.body.status).toBe('met');
    expect(met.body.closedAt).not.toBeNull();
    const stale = await c.spec_a1.patch(`/api/needs/${n.id}`, { status: 'open', version: n.version });
    expect(stale.status).toBe(409);
    // a PATCH that narrows only the lower price is checked against the stored upper price
    const priced = await c.spec_a1.patch(`/api/needs/${n.id}`, { priceMax: 100_00, version: met.body.version });
    expect(priced.status).toBe(200);
    const lower = await c.spec_a1.patch(`/api/needs/${n.id}`, { priceMin: 200_00, version: priced.body.version });
    expect(lower.status).toBe(400);
    expect(paths(lower)).toEqual(['priceMax']);
    const reopened = await c.spec_a1.patch(`/api/needs/${n.id}`, { status: 'open', version: priced.body.version });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, region: '江苏', priceMax: 10000 });
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'account_need').where('entity_id', '=', String(n.id)).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'close', 'update', 'reopen']);

    const badDelete = await c.spec_a1.delete(`/api/needs/${n.id}?version=1`);
    expect(badDelete.status).toBe(409);
    expect((await c.spec_a1.delete(`/api/needs/${n.id}?version=${reopened.body.version}`)).status).toBe(200);
    expect((await c.spec_a1.get(`/api/accounts/${acc}/needs`)).body.needs.map((x: Body) => x.id)).not.toContain(n.id);
  });

  it('keeps other teams out (404) and needs the permissions (403)', async () => {
    const n = (await c.spec_a1.get(`/api/accounts/${acc}/needs`)).body.needs[0];
    expect((await c.spec_b1.get(`/api/accounts/${acc}/needs`)).status).toBe(404);
    expect((await c.spec_b1.post(`/api/accounts/${acc}/needs`, { productType: '越权' })).status).toBe(404);
    expect((await c.spec_b1.patch(`/api/needs/${n.id}`, { reason: '越权', version: n.version })).status).toBe(404);
    expect((await c.spec_b1.delete(`/api/needs/${n.id}?version=${n.version}`)).status).toBe(404);
    // a specialist holds only their own accounts; their team's manager holds the team's
    expect((await c.spec_a2.get(`/api/accounts/${acc}/needs`)).status).toBe(404);
    expect((await c.manager_a.patch(`/api/needs/${n.id}`, { reason: '经理补充：预算已批', version: n.version })).status).toBe(200);
    expect((await c.finance.get(`/api/accounts/${acc}/needs`)).status).toBe(403);
    expect((await c.spec_a1.get('/api/accounts/999999/needs')).status).toBe(404);
  });
});

describe('countermeasures (大客户需要对策表)', () => {
  let acc: number;
  let other: number;
  let person: Body;
  beforeAll(async () => {
    acc = await account('spec_a1', '东吴邮政物流集团');
    other = await account('spec_a1', '姑苏雅集会所');
    person = (await c.spec_a1.post('/api/contacts', { accountId: acc, name: '钱处长', title: '采购处处长' })).body;
  });

  it('records the person, direction of movement, problem and measure, and flags overdue ones', async () => {
    const r = await c.spec_a1.post(`/api/accounts/${acc}/countermeasures`, {
      contactId: person.id,
      direction: 'to_competitor',
      directionNote: '在比较华信的物流方案',
      problem: '对我方上季度的配送时效不满',
      measure: '安排运营总监上门说明整改方案，并提供时效保障条款',
      dueOn: day(-3),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ contactId: person.id, contactName: '钱处长', contactTitle: '采购处处长', direction: 'to_competitor', ownerId: t.org.users.spec_a1, ownerName: '周专员', status: 'open', overdue: true });
    const done = await c.spec_a1.patch(`/api/countermeasures/${r.body.id}`, { status: 'done', version: r.body.version });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(done.body.closedAt).not.toBeNull();

    const later = await c.spec_a1.post(`/api/accounts/${acc}/countermeasures`, { direction: 'expand', problem: '有意增加仓储服务', measure: '报送仓储方案', ownerId: t.org.users.manager_a, dueOn: day(10) });
    expect(later.body).toMatchObject({ contactId: null, ownerName: '孙经理', overdue: false });
    const list = (await c.spec_a1.get(`/api/accounts/${acc}/needs`)).body.countermeasures;
    // open ones first
    expect(list.map((m: Body) => m.status)).toEqual(['open', 'done']);
  });

  it('refuses a contact of another account, an inactive owner and a bad direction', async () => {
    const stranger = (await c.spec_a1.post('/api/contacts', { accountId: other, name: '孙会长' })).body;
    const wrong = await c.spec_a1.post(`/api/accounts/${acc}/countermeasures`, { contactId: stranger.id, problem: '问题', measure: '对策' });
    expect(wrong.status).toBe(400);
    expect(paths(wrong)).toEqual(['contactId']);
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', t.org.users.spec_a2).execute();
    const inactive = await c.spec_a1.post(`/api/accounts/${acc}/countermeasures`, { ownerId: t.org.users.spec_a2, problem: '问题', measure: '对策' });
    expect(paths(inactive)).toEqual(['ownerId']);
    await t.database.db.updateTable('users').set({ status: 'active' }).where('id', '=', t.org.users.spec_a2).execute();
    const direction = await c.spec_a1.post(`/api/accounts/${acc}/countermeasures`, { direction: 'sideways', problem: '', measure: '对策' });
    expect(paths(direction)).toEqual(['direction', 'problem']);
    const m = (await c.spec_a1.get(`/api/accounts/${acc}/needs`)).body.countermeasures[0];
    const move = await c.spec_a1.patch(`/api/countermeasures/${m.id}`, { contactId: stranger.id, version: m.version });
    expect(paths(move)).toEqual(['contactId']);
  });

  it('is hidden from other teams and versioned', async () => {
    const m = (await c.spec_a1.get(`/api/accounts/${acc}/needs`)).body.countermeasures[0];
    expect((await c.spec_b1.patch(`/api/countermeasures/${m.id}`, { measure: '越权', version: m.version })).status).toBe(404);
    expect((await c.spec_b1.post(`/api/accounts/${acc}/countermeasures`, { problem: '越权', measure: '越权' })).status).toBe(404);
    expect((await c.director.patch(`/api/countermeasures/${m.id}`, { measure: '总监调整对策', version: m.version + 1 })).status).toBe(409);
    const ok = await c.director.patch(`/api/countermeasures/${m.id}`, { measure: '总监调整对策', version: m.version });
    expect(ok.body.measure).toBe('总监调整对策');
    expect((await c.spec_b1.delete(`/api/countermeasures/${m.id}?version=${ok.body.version}`)).status).toBe(404);
    expect((await c.spec_a1.delete(`/api/countermeasures/${m.id}?version=${ok.body.version}`)).status).toBe(200);
  });
});
