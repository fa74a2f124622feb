import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { businessDate } from '../../src/shared/domain/business-time';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const yuan = (n: number) => n * 100;

async function newRequest(c: Client, amountYuan: number, title = `请购 ${amountYuan}`) {
  const r = await c.post('/api/general-requests', { title, category: 'office_supplies', amount: yuan(amountYuan), description: '办公用品', submit: true });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.status).toBe('pending');
  expect(r.body.approvalId).toEqual(expect.any(Number));
  return r.body as { id: number; approvalId: number; version: number };
}

async function notificationsFor(userId: number, kind: string, link: string) {
  return t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', kind).where('link', '=', link).execute();
}

describe('chain selection and approver resolution', () => {
  it('picks one, two or three steps by amount and resolves approvers by position', async () => {
    const spec = await t.login('spec_a1');
    const { users } = t.org;
    const cases: [number, number[]][] = [
      [5000, [users.director]],
      [8000, [users.director, users.finance]],
      [30000, [users.director, users.finance, users.gm]],
    ];
    for (const [amount, approvers] of cases) {
      const req = await newRequest(spec, amount);
      const a = await spec.get(`/api/approvals/${req.approvalId}`);
      expect(a.status).toBe(200);
      expect(a.body.steps.map((s: { approverId: number }) => s.approverId)).toEqual(approvers);
      expect(a.body.steps.map((s: { status: string }) => s.status)).toEqual(['pending', ...approvers.slice(1).map(() => 'waiting')]);
      expect(a.body.amount).toBe(yuan(amount));
      expect(a.body.link).toBe(`/requests/${req.id}`);
      expect(a.body.canWithdraw).toBe(true);
      expect(a.body.canAct).toBe(false);
    }
  });

  it('previews the chain for a submitter without creating anything, and resolves the province director for a province user', async () => {
    const admin = await t.login('admin');
    const roles = (await admin.get('/api/roles')).body.items as { id: number; code: string }[];
    const specialist = roles.find((r) => r.code === 'specialist')!.id;
    const created = await admin.post('/api/users', { username: 'prov_spec', name: '卫专员', unitId: t.org.units.province, positions: ['field_specialist'], roleIds: [specialist], password: 'Prov-spec-pw1' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    // business-rule errors carry the key the web translates them by
    const taken = await admin.post('/api/users', { username: 'Prov_Spec', name: '卫专员', unitId: t.org.units.province, positions: [], roleIds: [specialist], password: 'Prov-spec-pw1' });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.issues).toEqual([{ path: 'username', message: 'Username is taken', key: 'org.usernameTaken' }]);
    const before = await t.database.db.selectFrom('approval_instances').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const p = await admin.post('/api/approval-chains/preview', { docType: 'general_request', submitterId: created.body.id, amount: yuan(8000) });
    expect(p.status).toBe(200);
    expect(p.body.chainName).toBe('通用审批');
    expect(p.body.steps.map((s: { approverId: number }) => s.approverId)).toEqual([t.org.users.prov_director, t.org.users.finance]);
    const after = await t.database.db.selectFrom('approval_instances').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const provSpec = await t.login('prov_spec', 'Prov-spec-pw1');
    const submitted = await newRequest(provSpec, 8000);
    const inst = await provSpec.get(`/api/approvals/${submitted.approvalId}`);
    expect(inst.body.steps.map((s: { approverName: string }) => s.approverName)).toEqual(['褚总监', '陈财务']);

    // the director's own request skips the director step
    const own = await admin.post('/api/approval-chains/preview', { docType: 'general_request', submitterId: t.org.users.director, amount: yuan(100) });
    expect(own.body.steps).toEqual([{ name: '部门负责人', approverId: t.org.users.director, approverName: '张总监', skipped: true }]);
    const bad = await admin.post('/api/approval-chains/preview', { docType: 'nope', submitterId: t.org.users.director, amount: null });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('docType');
  });

  it('a unit chain wins over the company-wide one; unresolvable steps are a 400 naming the step', async () => {
    const admin = await t.login('admin');
    const chain = await admin.post('/api/approval-chains', {
      docType: 'general_request',
      unitId: t.org.units.teamB,
      name: '二组审批',
      steps: [{ name: '组长', approver: { kind: 'position', position: 'account_manager' } }],
    });
    expect(chain.status, JSON.stringify(chain.body)).toBe(200);
    expect(chain.body.unitName).toBe('大客户部 / 二组');
    expect(chain.body.steps[0].minAmount).toBeNull();
    const spec = await t.login('spec_b1');
    const req = await newRequest(spec, 9000);
    const a = await spec.get(`/api/approvals/${req.approvalId}`);
    expect(a.body.steps.map((s: { approverId: number }) => s.approverId)).toEqual([t.org.users.manager_b]);

    const noOne = await admin.patch(`/api/approval-chains/${chain.body.id}`, { version: chain.body.version, steps: [{ name: '副总审批', approver: { kind: 'position', position: 'service_staff' } }] });
    expect(noOne.status).toBe(200);
    const fails = await spec.post('/api/general-requests', { title: '无人审批', category: 'other', amount: 100, submit: true });
    expect(fails.status).toBe(400);
    expect(fails.body.error.message).toContain('副总审批');
    // the failed submission left nothing behind
    const stale = await admin.patch(`/api/approval-chains/${chain.body.id}`, { version: chain.body.version, name: 'x' });
    expect(stale.status).toBe(409);
    expect((await admin.delete(`/api/approval-chains/${chain.body.id}`)).status).toBe(200);
    const listed = await admin.get('/api/approval-chains?docType=general_request');
    expect(listed.body.items.find((c: { id: number }) => c.id === chain.body.id).active).toBe(false);
    const again = await newRequest(spec, 100);
    const b = await spec.get(`/api/approvals/${again.approvalId}`);
    expect(b.body.steps.map((s: { approverId: number }) => s.approverId)).toEqual([t.org.users.director]);
  });

  it('without an active chain, submitting is a 400 that says so', async () => {
    const admin = await t.login('admin');
    const chains = (await admin.get('/api/approval-chains?docType=general_request')).body.items.filter((c: { active: boolean }) => c.active);
    for (const c of chains) expect((await admin.delete(`/api/approval-chains/${c.id}`)).status).toBe(200);
    const spec = await t.login('spec_a1');
    const r = await spec.post('/api/general-requests', { title: '无链', category: 'other', amount: 100, submit: true });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('No approval chain');
    // nothing was created by the failed submission
    expect((await spec.get('/api/general-requests?q=无链')).body.total).toBe(0);
    for (const c of chains) {
      const current = (await admin.get('/api/approval-chains')).body.items.find((x: { id: number }) => x.id === c.id);
      expect((await admin.patch(`/api/approval-chains/${c.id}`, { version: current.version, active: true })).status).toBe(200);
    }
    expect((await spec.post('/api/general-requests', { title: '有链', category: 'other', amount: 100, submit: true })).status).toBe(200);
  });

  it('validates chains: doc type registered, unit exists, user approvers exist; needs approval-chain:manage', async () => {
    const admin = await t.login('admin');
    const bad = await admin.post('/api/approval-chains', { docType: 'nope', unitId: 999999, name: 'x', steps: [{ name: 's', approver: { kind: 'user', userId: 999999 } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['docType', 'steps.0.approver.userId', 'unitId']);
    const types = await admin.get('/api/approval-doc-types');
    expect(types.body.items).toContainEqual({ type: 'general_request', labelKey: 'docTypes.general_request', amountLabel: 'approvals:amounts.applied' });
    const spec = await t.login('spec_a2');
    expect((await spec.get('/api/approval-chains')).status).toBe(403);
  });
});

describe('decisions', () => {
  it('approves through every step to approved; the request follows; notifications and audit rows are written', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 30000, '销售工具采购');
    const link = `/approvals/${req.approvalId}`;
    expect(await notificationsFor(t.org.users.director, 'approval.pending', link)).toHaveLength(1);
    expect(await notificationsFor(t.org.users.finance, 'approval.pending', link)).toHaveLength(0);

    const director = await t.login('director');
    const d = await director.get(link.replace('/approvals', '/api/approvals'));
    expect(d.body.canAct).toBe(true);
    const v0 = d.body.version;
    const a1 = await director.post(`/api/approvals/${req.approvalId}/approve`, { comment: '同意' });
    expect(a1.status).toBe(200);
    expect(a1.body.currentSeq).toBe(2);
    expect(a1.body.version).toBeGreaterThan(v0);
    expect(a1.body.canAct).toBe(false);
    expect(a1.body.currentApproverNames).toEqual(['陈财务']);
    expect(await notificationsFor(t.org.users.finance, 'approval.pending', link)).toHaveLength(1);

    const again = await director.post(`/api/approvals/${req.approvalId}/approve`, {});
    expect(again.status).toBe(403);

    const finance = await t.login('finance');
    expect((await finance.post(`/api/approvals/${req.approvalId}/approve`)).status).toBe(200);
    expect((await spec.get(`/api/general-requests/${req.id}`)).body.status).toBe('pending');
    const gm = await t.login('gm');
    const last = await gm.post(`/api/approvals/${req.approvalId}/approve`, {});
    expect(last.status).toBe(200);
    expect(last.body.status).toBe('approved');
    expect(last.body.finishedAt).toBeTruthy();
    expect(last.body.steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'approved', 'approved']);
    expect(last.body.steps[0].comment).toBe('同意');
    expect(last.body.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve']);

    const r = await spec.get(`/api/general-requests/${req.id}`);
    expect(r.body.status).toBe('approved');
    expect(r.body.decidedAt).toBeTruthy();
    expect(r.body.submittedAt).toBeTruthy();
    expect(await notificationsFor(t.org.users.spec_a1, 'approval.approved', link)).toHaveLength(1);

    const twice = await gm.post(`/api/approvals/${req.approvalId}/approve`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_STATE');
    expect(twice.body.error.i18n).toEqual({ key: 'approvals.alreadyDecided' });

    const audits = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'approval_instance').where('entity_id', '=', String(req.approvalId)).orderBy('id').execute();
    expect(audits).toEqual([
      { action: 'submit', actor_id: t.org.users.spec_a1 },
      { action: 'approve', actor_id: t.org.users.director },
      { action: 'approve', actor_id: t.org.users.finance },
      { action: 'approve', actor_id: t.org.users.gm },
    ]);
    const reqAudits = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'general_request').where('entity_id', '=', String(req.id)).orderBy('id').execute();
    expect(reqAudits.map((a) => a.action)).toEqual(['create', 'status', 'status']);
  });

  it('reject needs a comment, ends the instance and the request as rejected', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 8000);
    const director = await t.login('director');
    const noComment = await director.post(`/api/approvals/${req.approvalId}/reject`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details.issues[0].path).toBe('comment');
    const blank = await director.post(`/api/approvals/${req.approvalId}/reject`, { comment: '   ' });
    expect(blank.status).toBe(400);
    const r = await director.post(`/api/approvals/${req.approvalId}/reject`, { comment: '预算不足' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('rejected');
    expect(r.body.steps.map((s: { status: string }) => s.status)).toEqual(['rejected', 'cancelled']);
    expect((await spec.get(`/api/general-requests/${req.id}`)).body.status).toBe('rejected');
    expect(await notificationsFor(t.org.users.spec_a1, 'approval.rejected', `/approvals/${req.approvalId}`)).toHaveLength(1);
    // a rejected request stays closed
    expect((await spec.post(`/api/general-requests/${req.id}/submit`)).status).toBe(409);
  });

  it('return for changes lets the submitter edit and submit again as a new instance', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 3000, '话费超标');
    const director = await t.login('director');
    expect((await director.post(`/api/approvals/${req.approvalId}/return`, {})).status).toBe(400);
    const ret = await director.post(`/api/approvals/${req.approvalId}/return`, { comment: '请补充发票' });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('returned');
    let r = await spec.get(`/api/general-requests/${req.id}`);
    expect(r.body.status).toBe('returned');
    expect(await notificationsFor(t.org.users.spec_a1, 'approval.returned', `/approvals/${req.approvalId}`)).toHaveLength(1);

    // only the owner edits
    const other = await t.login('manager_a');
    expect((await other.patch(`/api/general-requests/${req.id}`, { version: r.body.version, title: 'x' })).status).toBe(403);
    const staleEdit = await spec.patch(`/api/general-requests/${req.id}`, { version: r.body.version - 1, amount: yuan(9000) });
    expect(staleEdit.status).toBe(409);
    const edited = await spec.patch(`/api/general-requests/${req.id}`, { version: r.body.version, amount: yuan(9000), description: '已补充发票' });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('returned');
    const resub = await spec.post(`/api/general-requests/${req.id}/submit`);
    expect(resub.status).toBe(200);
    expect(resub.body.status).toBe('pending');
    expect(resub.body.approvalId).not.toBe(req.approvalId);
    const inst = await spec.get(`/api/approvals/${resub.body.approvalId}`);
    expect(inst.body.steps).toHaveLength(2);
    // no editing while pending, no second submission
    const locked = await spec.patch(`/api/general-requests/${req.id}`, { version: resub.body.version, title: 'x' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.i18n).toEqual({ key: 'requests.notEditable', params: { status: 'pending' } });
    expect((await spec.post(`/api/general-requests/${req.id}/submit`)).status).toBe(409);
    r = await spec.get(`/api/general-requests/${req.id}`);
    expect(r.body.amount).toBe(yuan(9000));
  });

  it('withdraw: the submitter only, while pending', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 100);
    const director = await t.login('director');
    expect((await director.post(`/api/approvals/${req.approvalId}/withdraw`)).status).toBe(403);
    const w = await spec.post(`/api/approvals/${req.approvalId}/withdraw`, { comment: '不需要了' });
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    expect(w.body.steps[0].status).toBe('cancelled');
    expect((await spec.get(`/api/general-requests/${req.id}`)).body.status).toBe('withdrawn');
    expect(await notificationsFor(t.org.users.director, 'approval.withdrawn', `/approvals/${req.approvalId}`)).toHaveLength(1);
    expect((await spec.post(`/api/approvals/${req.approvalId}/withdraw`)).status).toBe(409);
    expect((await director.post(`/api/approvals/${req.approvalId}/approve`)).status).toBe(409);
  });

  it('transfer hands the step to another user, who can then approve; the original keeps the record', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 100);
    const director = await t.login('director');
    expect((await director.post(`/api/approvals/${req.approvalId}/transfer`, { toUserId: t.org.users.spec_a1 })).status).toBe(400);
    expect((await director.post(`/api/approvals/${req.approvalId}/transfer`, { toUserId: 999999 })).status).toBe(400);
    const tr = await director.post(`/api/approvals/${req.approvalId}/transfer`, { toUserId: t.org.users.deputy, comment: '出差，请李总审批' });
    expect(tr.status).toBe(200);
    expect(tr.body.steps[0]).toMatchObject({ approverId: t.org.users.deputy, originalApproverId: t.org.users.director, status: 'pending' });
    expect(tr.body.events.at(-1)).toMatchObject({ action: 'transfer', actorId: t.org.users.director, toUserId: t.org.users.deputy, toUserName: '李副总' });
    expect(await notificationsFor(t.org.users.deputy, 'approval.transferred', `/approvals/${req.approvalId}`)).toHaveLength(1);
    const deputy = await t.login('deputy');
    const inbox = await deputy.get('/api/approvals?box=inbox');
    expect(inbox.body.items.map((i: { id: number }) => i.id)).toContain(req.approvalId);
    const ok = await deputy.post(`/api/approvals/${req.approvalId}/approve`);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.steps[0].actedBy).toBe(t.org.users.deputy);
    expect((await director.get(`/api/approvals/${req.approvalId}`)).status).toBe(200);
  });

  it('comments by the submitter and approvers; others are refused', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 8000);
    const director = await t.login('director');
    const c = await director.post(`/api/approvals/${req.approvalId}/comment`, { comment: '发票在哪里？' });
    expect(c.status).toBe(200);
    expect(c.body.events.at(-1)).toMatchObject({ action: 'comment', actorId: t.org.users.director, comment: '发票在哪里？' });
    expect(c.body.status).toBe('pending');
    expect(await notificationsFor(t.org.users.spec_a1, 'approval.commented', `/approvals/${req.approvalId}`)).toHaveLength(1);
    const reply = await spec.post(`/api/approvals/${req.approvalId}/comment`, { comment: '附件已上传' });
    expect(reply.status).toBe(200);
    expect(await notificationsFor(t.org.users.director, 'approval.commented', `/approvals/${req.approvalId}`)).toHaveLength(1);
    // finance holds a later step, so hears both remarks
    expect(await notificationsFor(t.org.users.finance, 'approval.commented', `/approvals/${req.approvalId}`)).toHaveLength(2);
    expect(await notificationsFor(t.org.users.spec_a1, 'approval.commented', `/approvals/${req.approvalId}`)).toHaveLength(1);
    expect((await spec.post(`/api/approvals/${req.approvalId}/comment`, {})).status).toBe(400);
    // an admin may see every approval but is not part of this one
    const admin = await t.login('admin');
    expect((await admin.get(`/api/approvals/${req.approvalId}`)).status).toBe(200);
    expect((await admin.post(`/api/approvals/${req.approvalId}/comment`, { comment: 'x' })).status).toBe(403);
  });

  it('a delegate approves in the delegator\'s place and the history shows it', async () => {
    const director = await t.login('director');
    const today = businessDate(new Date(), 'Asia/Shanghai');
    const dl = await director.post('/api/delegations', { delegateId: t.org.users.manager_a, startsOn: today, endsOn: today, reason: '休假' });
    expect(dl.status, JSON.stringify(dl.body)).toBe(200);
    expect(dl.body).toMatchObject({ userId: t.org.users.director, delegateId: t.org.users.manager_a, delegateName: '孙经理', active: true });
    const spec = await t.login('spec_a2');
    const req = await newRequest(spec, 200);
    const inst = await spec.get(`/api/approvals/${req.approvalId}`);
    expect(inst.body.steps[0]).toMatchObject({ approverId: t.org.users.manager_a, originalApproverId: t.org.users.director });
    expect(inst.body.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'delegate']);
    expect(await notificationsFor(t.org.users.manager_a, 'approval.pending', `/approvals/${req.approvalId}`)).toHaveLength(1);
    expect(await notificationsFor(t.org.users.director, 'approval.pending', `/approvals/${req.approvalId}`)).toHaveLength(1);
    const manager = await t.login('manager_a');
    expect((await manager.get('/api/approvals/counts')).body.inbox).toBeGreaterThanOrEqual(1);
    const ok = await manager.post(`/api/approvals/${req.approvalId}/approve`, { comment: '代批' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.steps[0]).toMatchObject({ actedBy: t.org.users.manager_a, actedByName: '孙经理', originalApproverName: '张总监' });
    expect(ok.body.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'delegate', 'approve']);

    // listing: mine and to me; a stranger's delegation needs delegation:manage
    expect((await manager.get('/api/delegations')).body.items.map((d: { id: number }) => d.id)).toContain(dl.body.id);
    expect((await spec.get('/api/delegations')).body.items.map((d: { id: number }) => d.id)).not.toContain(dl.body.id);
    expect((await spec.post('/api/delegations', { userId: t.org.users.director, delegateId: t.org.users.spec_a2, startsOn: today, endsOn: today })).status).toBe(403);
    expect((await spec.delete(`/api/delegations/${dl.body.id}`)).status).toBe(404);
    const bad = await spec.post('/api/delegations', { delegateId: t.org.users.spec_a2, startsOn: today, endsOn: today });
    expect(bad.status).toBe(400);
    const revoked = await director.delete(`/api/delegations/${dl.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.active).toBe(false);
    const next = await newRequest(spec, 200);
    expect((await spec.get(`/api/approvals/${next.approvalId}`)).body.steps[0]).toMatchObject({ approverId: t.org.users.director, originalApproverId: null });
  });
});

describe('visibility and permissions', () => {
  it('an outsider gets 404; a visible non-approver gets 403 when acting; a stale decision is 409', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 8000);
    const outsider = await t.login('spec_b1');
    expect((await outsider.get(`/api/approvals/${req.approvalId}`)).status).toBe(404);
    expect((await outsider.post(`/api/approvals/${req.approvalId}/approve`)).status).toBe(404);
    expect((await outsider.get(`/api/general-requests/${req.id}`)).status).toBe(404);
    expect((await spec.post(`/api/approvals/${req.approvalId}/approve`)).status).toBe(403);
    // finance is an approver of a later step: can see it, cannot act yet
    const finance = await t.login('finance');
    expect((await finance.get(`/api/approvals/${req.approvalId}`)).status).toBe(200);
    expect((await finance.post(`/api/approvals/${req.approvalId}/approve`)).status).toBe(403);
    const director = await t.login('director');
    expect((await director.post(`/api/approvals/${req.approvalId}/reject`, { comment: '否' })).status).toBe(200);
    const late = await director.post(`/api/approvals/${req.approvalId}/approve`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_STATE');
    expect((await t.anonymous().get(`/api/approvals/${req.approvalId}`)).status).toBe(401);
  });

  it('concurrent approvals of one step: exactly one wins', async () => {
    const spec = await t.login('spec_a1');
    const req = await newRequest(spec, 100);
    const director = await t.login('director');
    const results = await Promise.all(Array.from({ length: 8 }, () => director.post(`/api/approvals/${req.approvalId}/approve`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const events = await t.database.db.selectFrom('approval_events').select('action').where('instance_id', '=', req.approvalId).where('action', '=', 'approve').execute();
    expect(events).toHaveLength(1);
  });
});

describe('boxes and counts', () => {
  it('inbox, submitted and done boxes with filters, sorting and counts', async () => {
    const spec = await t.login('spec_a2');
    const director = await t.login('director');
    const before = (await director.get('/api/approvals/counts')).body.inbox;
    const a = await newRequest(spec, 100, '盒子测试 A');
    const b = await newRequest(spec, 100, '盒子测试 B');
    expect((await director.get('/api/approvals/counts')).body.inbox).toBe(before + 2);
    const inbox = await director.get('/api/approvals?box=inbox&q=盒子测试&sort=createdAt');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { id: number }) => i.id)).toEqual([a.approvalId, b.approvalId]);
    expect(inbox.body.total).toBe(2);
    expect(inbox.body.items[0]).toMatchObject({ submitterName: '吴专员', unitName: '大客户部 / 一组', currentStepName: '部门负责人', currentApproverNames: ['张总监'], docType: 'general_request' });
    await director.post(`/api/approvals/${a.approvalId}/approve`);
    expect((await director.get('/api/approvals/counts')).body.inbox).toBe(before + 1);
    const done = await director.get('/api/approvals?box=done&q=盒子测试');
    expect(done.body.items.map((i: { id: number }) => i.id)).toEqual([a.approvalId]);
    const submitted = await spec.get('/api/approvals?box=submitted&q=盒子测试&sort=-createdAt');
    expect(submitted.body.items.map((i: { id: number }) => i.id)).toEqual([b.approvalId, a.approvalId]);
    const approvedOnly = await spec.get('/api/approvals?box=submitted&q=盒子测试&status=approved');
    expect(approvedOnly.body.items.map((i: { id: number }) => i.id)).toEqual([a.approvalId]);
    const paged = await spec.get('/api/approvals?box=submitted&q=盒子测试&pageSize=1&page=2&sort=createdAt');
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items[0].id).toBe(b.approvalId);
    expect((await spec.get('/api/approvals?box=submitted&docType=other_type')).body.total).toBe(0);
    expect((await spec.get('/api/approvals?sort=title')).status).toBe(400);
    expect((await spec.get('/api/approvals?box=nope')).status).toBe(400);
  });
});
