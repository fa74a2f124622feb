import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { AccountTable, DB } from '../../db/schema';
import { containsPattern } from '../../platform/listing';

/** The caller's data scope over `accounts` (built by the service with scopeWhere). */
export type AccountScope = (eb: ExpressionBuilder<DB, 'accounts'>) => Expression<SqlBool>;
export type AccountValues = Updateable<AccountTable>;

export type AccountSortColumn = 'name' | 'created_at' | 'updated_at' | 'completeness' | 'tier' | 'grade' | 'lifecycle' | 'founded_year' | 'annual_sales';

/** What narrows the account list (and its export): scope, search and the classification filters. */
export interface AccountFilter {
  scope: AccountScope;
  q?: string;
  /** the search term in the form of the pinyin columns; empty → no pinyin match */
  pinyinKey?: string;
  tier?: string;
  vip?: boolean;
  category?: 'premium' | 'high_value' | 'group' | 'strategic';
  grade?: string;
  lifecycle?: string;
  nature?: string;
  industry?: string;
  ownerId?: number;
  unitId?: number;
  province?: string;
  city?: string;
  parentId?: number;
}

export interface AccountListFilter extends AccountFilter {
  sort: { column: AccountSortColumn; desc: boolean };
  limit: number;
  offset: number;
}

const CATEGORY_COLUMN = { premium: 'cat_premium', high_value: 'cat_high_value', group: 'cat_group', strategic: 'cat_strategic' } as const;
const LIFECYCLE_ORDER = sql.raw(`array['prospect','developing','active','maintaining','at_risk','lost','recovered']`);

function base(db: Executor) {
  return db
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .innerJoin('org_units as unit', 'unit.id', 'accounts.unit_id');
}

