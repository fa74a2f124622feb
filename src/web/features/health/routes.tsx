import { AlertOutlined, SlidersOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 流失预警 and 健康度设置 (SVC-3), in the 服务 area. */
export const healthRoutes: AppRoute[] = [
  { path: '/health/at-risk', element: lazyPage(() => import('./pages/AtRiskPage'), 'AtRiskPage'), access: ['health:read', 'account:read'], area: 'service', labelKey: 'health:menu.atRisk', icon: <AlertOutlined /> },
  { path: '/health/settings', element: lazyPage(() => import('./pages/HealthSettingsPage'), 'HealthSettingsPage'), access: 'health:read', area: 'service', labelKey: 'health:menu.settings', icon: <SlidersOutlined /> },
];
