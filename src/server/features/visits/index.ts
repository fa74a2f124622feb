import { defineFeature } from '../../platform/feature';
import { visitsRoutes } from './visits.routes';
import { visitPlanApprovable } from './visits.service';
import { timelineSources, mergeParts, handoverParts } from './visits.parts';

export const visitsFeature = defineFeature({
  name: 'visits',
  routes: visitsRoutes,
  wire: (p) => visitPlanApprovable.register(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
