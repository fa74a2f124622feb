import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeAccounts } from '../../src/server/features/health/health.service';
import type { RecoveryPage, RecoveryPlan } from '../../src/shared/contracts/recovery';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

/**
 * 流失预警与挽回 (issue 15 item 7): an account turning red moves to 预警 with the drivers as the reason and
 * gets one recovery plan with template steps for its owner; a person opens one for an account on watch;
 * the owner ticks the steps; the director decides won back (挽回) or lost (流失). Scope, bad input, stale
 * versions and fifty simultaneous openings.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const db = () => t.database.db;
const tz = () => t.platform.config.BUSINESS_TZ;
const DAY = 86_400_000;

async function account(name: string, owner: number, lifecycle = 'active') {
  const id = await insertAccount(db(), name, owner);
  await sql`update accounts set lifecycle = ${lifecycle}, tier = 'large', grade = 'B', created_at = now() - interval '400 days' where id = ${id}`.execute(db());
  return id;
}
/** Neglected: no visit for 200 days, revenue fallen by 70 %, a key person gone, another leaning to a competitor. */
async function neglect(id: number, owner: number) {
  const year = new Date().getUTCFullYear();
  const at = new Date(Date.now() - 200 * DAY);
  await sql`insert into visits (account_id, owner_id, unit_id, status, planned_at, checked_in_at, recorded_at, purpose, method)
    select ${id}, u.id, u.unit_id, 'recorded', ${at}, ${at}, ${at}, 'relationship', 'onsite' from users u where u.id = ${owner}`.execute(db());
  await sql`insert into account_revenue (account_id, year, source, amount) values (${id}, ${year - 1}, 'manual', 200000000), (${id}, ${year}, 'manual', 6000000)`.execute(db());
  await db()
    .insertInto('contacts')
    .values([
      { account_id: id, name: '离职关键人', is_key_person: true, status: 'left', left_at: new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10) },
      { account_id: id, name: '倾向竞品关键人', is_key_person: true, status: 'active', competitor_leaning: '竞争对手甲' },
    ])
    .execute();
}
const qs = (query: Record<string, string | number>) => new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
const plans = async (who: Client, query: Record<string, string | number> = {}) => {
  const r = await who.get(`/api/recovery-plans?${qs(query)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as RecoveryPage;
};
const plan = async (who: Client, id: number) => {
  const r = await who.get(`/api/recovery-plans/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as RecoveryPlan;
};
const lifecycle = async (id: number) => (await db().selectFrom('accounts').select('lifecycle').where('id', '=', id).executeTakeFirstOrThrow()).lifecycle;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1']) c[name] = await t.login(name);
});
afterAll(async () => t?.close());

