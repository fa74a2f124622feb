import { ImportOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** Import and export (ACC-6): the import page under 客户; exports are buttons on the lists. */
export const transferRoutes: AppRoute[] = [
  { path: '/accounts/import', element: lazyPage(() => import('./pages/ImportPage'), 'ImportPage'), access: 'account:import', area: 'customers', labelKey: 'transfer:menu.import', icon: <ImportOutlined /> },
];
