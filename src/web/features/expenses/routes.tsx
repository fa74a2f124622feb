import { AccountBookOutlined, FundOutlined, WalletOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 费用报销 (ACT-10): my claims, the finance box, budgets with control rates. */
export const expenseRoutes: AppRoute[] = [
  { path: '/expenses', element: lazyPage(() => import('./pages/ExpenseClaimsPage'), 'ExpenseClaimsPage'), access: 'expense:read', area: 'expenses', labelKey: 'expenses:menu.claims', icon: <AccountBookOutlined /> },
  { path: '/expenses/finance', element: lazyPage(() => import('./pages/ExpenseFinancePage'), 'ExpenseFinancePage'), access: 'expense:pay', area: 'expenses', labelKey: 'expenses:menu.finance', icon: <WalletOutlined /> },
  { path: '/expenses/budgets', element: lazyPage(() => import('./pages/BudgetsPage'), 'BudgetsPage'), access: 'budget:manage', area: 'expenses', labelKey: 'expenses:menu.budgets', icon: <FundOutlined /> },
  { path: '/expenses/new', element: lazyPage(() => import('./pages/ExpenseClaimFormPage'), 'ExpenseClaimFormPage'), access: 'expense:write' },
  { path: '/expenses/:id', element: lazyPage(() => import('./pages/ExpenseClaimDetailPage'), 'ExpenseClaimDetailPage'), access: 'expense:read' },
];
