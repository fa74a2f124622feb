import type { WebFeature } from '../../app/types';
import { receptionRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 客户接待 (ACT-6/7). */
export const receptionsWeb: WebFeature = { name: 'receptions', routes: receptionRoutes, timelineRenderers };
