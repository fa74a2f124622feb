import { ApartmentOutlined, AuditOutlined, NodeIndexOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 系统管理: organisation, people, permissions, approval chains and the audit trail (ORG-1, ORG-2, ORG-6, FLOW-1). */
export const adminRoutes: AppRoute[] = [
  { path: '/admin/org-units', element: lazyPage(() => import('./pages/OrgUnitsPage'), 'OrgUnitsPage'), access: 'org:manage', area: 'system', labelKey: 'admin:menu.orgUnits', icon: <ApartmentOutlined /> },
  { path: '/admin/users', element: lazyPage(() => import('./pages/UsersPage'), 'UsersPage'), access: 'user:manage', area: 'system', labelKey: 'admin:menu.users', icon: <TeamOutlined /> },
  { path: '/admin/roles', element: lazyPage(() => import('./pages/RolesPage'), 'RolesPage'), access: 'role:manage', area: 'system', labelKey: 'admin:menu.roles', icon: <SafetyCertificateOutlined /> },
  { path: '/admin/approval-chains', element: lazyPage(() => import('./pages/ApprovalChainsPage'), 'ApprovalChainsPage'), access: 'approval-chain:manage', area: 'system', labelKey: 'admin:menu.approvalChains', icon: <NodeIndexOutlined /> },
  { path: '/admin/audit', element: lazyPage(() => import('./pages/AuditPage'), 'AuditPage'), access: 'audit:read', area: 'system', labelKey: 'admin:menu.audit', icon: <AuditOutlined /> },
];
