import { CarryOutOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 工作日历 (issue 15 item 2): the administrator's page under 系统管理. */
export const workdaysRoutes: AppRoute[] = [
  { path: '/admin/work-calendar', element: lazyPage(() => import('./pages/WorkCalendarPage'), 'WorkCalendarPage'), access: 'workdays:manage', area: 'system', labelKey: 'workdays:menu.calendar', icon: <CarryOutOutlined /> },
];
