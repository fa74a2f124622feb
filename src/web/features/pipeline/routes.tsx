import { BarChartOutlined, ProjectOutlined, SettingOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 客户开发: the board, forecast and analyses, the competitor register and the gates and weights (PIPE-2, PIPE-5, PIPE-7). */
export const pipelineRoutes: AppRoute[] = [
  { path: '/pipeline/board', element: lazyPage(() => import('./pages/BoardPage'), 'BoardPage'), access: 'opportunity:read', area: 'development', labelKey: 'board:menu.board', icon: <ProjectOutlined /> },
  { path: '/pipeline/forecast', element: lazyPage(() => import('./pages/ForecastPage'), 'ForecastPage'), access: 'opportunity:read', area: 'development', labelKey: 'board:menu.forecast', icon: <BarChartOutlined /> },
  { path: '/competitors', element: lazyPage(() => import('./pages/CompetitorsPage'), 'CompetitorsPage'), access: 'opportunity:read', area: 'development', labelKey: 'board:menu.competitors', icon: <TrophyOutlined /> },
  { path: '/pipeline/settings', element: lazyPage(() => import('./pages/PipelineSettingsPage'), 'PipelineSettingsPage'), access: 'opportunity:configure', area: 'development', labelKey: 'board:menu.settings', icon: <SettingOutlined /> },
];
