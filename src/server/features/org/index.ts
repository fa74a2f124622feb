import { defineFeature, toEveryone } from '../../platform/feature';
import { orgRoutes } from './org.routes';

export const orgFeature = defineFeature({
  name: 'org',
  permissions: ['org:read', 'org:manage', 'user:manage', 'role:manage'],
  grants: toEveryone(['org:read']),
  routes: orgRoutes,
});
