import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../platform/listing';
import type { DB } from '../../db/schema';
import { unitPathOf } from '../../platform/org.repo';

const unitColumns = ['org_units.id', 'org_units.parent_id', 'org_units.name', 'org_units.code', 'org_units.kind', 'org_units.path', 'org_units.depth', 'org_units.sort_order', 'org_units.active', 'org_units.version'] as const;

export const orgRepo = {
  async listUnits(db: Executor) {
    return db
      .selectFrom('org_units')
      .select(unitColumns)
      .select((eb) => eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).whereRef('users.unit_id', '=', 'org_units.id').where('users.status', '<>', 'left').as('user_count'))
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  },
  async findUnit(db: Executor, id: number) {
    return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertUnit(db: Executor, u: { parentId: number | null; name: string; code: string | null; kind: string; sortOrder: number; parentPath: string; depth: number }) {
    const row = await db
      .insertInto('org_units')
      .values({ parent_id: u.parentId, name: u.name, code: u.code, kind: u.kind, sort_order: u.sortOrder, path: 'pending', depth: u.depth })
      .returning('id')
      .executeTakeFirstOrThrow();
    return db
      .updateTable('org_units')
      .set({ path: `${u.parentPath}${row.id}/` })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async updateUnit(db: Executor, id: number, version: number, values: { name?: string; code?: string | null; kind?: string; sort_order?: number; active?: boolean }) {
    return db
      .updateTable('org_units')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },
  /** Re-parents a unit: rewrites the path and depth of its whole subtree in one statement. */
  async moveUnit(db: Executor, id: number, oldPath: string, newParentId: number, newPath: string, depthDelta: number) {
    await db.updateTable('org_units').set({ parent_id: newParentId }).where('id', '=', id).execute();
    await sql`update org_units set path = ${newPath} || substr(path, ${oldPath.length + 1}), depth = depth + ${depthDelta}
      where path like ${oldPath + '%'}`.execute(db);
  },
  async unitHasMembers(db: Executor, path: string) {
    const r = await db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.unit_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_units.path', 'like', `${path}%`)
      .where('users.status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(r.n) > 0;
  },

  userSelect(db: Executor) {
    return db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.unit_id')
      .select([
        'users.id',
        'users.username',
        'users.name',
        'users.phone',
        'users.email',
        'users.unit_id',
        unitPathOf('users.unit_id').as('unit_name'),
        'users.status',
        'users.locked_until',
        'users.last_login_at',
        'users.version',
        'users.created_at',
        sql<string[]>`coalesce((select array_agg(up.position order by up.position) from user_positions up where up.user_id = users.id), '{}')`.as('positions'),
        sql<number[]>`coalesce((select array_agg(ur.role_id order by ur.role_id) from user_roles ur where ur.user_id = users.id), '{}')`.as('role_ids'),
      ]);
  },
  async listUsers(
    db: Executor,
    opts: { where: (eb: ExpressionBuilder<DB, 'users' | 'org_units'>) => Expression<SqlBool>; q?: string; unitId?: number; status?: string; position?: string; sort: { column: string; desc: boolean }; limit: number; offset: number },
  ) {
    let base = db.selectFrom('users').innerJoin('org_units', 'org_units.id', 'users.unit_id').where(opts.where);
    if (opts.q) {
      const like = containsPattern(opts.q);
      base = base.where((eb) => eb.or([eb('users.username', 'ilike', like), eb('users.name', 'ilike', like), eb('users.phone', 'ilike', like), eb('users.email', 'ilike', like)]));
    }
    if (opts.unitId) {
      const unit = await db.selectFrom('org_units').select('path').where('id', '=', opts.unitId).executeTakeFirst();
      base = base.where('org_units.path', 'like', `${unit?.path ?? '/none/'}%`);
    }
    if (opts.status) base = base.where('users.status', '=', opts.status);
    if (opts.position) {
      const position = opts.position;
      base = base.where((eb) => eb.exists(eb.selectFrom('user_positions').select('user_id').whereRef('user_positions.user_id', '=', 'users.id').where('user_positions.position', '=', position)));
    }
    const ids = base.select('users.id');
    const [items, count] = await Promise.all([
      this.userSelect(db)
        .where('users.id', 'in', ids)
        .orderBy(sql.ref(opts.sort.column), opts.sort.desc ? 'desc' : 'asc')
        .orderBy('users.id')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  async findUser(db: Executor, id: number, where?: (eb: ExpressionBuilder<DB, 'users' | 'org_units'>) => Expression<SqlBool>) {
    let q = this.userSelect(db).where('users.id', '=', id);
    if (where) q = q.where(where);
    return q.executeTakeFirst();
  },
  async insertUser(db: Executor, u: { username: string; name: string; phone: string | null; email: string | null; unitId: number; passwordHash: string; mustChangePassword: boolean }) {
    return db
      .insertInto('users')
      .values({ username: u.username, name: u.name, phone: u.phone, email: u.email, unit_id: u.unitId, password_hash: u.passwordHash, must_change_password: u.mustChangePassword })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  async updateUser(db: Executor, id: number, version: number, values: Record<string, unknown>) {
    return db
      .updateTable('users')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  async setPassword(db: Executor, id: number, passwordHash: string, mustChange: boolean) {
    await db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange, failed_logins: 0, locked_until: null, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },
  async setPositions(db: Executor, userId: number, positions: string[]) {
    await db.deleteFrom('user_positions').where('user_id', '=', userId).execute();
    if (positions.length) await db.insertInto('user_positions').values(positions.map((position) => ({ user_id: userId, position }))).execute();
  },
  async setUserRoles(db: Executor, userId: number, roleIds: number[]) {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roleIds.length) await db.insertInto('user_roles').values(roleIds.map((role_id) => ({ user_id: userId, role_id }))).execute();
  },
  async existingRoleIds(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return (await db.selectFrom('roles').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
  },

  roleSelect(db: Executor) {
    return db
      .selectFrom('roles')
      .select(['roles.id', 'roles.code', 'roles.name', 'roles.description', 'roles.data_scope', 'roles.builtin', 'roles.version'])
      .select([
        sql<string[]>`coalesce((select array_agg(rp.permission order by rp.permission) from role_permissions rp where rp.role_id = roles.id), '{}')`.as('permissions'),
        sql<number>`(select count(*) from user_roles ur where ur.role_id = roles.id)`.as('user_count'),
      ]);
  },
  async listRoles(db: Executor) {
    return this.roleSelect(db).orderBy('roles.id').execute();
  },
  async findRole(db: Executor, id: number) {
    return this.roleSelect(db).where('roles.id', '=', id).executeTakeFirst();
  },
  async findRoleByCode(db: Executor, code: string) {
    return this.roleSelect(db).where('roles.code', '=', code).executeTakeFirst();
  },
  async insertRole(db: Executor, r: { code: string; name: string; description: string; dataScope: string; builtin?: boolean }) {
    return db
      .insertInto('roles')
      .values({ code: r.code, name: r.name, description: r.description, data_scope: r.dataScope, builtin: r.builtin ?? false })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  async updateRole(db: Executor, id: number, version: number, values: { name?: string; description?: string; data_scope?: string }) {
    return db
      .updateTable('roles')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  async setRolePermissions(db: Executor, roleId: number, permissions: string[]) {
    await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
    if (permissions.length) await db.insertInto('role_permissions').values(permissions.map((permission) => ({ role_id: roleId, permission }))).execute();
  },
  async deleteRole(db: Executor, id: number) {
    await db.deleteFrom('roles').where('id', '=', id).execute();
  },
};
