import { defineFeature } from '../../platform/feature';
import { savedViewsRoutes } from './saved-views.routes';
import { SAVED_VIEWS_TABLES } from './saved-views.tables';

export const savedViewsFeature = defineFeature({
  name: 'saved-views',
  tables: SAVED_VIEWS_TABLES,
  routes: savedViewsRoutes,
});
