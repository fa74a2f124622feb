import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['director', 'manager_a', 'spec_a1', 'spec_a2', 'spec_b1', 'finance']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

type Body = Record<string, any>;
const paths = (r: { body: Body }) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tasksOf = (itemId: number) =>
  t.database.db.selectFrom('tasks').select(['id', 'owner_id', 'status', 'title', 'due_at', 'link_url', 'source', 'completed_at']).where('link_entity', '=', 'plan_item').where('link_id', '=', itemId).orderBy('id').execute();

describe('relationship strengthening plan (REL-6, 客户关系强化表)', () => {
  let acc: number;
  let gm: Body;
  let deputy: Body;
  beforeAll(async () => {
    const a = await c.spec_a1.post('/api/accounts', { name: '华胜特钢有限公司' });
    acc = a.body.id;
    gm = (await c.spec_a1.post('/api/contacts', { accountId: acc, name: '韩总', title: '总经理' })).body;
    deputy = (await c.spec_a1.post('/api/contacts', { accountId: acc, name: '邓副总', title: '副总经理' })).body;
  });

  it('adds an item per level; its responsible person gets a task linked to the account', async () => {
    const r = await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, {
      level: 'gm',
      contactIds: [gm.id],
      ourRelationship: '见过两次，认可我方技术实力',
      ourStage: 'interested',
      competitor: '华信科技',
      competitorRelationship: '董事长老乡，私交较好',
      ownerId: t.org.users.manager_a,
      measures: '邀请韩总参观我方标杆客户现场\n安排总经理层面会晤',
      startOn: day(-20),
      dueOn: day(-2),
      notes: '需提前两周预约',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      level: 'gm',
      contacts: [{ id: gm.id, name: '韩总', title: '总经理', left: false }],
      ourStage: 'interested',
      competitor: '华信科技',
      ownerId: t.org.users.manager_a,
      ownerName: '孙经理',
      status: 'planned',
      overdue: true,
      doneOn: null,
    });
    const tasks = await tasksOf(r.body.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: r.body.taskId, owner_id: t.org.users.manager_a, status: 'open', source: 'plan', link_url: `/accounts/${acc}?tab=plan`, title: '华胜特钢有限公司 · 邀请韩总参观我方标杆客户现场' });
    expect(tasks[0]!.due_at).not.toBeNull();
    // the manager sees it on their own list and was told
    const mine = await c.manager_a.get('/api/tasks');
    expect(mine.body.items.map((x: Body) => x.id)).toContain(r.body.taskId);
    const note = await t.database.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', t.org.users.manager_a).where('kind', '=', 'task.assigned').executeTakeFirst();
    expect(note?.link).toBe(`/accounts/${acc}?tab=plan`);

    const plan = await c.director.get(`/api/accounts/${acc}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.items.map((i: Body) => i.level)).toEqual(['gm']);
  });

  it('names the failing fields and saves nothing', async () => {
    const other = (await c.spec_a1.post('/api/accounts', { name: '华胜特钢销售公司' })).body.id;
    const stranger = (await c.spec_a1.post('/api/contacts', { accountId: other, name: '外人' })).body;
    const bad = await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'staff', contactIds: [deputy.id, deputy.id, stranger.id], measures: '走访' });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['contactIds.1', 'contactIds.2']);
    const shape = await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'chairman', measures: '', ourStage: 'friend' });
    expect(paths(shape)).toEqual(['level', 'measures', 'ourStage']);
    const dates = await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'staff', measures: '走访', startOn: day(5), dueOn: day(1) });
    expect(paths(dates)).toEqual(['dueOn']);
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', t.org.users.spec_a2).execute();
    const owner = await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'staff', measures: '走访', ownerId: t.org.users.spec_a2 });
    expect(paths(owner)).toEqual(['ownerId']);
    await t.database.db.updateTable('users').set({ status: 'active' }).where('id', '=', t.org.users.spec_a2).execute();
    expect((await c.spec_a1.get(`/api/accounts/${acc}/plan`)).body.items).toHaveLength(1);
  });

  it('moves the task when the item is reassigned, follows the due date and closes it when done', async () => {
    const item = (await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'deputy_gm', contactIds: [deputy.id], measures: '技术交流会', dueOn: day(7) })).body;
    expect(item.ownerId).toBe(t.org.users.spec_a1);
    // the creator's own task: nobody is notified of their own work
    const first = await tasksOf(item.id);
    expect(first).toMatchObject([{ owner_id: t.org.users.spec_a1, status: 'open' }]);

    const moved = await c.spec_a1.patch(`/api/plan-items/${item.id}`, { ownerId: t.org.users.director, status: 'in_progress', version: item.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ ownerName: '张总监', status: 'in_progress' });
    let tasks = await tasksOf(item.id);
    expect(tasks.map((x) => [x.owner_id, x.status])).toEqual([[t.org.users.spec_a1, 'cancelled'], [t.org.users.director, 'open']]);
    expect(moved.body.taskId).toBe(tasks[1]!.id);

    const redated = await c.spec_a1.patch(`/api/plan-items/${item.id}`, { dueOn: day(14), contactIds: [], version: moved.body.version });
    expect(redated.body.contacts).toEqual([]);
    tasks = await tasksOf(item.id);
    expect(new Date(tasks[1]!.due_at!).getTime()).toBeGreaterThan(new Date(first[0]!.due_at!).getTime());
    expect(tasks).toHaveLength(2);

    const stale = await c.spec_a1.post(`/api/plan-items/${item.id}/complete`, { outcome: '已会晤', version: moved.body.version });
    expect(stale.status).toBe(409);
    const done = await c.spec_a1.post(`/api/plan-items/${item.id}/complete`, { outcome: '邓副总同意牵头技术评审', doneOn: day(0), version: redated.body.version });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneOn: day(0), outcome: '邓副总同意牵头技术评审', overdue: false, taskId: null });
    tasks = await tasksOf(item.id);
    expect(tasks[1]).toMatchObject({ status: 'done' });
    expect(tasks[1]!.completed_at).not.toBeNull();
    const again = await c.spec_a1.post(`/api/plan-items/${item.id}/complete`, { outcome: '再次', version: done.body.version });
    expect(again.status).toBe(409);
    expect(again.body.error.i18n.key).toBe('plans.notOpen');

    // reopening puts a fresh task on the list; cancelling withdraws it
    const reopened = await c.spec_a1.patch(`/api/plan-items/${item.id}`, { status: 'in_progress', version: done.body.version });
    expect(reopened.body).toMatchObject({ status: 'in_progress', doneOn: null, outcome: null });
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['cancelled', 'done', 'open']);
    const cancelled = await c.spec_a1.patch(`/api/plan-items/${item.id}`, { status: 'cancelled', version: reopened.body.version });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', overdue: false, taskId: null });
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['cancelled', 'done', 'cancelled']);
  });

  it('deleting an item withdraws its task', async () => {
    const item = (await c.spec_a1.post(`/api/accounts/${acc}/plan-items`, { level: 'dept_head', measures: '拜访设备科' })).body;
    expect((await c.spec_a1.delete(`/api/plan-items/${item.id}?version=${item.version + 1}`)).status).toBe(409);
    expect((await c.spec_a1.delete(`/api/plan-items/${item.id}?version=${item.version}`)).status).toBe(200);
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['cancelled']);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'account_plan_item').where('entity_id', '=', String(item.id)).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('keeps other teams out (404) and needs the contact permissions (403)', async () => {
    const item = (await c.spec_a1.get(`/api/accounts/${acc}/plan`)).body.items[0];
    expect((await c.spec_b1.get(`/api/accounts/${acc}/plan`)).status).toBe(404);
    expect((await c.spec_b1.post(`/api/accounts/${acc}/plan-items`, { level: 'staff', measures: '越权' })).status).toBe(404);
    expect((await c.spec_b1.patch(`/api/plan-items/${item.id}`, { notes: '越权', version: item.version })).status).toBe(404);
    expect((await c.spec_b1.post(`/api/plan-items/${item.id}/complete`, { outcome: '越权', version: item.version })).status).toBe(404);
    expect((await c.finance.get(`/api/accounts/${acc}/plan`)).status).toBe(403);
    expect((await c.manager_a.patch(`/api/plan-items/${item.id}`, { notes: '经理补充', version: item.version })).status).toBe(200);
  });
});
