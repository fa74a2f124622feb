import { defineFeature } from '../../platform/feature';
import { contactsRoutes } from './contacts.routes';
import { timelineSources, mergeParts, handoverParts } from './contacts.parts';

export const contactsFeature = defineFeature({
  name: 'contacts',
  routes: contactsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
