import type { WebFeature } from '../../app/types';
import { kpiRoutes } from './routes';

/** KPI 库 (PERF-2): the KPI library (a unit's rows × every KPI, one subject's KPIs) and target attainment of a unit and its people against the working days elapsed. */
export const kpisWeb: WebFeature = {
  name: 'kpis',
  routes: kpiRoutes,
};
