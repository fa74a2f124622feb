import { defineFeature } from '../../platform/feature';
import { scorecardsRoutes } from './scorecards.routes';
import { reopenApprovable } from './scorecards.service';
import { SCORECARDS_TABLES } from './scorecards.tables';

/**
 * 考核表 (PERF-3): the seeds' three forms as rule sets, cards per person and period filled from the KPI library
 * and attendance, the evaluator's judgment, the cycle to locked with the warning under the threshold, the
 * ranking, trend and payroll export.
 */
export const scorecardsFeature = defineFeature({
  name: 'scorecards',
  tables: SCORECARDS_TABLES,
  /** read one's own card (managers: the cards in scope); open, lock and keep attendance; export payroll; configure the rule sets */
  permissions: ['scorecard:read', 'scorecard:manage', 'scorecard:payroll', 'scorecard:configure'],
  grants: {
    gm: ['scorecard:read', 'scorecard:manage', 'scorecard:payroll'],
    deputy_gm: ['scorecard:read'],
    ka_director: ['scorecard:read', 'scorecard:manage', 'scorecard:payroll'],
    account_manager: ['scorecard:read'],
    specialist: ['scorecard:read'],
    finance: ['scorecard:read', 'scorecard:payroll'],
  },
  approvables: [reopenApprovable],
  routes: scorecardsRoutes,
});
