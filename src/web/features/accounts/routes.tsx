import { ControlOutlined, ShopOutlined, UserAddOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/types';
import { AccountDetailPage } from './pages/AccountDetailPage';
import { AccountFormPage } from './pages/AccountFormPage';
import { AccountSettingsPage } from './pages/AccountSettingsPage';
import { AccountsPage } from './pages/AccountsPage';

/** 客户: the account archive (ACC-1..5) — list, profile form and the account 360 page. */
export const accountRoutes: AppRoute[] = [
  { path: '/accounts', element: <AccountsPage />, access: 'account:read', area: 'customers', labelKey: 'accounts:menu.list', icon: <ShopOutlined /> },
  { path: '/accounts/new', element: <AccountFormPage />, access: 'account:create', area: 'customers', labelKey: 'accounts:menu.new', icon: <UserAddOutlined /> },
  { path: '/accounts/:id', element: <AccountDetailPage />, access: 'account:read' },
  { path: '/accounts/:id/edit', element: <AccountFormPage />, access: 'account:update' },
  { path: '/admin/account-settings', element: <AccountSettingsPage />, access: 'account:configure', area: 'system', labelKey: 'portfolio:menu.settings', icon: <ControlOutlined /> },
];
