import { defineFeature } from '../../platform/feature';
import { devPlansRoutes } from './dev-plans.routes';
import { registerDevPlanDocType } from './dev-plans.service';

export const devPlansFeature = defineFeature({
  name: 'dev-plans',
  routes: devPlansRoutes,
  wire: (p) => registerDevPlanDocType(p.approvals),
});
