import { defineFeature } from '../../platform/feature';
import { transferRoutes, registerTransferJobs } from './transfer.routes';
import { TRANSFER_TABLES } from './transfer.tables';

export const transferFeature = defineFeature({
  name: 'transfer',
  tables: TRANSFER_TABLES,
  permissions: ['account:import', 'account:export'],
  // finance imports receipts (issue 14 item 9): the kinds' own permissions keep it from accounts, contacts and revenue
  grants: { gm: ['account:import', 'account:export'], deputy_gm: ['account:import', 'account:export'], ka_director: ['account:import', 'account:export'], account_manager: ['account:export'], specialist: ['account:export'], finance: ['account:import'] },
  routes: transferRoutes,
  wire: (p) => registerTransferJobs(p),
});

/** Reading a CSV (UTF-8, UTF-16, GB18030) or XLSX upload row by row: the scorecards' attendance import reads 钉钉 / 企业微信 exports with it. */
export { bufferSource, detectFormat, readRows, UnreadableFile, type SheetRow } from './transfer.files';
