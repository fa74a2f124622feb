import { defineFeature } from '../../platform/feature';
import { workPlansRoutes, registerWorkPlanJobs } from './work-plans.routes';
import { mergeParts } from './work-plans.parts';
import { WORK_PLANS_TABLES } from './work-plans.tables';

export const workPlansFeature = defineFeature({
  name: 'work-plans',
  tables: WORK_PLANS_TABLES,
  routes: workPlansRoutes,
  wire: (p) => registerWorkPlanJobs(p),
  mergeParts,
});
