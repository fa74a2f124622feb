import { defineFeature } from '../../platform/feature';
import { orgRoutes } from './org.routes';

export const orgFeature = defineFeature({
  name: 'org',
  routes: orgRoutes,
});
