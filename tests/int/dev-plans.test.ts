import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount, insertProject } from '../support/pipeline';

let t: TestApp;
let manager: Client;
let director: Client;
let accountId: number;

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

const input = (version: number, extra: Record<string, unknown> = {}) => ({
  strategy: '先打通信息中心，再以试点网点带动全行推广',
  advantages: ['efficiency', 'cost'],
  steps: [
    { title: '拜访信息中心主任', ownerId: t.org.users.manager_a, dueOn: '2026-12-10', stage: 3 },
    { title: '安排总部高层拜访', ownerId: t.org.users.director, stage: 4, done: false },
  ],
  support: ['director_assessment', 'senior_involvement'],
  resources: '演示环境一套',
  budget: 3_000_000,
  forecast: { sales: 100_000_000, profit: 20_000_000, staffCost: 2_000_000, travelCost: 500_000, operatingCost: 1_500_000, riskCoefficient: 0.25 },
  version,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('manager_a');
  director = await t.login('director');
  accountId = await insertAccount(t.database.db, '方案客户', t.org.users.manager_a!);
});
afterAll(async () => t?.close());

const project = (extra: Partial<Parameters<typeof insertProject>[1]> = {}) => insertProject(t.database.db, { accountId, ownerId: t.org.users.manager_a!, name: '网点改造', stage: 3, expectedValue: 100_000_000, ...extra });

async function pendingFor(user: Client, title: string) {
  const inbox = await user.get('/api/approvals?box=inbox');
  expect(inbox.status).toBe(200);
  return inbox.body.items.find((i: { title: string }) => i.title === title);
}

