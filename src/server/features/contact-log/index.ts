import { defineFeature } from '../../platform/feature';
import { contactLogRoutes } from './contact-log.routes';
import { timelineSources, mergeParts } from './contact-log.parts';
import { CONTACT_LOG_TABLES } from './contact-log.tables';

export const contactLogFeature = defineFeature({
  name: 'contact-log',
  tables: CONTACT_LOG_TABLES,
  routes: contactLogRoutes,
  timelineSources,
  mergeParts,
});
