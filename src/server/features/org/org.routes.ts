import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, iso, okResponse, paged } from '../../../shared/contracts/common';
import { orgUnit, orgUnitCreate, orgUnitUpdate, resetPasswordBody, role, roleCreate, roleUpdate, userCreate, userItem, userListQuery, userUpdate } from '../../../shared/contracts/org';
import { ALL_PERMISSIONS, PERMISSION_GROUPS, POSITIONS } from '../../../shared/permissions';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './org.service';

type UnitRow = Awaited<ReturnType<typeof service.listUnits>>[number];
type UserRow = Awaited<ReturnType<typeof service.getUser>>;
type RoleRow = Awaited<ReturnType<typeof service.listRoles>>[number];

const unitOut = (u: Omit<UnitRow, 'user_count'> & { user_count?: number | null }) => ({
  id: u.id, parentId: u.parent_id, name: u.name, code: u.code, kind: u.kind as z.infer<typeof orgUnit>['kind'], path: u.path, depth: u.depth,
  sortOrder: u.sort_order, active: u.active, userCount: Number(u.user_count ?? 0), version: u.version,
});
export const userOut = (u: UserRow) => ({
  id: u.id, username: u.username, name: u.name, phone: u.phone, email: u.email, unitId: u.unit_id, unitName: u.unit_name,
  status: u.status as z.infer<typeof userItem>['status'], positions: u.positions as z.infer<typeof userItem>['positions'], roleIds: u.role_ids,
  lockedUntil: iso(u.locked_until), lastLoginAt: iso(u.last_login_at), version: u.version, createdAt: iso(u.created_at),
});
const roleOut = (r: RoleRow) => ({
  id: r.id, code: r.code, name: r.name, description: r.description, dataScope: r.data_scope as z.infer<typeof role>['dataScope'], builtin: r.builtin,
  permissions: r.permissions, userCount: Number(r.user_count), version: r.version,
});

export async function orgRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/org-units', {
    config: { access: 'org:read' },
    schema: { tags: ['org'], summary: 'The org tree as a flat list (parentId links), ordered by depth', response: { 200: z.object({ items: z.array(orgUnit) }) } },
  }, async () => ({ items: (await service.listUnits(db)).map(unitOut) }));

  app.post('/api/org-units', {
    config: { access: 'org:manage' },
    schema: { tags: ['org'], summary: 'Create an org unit', body: orgUnitCreate, response: { 200: orgUnit } },
  }, async (req) => unitOut(await service.createUnit(db, actorOf(req), req.body)));

  app.patch('/api/org-units/:id', {
    config: { access: 'org:manage' },
    schema: { tags: ['org'], summary: 'Rename, move, re-order or deactivate a unit (version required)', params: idParam, body: orgUnitUpdate, response: { 200: orgUnit } },
  }, async (req) => unitOut(await service.updateUnit(db, actorOf(req), req.params.id, req.body)));

  app.get('/api/positions', {
    config: { access: 'org:read' },
    schema: { tags: ['org'], summary: 'Positions of ORG-1', response: { 200: z.object({ items: z.array(z.string()) }) } },
  }, async () => ({ items: [...POSITIONS] }));

  app.get('/api/users', {
    config: { access: 'org:read' },
    schema: { tags: ['org'], summary: 'User directory', querystring: userListQuery, response: { 200: paged(userItem) } },
  }, async (req) => {
    const r = await service.listUsers(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(userOut) };
  });

  app.get('/api/users/:id', {
    config: { access: 'org:read' },
    schema: { tags: ['org'], summary: 'One user', params: idParam, response: { 200: userItem } },
  }, async (req) => userOut(await service.getUser(db, req.params.id)));

  app.post('/api/users', {
    config: { access: 'user:manage' },
    schema: { tags: ['org'], summary: 'Create a user (must change the password at first sign-in)', body: userCreate, response: { 200: userItem } },
  }, async (req) => userOut(await service.createUser(db, actorOf(req), req.body)));

  app.patch('/api/users/:id', {
    config: { access: 'user:manage' },
    schema: { tags: ['org'], summary: 'Update a user: details, unit, positions, roles, status', params: idParam, body: userUpdate, response: { 200: userItem } },
  }, async (req) => userOut(await service.updateUser(db, actorOf(req), req.params.id, req.body)));

  app.post('/api/users/:id/password', {
    config: { access: 'user:manage' },
    schema: { tags: ['org'], summary: "Reset a user's password (ends their sessions)", params: idParam, body: resetPasswordBody, response: { 200: okResponse } },
  }, async (req) => {
    await service.resetPassword(db, actorOf(req), req.params.id, req.body.password);
    return { ok: true as const };
  });

  app.post('/api/users/:id/unlock', {
    config: { access: 'user:manage' },
    schema: { tags: ['org'], summary: 'Lift a sign-in lockout', params: idParam, response: { 200: okResponse } },
  }, async (req) => {
    await service.unlockUser(db, actorOf(req), req.params.id);
    return { ok: true as const };
  });

  app.get('/api/roles', {
    config: { access: 'org:read' },
    schema: { tags: ['org'], summary: 'Roles with permissions and data scope', response: { 200: z.object({ items: z.array(role) }) } },
  }, async () => ({ items: (await service.listRoles(db)).map(roleOut) }));

  app.get('/api/permissions', {
    config: { access: 'role:manage' },
    schema: { tags: ['org'], summary: 'Every permission, grouped by area', response: { 200: z.object({ groups: z.record(z.string(), z.array(z.string())), all: z.array(z.string()) }) } },
  }, async () => ({ groups: Object.fromEntries(Object.entries(PERMISSION_GROUPS).map(([k, v]) => [k, [...v]])), all: [...ALL_PERMISSIONS] }));

  app.post('/api/roles', {
    config: { access: 'role:manage' },
    schema: { tags: ['org'], summary: 'Create a role', body: roleCreate, response: { 200: role } },
  }, async (req) => roleOut(await service.createRole(db, actorOf(req), req.body)));

  app.patch('/api/roles/:id', {
    config: { access: 'role:manage' },
    schema: { tags: ['org'], summary: "Change a role's name, permissions or data scope", params: idParam, body: roleUpdate, response: { 200: role } },
  }, async (req) => roleOut(await service.updateRole(db, actorOf(req), req.params.id, req.body)));

  app.delete('/api/roles/:id', {
    config: { access: 'role:manage' },
    schema: { tags: ['org'], summary: 'Delete an unused custom role', params: idParam, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteRole(db, actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
