import { AuditOutlined, FileAddOutlined, FileTextOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/types';
import { ApprovalDetailPage } from './pages/ApprovalDetailPage';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { DelegationsPage } from './pages/DelegationsPage';
import { RequestFormPage } from './pages/RequestFormPage';
import { RequestsPage } from './pages/RequestsPage';

/** 审批: the approval inbox (FLOW-1), general requests (通用审批) and delegations while away. */
export const approvalRoutes: AppRoute[] = [
  { path: '/approvals', element: <ApprovalsPage />, access: 'approval:act', area: 'approvals', labelKey: 'approvals:menu.inbox', icon: <AuditOutlined /> },
  { path: '/approvals/:id', element: <ApprovalDetailPage />, access: 'approval:act' },
  { path: '/requests', element: <RequestsPage />, access: 'request:read', area: 'approvals', labelKey: 'approvals:menu.requests', icon: <FileTextOutlined /> },
  { path: '/requests/new', element: <RequestFormPage />, access: 'request:create', area: 'approvals', labelKey: 'approvals:menu.newRequest', icon: <FileAddOutlined /> },
  { path: '/requests/:id', element: <RequestFormPage />, access: 'request:read' },
  { path: '/delegations', element: <DelegationsPage />, access: 'approval:act', area: 'approvals', labelKey: 'approvals:menu.delegations', icon: <UserSwitchOutlined /> },
];
