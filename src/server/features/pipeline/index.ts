import { defineFeature } from '../../platform/feature';
import { pipelineRoutes } from './pipeline.routes';

export const pipelineFeature = defineFeature({
  name: 'pipeline',
  routes: pipelineRoutes,
});
