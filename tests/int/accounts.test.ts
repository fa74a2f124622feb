import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { creditCodeCheckChar } from '../../src/shared/domain/credit-code';
import { ACCOUNTS_RECOMPUTE_JOB } from '../../src/server/features/accounts/accounts.routes';
import { businessYear } from '../../src/server/features/accounts/accounts.derived.service';

let t: TestApp;
const c: Record<string, Client> = {};
let year: number;
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'prov_director', 'manager_a', 'spec_a1', 'spec_a2', 'spec_b1', 'finance']) c[u] = await t.login(u);
  year = businessYear(t.platform.config.BUSINESS_TZ);
});
afterAll(async () => t?.close());

/** A valid credit code: enterprise prefix, a serial, and the computed check character. */
function code(serial: number): string {
  const first17 = `9132000013${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}
const yuan = (n: number) => n * 100;
const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((i) => i.name).sort();

async function create(who: string, body: Record<string, unknown>) {
  const r = await c[who].post('/api/accounts', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number; version: number } & Record<string, any>;
}

describe('credit code and duplicates', () => {
  it('a wrong check digit is a 400 naming creditCode with its translation key', async () => {
    const good = code(1);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await c.spec_a1.post('/api/accounts', { name: '校验码测试', creditCode: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues).toEqual([{ path: 'creditCode', message: 'Check digit does not match', key: 'accounts.creditCodeCheckDigit' }]);
    const charset = await c.spec_a1.post('/api/accounts', { name: '字符测试', creditCode: 'O13200001300000010' });
    expect(charset.body.error.details.issues[0]).toMatchObject({ path: 'creditCode', key: 'accounts.creditCodeCharset' });
    const short = await c.spec_a1.post('/api/accounts', { name: '长度测试', creditCode: '9132' });
    expect(short.body.error.details.issues[0]).toMatchObject({ path: 'creditCode', key: 'accounts.creditCodeLength' });
  });
  it('accepts spaced lower-case input and stores it normalised', async () => {
    const cc = code(2);
    const a = await create('spec_a1', { name: '规范化测试', creditCode: `${cc.slice(0, 6).toLowerCase()} ${cc.slice(6)}` });
    expect(a.creditCode).toBe(cc);
  });
  it('a duplicate names the holder only to someone who can see it', async () => {
    const cc = code(3);
    const a = await create('spec_a1', { name: '重复检测甲', creditCode: cc });
    const hidden = await c.spec_b1.post('/api/accounts', { name: '重复检测乙', creditCode: cc });
    expect(hidden.status).toBe(409);
    expect(hidden.body.error.message).not.toContain('重复检测甲');
    expect(hidden.body.error.details).toEqual({ path: 'creditCode' });
    const seen = await c.director.post('/api/accounts', { name: '重复检测丙', creditCode: cc });
    expect(seen.status).toBe(409);
    expect(seen.body.error.details.existing).toEqual({ id: a.id, name: '重复检测甲' });
    const other = await create('spec_b1', { name: '重复检测丁' });
    const patch = await c.spec_b1.patch(`/api/accounts/${other.id}`, { creditCode: cc, version: other.version });
    expect(patch.status).toBe(409);
  });
});

describe('data scope, search, filters and sort', () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ids.jnh = (await create('spec_a1', { name: '江南会', shortName: '江南', creditCode: code(10), industry: '酒店会所', nature: 'private', province: '江苏', city: '南京' })).id;
    ids.a2 = (await create('spec_a2', { name: '中国邮政南京分公司', shortName: '南京邮政', creditCode: code(11), industry: '邮政', nature: 'soe', province: '江苏', city: '南京' })).id;
    ids.b1 = (await create('spec_b1', { name: '招商银行苏州分行', shortName: '苏州招行', industry: '银行', nature: 'joint_stock', province: '江苏', city: '苏州' })).id;
    ids.gm = (await create('gm', { name: '北京总部客户', industry: '政府', nature: 'government', province: '北京', city: '北京' })).id;
  });
  const search = (who: string, qs: string) => c[who].get(`/api/accounts?pageSize=200&${qs}`);

  it('a specialist sees own, a manager the team, the director the department, the GM all', async () => {
    const own = names(await search('spec_a1', 'q=江南会'));
    expect(own).toEqual(['江南会']);
    const a1All = names(await search('spec_a1', ''));
    expect(a1All).toContain('江南会');
    expect(a1All).not.toContain('中国邮政南京分公司');
    const team = names(await search('manager_a', ''));
    expect(team).toEqual(expect.arrayContaining(['江南会', '中国邮政南京分公司']));
    expect(team).not.toContain('招商银行苏州分行');
    const dept = names(await search('director', ''));
    expect(dept).toEqual(expect.arrayContaining(['江南会', '中国邮政南京分公司', '招商银行苏州分行']));
    expect(dept).not.toContain('北京总部客户');
    expect(names(await search('gm', ''))).toEqual(expect.arrayContaining(['江南会', '中国邮政南京分公司', '招商银行苏州分行', '北京总部客户']));
    expect((await search('prov_director', '')).body.total).toBe(0);
  });
  it('outside the scope a record is 404 for every route; without the permission 403', async () => {
    for (const url of [`/api/accounts/${ids.jnh}`, `/api/accounts/${ids.jnh}/changes`, `/api/accounts/${ids.jnh}/revenue`]) {
      expect((await c.spec_b1.get(url)).status, url).toBe(404);
      expect((await c.prov_director.get(url)).status, url).toBe(404);
    }
    expect((await c.spec_b1.patch(`/api/accounts/${ids.jnh}`, { name: 'x', version: 1 })).status).toBe(404);
    expect((await c.finance.get('/api/accounts')).status).toBe(403);
  });
  it('searches by pinyin initials, full pinyin, contains on names and credit-code prefix', async () => {
    expect(names(await search('director', 'q=jnh'))).toEqual(['江南会']);
    expect(names(await search('director', 'q=JiangNan'))).toEqual(['江南会']);
    expect(names(await search('director', 'q=南会'))).toEqual(['江南会']);
    expect(names(await search('director', 'q=szz'))).toEqual(['招商银行苏州分行']);
    expect(names(await search('director', 'q=邮政'))).toEqual(['中国邮政南京分公司']);
    expect(names(await search('director', `q=${code(10).slice(0, 17)}`))).toEqual(['江南会']);
    expect((await search('director', 'q=hn')).body.total).toBe(0);
  });
  it('filters by nature, industry, region, owner, unit subtree and lifecycle; sorts; pages', async () => {
    expect(names(await search('gm', 'nature=government'))).toEqual(['北京总部客户']);
    expect(names(await search('gm', `industry=${encodeURIComponent('银行')}`))).toEqual(['招商银行苏州分行']);
    expect(names(await search('gm', `city=${encodeURIComponent('南京')}&q=${encodeURIComponent('南')}`))).toEqual(['中国邮政南京分公司', '江南会']);
    expect(names(await search('gm', `ownerId=${t.org.users.spec_a2}`))).toEqual(['中国邮政南京分公司']);
    const teamA = names(await search('gm', `unitId=${t.org.units.teamA}`));
    expect(teamA).toEqual(expect.arrayContaining(['江南会', '中国邮政南京分公司']));
    expect(teamA).not.toContain('招商银行苏州分行');
    const dept = names(await search('gm', `unitId=${t.org.units.ka}`));
    expect(dept).toEqual(expect.arrayContaining(['江南会', '招商银行苏州分行']));
    expect(dept).not.toContain('北京总部客户');
    expect((await search('gm', 'lifecycle=active')).body.total).toBe(0);
    const byName = (await search('gm', `province=${encodeURIComponent('江苏')}&sort=name`)).body.items.map((i: { name: string }) => i.name);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = (await search('gm', `province=${encodeURIComponent('江苏')}&sort=-name`)).body.items.map((i: { name: string }) => i.name);
    expect(desc).toEqual([...byName].reverse());
    const page = await c.gm.get('/api/accounts?pageSize=2&page=2&sort=name');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect((await c.gm.get('/api/accounts?sort=bogus')).body.error.details.issues[0].path).toBe('sort');
    expect((await c.gm.get('/api/accounts?tier=huge')).status).toBe(400);
  });
});

describe('profile, trade terms, versions, completeness', () => {
  it('hides trade terms without account:trade-terms and refuses to set them', async () => {
    const a = await create('spec_a1', { name: '贸易条件客户' });
    const denied = await c.spec_a1.patch(`/api/accounts/${a.id}`, { paymentTermDays: 30, version: a.version });
    expect(denied.status).toBe(403);
    const set = await c.director.patch(`/api/accounts/${a.id}`, { paymentTermDays: 45, discountBp: 500, version: a.version });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ paymentTermDays: 45, discountBp: 500, tradeTermsVisible: true });
    const mine = await c.spec_a1.get(`/api/accounts/${a.id}`);
    expect(mine.body).toMatchObject({ paymentTermDays: null, discountBp: null, tradeTermsVisible: false, name: '贸易条件客户' });
    // an edit without the terms leaves them in place
    const edit = await c.spec_a1.patch(`/api/accounts/${a.id}`, { phone: '025-88886666', version: mine.body.version });
    expect(edit.status).toBe(200);
    expect((await c.gm.get(`/api/accounts/${a.id}`)).body).toMatchObject({ paymentTermDays: 45, discountBp: 500, phone: '025-88886666' });
  });
  it('a stale version is a 409 and changes nothing', async () => {
    const a = await create('spec_a1', { name: '版本客户' });
    expect((await c.spec_a1.patch(`/api/accounts/${a.id}`, { address: '一号', version: a.version })).status).toBe(200);
    const stale = await c.spec_a1.patch(`/api/accounts/${a.id}`, { address: '二号', version: a.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await c.spec_a1.get(`/api/accounts/${a.id}`)).body.address).toBe('一号');
  });
  it('scores completeness, lists what is missing, counts the team and audits every write', async () => {
    const a = await create('spec_a1', { name: '完整度客户' });
    expect(a.completenessMissing.map((m: { field: string }) => m.field)).toContain('creditCode');
    expect(a.completenessMissing[0].field).toBe('creditCode');
    const before = a.completeness;
    const upd = await c.spec_a1.patch(`/api/accounts/${a.id}`, { creditCode: code(20), version: a.version });
    expect(upd.body.completeness).toBe(before + 9);
    expect(upd.body.completenessMissing.map((m: { field: string }) => m.field)).not.toContain('creditCode');
    const team = await c.spec_a1.put(`/api/accounts/${a.id}/team`, { members: [{ userId: t.org.users.spec_a1, role: 'specialist' }, { userId: t.org.users.manager_a, role: 'account_manager' }], version: upd.body.version });
    expect(team.status).toBe(200);
    expect(team.body.team).toHaveLength(2);
    expect(team.body.completeness).toBe(before + 9 + 5);
    const listed = (await c.spec_a1.get(`/api/accounts?q=${encodeURIComponent('完整度客户')}`)).body.items[0];
    expect(listed.completeness).toBe(before + 14);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'account').where('entity_id', '=', String(a.id)).orderBy('id').execute();
    expect(audits.map((x) => x.action)).toEqual(['create', 'update', 'team']);
  });
});

describe('group accounts, lifecycle, grade, assignment', () => {
  it('rolls revenue up to the parent, marks the group and refuses cycles', async () => {
    const parent = await create('director', { name: '集团总公司' });
    const c1 = await create('director', { name: '集团子公司一', parentId: parent.id });
    const c2 = await create('director', { name: '集团子公司二', parentId: parent.id });
    const grand = await create('director', { name: '集团孙公司', parentId: c1.id });
    await c.director.put(`/api/accounts/${c1.id}/revenue`, { rows: [{ year, source: 'import', amount: yuan(100) }], version: (await c.director.get(`/api/accounts/${c1.id}`)).body.version });
    await c.director.put(`/api/accounts/${c2.id}/revenue`, { rows: [{ year, source: 'manual', amount: yuan(50) }, { year: year - 1, source: 'import', amount: yuan(7) }], version: c2.version });
    await c.director.put(`/api/accounts/${grand.id}/revenue`, { rows: [{ year, source: 'import', amount: yuan(1) }], version: grand.version });
    const p = (await c.director.get(`/api/accounts/${parent.id}`)).body;
    expect(p.children.map((x: { name: string }) => x.name)).toEqual(['集团子公司一', '集团子公司二']);
    expect(p.categories).toContain('group');
    expect(p.revenueByYear).toEqual([]);
    expect(p.groupRevenueByYear).toEqual([{ year, amount: yuan(151) }, { year: year - 1, amount: yuan(7) }]);
    const child = (await c.director.get(`/api/accounts/${c1.id}`)).body;
    expect(child.parent).toMatchObject({ id: parent.id, name: '集团总公司', visible: true });
    expect(child.categories).toContain('group');
    const cycle = await c.director.patch(`/api/accounts/${parent.id}`, { parentId: grand.id, version: p.version });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details.issues[0]).toMatchObject({ path: 'parentId', key: 'accounts.parentCycle' });
    // detaching the only child of the second level removes its group mark
    const grandNow = (await c.director.get(`/api/accounts/${grand.id}`)).body;
    await c.director.patch(`/api/accounts/${grand.id}`, { parentId: null, version: grandNow.version });
    expect((await c.director.get(`/api/accounts/${grand.id}`)).body.categories).not.toContain('group');
    expect((await c.director.get(`/api/accounts/${c1.id}`)).body.categories).toContain('group');
  });
  it('moves the lifecycle along the graph with a reason and keeps the history', async () => {
    const a = await create('spec_a1', { name: '生命周期客户' });
    const skip = await c.spec_a1.post(`/api/accounts/${a.id}/lifecycle`, { to: 'active', reason: '跳级', version: a.version });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('INVALID_STATE');
    expect((await c.spec_a1.post(`/api/accounts/${a.id}/lifecycle`, { to: 'developing', reason: '', version: a.version })).status).toBe(400);
    const ok = await c.spec_a1.post(`/api/accounts/${a.id}/lifecycle`, { to: 'developing', reason: '首次拜访成功', version: a.version });
    expect(ok.status).toBe(200);
    expect(ok.body.lifecycle).toBe('developing');
    const h = (await c.spec_a1.get(`/api/accounts/${a.id}/changes`)).body.items;
    expect(h[0]).toMatchObject({ field: 'lifecycle', from: 'prospect', to: 'developing', reason: '首次拜访成功', actorId: t.org.users.spec_a1, actorName: '周专员' });
    expect(h.at(-1)).toMatchObject({ field: 'lifecycle', from: null, to: 'prospect', reason: 'created' });
  });
  it('the grade and the strategic category are the director\'s', async () => {
    const a = await create('spec_a1', { name: '评级客户' });
    expect((await c.spec_a1.post(`/api/accounts/${a.id}/grade`, { grade: 'A', reason: 'x', version: a.version })).status).toBe(403);
    const g = await c.director.post(`/api/accounts/${a.id}/grade`, { grade: 'B', reason: '价值评估', version: a.version });
    expect(g.body.grade).toBe('B');
    const s = await c.director.post(`/api/accounts/${a.id}/categories`, { strategic: true, reason: '战略布局', version: g.body.version });
    expect(s.body.categories).toEqual(['strategic']);
    expect(names(await c.director.get('/api/accounts?grade=B&category=strategic'))).toEqual(['评级客户']);
    const h = (await c.director.get(`/api/accounts/${a.id}/changes`)).body.items;
    expect(h.filter((x: { field: string }) => x.field !== 'quadrant').slice(0, 2)).toMatchObject([
      { field: 'categories', from: '', to: 'strategic', reason: '战略布局', reasonKey: null },
      { field: 'grade', from: null, to: 'B', reason: '价值评估', reasonKey: null },
    ]);
    // strategic makes the account more attractive: the quadrant follows in the same write
    expect(h[0]).toMatchObject({ field: 'quadrant', from: 'dog', to: 'question', reasonKey: 'categoriesChange' });
  });
  it('assignment moves the account between owners and data scopes', async () => {
    const a = await create('spec_a1', { name: '转交客户' });
    expect((await c.manager_a.post(`/api/accounts/${a.id}/assign`, { ownerId: t.org.users.spec_b1, reason: 'x', version: a.version })).status).toBe(403);
    const outside = await c.director.post(`/api/accounts/${a.id}/assign`, { ownerId: t.org.users.prov_director, reason: 'x', version: a.version });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.issues[0].path).toBe('ownerId');
    const r = await c.director.post(`/api/accounts/${a.id}/assign`, { ownerId: t.org.users.spec_b1, reason: '区域调整', version: a.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ownerId: t.org.users.spec_b1, unitId: t.org.units.teamB, ownerName: '冯专员' });
    expect((await c.spec_a1.get(`/api/accounts/${a.id}`)).status).toBe(404);
    expect((await c.spec_b1.get(`/api/accounts/${a.id}`)).status).toBe(200);
    const h = (await c.director.get(`/api/accounts/${a.id}/changes`)).body.items;
    expect(h.map((x: { field: string }) => x.field)).toEqual(expect.arrayContaining(['owner', 'unit']));
    // a specialist may not pick another owner on create; the director may, within the department
    expect((await c.spec_a1.post('/api/accounts', { name: '代建客户', ownerId: t.org.users.spec_a2 })).status).toBe(403);
    const forA2 = await create('director', { name: '代建客户', ownerId: t.org.users.spec_a2 });
    expect(forA2).toMatchObject({ ownerId: t.org.users.spec_a2, unitId: t.org.units.teamA });
    expect((await c.spec_a2.get(`/api/accounts/${forA2.id}`)).status).toBe(200);
    const away = await c.director.post('/api/accounts', { name: '外省客户', ownerId: t.org.users.spec_a2, unitId: t.org.units.province });
    expect(away.status).toBe(400);
    expect(away.body.error.details.issues[0]).toMatchObject({ path: 'unitId', key: 'accounts.unitOutOfScope' });
    expect((await c.gm.get(`/api/accounts?q=${encodeURIComponent('外省客户')}`)).body.total).toBe(0);
  });
});

describe('classification and the nightly recompute', () => {
  it('VIP makes the account heavy at once, with history', async () => {
    const a = await create('spec_a1', { name: '重型客户' });
    expect(a.tier).toBe('smb');
    const v = await c.spec_a1.patch(`/api/accounts/${a.id}`, { vip: true, version: a.version });
    expect(v.body.tier).toBe('heavy');
    const tierChange = (await c.spec_a1.get(`/api/accounts/${a.id}/changes`)).body.items.find((x: { field: string }) => x.field === 'tier');
    expect(tierChange).toMatchObject({ from: 'smb', to: 'heavy', reason: 'profile update', reasonKey: 'profileUpdate' });
    expect(names(await c.spec_a1.get('/api/accounts?vip=true&tier=heavy'))).toEqual(['重型客户']);
  });
  it('the revenue ledger reclassifies at once; premium needs good credit', async () => {
    const a = await create('director', { name: '优质客户', creditStanding: 'good' });
    const put = await c.director.put(`/api/accounts/${a.id}/revenue`, {
      rows: [
        { year: year - 2, source: 'import', amount: yuan(600_000), note: '核心系统' },
        { year: year - 1, source: 'contract', amount: yuan(400_000) },
        { year: year - 5, source: 'manual', amount: yuan(9_000_000) },
      ],
      version: a.version,
    });
    expect(put.status).toBe(200);
    expect(put.body.rows).toHaveLength(3);
    const d = (await c.director.get(`/api/accounts/${a.id}`)).body;
    expect(d.tier).toBe('large');
    expect(d.categories).toEqual(['premium']);
    const dup = await c.director.put(`/api/accounts/${a.id}/revenue`, { rows: [{ year, source: 'import', amount: 1 }, { year, source: 'import', amount: 2 }], version: d.version });
    expect(dup.status).toBe(400);
    const h = (await c.director.get(`/api/accounts/${a.id}/changes`)).body.items;
    expect(h).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'tier', from: 'smb', to: 'large', reason: 'revenue ledger update' })]));
  });
  it('the nightly job picks up revenue that arrived behind the API and records the reason', async () => {
    const a = await create('spec_a1', { name: '夜间重算客户' });
    // as an import from core systems would: straight into the ledger
    await t.database.db.insertInto('account_revenue').values({ account_id: a.id, year: year - 1, source: 'import', amount: yuan(1_000_000) }).execute();
    expect((await c.spec_a1.get(`/api/accounts/${a.id}`)).body.tier).toBe('smb');
    await t.platform.jobs.enqueue(t.database.db, ACCOUNTS_RECOMPUTE_JOB, {});
    await t.platform.jobs.runDue();
    const d = (await c.spec_a1.get(`/api/accounts/${a.id}`)).body;
    expect(d.tier).toBe('large');
    // derived changes do not make an open editor stale
    expect(d.version).toBe(a.version);
    const h = (await c.spec_a1.get(`/api/accounts/${a.id}/changes`)).body.items;
    expect(h.find((x: { field: string }) => x.field === 'tier')).toMatchObject({ from: 'smb', to: 'large', reason: 'nightly recompute', reasonKey: 'nightly', actorId: null });
  });
  it('admins configure thresholds and weights; saving queues a recompute', async () => {
    expect((await c.director.get('/api/account-settings')).status).toBe(403);
    const s = (await c.admin.get('/api/account-settings')).body;
    expect(s.classification.largeRevenueThreshold).toBe(yuan(1_000_000));
    expect(Object.values(s.completeness.weights as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(100);
    const a = await create('spec_a1', { name: '阈值客户' });
    await c.spec_a1.put(`/api/accounts/${a.id}/revenue`, { rows: [{ year: year - 1, source: 'manual', amount: yuan(200) }], version: a.version });
    expect((await c.spec_a1.get(`/api/accounts/${a.id}`)).body.tier).toBe('smb');
    const bad = await c.admin.put('/api/account-settings', { ...s, classification: { ...s.classification, largeRevenueYears: 0 } });
    expect(bad.status).toBe(400);
    const put = await c.admin.put('/api/account-settings', { classification: { ...s.classification, largeRevenueThreshold: yuan(200) }, completeness: { weights: { ...s.completeness.weights, fax: 0 } } });
    expect(put.status).toBe(200);
    expect(put.body.classification.largeRevenueThreshold).toBe(yuan(200));
    await t.platform.jobs.runDue();
    const d = (await c.spec_a1.get(`/api/accounts/${a.id}`)).body;
    expect(d.tier).toBe('large');
    expect(d.completenessMissing.map((m: { field: string }) => m.field)).not.toContain('fax');
  });
  it('the tier window is a setting: the last three complete years by default, or a rolling 36 months (issue 13 item 15)', async () => {
    const s = (await c.admin.get('/api/account-settings')).body;
    expect(s.classification.revenueWindow).toBe('completeYears');
    const million = { ...s.classification, largeRevenueThreshold: yuan(1_000_000), largeRevenueYears: 3 };
    expect((await c.admin.put('/api/account-settings', { ...s, classification: million })).status).toBe(200);
    await t.platform.jobs.runDue();
    const tierOf = async (id: number) => (await c.spec_a1.get(`/api/accounts/${id}`)).body.tier as string;
    const quadrantRevenue = async (id: number) =>
      (await c.spec_a1.get(`/api/accounts/${id}/quadrant`)).body.factors.find((f: { factor: string }) => f.factor === 'revenue').basis as Record<string, unknown>;

    // ¥1,000,000 this year: not yet a complete year
    const fresh = await create('spec_a1', { name: '本年新增收入客户' });
    await c.spec_a1.put(`/api/accounts/${fresh.id}/revenue`, { rows: [{ year, source: 'manual', amount: yuan(1_000_000) }], version: fresh.version });
    // ¥1,000,000 three years ago: inside the three complete years, outside the rolling window's whole years
    const older = await create('spec_a1', { name: '三年前收入客户' });
    await c.spec_a1.put(`/api/accounts/${older.id}/revenue`, { rows: [{ year: year - 3, source: 'manual', amount: yuan(1_000_000) }], version: older.version });
    expect(await tierOf(fresh.id)).toBe('smb');
    expect(await tierOf(older.id)).toBe('large');
    expect(await quadrantRevenue(fresh.id)).toMatchObject({ amount: 0, years: 3, window: 'completeYears' });

    // only account:configure changes it, and a window the system does not know is refused by name
    const rolling = { ...s, classification: { ...million, revenueWindow: 'rollingMonths' } };
    for (const who of ['director', 'spec_a1', 'gm']) expect((await c[who].put('/api/account-settings', rolling)).status, who).toBe(403);
    const bad = await c.admin.put('/api/account-settings', { ...s, classification: { ...million, revenueWindow: 'lastYear' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['classification.revenueWindow']);
    expect((await c.admin.get('/api/account-settings')).body.classification.revenueWindow).toBe('completeYears');

    const put = await c.admin.put('/api/account-settings', rolling);
    expect(put.status).toBe(200);
    expect(put.body.classification.revenueWindow).toBe('rollingMonths');
    await t.platform.jobs.runDue();
    // this year's revenue counts to date; three years ago only its months inside the window (at most 11/12)
    expect(await tierOf(fresh.id)).toBe('large');
    expect(await tierOf(older.id)).toBe('smb');
    expect(await quadrantRevenue(fresh.id)).toMatchObject({ amount: yuan(1_000_000), years: 3, window: 'rollingMonths' });
    const h = (await c.spec_a1.get(`/api/accounts/${fresh.id}/changes`)).body.items;
    expect(h.find((x: { field: string }) => x.field === 'tier')).toMatchObject({ from: 'smb', to: 'large', reasonKey: 'settingsChange' });
    const audit = await t.database.db.selectFrom('audit_log').select(['actor_id', 'diff']).where('entity', '=', 'setting').where('entity_id', '=', 'accounts.classification').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.diff).toMatchObject({ revenueWindow: ['completeYears', 'rollingMonths'] });

    // a client that does not send the window keeps it
    const { revenueWindow: _, ...withoutWindow } = million;
    const kept = await c.admin.put('/api/account-settings', { ...s, classification: { ...withoutWindow, largeRevenueThreshold: yuan(900_000) } });
    expect(kept.status).toBe(200);
    expect(kept.body.classification).toMatchObject({ revenueWindow: 'rollingMonths', largeRevenueThreshold: yuan(900_000) });

    // back to complete years: both accounts return to where they were
    expect((await c.admin.put('/api/account-settings', { ...s, classification: million })).status).toBe(200);
    await t.platform.jobs.runDue();
    expect(await tierOf(fresh.id)).toBe('smb');
    expect(await tierOf(older.id)).toBe('large');
    await c.admin.put('/api/account-settings', s);
    await t.platform.jobs.runDue();
  });
});

describe('search by contact name or phone (ACC-7)', () => {
  const ids: Record<string, number> = {};
  async function person(who: string, body: Record<string, unknown>) {
    const r = await c[who].post('/api/contacts', body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { id: number; version: number };
  }
  beforeAll(async () => {
    ids.steel = (await create('spec_a1', { name: '金陵钢铁有限公司' })).id;
    ids.port = (await create('spec_b1', { name: '太仓港务集团' })).id;
    await person('spec_a1', { accountId: ids.steel, name: '欧阳振华', title: '采购总监', mobile: '139-5170 8821' });
    await person('spec_a1', { accountId: ids.steel, name: '王伟', title: '设备科长', officePhone: '(025) 8362 1177' });
    const left = await person('spec_b1', { accountId: ids.port, name: '欧阳明', title: '原总经理', mobile: '13862009911' });
    await c.spec_b1.post(`/api/contacts/${left.id}/left`, { leftOn: '2025-12-01', note: '退休', version: left.version });
  });
  const search = (who: string, q: string) => c[who].get(`/api/accounts?pageSize=200&q=${encodeURIComponent(q)}`);

  it('finds the account by a contact name and says which contact matched', async () => {
    const r = await search('spec_a1', '欧阳振华');
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ id: ids.steel, matchedContact: { name: '欧阳振华', title: '采购总监', status: 'active' } });
    // a two-character name is found by its prefix
    expect((await search('spec_a1', '王伟')).body.items.map((i: { id: number }) => i.id)).toEqual([ids.steel]);
    // an account found by its own name carries no matched contact
    const own = await search('spec_a1', '金陵钢铁');
    expect(own.body.items[0]).toMatchObject({ id: ids.steel, matchedContact: null });
  });

  it('finds by the digits of a mobile or office phone, whatever the separators', async () => {
    expect((await search('spec_a1', '13951708821')).body.items[0]).toMatchObject({ id: ids.steel, matchedContact: { name: '欧阳振华' } });
    expect((await search('spec_a1', '8362-1177')).body.items[0]).toMatchObject({ id: ids.steel, matchedContact: { name: '王伟' } });
    // three digits are too few to mean a phone number
    expect((await search('spec_a1', '139')).body.items.map((i: { id: number }) => i.id)).not.toContain(ids.steel);
  });

  it('respects the data scope and finds contacts who left', async () => {
    // 欧阳 matches a contact at each account; each user sees only the accounts in their scope
    expect((await search('spec_a1', '欧阳')).body.items.map((i: { id: number }) => i.id)).toEqual([ids.steel]);
    expect((await search('spec_b1', '欧阳')).body.items).toEqual([expect.objectContaining({ id: ids.port, matchedContact: expect.objectContaining({ name: '欧阳明', status: 'left' }) })]);
    const director = (await search('director', '欧阳')).body.items.map((i: { id: number }) => i.id).sort();
    expect(director).toEqual([ids.steel, ids.port].sort());
    expect((await search('spec_b1', '13951708821')).body.total).toBe(0);
  });
});
