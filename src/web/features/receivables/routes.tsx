import { AlertOutlined, BarChartOutlined, FieldTimeOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 回款与应收 (DEAL-2, DEAL-3): receipts, ageing with its drill-down, dunning, rates, the account statement. */
export const receivableRoutes: AppRoute[] = [
  { path: '/receipts', element: lazyPage(() => import('./pages/ReceiptsPage'), 'ReceiptsPage'), access: 'receipt:read', area: 'deals', labelKey: 'receipts:menu.receipts', icon: <MoneyCollectOutlined /> },
  { path: '/receipts/:id', element: lazyPage(() => import('./pages/ReceiptDetailPage'), 'ReceiptDetailPage'), access: 'receipt:read' },
  { path: '/receivables/ageing', element: lazyPage(() => import('./pages/AgeingPage'), 'AgeingPage'), access: 'receipt:read', area: 'deals', labelKey: 'receipts:menu.ageing', icon: <FieldTimeOutlined /> },
  { path: '/receivables/instalments', element: lazyPage(() => import('./pages/ReceivablesPage'), 'ReceivablesPage'), access: 'receipt:read' },
  { path: '/receivables/dunning', element: lazyPage(() => import('./pages/DunningPage'), 'DunningPage'), access: 'receipt:read', area: 'deals', labelKey: 'receipts:menu.dunning', icon: <AlertOutlined /> },
  { path: '/receivables/rates', element: lazyPage(() => import('./pages/RatesPage'), 'RatesPage'), access: 'receipt:read', area: 'deals', labelKey: 'receipts:menu.rates', icon: <BarChartOutlined /> },
  { path: '/write-offs/:id', element: lazyPage(() => import('./pages/WriteOffPage'), 'WriteOffPage'), access: 'receipt:read' },
  { path: '/accounts/:id/statement', element: lazyPage(() => import('./pages/StatementPage'), 'StatementPage'), access: 'receipt:read' },
  { path: '/accounts/:id/statement/print', element: lazyPage(() => import('./pages/StatementPage'), 'StatementPrintPage'), access: 'receipt:read' },
];
