import { defineFeature } from '../../platform/feature';
import { auditRoutes } from './audit.routes';

export const auditFeature = defineFeature({
  name: 'audit',
  routes: auditRoutes,
});
