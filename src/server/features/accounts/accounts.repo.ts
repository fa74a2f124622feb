import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { AccountTable, DB } from '../../db/schema';
import { containsPattern, containsText } from '../../platform/listing';
import { inUnitSubtree, type AccountScope } from '../../platform/scope';
import { after, ms, unitNameOf, userNameOf } from '../../platform/timeline.repo';
import type { SourceQuery } from '../../platform/timeline';
import { unitPathOf } from '../../platform/org.repo';

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

/** The caller's data scope over `accounts` (built by the service with scopeWhere). */
export type AccountValues = Updateable<AccountTable>;

export type AccountSortColumn = 'name' | 'created_at' | 'updated_at' | 'completeness' | 'tier' | 'grade' | 'lifecycle' | 'founded_year' | 'annual_sales' | 'coverage_score' | 'quadrant';

/** Everything `derive` computes; written without a version bump. */
export type DerivedValues = {
  lifecycle: string;
  tier: string;
  cat_premium: boolean;
  cat_high_value: boolean;
  cat_group: boolean;
  completeness: number;
  coverage_score: number;
  coverage_flags: { code: string; contactIds: number[] }[];
  active_contacts: number;
  attractiveness: number;
  strength: number;
  quadrant_computed: string;
  quadrant: string;
  quadrant_factors: unknown[];
};

/** An account row with what its derived fields read (rowsForRecomputeMany). */
export type RecomputeManyRow = Selectable<AccountTable> & {
  child_count: number | string;
  team_size: number | string;
  revenue: { year: number; amount: number }[];
  largest_contract: number | string;
  max_overdue_days: number | string;
  contact_rows: Record<string, unknown>[];
  requalified_at: Date | string | null;
};

/**
 * ACC-7: `q` also finds accounts through their contacts (active or left), within `scope` — the
 * caller's contact:read scope. `name` is matched by prefix when shorter than three characters
 * (no trigram to use), else by contains; `digits` (only when q is a phone number) by contains
 * on the digits of mobile and office phone.
 */
export interface ContactSearch {
  /** the caller's contact:read scope, when it is narrower than their account:read scope (else the list's scope suffices) */
  scope?: AccountScope;
  name: string;
  digits?: string;
}

/** What narrows the account list (and its export): scope, search and the classification filters. */
export interface AccountFilter {
  scope: AccountScope;
  q?: string;
  /** the search term in the form of the pinyin columns; empty → no pinyin match */
  pinyinKey?: string;
  contactSearch?: ContactSearch;
  quadrant?: string;
  coverageBelow?: number;
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
/**
 * Sort columns that can hold NULL get NULLS LAST. On the others it would change nothing but
 * stop the planner from reading the column's index in order (updated_at DESC for the default list).
 */
const NULLABLE_SORTS = new Set<AccountSortColumn>(['grade', 'founded_year', 'annual_sales']);
const LIFECYCLE_ORDER = sql.raw(`array['prospect','developing','active','maintaining','at_risk','lost','recovered']`);
const QUADRANT_ORDER = sql.raw(`array['star','question','cash_cow','dog']`);
const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

function base(db: Executor) {
  return db
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .innerJoin('org_units as unit', 'unit.id', 'accounts.unit_id');
}


/** A contact's name or phone matching the search, for the contact branch of `q` and the matched contact. */
function contactMatch(eb: ExpressionBuilder<DB, 'contacts'>, c: ContactSearch): Expression<SqlBool> {
  const name = [...c.name].length < 3 ? eb('contacts.name', 'like', `${escapeLike(c.name)}%`) : eb('contacts.name', 'ilike', containsPattern(c.name));
  return c.digits ? eb.or([name, eb('contacts.phone_digits', 'like', `%${c.digits}%`)]) : name;
}

type ListConditions = AccountFilter;

/**
 * The list's filters (everything but sort and paging) as one condition on `accounts`, shared by
 * the page, the count, the quadrant counts and the completeness report. It reads only columns
 * of `accounts`, so counts and aggregates need no join.
 */
function listWhere(f: ListConditions) {
  return (eb: ExpressionBuilder<DB, 'accounts'>): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = [f.scope(eb)];
    if (f.q) and.push(searchCondition(eb, f.q, f.pinyinKey, f.contactSearch));
    if (f.tier) and.push(eb('accounts.tier', '=', f.tier));
    if (f.vip !== undefined) and.push(eb('accounts.vip', '=', f.vip));
    if (f.category) and.push(eb(`accounts.${CATEGORY_COLUMN[f.category]}`, '=', true));
    if (f.grade) and.push(eb('accounts.grade', '=', f.grade));
    if (f.lifecycle) and.push(eb('accounts.lifecycle', '=', f.lifecycle));
    if (f.nature) and.push(eb('accounts.nature', '=', f.nature));
    if (f.industry) and.push(eb('accounts.industry', '=', f.industry));
    if (f.ownerId) and.push(eb('accounts.owner_id', '=', f.ownerId));
    if (f.unitId) and.push(inUnitSubtree(f.unitId)(eb));
    if (f.province) and.push(eb('accounts.province', '=', f.province));
    if (f.city) and.push(eb('accounts.city', '=', f.city));
    if (f.parentId) and.push(eb('accounts.parent_id', '=', f.parentId));
    if (f.quadrant) and.push(eb('accounts.quadrant', '=', f.quadrant));
    if (f.coverageBelow !== undefined) and.push(eb('accounts.coverage_score', '<', f.coverageBelow));
    return eb.and(and);
  };
}

