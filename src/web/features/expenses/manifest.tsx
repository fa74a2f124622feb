import type { WebFeature } from '../../app/types';
import { ClaimsToPayStat } from './components/ClaimsToPayStat';
import { expenseRoutes } from './routes';

/** 费用报销与预算 (ACT-10); on finance's home page the approved claims to pay. */
export const expensesWeb: WebFeature = {
  name: 'expenses',
  routes: expenseRoutes,
  homeWidgets: [
    { key: 'claimsToPay', kind: 'stat', order: 65, title: 'expenses:homeWidgets.claimsToPay', rank: { finance: 15 }, access: ['expense:read', 'expense:pay'], element: <ClaimsToPayStat /> },
  ],
};