describe('development plan (PIPE-6)', () => {
  it('is written, submitted to the KA director and approved through the approval engine', async () => {
    const id = await project();
    const none = await manager.get(`/api/opportunities/${id}/plan`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ plan: null });

    const created = await manager.put(`/api/opportunities/${id}/plan`, input(0));
    expect(created.status).toBe(200);
    const plan = created.body.plan;
    expect(plan).toMatchObject({ opportunityId: id, status: 'draft', version: 1, budget: 3_000_000, approvalId: null, createdBy: { id: t.org.users.manager_a, name: '孙经理' } });
    expect(plan.steps).toEqual([
      { title: '拜访信息中心主任', ownerId: t.org.users.manager_a, ownerName: '孙经理', dueOn: '2026-12-10', stage: 3, done: false },
      { title: '安排总部高层拜访', ownerId: t.org.users.director, ownerName: '张总监', dueOn: null, stage: 4, done: false },
    ]);
    // 1 000 000 元 × 0.75 − (20 000 + 5 000 + 15 000) 元
    expect(plan.forecast).toEqual({ sales: 100_000_000, profit: 20_000_000, staffCost: 2_000_000, travelCost: 500_000, operatingCost: 1_500_000, riskCoefficient: 0.25, expectedReturn: 71_000_000 });

    expect((await manager.put(`/api/opportunities/${id}/plan`, input(0))).status).toBe(409);
    const edited = await manager.put(`/api/opportunities/${id}/plan`, input(1, { forecast: {}, budget: null }));
    expect(edited.body.plan).toMatchObject({ version: 2, budget: null, forecast: { sales: null, expectedReturn: null } });

    const submitted = await manager.post(`/api/opportunities/${id}/plan/submit`, { version: 2 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.plan).toMatchObject({ status: 'pending', decidedAt: null });
    expect(submitted.body.plan.submittedAt).not.toBeNull();
    const approvalId = submitted.body.plan.approvalId as number;
    expect(approvalId).toBeGreaterThan(0);

    // with the approvers: no edits, no second submission
    const version = submitted.body.plan.version as number;
    const locked = await manager.put(`/api/opportunities/${id}/plan`, input(version));
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('INVALID_STATE');
    expect((await manager.post(`/api/opportunities/${id}/plan/submit`, { version })).status).toBe(409);

    const item = await pendingFor(director, '客户开发方案：网点改造');
    expect(item).toMatchObject({ id: approvalId, docType: 'opportunity_plan' });
    const detail = await director.get(`/api/approvals/${approvalId}`);
    expect(detail.body.link).toBe(`/opportunities/${id}?tab=plan`);
    expect(detail.body.steps.map((s: { name: string; approverId: number }) => [s.name, s.approverId])).toEqual([['客户总监', t.org.users.director]]);
    expect((await director.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(200);

    const approved = (await manager.get(`/api/opportunities/${id}/plan`)).body.plan;
    expect(approved).toMatchObject({ status: 'approved', approvalId });
    expect(approved.decidedAt).not.toBeNull();
    expect((await manager.put(`/api/opportunities/${id}/plan`, input(approved.version))).status).toBe(409);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'opportunity_plan').where('entity_id', '=', String(approved.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'status', 'submit', 'status']);
  });

  it('is editable again after a rejection, and can be withdrawn by its submitter while pending', async () => {
    const id = await project({ name: '二期扩容' });
    await manager.put(`/api/opportunities/${id}/plan`, input(0));
    const sub = await manager.post(`/api/opportunities/${id}/plan/submit`, { version: 1 });
    const approvalId = sub.body.plan.approvalId;
    expect((await director.post(`/api/approvals/${approvalId}/reject`, { comment: '投入产出不清楚' })).status).toBe(200);
    const rejected = (await manager.get(`/api/opportunities/${id}/plan`)).body.plan;
    expect(rejected.status).toBe('rejected');

    const revised = await manager.put(`/api/opportunities/${id}/plan`, input(rejected.version, { strategy: '补充投入产出测算' }));
    expect(revised.status).toBe(200);
    expect(revised.body.plan).toMatchObject({ status: 'draft', strategy: '补充投入产出测算', decidedAt: null });
    const again = await manager.post(`/api/opportunities/${id}/plan/submit`, { version: revised.body.plan.version });
    expect(again.body.plan.status).toBe('pending');
    expect(again.body.plan.approvalId).not.toBe(approvalId);

    // only the submitter withdraws; a stale version is refused first
    expect((await manager.post(`/api/opportunities/${id}/plan/withdraw`, { version: 1 })).status).toBe(409);
    const byOther = await director.post(`/api/opportunities/${id}/plan/withdraw`, { version: again.body.plan.version });
    expect(byOther.status).toBe(403);
    const withdrawn = await manager.post(`/api/opportunities/${id}/plan/withdraw`, { version: again.body.plan.version });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.plan.status).toBe('withdrawn');
    const inst = await director.get(`/api/approvals/${again.body.plan.approvalId}`);
    expect(inst.body.status).toBe('withdrawn');
    expect((await manager.post(`/api/opportunities/${id}/plan/withdraw`, { version: withdrawn.body.plan.version })).status).toBe(409);
    // and may be submitted again as it stands
    expect((await manager.post(`/api/opportunities/${id}/plan/submit`, { version: withdrawn.body.plan.version })).body.plan.status).toBe('pending');
  });

  it('names the failing fields', async () => {
    const id = await project({ name: '字段校验' });
    await t.database.db.updateTable('users').set({ status: 'left' } as never).where('id', '=', t.org.users.spec_a2!).execute();
    const bad = await manager.put(`/api/opportunities/${id}/plan`, input(0, {
      steps: [
        { title: '有效', ownerId: t.org.users.manager_a },
        { title: '不存在的人', ownerId: 999_999 },
        { title: '离职的人', ownerId: t.org.users.spec_a2 },
      ],
    }));
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['steps.1.ownerId', 'steps.2.ownerId']);
    const shape = await manager.put(`/api/opportunities/${id}/plan`, { strategy: '', advantages: ['magic'], forecast: { riskCoefficient: 2 }, version: 0 });
    expect(shape.status).toBe(400);
    expect(paths(shape)).toEqual(['advantages.0', 'forecast.riskCoefficient', 'strategy']);
    expect((await manager.get(`/api/opportunities/${id}/plan`)).body.plan).toBeNull();
    const missing = await manager.post(`/api/opportunities/${id}/plan/submit`, { version: 1 });
    expect(missing.status).toBe(409);
  });

  it('hides projects outside the scope and refuses changes to closed ones', async () => {
    const id = await project({ name: '范围外' });
    const other = await t.login('manager_b');
    expect((await other.get(`/api/opportunities/${id}/plan`)).status).toBe(404);
    expect((await other.put(`/api/opportunities/${id}/plan`, input(0))).status).toBe(404);
    expect((await other.post(`/api/opportunities/${id}/plan/submit`, { version: 1 })).status).toBe(404);
    expect((await other.get('/api/opportunities/999999/plan')).status).toBe(404);
    // the specialist reads in their own scope only, and may not write
    const spec = await t.login('spec_a1');
    expect((await spec.get(`/api/opportunities/${id}/plan`)).status).toBe(404);
    expect((await spec.put(`/api/opportunities/${id}/plan`, input(0))).status).toBe(403);
    // the director reads and writes in the unit subtree
    expect((await director.get(`/api/opportunities/${id}/plan`)).status).toBe(200);

    const closed = await project({ name: '已丢单', status: 'lost', closeReasonKey: 'price' });
    const r = await manager.put(`/api/opportunities/${closed}/plan`, input(0));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVALID_STATE');
  });
});
