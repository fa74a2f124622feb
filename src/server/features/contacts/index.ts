import { defineFeature } from '../../platform/feature';
import { contactsRepo } from './contacts.repo';
import { contactsRoutes } from './contacts.routes';
import { timelineSources, mergeParts, handoverParts } from './contacts.parts';
import { CONTACTS_TABLES } from './contacts.tables';

export const contactsFeature = defineFeature({
  name: 'contacts',
  tables: CONTACTS_TABLES,
  permissions: ['contact:read', 'contact:write', 'contact:sensitive'],
  grants: { gm: ['contact:read', 'contact:write', 'contact:sensitive'], deputy_gm: ['contact:read', 'contact:write', 'contact:sensitive'], ka_director: ['contact:read', 'contact:write', 'contact:sensitive'], account_manager: ['contact:read', 'contact:write'], specialist: ['contact:read', 'contact:write'] },
  routes: contactsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

export { contactAccountOf, noteLastContact } from './contacts.service';

// the import and export of contacts (transfer room): profile columns, list filter, who sees personal details
export { KEY_ROLE_COLUMNS, PROFILE_COLUMNS as CONTACT_PROFILE_COLUMNS, contactListFilter, seesSensitive } from './contacts.service';
export const contactExportBatch = contactsRepo.exportContacts.bind(contactsRepo);
export const ownsAnyContactAccount = contactsRepo.ownsAnyContactAccount.bind(contactsRepo);
