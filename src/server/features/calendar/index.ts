import { defineFeature } from '../../platform/feature';
import { calendarRoutes } from './calendar.routes';
import { CALENDAR_TABLES } from './calendar.tables';

export const calendarFeature = defineFeature({
  name: 'calendar',
  tables: CALENDAR_TABLES,
  routes: calendarRoutes,
});
