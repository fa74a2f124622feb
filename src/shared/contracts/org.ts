import { z } from 'zod';
import { ALL_PERMISSIONS, DATA_SCOPES, ORG_UNIT_KINDS, POSITIONS } from '../permissions';
import { isoDateTime, isoDateTimeNullable, listQuery } from './common';

export const orgUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(ORG_UNIT_KINDS),
  path: z.string(),
  depth: z.number(),
  sortOrder: z.number(),
  active: z.boolean(),
  userCount: z.number(),
  version: z.number(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitCreate = z.object({
  parentId: z.number().int().positive().nullable(),
  name: z.string().trim().min(1).max(100),
  code: z.string().trim().max(50).nullable().optional(),
  kind: z.enum(ORG_UNIT_KINDS),
  sortOrder: z.number().int().optional(),
});
export const orgUnitUpdate = orgUnitCreate.partial().extend({
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});

export const USER_STATUSES = ['active', 'disabled', 'left'] as const;

export const userItem = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(USER_STATUSES),
  positions: z.array(z.enum(POSITIONS)),
  roleIds: z.array(z.number()),
  lockedUntil: isoDateTimeNullable,
  lastLoginAt: isoDateTimeNullable,
  version: z.number(),
  createdAt: isoDateTime,
});
export type UserItem = z.infer<typeof userItem>;

const phone = z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, 'not a phone number');
export const userCreate = z.object({
  username: z.string().trim().min(2).max(64).regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . - only'),
  name: z.string().trim().min(1).max(50),
  phone: phone.nullable().optional(),
  email: z.string().trim().email().nullable().optional(),
  unitId: z.number().int().positive(),
  positions: z.array(z.enum(POSITIONS)).default([]),
  roleIds: z.array(z.number().int().positive()).default([]),
  password: z.string().min(8).max(200),
});
export const userUpdate = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  phone: phone.nullable().optional(),
  email: z.string().trim().email().nullable().optional(),
  unitId: z.number().int().positive().optional(),
  positions: z.array(z.enum(POSITIONS)).optional(),
  roleIds: z.array(z.number().int().positive()).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: z.number().int().positive(),
});
export const userListQuery = listQuery.extend({
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(USER_STATUSES).optional(),
  position: z.enum(POSITIONS).optional(),
});
export const resetPasswordBody = z.object({ password: z.string().min(8).max(200) });

export const role = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  dataScope: z.enum(DATA_SCOPES),
  builtin: z.boolean(),
  permissions: z.array(z.string()),
  userCount: z.number(),
  version: z.number(),
});
export type Role = z.infer<typeof role>;
const permissionName = z.string().refine((p) => (ALL_PERMISSIONS as readonly string[]).includes(p), 'unknown permission');
export const roleCreate = z.object({
  code: z.string().trim().min(2).max(50).regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).default(''),
  dataScope: z.enum(DATA_SCOPES),
  permissions: z.array(permissionName),
});
/** Only the fields sent change: an edit without a description keeps it. */
export const roleUpdate = roleCreate.omit({ code: true }).partial().extend({ description: z.string().max(500).optional(), version: z.number().int().positive() });
