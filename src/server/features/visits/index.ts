import { defineFeature } from '../../platform/feature';
import { visitsRoutes } from './visits.routes';
import { visitPlanApprovable } from './visits.service';
import { timelineSources, mergeParts, handoverParts } from './visits.parts';
import { VISITS_TABLES } from './visits.tables';

export const visitsFeature = defineFeature({
  name: 'visits',
  tables: VISITS_TABLES,
  routes: visitsRoutes,
  wire: (p) => visitPlanApprovable.register(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
