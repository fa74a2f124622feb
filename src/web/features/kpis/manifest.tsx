import type { WebFeature } from '../../app/types';
import { MonthTargetCard } from './components/MonthTargetCard';
import { TeamTargetCard } from './components/TeamTargetCard';
import { kpiRoutes } from './routes';

/**
 * KPI 库 (PERF-2): the KPI library (a unit's rows × every KPI, one subject's KPIs) and target attainment of a unit
 * and its people against the working days elapsed; on the home page this month against target, and for a director or the GM
 * each person or sub-unit's 签约额 this month.
 */
export const kpisWeb: WebFeature = {
  name: 'kpis',
  routes: kpiRoutes,
  homeWidgets: [
    { key: 'monthTarget', kind: 'card', order: 30, title: 'kpis:home.monthTarget', rank: { director: 10, gm: 10, manager: 10, specialist: 40 }, access: 'target:read', element: <MonthTargetCard /> },
    { key: 'teamTarget', kind: 'card', order: 32, title: 'kpis:home.teamTarget', rank: { director: 15, gm: 15 }, only: ['director', 'gm'], access: 'target:read', element: <TeamTargetCard /> },
  ],
};
