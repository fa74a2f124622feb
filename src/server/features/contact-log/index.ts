import { defineFeature } from '../../platform/feature';
import { contactLogRoutes } from './contact-log.routes';
import { timelineSources, mergeParts } from './contact-log.parts';

export const contactLogFeature = defineFeature({
  name: 'contact-log',
  routes: contactLogRoutes,
  timelineSources,
  mergeParts,
});
