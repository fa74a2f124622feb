import { AUTHENTICATED } from '../../../shared/permissions';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** Everyone's own pages; reached from the header, so they carry no menu area. */
export const personalRoutes: AppRoute[] = [
  { path: '/tasks', element: lazyPage(() => import('./TasksPage'), 'TasksPage'), access: AUTHENTICATED },
  { path: '/notifications', element: lazyPage(() => import('./NotificationsPage'), 'NotificationsPage'), access: AUTHENTICATED },
  { path: '/account', element: lazyPage(() => import('./AccountPage'), 'AccountPage'), access: AUTHENTICATED },
];
