import { defineFeature, toEveryone } from '../../platform/feature';
import { approvalsRoutes } from './approvals.routes';
import { handoverParts } from './approvals.parts';

export const approvalsFeature = defineFeature({
  name: 'approvals',
  permissions: ['approval:act', 'approval-chain:manage', 'delegation:manage'],
  grants: toEveryone(['approval:act']),
  routes: approvalsRoutes,
  handoverParts,
});
