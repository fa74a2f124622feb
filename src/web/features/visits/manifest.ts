import type { WebFeature } from '../../app/types';
import { visitRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 客户拜访 (ACT-1..3). */
export const visitsWeb: WebFeature = { name: 'visits', routes: visitRoutes, timelineRenderers };
