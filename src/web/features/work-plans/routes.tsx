import { CalendarOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 外勤与接待 › 日报 and 月度计划 (ACT-4): the daily visit report, the director's team day, monthly plans. */
export const workPlanRoutes: AppRoute[] = [
  { path: '/daily-reports', element: lazyPage(() => import('./pages/DailyReportPage'), 'DailyReportPage'), access: 'visit:read', area: 'field', labelKey: 'workPlans:menu.daily', icon: <FileTextOutlined /> },
  { path: '/daily-reports/team', element: lazyPage(() => import('./pages/TeamDailyPage'), 'TeamDailyPage'), access: 'visit:read', area: 'field', labelKey: 'workPlans:menu.team', icon: <TeamOutlined /> },
  { path: '/daily-reports/print', element: lazyPage(() => import('./pages/DailyReportPrintPage'), 'DailyReportPrintPage'), access: 'visit:read' },
  { path: '/monthly-plans', element: lazyPage(() => import('./pages/MonthlyPlansPage'), 'MonthlyPlansPage'), access: 'visit:read', area: 'field', labelKey: 'workPlans:menu.plans', icon: <CalendarOutlined /> },
  { path: '/monthly-plans/new', element: lazyPage(() => import('./pages/MonthlyPlanFormPage'), 'MonthlyPlanFormPage'), access: 'visit:write' },
  { path: '/monthly-plans/:id', element: lazyPage(() => import('./pages/MonthlyPlanDetailPage'), 'MonthlyPlanDetailPage'), access: 'visit:read' },
  { path: '/monthly-plans/:id/edit', element: lazyPage(() => import('./pages/MonthlyPlanFormPage'), 'MonthlyPlanFormPage'), access: 'visit:write' },
];
