import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'manager_a', 'spec_a1', 'spec_a2', 'spec_b1', 'finance']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

type Body = Record<string, any>;
async function account(who: string, name: string) {
  const r = await c[who].post('/api/accounts', { name });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as number;
}
async function contact(who: string, body: Body) {
  const r = await c[who].post('/api/contacts', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Body;
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const codes = (r: { body: Body }) => (r.body.flags as { code: string }[]).map((f) => f.code);

describe('contacts: roles, profile and sensitive fields', () => {
  let acc: number;
  let boss: Body;
  beforeAll(async () => {
    acc = await account('spec_a1', '南京钢铁集团');
    boss = await contact('spec_a1', {
      accountId: acc,
      name: '黄董事长',
      title: '董事长',
      buyingRole: 'decision_maker',
      keyRoles: ['decider', 'key_person'],
      layer: 'decision',
      right: 'decide',
      influence: 5,
      personalityType: 'eagle',
      thinkingStyle: 'steady',
      birthday: '1968-05-12',
      hobbies: '高尔夫',
      family: '一子在英国读书',
      honoraryPosts: '市政协委员',
    });
  });

  it('stores roles and the owner sees the sensitive fields they entered', async () => {
    expect(boss).toMatchObject({
      accountId: acc,
      accountName: '南京钢铁集团',
      buyingRole: 'decision_maker',
      keyRoles: ['key_person', 'decider'],
      layer: 'decision',
      right: 'decide',
      influence: 5,
      personalityType: 'eagle',
      stage: 'acquainted',
      support: 0,
      closeness: 1,
      status: 'active',
      ownerId: c.spec_a1.userId,
      birthday: '1968-05-12',
      hobbies: '高尔夫',
      sensitiveVisible: true,
      version: 1,
    });
  });

  it('a manager who does not own the account sees nulls and may not set them (403), other fields are fine', async () => {
    const r = await c.manager_a.get(`/api/contacts/${boss.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ sensitiveVisible: false, birthday: null, hobbies: null, family: null, honoraryPosts: '市政协委员', name: '黄董事长' });
    const forbidden = await c.manager_a.patch(`/api/contacts/${boss.id}`, { habits: '早起', version: boss.version });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.details).toEqual({ fields: ['habits'] });
    const create = await c.manager_a.post('/api/contacts', { accountId: acc, name: '秘书', maritalStatus: '已婚' });
    expect(create.status).toBe(403);
    const ok = await c.manager_a.patch(`/api/contacts/${boss.id}`, { education: '南京大学 MBA', version: boss.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ education: '南京大学 MBA', birthday: null, version: 2 });
    boss.version = ok.body.version;
    const stored = await c.spec_a1.get(`/api/contacts/${boss.id}`);
    expect(stored.body).toMatchObject({ birthday: '1968-05-12', hobbies: '高尔夫', education: '南京大学 MBA' });
  });

  it('the director and the GM see sensitive fields of accounts they do not own', async () => {
    for (const who of ['director', 'gm']) {
      const r = await c[who].get(`/api/contacts/${boss.id}`);
      expect(r.body).toMatchObject({ sensitiveVisible: true, birthday: '1968-05-12', family: '一子在英国读书' });
    }
    const r = await c.director.patch(`/api/contacts/${boss.id}`, { habits: '不喝酒', version: boss.version });
    expect(r.status).toBe(200);
    boss.version = r.body.version;
  });

  it('out-of-scope account: its contacts are 404 and creating one names accountId', async () => {
    for (const url of [`/api/contacts/${boss.id}`, `/api/contacts/${boss.id}/history`, `/api/accounts/${acc}/contacts`, `/api/accounts/${acc}/coverage`]) {
      expect((await c.spec_b1.get(url)).status, url).toBe(404);
    }
    expect((await c.spec_b1.patch(`/api/contacts/${boss.id}`, { name: 'x', version: boss.version })).status).toBe(404);
    const list = await c.spec_b1.get('/api/contacts?pageSize=200');
    expect(list.body.items.map((i: Body) => i.id)).not.toContain(boss.id);
    const create = await c.spec_b1.post('/api/contacts', { accountId: acc, name: '越权' });
    expect(create.status).toBe(400);
    expect(create.body.error.details.issues[0]).toMatchObject({ path: 'accountId', key: 'contacts.accountNotFound' });
    expect((await c.finance.get('/api/contacts')).status).toBe(403);
  });

  it('a stale version is a 409', async () => {
    const r = await c.spec_a1.patch(`/api/contacts/${boss.id}`, { title: '董事长兼总经理', version: boss.version - 1 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('STALE_VERSION');
  });

  it('every write is audited', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'contact').where('entity_id', '=', String(boss.id)).execute();
    expect(rows.map((r) => r.action).sort()).toEqual(['create', 'update', 'update']);
  });
});

describe('relationship state and history', () => {
  let acc: number;
  let p: Body;
  beforeAll(async () => {
    acc = await account('spec_a1', '江苏电信');
    p = await contact('spec_a1', { accountId: acc, name: '刘处长', buyingRole: 'influencer' });
  });

  it('a stage change without evidence is a 400 naming evidence, and changes nothing', async () => {
    const r = await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, { stage: 'interested', version: p.version });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0]).toMatchObject({ path: 'evidence', key: 'contacts.evidenceRequired' });
    expect((await c.spec_a1.get(`/api/contacts/${p.id}`)).body).toMatchObject({ stage: 'acquainted', version: 1 });
  });

  it('writes one history row per changed field with evidence, date and author, atomically with the contact', async () => {
    const r = await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, {
      support: 1,
      closeness: 3,
      stage: 'interested',
      competitorLeaning: '与华为往来密切',
      evidence: '技术交流会后主动约第二次会面',
      occurredOn: '2026-03-02',
      version: p.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ support: 1, closeness: 3, stage: 'interested', competitorLeaning: '与华为往来密切', version: 2 });
    const h = await c.spec_a1.get(`/api/contacts/${p.id}/history`);
    const changed = h.body.items.filter((i: Body) => i.occurredOn === '2026-03-02');
    expect(changed.map((i: Body) => [i.field, i.from, i.to]).sort()).toEqual([
      ['closeness', '1', '3'],
      ['competitorLeaning', null, '与华为往来密切'],
      ['stage', 'acquainted', 'interested'],
      ['support', '0', '1'],
    ]);
    for (const i of changed) expect(i).toMatchObject({ evidence: '技术交流会后主动约第二次会面', actorId: c.spec_a1.userId, actorName: '周专员', activityId: null });
    // the starting state recorded at creation is the beginning of the timeline
    expect(h.body.items.filter((i: Body) => i.from === null && i.evidence === null).map((i: Body) => i.field).sort()).toEqual(['closeness', 'owner', 'stage', 'support']);
  });

  it('changing the owner validates the user and records it; unchanged values write nothing', async () => {
    const bad = await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, { ownerId: 999999, version: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toMatchObject({ path: 'ownerId' });
    const same = await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, { support: 1, version: 2 });
    expect(same.status).toBe(400);
    const r = await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, { ownerId: c.spec_a2.userId, version: 2 });
    expect(r.body).toMatchObject({ ownerId: c.spec_a2.userId, ownerName: '吴专员', version: 3 });
    const h = await c.spec_a1.get(`/api/contacts/${p.id}/history`);
    expect(h.body.items[0]).toMatchObject({ field: 'owner', from: String(c.spec_a1.userId), to: String(c.spec_a2.userId), evidence: null });
  });

  it('out-of-range values are 400s naming the field', async () => {
    const r = await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, { support: 3, version: 3 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].path).toBe('support');
    expect((await c.spec_a1.post(`/api/contacts/${p.id}/relationship`, { closeness: 2, version: 1 })).status).toBe(409);
  });
});

describe('reporting lines and people who left', () => {
  let acc: number;
  const ids: Record<string, Body> = {};
  beforeAll(async () => {
    acc = await account('spec_a1', '苏州工业园区管委会');
    ids.head = await contact('spec_a1', { accountId: acc, name: '主任' });
    ids.deputy = await contact('spec_a1', { accountId: acc, name: '副主任', reportsToId: ids.head.id });
    ids.clerk = await contact('spec_a1', { accountId: acc, name: '科员', reportsToId: ids.deputy.id });
    ids.secretary = await contact('spec_a1', { accountId: acc, name: '秘书', assistantOfId: ids.head.id });
  });

  it('refuses a loop with a 400 naming reportsToId, directly and through a chain', async () => {
    for (const target of [ids.deputy.id, ids.clerk.id, ids.head.id]) {
      const r = await c.spec_a1.put(`/api/contacts/${ids.head.id}/reporting`, { reportsToId: target, assistantOfId: null, version: ids.head.version });
      expect(r.status).toBe(400);
      expect(r.body.error.details.issues[0].path).toBe('reportsToId');
    }
  });

  it('refuses two people assisting each other', async () => {
    const r = await c.spec_a1.put(`/api/contacts/${ids.head.id}/reporting`, { reportsToId: null, assistantOfId: ids.secretary.id, version: ids.head.version });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0]).toMatchObject({ path: 'assistantOfId', key: 'contacts.assistantCycle' });
  });

  it('moves a contact in the tree and refuses a manager from another account', async () => {
    const r = await c.spec_a1.put(`/api/contacts/${ids.clerk.id}/reporting`, { reportsToId: ids.head.id, assistantOfId: null, version: ids.clerk.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ reportsToId: ids.head.id, version: 2 });
    const other = await account('spec_a1', '其他客户');
    const stranger = await contact('spec_a1', { accountId: other, name: '外人' });
    const bad = await c.spec_a1.put(`/api/contacts/${ids.deputy.id}/reporting`, { reportsToId: stranger.id, assistantOfId: null, version: ids.deputy.version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toMatchObject({ path: 'reportsToId', key: 'contacts.reportingOtherAccount' });
  });

  it('a contact who left stays listed with status left; leaving twice is a 409', async () => {
    const r = await c.spec_a1.post(`/api/contacts/${ids.deputy.id}/left`, { leftOn: '2026-04-30', note: '调任省厅', version: ids.deputy.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'left', leftAt: '2026-04-30', leftNote: '调任省厅' });
    const all = await c.spec_a1.get(`/api/accounts/${acc}/contacts`);
    expect(all.body.items.map((i: Body) => [i.name, i.status])).toEqual([
      ['主任', 'active'],
      ['科员', 'active'],
      ['秘书', 'active'],
      ['副主任', 'left'],
    ]);
    const left = await c.spec_a1.get(`/api/contacts?accountId=${acc}&status=left`);
    expect(left.body.items.map((i: Body) => i.name)).toEqual(['副主任']);
    expect((await c.spec_a1.post(`/api/contacts/${ids.deputy.id}/left`, { leftOn: '2026-05-01', note: '重复', version: r.body.version })).status).toBe(409);
  });

  it('lists filter by buying role and stage, search and sort', async () => {
    const a = await contact('spec_a1', { accountId: acc, name: '采购科长', buyingRole: 'buyer', stage: 'trusting', support: 2 });
    const byRole = await c.spec_a1.get(`/api/contacts?accountId=${acc}&buyingRole=buyer`);
    expect(byRole.body.items.map((i: Body) => i.id)).toEqual([a.id]);
    const byStage = await c.spec_a1.get(`/api/contacts?accountId=${acc}&stage=trusting`);
    expect(byStage.body.items.map((i: Body) => i.id)).toEqual([a.id]);
    const q = await c.spec_a1.get(`/api/contacts?q=${encodeURIComponent('采购')}`);
    expect(q.body.items.map((i: Body) => i.id)).toEqual([a.id]);
    const sorted = await c.spec_a1.get(`/api/contacts?accountId=${acc}&sort=-support&pageSize=1`);
    expect(sorted.body).toMatchObject({ total: 5, page: 1, pageSize: 1 });
    expect(sorted.body.items[0].id).toBe(a.id);
    expect((await c.spec_a1.get('/api/contacts?sort=nope')).status).toBe(400);
  });
});

describe('coverage', () => {
  let acc: number;
  let dm: Body;
  beforeAll(async () => {
    acc = await account('spec_a2', '常州供电公司');
  });

  it('an account without contacts raises the person-shaped gaps and scores 35', async () => {
    const r = await c.spec_a2.get(`/api/accounts/${acc}/coverage`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      accountId: acc,
      score: 35,
      flags: [
        { code: 'no_decision_maker', contactIds: [] },
        { code: 'single_threaded', contactIds: [] },
        { code: 'no_insider', contactIds: [] },
        { code: 'decision_layer_uncovered', contactIds: [] },
      ],
    });
  });

  it('flags follow support and stage changes', async () => {
    dm = await contact('spec_a2', { accountId: acc, name: '总经理', buyingRole: 'decision_maker', layer: 'decision', influence: 5, closeness: 3, lastContactAt: daysAgo(50) });
    await contact('spec_a2', { accountId: acc, name: '信息中心主任', keyRoles: ['insider'], layer: 'management', lastContactAt: daysAgo(1) });
    let r = await c.spec_a2.get(`/api/accounts/${acc}/coverage`);
    // acquainted for 50 days: cold; everything else covered
    expect(r.body.flags).toEqual([{ code: 'gone_cold', contactIds: [dm.id] }]);
    expect(r.body.score).toBe(90);

    const turn = await c.spec_a2.post(`/api/contacts/${dm.id}/relationship`, { support: -1, version: dm.version });
    dm.version = turn.body.version;
    r = await c.spec_a2.get(`/api/accounts/${acc}/coverage`);
    expect(codes(r)).toEqual(['influential_opponent', 'gone_cold']);
    expect(r.body.score).toBe(75);

    // trusting allows 60 days, so 50 days of silence is no longer cold
    const up = await c.spec_a2.post(`/api/contacts/${dm.id}/relationship`, { support: 1, stage: 'trusting', evidence: '签署合作备忘录', version: dm.version });
    dm.version = up.body.version;
    r = await c.spec_a2.get(`/api/accounts/${acc}/coverage`);
    expect(r.body).toEqual({ accountId: acc, score: 100, flags: [] });

    const courted = await c.spec_a2.post(`/api/contacts/${dm.id}/relationship`, { competitorLeaning: '与国网另一家供应商交好', version: dm.version });
    dm.version = courted.body.version;
    r = await c.spec_a2.get(`/api/accounts/${acc}/coverage`);
    expect(r.body.flags).toEqual([{ code: 'competitor_closer', contactIds: [dm.id] }]);
  });

  it('the department list ranks accounts in scope by gap, lowest first', async () => {
    const weak = await account('spec_a2', '无锡地铁');
    const mine = await c.spec_a2.get('/api/coverage?pageSize=200');
    expect(mine.status).toBe(200);
    const ids = mine.body.items.map((i: Body) => i.accountId);
    expect(ids).toContain(weak);
    expect(ids.indexOf(weak)).toBeLessThan(ids.indexOf(acc));
    const scores = mine.body.items.map((i: Body) => i.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(mine.body.items.find((i: Body) => i.accountId === acc)).toMatchObject({ accountName: '常州供电公司', ownerName: '吴专员', activeContacts: 2, score: 90 });
    // spec_b1 sees none of team A's accounts; the director sees both teams
    expect((await c.spec_b1.get('/api/coverage?pageSize=200')).body.items.map((i: Body) => i.accountId)).not.toContain(acc);
    const dir = await c.director.get(`/api/coverage?pageSize=200&unitId=${t.org.units.teamA}`);
    expect(dir.body.items.map((i: Body) => i.accountId)).toEqual(expect.arrayContaining([acc, weak]));
    const page = await c.director.get('/api/coverage?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
  });
});

describe('stored coverage (REL-5 at scale)', () => {
  /** The coverage the account list and the department list show: what is stored on the account. */
  async function stored(acc: number) {
    const list = await c.director.get(`/api/coverage?pageSize=200&unitId=${t.org.units.teamB}`);
    const item = list.body.items.find((i: Body) => i.accountId === acc);
    const live = await c.director.get(`/api/accounts/${acc}/coverage`);
    // the stored score is the live one: every contact write refreshes it in the same transaction
    expect({ score: item.score, flags: item.flags }).toEqual({ score: live.body.score, flags: live.body.flags });
    const inAccountList = (await c.director.get(`/api/accounts?pageSize=200&ownerId=${t.org.users.spec_b1}`)).body.items.find((i: Body) => i.id === acc);
    expect(inAccountList.coverageScore).toBe(item.score);
    return item as Body;
  }

  it('changes with each contact write: create, profile update, relationship change, left', async () => {
    const acc = await account('spec_b1', '苏州轨道交通');
    expect(await stored(acc)).toMatchObject({ score: 35, activeContacts: 0 });

    const boss = await contact('spec_b1', { accountId: acc, name: '轨交总经理', buyingRole: 'decision_maker', layer: 'decision', influence: 5, closeness: 2, lastContactAt: daysAgo(1) });
    // decision maker known; still single-threaded, no insider, decision layer not close
    expect(await stored(acc)).toMatchObject({ score: 60, activeContacts: 1 });

    const coach = await contact('spec_b1', { accountId: acc, name: '信息部长', keyRoles: ['insider'], lastContactAt: daysAgo(1) });
    expect((await stored(acc)).score).toBe(85);

    const edit = await c.spec_b1.patch(`/api/contacts/${coach.id}`, { keyRoles: [], version: coach.version });
    expect(edit.status).toBe(200);
    expect((await stored(acc)).score).toBe(75);

    const closer = await c.spec_b1.post(`/api/contacts/${boss.id}/relationship`, { closeness: 4, version: boss.version });
    expect(closer.status).toBe(200);
    expect(await stored(acc)).toMatchObject({ score: 90, flags: [{ code: 'no_insider', contactIds: [] }] });

    const left = await c.spec_b1.post(`/api/contacts/${coach.id}/left`, { leftOn: '2026-01-15', note: '调任', version: edit.body.version });
    expect(left.status).toBe(200);
    expect(await stored(acc)).toMatchObject({ score: 75, activeContacts: 1 });

    const reporting = await c.spec_b1.put(`/api/contacts/${coach.id}/reporting`, { reportsToId: boss.id, assistantOfId: null, version: left.body.version });
    expect(reporting.status).toBe(200);
    expect((await stored(acc)).score).toBe(75);
  });

  it('the nightly recompute raises "gone cold", which depends on the date', async () => {
    const acc = await account('spec_b1', '苏州工业园区管委会');
    const p = await contact('spec_b1', { accountId: acc, name: '园区主任', buyingRole: 'decision_maker', lastContactAt: daysAgo(2) });
    expect((await stored(acc)).flags.map((f: Body) => f.code)).not.toContain('gone_cold');
    // time passes without a write: the stored score is a day behind until the job runs
    await t.database.db.updateTable('contacts').set({ last_contact_at: new Date(Date.now() - 40 * 86_400_000) }).where('id', '=', p.id).execute();
    const before = (await c.director.get(`/api/coverage?pageSize=200&unitId=${t.org.units.teamB}`)).body.items.find((i: Body) => i.accountId === acc);
    expect(before.flags.map((f: Body) => f.code)).not.toContain('gone_cold');
    await t.platform.jobs.enqueue(t.database.db, 'accounts.recompute', {});
    await t.platform.jobs.runDue();
    expect((await stored(acc)).flags).toContainEqual({ code: 'gone_cold', contactIds: [p.id] });
  });

  it('the department list filters, sorts (score, then name) and pages in SQL', async () => {
    const all = (await c.director.get(`/api/coverage?pageSize=200&unitId=${t.org.units.teamB}`)).body;
    expect(all.total).toBe(all.items.length);
    const order = all.items.map((i: Body) => [i.score, i.accountName]);
    const sorted = [...order].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    expect(order).toEqual(sorted);
    const pages = [];
    for (let page = 1; page <= all.total; page++) {
      const r = (await c.director.get(`/api/coverage?pageSize=1&page=${page}&unitId=${t.org.units.teamB}`)).body;
      expect(r.total).toBe(all.total);
      pages.push(r.items[0].accountId);
    }
    expect(pages).toEqual(all.items.map((i: Body) => i.accountId));
    // the account list offers the stored score as a filter and a sort
    const low = (await c.director.get(`/api/accounts?pageSize=200&coverageBelow=60&sort=coverage&ownerId=${t.org.users.spec_b1}`)).body.items;
    expect(low.length).toBeGreaterThan(0);
    expect(low.every((i: Body) => i.coverageScore < 60)).toBe(true);
    expect(low.map((i: Body) => i.coverageScore)).toEqual([...low.map((i: Body) => i.coverageScore)].sort((a, b) => a - b));
  });
});
