import { defineFeature } from '../../platform/feature';
import { COLLECTIONS_TABLES } from './collections.tables';

/** 回款 (DEAL-2, DEAL-3): receipts and their allocation, invoices, write-offs, ageing, dunning, rates. */
export const collectionsFeature = defineFeature({
  name: 'collections',
  tables: COLLECTIONS_TABLES,
  permissions: ['receipt:read', 'receipt:write', 'receipt:confirm'],
  grants: {
    gm: ['receipt:read'],
    deputy_gm: ['receipt:read'],
    ka_director: ['receipt:read', 'receipt:write'],
    account_manager: ['receipt:read', 'receipt:write'],
    specialist: ['receipt:read'],
    finance: ['receipt:read', 'receipt:write', 'receipt:confirm'],
  },
});
