import type { WebFeature } from '../../app/types';
import { approvalRoutes } from './routes';

/** 审批 (FLOW-1): the approval inbox and the documents' approval pages. */
export const approvalsWeb: WebFeature = { name: 'approvals', routes: approvalRoutes };
