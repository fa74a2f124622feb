import { defineFeature } from '../../platform/feature';
import { systemRoutes } from './system.routes';

export const systemFeature = defineFeature({
  name: 'system',
  routes: systemRoutes,
});
