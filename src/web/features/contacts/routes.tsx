import { RadarChartOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/types';
import { CoveragePage } from './pages/CoveragePage';

/** 客情关系: relationship coverage across my accounts (REL-5); contacts themselves live on the account 360 page. */
export const contactRoutes: AppRoute[] = [
  { path: '/coverage', element: <CoveragePage />, access: 'contact:read', area: 'relationships', labelKey: 'contacts:menu.coverage', icon: <RadarChartOutlined /> },
];