/** `q` on the account's own names, pinyin and credit code, and (ACC-7) through its contacts. */
function searchCondition(eb: ExpressionBuilder<DB, 'accounts'>, q: string, pinyinKey: string | undefined, cs: ContactSearch | undefined): Expression<SqlBool> {
  const prefix = escapeLike(q.toUpperCase()) + '%';
  const own = (e: ExpressionBuilder<DB, 'accounts'>) =>
    e.or([
      containsText('accounts.name', q),
      containsText('accounts.short_name', q),
      e('accounts.credit_code', 'like', prefix),
      ...(pinyinKey
        ? [
            e('accounts.name_pinyin', 'like', `${pinyinKey}%`),
            e('accounts.name_initials', 'like', `${pinyinKey}%`),
            e('accounts.short_pinyin', 'like', `${pinyinKey}%`),
            e('accounts.short_initials', 'like', `${pinyinKey}%`),
          ]
        : []),
    ]);
  if (!cs) return own(eb);
  // A union of ids instead of an OR across tables, so each side keeps its indexes (the account
  // columns by BitmapOr, the contacts by trigram/prefix). `= any(array(…))` makes the ids an
  // init-time array the outer query fetches by primary key; as `in (…)` the planner may guess
  // thousands of matches and scan every account in a wide scope to join them.
  let contacts = eb.selectFrom('contacts').select('contacts.account_id as id').where((e) => contactMatch(e, cs));
  const scope = cs.scope;
  if (scope) contacts = contacts.where('contacts.account_id', 'in', (e) => e.selectFrom('accounts').select('accounts.id').where(scope));
  const ids = eb.selectFrom('accounts').select('accounts.id').where(own).union(contacts);
  return sql<SqlBool>`accounts.id = any(array(${ids}))`;
}

/** A year's revenue of one account (grouped by account and year): the larger of the signed contracts and the ledger's other sources, never their sum (decision 014). */
const YEAR_REVENUE = sql<number>`greatest(coalesce(sum(amount) filter (where source = 'signed'), 0), coalesce(sum(amount) filter (where source <> 'signed'), 0))`;

