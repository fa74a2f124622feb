import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context';
import { authRoutes } from './auth/auth.routes';
import { orgRoutes } from './org/org.routes';
import { approvalsRoutes } from './approvals/approvals.routes';
import { requestsRoutes } from './requests/requests.routes';
import { registerTaskJobs, tasksRoutes } from './tasks/tasks.routes';
import { registerGeneralRequestDocType } from './requests/requests.service';
import { notificationsRoutes } from './notifications/notifications.routes';
import { auditRoutes } from './audit/audit.routes';
import { systemRoutes } from './system/system.routes';
import { accountsRoutes, registerAccountJobs } from './accounts/accounts.routes';
import { contactsRoutes } from './contacts/contacts.routes';
import { handoverRoutes } from './handover/handover.routes';
import { needsRoutes } from './needs/needs.routes';
import { plansRoutes } from './plans/plans.routes';
import { opportunitiesRoutes } from './opportunities/opportunities.routes';
import { timelineRoutes } from './timeline/timeline.routes';
import { mergeRoutes } from './merge/merge.routes';
import { savedViewsRoutes } from './saved-views/saved-views.routes';
import { registerTransferJobs, transferRoutes } from './transfer/transfer.routes';
import { competitorsRoutes } from './competitors/competitors.routes';
import { devPlansRoutes } from './dev-plans/dev-plans.routes';
import { registerDevPlanDocType } from './dev-plans/dev-plans.service';
import { pipelineRoutes } from './pipeline/pipeline.routes';
import { giftsRoutes } from './gifts/gifts.routes';
import { registerGiftDocTypes } from './gifts/gifts.service';
import { tripsRoutes } from './trips/trips.routes';
import { registerTripDocTypes } from './trips/trips.service';
import { contactLogRoutes } from './contact-log/contact-log.routes';
import { visitsRoutes } from './visits/visits.routes';
import { registerVisitDocType } from './visits/visits.service';
import { receptionsRoutes } from './receptions/receptions.routes';
import { registerReceptionDocType } from './receptions/receptions.service';
import './receptions/receptions.parts';
import { expensesRoutes } from './expenses/expenses.routes';
import { registerExpenseDocType } from './expenses/expenses.service';
import { calendarRoutes } from './calendar/calendar.routes';
import { registerVisitPolicyJobs, visitPolicyRoutes } from './visit-policy/visit-policy.routes';
import { registerWorkPlanJobs, workPlansRoutes } from './work-plans/work-plans.routes';

/**
 * What features contribute besides HTTP routes — approval document types and job handlers.
 * The server and `tongmeng worker` both call it, so a worker runs every feature's jobs.
 */
export function wireFeatures(p: Platform): void {
  registerGeneralRequestDocType(p.approvals);
  registerDevPlanDocType(p.approvals);
  registerGiftDocTypes(p.approvals);
  registerTripDocTypes(p.approvals);
  registerVisitDocType(p.approvals);
  registerReceptionDocType(p.approvals);
  registerExpenseDocType(p.approvals);
  registerTaskJobs(p);
  registerAccountJobs(p);
  registerTransferJobs(p);
  registerVisitPolicyJobs(p);
  registerWorkPlanJobs(p);
}

/** Every feature room registers its routes here. */
export async function registerFeatures(app: FastifyInstance, p: Platform): Promise<void> {
  wireFeatures(p);
  await authRoutes(app, p);
  await orgRoutes(app, p);
  await approvalsRoutes(app, p);
  await requestsRoutes(app, p);
  await tasksRoutes(app, p);
  await notificationsRoutes(app, p);
  await auditRoutes(app, p);
  await systemRoutes(app, p);
  await accountsRoutes(app, p);
  await contactsRoutes(app, p);
  await handoverRoutes(app, p);
  await needsRoutes(app, p);
  await plansRoutes(app, p);
  await opportunitiesRoutes(app, p);
  await timelineRoutes(app, p);
  await mergeRoutes(app, p);
  await savedViewsRoutes(app, p);
  await transferRoutes(app, p);
  await competitorsRoutes(app, p);
  await devPlansRoutes(app, p);
  await pipelineRoutes(app, p);
  await giftsRoutes(app, p);
  await tripsRoutes(app, p);
  await contactLogRoutes(app, p);
  await visitsRoutes(app, p);
  await receptionsRoutes(app, p);
  await expensesRoutes(app, p);
  await calendarRoutes(app, p);
  await visitPolicyRoutes(app, p);
  await workPlansRoutes(app, p);
}
