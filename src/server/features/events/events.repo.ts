import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/schema';
import { containsPattern } from '../../platform/listing';
import type { AccountScope, OwnedScope } from '../../platform/scope';
import type { SourceQuery } from '../../platform/timeline';
import { after, dayStart, ms } from '../../platform/timeline.repo';
import type { CustomerEventTable, EventInvitationTable, ServiceLogTable } from './events.tables';

export type EventScope = OwnedScope<'customer_events'>;
/** Which invitations of an event the caller sees in full: all (the organiser) or those of accounts in scope. */
export type GuestScope = 'all' | AccountScope;

const EVENT_COLUMNS = [
  'e.id',
  'e.kind',
  'e.title',
  'e.status',
  'e.owner_id',
  'e.unit_id',
  'e.starts_at',
  'e.ends_at',
  'e.venue',
  'e.capacity',
  'e.budget',
  'e.agenda',
  'e.approval_id',
  'e.submitted_at',
  'e.decided_at',
  'e.held_at',
  'e.closed_at',
  'e.summary',
  'e.cancel_reason',
  'e.over_budget_noticed',
  'e.version',
] as const;

/** The event's guests counted, and what it has spent (fen), as columns of a query on `customer_events as e`. */
function withFigures(q: ReturnType<typeof joined>) {
  return q
    .select(sql<number>`(select count(*) from event_invitations i where i.event_id = e.id)`.as('invited'))
    .select(sql<number>`(select count(*) from event_invitations i where i.event_id = e.id and i.response = 'registered')`.as('registered'))
    .select(sql<number>`(select count(*) from event_invitations i where i.event_id = e.id and i.response = 'declined')`.as('declined'))
    .select(sql<number>`(select count(*) from event_invitations i where i.event_id = e.id and i.attended)`.as('attended'))
    .select(sql<number>`(select coalesce(sum(c.amount), 0) from event_costs c where c.event_id = e.id)`.as('spent'));
}

function joined(db: Executor) {
  return db
    .selectFrom('customer_events as e')
    .innerJoin('users as owner', 'owner.id', 'e.owner_id')
    .innerJoin('org_units as unit', 'unit.id', 'e.unit_id')
    .select(EVENT_COLUMNS)
    .select(['owner.name as owner_name', 'unit.name as unit_name']);
}

export interface EventFilter {
  scope: EventScope;
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  kind?: string;
  status?: string;
  accountId?: number;
  /** with accountId: the caller's scope over that account */
  accountScope?: AccountScope;
  q?: string;
  limit: number;
  offset: number;
}

