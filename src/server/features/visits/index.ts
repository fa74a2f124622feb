import { defineFeature } from '../../platform/feature';
import { visitsRoutes } from './visits.routes';
import { visitPlanApprovable } from './visits.service';
import { timelineSources, mergeParts, handoverParts } from './visits.parts';
import { VISITS_TABLES } from './visits.tables';

export const visitsFeature = defineFeature({
  name: 'visits',
  tables: VISITS_TABLES,
  permissions: ['visit:read', 'visit:write', 'visit:review'],
  grants: { gm: ['visit:read'], deputy_gm: ['visit:read'], ka_director: ['visit:read', 'visit:write', 'visit:review'], account_manager: ['visit:read', 'visit:write'], specialist: ['visit:read', 'visit:write'], finance: ['visit:read'] },
  approvables: [visitPlanApprovable],
  routes: visitsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

/** A draft visit plan written inside another room's transaction (an event attendee's follow-up). */
export { createVisitIn } from './visits.service';
