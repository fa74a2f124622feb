import { defineFeature } from '../../platform/feature';
import { receptionsRoutes } from './receptions.routes';
import { receptionApprovable } from './receptions.service';
import { timelineSources, mergeParts, handoverParts } from './receptions.parts';

export const receptionsFeature = defineFeature({
  name: 'receptions',
  routes: receptionsRoutes,
  wire: (p) => receptionApprovable.register(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
