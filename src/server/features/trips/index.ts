import { defineFeature } from '../../platform/feature';
import { tripsRoutes } from './trips.routes';
import { tripApprovable, tripReportApprovable } from './trips.service';
import { timelineSources, mergeParts, handoverParts } from './trips.parts';
import { TRIPS_TABLES } from './trips.tables';

export const tripsFeature = defineFeature({
  name: 'trips',
  tables: TRIPS_TABLES,
  permissions: ['trip:read', 'trip:write'],
  grants: { gm: ['trip:read'], deputy_gm: ['trip:read'], ka_director: ['trip:read', 'trip:write'], account_manager: ['trip:read', 'trip:write'], specialist: ['trip:read', 'trip:write'], finance: ['trip:read'] },
  approvables: [tripApprovable, tripReportApprovable],
  routes: tripsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
