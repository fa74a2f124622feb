import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount, insertProject } from '../support/pipeline';

let t: TestApp;
let manager: Client;

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('manager_a');
});
afterAll(async () => t?.close());

describe('competitor register (PIPE-4)', () => {
  it('adds, reads and edits entries, one per name regardless of case and spaces', async () => {
    const created = await manager.post('/api/competitors', { name: '华信科技', website: 'https://hx.example', products: '柜员机、营销平台', strengths: '价格低', pricePosition: 'lower' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: '华信科技', pricePosition: 'lower', active: true, openProjects: 0, wonAgainst: 0, lostTo: 0, version: 1, weaknesses: null });
    const id = created.body.id as number;
    expect((await manager.get(`/api/competitors/${id}`)).body.name).toBe('华信科技');

    const latin = await manager.post('/api/competitors', { name: 'Boyuan Soft' });
    expect(latin.status).toBe(200);
    const dup = await manager.post('/api/competitors', { name: '  boyuan soft ' });
    expect(dup.status).toBe(400);
    expect(paths(dup)).toEqual(['name']);
    expect(dup.body.error.details.issues[0].key).toBe('pipeline.competitorExists');
    const rename = await manager.patch(`/api/competitors/${id}`, { name: 'BOYUAN SOFT', version: 1 });
    expect(rename.status).toBe(400);
    expect(paths(rename)).toEqual(['name']);

    const edited = await manager.patch(`/api/competitors/${id}`, { weaknesses: '服务网点少', name: '华信科技 ', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '华信科技', weaknesses: '服务网点少', version: 2 });
    expect((await manager.patch(`/api/competitors/${id}`, { note: 'x', version: 1 })).status).toBe(409);
    expect((await manager.patch('/api/competitors/999999', { note: 'x', version: 1 })).status).toBe(404);
    expect((await manager.get('/api/competitors/999999')).status).toBe(404);
    const empty = await manager.post('/api/competitors', { name: ' ' });
    expect(paths(empty)).toEqual(['name']);

    const off = await manager.patch(`/api/competitors/${id}`, { active: false, version: 2 });
    expect(off.body.active).toBe(false);
    const names = async (qs: string) => (await manager.get(`/api/competitors?${qs}`)).body.items.map((c: { name: string }) => c.name);
    expect(await names('')).toEqual(['Boyuan Soft']);
    expect(await names('active=false')).toEqual(['华信科技']);
    expect((await names('active=all')).sort()).toEqual(['Boyuan Soft', '华信科技'].sort());
    expect(await names('active=all&q=柜员机')).toEqual(['华信科技']);
    expect((await manager.get('/api/competitors?sort=bogus')).status).toBe(400);

    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'competitor').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'deactivate']);
  });

  it('counts open projects, won against and lost to over the caller’s scope only', async () => {
    const db = t.database.db;
    const u = t.org.users;
    const c = (await manager.post('/api/competitors', { name: '中软恒达' })).body.id as number;
    const accA = await insertAccount(db, '竞争客户甲', u.manager_a!);
    const accB = await insertAccount(db, '竞争客户乙', u.manager_b!);
    // team A: two open, one won against it, one lost to it; team B: one open, one lost to it
    await insertProject(db, { accountId: accA, ownerId: u.manager_a!, competitors: [c] });
    await insertProject(db, { accountId: accA, ownerId: u.spec_a1!, competitors: [c], stage: 2 });
    await insertProject(db, { accountId: accA, ownerId: u.manager_a!, competitors: [c], stage: 5, status: 'won', closeReasonKey: 'price' });
    await insertProject(db, { accountId: accA, ownerId: u.manager_a!, stage: 3, status: 'lost', closeReasonKey: 'price', wonByCompetitorId: c });
    await insertProject(db, { accountId: accB, ownerId: u.manager_b!, competitors: [c] });
    await insertProject(db, { accountId: accB, ownerId: u.manager_b!, competitors: [c], status: 'lost', closeReasonKey: 'relationship', wonByCompetitorId: c });

    const stats = async (client: Client) => {
      const r = await client.get(`/api/competitors/${c}`);
      expect(r.status).toBe(200);
      return [r.body.openProjects, r.body.wonAgainst, r.body.lostTo];
    };
    expect(await stats(await t.login('admin'))).toEqual([3, 1, 2]);
    expect(await stats(manager)).toEqual([2, 1, 1]);
    expect(await stats(await t.login('manager_b'))).toEqual([1, 0, 1]);
    expect(await stats(await t.login('spec_a1'))).toEqual([1, 0, 0]);
    const listed = (await manager.get('/api/competitors?q=中软')).body;
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ openProjects: 2, wonAgainst: 1, lostTo: 1 });
  });

  it('is read with opportunity:read and kept with competitor:manage', async () => {
    const spec = await t.login('spec_a1');
    expect((await spec.get('/api/competitors')).status).toBe(200);
    expect((await spec.post('/api/competitors', { name: '专员新增' })).status).toBe(403);
    const gift = await t.login('gift_admin');
    expect((await gift.get('/api/competitors')).status).toBe(403);
  });
});
