import { defineFeature } from '../../platform/feature';
import { authRoutes } from './auth.routes';

export const authFeature = defineFeature({
  name: 'auth',
  routes: authRoutes,
});
