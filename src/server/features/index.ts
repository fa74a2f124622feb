import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context';
import { collectParts, type Feature } from '../platform/feature';
import { authFeature } from './auth';
import { orgFeature } from './org';
import { accountsFeature } from './accounts';
import { contactsFeature } from './contacts';
import { tasksFeature } from './tasks';
import { needsFeature } from './needs';
import { plansFeature } from './plans';
import { approvalsFeature } from './approvals';
import { requestsFeature } from './requests';
import { notificationsFeature } from './notifications';
import { auditFeature } from './audit';
import { systemFeature } from './system';
import { handoverFeature } from './handover';
import { opportunitiesFeature } from './opportunities';
import { timelineFeature } from './timeline';
import { savedViewsFeature } from './saved-views';
import { transferFeature } from './transfer';
import { competitorsFeature } from './competitors';
import { devPlansFeature } from './dev-plans';
import { pipelineFeature } from './pipeline';
import { giftsFeature } from './gifts';
import { tripsFeature } from './trips';
import { contactLogFeature } from './contact-log';
import { visitsFeature } from './visits';
import { receptionsFeature } from './receptions';
import { expensesFeature } from './expenses';
import { calendarFeature } from './calendar';
import { visitPolicyFeature } from './visit-policy';
import { workPlansFeature } from './work-plans';
import { contractsFeature } from './contracts';
import { collectionsFeature } from './collections';
import { receivablesFeature } from './receivables';
import { workdaysFeature } from './workdays';
import { surveysFeature } from './surveys';
import { ticketsFeature } from './tickets';
import { healthFeature } from './health';
import { recoveryFeature } from './recovery';
import { eventsFeature } from './events';
import { targetsFeature } from './targets';
import { kpisFeature } from './kpis';
import { scorecardsFeature } from './scorecards';

/**
 * Every room of the server, in the order their routes, timeline sources, merge parts and
 * handover parts are taken (a handover moves tasks before the plan items whose tasks follow them).
 */
export const FEATURES: readonly Feature[] = [
  authFeature,
  orgFeature,
  accountsFeature,
  contactsFeature,
  tasksFeature,
  needsFeature,
  plansFeature,
  approvalsFeature,
  requestsFeature,
  notificationsFeature,
  auditFeature,
  systemFeature,
  handoverFeature,
  opportunitiesFeature,
  timelineFeature,
  savedViewsFeature,
  transferFeature,
  competitorsFeature,
  devPlansFeature,
  pipelineFeature,
  giftsFeature,
  tripsFeature,
  contactLogFeature,
  visitsFeature,
  receptionsFeature,
  expensesFeature,
  calendarFeature,
  visitPolicyFeature,
  workPlansFeature,
  contractsFeature,
  collectionsFeature,
  receivablesFeature,
  workdaysFeature,
  ticketsFeature,
  healthFeature,
  recoveryFeature,
  eventsFeature,
  targetsFeature,
  kpisFeature,
  scorecardsFeature,
  surveysFeature,
];

/**
 * What rooms contribute besides HTTP routes — approvable documents, job handlers and their
 * parts. The server and `tongmeng worker` both call it, so a worker runs every room's jobs.
 */
export function wireFeatures(p: Platform): void {
  for (const f of FEATURES) {
    for (const a of f.approvables ?? []) a.register(p.approvals);
    f.wire?.(p);
  }
  const parts = collectParts(FEATURES);
  p.parts.timeline.push(...parts.timeline);
  p.parts.merge.push(...parts.merge);
  p.parts.handover.push(...parts.handover);
}

/** Registers every room's routes (after wiring them). */
export async function registerFeatures(app: FastifyInstance, p: Platform): Promise<void> {
  wireFeatures(p);
  for (const f of FEATURES) await f.routes?.(app, p);
}
