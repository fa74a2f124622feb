import { defineFeature } from '../../platform/feature';
import { auditRoutes } from './audit.routes';

export const auditFeature = defineFeature({
  name: 'audit',
  permissions: ['audit:read'],
  grants: { gm: ['audit:read'], deputy_gm: ['audit:read'] },
  routes: auditRoutes,
});
