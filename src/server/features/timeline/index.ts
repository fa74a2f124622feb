import { defineFeature } from '../../platform/feature';
import { timelineRoutes } from './timeline.routes';

export const timelineFeature = defineFeature({
  name: 'timeline',
  routes: timelineRoutes,
});
