import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context';
import { authRoutes } from './auth/auth.routes';
import { orgRoutes } from './org/org.routes';
import { approvalsRoutes } from './approvals/approvals.routes';
import { requestsRoutes } from './requests/requests.routes';
import { tasksRoutes } from './tasks/tasks.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { auditRoutes } from './audit/audit.routes';
import { systemRoutes } from './system/system.routes';

/** Every feature room registers its routes here. */
export async function registerFeatures(app: FastifyInstance, p: Platform): Promise<void> {
  await authRoutes(app, p);
  await orgRoutes(app, p);
  await approvalsRoutes(app, p);
  await requestsRoutes(app, p);
  await tasksRoutes(app, p);
  await notificationsRoutes(app, p);
  await auditRoutes(app, p);
  await systemRoutes(app, p);
}
