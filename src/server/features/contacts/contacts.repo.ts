import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { ContactRelationshipHistoryTable, ContactTable, DB } from '../../db/schema';
import { containsPattern } from '../../platform/listing';
import { inUnitSubtree, type AccountScope } from '../../platform/scope';
import { after, dayStart, ms, userNameOf } from '../../platform/timeline.repo';
import type { SourceQuery } from '../../platform/timeline';
import { unitPathOf } from '../../platform/org.repo';

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

export type ContactValues = Updateable<ContactTable>;
export type ContactSortColumn = 'name' | 'created_at' | 'updated_at' | 'support' | 'closeness' | 'influence' | 'stage' | 'last_contact_at';

/** What narrows the contact list (and its export). */
export interface ContactFilter {
  /** the caller's scope over the contact's account: a contact is visible iff its account is */
  scope: AccountScope;
  accountId?: number;
  q?: string;
  buyingRole?: string;
  stage?: string;
  status?: string;
}

export interface ContactListFilter extends ContactFilter {
  sort: { column: ContactSortColumn; desc: boolean };
  limit: number;
  offset: number;
}

const STAGE_ORDER = sql.raw(`array['acquainted','interested','trusting','ally']`);

function base(db: Executor, scope: AccountScope) {
  return db
    .selectFrom('contacts')
    .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
    .leftJoin('users as owner', 'owner.id', 'contacts.our_owner_id')
    .where(scope);
}

const LIST_COLUMNS = [
  'contacts.id',
  'contacts.account_id',
  'accounts.name as account_name',
  'contacts.name',
  'contacts.gender',
  'contacts.department',
  'contacts.title',
  'contacts.mobile',
  'contacts.office_phone',
  'contacts.email',
  'contacts.buying_role',
  'contacts.is_guide',
  'contacts.is_insider',
  'contacts.is_key_person',
  'contacts.is_decider',
  'contacts.layer',
  'contacts.decision_right',
  'contacts.influence',
  'contacts.support',
  'contacts.closeness',
  'contacts.expertise',
  'contacts.stage',
  'contacts.personality_type',
  'contacts.competitor_leaning',
  'contacts.our_owner_id',
  'owner.name as owner_name',
  'contacts.reports_to_id',
  'contacts.assistant_of_id',
  'contacts.status',
  'contacts.left_at',
  'contacts.last_contact_at',
  'contacts.version',
  'contacts.updated_at',
] as const;

