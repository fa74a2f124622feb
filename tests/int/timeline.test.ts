import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertProject } from '../support/pipeline';

let t: TestApp;
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'director', 'manager_a', 'spec_a1', 'spec_b1']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

type Body = Record<string, any>;
type Event = { key: string; kind: string; at: string; dateOnly: boolean; actorName: string | null; params: Record<string, unknown>; link: string | null };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ok = (r: { status: number; body: Body }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

/** Every event of the timeline, page by page. */
async function walk(client: Client, url: string, limit: number) {
  const out: Event[] = [];
  let before: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const r: { status: number; body: Body } = await client.get(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}${before ? `&before=${before}` : ''}`);
    const body = ok(r);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    out.push(...body.items);
    before = body.nextBefore;
    if (!before) return out;
  }
  throw new Error('too many pages');
}

describe('account timeline (issue 3 item 3)', () => {
  let acc: number;
  let person: Body;
  beforeAll(async () => {
    acc = ok(await c.spec_a1.post('/api/accounts', { name: '钱塘农村商业银行' })).id;
    const a = ok(await c.spec_a1.post(`/api/accounts/${acc}/lifecycle`, { to: 'developing', reason: '已完成首次技术交流', version: 1 }));
    ok(await c.spec_a1.put(`/api/accounts/${acc}/revenue`, { rows: [{ year: new Date().getFullYear() - 1, source: 'manual', amount: 2_000_000_00, note: '' }], version: a.version }));
    person = ok(await c.spec_a1.post('/api/contacts', { accountId: acc, name: '沈行长', title: '行长' }));
    ok(await c.spec_a1.post(`/api/contacts/${person.id}/relationship`, { stage: 'interested', support: 1, evidence: '参加了产品交流会', occurredOn: day(-40), version: person.version }));
    const leaver = ok(await c.spec_a1.post('/api/contacts', { accountId: acc, name: '范主任' }));
    ok(await c.spec_a1.post(`/api/contacts/${leaver.id}/left`, { leftOn: day(-1), note: '调往省行', version: leaver.version }));
    const n = ok(await c.spec_a1.post(`/api/accounts/${acc}/needs`, { productType: '网点智能柜台' }));
    ok(await c.spec_a1.patch(`/api/needs/${n.id}`, { status: 'met', version: n.version }));
    ok(await c.spec_a1.post(`/api/accounts/${acc}/countermeasures`, { contactId: person.id, direction: 'wait', problem: '预算未批', measure: '协助准备立项材料' }));
    const item = ok(await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'gm', contactIds: [person.id], measures: '安排高层会晤' }));
    ok(await c.spec_a1.post(`/api/plan-items/${item.id}/complete`, { outcome: '会晤顺利', version: item.version }));
  });

  it('gathers every source, newest first, with parameters instead of sentences', async () => {
    const r = ok(await c.spec_a1.get(`/api/accounts/${acc}/timeline?limit=100`));
    expect(r.nextBefore).toBeNull();
    const items = r.items as Event[];
    const kinds = new Set(items.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(
      ['account_change', 'account_created', 'contact_added', 'contact_left', 'countermeasure_added', 'need_added', 'need_closed', 'plan_item_closed', 'plan_item_created', 'relationship_change'].sort(),
    );
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(items.map((e) => e.key)).size).toBe(items.length);
    // changes written in one transaction share a moment: the keyset order must still split them
    expect(new Set(items.map((e) => e.at)).size).toBeLessThan(items.length);

    const created = items.find((e) => e.kind === 'account_created')!;
    expect(created).toMatchObject({ actorName: '周专员', params: { name: '钱塘农村商业银行' } });
    const lifecycle = items.filter((e) => e.kind === 'account_change' && e.params.field === 'lifecycle');
    expect(lifecycle.find((e) => e.params.from === 'prospect')?.params).toMatchObject({ to: 'developing', reason: '已完成首次技术交流', reasonKey: null });
    // last year's revenue moved the developing account to active by itself (ACC-5)
    expect(lifecycle.find((e) => e.params.from === 'developing')?.params).toMatchObject({ to: 'active', reasonKey: 'autoActivate', reason: 'revenue recorded for the current or previous year' });
    // the server's own reasons travel as locale keys (with the English text, which a key may quote)
    const tier = items.find((e) => e.kind === 'account_change' && e.params.field === 'tier')!;
    expect(tier.params).toMatchObject({ from: 'smb', to: 'large', reasonKey: 'revenueUpdate', reason: 'revenue ledger update' });
    // a backdated relationship change sits on its day, marked as a date
    const rel = items.filter((e) => e.kind === 'relationship_change');
    expect(rel.map((e) => e.params.field).sort()).toEqual(['stage', 'support']);
    expect(rel[0]).toMatchObject({ dateOnly: true, params: { name: '沈行长', evidence: '参加了产品交流会', occurredOn: day(-40) } });
    expect(Date.now() - Date.parse(rel[0]!.at)).toBeGreaterThan(39 * 86_400_000);
    expect(items.find((e) => e.kind === 'contact_left')).toMatchObject({ dateOnly: true, params: { name: '范主任', note: '调往省行' }, link: `/accounts/${acc}?tab=contacts` });
    expect(items.find((e) => e.kind === 'need_closed')).toMatchObject({ params: { productType: '网点智能柜台', status: 'met' }, link: `/accounts/${acc}?tab=needs` });
    expect(items.find((e) => e.kind === 'countermeasure_added')).toMatchObject({ params: { problem: '预算未批', direction: 'wait', name: '沈行长' } });
    expect(items.find((e) => e.kind === 'plan_item_closed')).toMatchObject({ params: { level: 'gm', status: 'done', outcome: '会晤顺利' }, link: `/accounts/${acc}?tab=plan` });
    // the starting lifecycle is the creation itself, not a change
    expect(lifecycle.map((e) => e.params.from)).toEqual(['developing', 'prospect']);
  });

  it('pages by keyset without gaps or repeats, whatever the page size', async () => {
    const all = ok(await c.spec_a1.get(`/api/accounts/${acc}/timeline?limit=100`)).items as Event[];
    for (const size of [1, 2, 3, 7]) {
      const walked = await walk(c.spec_a1, `/api/accounts/${acc}/timeline`, size);
      expect(walked.map((e) => e.key)).toEqual(all.map((e) => e.key));
    }
  });

  it('filters by kind and rejects bad input with the field', async () => {
    const only = ok(await c.spec_a1.get(`/api/accounts/${acc}/timeline?kinds=contact_added,need_added`));
    expect(new Set((only.items as Event[]).map((e) => e.kind))).toEqual(new Set(['contact_added', 'need_added']));
    expect(only.items).toHaveLength(3);
    const badKind = await c.spec_a1.get(`/api/accounts/${acc}/timeline?kinds=contact_added,gossip`);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.issues[0].path).toMatch(/^kinds/);
    const badCursor = await c.spec_a1.get(`/api/accounts/${acc}/timeline?before=yesterday`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.details.issues[0].path).toBe('before');
  });

  it('shows each source only to those who may see it', async () => {
    expect((await c.spec_b1.get(`/api/accounts/${acc}/timeline`)).status).toBe(404);
    expect((await c.spec_a1.get('/api/accounts/999999/timeline')).status).toBe(404);
    expect(ok(await c.manager_a.get(`/api/accounts/${acc}/timeline?limit=100`)).items.length).toBeGreaterThan(10);
    // a role that reads accounts but not contacts sees neither people nor the plan
    const role = await t.database.db.insertInto('roles').values({ code: 'account_reader', name: '客户只读', data_scope: 'all', builtin: false }).returning('id').executeTakeFirstOrThrow();
    await t.database.db.insertInto('role_permissions').values({ role_id: role.id, permission: 'account:read' }).execute();
    await t.database.db.insertInto('user_roles').values({ user_id: t.org.users.finance, role_id: role.id }).execute();
    const reader = await t.login('finance');
    const seen = ok(await reader.get(`/api/accounts/${acc}/timeline?limit=100`)).items as Event[];
    expect([...new Set(seen.map((e) => e.kind))].sort()).toEqual(['account_change', 'account_created', 'countermeasure_added', 'need_added', 'need_closed'].sort());
  });

  it('shows who took over when the owner changes', async () => {
    const v = (await c.spec_a1.get(`/api/accounts/${acc}`)).body.version;
    ok(await c.director.post(`/api/accounts/${acc}/assign`, { ownerId: t.org.users.manager_a, reason: '调整分工', version: v }));
    const owner = (ok(await c.director.get(`/api/accounts/${acc}/timeline?kinds=account_change&limit=5`)).items as Event[]).find((e) => e.params.field === 'owner')!;
    expect(owner).toMatchObject({ actorName: '张总监', params: { from: '周专员', to: '孙经理', reason: '调整分工' } });
  });

  it('tells the stage history of the development projects the caller may read', async () => {
    const db = t.database.db;
    const u = t.org.users;
    const mine = await insertProject(db, {
      accountId: acc,
      ownerId: u.spec_a1!,
      name: '柜面改造',
      stage: 2,
      history: [
        { fromStage: null, toStage: 1, fromStatus: null, toStatus: 'open', daysAgo: 30 },
        { fromStage: 1, toStage: 2, fromStatus: 'open', toStatus: 'open', daysAgo: 20, reason: '已完成演示' },
        { fromStage: 2, toStage: 2, fromStatus: 'open', toStatus: 'paused', daysAgo: 10 },
        { fromStage: 2, toStage: 2, fromStatus: 'paused', toStatus: 'open', daysAgo: 5, reason: '预算已批' },
      ],
    });
    // a project of team B on the same account (now manager_a's): outside team A's scope
    await insertProject(db, { accountId: acc, ownerId: u.manager_b!, name: '二组项目', stage: 1 });
    const events = ok(await c.manager_a.get(`/api/accounts/${acc}/timeline?kinds=opportunity`)).items as Event[];
    expect(events.map((e) => e.params.event)).toEqual(['reopened', 'paused', 'stage', 'created']);
    expect(events[2]).toMatchObject({ kind: 'opportunity', actorName: '周专员', link: `/opportunities/${mine}`, params: { name: '柜面改造', fromStage: 1, toStage: 2, status: 'open', reason: '已完成演示' } });
    expect(Date.now() - Date.parse(events[3]!.at)).toBeGreaterThan(29 * 86_400_000);
    const all = ok(await c.director.get(`/api/accounts/${acc}/timeline?kinds=opportunity`)).items as Event[];
    expect(all.map((e) => e.params.name).sort()).toEqual(['二组项目', '柜面改造', '柜面改造', '柜面改造', '柜面改造']);
    // among the rest, newest first
    const mixed = ok(await c.manager_a.get(`/api/accounts/${acc}/timeline?limit=100`)).items as Event[];
    expect(mixed.filter((e) => e.kind === 'opportunity')).toHaveLength(4);
  });
});
