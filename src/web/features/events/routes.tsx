import { FlagOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 客户活动 (SVC-4): the events, in the 服务 area; one event's page. */
export const eventRoutes: AppRoute[] = [
  { path: '/events', element: lazyPage(() => import('./pages/EventsPage'), 'EventsPage'), access: 'event:read', area: 'service', labelKey: 'events:menu', icon: <FlagOutlined /> },
  { path: '/events/:id', element: lazyPage(() => import('./pages/EventPage'), 'EventPage'), access: 'event:read' },
];
