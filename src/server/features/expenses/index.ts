import { defineFeature } from '../../platform/feature';
import { expensesRoutes } from './expenses.routes';
import { claimApprovable } from './expenses.service';
import { EXPENSES_TABLES } from './expenses.tables';

export const expensesFeature = defineFeature({
  name: 'expenses',
  tables: EXPENSES_TABLES,
  permissions: ['expense:read', 'expense:write', 'expense:pay', 'budget:manage'],
  grants: { gm: ['expense:read', 'budget:manage'], deputy_gm: ['expense:read', 'budget:manage'], ka_director: ['expense:read', 'expense:write'], account_manager: ['expense:read', 'expense:write'], specialist: ['expense:read', 'expense:write'], finance: ['expense:read', 'expense:pay', 'budget:manage'] },
  approvables: [claimApprovable],
  routes: expensesRoutes,
});
