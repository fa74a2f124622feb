import { ProfileOutlined, SlidersOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/**
 * 考核表 (PERF-3) in the 业绩考核 area: the ranking of a period's cards, one card, the month's attendance (those who
 * manage cards), and the rules under 系统管理 (scorecard:configure).
 */
export const scorecardRoutes: AppRoute[] = [
  { path: '/scorecards', element: lazyPage(() => import('./pages/ScorecardsPage'), 'ScorecardsPage'), access: 'scorecard:read', area: 'performance', labelKey: 'scorecards:menu', icon: <ProfileOutlined /> },
  { path: '/scorecards/attendance', element: lazyPage(() => import('./pages/AttendancePage'), 'AttendancePage'), access: 'scorecard:manage' },
  { path: '/scorecards/settings', element: lazyPage(() => import('./pages/SettingsPage'), 'SettingsPage'), access: 'scorecard:configure', area: 'system', labelKey: 'scorecards:settingsMenu', icon: <SlidersOutlined /> },
  { path: '/scorecards/:id', element: lazyPage(() => import('./pages/ScorecardPage'), 'ScorecardPage'), access: 'scorecard:read' },
  { path: '/scorecard-reopenings/:id', element: lazyPage(() => import('./pages/ReopeningPage'), 'ReopeningPage'), access: 'scorecard:read' },
];
