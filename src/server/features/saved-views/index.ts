import { defineFeature } from '../../platform/feature';
import { savedViewsRoutes } from './saved-views.routes';

export const savedViewsFeature = defineFeature({
  name: 'saved-views',
  routes: savedViewsRoutes,
});
