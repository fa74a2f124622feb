import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, paged } from '../../../shared/contracts/common';
import { notification, notificationListQuery, readAllResponse, unreadCount, type Notification } from '../../../shared/contracts/tasks';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './notifications.service';

type NotificationRow = Awaited<ReturnType<typeof service.markRead>>;

const notificationOut = (n: NotificationRow): Notification => ({
  id: n.id,
  kind: n.kind,
  params: n.params ?? {},
  link: n.link,
  readAt: iso(n.read_at),
  createdAt: iso(n.created_at),
});

export async function notificationsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Your notifications, newest first (unread=true: only unread ones)', querystring: notificationListQuery, response: { 200: paged(notification) } },
  }, async (req) => {
    const r = await service.listNotifications(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(notificationOut) };
  });

  app.get('/api/notifications/unread-count', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'How many of your notifications are unread', response: { 200: unreadCount } },
  }, async (req) => ({ count: await service.unreadCount(db, actorOf(req)) }));

  app.post('/api/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark one of your notifications read; returns it', params: idParam, response: { 200: notification } },
  }, async (req) => notificationOut(await service.markRead(db, actorOf(req), req.params.id)));

  app.post('/api/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark all your notifications read; count = how many were unread', response: { 200: readAllResponse } },
  }, async (req) => ({ ok: true as const, count: await service.markAllRead(db, actorOf(req)) }));
}
