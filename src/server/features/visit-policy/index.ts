import { defineFeature } from '../../platform/feature';
import { visitPolicyRoutes, registerVisitPolicyJobs } from './visit-policy.routes';
import { VISIT_POLICY_TABLES } from './visit-policy.tables';

export const visitPolicyFeature = defineFeature({
  name: 'visit-policy',
  tables: VISIT_POLICY_TABLES,
  routes: visitPolicyRoutes,
  wire: (p) => registerVisitPolicyJobs(p),
});