export const accountsRepo = {
  /** Accounts (joined with owner and unit) that pass the filter; the export builds on it. */
  filtered(db: Executor, f: AccountFilter) {
    return base(db).where(listWhere(f));
  },

  async list(db: Executor, f: AccountListFilter) {
    // Filters read accounts only; owner and unit names are joined for the page alone, so the
    // count does not join (every account has both: not null, foreign keys).
    const where = listWhere(f);
    const q = db.selectFrom('accounts').where(where);
    const dir = f.sort.desc ? 'desc' : 'asc';
    const sortExpr =
      f.sort.column === 'lifecycle'
        ? sql`array_position(${LIFECYCLE_ORDER}, accounts.lifecycle)`
        : f.sort.column === 'quadrant'
          ? sql`array_position(${QUADRANT_ORDER}, accounts.quadrant)`
          : sql.ref(`accounts.${f.sort.column}`);
    // A search finds its few rows through its own indexes. Planned together with ORDER BY …
    // LIMIT, the planner may instead walk the sort column's index hoping to meet a page of
    // matches early — and it estimates search selectivity poorly (0.2 % matches read 12k rows).
    // OFFSET 0 makes the search a subquery it must finish first; the rows and order are the same.
    const source = f.q ? (db.selectFrom(q.selectAll('accounts').offset(0).as('accounts')) as unknown as typeof q) : q;
    const [items, count] = await Promise.all([
      source
        .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
        .innerJoin('org_units as unit', 'unit.id', 'accounts.unit_id')
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
          'accounts.coverage_score',
          'accounts.quadrant',
          'accounts.owner_id',
          'owner.name as owner_name',
          'accounts.unit_id',
          unitPathOf('accounts.unit_id').as('unit_name'),
          'accounts.parent_id',
          'accounts.version',
          'accounts.updated_at',
        ])
        .orderBy(sortExpr, (ob) => {
          const o = dir === 'desc' ? ob.desc() : ob.asc();
          return NULLABLE_SORTS.has(f.sort.column) ? o.nullsLast() : o;
        })
        .orderBy('accounts.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      // the joins cannot drop rows (non-null foreign keys), so the count reads accounts alone
      db.selectFrom('accounts').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** For the listed accounts found through a contact: the first matching contact of each (active before left, by name). */
  async matchedContacts(db: Executor, accountIds: number[], c: ContactSearch) {
    if (!accountIds.length) return [];
    return db
      .selectFrom('contacts')
      .select(['contacts.account_id', 'contacts.id', 'contacts.name', 'contacts.title', 'contacts.status'])
      .distinctOn('contacts.account_id')
      .where('contacts.account_id', 'in', accountIds)
      .where((eb) => contactMatch(eb, c))
      .orderBy('contacts.account_id')
      .orderBy('contacts.status')
      .orderBy('contacts.name')
      .orderBy('contacts.id')
      .execute();
  },

  /** Accounts per effective quadrant under the list's filters. */
  async quadrantCounts(db: Executor, f: ListConditions) {
    return db
      .selectFrom('accounts')
      .where(listWhere(f))
      .select(['accounts.quadrant', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('accounts.quadrant')
      .execute();
  },

  /**
   * The completeness KPI per owner over the caller's scope (optionally a unit subtree / owner):
   * accounts, sum of scores and how many reach `threshold`. Reads the stored score.
   */
  async completenessByOwner(db: Executor, f: ListConditions, threshold: number) {
    const perOwner = db
      .selectFrom('accounts')
      .where(listWhere(f))
      .select((eb) => [
        'accounts.owner_id',
        eb.fn.countAll<number>().as('accounts'),
        eb.fn.sum<number>('accounts.completeness').as('score_sum'),
        sql<number>`count(*) filter (where accounts.completeness >= ${threshold})`.as('complete'),
      ])
      .groupBy('accounts.owner_id');
    return db
      .selectFrom(perOwner.as('s'))
      .innerJoin('users as owner', 'owner.id', 's.owner_id')
      .select(['s.owner_id', 'owner.name as owner_name', 's.accounts', 's.score_sum', 's.complete'])
      .orderBy('owner.name')
      .orderBy('s.owner_id')
      .execute();
  },

  /** How many accounts in the same selection have each completeness field empty (one pass). */
  async emptyFieldCounts(db: Executor, f: ListConditions, columns: Record<string, string>) {
    const row = await db
      .selectFrom('accounts')
      .where(listWhere(f))
      .select((eb) => [
        ...Object.entries(columns).map(([field, column]) => {
          const col = sql.ref(`accounts.${column}`);
          return sql<number>`count(*) filter (where ${col} is null or ${col}::text = '')`.as(field);
        }),
        eb
          .fn.countAll<number>()
          .filterWhere(eb.not(eb.exists(eb.selectFrom('account_team as t').select('t.account_id').whereRef('t.account_id', '=', 'accounts.id'))))
          .as('team'),
      ])
      .executeTakeFirstOrThrow();
    return row as Record<string, number | string>;
  },

  async find(db: Executor, id: number, scope?: AccountScope) {
    let q = base(db).selectAll('accounts').select(['owner.name as owner_name', unitPathOf('accounts.unit_id').as('unit_name')]).where('accounts.id', '=', id);
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
  /** The lifecycle as another room's change moves it (moveLifecycle): no version bump, like the automatic moves. */
  async setLifecycle(db: Executor, id: number, lifecycle: string) {
    await db.updateTable('accounts').set({ lifecycle, updated_at: sql`now()` }).where('id', '=', id).execute();
  },
  /** Derived fields only (classification, completeness, coverage, quadrant, automatic lifecycle): no version bump, so editors are not made stale. */
  async setDerived(db: Executor, id: number, v: DerivedValues) {
    await db
      .updateTable('accounts')
      .set({ ...v, coverage_flags: JSON.stringify(v.coverage_flags), quadrant_factors: JSON.stringify(v.quadrant_factors), derived_at: sql`now()` })
      .where('id', '=', id)
      .execute();
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
  /** Replaces the rows people keep (import, contract, manual); the system's `signed` rows stay (syncSignedRevenue keeps them). */
  async replaceRevenue(db: Executor, accountId: number, rows: { year: number; source: string; amount: number; note: string }[]) {
    await db.deleteFrom('account_revenue').where('account_id', '=', accountId).where('source', '<>', 'signed').execute();
    if (rows.length) await db.insertInto('account_revenue').values(rows.map((r) => ({ account_id: accountId, ...r }))).execute();
  },
  /**
   * The `signed` revenue rows from the signed sales contracts and supplements, per sign year in the
   * business calendar (a terminated contract counts what it brought in). Decision 014.
   */
  async syncSignedRevenue(db: Executor, accountIds: number[]) {
    if (!accountIds.length) return;
    await db.deleteFrom('account_revenue').where('account_id', 'in', accountIds).where('source', '=', 'signed').execute();
    await sql`
      insert into account_revenue (account_id, year, source, amount, note)
      select c.account_id, extract(year from c.sign_date)::int, 'signed',
             sum(case when c.status = 'terminated' then (select coalesce(sum(i.paid_amount), 0) from contract_instalments i where i.contract_id = c.id) else c.amount end), ''
      from contracts c
      where c.account_id in (${sql.join(accountIds)}) and c.kind in ('sales', 'supplement') and c.sign_date is not null
        and c.status in ('signed', 'in_progress', 'completed', 'terminated')
      group by c.account_id, extract(year from c.sign_date)
      having sum(case when c.status = 'terminated' then (select coalesce(sum(i.paid_amount), 0) from contract_instalments i where i.contract_id = c.id) else c.amount end) > 0`.execute(db);
  },
  /** The accounts some contracts belong to (decision 014: their figures follow the contracts). */
  async accountsOfContracts(db: Executor, contractIds: number[]): Promise<number[]> {
    if (!contractIds.length) return [];
    const rows = await db.selectFrom('contracts').select('account_id').distinct().where('id', 'in', contractIds).execute();
    return rows.map((r) => Number(r.account_id));
  },
  /** Revenue per year of several accounts: the larger of the signed contracts and the ledger's other sources summed (decision 014). */
  async revenueByYear(db: Executor, accountIds: number[]) {
    if (!accountIds.length) return [];
    return db
      .selectFrom('account_revenue')
      .select(['account_id', 'year', YEAR_REVENUE.as('amount')])
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
      from (select account_id, year, ${YEAR_REVENUE} as amount from account_revenue
            where account_id in (select id from tree) group by account_id, year) r
      group by r.year order by r.year desc`.execute(db);
    return r.rows.map((x) => ({ year: Number(x.year), amount: Number(x.amount) }));
  },

  async insertChanges(db: Executor, rows: { accountId: number; field: string; from: string | null; to: string | null; reason: string; reasonKey: string | null; actorId: number | null; at?: Date }[]) {
    if (!rows.length) return;
    await db
      .insertInto('account_changes')
      .values(rows.map((r) => ({ account_id: r.accountId, field: r.field, from_value: r.from, to_value: r.to, reason: r.reason, reason_key: r.reasonKey, actor_id: r.actorId, ...(r.at && { at: r.at }) })))
      .execute();
  },
  async changes(db: Executor, accountId: number) {
    return db
      .selectFrom('account_changes')
      .leftJoin('users', 'users.id', 'account_changes.actor_id')
      .select(['account_changes.id', 'account_changes.field', 'account_changes.from_value', 'account_changes.to_value', 'account_changes.reason', 'account_changes.reason_key', 'account_changes.actor_id', 'users.name as actor_name', 'account_changes.at'])
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
  /**
   * Locked rows with everything their derived fields are computed from, set-based: children and team
   * size, the revenue per year, the contacts (only the columns coverage reads), the largest contract and
   * the longest overdue instalment, and when the account last came back from 流失 — each part grouped by
   * account over the ids, not one subquery per row. One account's refresh and the nightly batches alike.
   *
   * The rows are locked first, in id order, FOR NO KEY UPDATE — the lock an UPDATE of non-key
   * columns takes, which does not wait for the KEY SHARE that inserting a contact (or revenue, a
   * team member…) takes on its account; a FOR UPDATE there made two simultaneous contact creates
   * on one account deadlock. The read follows in its own statement, so a writer that waited for
   * the lock sees what the one before it committed (in one statement the other parts would keep the
   * snapshot from before the wait).
   */
  async rowsForRecomputeMany(db: Executor, ids: number[], today: string): Promise<RecomputeManyRow[]> {
    if (!ids.length) return [];
    const arr = sql`${ids}::bigint[]`;
    // the ids' range beside the list: each table's account index is read over the range instead of the
    // whole table scanned for a long list (the nightly run's ids are consecutive)
    const lo = Math.min(...ids);
    const hi = Math.max(...ids);
    await sql`select id from accounts where id = any(${arr}) and id between ${lo} and ${hi} order by id for no key update`.execute(db);
    const r = await sql<RecomputeManyRow>`
      with a as (select * from accounts where id = any(${arr}) and id between ${lo} and ${hi}),
      kids as (select parent_id as id, count(*) as n from accounts where parent_id = any(${arr}) and parent_id between ${lo} and ${hi} group by parent_id),
      team as (select account_id as id, count(*) as n from account_team where account_id = any(${arr}) and account_id between ${lo} and ${hi} group by account_id),
      rev as (
        select y.account_id as id, jsonb_agg(jsonb_build_object('year', y.year, 'amount', y.amount) order by y.year) as j
        from (select account_id, year, ${YEAR_REVENUE} as amount from account_revenue where account_id = any(${arr}) and account_id between ${lo} and ${hi} group by account_id, year) y
        group by y.account_id),
      big as (
        select c.account_id as id, max(c.amount + coalesce((select sum(s.amount) from contracts s where s.parent_id = c.id and s.kind = 'supplement' and s.status in ('signed', 'in_progress', 'completed')), 0)) as n
        from contracts c where c.account_id = any(${arr}) and c.account_id between ${lo} and ${hi} and c.kind = 'sales' and c.status in ('signed', 'in_progress', 'completed') group by c.account_id),
      od as (
        select i.account_id as id, max(${today}::date - i.due_date) as n
        from contract_instalments i join contracts c on c.id = i.contract_id
        where i.account_id = any(${arr}) and i.account_id between ${lo} and ${hi} and i.due_date < ${today}::date and i.paid_amount + i.written_off < i.amount and c.status in ('signed', 'in_progress', 'completed')
        group by i.account_id),
      ct as (
        select account_id as id, jsonb_agg(jsonb_build_object('id', id, 'account_id', account_id, 'status', status, 'buying_role', buying_role, 'is_guide', is_guide,
          'is_insider', is_insider, 'is_key_person', is_key_person, 'is_decider', is_decider, 'layer', layer, 'support', support, 'closeness', closeness,
          'influence', influence, 'stage', stage, 'competitor_leaning', competitor_leaning, 'last_contact_at', last_contact_at, 'created_at', created_at) order by id) as j
        from contacts where account_id = any(${arr}) and account_id between ${lo} and ${hi} group by account_id),
      rq as (select account_id as id, max(at) as at from account_changes where account_id = any(${arr}) and account_id between ${lo} and ${hi} and field = 'lifecycle' and from_value = 'lost' group by account_id)
      select a.*, coalesce(kids.n, 0) as child_count, coalesce(team.n, 0) as team_size, coalesce(rev.j, '[]'::jsonb) as revenue,
        coalesce(big.n, 0) as largest_contract, coalesce(od.n, 0) as max_overdue_days, coalesce(ct.j, '[]'::jsonb) as contact_rows, rq.at as requalified_at
      from a
      left join kids on kids.id = a.id left join team on team.id = a.id left join rev on rev.id = a.id left join big on big.id = a.id
      left join od on od.id = a.id left join ct on ct.id = a.id left join rq on rq.id = a.id
      order by a.id`.execute(db);
    return r.rows;
  },

  /** Writes the derived fields of many rows in one statement. */
  async setDerivedMany(db: Executor, rows: readonly ({ id: number } & DerivedValues)[]) {
    if (!rows.length) return;
    const data = JSON.stringify(rows);
    await sql`
      update accounts a set lifecycle = x.lifecycle, tier = x.tier, cat_premium = x.cat_premium, cat_high_value = x.cat_high_value, cat_group = x.cat_group,
        completeness = x.completeness, coverage_score = x.coverage_score, coverage_flags = x.coverage_flags, active_contacts = x.active_contacts,
        attractiveness = x.attractiveness, strength = x.strength, quadrant_computed = x.quadrant_computed, quadrant = x.quadrant,
        quadrant_factors = x.quadrant_factors, derived_at = now()
      from jsonb_to_recordset(${data}::jsonb) as x(id bigint, lifecycle text, tier text, cat_premium boolean, cat_high_value boolean, cat_group boolean,
        completeness int, coverage_score int, coverage_flags jsonb, active_contacts int, attractiveness int, strength int, quadrant_computed text,
        quadrant text, quadrant_factors jsonb)
      where a.id = x.id`.execute(db);
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

  async accountCreated(db: Executor, q: SourceQuery) {
    const at = ms('a.created_at');
    return db
      .selectFrom('accounts as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .select(['a.id', at.as('at'), 'a.created_by as actor_id', 'u.name as actor_name', 'a.name'])
      .where('a.id', '=', q.accountId)
      .where(after('account_created', q, at, 'a.id'))
      .execute();
  },
  /** Classification, lifecycle, owner and unit changes, and merges; not the starting lifecycle (the creation shows it). */
  async accountChanges(db: Executor, q: SourceQuery, merged: boolean, limit: number) {
    const kind = merged ? 'account_merged' : 'account_change';
    const at = ms('c.at');
    return db
      .selectFrom('account_changes as c')
      .leftJoin('users as u', 'u.id', 'c.actor_id')
      .select([
        'c.id',
        at.as('at'),
        'c.actor_id',
        'u.name as actor_name',
        'c.field',
        'c.from_value',
        'c.to_value',
        'c.reason',
        'c.reason_key',
        sql<string | null>`case when c.field = 'owner' then ${userNameOf('c.from_value')} when c.field = 'unit' then ${unitNameOf('c.from_value')} end`.as('from_name'),
        sql<string | null>`case when c.field = 'owner' then ${userNameOf('c.to_value')} when c.field = 'unit' then ${unitNameOf('c.to_value')} end`.as('to_name'),
      ])
      .where('c.account_id', '=', q.accountId)
      .where('c.field', merged ? '=' : '<>', 'merged')
      .where((eb) => eb.not(eb.and([eb('c.from_value', 'is', null), eb('c.field', '=', 'lifecycle'), eb('c.reason', '=', 'created')])))
      .where(after(kind, q, at, 'c.id'))
      .orderBy(at, 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  },
  // ---- accounts ----
  async countOwnedBy(db: Executor, userId: number) {
    return count(await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).executeTakeFirst());
  },
  async firstOwnedBy(db: Executor, userId: number, limit: number) {
    return db.selectFrom('accounts').select(['id', 'name as label']).where('owner_id', '=', userId).orderBy('name').orderBy('id').limit(limit).execute();
  },
  async moveOwnedTo(db: Executor, userId: number, successorId: number, actorId: number | null) {
    const rows = await db
      .updateTable('accounts')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .returning(['id', 'version'])
      .execute();
    if (rows.length) {
      await db
        .insertInto('account_changes')
        .values(rows.map((r) => ({ account_id: r.id, field: 'owner', from_value: String(userId), to_value: String(successorId), reason: 'handover', reason_key: 'handover', actor_id: actorId })))
        .execute();
    }
    return rows;
  },
  /** The next accounts of an export after `afterId` (keyset on the id), with the names the file shows. */
  async exportAccounts(db: Executor, f: AccountFilter, afterId: number, limit: number) {
    return this
      .filtered(db, f)
      .leftJoin('accounts as parent', 'parent.id', 'accounts.parent_id')
      .selectAll('accounts')
      .select(['owner.username as owner_username', 'owner.name as owner_name', unitPathOf('accounts.unit_id').as('unit_name'), 'parent.name as parent_name'])
      .where('accounts.id', '>', afterId)
      .orderBy('accounts.id')
      .limit(limit)
      .execute();
  },
};
