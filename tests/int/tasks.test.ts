import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { closeTasksFor, createTask } from '../../src/server/features/tasks/tasks.service';
import { TASK_DUE_JOB } from '../../src/server/features/tasks/tasks.routes';
import { localDayBounds, localWeekBounds } from '../../src/shared/domain/business-time';

let t: TestApp;
let a1: Client;
let a2: Client;
beforeAll(async () => {
  t = await createTestApp();
  a1 = await t.login('spec_a1');
  a2 = await t.login('spec_a2');
});
afterAll(async () => t?.close());

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const titles = (r: { body: { items: { title: string }[] } }) => r.body.items.map((i) => i.title);

describe('own tasks', () => {
  it('creates a manual task owned by the caller and shows it only to them', async () => {
    const r = await a1.post('/api/tasks', { title: '  回访客户  ', description: '确认合同细节', dueAt: hours(48), linkUrl: '/accounts/3' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: '回访客户', description: '确认合同细节', status: 'open', source: 'manual', ownerId: a1.userId, createdBy: a1.userId, completedAt: null, overdue: false, version: 1, linkUrl: '/accounts/3', linkEntity: null, linkId: null });
    expect((await a1.get(`/api/tasks/${r.body.id}`)).body.title).toBe('回访客户');
    const other = await a2.get(`/api/tasks/${r.body.id}`);
    expect(other.status).toBe(404);
    expect(titles(await a2.get('/api/tasks?status=all'))).not.toContain('回访客户');
    // the caller's own task creates no notification for themselves
    expect((await a1.get('/api/notifications/unread-count')).body.count).toBe(0);
  });

  it('names the bad field', async () => {
    const empty = await a1.post('/api/tasks', { title: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues[0].path).toBe('title');
    const link = await a1.post('/api/tasks', { title: 'x', linkUrl: 'https://evil.example' });
    expect(link.status).toBe(400);
    expect(link.body.error.details.issues[0].path).toBe('linkUrl');
    const due = await a1.post('/api/tasks', { title: 'x', dueAt: '明天' });
    expect(due.status).toBe(400);
    expect(due.body.error.details.issues[0].path).toBe('dueAt');
    expect((await a1.get('/api/tasks?sort=title')).status).toBe(400);
    expect((await a1.get('/api/tasks?due=yesterday')).status).toBe(400);
    expect((await a1.get('/api/tasks/abc')).status).toBe(400);
  });

  it('lists open tasks due soonest first, without a due date last; filters by status, text and sort', async () => {
    const c = await t.login('spec_b1');
    await c.post('/api/tasks', { title: 'L-无期限' });
    await c.post('/api/tasks', { title: 'L-后天', dueAt: hours(50) });
    await c.post('/api/tasks', { title: 'L-明天', dueAt: hours(26) });
    const done = await c.post('/api/tasks', { title: 'L-已完成', dueAt: hours(1) });
    await c.patch(`/api/tasks/${done.body.id}`, { status: 'done', version: 1 });

    const open = await c.get('/api/tasks');
    expect(open.status).toBe(200);
    expect(titles(open)).toEqual(['L-明天', 'L-后天', 'L-无期限']);
    expect(open.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(titles(await c.get('/api/tasks?sort=-dueAt'))).toEqual(['L-后天', 'L-明天', 'L-无期限']);
    expect(titles(await c.get('/api/tasks?status=done'))).toEqual(['L-已完成']);
    expect(titles(await c.get('/api/tasks?status=all&sort=-createdAt'))).toEqual(['L-已完成', 'L-明天', 'L-后天', 'L-无期限']);
    expect(titles(await c.get(`/api/tasks?q=${encodeURIComponent('明天')}`))).toEqual(['L-明天']);
    const page2 = await c.get('/api/tasks?pageSize=2&page=2');
    expect(titles(page2)).toEqual(['L-无期限']);
    expect(page2.body.total).toBe(3);
  });

  it('filters overdue, today and this week by business days in Asia/Shanghai', async () => {
    const c = await t.login('manager_b');
    // 'late today' must still be ahead when the lists are read: within two minutes of midnight in
    // Shanghai, wait for the new day (a run at 23:59 saw it become overdue)
    const left = localDayBounds(new Date(), 'Asia/Shanghai').end.getTime() - Date.now();
    if (left < 120_000) await new Promise((r) => setTimeout(r, left + 1000));
    const now = new Date();
    const day = localDayBounds(now, 'Asia/Shanghai');
    const week = localWeekBounds(now, 'Asia/Shanghai');
    const minute = 60_000;
    const due = {
      'D-昨天': new Date(day.start.getTime() - minute),
      'D-今天早': new Date(day.start.getTime() + minute),
      'D-今天晚': new Date(day.end.getTime() - minute),
      'D-明天': new Date(day.end.getTime() + minute),
      'D-下月': new Date(now.getTime() + 40 * 86400_000),
    };
    for (const [title, at] of Object.entries(due)) expect((await c.post('/api/tasks', { title, dueAt: at.toISOString() })).status).toBe(200);

    expect(titles(await c.get('/api/tasks?due=today'))).toEqual(['D-今天早', 'D-今天晚']);
    const overdue = titles(await c.get('/api/tasks?due=overdue'));
    expect(overdue).toContain('D-昨天');
    expect(overdue).not.toContain('D-今天晚');
    expect(overdue).not.toContain('D-明天');
    const inWeek = Object.entries(due)
      .filter(([, at]) => at >= week.start && at < week.end)
      .sort((x, y) => x[1].getTime() - y[1].getTime())
      .map(([title]) => title);
    expect(titles(await c.get('/api/tasks?due=week'))).toEqual(inWeek);
    expect(inWeek).toContain('D-今天晚');
    expect(inWeek).not.toContain('D-下月');

    const list = await c.get('/api/tasks?due=overdue');
    expect(list.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
  }, 180_000);
});

describe('updating a task', () => {
  it('completes, reopens and edits with version checks, keeping fields left out', async () => {
    const created = await a1.post('/api/tasks', { title: '准备报价', description: '第二版', dueAt: hours(5) });
    const id = created.body.id;
    const done = await a1.patch(`/api/tasks/${id}`, { status: 'done', version: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2, description: '第二版', title: '准备报价' });
    expect(done.body.completedAt).toBeTruthy();

    const stale = await a1.patch(`/api/tasks/${id}`, { status: 'open', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    const reopened = await a1.patch(`/api/tasks/${id}`, { status: 'open', version: 2 });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null, version: 3 });

    const edited = await a1.patch(`/api/tasks/${id}`, { title: '准备报价（终版）', dueAt: null, version: 3 });
    expect(edited.body).toMatchObject({ title: '准备报价（终版）', dueAt: null, description: '第二版', version: 4 });

    const cancelled = await a1.patch(`/api/tasks/${id}`, { status: 'cancelled', version: 4 });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', completedAt: null });

    // someone else's task does not exist for the caller
    expect((await a2.patch(`/api/tasks/${id}`, { status: 'open', version: 5 })).status).toBe(404);

    const trail = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'task').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(trail.map((r) => r.action)).toEqual(['create', 'complete', 'reopen', 'update', 'cancel']);
    expect(trail.every((r) => r.actor_id === a1.userId)).toBe(true);
  });
});

describe('createTask for other features', () => {
  it('notifies the owner when someone else created the task, inside the caller transaction', async () => {
    const db = t.database.db;
    const owner = t.org.users.spec_a2;
    const task = await db.transaction().execute((trx) =>
      createTask(trx, { ownerId: owner, title: '审批：差旅报销', linkEntity: 'approval', linkId: 42, linkUrl: '/approvals/42', dueAt: hours(24), source: 'approval', createdBy: t.org.users.manager_a }),
    );
    expect(task).toMatchObject({ owner_id: owner, source: 'approval', created_by: t.org.users.manager_a, link_entity: 'approval', link_id: 42 });
    const inbox = await a2.get('/api/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'task.assigned', link: '/approvals/42', params: { title: '审批：差旅报销', taskId: task.id } });
    const listed = await a2.get('/api/tasks');
    expect(listed.body.items.find((i: { id: number }) => i.id === task.id)).toMatchObject({ linkEntity: 'approval', linkId: 42, source: 'approval' });

    // a rolled-back business change leaves neither the task nor the notification
    const before = (await a2.get('/api/notifications/unread-count')).body.count;
    await expect(
      db.transaction().execute(async (trx) => {
        await createTask(trx, { ownerId: owner, title: '不会出现', source: 'approval', createdBy: t.org.users.manager_a });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect((await a2.get('/api/notifications/unread-count')).body.count).toBe(before);
    expect(titles(await a2.get('/api/tasks?status=all'))).not.toContain('不会出现');

    // a task the owner makes for themselves (or a system task) notifies nobody
    await db.transaction().execute((trx) => createTask(trx, { ownerId: owner, title: '自己的', source: 'visit', createdBy: owner }));
    expect((await a2.get('/api/notifications/unread-count')).body.count).toBe(before);
  });
});

describe('closeTasksFor', () => {
  it('closes the open tasks about a record, optionally for one owner only, and audits them', async () => {
    const db = t.database.db;
    const mk = (ownerId: number, title: string) =>
      db.transaction().execute((trx) => createTask(trx, { ownerId, title, linkEntity: 'approval', linkId: 77, linkUrl: '/approvals/77', source: 'approval', createdBy: null }));
    const forA1 = await mk(t.org.users.spec_a1, 'C-审批77-周');
    const forA2 = await mk(t.org.users.spec_a2, 'C-审批77-吴');
    const unrelated = await db.transaction().execute((trx) => createTask(trx, { ownerId: t.org.users.spec_a1, title: 'C-别的', linkEntity: 'approval', linkId: 78, source: 'approval', createdBy: null }));

    const first = await db.transaction().execute((trx) => closeTasksFor(trx, { linkEntity: 'approval', linkId: 77, ownerId: t.org.users.spec_a1, status: 'done' }));
    expect(first).toEqual([forA1.id]);
    const a1Task = (await a1.get(`/api/tasks/${forA1.id}`)).body;
    expect(a1Task).toMatchObject({ status: 'done', version: 2 });
    expect(a1Task.completedAt).toBeTruthy();

    const rest = await db.transaction().execute((trx) => closeTasksFor(trx, { linkEntity: 'approval', linkId: 77, status: 'cancelled' }));
    expect(rest).toEqual([forA2.id]);
    expect((await a2.get(`/api/tasks/${forA2.id}`)).body).toMatchObject({ status: 'cancelled', completedAt: null });
    expect((await a1.get(`/api/tasks/${unrelated.id}`)).body.status).toBe('open');
    // already closed tasks stay as they are
    expect(await db.transaction().execute((trx) => closeTasksFor(trx, { linkEntity: 'approval', linkId: 77, status: 'cancelled' }))).toEqual([]);
    expect((await a1.get(`/api/tasks/${forA1.id}`)).body.status).toBe('done');

    const trail = await db.selectFrom('audit_log').select(['entity_id', 'action']).where('entity', '=', 'task').where('entity_id', 'in', [String(forA1.id), String(forA2.id)]).where('action', '<>', 'create').orderBy('id').execute();
    expect(trail).toEqual([
      { entity_id: String(forA1.id), action: 'complete' },
      { entity_id: String(forA2.id), action: 'cancel' },
    ]);
  });
});

describe('the daily due reminder', () => {
  it('is scheduled for 08:00 Asia/Shanghai', async () => {
    await t.platform.jobs.runDue();
    const s = await t.database.db.selectFrom('job_schedules').selectAll().where('name', '=', TASK_DUE_JOB).executeTakeFirstOrThrow();
    const next = new Date(s.next_run_at);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 0]);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('reminds owners of open tasks due within 24 hours, once per task and due date', async () => {
    const c = await t.login('manager_a');
    const soon = await c.post('/api/tasks', { title: 'R-5小时后', dueAt: hours(5) });
    await c.post('/api/tasks', { title: 'R-30小时后', dueAt: hours(30) });
    await c.post('/api/tasks', { title: 'R-已过期', dueAt: hours(-2) });
    const doneOne = await c.post('/api/tasks', { title: 'R-已完成', dueAt: hours(3) });
    await c.patch(`/api/tasks/${doneOne.body.id}`, { status: 'done', version: 1 });

    const runReminder = async () => {
      await sql`update job_schedules set next_run_at = now() - interval '1 second' where name = ${TASK_DUE_JOB}`.execute(t.database.db);
      await t.platform.jobs.runDue();
    };
    const dueNotes = async () => (await c.get('/api/notifications?pageSize=100')).body.items.filter((n: { kind: string }) => n.kind === 'task.due');

    await runReminder();
    let notes = await dueNotes();
    expect(notes.map((n: { params: { title: string } }) => n.params.title)).toEqual(['R-5小时后']);
    expect(notes[0]).toMatchObject({ link: '/tasks', params: { taskId: soon.body.id } });

    await runReminder();
    expect(await dueNotes()).toHaveLength(1);

    // a new due date is a new reminder
    const moved = await c.patch(`/api/tasks/${soon.body.id}`, { dueAt: hours(6), version: 1 });
    expect(moved.status).toBe(200);
    await runReminder();
    notes = await dueNotes();
    expect(notes).toHaveLength(2);

    const jobs = await t.database.db.selectFrom('jobs').select('status').where('name', '=', TASK_DUE_JOB).execute();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
  });
});
