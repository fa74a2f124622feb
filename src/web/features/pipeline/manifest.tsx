import type { WebFeature } from '../../app/types';
import { pipelineRoutes } from './routes';

/** 开发漏斗与预测 (PIPE-4/5). */
export const pipelineWeb: WebFeature = { name: 'pipeline', routes: pipelineRoutes };
