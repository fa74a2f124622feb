import { defineFeature } from '../../platform/feature';
import { opportunitiesRoutes } from './opportunities.routes';
import { timelineSources, mergeParts, handoverParts } from './opportunities.parts';

export const opportunitiesFeature = defineFeature({
  name: 'opportunities',
  routes: opportunitiesRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

export { opportunitySummaryOut } from './opportunities.routes';
export { loadPipelineSettings } from './opportunities.service';
