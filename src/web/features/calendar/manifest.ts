import type { WebFeature } from '../../app/types';
import { calendarRoutes } from './routes';

/** 日程 (ACT-1): the visit calendar and its feed. */
export const calendarWeb: WebFeature = { name: 'calendar', routes: calendarRoutes };
