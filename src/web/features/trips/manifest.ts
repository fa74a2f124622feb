import type { WebFeature } from '../../app/types';
import { tripRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 出差 (ACT-9). */
export const tripsWeb: WebFeature = { name: 'trips', routes: tripRoutes, timelineRenderers };
