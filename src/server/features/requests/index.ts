import { defineFeature, toEveryone } from '../../platform/feature';
import { requestsRoutes } from './requests.routes';
import { generalRequestApprovable } from './requests.service';
import { handoverParts } from './requests.parts';
import { REQUESTS_TABLES } from './requests.tables';

export const requestsFeature = defineFeature({
  name: 'requests',
  tables: REQUESTS_TABLES,
  permissions: ['request:create', 'request:read'],
  grants: toEveryone(['request:create', 'request:read']),
  approvables: [generalRequestApprovable],
  routes: requestsRoutes,
  handoverParts,
});
