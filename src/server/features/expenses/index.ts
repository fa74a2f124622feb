import { defineFeature } from '../../platform/feature';
import { expensesRoutes } from './expenses.routes';
import { claimApprovable } from './expenses.service';

export const expensesFeature = defineFeature({
  name: 'expenses',
  routes: expensesRoutes,
  wire: (p) => claimApprovable.register(p.approvals),
});