export const contactsRepo = {
  /** Contacts (joined with account and our owner) that pass the filter; list and export build on it. */
  filtered(db: Executor, f: ContactFilter) {
    let q = base(db, f.scope);
    if (f.accountId) q = q.where('contacts.account_id', '=', f.accountId);
    if (f.q) {
      const like = containsPattern(f.q);
      q = q.where((eb) =>
        eb.or([
          eb('contacts.name', 'ilike', like),
          eb('contacts.department', 'ilike', like),
          eb('contacts.title', 'ilike', like),
          eb('contacts.mobile', 'like', like),
          eb('accounts.name', 'ilike', like),
        ]),
      );
    }
    if (f.buyingRole) q = q.where('contacts.buying_role', '=', f.buyingRole);
    if (f.stage) q = q.where('contacts.stage', '=', f.stage);
    if (f.status) q = q.where('contacts.status', '=', f.status);
    return q;
  },

  async list(db: Executor, f: ContactListFilter) {
    const q = contactsRepo.filtered(db, f);
    const dir = f.sort.desc ? 'desc' : 'asc';
    const sortExpr = f.sort.column === 'stage' ? sql`array_position(${STAGE_ORDER}, contacts.stage)` : sql.ref(`contacts.${f.sort.column}`);
    const [items, count] = await Promise.all([
      q
        .select(LIST_COLUMNS)
        .orderBy(sortExpr, (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('contacts.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** Every contact of one account, for the relationship map: left ones last. */
  async ofAccount(db: Executor, accountId: number, scope: AccountScope) {
    return base(db, scope)
      .select(LIST_COLUMNS)
      .where('contacts.account_id', '=', accountId)
      .orderBy('contacts.status')
      .orderBy('contacts.name')
      .orderBy('contacts.id')
      .execute();
  },

  async find(db: Executor, id: number, scope: AccountScope) {
    return base(db, scope)
      .selectAll('contacts')
      .select(['accounts.name as account_name', 'accounts.owner_id as account_owner_id', 'owner.name as owner_name'])
      .where('contacts.id', '=', id)
      .executeTakeFirst();
  },

  async findForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .selectAll('contacts')
      .select('accounts.owner_id as account_owner_id')
      .where('contacts.id', '=', id)
      .where(scope)
      .forUpdate('contacts')
      .executeTakeFirst();
  },

  async accountInScope(db: Executor, accountId: number, scope: AccountScope) {
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.owner_id']).where('accounts.id', '=', accountId).where(scope).executeTakeFirst();
  },

  /** Who reports to whom among the account's contacts (for the cycle check). */
  async reportingLines(db: Executor, accountId: number) {
    return db.selectFrom('contacts').select(['id', 'reports_to_id']).where('account_id', '=', accountId).execute();
  },

  async accountOf(db: Executor, contactId: number) {
    return db.selectFrom('contacts').select(['id', 'account_id', 'assistant_of_id']).where('id', '=', contactId).executeTakeFirst();
  },

  async insert(db: Executor, values: Insertable<ContactTable>) {
    return db.insertInto('contacts').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Executor, id: number, values: ContactValues) {
    return db
      .updateTable('contacts')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async insertHistory(db: Executor, rows: Insertable<ContactRelationshipHistoryTable>[]) {
    if (rows.length) await db.insertInto('contact_relationship_history').values(rows).execute();
  },

  async history(db: Executor, contactId: number) {
    return db
      .selectFrom('contact_relationship_history as h')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.id', 'h.field', 'h.from_value', 'h.to_value', 'h.evidence', 'h.activity_id', 'h.occurred_on', 'h.actor_id', 'u.name as actor_name', 'h.at'])
      .where('h.contact_id', '=', contactId)
      .orderBy('h.occurred_on', 'desc')
      .orderBy('h.id', 'desc')
      .execute();
  },

  /** The columns the coverage rules read, for the given accounts (all their contacts). */
  async coverageRows(db: Executor, accountIds: number[]) {
    if (!accountIds.length) return [];
    return db
      .selectFrom('contacts')
      .select([
        'id',
        'account_id',
        'status',
        'buying_role',
        'is_guide',
        'is_insider',
        'is_key_person',
        'is_decider',
        'layer',
        'support',
        'closeness',
        'influence',
        'stage',
        'competitor_leaning',
        'last_contact_at',
        'created_at',
      ])
      .where('account_id', 'in', accountIds)
      .execute();
  },

  /** Accounts in scope (optionally a unit subtree) by stored coverage score, then name; one page and the total. */
  async coverageList(db: Executor, f: { scope: AccountScope; unitId?: number; limit: number; offset: number }) {
    const where = (eb: ExpressionBuilder<DB, 'accounts'>) => eb.and([f.scope(eb), ...(f.unitId ? [inUnitSubtree(f.unitId)(eb)] : [])]);
    const [items, count] = await Promise.all([
      db
        .selectFrom('accounts')
        .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
        .innerJoin('org_units as unit', 'unit.id', 'accounts.unit_id')
        .where(where)
        .select(['accounts.id', 'accounts.name', 'accounts.owner_id', 'owner.name as owner_name', 'accounts.unit_id', unitPathOf('accounts.unit_id').as('unit_name'), 'accounts.coverage_score', 'accounts.coverage_flags', 'accounts.active_contacts'])
        .orderBy('accounts.coverage_score')
        .orderBy('accounts.name')
        .orderBy('accounts.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      // the joins cannot drop rows (non-null foreign keys), so the count reads accounts alone
      db.selectFrom('accounts').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  async contactsAdded(db: Executor, q: SourceQuery, limit: number) {
    const at = ms('c.created_at');
    return db
      .selectFrom('contacts as c')
      .leftJoin('users as u', 'u.id', 'c.created_by')
      .select(['c.id', at.as('at'), 'c.created_by as actor_id', 'u.name as actor_name', 'c.name', 'c.title'])
      .where('c.account_id', '=', q.accountId)
      .where(after('contact_added', q, at, 'c.id'))
      .orderBy(at, 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  },
  /** The day a contact left is a business date: the event sits at its start. */
  async contactsLeft(db: Executor, q: SourceQuery, limit: number) {
    const at = dayStart('c.left_at', q.tz);
    return db
      .selectFrom('contacts as c')
      .select(['c.id', at.as('at'), 'c.name', 'c.title', 'c.left_note'])
      .where('c.account_id', '=', q.accountId)
      .where('c.status', '=', 'left')
      .where('c.left_at', 'is not', null)
      .where(after('contact_left', q, at, 'c.id'))
      .orderBy(at, 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  },
  /**
   * Relationship changes after the starting state (that one is the contact's creation). A change
   * recorded on the day it happened sits at the moment it was recorded; a backdated one at the
   * start of the day it happened.
   */
  async relationshipChanges(db: Executor, q: SourceQuery, limit: number) {
    const sameDay = sql<boolean>`(h.occurred_on = (h.at at time zone ${q.tz})::date)`;
    const at = sql<Date>`(case when ${sameDay} then date_trunc('milliseconds', h.at) else (h.occurred_on::timestamp at time zone ${q.tz}) end)`;
    return db
      .selectFrom('contact_relationship_history as h')
      .innerJoin('contacts as c', 'c.id', 'h.contact_id')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select([
        'h.id',
        at.as('at'),
        sql<boolean>`not ${sameDay}`.as('date_only'),
        'h.actor_id',
        'u.name as actor_name',
        'c.name as contact_name',
        'h.field',
        'h.from_value',
        'h.to_value',
        'h.evidence',
        'h.occurred_on',
        sql<string | null>`case when h.field = 'owner' then ${userNameOf('h.from_value')} end`.as('from_name'),
        sql<string | null>`case when h.field = 'owner' then ${userNameOf('h.to_value')} end`.as('to_name'),
      ])
      .where('c.account_id', '=', q.accountId)
      .where('h.from_value', 'is not', null)
      .where(after('relationship_change', q, at, 'h.id'))
      .orderBy(at, 'desc')
      .orderBy('h.id', 'desc')
      .limit(limit)
      .execute();
  },
  // ---- contacts (where the leaver is our relationship owner) ----
  async countOursBy(db: Executor, userId: number) {
    return count(await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('our_owner_id', '=', userId).executeTakeFirst());
  },
  async firstOursBy(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select(['contacts.id', sql<string>`contacts.name || ' · ' || accounts.name`.as('label')])
      .where('contacts.our_owner_id', '=', userId)
      .orderBy('contacts.name')
      .orderBy('contacts.id')
      .limit(limit)
      .execute();
  },
  async moveOursTo(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('contacts')
      .set({ our_owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('our_owner_id', '=', userId)
      .returning(['id'])
      .execute();
  },
  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('contacts').set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` }).where('account_id', '=', fromId).returning('id').execute();
  },
  /** The next contacts of an export after `afterId`, with their account's name, code and owner. */
  async exportContacts(db: Executor, f: ContactFilter, afterId: number, limit: number) {
    return this
      .filtered(db, f)
      .selectAll('contacts')
      .select(['accounts.name as account_name', 'accounts.credit_code as account_credit_code', 'accounts.owner_id as account_owner_id', 'owner.username as owner_username', 'owner.name as owner_name'])
      .where('contacts.id', '>', afterId)
      .orderBy('contacts.id')
      .limit(limit)
      .execute();
  },
  /** Does the user own an account among those the filter reaches (the personal details of its contacts are theirs to see)? */
  async ownsAnyContactAccount(db: Executor, f: ContactFilter, userId: number) {
    const r = await this.filtered(db, f).select('contacts.id').where('accounts.owner_id', '=', userId).limit(1).executeTakeFirst();
    return r !== undefined;
  },
};
