import { defineFeature } from '../../platform/feature';
import { transferRoutes, registerTransferJobs } from './transfer.routes';
import { TRANSFER_TABLES } from './transfer.tables';

export const transferFeature = defineFeature({
  name: 'transfer',
  tables: TRANSFER_TABLES,
  routes: transferRoutes,
  wire: (p) => registerTransferJobs(p),
});
