import { ApartmentOutlined, AuditOutlined, NodeIndexOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/types';
import { ApprovalChainsPage } from './pages/ApprovalChainsPage';
import { AuditPage } from './pages/AuditPage';
import { OrgUnitsPage } from './pages/OrgUnitsPage';
import { RolesPage } from './pages/RolesPage';
import { UsersPage } from './pages/UsersPage';

/** 系统管理: organisation, people, permissions, approval chains and the audit trail (ORG-1, ORG-2, ORG-6, FLOW-1). */
export const adminRoutes: AppRoute[] = [
  { path: '/admin/org-units', element: <OrgUnitsPage />, access: 'org:manage', area: 'system', labelKey: 'admin:menu.orgUnits', icon: <ApartmentOutlined /> },
  { path: '/admin/users', element: <UsersPage />, access: 'user:manage', area: 'system', labelKey: 'admin:menu.users', icon: <TeamOutlined /> },
  { path: '/admin/roles', element: <RolesPage />, access: 'role:manage', area: 'system', labelKey: 'admin:menu.roles', icon: <SafetyCertificateOutlined /> },
  { path: '/admin/approval-chains', element: <ApprovalChainsPage />, access: 'approval-chain:manage', area: 'system', labelKey: 'admin:menu.approvalChains', icon: <NodeIndexOutlined /> },
  { path: '/admin/audit', element: <AuditPage />, access: 'audit:read', area: 'system', labelKey: 'admin:menu.audit', icon: <AuditOutlined /> },
];
