import { AimOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 目标与分解 (PERF-1): the target plans, in the 业绩考核 area; one plan's decomposition grid; a change's approval link to its plan. */
export const targetRoutes: AppRoute[] = [
  { path: '/targets', element: lazyPage(() => import('./pages/TargetsPage'), 'TargetsPage'), access: 'target:read', area: 'performance', labelKey: 'targets:menu', icon: <AimOutlined /> },
  { path: '/targets/:id', element: lazyPage(() => import('./pages/TargetPage'), 'TargetPage'), access: 'target:read' },
  { path: '/target-changes/:id', element: lazyPage(() => import('./pages/TargetChangePage'), 'TargetChangePage'), access: 'target:read' },
];
