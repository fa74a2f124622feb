import { AuditOutlined, FileAddOutlined, FileTextOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 审批: the approval inbox (FLOW-1), general requests (通用审批) and delegations while away. */
export const approvalRoutes: AppRoute[] = [
  { path: '/approvals', element: lazyPage(() => import('./pages/ApprovalsPage'), 'ApprovalsPage'), access: 'approval:act', area: 'approvals', labelKey: 'approvals:menu.inbox', icon: <AuditOutlined /> },
  { path: '/approvals/:id', element: lazyPage(() => import('./pages/ApprovalDetailPage'), 'ApprovalDetailPage'), access: 'approval:act' },
  { path: '/requests', element: lazyPage(() => import('./pages/RequestsPage'), 'RequestsPage'), access: 'request:read', area: 'approvals', labelKey: 'approvals:menu.requests', icon: <FileTextOutlined /> },
  { path: '/requests/new', element: lazyPage(() => import('./pages/RequestFormPage'), 'RequestFormPage'), access: 'request:create', area: 'approvals', labelKey: 'approvals:menu.newRequest', icon: <FileAddOutlined /> },
  { path: '/requests/:id', element: lazyPage(() => import('./pages/RequestFormPage'), 'RequestFormPage'), access: 'request:read' },
  { path: '/delegations', element: lazyPage(() => import('./pages/DelegationsPage'), 'DelegationsPage'), access: 'approval:act', area: 'approvals', labelKey: 'approvals:menu.delegations', icon: <UserSwitchOutlined /> },
];
