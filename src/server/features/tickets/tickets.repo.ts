import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import { OPEN_TICKET_STATUSES, type SlaMilestone, type TicketSortKey } from '../../../shared/contracts/tickets';
import { containsPattern } from '../../platform/listing';
import { unitPathOf } from '../../platform/org.repo';
import type { OwnedScope } from '../../platform/scope';
import { ms } from '../../platform/timeline.repo';
import type { TicketEscalationTable, TicketMilestoneTable, TicketTable } from './tickets.tables';

export type TicketScope = OwnedScope<'tickets'>;
export type TicketValues = Updateable<TicketTable>;

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
const OPEN = [...OPEN_TICKET_STATUSES];

/** The current milestone's SLA state at `now` (tickets.rules milestoneState in SQL). */
const slaState = (now: Date) =>
  sql<string>`case when cur.milestone is null then 'met'
    when cur.breached_at is not null then 'breached'
    when tickets.status = 'waiting' then 'paused'
    when cur.due_at <= ${now} then 'breached'
    when cur.warn_at <= ${now} then 'warning'
    else 'in_progress' end`;
/** Overdue first: breached, warning, in progress, paused, met. */
const slaRank = (now: Date) =>
  sql<number>`case when cur.milestone is null then 4
    when cur.breached_at is not null then 0
    when tickets.status = 'waiting' then 3
    when cur.due_at <= ${now} then 0
    when cur.warn_at <= ${now} then 1
    else 2 end`;
const everBreached = sql<boolean>`exists (select 1 from ticket_milestones b where b.ticket_id = tickets.id and b.breached_at is not null)`;

export interface TicketFilter {
  scope: TicketScope;
  now: Date;
  q?: string;
  kinds?: string[];
  statuses?: string[];
  severities?: string[];
  sla?: string[];
  breached?: boolean;
  open?: boolean;
  accountId?: number;
  ownerId?: number;
  validity?: string;
}

export interface TicketSort {
  by: TicketSortKey;
  desc: boolean;
}

function listSelect(db: Executor, f: TicketFilter) {
  let q = db
    .selectFrom('tickets')
    .innerJoin('accounts as a', 'a.id', 'tickets.account_id')
    .innerJoin('users as o', 'o.id', 'tickets.owner_id')
    .leftJoin('contacts as c', 'c.id', 'tickets.contact_id')
    // the current milestone: the first of first response and resolve not met
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('ticket_milestones as m')
          .select(['m.milestone', 'm.warn_at', 'm.due_at', 'm.breached_at'])
          .whereRef('m.ticket_id', '=', 'tickets.id')
          .where('m.met_at', 'is', null)
          .orderBy(sql`case m.milestone when 'first_response' then 0 else 1 end`)
          .limit(1)
          .as('cur'),
      (j) => j.onTrue(),
    )
    .where(f.scope);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where(sql<SqlBool>`(tickets.number ilike ${p} or tickets.title ilike ${p} or a.name ilike ${p})`);
  }
  if (f.kinds?.length) q = q.where('tickets.kind', 'in', f.kinds);
  if (f.statuses?.length) q = q.where('tickets.status', 'in', f.statuses);
  if (f.severities?.length) q = q.where('tickets.severity', 'in', f.severities);
  if (f.sla?.length) q = q.where(sql<SqlBool>`(${slaState(f.now)}) in (${sql.join(f.sla)})`);
  if (f.breached) q = q.where(everBreached);
  if (f.open) q = q.where('tickets.status', 'in', OPEN);
  if (f.accountId) q = q.where('tickets.account_id', '=', f.accountId);
  if (f.ownerId) q = q.where('tickets.owner_id', '=', f.ownerId);
  if (f.validity) q = q.where('tickets.validity', '=', f.validity);
  return q.select([
    'tickets.id',
    'tickets.number',
    'tickets.kind',
    'tickets.severity',
    'tickets.channel',
    'tickets.status',
    'tickets.account_id',
    'a.name as account_name',
    'tickets.contact_id',
    'c.name as contact_name',
    'tickets.owner_id',
    'o.name as owner_name',
    'tickets.unit_id',
    unitPathOf('tickets.unit_id').as('unit_name'),
    'tickets.title',
    'tickets.received_at',
    'tickets.validity',
    'cur.milestone as sla_milestone',
    'cur.due_at as sla_due_at',
    slaState(f.now).as('sla_state'),
    everBreached.as('sla_breached'),
    'tickets.created_at',
    'tickets.updated_at',
    'tickets.version',
  ]);
}
export type TicketListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['execute']>>[number];

