import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('general requests', () => {
  it('creates a draft, edits it with the version, submits it', async () => {
    const spec = await t.login('spec_a1');
    const created = await spec.post('/api/general-requests', { title: '购买打印纸', category: 'office_supplies', amount: 35000, description: '10 箱' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', ownerName: '周专员', unitName: '大客户部 / 一组', approvalId: null, submittedAt: null, attachments: [], version: 1 });
    const edited = await spec.patch(`/api/general-requests/${created.body.id}`, { version: 1, amount: 42000 });
    expect(edited.status).toBe(200);
    expect(edited.body.amount).toBe(42000);
    expect(edited.body.version).toBe(2);
    expect((await spec.patch(`/api/general-requests/${created.body.id}`, { version: 1, amount: 1 })).status).toBe(409);
    const submitted = await spec.post(`/api/general-requests/${created.body.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('pending');
    expect(submitted.body.submittedAt).toBeTruthy();
    const inst = await spec.get(`/api/approvals/${submitted.body.approvalId}`);
    expect(inst.body).toMatchObject({ docType: 'general_request', docId: created.body.id, title: '购买打印纸', amount: 42000 });
  });

  it('names bad fields with 400s', async () => {
    const spec = await t.login('spec_a1');
    const r = await spec.post('/api/general-requests', { title: '', category: 'boats', amount: -1 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['amount', 'category', 'title']);
    // zod's issues carry `validation.<code>` keys with the values their text needs, never the input
    const title = r.body.error.details.issues.find((i: { path: string }) => i.path === 'title');
    expect(title).toMatchObject({ key: 'validation.too_small', params: { context: 'string', minimum: 1 } });
    expect(JSON.stringify(r.body.error.details.issues)).not.toContain('boats');
    const sort = await spec.get('/api/general-requests?sort=owner');
    expect(sort.status).toBe(400);
    expect(sort.body.error.details.issues[0]).toMatchObject({ path: 'sort', key: 'common.sortField' });
  });

  it('lists within the data scope with filters and sorting; out-of-scope reads are 404', async () => {
    const a1 = await t.login('spec_a1');
    const b1 = await t.login('spec_b1');
    const mine = await a1.post('/api/general-requests', { title: '范围测试 甲', category: 'sales_tools', amount: 100 });
    const theirs = await b1.post('/api/general-requests', { title: '范围测试 乙', category: 'other', amount: 900 });
    expect((await b1.get(`/api/general-requests/${mine.body.id}`)).status).toBe(404);
    const a1List = await a1.get('/api/general-requests?q=范围测试');
    expect(a1List.body.items.map((i: { id: number }) => i.id)).toEqual([mine.body.id]);
    // the director's scope is the department subtree: both teams
    const director = await t.login('director');
    const all = await director.get('/api/general-requests?q=范围测试&sort=-amount');
    expect(all.body.items.map((i: { id: number }) => i.id)).toEqual([theirs.body.id, mine.body.id]);
    expect(all.body.total).toBe(2);
    expect((await director.get('/api/general-requests?q=范围测试&category=other')).body.items.map((i: { id: number }) => i.id)).toEqual([theirs.body.id]);
    expect((await director.get('/api/general-requests?q=范围测试&mine=true')).body.total).toBe(0);
    expect((await director.get('/api/general-requests?q=范围测试&status=draft&sort=title')).body.items.map((i: { title: string }) => i.title)).toEqual(['范围测试 乙', '范围测试 甲']);
    // the province director sees neither
    const prov = await t.login('prov_director');
    expect((await prov.get('/api/general-requests?q=范围测试')).body.total).toBe(0);
    expect((await prov.get(`/api/general-requests/${mine.body.id}`)).status).toBe(404);
    // only the owner edits, even for someone who can see it
    expect((await director.patch(`/api/general-requests/${mine.body.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await director.post(`/api/general-requests/${mine.body.id}/submit`)).status).toBe(403);
  });

  it('someone handed a step can open the request outside their scope', async () => {
    const a1 = await t.login('spec_a1');
    const req = await a1.post('/api/general-requests', { title: '转交查看', category: 'other', amount: 100, submit: true });
    const b1 = await t.login('spec_b1');
    expect((await b1.get(`/api/general-requests/${req.body.id}`)).status).toBe(404);
    const director = await t.login('director');
    expect((await director.post(`/api/approvals/${req.body.approvalId}/transfer`, { toUserId: t.org.users.spec_b1 })).status).toBe(200);
    expect((await b1.get(`/api/general-requests/${req.body.id}`)).status).toBe(200);
    expect((await b1.post(`/api/approvals/${req.body.approvalId}/approve`)).status).toBe(200);
    expect((await a1.get(`/api/general-requests/${req.body.id}`)).body.status).toBe('approved');
  });

  it('needs request:create to write and request:read to read', async () => {
    const admin = await t.login('admin');
    const u = await admin.post('/api/users', { username: 'norole', name: '无角色', unitId: t.org.units.teamA, positions: [], roleIds: [], password: 'No-role-pass1' });
    expect(u.status).toBe(200);
    const res = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'norole', password: 'No-role-pass1' } });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const headers = { cookie, 'x-csrf-token': res.body.csrfToken };
    const create = await call(t.app, { method: 'POST', url: '/api/general-requests', headers, payload: { title: 'x', category: 'other', amount: 1 } });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toContain('request:create');
    const list = await call(t.app, { method: 'GET', url: '/api/general-requests', headers });
    expect(list.status).toBe(403);
    expect(list.body.error.message).toContain('request:read');
  });
});

