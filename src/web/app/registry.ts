import { accountRoutes } from '../features/accounts/routes';
import { adminRoutes } from '../features/admin/routes';
import { approvalRoutes } from '../features/approvals/routes';
import { contactRoutes } from '../features/contacts/routes';
import { opportunityRoutes } from '../features/opportunities/routes';
import { pipelineRoutes } from '../features/pipeline/routes';
import { transferRoutes } from '../features/transfer/routes';
import { giftRoutes } from '../features/gifts/routes';
import { tripRoutes } from '../features/trips/routes';
import { contactLogRoutes } from '../features/contact-log/routes';
import { visitRoutes } from '../features/visits/routes';
import { receptionRoutes } from '../features/receptions/routes';
import { expenseRoutes } from '../features/expenses/routes';
import { calendarRoutes } from '../features/calendar/routes';
import { workPlanRoutes } from '../features/work-plans/routes';
import type { AppRoute } from './types';

/**
 * Every feature's pages. A feature exports its AppRoute list from
 * src/web/features/<feature>/routes.tsx and is added here — nothing else in the shell changes.
 */
export const featureRoutes: AppRoute[] = [
  ...accountRoutes,
  ...transferRoutes,
  ...approvalRoutes,
  ...adminRoutes,
  ...contactRoutes,
  ...opportunityRoutes,
  ...pipelineRoutes,
  // 外勤与接待 in the order of the day's work: visits and their calendar, daily reports and monthly plans, contacts,
  // receptions, gifts, trips, claims
  ...visitRoutes,
  ...calendarRoutes,
  ...workPlanRoutes,
  ...contactLogRoutes,
  ...receptionRoutes,
  ...giftRoutes,
  ...tripRoutes,
  ...expenseRoutes,
];
