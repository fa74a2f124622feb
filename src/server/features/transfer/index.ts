import { defineFeature } from '../../platform/feature';
import { transferRoutes, registerTransferJobs } from './transfer.routes';

export const transferFeature = defineFeature({
  name: 'transfer',
  routes: transferRoutes,
  wire: (p) => registerTransferJobs(p),
});
