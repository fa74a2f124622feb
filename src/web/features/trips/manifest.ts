import type { WebFeature } from '../../app/types';
import { tripRoutes } from './routes';

/** 出差 (ACT-9). */
export const tripsWeb: WebFeature = { name: 'trips', routes: tripRoutes };
