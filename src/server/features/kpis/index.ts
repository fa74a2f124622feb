import { defineFeature } from '../../platform/feature';
import { kpisRoutes, registerKpiJobs } from './kpis.routes';
import { KPIS_TABLES } from './kpis.tables';

/**
 * KPI 库 (PERF-2): computed from other rooms' confirmed records — target attainment, and the library of seed 003
 * §2.1 per person and unit with the snapshots kept when a period ends. Read under target:read (the performance
 * area's read permission, with its scope).
 */
export const kpisFeature = defineFeature({
  name: 'kpis',
  tables: KPIS_TABLES,
  routes: kpisRoutes,
  wire: (p) => registerKpiJobs(p),
});

/** The CLI's `recompute kpis` and the scorecards' computed items. */
export { figuresOf, keepSnapshot, kpiSetOf } from './kpis.library.service';
