import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError } from '../../../shared/errors';
import type { notificationListQuery } from '../../../shared/contracts/tasks';
import type { Actor } from '../../platform/actor';
import { notificationsRepo } from './notifications.repo';

// Read markers are the recipient's own inbox state, not business records, so they are not audited.

export async function listNotifications(db: Kdb, actor: Actor, q: z.infer<typeof notificationListQuery>) {
  // unread=false is "not only the unread ones": the inbox toggle switches the filter off.
  const r = await notificationsRepo.list(db, actor.userId, { unreadOnly: q.unread === 'true', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function unreadCount(db: Kdb, actor: Actor) {
  return notificationsRepo.unreadCount(db, actor.userId);
}

/** Another user's notification is a 404, the same as one that does not exist. */
export async function markRead(db: Kdb, actor: Actor, id: number) {
  const row = await notificationsRepo.markRead(db, actor.userId, id);
  if (!row) throw new AppError('NOT_FOUND', 'Notification not found', undefined, { key: 'common.notFound' });
  return row;
}

export async function markAllRead(db: Kdb, actor: Actor) {
  return notificationsRepo.markAllRead(db, actor.userId);
}
