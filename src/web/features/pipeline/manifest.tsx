import type { WebFeature } from '../../app/types';
import { ForecastStat } from './components/ForecastStat';
import { pipelineRoutes } from './routes';

/** 开发漏斗与预测 (PIPE-4/5); on the home page the open projects and their weighted value. */
export const pipelineWeb: WebFeature = {
  name: 'pipeline',
  routes: pipelineRoutes,
  homeWidgets: [{ key: 'forecast', kind: 'stat', order: 42, title: 'board:home.forecast', rank: { director: 25, gm: 25, manager: 15 }, access: 'opportunity:read', element: <ForecastStat /> }],
};
