import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/schema';
import { DETRACTOR_TO, PROMOTER_FROM, SATISFIED_FROM, type InvitationReason, type InvitationStatus, type ScoreCounts } from '../../../shared/domain/surveys';
import type { ScoreGroup } from '../../../shared/contracts/surveys';
import { containsPattern, type SortSpec } from '../../platform/listing';
import type { AccountScope } from '../../platform/scope';

type Where = (eb: ExpressionBuilder<DB, 'survey_invitations' | 'accounts'>) => Expression<SqlBool>;

/** The SQL condition of each state (now() of the statement). */
const STATUS_SQL: Record<InvitationStatus, ReturnType<typeof sql<SqlBool>>> = {
  pending: sql<SqlBool>`(survey_invitations.answered_at is null and survey_invitations.revoked_at is null and survey_invitations.expires_at > now())`,
  answered: sql<SqlBool>`survey_invitations.answered_at is not null`,
  expired: sql<SqlBool>`(survey_invitations.answered_at is null and survey_invitations.revoked_at is null and survey_invitations.expires_at <= now())`,
  revoked: sql<SqlBool>`survey_invitations.revoked_at is not null`,
};

/** Accounts of a unit and its subtree (a filter, not a scope). */
const inUnit = (unitId: number) =>
  sql<SqlBool>`accounts.unit_id = any(array(select ou.id from org_units ou where ou.path like (select top.path || '%' from org_units top where top.id = ${unitId})))`;

export interface InvitationFilter {
  scope: AccountScope;
  q?: string;
  accountId?: number;
  contactId?: number;
  ownerId?: number;
  unitId?: number;
  statuses?: InvitationStatus[];
  reason?: InvitationReason;
  /** created at or after / before (instants) */
  from?: Date;
  to?: Date;
}

export const INVITATION_SORT_COLUMNS = {
  createdAt: 'survey_invitations.id',
  expiresAt: 'survey_invitations.expires_at',
  answeredAt: 'survey_invitations.answered_at',
  csat: 'survey_invitations.csat',
  nps: 'survey_invitations.nps',
  account: 'accounts.name',
} as const;
type SortColumn = (typeof INVITATION_SORT_COLUMNS)[keyof typeof INVITATION_SORT_COLUMNS];

function filtered(db: Executor, f: InvitationFilter) {
  let q = db.selectFrom('survey_invitations').innerJoin('accounts', 'accounts.id', 'survey_invitations.account_id').where(f.scope as unknown as Where);
  if (f.accountId) q = q.where('survey_invitations.account_id', '=', f.accountId);
  if (f.contactId) q = q.where('survey_invitations.contact_id', '=', f.contactId);
  if (f.ownerId) q = q.where('accounts.owner_id', '=', f.ownerId);
  if (f.unitId) q = q.where(inUnit(f.unitId));
  if (f.reason) q = q.where('survey_invitations.reason', '=', f.reason);
  if (f.statuses?.length) q = q.where(sql<SqlBool>`(${sql.join(f.statuses.map((s) => STATUS_SQL[s]), sql` or `)})`);
  if (f.from) q = q.where('survey_invitations.created_at', '>=', f.from);
  if (f.to) q = q.where('survey_invitations.created_at', '<', f.to);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where(sql<SqlBool>`(accounts.name ilike ${p} or accounts.short_name ilike ${p} or exists (select 1 from contacts qc where qc.id = survey_invitations.contact_id and qc.name ilike ${p}))`);
  }
  return q;
}

const ROW_COLUMNS = [
  'survey_invitations.id',
  'survey_invitations.account_id',
  'accounts.name as account_name',
  'accounts.owner_id',
  'survey_invitations.contact_id',
  'survey_invitations.reason',
  'survey_invitations.ticket_id',
  'survey_invitations.question_set',
  'survey_invitations.created_by',
  'survey_invitations.created_at',
  'survey_invitations.issued_at',
  'survey_invitations.expires_at',
  'survey_invitations.emailed_at',
  'survey_invitations.revoked_at',
  'survey_invitations.revoked_by',
  'survey_invitations.answered_at',
  'survey_invitations.csat',
  'survey_invitations.nps',
  'survey_invitations.item_scores',
  'survey_invitations.comment',
] as const;

