import type { Executor } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { defineFeature } from '../../platform/feature';
import { mergeParts } from './surveys.parts';
import { registerSurveyJobs, surveysRoutes } from './surveys.routes';
import { afterTicket, type SurveyDeps } from './surveys.service';
import { SURVEYS_TABLES } from './surveys.tables';

/** The platform this process wired the room with: inviteAfterTicket queues e-mail and notices through it. */
let wired: Omit<SurveyDeps, 'db'> | null = null;

const ALL = ['survey:read', 'survey:write', 'survey:configure'] as const;
const SEND = ['survey:read', 'survey:write'] as const;

/** 满意度 (SVC-2): satisfaction surveys through a one-time public link, their scores, the daily schedule. */
export const surveysFeature = defineFeature({
  name: 'surveys',
  tables: SURVEYS_TABLES,
  /** read invitations and scores; send, re-link and revoke invitations; the settings (expiry, target, cadence) */
  permissions: [...ALL],
  grants: { gm: ALL, deputy_gm: ALL, ka_director: ALL, account_manager: SEND, specialist: SEND, service_staff: SEND },
  routes: surveysRoutes,
  wire: (p) => {
    wired = { jobs: p.jobs, notifier: p.notifier, config: p.config };
    registerSurveyJobs(p);
  },
  mergeParts,
});

/**
 * For the tickets room, in the transaction that closes a ticket: invites the ticket's contact (or, without
 * one, the account's primary contact) to a survey, reason ticket_closed — once per ticket, so closing it
 * again after a reopen sends nothing. The link is e-mailed when the contact has an address and SMTP is set;
 * otherwise the account's owner is told to send it (a new link from the account's 满意度 tab). Returns the
 * invitation and its link (shown once), or null when nothing was sent: no active contact, or the ticket's
 * survey exists already.
 */
export function inviteAfterTicket(trx: Executor, actor: Actor, input: { accountId: number; contactId: number | null; ticketId: number }) {
  return afterTicket(trx, wired, actor, input);
}

/**
 * For the health score: per account of `accountIds` (every one, answered or not), its answers in
 * [from, to) — CSAT mean, 满意率 (percent with CSAT ≥ 4), NPS (points), how many, and the last one.
 * No data scope: the caller decides whose accounts it reads.
 */
export { satisfactionOf, type Satisfaction } from './surveys.service';
