import type { WebFeature } from '../../app/types';
import { scorecardRoutes } from './routes';

/** 考核表 (PERF-3): the ranking of a period's cards, one card from its draft to locked, attendance, and the rules. */
export const scorecardsWeb: WebFeature = {
  name: 'scorecards',
  routes: scorecardRoutes,
};