describe('the churn warning', () => {
  let red: number;
  let planId: number;
  it('moves a customer that turns red to 预警 with the drivers as the reason and opens one plan with the template steps', async () => {
    red = await account('流失预警测试客户有限公司', u().manager_a!);
    await neglect(red, u().manager_a!);
    await recomputeAccounts(db(), [red], tz());

    expect(await lifecycle(red)).toBe('at_risk');
    const change = await db().selectFrom('account_changes').selectAll().where('account_id', '=', red).where('field', '=', 'lifecycle').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_value: 'active', to_value: 'at_risk', reason_key: 'healthRed', actor_id: null });
    expect(change.reason).toContain('近 200 天未拜访，政策为 30 天');

    const page = await plans(c.manager_a!, { accountId: red });
    expect(page.items).toHaveLength(1);
    const item = page.items[0]!;
    expect(item).toMatchObject({ trigger: 'health', state: 'open', band: 'red', owner: { id: u().manager_a }, account: { id: red, lifecycle: 'at_risk' }, steps: { done: 0, total: 5 } });
    expect(item.scoreAtOpen).toBeLessThan(50);
    expect(item.drivers[0]!.measure).toBe('visit_gap');
    planId = item.id;

    const p = await plan(c.manager_a!, planId);
    expect(p.lifecycleBefore).toBe('active');
    expect(p.openedBy).toBeNull();
    expect(p.reason).toContain('天未拜访');
    expect(p.stepList.map((s) => s.title)[0]).toBe('约见客户关键人，了解不满与流失原因');
    expect(p.stepList.every((s) => s.owner.id === u().manager_a && s.status === 'open' && s.mine && s.dueAt)).toBe(true);
    expect(p.can).toEqual({ work: true, close: false });

    // one notice for the owner (not one per step), one for the director above
    const notes = await db().selectFrom('notifications').select(['user_id', 'kind']).where('kind', 'like', 'recovery.%').execute();
    expect(notes).toEqual(expect.arrayContaining([{ user_id: u().manager_a, kind: 'recovery.opened' }, { user_id: u().director, kind: 'recovery.openedDirector' }]));
    expect((await db().selectFrom('notifications').select('id').where('user_id', '=', u().manager_a!).where('kind', '=', 'task.assigned').execute()).length).toBe(0);
  });

  it('opens no second plan while one is open, whatever the band does', async () => {
    await recomputeAccounts(db(), [red], tz());
    await sql`update account_health set band = 'yellow' where account_id = ${red}`.execute(db());
    await recomputeAccounts(db(), [red], tz());
    expect((await plans(c.director!, { accountId: red, state: 'open,in_progress,won_back,lost' })).total).toBe(1);
  });

  it('leaves a prospect alone: red but nothing to lose yet', async () => {
    const prospect = await account('红色潜在客户', u().manager_a!, 'prospect');
    await neglect(prospect, u().manager_a!);
    await recomputeAccounts(db(), [prospect], tz());
    expect(await lifecycle(prospect)).toBe('prospect');
    expect((await plans(c.manager_a!, { accountId: prospect })).total).toBe(0);
    const r = await c.manager_a!.post('/api/recovery-plans', { accountId: prospect, reason: '观察' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues).toEqual([expect.objectContaining({ path: 'accountId', key: 'recovery.notACustomer' })]);
  });

  it('shows the plans only in scope: another team’s manager gets a 404 and an empty list', async () => {
    expect((await c.manager_b!.get(`/api/recovery-plans/${planId}`)).status).toBe(404);
    expect((await plans(c.manager_b!)).items.find((i) => i.id === planId)).toBeUndefined();
    expect((await c.manager_b!.post(`/api/recovery-plans/${planId}/start`, { version: 1 })).status).toBe(404);
    expect((await plans(c.gm!)).items.some((i) => i.id === planId)).toBe(true);
  });

  it('lets the owner tick a step (the plan goes in progress) and nobody tick another’s', async () => {
    const p = await plan(c.manager_a!, planId);
    const step = p.stepList[0]!;
    expect((await c.director!.post(`/api/recovery-plans/${planId}/steps/${step.id}/done`, {})).status).toBe(404);
    const r = await c.manager_a!.post(`/api/recovery-plans/${planId}/steps/${step.id}/done`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ state: 'in_progress', steps: { done: 1, total: 5 } });
    expect(r.body.startedAt).not.toBeNull();
    expect((await c.manager_a!.post(`/api/recovery-plans/${planId}/steps/${step.id}/done`, {})).status).toBe(404);
    expect((await c.manager_a!.post(`/api/recovery-plans/${planId}/start`, { version: r.body.version })).status).toBe(409);
  });

  it('takes further steps and the goal and measures, refusing bad input field by field', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const add = await c.director!.post(`/api/recovery-plans/${planId}/steps`, { title: '总监陪同高层拜访', dueDate: '2099-01-04', assignee: 'me' });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    expect(add.body.stepList.find((s: { title: string }) => s.title === '总监陪同高层拜访')).toMatchObject({ owner: { id: u().director }, mine: true });
    const past = await c.manager_a!.post(`/api/recovery-plans/${planId}/steps`, { title: '补拜访', dueDate: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.details.issues[0]).toMatchObject({ path: 'dueDate', key: 'recovery.dueInPast' });
    for (const body of [{ title: 'a\u0000b', dueDate: today }, { title: 'x'.repeat(201), dueDate: today }, { title: 'ok', dueDate: '2026-02-30' }, { title: 42, dueDate: today }, { title: 'ok', dueDate: today, assignee: 'someone' }]) {
      const r = await c.manager_a!.post(`/api/recovery-plans/${planId}/steps`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    const p = await plan(c.manager_a!, planId);
    const save = await c.manager_a!.put(`/api/recovery-plans/${planId}`, { version: p.version, goal: '三个月内恢复季度采购', actions: '每两周拜访一次；解决账期问题' });
    expect(save.status, JSON.stringify(save.body)).toBe(200);
    expect(save.body).toMatchObject({ goal: '三个月内恢复季度采购', actions: '每两周拜访一次；解决账期问题', version: p.version + 1 });
    expect((await c.manager_a!.put(`/api/recovery-plans/${planId}`, { version: p.version, goal: '旧版本' })).status).toBe(409);
    expect((await c.manager_a!.put(`/api/recovery-plans/${planId}`, { version: save.body.version, goal: 'x'.repeat(2001) })).status).toBe(400);
  });

  it('lets only the director decide: won back moves 预警 to 挽回 and cancels the open steps', async () => {
    const p = await plan(c.manager_a!, planId);
    expect((await c.manager_a!.post(`/api/recovery-plans/${planId}/close`, { version: p.version, outcome: 'won_back', reason: '恢复采购' })).status).toBe(403);
    expect((await c.director!.post(`/api/recovery-plans/${planId}/close`, { version: p.version, outcome: 'won_back', reason: '' })).status).toBe(400);
    expect((await c.director!.post(`/api/recovery-plans/${planId}/close`, { version: p.version, outcome: 'maybe', reason: '?' })).status).toBe(400);
    const d = await plan(c.director!, planId);
    expect(d.can).toEqual({ work: true, close: true });
    const r = await c.director!.post(`/api/recovery-plans/${planId}/close`, { version: p.version, outcome: 'won_back', reason: '高层拜访后恢复季度采购' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ state: 'won_back', outcomeReason: '高层拜访后恢复季度采购', closedBy: { id: u().director }, can: { work: false, close: false } });
    expect(r.body.stepList.filter((s: { status: string }) => s.status === 'open')).toEqual([]);
    expect(r.body.stepList.filter((s: { status: string }) => s.status === 'done')).toHaveLength(1);
    expect(await lifecycle(red)).toBe('recovered');
    const change = await db().selectFrom('account_changes').selectAll().where('account_id', '=', red).where('field', '=', 'lifecycle').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_value: 'at_risk', to_value: 'recovered', reason: '高层拜访后恢复季度采购', actor_id: u().director });
    // closed: nothing changes it any more
    expect((await c.director!.put(`/api/recovery-plans/${planId}`, { version: r.body.version, goal: 'x' })).status).toBe(409);
    expect((await c.director!.post(`/api/recovery-plans/${planId}/close`, { version: r.body.version, outcome: 'lost', reason: 'x' })).status).toBe(409);
    // on the account timeline: opened by the health, closed as won back
    const tl = await c.director!.get(`/api/accounts/${red}/timeline?kinds=recovery_opened,recovery_closed`);
    expect(tl.status).toBe(200);
    expect(tl.body.items.map((e: { kind: string }) => e.kind)).toEqual(['recovery_closed', 'recovery_opened']);
  });
});

