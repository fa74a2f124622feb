import type { WebFeature } from '../../app/types';
import { ReportsToWriteStat, TodayVisitsCard } from './components/HomeWidgets';
import { visitRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 客户拜访 (ACT-1..3); on the home page of those who make visits, today's visits and the records still to write. */
export const visitsWeb: WebFeature = {
  name: 'visits',
  routes: visitRoutes,
  timelineRenderers,
  // only those who make visits (visit:write) have visits of their own to show
  homeWidgets: [
    { key: 'todayVisits', kind: 'card', order: 50, title: 'visits:homeWidgets.todayVisits', rank: { specialist: 10, manager: 30 }, access: ['visit:read', 'visit:write'], element: <TodayVisitsCard /> },
    { key: 'reportsToWrite', kind: 'stat', order: 55, title: 'visits:homeWidgets.reportsToWrite', rank: { specialist: 15, manager: 25 }, access: ['visit:read', 'visit:write'], element: <ReportsToWriteStat /> },
  ],
};
