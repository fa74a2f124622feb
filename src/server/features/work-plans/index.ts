import { defineFeature } from '../../platform/feature';
import { workPlansRoutes, registerWorkPlanJobs } from './work-plans.routes';
import { mergeParts } from './work-plans.parts';

export const workPlansFeature = defineFeature({
  name: 'work-plans',
  routes: workPlansRoutes,
  wire: (p) => registerWorkPlanJobs(p),
  mergeParts,
});