export const eventsRepo = {
  async list(db: Executor, f: EventFilter) {
    let base = db.selectFrom('customer_events').where(f.scope);
    if (f.when === 'upcoming') base = base.where('customer_events.ends_at', '>=', f.now).where('customer_events.status', 'not in', ['closed', 'cancelled']);
    if (f.when === 'past') base = base.where((eb) => eb.or([eb('customer_events.ends_at', '<', f.now), eb('customer_events.status', 'in', ['closed', 'cancelled'])]));
    if (f.kind) base = base.where('customer_events.kind', '=', f.kind);
    if (f.status) base = base.where('customer_events.status', '=', f.status);
    if (f.q) base = base.where('customer_events.title', 'ilike', containsPattern(f.q));
    if (f.accountId && f.accountScope) {
      const accountId = f.accountId;
      const accountScope = f.accountScope;
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('event_invitations as i')
            .innerJoin('accounts', 'accounts.id', 'i.account_id')
            .select('i.id')
            .whereRef('i.event_id', '=', 'customer_events.id')
            .where('i.account_id', '=', accountId)
            .where((e2) => accountScope(e2 as unknown as ExpressionBuilder<DB, 'accounts'>)),
        ),
      );
    }
    const [ids, count] = await Promise.all([
      base
        .select(['customer_events.id'])
        .orderBy('customer_events.starts_at', f.when === 'upcoming' ? 'asc' : 'desc')
        .orderBy('customer_events.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    if (ids.length === 0) return { items: [], total: Number(count.n) };
    const rows = await withFigures(joined(db).where('e.id', 'in', ids.map((r) => r.id))).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { items: ids.map((r) => byId.get(r.id)!).filter(Boolean), total: Number(count.n) };
  },

  async byId(db: Executor, id: number, scope: EventScope) {
    const visible = await db.selectFrom('customer_events').select('id').where('id', '=', id).where(scope).executeTakeFirst();
    if (!visible) return undefined;
    return withFigures(joined(db).where('e.id', '=', id)).executeTakeFirst();
  },

  /** Whether the caller's scope (by owner and unit) reaches the event. */
  async inScope(db: Executor, id: number, scope: EventScope) {
    return (await db.selectFrom('customer_events').select('id').where('id', '=', id).where(scope).executeTakeFirst()) !== undefined;
  },

  async lock(db: Executor, id: number, scope: EventScope) {
    return db.selectFrom('customer_events').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },

  async lockById(db: Executor, id: number) {
    return db.selectFrom('customer_events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async insert(db: Executor, values: Insertable<CustomerEventTable>) {
    return db.insertInto('customer_events').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Executor, id: number, values: Updateable<CustomerEventTable>) {
    return db
      .updateTable('customer_events')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async spent(db: Executor, eventId: number) {
    const r = await db.selectFrom('event_costs').select(sql<number>`coalesce(sum(amount), 0)`.as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  // ---- invitations ----

  /** The event's guests the caller sees (`guests`), each saying whether it lies in `writable` (the caller's scope to change them). */
  async invitations(db: Executor, eventId: number, guests: GuestScope, writable: AccountScope) {
    let q = db
      .selectFrom('event_invitations as i')
      .innerJoin('contacts as c', 'c.id', 'i.contact_id')
      .innerJoin('accounts', 'accounts.id', 'i.account_id')
      .innerJoin('users as inviter', 'inviter.id', 'i.invited_by')
      .leftJoin('users as fu', 'fu.id', 'i.followup_by')
      .select([
        'i.id',
        'i.contact_id',
        'i.account_id',
        'i.invited_by',
        'i.invited_at',
        'i.response',
        'i.responded_at',
        'i.attended',
        'i.checked_in_at',
        'i.note',
        'i.followup_kind',
        'i.followup_id',
        'i.followup_at',
        'i.followup_by',
        'i.version',
        'c.name as contact_name',
        'c.title as contact_title',
        'accounts.name as account_name',
        'accounts.owner_id as account_owner_id',
        'inviter.name as inviter_name',
        'fu.name as followup_by_name',
      ])
      .select((eb) => sql<boolean>`(${writable(eb as unknown as ExpressionBuilder<DB, 'accounts'>)})`.as('writable'))
      .where('i.event_id', '=', eventId);
    if (guests !== 'all') q = q.where((eb) => guests(eb as unknown as ExpressionBuilder<DB, 'accounts'>));
    return q.orderBy('accounts.name').orderBy('c.name').orderBy('i.id').execute();
  },

  async invitationCount(db: Executor, eventId: number) {
    const r = await db.selectFrom('event_invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The contacts (not left) among `ids` whose account lies in `scope`, with their account. */
  async invitableContacts(db: Executor, ids: readonly number[], scope: AccountScope) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('contacts as c')
      .innerJoin('accounts', 'accounts.id', 'c.account_id')
      .select(['c.id', 'c.account_id'])
      .where('c.id', 'in', ids as number[])
      .where('c.status', '<>', 'left')
      .where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'accounts'>))
      .execute();
  },

  /** The invitations not there yet (one per contact and event, whichever request gets there first): the ids written. */
  async insertInvitations(db: Executor, rows: Insertable<EventInvitationTable>[]) {
    if (rows.length === 0) return [];
    return db.insertInto('event_invitations').values(rows).onConflict((oc) => oc.columns(['event_id', 'contact_id']).doNothing()).returning(['id', 'contact_id', 'account_id']).execute();
  },

  async lockInvitation(db: Executor, eventId: number, invId: number) {
    return db.selectFrom('event_invitations').selectAll().where('id', '=', invId).where('event_id', '=', eventId).forUpdate().executeTakeFirst();
  },

  async updateInvitation(db: Executor, id: number, values: Updateable<EventInvitationTable>) {
    return db
      .updateTable('event_invitations')
      .set({ ...values, version: sql`version + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async deleteInvitation(db: Executor, id: number) {
    await db.deleteFrom('event_invitations').where('id', '=', id).execute();
  },

  // ---- costs ----

  async costs(db: Executor, eventId: number) {
    return db
      .selectFrom('event_costs as c')
      .innerJoin('users as u', 'u.id', 'c.created_by')
      .select(['c.id', 'c.category', 'c.amount', 'c.spent_on', 'c.note', 'c.over_budget_reason', 'c.created_by', 'u.name as created_by_name', 'c.created_at'])
      .where('c.event_id', '=', eventId)
      .orderBy('c.spent_on')
      .orderBy('c.id')
      .execute();
  },

  async insertCost(db: Executor, values: { event_id: number; category: string; amount: number; spent_on: string; note: string; over_budget_reason: string | null; created_by: number }) {
    return db.insertInto('event_costs').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async cost(db: Executor, eventId: number, costId: number) {
    return db.selectFrom('event_costs').selectAll().where('id', '=', costId).where('event_id', '=', eventId).executeTakeFirst();
  },

  async deleteCost(db: Executor, costId: number) {
    await db.deleteFrom('event_costs').where('id', '=', costId).execute();
  },

  // ---- the account's side ----

  /** The account's people at the events the caller sees (`scope`: the events' read scope). */
  async accountEvents(db: Executor, accountId: number, scope: EventScope, limit: number) {
    return db
      .selectFrom('event_invitations as i')
      .innerJoin('customer_events', 'customer_events.id', 'i.event_id')
      .innerJoin('contacts as c', 'c.id', 'i.contact_id')
      .select([
        'customer_events.id as event_id',
        'customer_events.title',
        'customer_events.kind',
        'customer_events.status',
        'customer_events.starts_at',
        'c.id as contact_id',
        'c.name as contact_name',
        'i.response',
        'i.attended',
        'i.followup_kind',
        'i.followup_id',
      ])
      .where('i.account_id', '=', accountId)
      .where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'customer_events'>))
      .orderBy('customer_events.starts_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
  },

  async serviceLogs(db: Executor, accountId: number, limit: number) {
    return db
      .selectFrom('service_logs as s')
      .innerJoin('users as u', 'u.id', 's.owner_id')
      .leftJoin('contacts as c', 'c.id', 's.contact_id')
      .select(['s.id', 's.account_id', 's.kind', 's.title', 's.provided_on', 's.cost', 's.note', 's.owner_id', 'u.name as owner_name', 's.contact_id', 'c.name as contact_name', 's.version', 's.created_at'])
      .where('s.account_id', '=', accountId)
      .orderBy('s.provided_on', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit)
      .execute();
  },

  async serviceLog(db: Executor, id: number) {
    return db
      .selectFrom('service_logs as s')
      .innerJoin('users as u', 'u.id', 's.owner_id')
      .leftJoin('contacts as c', 'c.id', 's.contact_id')
      .select(['s.id', 's.account_id', 's.kind', 's.title', 's.provided_on', 's.cost', 's.note', 's.owner_id', 'u.name as owner_name', 's.contact_id', 'c.name as contact_name', 's.version', 's.created_at'])
      .where('s.id', '=', id)
      .executeTakeFirst();
  },

  async lockServiceLog(db: Executor, id: number) {
    return db.selectFrom('service_logs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async yearServices(db: Executor, accountId: number, from: string) {
    const r = await db
      .selectFrom('service_logs')
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(cost), 0)`.as('cost')])
      .where('account_id', '=', accountId)
      .where('provided_on', '>=', from)
      .executeTakeFirstOrThrow();
    return { count: Number(r.n), cost: Number(r.cost) };
  },

  async insertServiceLog(db: Executor, values: Insertable<ServiceLogTable>) {
    return db.insertInto('service_logs').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async updateServiceLog(db: Executor, id: number, values: Updateable<ServiceLogTable>) {
    return db
      .updateTable('service_logs')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async deleteServiceLog(db: Executor, id: number) {
    await db.deleteFrom('service_logs').where('id', '=', id).execute();
  },

  async contactOfAccount(db: Executor, contactId: number, accountId: number) {
    return (await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('account_id', '=', accountId).executeTakeFirst()) !== undefined;
  },

  // ---- the account timeline ----

  async timelineServices(db: Executor, q: SourceQuery, limit: number) {
    const at = dayStart('s.provided_on', q.tz);
    return db
      .selectFrom('service_logs as s')
      .innerJoin('users as u', 'u.id', 's.owner_id')
      .leftJoin('contacts as c', 'c.id', 's.contact_id')
      .select(['s.id', at.as('at'), 's.kind', 's.title', 's.cost', 's.owner_id', 'u.name as owner_name', 'c.name as contact_name'])
      .where('s.account_id', '=', q.accountId)
      .where(after('service_logged', q, at, 's.id'))
      .orderBy(at, 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The account's guests who came to an event the caller sees (`scope`), at the event's start. */
  async timelineAttendance(db: Executor, q: SourceQuery, scope: EventScope, limit: number) {
    const at = ms('customer_events.starts_at');
    return db
      .selectFrom('event_invitations as i')
      .innerJoin('customer_events', 'customer_events.id', 'i.event_id')
      .innerJoin('contacts as c', 'c.id', 'i.contact_id')
      .innerJoin('users as u', 'u.id', 'customer_events.owner_id')
      .select(['i.id', 'customer_events.id as event_id', at.as('at'), 'customer_events.title', 'customer_events.kind', 'c.name as contact_name', 'customer_events.owner_id', 'u.name as owner_name'])
      .where('i.account_id', '=', q.accountId)
      .where('i.attended', '=', true)
      .where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'customer_events'>))
      .where(after('event_attended', q, at, 'i.id'))
      .orderBy(at, 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---- merge and handover ----

  async countOfAccount(db: Executor, accountId: number) {
    const [a, b] = await Promise.all([
      db.selectFrom('service_logs').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow(),
      db.selectFrom('event_invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow(),
    ]);
    return Number(a.n) + Number(b.n);
  },

  async moveToAccount(db: Executor, from: number, to: number) {
    const logs = await db.updateTable('service_logs').set({ account_id: to, version: sql`version + 1`, updated_at: sql`now()` }).where('account_id', '=', from).returning(['id']).execute();
    const invs = await db.updateTable('event_invitations').set({ account_id: to, version: sql`version + 1` }).where('account_id', '=', from).returning(['id']).execute();
    return { logs, invs };
  },

  async countOpenOwned(db: Executor, userId: number) {
    const r = await db.selectFrom('customer_events').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'not in', ['closed', 'cancelled']).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async firstOpenOwned(db: Executor, userId: number, limit: number) {
    return db.selectFrom('customer_events').select(['id', 'title as label']).where('owner_id', '=', userId).where('status', 'not in', ['closed', 'cancelled']).orderBy('id').limit(limit).execute();
  },
  async moveOpenOwned(db: Executor, userId: number, toId: number) {
    return db
      .updateTable('customer_events')
      .set({ owner_id: toId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', 'not in', ['closed', 'cancelled'])
      .returning(['id'])
      .execute();
  },

};
