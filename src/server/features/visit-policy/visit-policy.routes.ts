import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { overdueList, visitPolicySettings, visitPolicyView } from '../../../shared/contracts/calendar';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './visit-policy.service';

export const VISIT_OVERDUE_JOB = 'visits.overdue';
/** Early morning, after the nightly account recompute (02:30) and before the working day. */
export const VISIT_OVERDUE_AT = '06:30';

export function registerVisitPolicyJobs(p: Platform) {
  p.jobs.schedule(VISIT_OVERDUE_JOB, { dailyAt: VISIT_OVERDUE_AT, timeZone: p.config.BUSINESS_TZ }, async () => {
    await service.runOverdueCheck(p.db, p.notifier);
  });
}

/** Visit policy (issue 5 item 2): frequencies per tier and grade, and the overdue accounts. */
export async function visitPolicyRoutes(app: FastifyInstance, p: Platform): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = p;

  r.get('/api/visit-policy', {
    config: { access: 'account:configure' },
    schema: { tags: ['visits'], summary: "Visit frequency in days per account tier and per grade (null: not required), whether the quadrant's visit interval applies, and those intervals", response: { 200: visitPolicyView } },
  }, async () => service.getPolicyView(db));

  r.put('/api/visit-policy', {
    config: { access: 'account:configure' },
    schema: { tags: ['visits'], summary: 'Save the visit frequencies', body: visitPolicySettings, response: { 200: visitPolicyView } },
  }, async (req) => {
    await service.putPolicy(db, actorOf(req), req.body);
    return service.getPolicyView(db);
  });

  r.get('/api/visit-policy/overdue', {
    config: { access: 'account:read' },
    schema: { tags: ['visits'], summary: `Accounts in the caller's scope whose last recorded visit is older than their frequency (the strictest of tier, grade and quadrant)`, response: { 200: overdueList } },
  }, async (req) => service.listOverdue(db, actorOf(req)));
}
