import { defineFeature } from '../../platform/feature';
import { opportunitiesRoutes } from './opportunities.routes';
import { timelineSources, mergeParts, handoverParts } from './opportunities.parts';
import { OPPORTUNITIES_TABLES } from './opportunities.tables';

export const opportunitiesFeature = defineFeature({
  name: 'opportunities',
  tables: OPPORTUNITIES_TABLES,
  routes: opportunitiesRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

export { opportunitySummaryOut } from './opportunities.routes';
export { loadPipelineSettings } from './opportunities.service';
