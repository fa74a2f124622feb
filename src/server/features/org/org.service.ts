import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { orgUnitCreate, orgUnitUpdate, roleCreate, roleUpdate, userCreate, userListQuery, userUpdate } from '../../../shared/contracts/org';
import type { Actor } from '../../platform/actor';
import { pageWindow, resolveSort } from '../../platform/listing';
import { audit } from '../../platform/audit';
import { hashPassword } from '../../platform/auth/passwords';
import { authRepo } from '../../platform/auth/auth.repo';
import { scopeWhere } from '../../platform/scope';
import { orgRepo } from './org.repo';

const stale = (what: string) => new AppError('STALE_VERSION', `${what} was changed by someone else; reload and try again`, undefined, { key: 'common.staleVersion' });

// ---- units ----

export async function listUnits(db: Kdb) {
  return orgRepo.listUnits(db);
}

export async function createUnit(db: Kdb, actor: Actor, input: z.infer<typeof orgUnitCreate>) {
  return db.transaction().execute(async (trx) => {
    let parentPath = '/';
    let depth = 0;
    if (input.parentId !== null) {
      const parent = await orgRepo.findUnit(trx, input.parentId);
      if (!parent) throw validationError([issue('parentId', 'org.parentMissing', 'Parent unit does not exist')]);
      parentPath = parent.path;
      depth = parent.depth + 1;
    } else if (await trx.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirst()) {
      throw validationError([issue('parentId', 'org.oneRoot', 'The company already has a root unit; choose a parent')]);
    }
    const row = await orgRepo.insertUnit(trx, { parentId: input.parentId, name: input.name, code: input.code ?? null, kind: input.kind, sortOrder: input.sortOrder ?? 0, parentPath, depth });
    await audit(trx, actor, { entity: 'org_unit', entityId: row.id, action: 'create', after: row });
    return row;
  });
}

export async function updateUnit(db: Kdb, actor: Actor, id: number, input: z.infer<typeof orgUnitUpdate>) {
  return db.transaction().execute(async (trx) => {
    const before = await orgRepo.findUnit(trx, id);
    if (!before) throw new AppError('NOT_FOUND', 'Unit not found', undefined, { key: 'common.notFound' });
    if (before.version !== input.version) throw stale('The unit');
    if (input.parentId !== undefined && input.parentId !== before.parent_id) {
      if (input.parentId === null || before.parent_id === null) throw validationError([issue('parentId', 'org.rootStays', 'The root unit stays the root')]);
      const parent = await orgRepo.findUnit(trx, input.parentId);
      if (!parent) throw validationError([issue('parentId', 'org.parentMissing', 'Parent unit does not exist')]);
      if (parent.path.startsWith(before.path)) throw validationError([issue('parentId', 'org.unitUnderItself', 'A unit cannot move under itself')]);
      await orgRepo.moveUnit(trx, id, before.path, parent.id, `${parent.path}${id}/`, parent.depth + 1 - before.depth);
    }
    if (input.active === false && before.active && (await orgRepo.unitHasMembers(trx, before.path))) {
      throw validationError([issue('active', 'org.unitHasActiveUsers', 'The unit or one below it still has active users')]);
    }
    const after = await orgRepo.updateUnit(trx, id, input.version, { name: input.name, code: input.code, kind: input.kind, sort_order: input.sortOrder, active: input.active });
    if (!after) throw stale('The unit');
    await audit(trx, actor, { entity: 'org_unit', entityId: id, action: 'update', before, after });
    return after;
  });
}

// ---- users ----

const USER_SORT: Record<string, string> = { username: 'users.username', name: 'users.name', createdAt: 'users.created_at', lastLoginAt: 'users.last_login_at', unit: 'org_units.name' };

export async function listUsers(db: Kdb, actor: Actor, q: z.infer<typeof userListQuery>) {
  // Everybody with org:read sees the directory (to pick colleagues); user:manage limits editing by scope.
  const result = await orgRepo.listUsers(db, {
    where: (eb) => eb.val(true),
    q: q.q,
    unitId: q.unitId,
    status: q.status,
    position: q.position,
    sort: resolveSort(q.sort, USER_SORT, 'username'),
    ...pageWindow(q),
  });
  return { ...result, page: q.page, pageSize: q.pageSize };
}

function manageable(actor: Actor) {
  return (eb: Parameters<Parameters<typeof orgRepo.findUser>[2] & object>[0]) => scopeWhere(eb, actor, 'user:manage', { owner: 'users.id', unit: 'users.unit_id' });
}

export async function getUser(db: Kdb, id: number) {
  const user = await orgRepo.findUser(db, id);
  if (!user) throw new AppError('NOT_FOUND', 'User not found', undefined, { key: 'common.notFound' });
  return user;
}

async function checkUnitInScope(db: Kdb, actor: Actor, unitId: number, path: string) {
  const unit = await orgRepo.findUnit(db, unitId);
  if (!unit) throw validationError([issue(path, 'org.unitMissing', 'Unit does not exist')]);
  const scope = actor.permissions.get('user:manage');
  if (scope === 'all') return;
  if (scope === 'unit' && unit.path.startsWith(actor.unitPath)) return;
  if (scope === 'team' && unit.id === actor.unitId) return;
  throw validationError([issue(path, 'org.unitOutOfScope', 'Unit is outside your data scope')]);
}

async function checkRoles(db: Kdb, roleIds: number[]) {
  const existing = new Set(await orgRepo.existingRoleIds(db, roleIds));
  const bad = roleIds.map((id, i) => ({ id, i })).filter(({ id }) => !existing.has(id));
  if (bad.length) throw validationError(bad.map(({ i }) => issue(`roleIds.${i}`, 'org.roleMissing', 'Role does not exist')));
}

