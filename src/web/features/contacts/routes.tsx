import { RadarChartOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 客情关系: relationship coverage across my accounts (REL-5); contacts themselves live on the account 360 page. */
export const contactRoutes: AppRoute[] = [
  { path: '/coverage', element: lazyPage(() => import('./pages/CoveragePage'), 'CoveragePage'), access: 'contact:read', area: 'relationships', labelKey: 'contacts:menu.coverage', icon: <RadarChartOutlined /> },
];
