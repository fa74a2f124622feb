import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['director', 'spec_a1', 'spec_b1', 'finance']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

type View = { id: number; name: string; page: string; query: Record<string, unknown>; isDefault: boolean; sortOrder: number; version: number };
async function save(who: string, body: Record<string, unknown>) {
  const r = await c[who].post('/api/saved-views', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as View;
}
const list = async (who: string, page = 'accounts') => (await c[who].get(`/api/saved-views?page=${page}`)).body.items as View[];

describe('saved views', () => {
  it('saves, lists in order, renames and deletes the caller\'s own views', async () => {
    const a = await save('spec_a1', { page: 'accounts', name: '大型客户', query: { tier: 'large', sort: '-updatedAt' } });
    const b = await save('spec_a1', { page: 'accounts', name: '覆盖薄弱', query: { coverageBelow: 60, sort: 'coverage', q: '' } });
    expect(a).toMatchObject({ page: 'accounts', query: { tier: 'large', sort: '-updatedAt' }, isDefault: false, sortOrder: 0, version: 1 });
    // empty values are not kept
    expect(b.query).toEqual({ coverageBelow: 60, sort: 'coverage' });
    expect((await list('spec_a1')).map((v) => v.name)).toEqual(['大型客户', '覆盖薄弱']);
    expect(await list('spec_a1', 'coverage')).toEqual([]);

    const renamed = await c.spec_a1.patch(`/api/saved-views/${b.id}`, { name: '需要补强', sortOrder: 0, version: b.version });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '需要补强', version: 2 });
    // equal sort orders fall back to creation order
    expect((await list('spec_a1')).map((v) => v.name)).toEqual(['大型客户', '需要补强']);
    expect((await c.spec_a1.patch(`/api/saved-views/${b.id}`, { name: '又改', version: b.version })).status).toBe(409);

    expect((await c.spec_a1.delete(`/api/saved-views/${a.id}`)).status).toBe(200);
    expect((await list('spec_a1')).map((v) => v.name)).toEqual(['需要补强']);
    expect((await c.spec_a1.delete(`/api/saved-views/${a.id}`)).status).toBe(404);
  });

  it("another user's view is a 404 and never listed", async () => {
    const mine = await save('spec_b1', { page: 'accounts', name: '我的视图', query: { lifecycle: 'active' } });
    for (const who of ['spec_a1', 'director']) {
      expect((await list(who)).map((v) => v.id)).not.toContain(mine.id);
      const patch = await c[who].patch(`/api/saved-views/${mine.id}`, { name: '抢来', version: 1 });
      expect(patch.status).toBe(404);
      expect(patch.body.error.code).toBe('NOT_FOUND');
      expect((await c[who].delete(`/api/saved-views/${mine.id}`)).status).toBe(404);
    }
    expect((await list('spec_b1')).find((v) => v.id === mine.id)).toMatchObject({ name: '我的视图', version: 1 });
    // anyone signed in has views, even without account permissions; the anonymous have none
    expect((await save('finance', { page: 'coverage', name: '财务', query: {} })).page).toBe('coverage');
    expect((await t.anonymous().get('/api/saved-views?page=accounts')).status).toBe(401);
  });

  it("checks the query against the page's list contract and names the bad field", async () => {
    const bad = await c.spec_a1.post('/api/saved-views', { page: 'accounts', name: '坏视图', query: { tier: 'huge' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues).toEqual([expect.objectContaining({ path: 'query.tier', key: 'savedViews.badQuery' })]);
    const unknown = await c.spec_a1.post('/api/saved-views', { page: 'coverage', name: '坏视图', query: { tier: 'large' } });
    expect(unknown.body.error.details.issues[0]).toMatchObject({ path: 'query.tier' });
    const sort = await c.spec_a1.post('/api/saved-views', { page: 'accounts', name: '坏视图', query: { sort: 'shoeSize' } });
    expect(sort.body.error.details.issues[0]).toMatchObject({ path: 'query.sort' });
    const v = await save('spec_a1', { page: 'accounts', name: '好视图', query: { grade: 'A' } });
    const patch = await c.spec_a1.patch(`/api/saved-views/${v.id}`, { query: { grade: 'Z' }, version: v.version });
    expect(patch.status).toBe(400);
    expect(patch.body.error.details.issues[0]).toMatchObject({ path: 'query.grade' });
    expect((await list('spec_a1')).find((x) => x.id === v.id)?.query).toEqual({ grade: 'A' });
  });

  it('names are unique per user and page regardless of case', async () => {
    await save('director', { page: 'accounts', name: 'VIP', query: { vip: 'true' } });
    const dup = await c.director.post('/api/saved-views', { page: 'accounts', name: 'vip', query: {} });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual({ path: 'name' });
    // the same name on another page or for another user is fine
    await save('director', { page: 'coverage', name: 'VIP', query: {} });
    await save('spec_a1', { page: 'accounts', name: 'VIP', query: {} });
  });

  it('one default per page: making another the default unsets the first', async () => {
    const x = await save('spec_b1', { page: 'accounts', name: '默认一', query: { tier: 'heavy' }, isDefault: true });
    const y = await save('spec_b1', { page: 'accounts', name: '默认二', query: { tier: 'large' } });
    const z = await save('spec_b1', { page: 'coverage', name: '覆盖默认', query: {}, isDefault: true });
    const made = await c.spec_b1.patch(`/api/saved-views/${y.id}`, { isDefault: true, version: y.version });
    expect(made.body.isDefault).toBe(true);
    const views = await list('spec_b1');
    expect(views.filter((v) => v.isDefault).map((v) => v.id)).toEqual([y.id]);
    expect(views.find((v) => v.id === x.id)?.isDefault).toBe(false);
    // the other page keeps its own default
    expect((await list('spec_b1', 'coverage')).find((v) => v.id === z.id)?.isDefault).toBe(true);
    const unset = await c.spec_b1.patch(`/api/saved-views/${y.id}`, { isDefault: false, version: made.body.version });
    expect(unset.body.isDefault).toBe(false);
    expect((await list('spec_b1')).some((v) => v.isDefault)).toBe(false);
  });
});
