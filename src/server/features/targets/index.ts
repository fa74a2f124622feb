import { defineFeature } from '../../platform/feature';
import { targetsRoutes } from './targets.routes';
import { targetChangeApprovable, targetPlanApprovable } from './targets.service';
import { TARGETS_TABLES } from './targets.tables';

const ALL = ['target:read', 'target:manage', 'target:request'] as const;

/** 目标与分解 (PERF-1): unit and staff targets per metric, month and level; approved and locked; changes through the engine. */
export const targetsFeature = defineFeature({
  name: 'targets',
  tables: TARGETS_TABLES,
  /** read targets; set and decompose them; ask to change one's own locked target */
  permissions: [...ALL],
  grants: {
    gm: ['target:read', 'target:manage'],
    deputy_gm: ['target:read'],
    ka_director: ALL,
    account_manager: ['target:read', 'target:request'],
    specialist: ['target:read', 'target:request'],
    finance: ['target:read'],
  },
  approvables: [targetPlanApprovable, targetChangeApprovable],
  routes: targetsRoutes,
});

/** What the KPI library reads: a unit's rows with their approved targets and actuals, in the caller's scope. */
export { approvedBaseTargets, targetRowsOf, type TargetRowsOf } from './targets.service';
/** A target metric's records within a range (the KPI library measures the same records the targets count). */
export { metricSource, periodRange, type DayRange } from './targets.repo';
