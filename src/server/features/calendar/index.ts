import { defineFeature } from '../../platform/feature';
import { calendarRoutes } from './calendar.routes';

export const calendarFeature = defineFeature({
  name: 'calendar',
  routes: calendarRoutes,
});
