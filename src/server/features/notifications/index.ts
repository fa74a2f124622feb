import { defineFeature } from '../../platform/feature';
import { notificationsRoutes } from './notifications.routes';

export const notificationsFeature = defineFeature({
  name: 'notifications',
  routes: notificationsRoutes,
});
