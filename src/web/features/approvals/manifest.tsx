import type { WebFeature } from '../../app/types';
import { ApprovalInboxStat } from './components/ApprovalInboxStat';
import { ApprovalsHeaderButton } from './components/ApprovalsHeaderButton';
import { approvalRoutes } from './routes';

/** 审批 (FLOW-1): the approval inbox and the documents' approval pages; on the home page and in the header what waits for me. */
export const approvalsWeb: WebFeature = {
  name: 'approvals',
  routes: approvalRoutes,
  homeWidgets: [{ key: 'approvalInbox', kind: 'stat', order: 30, title: 'personal:home.approvalInbox', rank: { director: 10, gm: 10, finance: 30 }, access: 'approval:act', element: <ApprovalInboxStat /> }],
  headerItems: [{ key: 'approvals', order: 10, access: 'approval:act', element: <ApprovalsHeaderButton /> }],
};
