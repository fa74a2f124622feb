import { z } from 'zod';
import { isoDateTime, isoDateTimeNullable, listQuery } from './common';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export const task = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  dueAt: isoDateTimeNullable,
  linkEntity: z.string().nullable(),
  linkId: z.number().nullable(),
  /** web route to the record the task is about */
  linkUrl: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  source: z.string(),
  ownerId: z.number(),
  createdBy: z.number().nullable(),
  completedAt: isoDateTimeNullable,
  overdue: z.boolean(),
  version: z.number(),
  createdAt: isoDateTime,
});
export type Task = z.infer<typeof task>;

export const taskCreate = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  linkUrl: z.string().max(500).regex(/^\//, 'an in-app path starting with /').nullable().optional(),
});
export const taskUpdate = taskCreate.partial().extend({
  // without the create default: a PATCH that leaves the description out must not clear it
  description: z.string().max(5000).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  version: z.number().int().positive(),
});
export const taskListQuery = listQuery.extend({
  status: z.enum([...TASK_STATUSES, 'all']).default('open'),
  due: z.enum(['overdue', 'today', 'week']).optional(),
});

export const notification = z.object({
  id: z.number(),
  /** i18n key under notifications.kinds */
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  link: z.string().nullable(),
  readAt: isoDateTimeNullable,
  createdAt: isoDateTime,
});
export type Notification = z.infer<typeof notification>;
export const notificationListQuery = listQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const unreadCount = z.object({ count: z.number() });
/** POST /api/notifications/read-all: how many were unread before. */
export const readAllResponse = z.object({ ok: z.literal(true), count: z.number().int() });
