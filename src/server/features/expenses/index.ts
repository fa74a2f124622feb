import { defineFeature } from '../../platform/feature';
import { expensesRoutes } from './expenses.routes';
import { claimApprovable } from './expenses.service';
import { EXPENSES_TABLES } from './expenses.tables';

export const expensesFeature = defineFeature({
  name: 'expenses',
  tables: EXPENSES_TABLES,
  routes: expensesRoutes,
  wire: (p) => claimApprovable.register(p.approvals),
});
