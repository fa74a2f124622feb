import { ControlOutlined, ShopOutlined, UserAddOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 客户: the account archive (ACC-1..5) — list, profile form and the account 360 page. */
export const accountRoutes: AppRoute[] = [
  { path: '/accounts', element: lazyPage(() => import('./pages/AccountsPage'), 'AccountsPage'), access: 'account:read', area: 'customers', labelKey: 'accounts:menu.list', icon: <ShopOutlined /> },
  { path: '/accounts/new', element: lazyPage(() => import('./pages/AccountFormPage'), 'AccountFormPage'), access: 'account:create', area: 'customers', labelKey: 'accounts:menu.new', icon: <UserAddOutlined /> },
  { path: '/accounts/:id', element: lazyPage(() => import('./pages/AccountDetailPage'), 'AccountDetailPage'), access: 'account:read' },
  { path: '/accounts/:id/edit', element: lazyPage(() => import('./pages/AccountFormPage'), 'AccountFormPage'), access: 'account:update' },
  { path: '/admin/account-settings', element: lazyPage(() => import('./pages/AccountSettingsPage'), 'AccountSettingsPage'), access: 'account:configure', area: 'system', labelKey: 'portfolio:menu.settings', icon: <ControlOutlined /> },
];
