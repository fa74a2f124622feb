import { defineFeature } from '../../platform/feature';
import { requestsRoutes } from './requests.routes';
import { generalRequestApprovable } from './requests.service';
import { handoverParts } from './requests.parts';

export const requestsFeature = defineFeature({
  name: 'requests',
  routes: requestsRoutes,
  wire: (p) => generalRequestApprovable.register(p.approvals),
  handoverParts,
});
