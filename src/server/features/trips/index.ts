import { defineFeature } from '../../platform/feature';
import { tripsRoutes } from './trips.routes';
import { registerTripDocTypes } from './trips.service';
import { timelineSources, mergeParts, handoverParts } from './trips.parts';

export const tripsFeature = defineFeature({
  name: 'trips',
  routes: tripsRoutes,
  wire: (p) => registerTripDocTypes(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