const SEVERITY_RANK = sql<number>`case tickets.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

export const ticketsRepo = {
  /** A page of the list (all of it without a window), sorted; `sla` sorts overdue first, then by the current due time. */
  async list(db: Executor, f: TicketFilter, sort: TicketSort, window: { limit: number; offset: number } | null) {
    const dir = sort.desc ? 'desc' : 'asc';
    let q = listSelect(db, f);
    switch (sort.by) {
      case 'sla':
        q = q.orderBy(slaRank(f.now), dir).orderBy('cur.due_at', (ob) => (sort.desc ? ob.desc() : ob.asc()).nullsLast()).orderBy(SEVERITY_RANK, dir);
        break;
      case 'severity':
        q = q.orderBy(SEVERITY_RANK, dir);
        break;
      case 'receivedAt':
        q = q.orderBy('tickets.received_at', dir);
        break;
      case 'updatedAt':
        q = q.orderBy('tickets.updated_at', dir);
        break;
      case 'number':
        q = q.orderBy('tickets.number', dir);
        break;
      default:
        break;
    }
    q = q.orderBy('tickets.id', sort.by === 'sla' ? 'desc' : dir);
    if (window) q = q.limit(window.limit).offset(window.offset);
    return q.execute();
  },
  async count(db: Executor, f: TicketFilter) {
    const rows = await db.selectFrom(listSelect(db, f).as('l')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return count(rows);
  },

  /** One ticket with the names it shows, when in scope. */
  async find(db: Executor, id: number, scope: TicketScope, now: Date) {
    return listSelect(db, { scope, now })
      .innerJoin('users as cb', 'cb.id', 'tickets.created_by')
      .leftJoin('users as rp', 'rp.id', 'tickets.responsible_id')
      .leftJoin('users as jb', 'jb.id', 'tickets.judged_by')
      .select([
        'tickets.description',
        'tickets.resolution',
        'tickets.resolved_at',
        'tickets.closed_at',
        'tickets.paused_at',
        'tickets.reopened',
        'tickets.validity_reason',
        'tickets.responsible_id',
        'rp.name as responsible_name',
        'tickets.judged_by',
        'jb.name as judged_by_name',
        'tickets.judged_at',
        'tickets.created_by',
        'cb.name as created_by_name',
      ])
      .where('tickets.id', '=', id)
      .executeTakeFirst();
  },
  /** The row locked for a write, when in scope. */
  async lock(db: Executor, id: number, scope: TicketScope) {
    return db.selectFrom('tickets').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  async visible(db: Executor, id: number, scope: TicketScope) {
    return (await db.selectFrom('tickets').select('id').where('id', '=', id).where(scope).executeTakeFirst()) !== undefined;
  },
  async nextId(db: Executor) {
    const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('tickets', 'id')) as id`.execute(db);
    return Number(r.rows[0]!.id);
  },
  async insert(db: Executor, values: Insertable<TicketTable>) {
    return db.insertInto('tickets').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: TicketValues, now: Date) {
    return db
      .updateTable('tickets')
      .set({ ...values, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The account's owner and tier (the default owner; the tier picks the SLA policy). */
  async account(db: Executor, id: number) {
    return db.selectFrom('accounts').select(['id', 'name', 'owner_id', 'tier']).where('id', '=', id).executeTakeFirst();
  },
  async contactOfAccount(db: Executor, contactId: number, accountId: number) {
    return (await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('account_id', '=', accountId).executeTakeFirst()) !== undefined;
  },
  async names(db: Executor, table: 'users' | 'contacts', ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  // ---- milestones ----
  async milestones(db: Executor, ticketId: number) {
    const rows = await db.selectFrom('ticket_milestones').selectAll().where('ticket_id', '=', ticketId).execute();
    return rows.map((r) => ({ ...r, paused_minutes: Number(r.paused_minutes) }));
  },
  async insertMilestones(db: Executor, rows: Insertable<TicketMilestoneTable>[]) {
    await db.insertInto('ticket_milestones').values(rows).execute();
  },
  async updateMilestone(db: Executor, ticketId: number, milestone: SlaMilestone, values: Updateable<TicketMilestoneTable>) {
    await db.updateTable('ticket_milestones').set(values).where('ticket_id', '=', ticketId).where('milestone', '=', milestone).execute();
  },

  // ---- history ----
  async addHistory(db: Executor, row: { ticketId: number; at: Date; actorId: number | null; event: string; fromStatus?: string | null; toStatus?: string | null; changes?: Record<string, unknown>; note?: string | null }) {
    await db
      .insertInto('ticket_history')
      .values({ ticket_id: row.ticketId, at: row.at, actor_id: row.actorId, event: row.event, from_status: row.fromStatus ?? null, to_status: row.toStatus ?? null, changes: JSON.stringify(row.changes ?? {}), note: row.note ?? null })
      .execute();
  },
  async history(db: Executor, ticketId: number) {
    return db
      .selectFrom('ticket_history as h')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.id', 'h.at', 'h.actor_id', 'u.name as actor_name', 'h.event', 'h.from_status', 'h.to_status', 'h.changes', 'h.note'])
      .where('h.ticket_id', '=', ticketId)
      .orderBy('h.id')
      .execute();
  },

  // ---- escalations ----
  async escalations(db: Executor, ticketId: number) {
    return db
      .selectFrom('ticket_escalations as e')
      .leftJoin('users as u', 'u.id', 'e.notified_id')
      .select(['e.milestone', 'e.level', 'e.at', 'e.notified_id', 'u.name as notified_name'])
      .where('e.ticket_id', '=', ticketId)
      .orderBy('e.at')
      .orderBy(sql`case e.level when 'warning' then 0 when 'breach' then 1 else 2 end`)
      .execute();
  },
  /**
   * Milestones not met of tickets being handled (not waiting) whose warning instant has passed and that do
   * not have all three levels yet, in (ticket, milestone) order after `after`.
   */
  async escalationCandidates(db: Executor, o: { now: Date; after?: { ticketId: number; milestone: string }; limit: number }) {
    let q = db
      .selectFrom('ticket_milestones as m')
      .innerJoin('tickets as t', 't.id', 'm.ticket_id')
      .innerJoin('accounts as a', 'a.id', 't.account_id')
      .innerJoin('users as o', 'o.id', 't.owner_id')
      .select(['m.ticket_id', 'm.milestone', 'm.warn_at', 'm.due_at', 'm.breached_at', 't.number', 't.title', 't.kind', 't.severity', 't.owner_id', 't.account_id', 'o.name as owner_name', 'o.unit_id as owner_unit_id', 'a.name as account_name'])
      .where('m.met_at', 'is', null)
      .where('m.warn_at', '<=', o.now)
      .where('t.status', 'in', ['new', 'assigned', 'in_progress'])
      .where(sql<SqlBool>`(select count(*) from ticket_escalations e where e.ticket_id = m.ticket_id and e.milestone = m.milestone) < 3`);
    if (o.after) {
      const a = o.after;
      q = q.where((eb) => eb.or([eb('m.ticket_id', '>', a.ticketId), eb.and([eb('m.ticket_id', '=', a.ticketId), eb('m.milestone', '>', a.milestone)])]));
    }
    return q.orderBy('m.ticket_id').orderBy('m.milestone').limit(o.limit).execute();
  },
  /** Records the levels; returns those this call inserted (a level already there — another run's — is left). */
  async insertEscalations(db: Executor, rows: Insertable<TicketEscalationTable>[]) {
    if (!rows.length) return [];
    return db.insertInto('ticket_escalations').values(rows).onConflict((oc) => oc.columns(['ticket_id', 'milestone', 'level']).doNothing()).returning(['ticket_id', 'milestone', 'level']).execute();
  },
  async setEscalation(db: Executor, key: { ticketId: number; milestone: string; level: string }, values: { notified_id?: number | null; task_id?: number | null }) {
    await db.updateTable('ticket_escalations').set(values).where('ticket_id', '=', key.ticketId).where('milestone', '=', key.milestone).where('level', '=', key.level).execute();
  },
  /** Records the breach of a milestone at its due instant, once. */
  async recordBreach(db: Executor, ticketId: number, milestone: string) {
    await db.updateTable('ticket_milestones').set({ breached_at: sql`due_at` }).where('ticket_id', '=', ticketId).where('milestone', '=', milestone).where('breached_at', 'is', null).where('met_at', 'is', null).execute();
  },

  // ---- timeline: every history entry of the account's tickets ----
  /** The history of the account's tickets in scope, newest first, after the cursor (`after`: platform/timeline.repo). */
  async timelineEvents(db: Executor, accountId: number, scope: TicketScope, after: RawBuilder<SqlBool>, limit: number) {
    return db
      .selectFrom('ticket_history as h')
      .innerJoin('tickets', 'tickets.id', 'h.ticket_id')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.id', ms('h.at').as('at'), 'h.actor_id', 'u.name as actor_name', 'h.event', 'h.to_status', 'h.changes', 'h.note', 'tickets.id as ticket_id', 'tickets.number', 'tickets.title', 'tickets.kind', 'tickets.severity'])
      .where('tickets.account_id', '=', accountId)
      .where(scope)
      .where(after)
      .orderBy(ms('h.at'), 'desc')
      .orderBy('h.id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---- merge and handover ----
  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveToAccount(db: Executor, fromId: number, toId: number, now: Date) {
    return db.updateTable('tickets').set({ account_id: toId, updated_at: now, version: sql`version + 1` }).where('account_id', '=', fromId).returning(['id']).execute();
  },
  async countOpenOwned(db: Executor, userId: number) {
    return count(await db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'in', OPEN).executeTakeFirst());
  },
  async firstOpenOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('tickets')
      .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
      .select(['tickets.id', sql<string>`tickets.number || ' · ' || accounts.name || ' · ' || tickets.title`.as('label')])
      .where('tickets.owner_id', '=', userId)
      .where('tickets.status', 'in', OPEN)
      .orderBy('tickets.id', 'desc')
      .limit(limit)
      .execute();
  },
  async moveOpenOwned(db: Executor, userId: number, toId: number) {
    return db
      .updateTable('tickets')
      .set({ owner_id: toId, unit_id: sql`(select unit_id from users where id = ${toId})`, updated_at: sql`now()`, version: sql`version + 1` })
      .where('owner_id', '=', userId)
      .where('status', 'in', OPEN)
      .returning(['id'])
      .execute();
  },

  // ---- the scorecard ----
  /** Closed complaints judged valid, received in [from, to) — of one person responsible when given. */
  async validComplaints(db: Executor, o: { userId?: number; from: Date; to: Date }) {
    let q = db
      .selectFrom('tickets')
      .innerJoin('accounts as a', 'a.id', 'tickets.account_id')
      .select(['tickets.id', 'tickets.number', 'tickets.title', 'tickets.account_id', 'a.name as account_name', 'tickets.responsible_id', 'tickets.owner_id', 'tickets.received_at', 'tickets.judged_at', 'tickets.validity_reason'])
      .where('tickets.validity', '=', 'valid')
      .where('tickets.received_at', '>=', o.from)
      .where('tickets.received_at', '<', o.to);
    if (o.userId !== undefined) q = q.where('tickets.responsible_id', '=', o.userId);
    return q.orderBy('tickets.received_at').orderBy('tickets.id').execute();
  },

};
