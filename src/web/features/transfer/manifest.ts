import type { WebFeature } from '../../app/types';
import { transferRoutes } from './routes';

/** 导入导出 (ACC-6): imports, and the export button of a list. */
export const transferWeb: WebFeature = { name: 'transfer', routes: transferRoutes };
