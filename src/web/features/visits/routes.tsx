import { EnvironmentOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 外勤与接待 › 拜访: the visit loop (ACT-1..3) and the printable 大客户拜访记录表. */
export const visitRoutes: AppRoute[] = [
  { path: '/visits', element: lazyPage(() => import('./pages/VisitsPage'), 'VisitsPage'), access: 'visit:read', area: 'field', labelKey: 'visits:menu', icon: <EnvironmentOutlined /> },
  { path: '/visits/new', element: lazyPage(() => import('./pages/VisitFormPage'), 'VisitFormPage'), access: 'visit:write' },
  { path: '/visits/:id', element: lazyPage(() => import('./pages/VisitDetailPage'), 'VisitDetailPage'), access: 'visit:read' },
  { path: '/visits/:id/edit', element: lazyPage(() => import('./pages/VisitFormPage'), 'VisitFormPage'), access: 'visit:write' },
  { path: '/visits/:id/print', element: lazyPage(() => import('./pages/VisitPrintPage'), 'VisitPrintPage'), access: 'visit:read' },
];
