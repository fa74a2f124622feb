import type { WebFeature } from '../../app/types';
import { personalRoutes } from './routes';

/** 个人: my tasks, my notifications, my account. */
export const personalWeb: WebFeature = { name: 'personal', routes: personalRoutes };
