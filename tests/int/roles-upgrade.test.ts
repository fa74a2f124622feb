import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultRoles } from '../../src/server/features/org/bootstrap';
import { defaultRoles } from '../../src/server/features/org/default-roles';
import { FEATURES } from '../../src/server/features';
import { createTestApp, type TestApp } from '../support/app';

/**
 * A database made by an earlier release lacks the permissions later features added. A start
 * offers each built-in role the defaults it never had, once: an administrator's removal sticks.
 */
describe('built-in roles across releases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const permissionsOf = async (code: string) => {
    const rows = await t.database.db
      .selectFrom('role_permissions')
      .innerJoin('roles', 'roles.id', 'role_permissions.role_id')
      .select('role_permissions.permission')
      .where('roles.code', '=', code)
      .execute();
    return rows.map((r) => r.permission).sort();
  };
  const roleId = async (code: string) => (await t.database.db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  it('grants a permission that an older release never offered', async () => {
    const db = t.database.db;
    // as if the database predates account:export: neither granted nor offered
    await db.deleteFrom('role_permissions').where('role_id', '=', await roleId('specialist')).where('permission', '=', 'account:export').execute();
    await db.deleteFrom('role_default_grants').where('role_code', '=', 'specialist').where('permission', '=', 'account:export').execute();
    expect(await permissionsOf('specialist')).not.toContain('account:export');

    await ensureDefaultRoles(db);
    expect(await permissionsOf('specialist')).toContain('account:export');
    const expected = defaultRoles(FEATURES).find((r) => r.code === 'specialist')!.permissions;
    expect(await permissionsOf('specialist')).toEqual([...expected].sort());
  });

  it('keeps a default that an administrator removed', async () => {
    const res = await (await t.login('admin')).get('/api/roles');
    const director = res.body.items.find((r: { code: string }) => r.code === 'ka_director');
    const admin = await t.login('admin');
    const without = director.permissions.filter((p: string) => p !== 'account:import');
    const put = await admin.patch(`/api/roles/${director.id}`, { name: director.name, description: director.description, dataScope: director.dataScope, permissions: without, version: director.version });
    expect(put.status).toBe(200);

    await ensureDefaultRoles(t.database.db);
    expect(await permissionsOf('ka_director')).not.toContain('account:import');
  });

  it('leaves a role an administrator made alone', async () => {
    const admin = await t.login('admin');
    const made = await admin.post('/api/roles', { code: 'auditor', name: '审计员', description: '', dataScope: 'all', permissions: ['audit:read'] });
    expect(made.status).toBe(200);
    await ensureDefaultRoles(t.database.db);
    expect(await permissionsOf('auditor')).toEqual(['audit:read']);
  });
});
