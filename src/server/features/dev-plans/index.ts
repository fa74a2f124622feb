import { defineFeature } from '../../platform/feature';
import { devPlansRoutes } from './dev-plans.routes';
import { devPlanApprovable } from './dev-plans.service';

export const devPlansFeature = defineFeature({
  name: 'dev-plans',
  routes: devPlansRoutes,
  wire: (p) => devPlanApprovable.register(p.approvals),
});
