import { defineFeature } from '../../platform/feature';
import { tripsRoutes } from './trips.routes';
import { tripApprovable, tripReportApprovable } from './trips.service';
import { timelineSources, mergeParts, handoverParts } from './trips.parts';
import { TRIPS_TABLES } from './trips.tables';

export const tripsFeature = defineFeature({
  name: 'trips',
  tables: TRIPS_TABLES,
  routes: tripsRoutes,
  wire: (p) => {
    tripApprovable.register(p.approvals);
    tripReportApprovable.register(p.approvals);
  },
  timelineSources,
  mergeParts,
  handoverParts,
});