describe('attachments', () => {
  it('uploads, links on create, downloads with the name; others see it only through the request', async () => {
    const a1 = await t.login('spec_a1');
    const content = '发票内容 invoice 123';
    const up = await a1.post('/api/files', { name: '发票.pdf', mime: 'application/pdf', contentBase64: b64(content) });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ name: '发票.pdf', mime: 'application/pdf', size: Buffer.byteLength(content) });
    const row = await t.database.db.selectFrom('files').select(['sha256', 'entity', 'uploaded_by']).where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), entity: null, uploaded_by: t.org.users.spec_a1 });

    const b1 = await t.login('spec_b1');
    // not linked yet: only the uploader
    expect((await b1.get(`/api/files/${up.body.id}`)).status).toBe(404);
    const req = await a1.post('/api/general-requests', { title: '附件测试', category: 'phone_allowance', amount: 500, attachmentIds: [up.body.id] });
    expect(req.status).toBe(200);
    expect(req.body.attachments.map((f: { id: number }) => f.id)).toEqual([up.body.id]);
    const dl = await a1.get(`/api/files/${up.body.id}`);
    expect(dl.status).toBe(200);
    expect(String(dl.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('发票.pdf')}`);
    expect(dl.headers['content-type']).toBe('application/pdf');
    const director = await t.login('director');
    const viaRequest = await director.get(`/api/files/${up.body.id}`);
    expect(viaRequest.status).toBe(200);
    expect(viaRequest.body).toBe(content);
    expect((await b1.get(`/api/files/${up.body.id}`)).status).toBe(404);

    // someone else's file cannot be attached
    const foreign = await b1.post('/api/files', { name: 'b.txt', mime: 'text/plain', contentBase64: b64('b') });
    const bad = await a1.patch(`/api/general-requests/${req.body.id}`, { version: req.body.version, attachmentIds: [up.body.id, foreign.body.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['attachmentIds.1']);
    // nor a file already attached to another request
    const other = await a1.post('/api/general-requests', { title: '另一个', category: 'other', amount: 1 });
    const taken = await a1.patch(`/api/general-requests/${other.body.id}`, { version: other.body.version, attachmentIds: [up.body.id] });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.issues[0].path).toBe('attachmentIds.0');
    // replacing the list unlinks what was dropped
    const second = await a1.post('/api/files', { name: 'b.png', mime: 'image/png', contentBase64: b64(Buffer.from([1, 2, 3])) });
    const replaced = await a1.patch(`/api/general-requests/${req.body.id}`, { version: req.body.version, attachmentIds: [second.body.id] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.attachments.map((f: { id: number }) => f.id)).toEqual([second.body.id]);
    expect((await director.get(`/api/files/${up.body.id}`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/files/${second.body.id}`)).status).toBe(401);
  });

  it('refuses files over 10 MB and malformed base64, naming contentBase64', async () => {
    const a1 = await t.login('spec_a1');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1).toString('base64');
    const r = await a1.post('/api/files', { name: 'big.bin', mime: 'application/octet-stream', contentBase64: big });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].path).toBe('contentBase64');
    const bad = await a1.post('/api/files', { name: 'x', mime: 'text/plain', contentBase64: '!!!not base64!!!' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('contentBase64');
    const exact = await a1.post('/api/files', { name: 'max.bin', mime: 'application/octet-stream', contentBase64: Buffer.alloc(10 * 1024 * 1024, 2).toString('base64') });
    expect(exact.status).toBe(200);
    expect(exact.body.size).toBe(10 * 1024 * 1024);
  });
});
