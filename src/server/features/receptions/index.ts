import { defineFeature } from '../../platform/feature';
import { receptionsRoutes } from './receptions.routes';
import { registerReceptionDocType } from './receptions.service';
import { timelineSources, mergeParts, handoverParts } from './receptions.parts';

export const receptionsFeature = defineFeature({
  name: 'receptions',
  routes: receptionsRoutes,
  wire: (p) => registerReceptionDocType(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
