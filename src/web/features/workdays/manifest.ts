import type { WebFeature } from '../../app/types';
import { workdaysRoutes } from './routes';

/** 工作日历 (issue 15 item 2): the holidays and make-up days per year, and the working hours. */
export const workdaysWeb: WebFeature = { name: 'workdays', routes: workdaysRoutes };
