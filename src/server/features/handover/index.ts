import { defineFeature } from '../../platform/feature';
import { handoverRoutes } from './handover.routes';

export const handoverFeature = defineFeature({
  name: 'handover',
  permissions: ['user:handover'],
  routes: handoverRoutes,
});
