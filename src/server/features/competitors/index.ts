import { defineFeature } from '../../platform/feature';
import { competitorsRoutes } from './competitors.routes';

export const competitorsFeature = defineFeature({
  name: 'competitors',
  routes: competitorsRoutes,
});
