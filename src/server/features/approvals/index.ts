import { defineFeature } from '../../platform/feature';
import { approvalsRoutes } from './approvals.routes';
import { handoverParts } from './approvals.parts';

export const approvalsFeature = defineFeature({
  name: 'approvals',
  routes: approvalsRoutes,
  handoverParts,
});
