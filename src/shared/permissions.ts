/**
 * Permission names. A route declares one of these (or PUBLIC / AUTHENTICATED); roles grant them.
 * Grouped by area so the role editor and the navigation can show them by area.
 */
export const PERMISSION_GROUPS = {
  account: ['account:read', 'account:create', 'account:update', 'account:assign', 'account:configure', 'account:trade-terms', 'account:import', 'account:export', 'account:merge'],
  relationship: ['contact:read', 'contact:write', 'contact:sensitive'],
  pipeline: ['opportunity:read', 'opportunity:write', 'opportunity:configure', 'competitor:manage'],
  gift: ['gift:read', 'gift:apply', 'gift:manage'],
  trip: ['trip:read', 'trip:write'],
  visit: ['visit:read', 'visit:write', 'visit:review'],
  reception: ['reception:read', 'reception:write'],
  expense: ['expense:read', 'expense:write', 'expense:pay', 'budget:manage'],
  contract: ['contract:read', 'contract:write', 'contract:prices', 'contract:manage', 'receipt:read', 'receipt:write', 'receipt:confirm', 'receivable:dunning'],
  service: ['ticket:read', 'ticket:write', 'ticket:judge', 'ticket:manage'],
  approval: ['approval:act', 'request:create', 'request:read'],
  survey: ['survey:read', 'survey:write', 'survey:configure'],
  health: ['health:read', 'health:configure', 'recovery:read', 'recovery:work', 'recovery:close'],
  event: ['event:read', 'event:write'],
  performance: ['target:read', 'target:manage', 'target:request', 'scorecard:read', 'scorecard:manage', 'scorecard:payroll', 'scorecard:configure'],
  system: [
    'org:read',
    'org:manage',
    'user:manage',
    'user:handover',
    'role:manage',
    'approval-chain:manage',
    'delegation:manage',
    'audit:read',
    'job:read',
    'workdays:manage',
  ],
} as const;

export type Permission = (typeof PERMISSION_GROUPS)[keyof typeof PERMISSION_GROUPS][number];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSION_GROUPS).flat() as Permission[];

/** A route open to anyone (health, login). */
export const PUBLIC = 'public' as const;
/** A route open to any signed-in user: their own tasks, notifications, profile. */
export const AUTHENTICATED = 'authenticated' as const;
export type RouteAccess = Permission | typeof PUBLIC | typeof AUTHENTICATED;

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

/** Which records of others a role may see: its own, its unit's (team), its unit subtree, or all. */
export const DATA_SCOPES = ['own', 'team', 'unit', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export function widerScope(a: DataScope, b: DataScope): DataScope {
  return DATA_SCOPES.indexOf(a) >= DATA_SCOPES.indexOf(b) ? a : b;
}

/** Positions of ORG-1. Approval chains resolve approvers by position. */
export const POSITIONS = [
  'gm',
  'deputy_gm',
  'ka_director',
  'account_manager',
  'field_specialist',
  'office_specialist',
  'finance_manager',
  'gift_admin',
  'office',
  'service_staff',
  'sys_admin',
] as const;
export type Position = (typeof POSITIONS)[number];

/** The roles the system creates (an admin may edit them and add others). */
export const BUILTIN_ROLES = ['sys_admin', 'gm', 'deputy_gm', 'ka_director', 'account_manager', 'specialist', 'finance', 'gift_admin', 'office', 'service_staff'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

/** The built-in role (by code) a user of a position gets by default; the user form suggests it. */
export const ROLE_FOR_POSITION: Readonly<Record<string, BuiltinRole>> = {
  gm: 'gm',
  deputy_gm: 'deputy_gm',
  ka_director: 'ka_director',
  account_manager: 'account_manager',
  field_specialist: 'specialist',
  office_specialist: 'specialist',
  finance_manager: 'finance',
  gift_admin: 'gift_admin',
  office: 'office',
  service_staff: 'service_staff',
  sys_admin: 'sys_admin',
} satisfies Record<Position, BuiltinRole>;

export const ORG_UNIT_KINDS = ['company', 'province', 'city', 'department', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
