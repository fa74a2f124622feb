import { defineFeature } from '../../platform/feature';
import { devPlansRoutes } from './dev-plans.routes';
import { devPlanApprovable } from './dev-plans.service';
import { DEV_PLANS_TABLES } from './dev-plans.tables';

export const devPlansFeature = defineFeature({
  name: 'dev-plans',
  tables: DEV_PLANS_TABLES,
  approvables: [devPlanApprovable],
  routes: devPlansRoutes,
});
