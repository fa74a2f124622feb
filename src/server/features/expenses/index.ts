import { defineFeature } from '../../platform/feature';
import { expensesRoutes } from './expenses.routes';
import { registerExpenseDocType } from './expenses.service';

export const expensesFeature = defineFeature({
  name: 'expenses',
  routes: expensesRoutes,
  wire: (p) => registerExpenseDocType(p.approvals),
});
