import { CarOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 出差管理 (ACT-9): the list, the application form and one trip with its check-ins and report. */
export const tripRoutes: AppRoute[] = [
  { path: '/trips', element: lazyPage(() => import('./pages/TripsPage'), 'TripsPage'), access: 'trip:read', area: 'field', labelKey: 'trips:menu', icon: <CarOutlined /> },
  { path: '/trips/new', element: lazyPage(() => import('./pages/TripFormPage'), 'TripFormPage'), access: 'trip:write' },
  { path: '/trips/:id/edit', element: lazyPage(() => import('./pages/TripFormPage'), 'TripFormPage'), access: 'trip:write' },
  { path: '/trips/:id', element: lazyPage(() => import('./pages/TripDetailPage'), 'TripDetailPage'), access: 'trip:read' },
];
