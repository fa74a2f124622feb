import { defineFeature } from '../../platform/feature';
import { handoverRoutes } from './handover.routes';

export const handoverFeature = defineFeature({
  name: 'handover',
  routes: handoverRoutes,
});
