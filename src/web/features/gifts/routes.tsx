import { GiftOutlined, InboxOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 礼品馈赠 (ACT-8): applications, the catalogue and stock, plans per account; the A4 print view of the application form. */
export const giftRoutes: AppRoute[] = [
  { path: '/gifts/applications', element: lazyPage(() => import('./pages/GiftApplicationsPage'), 'GiftApplicationsPage'), access: 'gift:read', area: 'relationships', labelKey: 'gifts:menu.applications', icon: <GiftOutlined /> },
  { path: '/gifts/plans', element: lazyPage(() => import('./pages/GiftPlansPage'), 'GiftPlansPage'), access: ['gift:read', 'account:read'], area: 'relationships', labelKey: 'gifts:menu.plans', icon: <ScheduleOutlined /> },
  { path: '/gifts/catalogue', element: lazyPage(() => import('./pages/GiftCataloguePage'), 'GiftCataloguePage'), access: 'gift:read', area: 'relationships', labelKey: 'gifts:menu.catalogue', icon: <InboxOutlined /> },
  { path: '/gifts/applications/new', element: lazyPage(() => import('./pages/GiftApplicationFormPage'), 'GiftApplicationFormPage'), access: 'gift:apply' },
  { path: '/gifts/applications/:id', element: lazyPage(() => import('./pages/GiftApplicationDetailPage'), 'GiftApplicationDetailPage'), access: 'gift:read' },
  { path: '/gifts/applications/:id/edit', element: lazyPage(() => import('./pages/GiftApplicationFormPage'), 'GiftApplicationFormPage'), access: 'gift:apply' },
  { path: '/gifts/applications/:id/print', element: lazyPage(() => import('./pages/GiftApplicationPrintPage'), 'GiftApplicationPrintPage'), access: 'gift:read' },
];
