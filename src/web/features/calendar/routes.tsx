import { CalendarOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { AUTHENTICATED } from '../../../shared/permissions';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 日历: visits, receptions and trips by week or month; ICS export and the subscription URL. Visit policy: overdue accounts and the frequencies. */
export const calendarRoutes: AppRoute[] = [
  { path: '/calendar', element: lazyPage(() => import('./pages/CalendarPage'), 'CalendarPage'), access: AUTHENTICATED, area: 'field', labelKey: 'calendar:menu', icon: <CalendarOutlined /> },
  { path: '/visit-policy', element: lazyPage(() => import('./pages/VisitPolicyPage'), 'VisitPolicyPage'), access: 'account:read', area: 'field', labelKey: 'calendar:policy.menu', icon: <FieldTimeOutlined /> },
];
