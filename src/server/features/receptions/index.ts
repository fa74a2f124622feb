import { defineFeature } from '../../platform/feature';
import { receptionsRoutes } from './receptions.routes';
import { receptionApprovable } from './receptions.service';
import { timelineSources, mergeParts, handoverParts } from './receptions.parts';
import { RECEPTIONS_TABLES } from './receptions.tables';

export const receptionsFeature = defineFeature({
  name: 'receptions',
  tables: RECEPTIONS_TABLES,
  permissions: ['reception:read', 'reception:write'],
  grants: { gm: ['reception:read'], deputy_gm: ['reception:read'], ka_director: ['reception:read', 'reception:write'], account_manager: ['reception:read', 'reception:write'], specialist: ['reception:read', 'reception:write'], finance: ['reception:read'] },
  approvables: [receptionApprovable],
  routes: receptionsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
