import type { WebFeature } from '../../app/types';
import { expenseRoutes } from './routes';

/** 费用报销与预算 (ACT-10). */
export const expensesWeb: WebFeature = { name: 'expenses', routes: expenseRoutes };
