import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, paged } from '../../../shared/contracts/common';
import { task, taskCreate, taskListQuery, taskUpdate, type Task } from '../../../shared/contracts/tasks';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './tasks.service';

type TaskRow = Awaited<ReturnType<typeof service.getTask>>;

export const taskOut = (t: Omit<TaskRow, 'due_notified_at'>): Task => ({
  id: t.id,
  title: t.title,
  description: t.description,
  dueAt: iso(t.due_at),
  linkEntity: t.link_entity,
  linkId: t.link_id,
  linkUrl: t.link_url,
  status: t.status as Task['status'],
  source: t.source,
  ownerId: t.owner_id,
  createdBy: t.created_by,
  completedAt: iso(t.completed_at),
  overdue: Boolean(t.overdue),
  version: t.version,
  createdAt: iso(t.created_at),
});

export const TASK_DUE_JOB = 'tasks.due-reminder';
/** The morning reminder runs at 08:00 business time, before the working day starts. */
export const TASK_DUE_AT = '08:00';

/** Background work of the tasks room; the HTTP server and `tongmeng worker` both register it. */
export function registerTaskJobs(p: Platform) {
  service.bindTaskNotifier(p.notifier);
  p.jobs.schedule(TASK_DUE_JOB, { dailyAt: TASK_DUE_AT, timeZone: p.config.BUSINESS_TZ }, async () => {
    await service.remindDueTasks(p.db, p.notifier);
  });
}

export async function tasksRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/tasks', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['tasks'],
      summary: "The caller's to-do list; default open tasks, due soonest first (no due date last). due=today|week use business-time-zone days (weeks start on Monday).",
      querystring: taskListQuery,
      response: { 200: paged(task) },
    },
  }, async (req) => {
    const r = await service.listTasks(db, actorOf(req), req.query, p.config.BUSINESS_TZ);
    return { ...r, items: r.items.map(taskOut) };
  });

  app.post('/api/tasks', {
    config: { access: 'authenticated' },
    schema: { tags: ['tasks'], summary: 'Add a task to your own list', body: taskCreate, response: { 200: task } },
  }, async (req) => taskOut(await service.createOwnTask(db, actorOf(req), req.body)));

  app.get('/api/tasks/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['tasks'], summary: 'One of your tasks', params: idParam, response: { 200: task } },
  }, async (req) => taskOut(await service.getTask(db, actorOf(req), req.params.id)));

  app.patch('/api/tasks/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['tasks'], summary: 'Edit, complete (status done), cancel or reopen a task (version required)', params: idParam, body: taskUpdate, response: { 200: task } },
  }, async (req) => taskOut(await service.updateTask(db, actorOf(req), req.params.id, req.body)));
}
