import { defineFeature } from '../../platform/feature';
import { plansRoutes } from './plans.routes';
import { timelineSources, mergeParts, handoverParts } from './plans.parts';

export const plansFeature = defineFeature({
  name: 'plans',
  routes: plansRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
