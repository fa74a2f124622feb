import type { WebFeature } from '../../app/types';
import { workPlanRoutes } from './routes';

/** 日报与月度计划 (ACT-4). */
export const workPlansWeb: WebFeature = { name: 'work-plans', routes: workPlanRoutes };
