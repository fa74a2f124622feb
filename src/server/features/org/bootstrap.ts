import { sql } from 'kysely';
import type { Kdb } from '../../db/client';
import { generatePassword, hashPassword } from '../../platform/auth/passwords';
import { audit } from '../../platform/audit';
import { ensureChains } from '../../platform/approvals/default-chains';
import { defaultChainsOf } from '../../platform/feature';
import { FEATURES } from '../index';
import { defaultRoles } from './default-roles';
import { orgRepo } from './org.repo';

export interface BootstrapResult {
  /** set only when this start created the admin with a generated password */
  generatedAdminPassword?: string;
  createdAdmin: boolean;
}

/**
 * Adds the built-in roles that are missing, and gives existing built-in roles the default
 * permissions they were never offered (a newer release's permissions reach an existing
 * database). A default an administrator removed stays removed: each offer is recorded once.
 */
export async function ensureDefaultRoles(db: Kdb): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const r of defaultRoles(FEATURES)) {
      const role = await trx.selectFrom('roles').select(['id', 'builtin']).where('code', '=', r.code).executeTakeFirst();
      const offered = new Set(
        (await trx.selectFrom('role_default_grants').select('permission').where('role_code', '=', r.code).execute()).map((g) => g.permission),
      );
      const fresh = r.permissions.filter((p) => !offered.has(p));
      if (!role) {
        const { id } = await orgRepo.insertRole(trx, { code: r.code, name: r.name, description: '', dataScope: r.dataScope, builtin: true });
        await orgRepo.setRolePermissions(trx, id, r.permissions);
      } else if (role.builtin && fresh.length) {
        await trx
          .insertInto('role_permissions')
          .values(fresh.map((permission) => ({ role_id: role.id, permission })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      if (fresh.length) {
        await trx
          .insertInto('role_default_grants')
          .values(fresh.map((permission) => ({ role_code: r.code, permission })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
  });
}

/** Creates the default approval chains the rooms' documents declare, where none exists for the type. */
export function ensureDefaultChains(db: Kdb): Promise<void> {
  return ensureChains(db, defaultChainsOf(FEATURES));
}

/**
 * First start on an empty database: the company's root unit and user `admin`, with the
 * password from TONGMENG_ADMIN_PASSWORD or a generated one that the caller prints once.
 */
export async function bootstrap(db: Kdb, adminPassword?: string): Promise<BootstrapResult> {
  await ensureDefaultRoles(db);
  await ensureDefaultChains(db);
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { createdAdmin: false };
  const password = adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    // Re-check inside the transaction: another instance may have bootstrapped meanwhile.
    await sql`lock table users in share row exclusive mode`.execute(trx);
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return;
    let root = await trx.selectFrom('org_units').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
    root ??= await orgRepo.insertUnit(trx, { parentId: null, name: '总部', code: 'HQ', kind: 'company', sortOrder: 0, parentPath: '/', depth: 0 });
    const { id } = await orgRepo.insertUser(trx, { username: 'admin', name: '系统管理员', phone: null, email: null, unitId: root.id, passwordHash, mustChangePassword: !adminPassword });
    await orgRepo.setPositions(trx, id, ['sys_admin']);
    const role = await trx.selectFrom('roles').select('id').where('code', '=', 'sys_admin').executeTakeFirstOrThrow();
    await orgRepo.setUserRoles(trx, id, [role.id]);
    await audit(trx, null, { entity: 'user', entityId: id, action: 'create', after: { username: 'admin' }, data: { reason: 'first start' } });
  });
  return { createdAdmin: true, generatedAdminPassword: adminPassword ? undefined : password };
}