export const accountsRepo = {
  /** Accounts (joined with owner and unit) that pass the filter; list and export build on it. */
  filtered(db: Executor, f: AccountFilter) {
    let q = base(db).where(f.scope);
    if (f.q) {
      const like = containsPattern(f.q);
      const key = f.pinyinKey;
      const prefix = f.q.toUpperCase().replace(/[%_\\]/g, (c) => `\\${c}`) + '%';
      q = q.where((eb) =>
        eb.or([
          eb('accounts.name', 'ilike', like),
          eb('accounts.short_name', 'ilike', like),
          eb('accounts.credit_code', 'like', prefix),
          ...(key
            ? [
                eb('accounts.name_pinyin', 'like', `${key}%`),
                eb('accounts.name_initials', 'like', `${key}%`),
                eb('accounts.short_pinyin', 'like', `${key}%`),
                eb('accounts.short_initials', 'like', `${key}%`),
              ]
            : []),
        ]),
      );
    }
    if (f.tier) q = q.where('accounts.tier', '=', f.tier);
    if (f.vip !== undefined) q = q.where('accounts.vip', '=', f.vip);
    if (f.category) q = q.where(`accounts.${CATEGORY_COLUMN[f.category]}`, '=', true);
    if (f.grade) q = q.where('accounts.grade', '=', f.grade);
    if (f.lifecycle) q = q.where('accounts.lifecycle', '=', f.lifecycle);
    if (f.nature) q = q.where('accounts.nature', '=', f.nature);
    if (f.industry) q = q.where('accounts.industry', '=', f.industry);
    if (f.ownerId) q = q.where('accounts.owner_id', '=', f.ownerId);
    if (f.unitId) {
      const unitId = f.unitId;
      q = q.where('accounts.unit_id', 'in', (eb) =>
        eb
          .selectFrom('org_units as sub')
          .select('sub.id')
          .where('sub.path', 'like', eb.selectFrom('org_units as top').select(sql<string>`top.path || '%'`.as('p')).where('top.id', '=', unitId)),
      );
    }
    if (f.province) q = q.where('accounts.province', '=', f.province);
    if (f.city) q = q.where('accounts.city', '=', f.city);
    if (f.parentId) q = q.where('accounts.parent_id', '=', f.parentId);
    return q;
  },

  async list(db: Executor, f: AccountListFilter) {
    const q = accountsRepo.filtered(db, f);
    const dir = f.sort.desc ? 'desc' : 'asc';
    const sortExpr = f.sort.column === 'lifecycle' ? sql`array_position(${LIFECYCLE_ORDER}, accounts.lifecycle)` : sql.ref(`accounts.${f.sort.column}`);
    const [items, count] = await Promise.all([
      q
        .select([
          'accounts.id',
          'accounts.name',
          'accounts.short_name',
          'accounts.credit_code',
          'accounts.nature',
          'accounts.industry',
          'accounts.province',
          'accounts.city',
          'accounts.vip',
          'accounts.tier',
          'accounts.cat_premium',
          'accounts.cat_high_value',
          'accounts.cat_group',
          'accounts.cat_strategic',
          'accounts.grade',
          'accounts.lifecycle',
          'accounts.completeness',
          'accounts.owner_id',
          'owner.name as owner_name',
          'accounts.unit_id',
          'unit.name as unit_name',
          'accounts.parent_id',
          'accounts.version',
          'accounts.updated_at',
        ])
        .orderBy(sortExpr, (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('accounts.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  async find(db: Executor, id: number, scope?: AccountScope) {
    let q = base(db).selectAll('accounts').select(['owner.name as owner_name', 'unit.name as unit_name']).where('accounts.id', '=', id);
    if (scope) q = q.where(scope);
    return q.executeTakeFirst();
  },
  /** For update: locks the row so concurrent writers queue behind each other. */
  async findForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db.selectFrom('accounts').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  async findByCreditCode(db: Executor, code: string) {
    return db.selectFrom('accounts').select(['id', 'name', 'owner_id', 'unit_id']).where('credit_code', '=', code).executeTakeFirst();
  },
  async visible(db: Executor, id: number, scope: AccountScope) {
    return (await db.selectFrom('accounts').select('id').where('id', '=', id).where(scope).executeTakeFirst()) !== undefined;
  },
  async insert(db: Executor, values: Insertable<AccountTable>) {
    const { id } = await db.insertInto('accounts').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  /** A user write: checks and bumps the version. */
  async update(db: Executor, id: number, version: number, values: AccountValues) {
    const r = await db
      .updateTable('accounts')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },
  /** Derived fields only (classification, completeness): no version bump, so editors are not made stale. One statement for all rows. */
  async setDerivedMany(db: Executor, rows: { id: number; tier: string; cat_premium: boolean; cat_group: boolean; completeness: number }[]) {
    if (!rows.length) return;
    await sql`update accounts a set tier = v.tier, cat_premium = v.cat_premium, cat_group = v.cat_group, completeness = v.completeness
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id bigint, tier text, cat_premium boolean, cat_group boolean, completeness int)
      where a.id = v.id`.execute(db);
  },
  /** The parent chain of an account, nearest first (cycle-safe: stops at a repeat). */
  async ancestors(db: Executor, id: number): Promise<number[]> {
    const r = await sql<{ id: number }>`
      with recursive up(id, parent_id, depth, seen) as (
        select a.id, a.parent_id, 0, array[a.id] from accounts a where a.id = ${id}
        union all
        select p.id, p.parent_id, up.depth + 1, up.seen || p.id
        from accounts p join up on p.id = up.parent_id
        where not p.id = any(up.seen)
      )
      select id from up where depth > 0 order by depth`.execute(db);
    return r.rows.map((x) => Number(x.id));
  },
  async childCount(db: Executor, id: number) {
    const r = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async summaries(db: Executor, where: { id?: number; parentId?: number }, scope: AccountScope) {
    let q = db.selectFrom('accounts').select(['accounts.id', 'accounts.name', 'accounts.tier', 'accounts.lifecycle']).select((eb) => sql<boolean>`${scope(eb)}`.as('visible'));
    if (where.id !== undefined) q = q.where('accounts.id', '=', where.id);
    if (where.parentId !== undefined) q = q.where('accounts.parent_id', '=', where.parentId);
    return q.orderBy('accounts.name').orderBy('accounts.id').limit(500).execute();
  },

  async team(db: Executor, accountId: number) {
    return db
      .selectFrom('account_team')
      .innerJoin('users', 'users.id', 'account_team.user_id')
      .select(['account_team.user_id', 'users.name as user_name', 'account_team.role'])
      .where('account_team.account_id', '=', accountId)
      .orderBy('account_team.role')
      .orderBy('users.name')
      .execute();
  },
  async teamSize(db: Executor, accountId: number) {
    const r = await db.selectFrom('account_team').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async replaceTeam(db: Executor, accountId: number, members: { userId: number; role: string }[]) {
    await db.deleteFrom('account_team').where('account_id', '=', accountId).execute();
    if (members.length) await db.insertInto('account_team').values(members.map((m) => ({ account_id: accountId, user_id: m.userId, role: m.role }))).execute();
  },

  async revenueRows(db: Executor, accountId: number) {
    return db.selectFrom('account_revenue').select(['year', 'source', 'amount', 'note']).where('account_id', '=', accountId).orderBy('year', 'desc').orderBy('source').execute();
  },
  async replaceRevenue(db: Executor, accountId: number, rows: { year: number; source: string; amount: number; note: string }[]) {
    await db.deleteFrom('account_revenue').where('account_id', '=', accountId).execute();
    if (rows.length) await db.insertInto('account_revenue').values(rows.map((r) => ({ account_id: accountId, ...r }))).execute();
  },
  /** Revenue per year of several accounts, all sources summed. */
  async revenueByYear(db: Executor, accountIds: number[]) {
    if (!accountIds.length) return [];
    return db
      .selectFrom('account_revenue')
      .select(['account_id', 'year', (eb) => eb.fn.sum<number>('amount').as('amount')])
      .where('account_id', 'in', accountIds)
      .groupBy(['account_id', 'year'])
      .execute();
  },
  /** ACC-2 roll-up: the account and all its descendants, per year. */
  async groupRevenueByYear(db: Executor, accountId: number) {
    const r = await sql<{ year: number; amount: number }>`
      with recursive tree(id, seen) as (
        select a.id, array[a.id] from accounts a where a.id = ${accountId}
        union all
        select c.id, tree.seen || c.id from accounts c join tree on c.parent_id = tree.id where not c.id = any(tree.seen)
      )
      select r.year, sum(r.amount)::bigint as amount
      from account_revenue r where r.account_id in (select id from tree)
      group by r.year order by r.year desc`.execute(db);
    return r.rows.map((x) => ({ year: Number(x.year), amount: Number(x.amount) }));
  },

  async insertChanges(db: Executor, rows: { accountId: number; field: string; from: string | null; to: string | null; reason: string; actorId: number | null }[]) {
    if (!rows.length) return;
    await db
      .insertInto('account_changes')
      .values(rows.map((r) => ({ account_id: r.accountId, field: r.field, from_value: r.from, to_value: r.to, reason: r.reason, actor_id: r.actorId })))
      .execute();
  },
  async changes(db: Executor, accountId: number) {
    return db
      .selectFrom('account_changes')
      .leftJoin('users', 'users.id', 'account_changes.actor_id')
      .select(['account_changes.id', 'account_changes.field', 'account_changes.from_value', 'account_changes.to_value', 'account_changes.reason', 'account_changes.actor_id', 'users.name as actor_name', 'account_changes.at'])
      .where('account_changes.account_id', '=', accountId)
      .orderBy('account_changes.at', 'desc')
      .orderBy('account_changes.id', 'desc')
      .limit(1000)
      .execute();
  },

  /** Ids in order, for batch jobs. */
  async idsAfter(db: Executor, afterId: number, limit: number) {
    const rows = await db.selectFrom('accounts').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },
  async rowsForRecompute(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return db
      .selectFrom('accounts')
      .selectAll('accounts')
      .select((eb) => [
        eb.selectFrom('accounts as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'accounts.id').as('child_count'),
        eb.selectFrom('account_team as t').select((e) => e.fn.countAll<number>().as('n')).whereRef('t.account_id', '=', 'accounts.id').as('team_size'),
      ])
      .where('accounts.id', 'in', ids)
      .orderBy('accounts.id')
      .forUpdate()
      .execute();
  },

  async user(db: Executor, id: number, where?: (eb: ExpressionBuilder<DB, 'users'>) => Expression<SqlBool>) {
    let q = db.selectFrom('users').select(['id', 'unit_id', 'status', 'name']).where('id', '=', id);
    if (where) q = q.where(where);
    return q.executeTakeFirst();
  },
  async activeUsers(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return db.selectFrom('users').select('id').where('id', 'in', ids).where('status', '=', 'active').execute();
  },
  async unitExists(db: Executor, id: number) {
    return (await db.selectFrom('org_units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  },

  async getSetting(db: Executor, key: string) {
    const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value;
  },
  async putSetting(db: Executor, key: string, value: unknown) {
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
      .execute();
  },
};
