import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertReception } from '../support/receptions';
import { insertProject } from '../support/pipeline';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

const part = (body: { parts: { key: string; count: number; items: { label: string }[] }[] }, key: string) => body.parts.find((p) => p.key === key)!;
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

describe('departure handover (ORG-5)', () => {
  it('previews, hands everything over in one go and locks the leaver out', async () => {
    const u = t.org.users;
    const leaver = await t.login('director');
    const accounts = [];
    for (const name of ['交接客户甲', '交接客户乙']) {
      const r = await leaver.post('/api/accounts', { name });
      expect(r.status).toBe(200);
      accounts.push(r.body.id as number);
    }
    const contact = await leaver.post('/api/contacts', { accountId: accounts[0], name: '王采购', ownerId: u.director });
    expect(contact.status).toBe(200);
    for (const title of ['回访甲', '催款乙']) expect((await leaver.post('/api/tasks', { title })).status).toBe(200);
    const draft = await leaver.post('/api/general-requests', { title: '草稿申请', category: 'office_supplies', amount: 1000 });
    expect(draft.status).toBe(200);
    // spec_a1's request goes to the KA director first: the leaver holds a pending step
    const spec = await t.login('spec_a1');
    const req = await spec.post('/api/general-requests', { title: '待审申请', category: 'office_supplies', amount: 2000 });
    const submitted = await spec.post(`/api/general-requests/${req.body.id}/submit`);
    expect(submitted.status).toBe(200);
    const instanceId = submitted.body.approvalId as number;
    const before = await t.database.db.selectFrom('approval_steps').select(['approver_id', 'status']).where('instance_id', '=', instanceId).orderBy('seq').execute();
    expect(before[0]).toMatchObject({ approver_id: u.director, status: 'pending' });
    await t.database.db.insertInto('delegations').values({ user_id: u.director, delegate_id: u.spec_a2, starts_on: '2020-01-01', ends_on: '2099-12-31', created_by: u.admin }).execute();
    // development projects: an open and a paused one move, a won one stays with its history
    const liveProjects = [
      await insertProject(t.database.db, { accountId: accounts[0]!, ownerId: u.director!, name: '交接项目甲', stage: 2 }),
      await insertProject(t.database.db, { accountId: accounts[1]!, ownerId: u.director!, name: '交接项目乙', status: 'paused' }),
    ];
    // a visit still to be made moves; a cancelled one stays
    const plan = { accountId: accounts[0], purpose: 'first', method: 'phone', plannedAt: new Date().toISOString() };
    const liveVisit = (await leaver.post('/api/visits', plan)).body.visit;
    const deadVisit = (await leaver.post('/api/visits', plan)).body.visit;
    expect((await leaver.post(`/api/visits/${deadVisit.id}/cancel`, { version: deadVisit.version })).status).toBe(200);
    const wonProject = await insertProject(t.database.db, { accountId: accounts[1]!, ownerId: u.director!, status: 'won', stage: 5, closeReasonKey: 'price' });
    // business trips: a draft moves to the successor's unit; a cancelled one stays
    const tripOf = async (status: string) =>
      (await t.database.db.insertInto('business_trips').values({ owner_id: u.director!, unit_id: t.org.units.ka, destination: '交接出差', start_on: '2026-12-20', end_on: '2026-12-21', purpose: '拜访', transport: 'train', status, cancelled_at: status === 'cancelled' ? new Date() : null, created_by: u.director! }).returning('id').executeTakeFirstOrThrow()).id;
    const liveTrip = await tripOf('draft');
    const cancelledTrip = await tripOf('cancelled');
    // receptions: an open one moves; one whose report was confirmed stays with the leaver
    const liveReception = await insertReception(t.database.db, { accountId: accounts[0]!, ownerId: u.director!, status: 'approved' });
    const doneReception = await insertReception(t.database.db, { accountId: accounts[0]!, ownerId: u.director!, status: 'approved', reportStatus: 'approved' });

    // receipts: one waiting for finance moves (its successor chases it); a confirmed one stays as history
    const liveReceipt = await leaver.post('/api/receipts', { accountId: accounts[0], amount: 30_000, receivedOn: '2026-11-10' });
    const doneReceipt = await leaver.post('/api/receipts', { accountId: accounts[0], amount: 20_000, receivedOn: '2026-11-10' });
    expect([liveReceipt.status, doneReceipt.status]).toEqual([201, 201]);
    expect((await (await t.login('finance')).post(`/api/receipts/${doneReceipt.body.id}/confirm`, { version: doneReceipt.body.version })).status).toBe(200);

    // a complaint the leaver handles moves; none closed here
    const ticket = await leaver.post('/api/tickets', { kind: 'complaint', severity: 'high', channel: 'phone', accountId: accounts[0], title: '交接中的投诉' });
    expect(ticket.status).toBe(201);

    const preview = await admin.get(`/api/users/${u.director}/handover`);
    expect(preview.status).toBe(200);
    expect(preview.body.user).toMatchObject({ id: u.director, status: 'active' });
    expect(Object.fromEntries(preview.body.parts.map((p: { key: string; count: number }) => [p.key, p.count]))).toEqual({ accounts: 2, contacts: 1, tasks: 2, plans: 0, approvals: 1, requests: 1, delegations: 1, opportunities: 2, giftApplications: 0, giftPlans: 0, trips: 1, visits: 1, receptions: 1, contracts: 0, receipts: 1, tickets: 1, recovery: 0, events: 0 });
    expect(part(preview.body, 'opportunities').items.map((i) => i.label).sort()).toEqual(['交接客户乙 · 交接项目乙', '交接客户甲 · 交接项目甲']);
    expect(part(preview.body, 'accounts').items.map((i) => i.label).sort()).toEqual(['交接客户乙', '交接客户甲'].sort());
    expect(part(preview.body, 'approvals').items[0].label).toContain('待审申请');

    // nobody approves their own document: the submitter cannot take over the step
    const own = await admin.post(`/api/users/${u.director}/handover`, { defaultSuccessorId: u.manager_b, successors: { approvals: u.spec_a1 }, leftOn: '2026-11-20' });
    expect(own.status).toBe(400);
    expect(paths(own)).toEqual(['successors.approvals']);
    expect((await admin.get(`/api/users/${u.director}/handover`)).body.user.status).toBe('active');

    const done = await admin.post(`/api/users/${u.director}/handover`, {
      defaultSuccessorId: u.manager_b,
      successors: { tasks: u.spec_a2, approvals: u.deputy },
      leftOn: '2026-11-20',
      note: '离职交接',
    });
    expect(done.status).toBe(200);
    expect(done.body.userId).toBe(u.director);
    expect(done.body.leftAt.slice(0, 4)).toBe('2026');
    expect(Object.fromEntries(done.body.parts.map((p: { key: string; count: number; successorId: number | null }) => [p.key, [p.count, p.successorId]]))).toEqual({
      accounts: [2, u.manager_b], contacts: [1, u.manager_b], tasks: [2, u.spec_a2], plans: [0, u.manager_b], approvals: [1, u.deputy], requests: [1, u.manager_b], delegations: [1, null], opportunities: [2, u.manager_b], giftApplications: [0, u.manager_b], giftPlans: [0, u.manager_b], trips: [1, u.manager_b], visits: [1, u.manager_b], receptions: [1, u.manager_b], contracts: [0, u.manager_b], receipts: [1, u.manager_b], tickets: [1, u.manager_b], recovery: [0, u.manager_b], events: [0, u.manager_b],
    });
    expect(await t.database.db.selectFrom('tickets').select(['owner_id', 'unit_id']).where('id', '=', ticket.body.id).executeTakeFirstOrThrow()).toEqual({ owner_id: u.manager_b, unit_id: t.org.units.teamB });

    const db = t.database.db;
    // nothing is left with the leaver
    const after = await admin.get(`/api/users/${u.director}/handover`);
    expect(after.body.user.status).toBe('left');
    expect(after.body.parts.every((p: { count: number }) => p.count === 0)).toBe(true);
    const receptionOwners = await db.selectFrom('receptions').select(['id', 'owner_id']).where('id', 'in', [liveReception, doneReception]).orderBy('id').execute();
    expect(receptionOwners.map((r) => r.owner_id)).toEqual([u.manager_b, u.director]);
    const receiptOwners = await db.selectFrom('receipts').select(['owner_id', 'unit_id']).where('id', 'in', [liveReceipt.body.id, doneReceipt.body.id]).orderBy('id').execute();
    expect(receiptOwners.map((r) => [r.owner_id, r.unit_id])).toEqual([[u.manager_b, t.org.units.teamB], [u.director, t.org.units.ka]]);
    const owners = await db.selectFrom('accounts').select('owner_id').where('id', 'in', accounts).execute();
    expect(owners.map((o) => o.owner_id)).toEqual([u.manager_b, u.manager_b]);
    const changes = await db.selectFrom('account_changes').selectAll().where('account_id', 'in', accounts).where('reason', '=', 'handover').execute();
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ field: 'owner', from_value: String(u.director), to_value: String(u.manager_b), actor_id: u.admin });
    expect((await db.selectFrom('contacts').select('our_owner_id').where('id', '=', contact.body.id).executeTakeFirstOrThrow()).our_owner_id).toBe(u.manager_b);
    // the projects follow the successor into their unit, and the successor works them as 客户经理
    const projects = await db.selectFrom('opportunities').select(['id', 'owner_id', 'unit_id', 'version']).where('id', 'in', [...liveProjects, wonProject]).orderBy('id').execute();
    expect(projects.map((o) => [o.owner_id, o.unit_id, o.version])).toEqual([[u.manager_b, t.org.units.teamB, 2], [u.manager_b, t.org.units.teamB, 2], [u.director, t.org.units.ka, 1]]);
    const trips = await db.selectFrom('business_trips').select(['id', 'owner_id', 'unit_id']).where('id', 'in', [liveTrip, cancelledTrip]).orderBy('id').execute();
    expect(trips.map((x) => [x.owner_id, x.unit_id])).toEqual([[u.manager_b, t.org.units.teamB], [u.director, t.org.units.ka]]);
    const parts = await db.selectFrom('opportunity_participants').select(['opportunity_id', 'part']).where('user_id', '=', u.manager_b!).execute();
    expect(parts.map((x) => x.opportunity_id).sort()).toEqual([...liveProjects].sort());
    const visits = await db.selectFrom('visits').select(['id', 'owner_id', 'unit_id']).where('id', 'in', [liveVisit.id, deadVisit.id]).orderBy('id').execute();
    expect(visits.map((v) => [v.owner_id, v.unit_id])).toEqual([[u.manager_b, t.org.units.teamB], [u.director, t.org.units.ka]]);
    expect((await db.selectFrom('general_requests').select('owner_id').where('id', '=', draft.body.id).executeTakeFirstOrThrow()).owner_id).toBe(u.manager_b);
    const step = await db.selectFrom('approval_steps').selectAll().where('instance_id', '=', instanceId).orderBy('seq').executeTakeFirstOrThrow();
    expect(step).toMatchObject({ approver_id: u.deputy, original_approver_id: u.director, status: 'pending' });
    const event = await db.selectFrom('approval_events').selectAll().where('instance_id', '=', instanceId).where('action', '=', 'transfer').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: u.admin, to_user_id: u.deputy, comment: '离职交接' });
    expect((await db.selectFrom('delegations').select('revoked_at').where('user_id', '=', u.director).executeTakeFirstOrThrow()).revoked_at).not.toBeNull();

    // the new approver can act on the step
    const deputy = await t.login('deputy');
    expect((await deputy.post(`/api/approvals/${instanceId}/approve`, { comment: '同意' })).status).toBe(200);

    // the leaver is out: the old session is gone and signing in fails
    expect((await leaver.get('/api/auth/me')).status).toBe(401);
    await expect(t.login('director')).rejects.toThrow();
    const user = await db.selectFrom('users').select(['status', 'left_at']).where('id', '=', u.director).executeTakeFirstOrThrow();
    expect(user.status).toBe('left');
    expect(user.left_at).not.toBeNull();

    // one summary audit plus one per record
    const audits = await db.selectFrom('audit_log').select(['entity', 'entity_id', 'action', 'diff']).where('action', 'in', ['handover', 'transfer', 'revoke']).execute();
    const summary = audits.find((a) => a.entity === 'user' && a.entity_id === String(u.director));
    expect(summary).toBeTruthy();
    expect(JSON.stringify(summary!.diff)).toContain('"status"');
    expect(audits.filter((a) => a.entity === 'account')).toHaveLength(2);
    expect(audits.filter((a) => a.entity === 'task')).toHaveLength(2);
    expect(audits.filter((a) => a.entity === 'contact')).toHaveLength(1);
    expect(audits.filter((a) => a.entity === 'general_request')).toHaveLength(1);
    expect(audits.filter((a) => a.entity === 'approval_instance' && a.action === 'transfer')).toHaveLength(1);
    expect(audits.filter((a) => a.entity === 'delegation')).toHaveLength(1);
    expect(audits.filter((a) => a.entity === 'visit').map((a) => Number(a.entity_id))).toEqual([liveVisit.id]);
    expect(audits.filter((a) => a.entity === 'opportunity').map((a) => Number(a.entity_id)).sort()).toEqual([...liveProjects].sort());

    // every successor is told
    const notes = await db.selectFrom('notifications').select(['user_id', 'kind']).where('kind', '=', 'handover.received').execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([u.manager_b, u.spec_a2, u.deputy].sort());

    // a second handover of the same person is refused
    const again = await admin.post(`/api/users/${u.director}/handover`, { defaultSuccessorId: u.manager_b, leftOn: '2026-11-21' });
    expect(again.status).toBe(409);
    expect(again.body.error.i18n.key).toBe('handover.alreadyLeft');
  });

  it('names the bad successor fields and changes nothing', async () => {
    const u = t.org.users;
    const leaver = await t.login('spec_b1');
    expect((await leaver.post('/api/tasks', { title: '待交接任务' })).status).toBe(200);
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', u.gift_admin).execute();

    const missing = await admin.post(`/api/users/${u.spec_b1}/handover`, { leftOn: '2026-11-20' });
    expect(missing.status).toBe(400);
    expect(paths(missing)).toEqual(['successors.tasks']);

    const self = await admin.post(`/api/users/${u.spec_b1}/handover`, { defaultSuccessorId: u.spec_b1, leftOn: '2026-11-20' });
    expect(paths(self)).toEqual(['defaultSuccessorId']);
    const inactive = await admin.post(`/api/users/${u.spec_b1}/handover`, { defaultSuccessorId: u.manager_b, successors: { tasks: u.gift_admin, bogus: u.manager_b }, leftOn: '2026-11-20' });
    expect(inactive.status).toBe(400);
    expect(paths(inactive)).toEqual(['successors.bogus', 'successors.tasks']);
    const badDate = await admin.post(`/api/users/${u.spec_b1}/handover`, { defaultSuccessorId: u.manager_b, leftOn: '20-11-2026' });
    expect(badDate.status).toBe(400);
    expect(paths(badDate)).toEqual(['leftOn']);
    const ownWork = await admin.post(`/api/users/${u.admin}/handover`, { defaultSuccessorId: u.manager_b, leftOn: '2026-11-20' });
    expect(ownWork.status).toBe(400);

    // nothing moved: the task is still theirs and they can still work
    const preview = await admin.get(`/api/users/${u.spec_b1}/handover`);
    expect(part(preview.body, 'tasks').count).toBe(1);
    expect(preview.body.user.status).toBe('active');
    expect((await leaver.get('/api/auth/me')).status).toBe(200);
  });

  it('hands open strengthening-plan items and countermeasures to their successor, each item with its task', async () => {
    const u = t.org.users;
    const leaver = await t.login('office');
    const acc = (await leaver.post('/api/accounts', { name: '交接计划客户' })).body.id as number;
    const open = (await leaver.post(`/api/accounts/${acc}/plan-items`, { level: 'gm', measures: '拜访总经理' })).body;
    const finished = (await leaver.post(`/api/accounts/${acc}/plan-items`, { level: 'staff', measures: '走访科室' })).body;
    expect((await leaver.post(`/api/plan-items/${finished.id}/complete`, { outcome: '已走访', version: finished.version })).status).toBe(200);
    const measure = (await leaver.post(`/api/accounts/${acc}/countermeasures`, { problem: '付款周期长', measure: '协商分期' })).body;
    const closed = (await leaver.post(`/api/accounts/${acc}/countermeasures`, { problem: '旧问题', measure: '已解决' })).body;
    expect((await leaver.patch(`/api/countermeasures/${closed.id}`, { status: 'done', version: closed.version })).status).toBe(200);
    const manual = (await leaver.post('/api/tasks', { title: '手工任务' })).body;

    const preview = await admin.get(`/api/users/${u.office}/handover`);
    expect(part(preview.body, 'plans').count).toBe(2);
    expect(part(preview.body, 'plans').items.map((i) => i.label).sort()).toEqual(['交接计划客户 · 付款周期长', '交接计划客户 · 拜访总经理']);
    expect(part(preview.body, 'tasks').count).toBe(2);

    // other tasks go to spec_a1; the plan and its task to the manager
    const done = await admin.post(`/api/users/${u.office}/handover`, { defaultSuccessorId: u.manager_a, successors: { tasks: u.spec_a1 }, leftOn: '2026-11-20' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.parts.find((p: { key: string }) => p.key === 'plans')).toEqual({ key: 'plans', count: 2, successorId: u.manager_a });
    const db = t.database.db;
    const items = await db.selectFrom('account_plan_items').select(['id', 'owner_id']).where('account_id', '=', acc).orderBy('id').execute();
    expect(items).toEqual([{ id: open.id, owner_id: u.manager_a }, { id: finished.id, owner_id: u.office }]);
    const measures = await db.selectFrom('account_countermeasures').select(['id', 'owner_id']).where('account_id', '=', acc).orderBy('id').execute();
    expect(measures).toEqual([{ id: measure.id, owner_id: u.manager_a }, { id: closed.id, owner_id: u.office }]);
    const tasks = await db.selectFrom('tasks').select(['id', 'owner_id']).where('id', 'in', [open.taskId, manual.id]).execute();
    expect(Object.fromEntries(tasks.map((x) => [x.id, x.owner_id]))).toEqual({ [open.taskId]: u.manager_a, [manual.id]: u.spec_a1 });
    const audits = await db.selectFrom('audit_log').select('entity').where('action', '=', 'handover').where('entity', 'in', ['account_plan_item', 'account_countermeasure']).execute();
    expect(audits.map((a) => a.entity).sort()).toEqual(['account_countermeasure', 'account_plan_item']);
    // the account's history reads back after the owner changed hands
    const changes = await admin.get(`/api/accounts/${acc}/changes`);
    expect(changes.status).toBe(200);
    expect(changes.body.items.find((ch: { field: string }) => ch.field === 'owner')).toMatchObject({ from: String(u.office), to: String(u.manager_a), reason: 'handover' });
  });

  it('keeps a user outside the caller’s scope hidden and needs the permission', async () => {
    const u = t.org.users;
    // grant the KA director role the handover right for this test: the province director's scope is their branch
    const role = await t.database.db.selectFrom('roles').select('id').where('code', '=', 'ka_director').executeTakeFirstOrThrow();
    await t.database.db.insertInto('role_permissions').values({ role_id: role.id, permission: 'user:handover' }).execute();
    const prov = await t.login('prov_director');
    expect((await prov.get(`/api/users/${u.finance}/handover`)).status).toBe(404);
    expect((await prov.post(`/api/users/${u.finance}/handover`, { defaultSuccessorId: u.gm, leftOn: '2026-11-20' })).status).toBe(404);
    expect((await prov.get(`/api/users/999999/handover`)).status).toBe(404);
    expect((await prov.get(`/api/users/${u.prov_director}/handover`)).status).toBe(200);
    const spec = await t.login('spec_a2');
    expect((await spec.get(`/api/users/${u.spec_a1}/handover`)).status).toBe(403);
  });
});
