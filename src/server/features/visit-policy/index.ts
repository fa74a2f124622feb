import { defineFeature } from '../../platform/feature';
import { visitPolicyRoutes, registerVisitPolicyJobs } from './visit-policy.routes';

export const visitPolicyFeature = defineFeature({
  name: 'visit-policy',
  routes: visitPolicyRoutes,
  wire: (p) => registerVisitPolicyJobs(p),
});