export async function createUser(db: Kdb, actor: Actor, input: z.infer<typeof userCreate>) {
  await checkUnitInScope(db, actor, input.unitId, 'unitId');
  await checkRoles(db, input.roleIds);
  const existing = await db.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
  if (existing) throw validationError([issue('username', 'org.usernameTaken', 'Username is taken')]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const { id } = await orgRepo.insertUser(trx, { username: input.username, name: input.name, phone: input.phone ?? null, email: input.email ?? null, unitId: input.unitId, passwordHash, mustChangePassword: true });
    await orgRepo.setPositions(trx, id, input.positions);
    await orgRepo.setUserRoles(trx, id, input.roleIds);
    const after = await orgRepo.findUser(trx, id);
    await audit(trx, actor, { entity: 'user', entityId: id, action: 'create', after });
    return after!;
  });
}

export async function updateUser(db: Kdb, actor: Actor, id: number, input: z.infer<typeof userUpdate>) {
  if (input.unitId !== undefined) await checkUnitInScope(db, actor, input.unitId, 'unitId');
  if (input.roleIds) await checkRoles(db, input.roleIds);
  return db.transaction().execute(async (trx) => {
    const before = await orgRepo.findUser(trx, id, manageable(actor));
    if (!before) throw new AppError('NOT_FOUND', 'User not found', undefined, { key: 'common.notFound' });
    if (before.status === 'left') throw new AppError('INVALID_STATE', 'The user has left; their record is kept read-only', undefined, { key: 'org.userLeft' });
    if (id === actor.userId && input.status === 'disabled') throw validationError([issue('status', 'org.disableSelf', 'You cannot disable yourself')]);
    const updated = await orgRepo.updateUser(trx, id, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.unitId !== undefined && { unit_id: input.unitId }),
      ...(input.status !== undefined && { status: input.status }),
    });
    if (!updated) throw stale('The user');
    if (input.positions) await orgRepo.setPositions(trx, id, input.positions);
    if (input.roleIds) await orgRepo.setUserRoles(trx, id, input.roleIds);
    if (input.status === 'disabled') await authRepo.deleteUserSessions(trx, id);
    const after = await orgRepo.findUser(trx, id);
    await audit(trx, actor, { entity: 'user', entityId: id, action: 'update', before, after });
    return after!;
  });
}

export async function resetPassword(db: Kdb, actor: Actor, id: number, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await orgRepo.findUser(trx, id, manageable(actor));
    if (!user) throw new AppError('NOT_FOUND', 'User not found', undefined, { key: 'common.notFound' });
    await orgRepo.setPassword(trx, id, passwordHash, true);
    await authRepo.deleteUserSessions(trx, id);
    await audit(trx, actor, { entity: 'user', entityId: id, action: 'password_reset' });
  });
}

export async function unlockUser(db: Kdb, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const user = await orgRepo.findUser(trx, id, manageable(actor));
    if (!user) throw new AppError('NOT_FOUND', 'User not found', undefined, { key: 'common.notFound' });
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    await audit(trx, actor, { entity: 'user', entityId: id, action: 'unlock' });
  });
}

// ---- roles ----

export async function listRoles(db: Kdb) {
  return orgRepo.listRoles(db);
}

export async function createRole(db: Kdb, actor: Actor, input: z.infer<typeof roleCreate>) {
  return db.transaction().execute(async (trx) => {
    if (await orgRepo.findRoleByCode(trx, input.code)) throw validationError([issue('code', 'org.roleCodeTaken', 'Code is taken')]);
    const { id } = await orgRepo.insertRole(trx, { code: input.code, name: input.name, description: input.description, dataScope: input.dataScope });
    await orgRepo.setRolePermissions(trx, id, [...new Set(input.permissions)]);
    const after = await orgRepo.findRole(trx, id);
    await audit(trx, actor, { entity: 'role', entityId: id, action: 'create', after });
    return after!;
  });
}

export async function updateRole(db: Kdb, actor: Actor, id: number, input: z.infer<typeof roleUpdate>) {
  return db.transaction().execute(async (trx) => {
    const before = await orgRepo.findRole(trx, id);
    if (!before) throw new AppError('NOT_FOUND', 'Role not found', undefined, { key: 'common.notFound' });
    const updated = await orgRepo.updateRole(trx, id, input.version, { name: input.name, description: input.description, data_scope: input.dataScope });
    if (!updated) throw stale('The role');
    if (input.permissions) {
      // Nobody may lock the administrators out of role management.
      if (before.code === 'sys_admin' && !input.permissions.includes('role:manage')) {
        throw validationError([issue('permissions', 'org.adminKeepsRoleManage', 'The system administrator role keeps role:manage')]);
      }
      await orgRepo.setRolePermissions(trx, id, [...new Set(input.permissions)]);
    }
    const after = await orgRepo.findRole(trx, id);
    await audit(trx, actor, { entity: 'role', entityId: id, action: 'update', before, after });
    return after!;
  });
}

export async function deleteRole(db: Kdb, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await orgRepo.findRole(trx, id);
    if (!before) throw new AppError('NOT_FOUND', 'Role not found', undefined, { key: 'common.notFound' });
    if (before.builtin) throw new AppError('INVALID_STATE', 'Built-in roles can be edited but not deleted', undefined, { key: 'org.builtinRole' });
    if (Number(before.user_count) > 0) throw new AppError('INVALID_STATE', 'The role is still assigned to users', undefined, { key: 'org.roleInUse' });
    await orgRepo.deleteRole(trx, id);
    await audit(trx, actor, { entity: 'role', entityId: id, action: 'delete', before });
  });
}
