import type { WebFeature } from '../../app/types';
import { targetRoutes } from './routes';

/** 目标与分解 (PERF-1): the target plans of a year and one plan's grid by month and level, its changes once locked. */
export const targetsWeb: WebFeature = {
  name: 'targets',
  routes: targetRoutes,
};
