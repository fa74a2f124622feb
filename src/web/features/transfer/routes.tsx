import { ImportOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/types';
import { ImportPage } from './pages/ImportPage';

/** Import and export (ACC-6): the import page under 客户; exports are buttons on the lists. */
export const transferRoutes: AppRoute[] = [
  { path: '/accounts/import', element: <ImportPage />, access: 'account:import', area: 'customers', labelKey: 'transfer:menu.import', icon: <ImportOutlined /> },
];
