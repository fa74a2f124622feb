import { defineFeature } from '../../platform/feature';
import { competitorsRoutes } from './competitors.routes';
import { COMPETITORS_TABLES } from './competitors.tables';

export const competitorsFeature = defineFeature({
  name: 'competitors',
  tables: COMPETITORS_TABLES,
  permissions: ['competitor:manage'],
  grants: { gm: ['competitor:manage'], deputy_gm: ['competitor:manage'], ka_director: ['competitor:manage'], account_manager: ['competitor:manage'] },
  routes: competitorsRoutes,
});
