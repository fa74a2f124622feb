import { MedicineBoxOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 挽回方案 (SVC-3): the plans, in the 服务 area beside 流失预警; one plan's page. */
export const recoveryRoutes: AppRoute[] = [
  { path: '/recovery', element: lazyPage(() => import('./pages/RecoveryPage'), 'RecoveryPage'), access: 'recovery:read', area: 'service', labelKey: 'recovery:menu', icon: <MedicineBoxOutlined /> },
  { path: '/recovery/:id', element: lazyPage(() => import('./pages/RecoveryPlanPage'), 'RecoveryPlanPage'), access: 'recovery:read' },
];
