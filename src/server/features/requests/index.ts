import { defineFeature } from '../../platform/feature';
import { requestsRoutes } from './requests.routes';
import { registerGeneralRequestDocType } from './requests.service';
import { handoverParts } from './requests.parts';

export const requestsFeature = defineFeature({
  name: 'requests',
  routes: requestsRoutes,
  wire: (p) => registerGeneralRequestDocType(p.approvals),
  handoverParts,
});
