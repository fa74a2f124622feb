import { defineFeature } from '../../platform/feature';
import { visitsRoutes } from './visits.routes';
import { registerVisitDocType } from './visits.service';
import { timelineSources, mergeParts, handoverParts } from './visits.parts';

export const visitsFeature = defineFeature({
  name: 'visits',
  routes: visitsRoutes,
  wire: (p) => registerVisitDocType(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
