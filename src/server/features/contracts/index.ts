import { defineFeature } from '../../platform/feature';
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
});
