import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { taskCreate, taskListQuery, taskUpdate } from '../../../shared/contracts/tasks';
import type { Actor } from '../../platform/actor';
import { pageWindow, resolveSort } from '../../platform/listing';
import { audit } from '../../platform/audit';
import type { Notifier } from '../../platform/notifications/notifier';
import { localDayBounds, localWeekBounds } from '../../../shared/domain/business-time';
import { tasksRepo, type TaskSortColumn } from './tasks.repo';

export const TASK_KINDS = { assigned: 'task.assigned', due: 'task.due' } as const;
/** The page of the to-do list, used when a task links to nothing more specific. */
export const TASKS_LINK = '/tasks';

const notFound = () => new AppError('NOT_FOUND', 'Task not found', undefined, { key: 'common.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The task was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** audit action of a status change */
const STATUS_ACTION: Record<string, string> = { done: 'complete', cancelled: 'cancel', open: 'reopen' };

const SORTS: Record<string, TaskSortColumn> = { dueAt: 'due_at', createdAt: 'created_at' };

export async function listTasks(db: Kdb, actor: Actor, q: z.infer<typeof taskListQuery>, timeZone: string, now = new Date()) {
  const window = q.due === 'today' ? localDayBounds(now, timeZone) : q.due === 'week' ? localWeekBounds(now, timeZone) : undefined;
  const r = await tasksRepo.list(db, {
    ownerId: actor.userId,
    status: q.status === 'all' ? undefined : q.status,
    overdue: q.due === 'overdue',
    dueFrom: window?.start,
    dueTo: window?.end,
    q: q.q || undefined,
    sort: resolveSort(q.sort, SORTS, 'dueAt'),
    ...pageWindow(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

/** A task is private to its owner: anyone else gets a 404, as for a record outside their scope. */
export async function getTask(db: Executor, actor: Actor, id: number) {
  const task = await tasksRepo.find(db, id, actor.userId);
  if (!task) throw notFound();
  return task;
}

export interface CreateTaskInput {
  ownerId: number;
  title: string;
  description?: string;
  dueAt?: Date | string | null;
  /** the record the task is about, e.g. 'approval' / 12 */
  linkEntity?: string | null;
  linkId?: number | null;
  /** web route of that record */
  linkUrl?: string | null;
  /** what made the task: 'manual', 'approval', 'visit', … */
  source: string;
  createdBy: number | null;
  /** the signed-in user behind the change, for the audit record (none for system jobs) */
  actor?: Actor | null;
  /** false: no task.assigned notice (the caller sends one notice for several tasks) */
  notify?: boolean;
}

let boundNotifier: Notifier | undefined;
/** The platform's notifier, used by createTask when its caller passes none (set when the routes register). */
export function bindTaskNotifier(notifier: Notifier): void {
  boundNotifier = notifier;
}

/**
 * Creates a task inside the caller's transaction, audits it and, when someone other than the
 * owner created it, notifies the owner (task.assigned). Other features call this for the
 * follow-ups their records need.
 */
export async function createTask(trx: Executor, input: CreateTaskInput, notifier: Notifier | undefined = boundNotifier) {
  const title = input.title.trim().slice(0, 200);
  if (!title) throw validationError([issue('title', 'tasks.titleRequired', 'A task needs a title')]);
  const dueAt = input.dueAt === undefined || input.dueAt === null ? null : new Date(input.dueAt);
  if (dueAt && Number.isNaN(dueAt.getTime())) throw validationError([issue('dueAt', 'common.invalidDateTime', 'Not a valid date-time')]);
  const notifyOwner = input.notify !== false && input.createdBy !== input.ownerId;
  if (notifyOwner && !notifier) throw new Error('createTask: no notifier; pass platform.notifier or register the task routes first');
  const id = await tasksRepo.insert(trx, {
    ownerId: input.ownerId,
    title,
    description: input.description ?? '',
    dueAt,
    linkEntity: input.linkEntity ?? null,
    linkId: input.linkId ?? null,
    linkUrl: input.linkUrl ?? null,
    source: input.source,
    createdBy: input.createdBy,
  });
  const task = (await tasksRepo.find(trx, id))!;
  await audit(trx, input.actor ?? null, { entity: 'task', entityId: id, action: 'create', after: stripInternal(task) });
  if (notifyOwner) {
    await notifier!.notify(trx, {
      userIds: [input.ownerId],
      kind: TASK_KINDS.assigned,
      params: { title, taskId: id, dueAt: dueAt?.toISOString() ?? null },
      link: task.link_url ?? TASKS_LINK,
    });
  }
  return task;
}

function stripInternal<T extends { overdue?: unknown; due_notified_at?: unknown }>(row: T) {
  const { overdue: _o, due_notified_at: _d, ...rest } = row;
  return rest;
}

/**
 * Closes the open tasks about a record once the work they asked for is done elsewhere (e.g. an
 * approval was decided): 'done' when it was done, 'cancelled' when it no longer applies.
 * Call it inside the transaction that makes that change; ownerId narrows it to one person.
 */
export async function closeTasksFor(
  trx: Executor,
  input: { linkEntity: string; linkId: number; ownerId?: number; status: 'done' | 'cancelled'; actor?: Actor | null },
): Promise<number[]> {
  const closed = await tasksRepo.closeLinked(trx, { entity: input.linkEntity, id: input.linkId, ownerId: input.ownerId }, input.status);
  for (const t of closed) {
    await audit(trx, input.actor ?? null, {
      entity: 'task',
      entityId: t.id,
      action: STATUS_ACTION[input.status],
      before: { status: 'open', completed_at: null },
      after: { status: t.status, completed_at: t.completed_at },
      data: { linkEntity: input.linkEntity, linkId: input.linkId },
    });
  }
  return closed.map((t) => t.id);
}

/**
 * Marks done the caller's own open task about a record (a recovery plan's step ticked on the plan's page),
 * in the caller's transaction; audited. False when the task is not the caller's, not about that record,
 * or not open.
 */
export async function completeLinkedTask(trx: Executor, actor: Actor, input: { taskId: number; linkEntity: string; linkId: number }): Promise<boolean> {
  const before = await tasksRepo.find(trx, input.taskId, actor.userId);
  if (!before || before.link_entity !== input.linkEntity || before.link_id !== input.linkId || before.status !== 'open') return false;
  if (!(await tasksRepo.update(trx, before.id, before.version, { status: 'done', completed: 'set' }))) return false;
  const after = (await tasksRepo.find(trx, before.id))!;
  await audit(trx, actor, { entity: 'task', entityId: before.id, action: 'complete', before: stripInternal(before), after: stripInternal(after) });
  return true;
}

export async function createOwnTask(db: Kdb, actor: Actor, input: z.infer<typeof taskCreate>) {
  return db.transaction().execute((trx) =>
    createTask(trx, {
      ownerId: actor.userId,
      title: input.title,
      description: input.description,
      dueAt: input.dueAt ?? null,
      linkUrl: input.linkUrl ?? null,
      source: 'manual',
      createdBy: actor.userId,
      actor,
    }),
  );
}

/**
 * A room whose record's steps are tasks (the recovery plan) guards their changes through the to-do list:
 * called in the transaction before a linked task changes, it may refuse (throw) or follow (a step done
 * puts its plan in progress). Kept by link entity; a second registration replaces the first.
 */
export type LinkedTaskGuard = (trx: Executor, actor: Actor, task: { id: number; linkId: number; status: string }, change: { status?: string }) => Promise<void>;
const linkedGuards = new Map<string, LinkedTaskGuard>();
export function guardLinkedTasks(linkEntity: string, guard: LinkedTaskGuard): void {
  linkedGuards.set(linkEntity, guard);
}

export async function updateTask(db: Kdb, actor: Actor, id: number, input: z.infer<typeof taskUpdate>) {
  return db.transaction().execute(async (trx) => {
    const before = await tasksRepo.find(trx, id, actor.userId);
    if (!before) throw notFound();
    if (before.version !== input.version) throw stale();
    const guard = before.link_entity ? linkedGuards.get(before.link_entity) : undefined;
    if (guard && before.link_id !== null) await guard(trx, actor, { id: before.id, linkId: before.link_id, status: before.status }, { status: input.status });
    const dueAt = input.dueAt === undefined ? undefined : input.dueAt === null ? null : new Date(input.dueAt);
    const dueChanged = dueAt !== undefined && (dueAt?.getTime() ?? null) !== (before.due_at ? new Date(before.due_at).getTime() : null);
    const statusChanged = input.status !== undefined && input.status !== before.status;
    const ok = await tasksRepo.update(trx, id, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.linkUrl !== undefined && { link_url: input.linkUrl }),
      ...(dueAt !== undefined && { due_at: dueAt }),
      ...(input.status !== undefined && { status: input.status }),
      ...(statusChanged && { completed: input.status === 'done' ? ('set' as const) : ('clear' as const) }),
      // a new due date deserves its own reminder
      resetDueReminder: dueChanged,
    });
    if (!ok) throw stale();
    const after = (await tasksRepo.find(trx, id))!;
    await audit(trx, actor, { entity: 'task', entityId: id, action: statusChanged ? STATUS_ACTION[after.status] ?? 'update' : 'update', before: stripInternal(before), after: stripInternal(after) });
    return after;
  });
}

/** Reminder window of the daily job: open tasks due within this many hours. */
export const DUE_WINDOW_HOURS = 24;
const REMINDER_BATCH = 200;

/**
 * Reminds owners of open tasks due within 24 hours, once per task: each batch is marked and
 * notified in one transaction, so a retried or concurrent run never reminds twice.
 */
export async function remindDueTasks(db: Kdb, notifier: Notifier): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const due = await tasksRepo.claimDueForReminder(trx, DUE_WINDOW_HOURS, REMINDER_BATCH);
      for (const t of due) {
        await notifier.notify(trx, {
          userIds: [t.owner_id],
          kind: TASK_KINDS.due,
          params: { title: t.title, taskId: t.id, dueAt: t.due_at ? new Date(t.due_at).toISOString() : null },
          link: t.link_url ?? TASKS_LINK,
        });
      }
      await tasksRepo.markDueNotified(trx, due.map((t) => t.id));
      return due.length;
    });
    total += n;
    if (n < REMINDER_BATCH) return total;
  }
}
