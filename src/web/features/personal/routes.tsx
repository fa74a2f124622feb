import { AUTHENTICATED } from '../../../shared/permissions';
import type { AppRoute } from '../../app/types';
import { AccountPage } from './AccountPage';
import { NotificationsPage } from './NotificationsPage';
import { TasksPage } from './TasksPage';

/** Everyone's own pages; reached from the header, so they carry no menu area. */
export const personalRoutes: AppRoute[] = [
  { path: '/tasks', element: <TasksPage />, access: AUTHENTICATED },
  { path: '/notifications', element: <NotificationsPage />, access: AUTHENTICATED },
  { path: '/account', element: <AccountPage />, access: AUTHENTICATED },
];