function withNames<Q extends ReturnType<typeof filtered>>(q: Q) {
  return q
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .innerJoin('org_units as unit', 'unit.id', 'accounts.unit_id')
    .innerJoin('contacts as contact', 'contact.id', 'survey_invitations.contact_id')
    .leftJoin('users as creator', 'creator.id', 'survey_invitations.created_by')
    .leftJoin('users as revoker', 'revoker.id', 'survey_invitations.revoked_by')
    .select([
      ...ROW_COLUMNS,
      'owner.name as owner_name',
      'unit.name as unit_name',
      'contact.name as contact_name',
      sql<boolean>`coalesce(nullif(trim(contact.email), ''), null) is not null`.as('contact_has_email'),
      'creator.name as created_by_name',
      'revoker.name as revoked_by_name',
    ]);
}

export type InvitationRow = Awaited<ReturnType<typeof surveysRepo.find>> & object;

const counts = (r: { answers: number | string | bigint; csat_sum: number | string | null; satisfied: number | string | bigint; promoters: number | string | bigint; detractors: number | string | bigint }): ScoreCounts => ({
  answers: Number(r.answers),
  csatSum: Number(r.csat_sum ?? 0),
  satisfied: Number(r.satisfied),
  promoters: Number(r.promoters),
  detractors: Number(r.detractors),
});

/** What scores are made of, over the rows of a query on survey_invitations. */
const COUNT_COLUMNS = [
  sql<string>`count(*)`.as('answers'),
  sql<string | null>`sum(survey_invitations.csat)`.as('csat_sum'),
  sql<string>`count(*) filter (where survey_invitations.csat >= ${SATISFIED_FROM})`.as('satisfied'),
  sql<string>`count(*) filter (where survey_invitations.nps >= ${PROMOTER_FROM})`.as('promoters'),
  sql<string>`count(*) filter (where survey_invitations.nps <= ${DETRACTOR_TO})`.as('detractors'),
  sql<Date | null>`max(survey_invitations.answered_at)`.as('last_answered_at'),
] as const;

/** The column a scores report groups by, over `accounts`: the account, its owner or its unit. */
const GROUP_KEY: Record<ScoreGroup, string> = { account: 'accounts.id', owner: 'accounts.owner_id', unit: 'accounts.unit_id' };

export interface ScoreFilter {
  scope: AccountScope;
  accountId?: number;
  ownerId?: number;
  unitId?: number;
  /** [from, to) instants */
  from: Date;
  to: Date;
}

/** The invitations of a scores query: over the accounts in scope and the filter's account, owner and unit. */
function scored(db: Executor, f: ScoreFilter) {
  let q = db.selectFrom('survey_invitations').innerJoin('accounts', 'accounts.id', 'survey_invitations.account_id').where(f.scope as unknown as Where);
  if (f.accountId) q = q.where('accounts.id', '=', f.accountId);
  if (f.ownerId) q = q.where('accounts.owner_id', '=', f.ownerId);
  if (f.unitId) q = q.where(inUnit(f.unitId));
  return q;
}
const answeredIn = (q: ReturnType<typeof scored>, f: ScoreFilter) => q.where('survey_invitations.answered_at', '>=', f.from).where('survey_invitations.answered_at', '<', f.to);

