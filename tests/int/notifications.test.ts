import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { EMAIL_JOB } from '../../src/server/platform/notifications/notifier';

let t: TestApp;
let a1: Client;
let a2: Client;
beforeAll(async () => {
  t = await createTestApp();
  a1 = await t.login('spec_a1');
  a2 = await t.login('spec_a2');
});
afterAll(async () => t?.close());

const notify = (userIds: number[], title: string) =>
  t.database.db.transaction().execute((trx) => t.platform.notifier.notify(trx, { userIds, kind: 'approval.pending', params: { title, submitter: '孙经理' }, link: '/approvals/9' }));

describe('the inbox', () => {
  it('lists your own notifications newest first, with the unread count', async () => {
    await notify([a1.userId, a2.userId], 'N-第一条');
    await notify([a1.userId], 'N-第二条');
    await notify([a1.userId], 'N-第三条');

    const list = await a1.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['N-第三条', 'N-第二条', 'N-第一条']);
    expect(list.body.items[0]).toMatchObject({ kind: 'approval.pending', params: { title: 'N-第三条', submitter: '孙经理' }, link: '/approvals/9', readAt: null });
    expect(typeof list.body.items[0].createdAt).toBe('string');
    expect((await a1.get('/api/notifications/unread-count')).body).toEqual({ count: 3 });
    expect((await a2.get('/api/notifications/unread-count')).body).toEqual({ count: 1 });

    const page = await a1.get('/api/notifications?pageSize=2&page=2');
    expect(page.body.items.map((n: { params: { title: string } }) => n.params.title)).toEqual(['N-第一条']);
  });

  it('marks one read (idempotently), only your own', async () => {
    const list = await a1.get('/api/notifications');
    const newest = list.body.items[0];
    const read = await a1.post(`/api/notifications/${newest.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(newest.id);
    expect(read.body.readAt).toBeTruthy();
    const again = await a1.post(`/api/notifications/${newest.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await a1.get('/api/notifications/unread-count')).body.count).toBe(2);

    const unread = await a1.get('/api/notifications?unread=true');
    expect(unread.body.total).toBe(2);
    expect(unread.body.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    expect((await a1.get('/api/notifications?unread=false')).body.total).toBe(3);

    // another user's notification is not found, and stays unread
    const theirs = (await a2.get('/api/notifications')).body.items[0];
    const forbidden = await a1.post(`/api/notifications/${theirs.id}/read`);
    expect(forbidden.status).toBe(404);
    expect((await a2.get('/api/notifications/unread-count')).body.count).toBe(1);
    expect((await a1.post('/api/notifications/999999/read')).status).toBe(404);
  });

  it('marks all read', async () => {
    const r = await a1.post('/api/notifications/read-all');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, count: 2 });
    expect((await a1.get('/api/notifications/unread-count')).body.count).toBe(0);
    expect((await a1.get('/api/notifications?unread=true')).body.items).toEqual([]);
    expect((await a2.get('/api/notifications/unread-count')).body.count).toBe(1);
  });

  it('needs a signed-in user', async () => {
    const anon = t.anonymous();
    expect((await anon.get('/api/notifications')).status).toBe(401);
    expect((await anon.get('/api/notifications/unread-count')).status).toBe(401);
  });

  it('queues no e-mail job when SMTP is not configured', async () => {
    const ids = await notify([a2.userId], 'N-无邮件');
    expect(ids).toHaveLength(1);
    const jobs = await t.database.db.selectFrom('jobs').select('id').where('name', '=', EMAIL_JOB).execute();
    expect(jobs).toEqual([]);
  });

  it('fails an e-mail job left over from an instance with SMTP, naming the missing setting', async () => {
    const [id] = await notify([a2.userId], 'N-遗留');
    const jobId = (await t.platform.jobs.enqueue(t.database.db, EMAIL_JOB, { notificationId: id }, { maxAttempts: 1 }))!;
    await t.platform.jobs.runDue();
    const job = await t.database.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', last_error: 'SMTP_URL is not configured on this instance' });
  });
});
