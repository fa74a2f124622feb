import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/app';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { EMAIL_JOB, EMAIL_MAX_ATTEMPTS } from '../../src/server/platform/notifications/notifier';

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ config: { SMTP_URL: sink.url, SMTP_FROM: 'Tongmeng <noreply@tm.example.cn>', PUBLIC_URL: 'https://tm.example.cn/' } });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

const emailJob = async (notificationId: number) => {
  const rows = await t.database.db.selectFrom('jobs').selectAll().where('name', '=', EMAIL_JOB).execute();
  return rows.find((j) => (j.payload as { notificationId: number }).notificationId === notificationId);
};
const emailedAt = async (id: number) => (await t.database.db.selectFrom('notifications').select('emailed_at').where('id', '=', id).executeTakeFirstOrThrow()).emailed_at;

describe('e-mail delivery of notifications (SMTP configured)', () => {
  it('an approval notification becomes a job, and the job mails it with the Chinese subject', async () => {
    const db = t.database.db;
    const approver = t.org.users.manager_a;
    const [id] = await db.transaction().execute((trx) =>
      t.platform.notifier.notify(trx, { userIds: [approver], kind: 'approval.pending', params: { title: '差旅报销 ¥1,200.00', submitter: '周专员' }, link: '/approvals/7' }),
    );
    const job = await emailJob(id);
    expect(job).toMatchObject({ status: 'queued', payload: { notificationId: id }, max_attempts: EMAIL_MAX_ATTEMPTS });
    expect(sink.messages).toHaveLength(0);

    expect(await t.platform.jobs.runDue()).toBeGreaterThanOrEqual(1);
    await sink.waitFor(1);
    const mail = sink.messages[0];
    expect(mail.to).toEqual(['manager_a@example.test']);
    expect(mail.from).toBe('noreply@tm.example.cn');
    expect(mail.subject).toBe('【同盟】待您审批：差旅报销 ¥1,200.00（提交人 周专员）');
    expect(mail.text).toContain('待您审批：差旅报销 ¥1,200.00（提交人 周专员）');
    expect(mail.text).toContain('打开：https://tm.example.cn/approvals/7');
    expect(mail.text).toContain('此邮件由同盟大客户管理系统自动发送。');
    expect((await emailJob(id))?.status).toBe('done');
    expect(await emailedAt(id)).not.toBeNull();
  });

  it('queues nothing when the business change rolls back', async () => {
    const db = t.database.db;
    const before = (await db.selectFrom('jobs').select('id').where('name', '=', EMAIL_JOB).execute()).length;
    await expect(
      db.transaction().execute(async (trx) => {
        await t.platform.notifier.notify(trx, { userIds: [t.org.users.gm], kind: 'approval.approved', params: { title: 'x' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await db.selectFrom('jobs').select('id').where('name', '=', EMAIL_JOB).execute()).length).toBe(before);
  });

  it('skips a recipient without an e-mail address; the job still succeeds', async () => {
    const db = t.database.db;
    const user = t.org.users.spec_b1;
    await db.updateTable('users').set({ email: null }).where('id', '=', user).execute();
    const sent = sink.messages.length;
    const [id] = await db.transaction().execute((trx) => t.platform.notifier.notify(trx, { userIds: [user], kind: 'task.assigned', params: { title: '回访' }, link: '/tasks' }));
    await t.platform.jobs.runDue();
    expect((await emailJob(id))?.status).toBe('done');
    expect(await emailedAt(id)).toBeNull();
    expect(sink.messages).toHaveLength(sent);
  });

  it('retries with backoff when the mail server refuses, then delivers once', async () => {
    const db = t.database.db;
    const sent = sink.messages.length;
    sink.rejectNext(1);
    const [id] = await db.transaction().execute((trx) => t.platform.notifier.notify(trx, { userIds: [t.org.users.finance], kind: 'approval.approved', params: { title: '采购申请' }, link: '/requests/3' }));
    await t.platform.jobs.runDue();
    let job = (await emailJob(id))!;
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job.last_error).toMatch(/451/);
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now());
    expect(await emailedAt(id)).toBeNull();
    expect(sink.messages).toHaveLength(sent);

    await sql`update jobs set run_at = now() where id = ${job.id}`.execute(db);
    await t.platform.jobs.runDue();
    await sink.waitFor(sent + 1);
    job = (await emailJob(id))!;
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(sink.messages[sent].subject).toBe('【同盟】您的申请已通过：采购申请');
    expect(sink.messages[sent].to).toEqual(['finance@example.test']);
  });
});
