import { FileProtectOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 合同 (DEAL-1): the list, the form (new, edit a draft), one contract. */
export const contractRoutes: AppRoute[] = [
  { path: '/contracts', element: lazyPage(() => import('./pages/ContractsPage'), 'ContractsPage'), access: 'contract:read', area: 'deals', labelKey: 'deals:menu.contracts', icon: <FileProtectOutlined /> },
  { path: '/contracts/new', element: lazyPage(() => import('./pages/ContractFormPage'), 'ContractFormPage'), access: 'contract:write' },
  { path: '/contracts/:id', element: lazyPage(() => import('./pages/ContractDetailPage'), 'ContractDetailPage'), access: 'contract:read' },
  { path: '/contracts/:id/edit', element: lazyPage(() => import('./pages/ContractFormPage'), 'ContractFormPage'), access: 'contract:write' },
];
