import { defineFeature } from '../../platform/feature';
import { plansRoutes } from './plans.routes';
import { timelineSources, mergeParts, handoverParts } from './plans.parts';
import { PLANS_TABLES } from './plans.tables';

export const plansFeature = defineFeature({
  name: 'plans',
  tables: PLANS_TABLES,
  routes: plansRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