describe('a plan a person opens', () => {
  it('moves the account to 预警 with the person’s reason; lost moves it to 流失', async () => {
    const id = await account('人工关注客户有限公司', u().manager_a!);
    // a specialist works only their own accounts: the manager's is not theirs to open a plan on
    const r = await c.spec_a1!.post('/api/recovery-plans', { accountId: id, reason: '客户采购负责人更换，新负责人倾向竞品', goal: '建立与新负责人的关系' });
    expect(r.status).toBe(400);
    const open = await c.manager_a!.post('/api/recovery-plans', { accountId: id, reason: '客户采购负责人更换，新负责人倾向竞品', goal: '建立与新负责人的关系' });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    expect(open.body).toMatchObject({ trigger: 'manual', state: 'open', reason: '客户采购负责人更换，新负责人倾向竞品', goal: '建立与新负责人的关系', owner: { id: u().manager_a } });
    expect(open.body.stepList).toHaveLength(5);
    expect(await lifecycle(id)).toBe('at_risk');
    const again = await c.manager_a!.post('/api/recovery-plans', { accountId: id, reason: '再开一个' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ planId: open.body.id });

    const lost = await c.director!.post(`/api/recovery-plans/${open.body.id}/close`, { version: open.body.version, outcome: 'lost', reason: '客户已与竞品签订三年框架协议' });
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    expect(await lifecycle(id)).toBe('lost');
    // closed, the account may get a new plan later — but not while lost (not a customer)
    expect((await c.manager_a!.post('/api/recovery-plans', { accountId: id, reason: '再试' })).status).toBe(400);
  });

  it('refuses accounts out of scope and bad bodies with the field named', async () => {
    const theirs = await account('二组的客户', u().manager_b!);
    const r = await c.manager_a!.post('/api/recovery-plans', { accountId: theirs, reason: '越权' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0]).toMatchObject({ path: 'accountId', key: 'recovery.accountNotFound' });
    for (const body of [{ accountId: theirs }, { accountId: 'x', reason: 'a' }, { accountId: theirs, reason: 'a\u0000' }, { accountId: theirs, reason: 'x'.repeat(501) }, { accountId: -1, reason: 'a' }]) {
      expect((await c.manager_b!.post('/api/recovery-plans', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await c.manager_a!.get('/api/recovery-plans?state=open,bogus')).status).toBe(400);
    expect((await c.manager_a!.get('/api/recovery-plans?sort=name')).status).toBe(400);
    expect((await c.manager_a!.get('/api/recovery-plans/abc')).status).toBe(400);
    expect((await c.manager_a!.get('/api/recovery-plans/99999999')).status).toBe(404);
    // a URL Fastify itself refuses answers in the API's error shape
    const bad = await c.manager_a!.get('/api/recovery-plans/%FF');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
  });

  it('opens exactly one plan when fifty ask at once', async () => {
    const id = await account('并发挽回客户', u().manager_a!);
    const rs = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? c.manager_a! : c.director!).post('/api/recovery-plans', { accountId: id, reason: `并发 ${i}` })));
    expect(rs.filter((r) => r.status === 201)).toHaveLength(1);
    expect(rs.filter((r) => r.status === 409)).toHaveLength(49);
    const rows = await db().selectFrom('recovery_plans').select('id').where('account_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect((await db().selectFrom('tasks').select('id').where('link_entity', '=', 'recovery_plan').where('link_id', '=', rows[0]!.id).execute()).length).toBe(5);
  });

  it('keeps the plan’s rules when a step changes through the to-do list', async () => {
    const id = await account('待办完成步骤客户', u().manager_a!);
    const open = await c.manager_a!.post('/api/recovery-plans', { accountId: id, reason: '待办列表' });
    expect(open.status).toBe(201);
    const [first, second] = await db().selectFrom('tasks').select(['id', 'version']).where('link_entity', '=', 'recovery_plan').where('link_id', '=', open.body.id).orderBy('id').execute();
    // done from 我的待办: the plan goes in progress as when ticked on its page
    const done = await c.manager_a!.patch(`/api/tasks/${first!.id}`, { version: first!.version, status: 'done' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await plan(c.manager_a!, open.body.id)).state).toBe('in_progress');
    // closed: its steps change no more, from anywhere
    const p = await plan(c.director!, open.body.id);
    expect((await c.director!.post(`/api/recovery-plans/${open.body.id}/close`, { version: p.version, outcome: 'lost', reason: '客户已被收购' })).status).toBe(200);
    const cancelled = await db().selectFrom('tasks').select(['id', 'version', 'status']).where('id', '=', second!.id).executeTakeFirstOrThrow();
    expect(cancelled.status).toBe('cancelled');
    const reopen = await c.manager_a!.patch(`/api/tasks/${second!.id}`, { version: cancelled.version, status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe('INVALID_STATE');
    expect((await c.manager_a!.patch(`/api/tasks/${first!.id}`, { version: first!.version + 1, title: '改个标题' })).status).toBe(409);
  });
});

describe('the template', () => {
  it('is the director’s to change; a new plan gets the steps as saved', async () => {
    const s = await c.manager_a!.get('/api/recovery-plans/settings');
    expect(s.status).toBe(200);
    expect(s.body.settings.steps).toHaveLength(5);
    const body = { version: s.body.version, steps: [{ title: '电话回访', dueDays: 1 }, { title: '上门拜访', dueDays: 5 }] };
    expect((await c.manager_a!.put('/api/recovery-plans/settings', body)).status).toBe(403);
    expect((await c.director!.put('/api/recovery-plans/settings', { ...body, steps: [{ title: '', dueDays: 1 }] })).status).toBe(400);
    expect((await c.director!.put('/api/recovery-plans/settings', { ...body, steps: [{ title: 'x', dueDays: 91 }] })).status).toBe(400);
    const saved = await c.director!.put('/api/recovery-plans/settings', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await c.director!.put('/api/recovery-plans/settings', body)).status).toBe(409);
    const id = await account('新模板客户', u().manager_a!);
    const open = await c.manager_a!.post('/api/recovery-plans', { accountId: id, reason: '观察' });
    expect(open.body.stepList.map((x: { title: string }) => x.title)).toEqual(['电话回访', '上门拜访']);
  });
});

describe('merges and handovers', () => {
  const version = async (id: number) => (await db().selectFrom('accounts').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  it('a merge keeps one open plan: the duplicate’s is closed as lost (merged) and both move to the account that stays', async () => {
    const target = await account('合并挽回保留客户', u().manager_a!);
    const source = await account('合并挽回重复客户', u().manager_a!);
    const a = await c.manager_a!.post('/api/recovery-plans', { accountId: target, reason: '保留客户的方案' });
    const b = await c.manager_a!.post('/api/recovery-plans', { accountId: source, reason: '重复客户的方案' });
    expect([a.status, b.status]).toEqual([201, 201]);
    const merged = await c.director!.post(`/api/accounts/${target}/merge`, { sourceId: source, reason: '同一家企业重复建档', version: await version(target), sourceVersion: await version(source) });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const rows = await db().selectFrom('recovery_plans').select(['id', 'account_id', 'state', 'outcome_reason']).where('id', 'in', [a.body.id, b.body.id]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: a.body.id, account_id: target, state: 'open', outcome_reason: null },
      { id: b.body.id, account_id: target, state: 'lost', outcome_reason: 'merged' },
    ]);
  });

  it('a leaver’s open plans go to the successor (the last case: manager_a leaves)', async () => {
    const admin = c.admin!;
    const preview = await admin.get(`/api/users/${u().manager_a}/handover`);
    expect(preview.status).toBe(200);
    const part = preview.body.parts.find((p: { key: string }) => p.key === 'recovery');
    const open = await db().selectFrom('recovery_plans').select('id').where('owner_id', '=', u().manager_a!).where('state', 'in', ['open', 'in_progress']).execute();
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(part.count).toBe(open.length);
    const done = await admin.post(`/api/users/${u().manager_a}/handover`, { defaultSuccessorId: u().manager_b, leftOn: new Date().toISOString().slice(0, 10) });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const owners = await db().selectFrom('recovery_plans').select('owner_id').where('id', 'in', open.map((r) => r.id)).execute();
    expect(owners.every((r) => r.owner_id === u().manager_b)).toBe(true);
    // the closed plans stay with whoever worked them
    expect((await db().selectFrom('recovery_plans').select('id').where('owner_id', '=', u().manager_a!).execute()).length).toBeGreaterThan(0);
  });
});
