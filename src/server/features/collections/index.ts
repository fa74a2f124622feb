import { defineFeature } from '../../platform/feature';
import { COLLECTIONS_TABLES } from './collections.tables';
import { collectionsRoutes } from './collections.routes';
import { handoverParts, mergeParts, timelineSources } from './collections.parts';
import { writeOffApprovable } from './collections.write-offs.service';

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
  approvables: [writeOffApprovable],
  routes: collectionsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});

/**
 * recordReceipt: the import of finance's receipt files (transfer room) writes one receipt inside its
 * transaction, checked as the form is; receiptConflicts maps a lost race on a unique index to the
 * same 409 (run the transaction inside it).
 */
export { recordReceipt, receiptConflicts, type ReceiptInput } from './collections.service';
