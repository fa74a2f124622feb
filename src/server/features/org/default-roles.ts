import type { BuiltinRole, DataScope, Permission } from '../../../shared/permissions';
import { ALL_PERMISSIONS } from '../../../shared/permissions';
import { defaultGrantsOf, type Feature } from '../../platform/feature';

export interface RoleDefault {
  code: BuiltinRole;
  name: string;
  dataScope: DataScope;
  permissions: Permission[];
}

/**
 * The built-in roles, one per position of ORG-1, with the data scope of ORG-2. Their permissions are
 * what the rooms' manifests grant them (`grants`); the administrator has every permission. Setting up
 * a delegation of someone else's approvals (delegation:manage) is the administrator's alone: a
 * director who could delegate the finance manager's steps to himself could approve alone. An admin
 * may change the roles; a start only adds what is missing and never overwrites edits.
 */
const BUILTIN: readonly Omit<RoleDefault, 'permissions'>[] = [
  { code: 'sys_admin', name: '系统管理员', dataScope: 'all' },
  { code: 'gm', name: '总经理', dataScope: 'all' },
  { code: 'deputy_gm', name: '副总经理', dataScope: 'all' },
  { code: 'ka_director', name: '大客户总监', dataScope: 'unit' },
  { code: 'account_manager', name: '客户经理', dataScope: 'team' },
  { code: 'specialist', name: '客户专员', dataScope: 'own' },
  { code: 'finance', name: '财务', dataScope: 'all' },
  { code: 'gift_admin', name: '礼品管理员', dataScope: 'own' },
  { code: 'office', name: '办公室', dataScope: 'own' },
  { code: 'service_staff', name: '服务支持', dataScope: 'own' },
];

export function defaultRoles(features: readonly Feature[]): RoleDefault[] {
  return BUILTIN.map((r) => ({ ...r, permissions: r.code === 'sys_admin' ? [...ALL_PERMISSIONS] : [...new Set(defaultGrantsOf(features, r.code))] }));
}
