import { CoffeeOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 客户接待 (ACT-6) with banquet seating (ACT-7) and the printable forms. */
export const receptionRoutes: AppRoute[] = [
  { path: '/receptions', element: lazyPage(() => import('./pages/ReceptionsPage'), 'ReceptionsPage'), access: 'reception:read', area: 'field', labelKey: 'receptions:menu.list', icon: <CoffeeOutlined /> },
  { path: '/receptions/new', element: lazyPage(() => import('./pages/ReceptionFormPage'), 'ReceptionFormPage'), access: 'reception:write' },
  { path: '/receptions/:id', element: lazyPage(() => import('./pages/ReceptionDetailPage'), 'ReceptionDetailPage'), access: 'reception:read' },
  { path: '/receptions/:id/edit', element: lazyPage(() => import('./pages/ReceptionFormPage'), 'ReceptionFormPage'), access: 'reception:write' },
  { path: '/receptions/:id/print/:form', element: lazyPage(() => import('./pages/ReceptionPrintPage'), 'ReceptionPrintPage'), access: 'reception:read' },
];
