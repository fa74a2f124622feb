import type { WebFeature } from '../../app/types';
import { receivableRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 回款与应收 (DEAL-2, DEAL-3): receipts, ageing, dunning, rates, statements. */
export const receivablesWeb: WebFeature = { name: 'receivables', routes: receivableRoutes, timelineRenderers };
