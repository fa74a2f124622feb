import { defineFeature } from '../../platform/feature';
import { systemRoutes } from './system.routes';

export const systemFeature = defineFeature({
  name: 'system',
  permissions: ['job:read'],
  routes: systemRoutes,
});
