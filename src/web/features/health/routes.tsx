import { AlertOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 流失预警 (SVC-3): the at-risk list, in the 服务 area. */
export const healthRoutes: AppRoute[] = [{ path: '/health/at-risk', element: lazyPage(() => import('./pages/AtRiskPage'), 'AtRiskPage'), access: ['health:read', 'account:read'], area: 'service', labelKey: 'health:menu.atRisk', icon: <AlertOutlined /> }];
