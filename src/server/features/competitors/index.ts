import { defineFeature } from '../../platform/feature';
import { competitorsRoutes } from './competitors.routes';
import { COMPETITORS_TABLES } from './competitors.tables';

export const competitorsFeature = defineFeature({
  name: 'competitors',
  tables: COMPETITORS_TABLES,
  routes: competitorsRoutes,
});
