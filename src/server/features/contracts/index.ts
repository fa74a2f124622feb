import { defineFeature } from '../../platform/feature';
import { handoverParts, mergeParts, timelineSources } from './contracts.parts';
import { contractsRoutes } from './contracts.routes';
import { contractApprovable } from './contracts.service';
import { CONTRACTS_TABLES } from './contracts.tables';

/** 合同 (DEAL-1): framework agreements, sales contracts and supplements, their lines, files, payment plans and states. */
export const contractsFeature = defineFeature({
  name: 'contracts',
  tables: CONTRACTS_TABLES,
  permissions: ['contract:read', 'contract:write', 'contract:prices', 'contract:manage'],
  grants: {
    gm: ['contract:read', 'contract:prices', 'contract:manage'],
    deputy_gm: ['contract:read', 'contract:prices', 'contract:manage'],
    ka_director: ['contract:read', 'contract:write', 'contract:prices', 'contract:manage'],
    account_manager: ['contract:read', 'contract:write', 'contract:prices'],
    specialist: ['contract:read'],
    finance: ['contract:read', 'contract:prices'],
  },
  approvables: [contractApprovable],
  routes: contractsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

/**
 * For the collections room: after an allocation, its undo or an approved write-off, in the same
 * transaction — moves the contracts on (signed → in progress; completed by the plan; back in progress).
 */
export { followCollections } from './contracts.service';
