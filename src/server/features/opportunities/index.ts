import { defineFeature } from '../../platform/feature';
import { opportunitiesRoutes } from './opportunities.routes';
import { timelineSources, mergeParts, handoverParts } from './opportunities.parts';
import { OPPORTUNITIES_TABLES } from './opportunities.tables';

export const opportunitiesFeature = defineFeature({
  name: 'opportunities',
  tables: OPPORTUNITIES_TABLES,
  permissions: ['opportunity:read', 'opportunity:write', 'opportunity:configure'],
  grants: { gm: ['opportunity:read', 'opportunity:write'], deputy_gm: ['opportunity:read', 'opportunity:write'], ka_director: ['opportunity:read', 'opportunity:write', 'opportunity:configure'], account_manager: ['opportunity:read', 'opportunity:write'], specialist: ['opportunity:read'], finance: ['opportunity:read'] },
  routes: opportunitiesRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

export { opportunitySummaryOut } from './opportunities.routes';
export { loadPipelineSettings } from './opportunities.service';
/** A development project at stage 1 written inside another room's transaction (an event attendee's follow-up). */
export { createOpportunityIn } from './opportunities.service';
