import { DashboardOutlined, RiseOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** KPI 指标库 and 目标达成 (PERF-2), in the 业绩考核 area beside 目标与分解; one person's or unit's KPIs from the library's rows. */
export const kpiRoutes: AppRoute[] = [
  { path: '/kpis', element: lazyPage(() => import('./pages/LibraryPage'), 'LibraryPage'), access: 'target:read', area: 'performance', labelKey: 'kpis:libraryMenu', icon: <DashboardOutlined /> },
  { path: '/kpis/subject/:subject', element: lazyPage(() => import('./pages/SubjectPage'), 'SubjectPage'), access: 'target:read' },
  { path: '/kpis/attainment', element: lazyPage(() => import('./pages/AttainmentPage'), 'AttainmentPage'), access: 'target:read', area: 'performance', labelKey: 'kpis:menu', icon: <RiseOutlined /> },
];
