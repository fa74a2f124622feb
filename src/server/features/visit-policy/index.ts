import { defineFeature } from '../../platform/feature';
import { visitPolicyRoutes, registerVisitPolicyJobs } from './visit-policy.routes';
import { VISIT_POLICY_TABLES } from './visit-policy.tables';

export const visitPolicyFeature = defineFeature({
  name: 'visit-policy',
  tables: VISIT_POLICY_TABLES,
  routes: visitPolicyRoutes,
  wire: (p) => registerVisitPolicyJobs(p),
});

/**
 * For the health score: the visit interval in days an account is held to (its tier, grade and quadrant,
 * the strictest wins), or null when the policy sets none for it — the settings read once.
 */
export { visitIntervalOf } from './visit-policy.service';