export const surveysRepo = {
  async list(db: Executor, f: InvitationFilter, sort: SortSpec<SortColumn>, page: { limit: number; offset: number }) {
    return withNames(filtered(db, f))
      .orderBy(sql.ref(sort.column), (ob) => (sort.desc ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('survey_invitations.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },
  async count(db: Executor, f: InvitationFilter) {
    const r = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async find(db: Executor, id: number, scope: AccountScope) {
    return withNames(filtered(db, { scope }).where('survey_invitations.id', '=', id)).executeTakeFirst();
  },
  /** The invitation's state columns, locked, in the caller's scope. */
  async lock(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('survey_invitations')
      .innerJoin('accounts', 'accounts.id', 'survey_invitations.account_id')
      .select(['survey_invitations.id', 'survey_invitations.account_id', 'survey_invitations.answered_at', 'survey_invitations.revoked_at', 'survey_invitations.expires_at', 'survey_invitations.contact_id'])
      .where('survey_invitations.id', '=', id)
      .where(scope as unknown as Where)
      .forUpdate('survey_invitations')
      .executeTakeFirst();
  },
  /** The account (in scope) and one of its contacts with its e-mail; undefined when either is missing. */
  async accountAndContact(db: Executor, accountId: number, contactId: number, scope: AccountScope | null) {
    let q = db
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select(['accounts.id as account_id', 'accounts.name as account_name', 'accounts.owner_id', 'contacts.id as contact_id', 'contacts.name as contact_name', 'contacts.email', 'contacts.status'])
      .where('contacts.id', '=', contactId)
      .where('contacts.account_id', '=', accountId);
    if (scope) q = q.where(scope);
    return q.executeTakeFirst();
  },
  async ownerOf(db: Executor, accountId: number) {
    return db.selectFrom('accounts').select(['owner_id', sql<string>`coalesce(nullif(trim(short_name), ''), name)`.as('name')]).where('id', '=', accountId).executeTakeFirst();
  },
  /** Who an invitation concerns, for the owner's notice. */
  async namesOf(db: Executor, id: number) {
    return db
      .selectFrom('survey_invitations')
      .innerJoin('accounts', 'accounts.id', 'survey_invitations.account_id')
      .innerJoin('contacts', 'contacts.id', 'survey_invitations.contact_id')
      .select(['accounts.owner_id', 'accounts.name as account_name', 'contacts.name as contact_name'])
      .where('survey_invitations.id', '=', id)
      .executeTakeFirst();
  },
  async accountInScope(db: Executor, accountId: number, scope: AccountScope) {
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.name', 'accounts.owner_id']).where('accounts.id', '=', accountId).where(scope).executeTakeFirst();
  },
  async insert(
    db: Executor,
    v: { accountId: number; contactId: number; reason: InvitationReason; ticketId?: number | null; scheduleKey?: string | null; questionSet: number; tokenHash: string; expiryDays: number; createdBy: number | null },
  ) {
    return db
      .insertInto('survey_invitations')
      .values({
        account_id: v.accountId,
        contact_id: v.contactId,
        reason: v.reason,
        ticket_id: v.ticketId ?? null,
        schedule_key: v.scheduleKey ?? null,
        question_set: v.questionSet,
        token_hash: v.tokenHash,
        expires_at: sql<Date>`now() + make_interval(days => ${v.expiryDays})`,
        created_by: v.createdBy,
      })
      .onConflict((oc) => oc.doNothing())
      .returning(['id'])
      .executeTakeFirst();
  },
  /** A new link for an invitation neither answered nor revoked: the old hash is replaced (its link stops working). */
  async reissue(db: Executor, id: number, tokenHash: string, expiryDays: number) {
    return db
      .updateTable('survey_invitations')
      .set({ token_hash: tokenHash, issued_at: sql`now()`, expires_at: sql<Date>`now() + make_interval(days => ${expiryDays})`, emailed_at: null })
      .where('id', '=', id)
      .where('answered_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning(['id'])
      .executeTakeFirst();
  },
  async revoke(db: Executor, id: number, by: number) {
    return db
      .updateTable('survey_invitations')
      .set({ revoked_at: sql`now()`, revoked_by: by })
      .where('id', '=', id)
      .where('answered_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['id'])
      .executeTakeFirst();
  },

  // ---- the public link ----

  /** A pending invitation by its token's hash, with what the public page shows; undefined otherwise. */
  async openByHash(db: Executor, tokenHash: string) {
    return db
      .selectFrom('survey_invitations')
      .innerJoin('accounts', 'accounts.id', 'survey_invitations.account_id')
      .select(['survey_invitations.id', 'survey_invitations.question_set', 'survey_invitations.expires_at', sql<string>`coalesce(nullif(trim(accounts.short_name), ''), accounts.name)`.as('account_name')])
      .where('survey_invitations.token_hash', '=', tokenHash)
      .where(STATUS_SQL.pending)
      .executeTakeFirst();
  },
  /**
   * Answers and so consumes the pending invitation of the hash, in one guarded update: of any number of
   * simultaneous answers exactly one finds it still unanswered. Undefined: it was not pending.
   */
  async consume(db: Executor, tokenHash: string, a: { csat: number; nps: number; items: Record<string, number>; comment: string | null }) {
    return db
      .updateTable('survey_invitations')
      .set({ answered_at: sql`now()`, csat: a.csat, nps: a.nps, item_scores: JSON.stringify(a.items), comment: a.comment })
      .where('token_hash', '=', tokenHash)
      .where('answered_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['id', 'account_id', 'contact_id', 'csat', 'nps'])
      .executeTakeFirst();
  },
  /** Counts one request of `ip` in the current minute; returns the minute's count so far. */
  async hit(db: Executor, ip: string) {
    const r = await db
      .insertInto('survey_rate_hits')
      .values({ ip, window_start: sql`date_trunc('minute', now())` })
      .onConflict((oc) => oc.columns(['ip', 'window_start']).doUpdateSet({ hits: sql`survey_rate_hits.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    return Number(r.hits);
  },
  async pruneHits(db: Executor) {
    const r = await db.deleteFrom('survey_rate_hits').where('window_start', '<', sql<Date>`now() - interval '1 day'`).executeTakeFirst();
    return Number(r.numDeletedRows ?? 0);
  },

  // ---- e-mail ----

  async queueEmail(db: Executor, invitationId: number, token: string, email: string) {
    await db
      .insertInto('survey_email_outbox')
      .values({ invitation_id: invitationId, token, email })
      .onConflict((oc) => oc.column('invitation_id').doUpdateSet({ token, email }))
      .execute();
  },
  async dropEmail(db: Executor, invitationId: number) {
    await db.deleteFrom('survey_email_outbox').where('invitation_id', '=', invitationId).execute();
  },
  /** The outbox entry with what the e-mail says, while the invitation is still pending. */
  async emailToSend(db: Executor, invitationId: number) {
    return db
      .selectFrom('survey_email_outbox as o')
      .innerJoin('survey_invitations', 'survey_invitations.id', 'o.invitation_id')
      .innerJoin('accounts', 'accounts.id', 'survey_invitations.account_id')
      .innerJoin('contacts as c', 'c.id', 'survey_invitations.contact_id')
      .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
      .select(['o.token', 'o.email', 'survey_invitations.expires_at', 'c.name as contact_name', 'owner.name as owner_name', sql<string>`coalesce(nullif(trim(accounts.short_name), ''), accounts.name)`.as('account_name')])
      .where('o.invitation_id', '=', invitationId)
      .where(STATUS_SQL.pending)
      .executeTakeFirst();
  },
  async markEmailed(db: Executor, invitationId: number) {
    await db.updateTable('survey_invitations').set({ emailed_at: sql`now()` }).where('id', '=', invitationId).execute();
  },

  // ---- the schedule ----

  /**
   * Accounts in the lifecycle stages the schedule surveys with no invitation (revoked ones aside) since
   * `since`, with what their cadence depends on and the business day of their last invitation.
   */
  async scheduleCandidates(db: Executor, lifecycles: string[], since: Date, tz: string) {
    if (!lifecycles.length) return [];
    return db
      .selectFrom('accounts')
      .select([
        'accounts.id',
        'accounts.tier',
        'accounts.grade',
        'accounts.cat_strategic',
        'accounts.owner_id',
        sql<string | null>`(select to_char(max(s.created_at) at time zone ${tz}, 'YYYY-MM-DD') from survey_invitations s where s.account_id = accounts.id and s.revoked_at is null)`.as('last_on'),
      ])
      .where('accounts.lifecycle', 'in', lifecycles)
      .where(sql<SqlBool>`not exists (select 1 from survey_invitations s where s.account_id = accounts.id and s.revoked_at is null and s.created_at > ${since})`)
      .execute();
  },
  /**
   * Each account's primary contact: active, key people first, then deciders, then by influence; the
   * earliest recorded among equals. Accounts without an active contact are missing from the answer.
   */
  async primaryContacts(db: Executor, accountIds: number[]) {
    if (!accountIds.length) return [];
    const r = await sql<{ id: number; account_id: number; name: string; email: string | null }>`
      select distinct on (c.account_id) c.id, c.account_id, c.name, c.email
      from contacts c
      where c.account_id = any(${accountIds}::bigint[]) and c.status = 'active'
      order by c.account_id, c.is_key_person desc, c.is_decider desc, c.influence desc nulls last, c.id`.execute(db);
    return r.rows.map((x) => ({ ...x, id: Number(x.id), account_id: Number(x.account_id) }));
  },

  // ---- scores ----

  /** Answers in [from, to) per group: the counts scores are made of, and the latest answer. */
  async scoreCounts(db: Executor, f: ScoreFilter, groupBy: ScoreGroup) {
    const key = GROUP_KEY[groupBy];
    const rows = await answeredIn(scored(db, f), f)
      .select([sql<number>`${sql.raw(key)}`.as('key'), ...COUNT_COLUMNS])
      .groupBy(sql.raw(key))
      .execute();
    return rows.map((x) => ({ key: Number(x.key), counts: counts(x), lastAnsweredAt: x.last_answered_at }));
  },
  /** The names of a report's groups: accounts (short name first), users or units by id. */
  async groupNames(db: Executor, groupBy: ScoreGroup, ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows =
      groupBy === 'account'
        ? await db.selectFrom('accounts').select(['id', sql<string>`coalesce(nullif(trim(short_name), ''), name)`.as('name')]).where('id', 'in', ids).execute()
        : groupBy === 'owner'
          ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
          : await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  },
  /** The mean of each 1–5 item per group over the answers in [from, to), as sums and counts. */
  async itemSums(db: Executor, f: ScoreFilter, groupBy: ScoreGroup) {
    const key = GROUP_KEY[groupBy];
    const rows = await answeredIn(scored(db, f), f)
      .innerJoin(sql<{ key: string; value: string }>`jsonb_each_text(survey_invitations.item_scores)`.as('item'), (j) => j.onTrue())
      .select([sql<number>`${sql.raw(key)}`.as('key'), 'item.key as item', sql<string>`sum(item.value::int)`.as('sum'), sql<string>`count(*)`.as('n')])
      .groupBy([sql.raw(key), 'item.key'])
      .execute();
    return rows.map((x) => ({ key: Number(x.key), item: x.item, sum: Number(x.sum), n: Number(x.n) }));
  },
  /** Invitations sent in [from, to) per group (revoked ones left out) and how many of those were answered. */
  async sentCounts(db: Executor, f: ScoreFilter, groupBy: ScoreGroup) {
    const key = GROUP_KEY[groupBy];
    const rows = await scored(db, f)
      .where('survey_invitations.revoked_at', 'is', null)
      .where('survey_invitations.created_at', '>=', f.from)
      .where('survey_invitations.created_at', '<', f.to)
      .select([sql<number>`${sql.raw(key)}`.as('key'), sql<string>`count(*)`.as('sent'), sql<string>`count(survey_invitations.answered_at)`.as('answered')])
      .groupBy(sql.raw(key))
      .execute();
    return rows.map((x) => ({ key: Number(x.key), sent: Number(x.sent), answered: Number(x.answered) }));
  },
  /** The counts per month (YYYY-MM of the business time zone) of the answers in [from, to). */
  async monthly(db: Executor, f: ScoreFilter, tz: string) {
    const month = sql<string>`to_char(survey_invitations.answered_at at time zone ${tz}, 'YYYY-MM')`;
    const rows = await answeredIn(scored(db, f), f).select([month.as('month'), ...COUNT_COLUMNS]).groupBy(sql`1`).execute(); // by position: the time zone is a parameter
    return rows.map((x) => ({ month: x.month, counts: counts(x) }));
  },
  /** Per account of `accountIds` (no scope: the health score's input), the counts of its answers in [from, to). */
  async countsOfAccounts(db: Executor, accountIds: number[], from: Date, to: Date) {
    if (!accountIds.length) return [];
    const rows = await db
      .selectFrom('survey_invitations')
      .select(['survey_invitations.account_id', ...COUNT_COLUMNS])
      .where(sql<SqlBool>`survey_invitations.account_id = any(${accountIds}::bigint[])`)
      .where('survey_invitations.answered_at', '>=', from)
      .where('survey_invitations.answered_at', '<', to)
      .groupBy('survey_invitations.account_id')
      .execute();
    return rows.map((x) => ({ accountId: Number(x.account_id), counts: counts(x), lastAnsweredAt: x.last_answered_at }));
  },

  // ---- merge ----

  async countOfAccount(db: Executor, accountId: number) {
    const r = await db.selectFrom('survey_invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /**
   * Moves an account's invitations to another; a scheduled one whose day the target already has keeps
   * its day with its id appended (one scheduled invitation per account and day).
   */
  async moveToAccount(db: Executor, sourceId: number, targetId: number) {
    return db
      .updateTable('survey_invitations')
      .set({
        account_id: targetId,
        schedule_key: sql`case when survey_invitations.schedule_key is not null and exists (select 1 from survey_invitations t where t.account_id = ${targetId} and t.schedule_key = survey_invitations.schedule_key) then survey_invitations.schedule_key || '#' || survey_invitations.id else survey_invitations.schedule_key end`,
      })
      .where('account_id', '=', sourceId)
      .returning(['id'])
      .execute();
  },
};
