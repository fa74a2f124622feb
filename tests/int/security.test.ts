import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { businessDate } from '../../src/shared/domain/business-time';
import { call, createTestApp, type Client, type TestApp } from '../support/app';
import { testDbKind } from '../support/db';
import { TEST_PASSWORD } from '../support/fixtures';
import { insertAccount } from '../support/pipeline';
import { csv, dryRun, upload } from '../support/transfer';

/**
 * Issue 11: the defects found under attack and concurrent load, each with the test that failed
 * before its fix (the races across two server processes are in tests/race/security-race.test.ts).
 */
let t: TestApp;
const c: Record<string, Client> = {};
const yuan = (n: number) => n * 100;
const issuesOf = (r: { body: { error: { details: { issues: { path: string; key: string; location?: string }[] } } } }) => r.body.error.details.issues;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'finance', 'deputy', 'spec_a1', 'manager_a']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

describe('item 1: a NUL character anywhere is a 400 naming the field', () => {
  it('in a list query, a write body, a path parameter and the sign-in of a caller without a session', async () => {
    const list = await c.director!.get('/api/accounts?q=%00');
    expect(list.status).toBe(400);
    expect(issuesOf(list)).toEqual([expect.objectContaining({ path: 'q', location: 'querystring', key: 'validation.nul_character' })]);

    const write = await c.director!.post('/api/accounts', { name: '江南\u0000银行', tier: 'heavy' });
    expect(write.status).toBe(400);
    expect(issuesOf(write).map((i) => i.path)).toEqual(['name']);

    const nested = await c.spec_a1!.post('/api/expense-claims', { title: '报销', lines: [{ kind: 'other', category: '交通费', amount: 100, occurredOn: '2026-11-02', note: 'a\u0000' }] });
    expect(nested.status).toBe(400);
    expect(issuesOf(nested).map((i) => i.path)).toEqual(['lines.0.note']);

    const param = await c.director!.get('/api/accounts/1%00');
    expect(param.status).toBe(400);

    const login = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    expect(login.status).toBe(400);
    expect(issuesOf(login).map((i) => i.path)).toEqual(['username']);
  });

  it('an export with NUL in its query answers 400 before any byte of the file, and logs nothing', async () => {
    const before = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute();
    const r = await t.app.inject({ method: 'GET', url: '/api/accounts/export?format=xlsx&q=%E6%B1%9F%00', headers: { cookie: c.director!.cookie } });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(r.body).error.details.issues[0]).toMatchObject({ path: 'q', key: 'validation.nul_character' });
    const after = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute();
    expect(after).toHaveLength(before.length);
  });

  it('a multipart upload whose file name holds NUL, or that is not multipart at all, is a 400', async () => {
    const named = await upload(t, c.admin!, '/api/imports?kind=accounts', 'a\u0000.csv', csv([['客户名称'], ['甲']]));
    expect(named.status).toBe(400);
    expect(named.body.error.details.issues[0].path).toBe('file');
    const broken = await call(t.app, { method: 'POST', url: '/api/imports?kind=accounts', payload: 'xx', headers: { cookie: c.admin!.cookie, 'x-csrf-token': c.admin!.csrfToken, 'content-type': 'multipart/form-data' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.issues[0]).toMatchObject({ path: 'file', key: 'transfer.multipartBroken' });
  });
});

describe('item 2: delegation stays within what the delegator may give', () => {
  const today = () => businessDate(new Date(), 'Asia/Shanghai');
  async function request(cl: Client, amountYuan: number) {
    const r = await cl.post('/api/general-requests', { title: `请购 ${amountYuan}`, category: 'office_supplies', amount: yuan(amountYuan), description: '办公用品', submit: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { id: number; approvalId: number };
  }

  it('the KA director and the GM may delegate only their own approvals; an administrator anyone’s', async () => {
    const fromFinance = await c.director!.post('/api/delegations', { userId: t.org.users.finance, delegateId: t.org.users.director, startsOn: today(), endsOn: today() });
    expect(fromFinance.status).toBe(403);
    const fromGm = await c.director!.post('/api/delegations', { userId: t.org.users.gm, delegateId: t.org.users.director, startsOn: today(), endsOn: today() });
    expect(fromGm.status).toBe(403);
    const gmForDirector = await c.gm!.post('/api/delegations', { userId: t.org.users.director, delegateId: t.org.users.gm, startsOn: today(), endsOn: today() });
    expect(gmForDirector.status).toBe(403);
    expect(await t.database.db.selectFrom('delegations').select('id').execute()).toHaveLength(0);
    // the director sees only delegations by him or to him
    expect((await c.director!.get('/api/delegations')).status).toBe(200);
  });

  it('a ¥10,000 request is never decided by the director alone, even when the finance manager’s approvals are delegated to him', async () => {
    const dl = await c.admin!.post('/api/delegations', { userId: t.org.users.finance, delegateId: t.org.users.director, startsOn: today(), endsOn: today(), reason: '休假' });
    expect(dl.status, JSON.stringify(dl.body)).toBe(200);
    try {
      const req = await request(c.spec_a1!, 10_000);
      const detail = await c.spec_a1!.get(`/api/approvals/${req.approvalId}`);
      // the finance step stays with the finance manager: the director already holds the first step
      expect(detail.body.steps.map((s: { approverId: number; originalApproverId: number | null }) => [s.approverId, s.originalApproverId])).toEqual([
        [t.org.users.director, null],
        [t.org.users.finance, null],
      ]);
      expect((await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(200);
      const second = await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {});
      expect(second.status).toBe(403);
      expect((await c.spec_a1!.get(`/api/general-requests/${req.id}`)).body.status).toBe('pending');
      expect((await c.finance!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(200);
      expect((await c.spec_a1!.get(`/api/general-requests/${req.id}`)).body.status).toBe('approved');
    } finally {
      await c.admin!.delete(`/api/delegations/${dl.body.id}`);
    }
  });

  it('a chain that allows it lets the delegate decide both steps', async () => {
    const chains = (await c.admin!.get('/api/approval-chains?docType=general_request')).body.items as { id: number; version: number; allowRepeatApprover: boolean }[];
    const chain = chains[0]!;
    expect(chain.allowRepeatApprover).toBe(false);
    const on = await c.admin!.patch(`/api/approval-chains/${chain.id}`, { allowRepeatApprover: true, version: chain.version });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ allowRepeatApprover: true, active: true });
    const dl = await c.admin!.post('/api/delegations', { userId: t.org.users.finance, delegateId: t.org.users.director, startsOn: today(), endsOn: today() });
    try {
      const req = await request(c.spec_a1!, 10_000);
      expect((await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(200);
      const second = await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {});
      expect(second.status).toBe(200);
      expect(second.body.status).toBe('approved');
    } finally {
      await c.admin!.delete(`/api/delegations/${dl.body.id}`);
      await c.admin!.patch(`/api/approval-chains/${chain.id}`, { allowRepeatApprover: false, version: on.body.version });
    }
  });

  it('who transferred a step can no longer decide it, and a transfer never hands a second step to one who decided another', async () => {
    const req = await request(c.spec_a1!, 10_000);
    const tr = await c.director!.post(`/api/approvals/${req.approvalId}/transfer`, { toUserId: t.org.users.deputy, comment: '出差' });
    expect(tr.status).toBe(200);
    expect(tr.body.steps[0]).toMatchObject({ approverId: t.org.users.deputy, originalApproverId: t.org.users.director, via: 'transfer' });
    expect((await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(403);
    expect((await c.director!.get(`/api/approvals/${req.approvalId}`)).body.canAct).toBe(false);
    const inbox = (await c.director!.get('/api/approvals?box=inbox')).body.items.map((i: { id: number }) => i.id);
    expect(inbox).not.toContain(req.approvalId);
    expect((await c.deputy!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(200);
    // the finance step may not go to the deputy, who decided the first one
    const again = await c.finance!.post(`/api/approvals/${req.approvalId}/transfer`, { toUserId: t.org.users.deputy });
    expect(again.status).toBe(400);
    expect(issuesOf(again)[0]).toMatchObject({ path: 'toUserId', key: 'approvals.repeatApprover' });
  });

  it('a departure handover does not hand a step to someone who decided another step of the document', async () => {
    const req = await request(c.spec_a1!, 10_000);
    expect((await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(200);
    // the finance manager leaves, and the director is proposed for her approvals
    const refused = await c.admin!.post(`/api/users/${t.org.users.finance}/handover`, { defaultSuccessorId: t.org.users.deputy, successors: { approvals: t.org.users.director }, leftOn: today() });
    expect(refused.status).toBe(400);
    expect(issuesOf(refused)[0]).toMatchObject({ path: 'successors.approvals', key: 'handover.successorDecidesAnother' });
    expect((await c.finance!.get('/api/auth/me')).status).toBe(200);
    // the buttons of a step the repeat rule refuses are not shown (a transfer meanwhile puts it with the director)
    await t.database.db.updateTable('approval_steps').set({ approver_id: t.org.users.director!, original_approver_id: t.org.users.finance!, via: 'transfer' }).where('instance_id', '=', req.approvalId).where('seq', '=', 2).execute();
    expect((await c.director!.get(`/api/approvals/${req.approvalId}`)).body.canAct).toBe(false);
    expect((await c.director!.post(`/api/approvals/${req.approvalId}/approve`, {})).status).toBe(403);
  });

  it('a rename of a deactivated chain leaves it deactivated', async () => {
    const chains = (await c.admin!.get('/api/approval-chains?docType=business_trip_report')).body.items as { id: number; version: number }[];
    expect((await c.admin!.delete(`/api/approval-chains/${chains[0]!.id}`)).status).toBe(200);
    const after = (await c.admin!.get('/api/approval-chains?docType=business_trip_report')).body.items[0];
    const renamed = await c.admin!.patch(`/api/approval-chains/${after.id}`, { name: '出差报告审批（停用）', version: after.version });
    expect(renamed.status).toBe(200);
    expect(renamed.body.active).toBe(false);
  });
});

describe('item 3: proxy headers are believed only from configured proxies', () => {
  const attempt = (app: TestApp, xff: string) => call(app.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-pass' }, headers: { 'x-forwarded-for': xff } });

  it('by default a rotating X-Forwarded-For does not get round LOGIN_IP_LIMIT', async () => {
    const app = await createTestApp({ config: { LOGIN_IP_LIMIT: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt(app, `203.0.113.${i + 1}`)).status);
      expect(statuses.slice(3)).toEqual([429, 429]);
      const ips = await app.database.db.selectFrom('login_attempts').select('ip').distinct().execute();
      expect(ips.map((r) => r.ip)).toEqual(['127.0.0.1']);
    } finally {
      await app.close();
    }
  });

  it('behind a configured proxy the forwarded address counts, so one client cannot lock out another', async () => {
    const app = await createTestApp({ config: { LOGIN_IP_LIMIT: 3, TRUST_PROXY: ['127.0.0.1'] } });
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(app, '198.51.100.7')).status).not.toBe(429);
      expect((await attempt(app, '198.51.100.7')).status).toBe(429);
      expect((await attempt(app, '198.51.100.8')).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('item 4: security headers, and a lockout that does not tell which usernames exist', () => {
  it('every API answer carries the security headers and is not cached; HSTS only behind HTTPS', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/no-such-route']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
    const secure = await createTestApp({ config: { COOKIE_SECURE: true } });
    try {
      const r = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(r.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(r.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    } finally {
      await secure.close();
    }
  });

  it('an unknown username is locked after the same failures, with the same answer, as a known one', async () => {
    const app = await createTestApp({ config: { LOGIN_MAX_FAILURES: 3 } });
    try {
      const run = async (username: string) => {
        const out: { status: number; code: string; key?: string; details: string[] }[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await call(app.app, { method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-pass' } });
          out.push({ status: r.status, code: r.body.error.code, key: r.body.error.i18n?.key, details: Object.keys(r.body.error.details ?? {}) });
        }
        return out;
      };
      const known = await run('spec_b1');
      const unknown = await run('no_such_user');
      expect(known.map((k) => k.status)).toEqual([401, 401, 423, 423, 423]);
      expect(unknown).toEqual(known);
      // also with the right password of a locked known user: 423, as for everyone else
      expect((await call(app.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'spec_b1', password: TEST_PASSWORD } })).status).toBe(423);
    } finally {
      await app.close();
    }
  });
});

describe('item 5: contacts created at once on one account', () => {
  it('all succeed and the account’s derived fields count every one', async () => {
    const accountId = await insertAccount(t.database.db, '并发联系人客户', t.org.users.spec_a1!);
    const n = 20;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => c.spec_a1!.post('/api/contacts', { accountId, name: `联系人${i}`, support: 1 })));
    expect(results.map((r) => r.status)).toEqual(Array(n).fill(200));
    const account = await t.database.db.selectFrom('accounts').select(['active_contacts']).where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(account.active_contacts).toBe(n);
  });
});

describe('item 6: one claim holds a record', () => {
  async function visit(ownerId: number, accountId: number) {
    const owner = await t.database.db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
    const row = await t.database.db
      .insertInto('visits')
      .values({ account_id: accountId, owner_id: ownerId, unit_id: owner.unit_id, purpose: 'relationship', method: 'onsite', planned_at: '2026-11-05T02:00:00Z', status: 'recorded', checked_in_at: new Date(), recorded_at: new Date(), report_status: 'approved', cost_total: 50_000, created_by: ownerId } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const claimOf = (refId: number) => ({ title: '拜访报销', lines: [{ kind: 'visit', refId, category: '交通费', amount: 20_000, occurredOn: '2026-11-05' }] });

  it('of many simultaneous drafts on one visit exactly one is saved; the others are 409 naming the line', async () => {
    const accountId = await insertAccount(t.database.db, '报销并发客户', t.org.users.spec_a1!);
    const visitId = await visit(t.org.users.spec_a1!, accountId);
    const results = await Promise.all(Array.from({ length: 20 }, () => c.spec_a1!.post('/api/expense-claims', claimOf(visitId))));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'CONFLICT', details: { path: 'lines.0.refId' } });
    }
    const holders = await t.database.db.selectFrom('expense_claim_lines').select('claim_id').where('kind', '=', 'visit').where('ref_id', '=', visitId).execute();
    expect(holders).toHaveLength(1);
  });

  it('a draft never submitted can be deleted by its owner, which frees the record; a submitted one cannot', async () => {
    const accountId = await insertAccount(t.database.db, '报销删除客户', t.org.users.spec_a1!);
    const visitId = await visit(t.org.users.spec_a1!, accountId);
    const draft = await c.spec_a1!.post('/api/expense-claims', claimOf(visitId));
    expect(draft.status).toBe(201);
    const claimable = async () => ((await c.spec_a1!.get('/api/expense-claims/claimable')).body.items as { kind: string; refId: number }[]).some((i) => i.kind === 'visit' && i.refId === visitId);
    expect(await claimable()).toBe(false);
    expect((await c.manager_a!.delete(`/api/expense-claims/${draft.body.id}?version=1`)).status).toBe(404);
    expect((await c.spec_a1!.delete(`/api/expense-claims/${draft.body.id}?version=9`)).status).toBe(409);
    const del = await c.spec_a1!.delete(`/api/expense-claims/${draft.body.id}?version=1`);
    expect(del.status).toBe(200);
    expect((await c.spec_a1!.get(`/api/expense-claims/${draft.body.id}`)).status).toBe(404);
    expect(await claimable()).toBe(true);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'expense_claim').where('entity_id', '=', String(draft.body.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);

    const again = await c.spec_a1!.post('/api/expense-claims', claimOf(visitId));
    expect(again.status).toBe(201);
    const submitted = await c.spec_a1!.post(`/api/expense-claims/${again.body.id}/submit`, { version: 1 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const refused = await c.spec_a1!.delete(`/api/expense-claims/${again.body.id}?version=${submitted.body.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.i18n.key).toBe('expenses.notDeletable');
  });

  it('a rejected claim lets its record go; resubmitting takes it again unless another claim got it', async () => {
    const accountId = await insertAccount(t.database.db, '报销驳回客户', t.org.users.spec_a1!);
    const visitId = await visit(t.org.users.spec_a1!, accountId);
    const first = await c.spec_a1!.post('/api/expense-claims', claimOf(visitId));
    const submitted = await c.spec_a1!.post(`/api/expense-claims/${first.body.id}/submit`, { version: 1 });
    const rejected = await c.director!.post(`/api/approvals/${submitted.body.approvalId}/reject`, { comment: '票据不全' });
    expect(rejected.status).toBe(200);
    const second = await c.spec_a1!.post('/api/expense-claims', claimOf(visitId));
    expect(second.status).toBe(201);
    const current = await c.spec_a1!.get(`/api/expense-claims/${first.body.id}`);
    expect(current.body.status).toBe('rejected');
    const resubmit = await c.spec_a1!.post(`/api/expense-claims/${first.body.id}/submit`, { version: current.body.version });
    expect(resubmit.status).toBe(409);
    expect(resubmit.body.error.details).toMatchObject({ path: 'lines.0.refId' });
  });
});

describe('item 7: an import whose server died is failed, then validated again or cancelled', () => {
  it('a commit job lost with its worker fails the import; cancel and a new dry run both work', async () => {
    const s = await dryRun(t, c.admin!, 'accounts', 'crash.csv', csv([['客户名称'], ['崩溃测试甲'], ['崩溃测试乙']]));
    expect(s.status).toBe('validated');
    const committing = await c.admin!.post(`/api/imports/${s.id}/commit`, { version: s.version, skipErrorRows: false });
    expect(committing.status).toBe(200);
    // the server that claimed the commit job was killed: the job says running, its transaction is gone
    const db = t.database.db;
    await db.updateTable('jobs').set({ status: 'running', locked_by: 'dead-worker', locked_at: new Date(Date.now() - 3_600_000), attempts: 1 }).where('dedupe_key', '=', `import:${s.id}:${s.version + 1}`).execute();
    const stuck = await c.admin!.get(`/api/imports/${s.id}`);
    expect(stuck.body.status).toBe('committing');
    expect((await c.admin!.post(`/api/imports/${s.id}/cancel`, { version: stuck.body.version })).status).toBe(409);

    expect(await t.platform.jobs.requeueStale()).toBe(1);
    const failed = await c.admin!.get(`/api/imports/${s.id}`);
    expect(failed.body).toMatchObject({ status: 'failed', error: { key: 'transfer.runLost' } });
    expect((await db.selectFrom('jobs').select('status').where('dedupe_key', '=', `import:${s.id}:${s.version + 1}`).executeTakeFirstOrThrow()).status).toBe('failed');
    expect(await db.selectFrom('accounts').select('id').where('name', 'like', '崩溃测试%').execute()).toHaveLength(0);

    const revalidate = await c.admin!.post(`/api/imports/${s.id}/validate`, { version: failed.body.version });
    expect(revalidate.status, JSON.stringify(revalidate.body)).toBe(200);
    const cancel = await c.admin!.post(`/api/imports/${s.id}/cancel`, { version: revalidate.body.version });
    expect(cancel.status).toBe(200);
  });

  it.skipIf(testDbKind() === 'postgres')('the only process on an embedded database fails, at its first tick, a job it finds running', async () => {
    const s = await dryRun(t, c.admin!, 'accounts', 'crash2.csv', csv([['客户名称'], ['崩溃测试丙']]));
    await c.admin!.post(`/api/imports/${s.id}/commit`, { version: s.version, skipErrorRows: false });
    await t.database.db.updateTable('jobs').set({ status: 'running', locked_by: 'killed-process', locked_at: new Date(), attempts: 1 }).where('dedupe_key', '=', `import:${s.id}:${s.version + 1}`).execute();
    t.platform.jobs.start(60_000);
    try {
      for (let i = 0; i < 50 && (await c.admin!.get(`/api/imports/${s.id}`)).body.status === 'committing'; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await t.platform.jobs.stop();
    }
    expect((await c.admin!.get(`/api/imports/${s.id}`)).body).toMatchObject({ status: 'failed', error: { key: 'transfer.runLost' } });
  });
});

describe('item 8: personal details in audit diffs', () => {
  it('are masked for an audit reader without contact:sensitive, shown to one with it', async () => {
    const accountId = await insertAccount(t.database.db, '审计脱敏客户', t.org.users.director!);
    const contact = await c.director!.post('/api/contacts', { accountId, name: '钱行长', family: '女儿在美国读书', hobbies: '高尔夫', birthday: '1968-05-01' });
    expect(contact.status).toBe(200);
    // an auditor: audit:read over everything, no contact:sensitive
    const db = t.database.db;
    const role = await db.insertInto('roles').values({ code: 'auditor', name: '审计', data_scope: 'all', builtin: false }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('role_permissions').values([{ role_id: role.id, permission: 'audit:read' }]).execute();
    await db.insertInto('user_roles').values({ user_id: t.org.users.office!, role_id: role.id }).execute();
    const auditor = await t.login('office');
    const seen = await auditor.get(`/api/audit/contact/${contact.body.id}`);
    expect(seen.status).toBe(200);
    const created = seen.body.items.find((e: { action: string }) => e.action === 'create');
    expect(created.diff.family).toEqual(['***', '***']);
    expect(created.diff.hobbies).toEqual(['***', '***']);
    expect(created.diff.birthday).toEqual(['***', '***']);
    expect(created.diff.name).toEqual([null, '钱行长']);
    expect(JSON.stringify(seen.body)).not.toMatch(/高尔夫|美国/);
    const gm = await c.gm!.get(`/api/audit/contact/${contact.body.id}`);
    expect(gm.body.items.find((e: { action: string }) => e.action === 'create').diff.hobbies).toEqual([null, '高尔夫']);
  });
});

describe('item 9: monthly plans search', () => {
  it('q finds plans by the planner, the note and the accounts named', async () => {
    const month = '2027-03';
    const a = await c.spec_a1!.post('/api/monthly-plans', { month, plannedVisits: 4, plannedExpansions: 1, plannedDeals: 0, note: '重点跟进城商行', items: [{ kind: 'expansion', targetName: '苏州工业园区管委会' }] });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const b = await c.manager_a!.post('/api/monthly-plans', { month, plannedVisits: 2, plannedExpansions: 0, plannedDeals: 1, items: [] });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    const ids = async (q: string) => ((await c.director!.get(`/api/monthly-plans?month=${month}&q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((i) => i.id).sort();
    expect(await ids('')).toEqual([a.body.plan.id, b.body.plan.id].sort());
    expect(await ids('周专员')).toEqual([a.body.plan.id]);
    expect(await ids('孙经理')).toEqual([b.body.plan.id]);
    expect(await ids('城商行')).toEqual([a.body.plan.id]);
    expect(await ids('工业园区')).toEqual([a.body.plan.id]);
    expect(await ids('没有这个')).toEqual([]);
  });
});

describe('item 10: the public survey link (issue 15 item 4) — its token is the only credential', () => {
  const hash = (token: string) => createHash('sha256').update(token).digest('hex');
  const open = (app: TestApp['app'], token: string, headers: Record<string, string> = {}) => call(app, { method: 'GET', url: `/api/public/surveys/${encodeURIComponent(token)}`, headers });
  const answer = (app: TestApp['app'], token: string, headers: Record<string, string> = {}) => call(app, { method: 'POST', url: `/api/public/surveys/${encodeURIComponent(token)}`, payload: { csat: 4, nps: 8 }, headers });
  async function link(app: TestApp = t) {
    const manager = app === t ? c.manager_a! : await app.login('manager_a');
    const accountId = await insertAccount(app.database.db, `安全测试客户${randomBytes(3).toString('hex')}`, app.org.users.manager_a!);
    const contact = await app.database.db.insertInto('contacts').values({ account_id: accountId, name: '安全测试联系人' }).returning('id').executeTakeFirstOrThrow();
    const r = await manager.post('/api/surveys/invitations', { accountId, contactId: contact.id });
    expect(r.status).toBe(201);
    return { id: r.body.invitation.id as number, token: r.body.token as string };
  }

  it('an expired, a reused, a revoked and a guessed token all get the same 410, and none of them is let in', async () => {
    const expired = await link();
    await t.database.db.updateTable('survey_invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.id).execute();
    const reused = await link();
    expect((await answer(t.app, reused.token)).status).toBe(200);
    const revoked = await link();
    expect((await c.manager_a!.post(`/api/surveys/invitations/${revoked.id}/revoke`)).status).toBe(200);
    const guesses = [randomBytes(32).toString('base64url'), reused.token.toUpperCase(), hash(reused.token), `${reused.token}=`, reused.token.slice(1)];
    const answers = [];
    for (const token of [expired.token, reused.token, revoked.token, ...guesses]) {
      for (const r of [await open(t.app, token), await answer(t.app, token)]) {
        expect(r.status, token).toBe(410);
        answers.push(JSON.stringify(r.body));
      }
    }
    expect(new Set(answers)).toEqual(new Set([JSON.stringify({ error: { code: 'GONE', message: 'This survey link is not valid: it may have expired, been used or been withdrawn', i18n: { key: 'surveys.linkUnavailable' } } })]));
    // the reused one kept its first answers
    const row = await t.database.db.selectFrom('survey_invitations').select(['csat', 'nps']).where('id', '=', reused.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ csat: 4, nps: 8 });
  });

  it('sets no session and neither reads nor renews the one a browser sends; writes need no CSRF header; a NUL in the token is a 400', async () => {
    const l = await link();
    const session = await t.database.db.selectFrom('sessions').select(['id', 'last_seen_at', 'expires_at']).where('user_id', '=', t.org.users.manager_a!).orderBy('last_seen_at', 'desc').executeTakeFirstOrThrow();
    await t.database.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 3_600_000) }).where('id', '=', session.id).execute();
    const before = await t.database.db.selectFrom('sessions').select(['last_seen_at', 'expires_at']).where('id', '=', session.id).executeTakeFirstOrThrow();
    const read = await open(t.app, l.token, { cookie: c.manager_a!.cookie });
    const posted = await answer(t.app, l.token, { cookie: c.manager_a!.cookie });
    expect([read.status, posted.status]).toEqual([200, 200]);
    for (const r of [read, posted]) expect(r.headers['set-cookie']).toBeUndefined();
    expect(await t.database.db.selectFrom('sessions').select(['last_seen_at', 'expires_at']).where('id', '=', session.id).executeTakeFirstOrThrow()).toEqual(before);
    const nul = await call(t.app, { method: 'GET', url: '/api/public/surveys/abc%00def' });
    expect(nul.status).toBe(400);
    expect(issuesOf(nul).map((i) => i.path)).toEqual(['token']);
    // longer than Fastify lets a path parameter be (100 characters): 414, before any handler
    expect((await open(t.app, 'x'.repeat(200))).status).toBe(414);
    expect((await open(t.app, 'x'.repeat(100))).status).toBe(410);
  });

  it('30 requests a minute per address, counted in the database: a second server instance on it shares the count; another address is not held up', async () => {
    const app = await createTestApp({ config: { SURVEY_IP_LIMIT: 30, TRUST_PROXY: ['127.0.0.1'] } });
    const second = await buildApp({ database: app.database, config: app.platform.config });
    try {
      const l = await link(app);
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      // the count is per clock minute: start early in one, so all of this falls in it
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 30_000) await new Promise((r) => setTimeout(r, left + 200));
      const statuses: number[] = [];
      // 20 opens on one instance, 10 on the other (guesses count too), then both refuse
      for (let i = 0; i < 20; i++) statuses.push((await open(app.app, i % 2 ? l.token : `guess-${i}`, from('198.51.100.9'))).status);
      for (let i = 0; i < 10; i++) statuses.push((await open(second.app, l.token, from('198.51.100.9'))).status);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
      const limited = [await open(app.app, l.token, from('198.51.100.9')), await answer(second.app, l.token, from('198.51.100.9'))];
      expect(limited.map((r) => r.status)).toEqual([429, 429]);
      expect(limited[0]!.body.error).toMatchObject({ code: 'RATE_LIMITED', i18n: { key: 'surveys.rateLimited' } });
      // the refused answer used nothing: from another address the link still works
      expect((await answer(second.app, l.token, from('198.51.100.10'))).status).toBe(200);
      const hits = await app.database.db.selectFrom('survey_rate_hits').select(['ip', 'hits']).orderBy('ip').execute();
      expect(hits).toEqual([
        { ip: '198.51.100.10', hits: 1 },
        { ip: '198.51.100.9', hits: 32 },
      ]);
    } finally {
      await second.platform.jobs.stop();
      await second.app.close();
      await app.close();
    }
  }, 120_000);
});
