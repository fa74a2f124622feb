import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { OPEN_PLAN_STATUSES } from '../../../shared/contracts/plans';
import type { SourceQuery } from './timeline.registry';
import { boundFor } from './timeline.rules';
import type { OpportunityScope } from '../pipeline/pipeline.scope';
import type { VisitScope } from '../visits/visits.repo';

/** Timestamps in whole milliseconds, the precision of the order and the cursor (timeline.rules). */
export const ms = (column: string) => sql<Date>`date_trunc('milliseconds', ${sql.ref(column)})`;
/** Midnight of a business date in the business time zone. */
export const dayStart = (column: string, tz: string) => sql<Date>`(${sql.ref(column)}::timestamp at time zone ${tz})`;

/** Events of one kind after the cursor (see boundFor), as a condition on the kind's time and id. */
export function after(kind: string, q: SourceQuery, at: RawBuilder<Date>, id: string): RawBuilder<SqlBool> {
  const b = boundFor(kind, q.before);
  if (!b) return sql<SqlBool>`true`;
  if (b.sameInstant === 'all') return sql<SqlBool>`${at} <= ${b.at}`;
  if (b.sameInstant === 'none') return sql<SqlBool>`${at} < ${b.at}`;
  return sql<SqlBool>`(${at} < ${b.at} or (${at} = ${b.at} and ${sql.ref(id)} < ${b.id}))`;
}

/** The name of a user whose id a history row stores as text (owner changes). */
const userName = (column: string) => sql<string | null>`(select u.name from users u where u.id::text = ${sql.ref(column)})`;
const unitName = (column: string) => sql<string | null>`(select o.name from org_units o where o.id::text = ${sql.ref(column)})`;

export const timelineRepo = {
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
        sql<string | null>`case when c.field = 'owner' then ${userName('c.from_value')} when c.field = 'unit' then ${unitName('c.from_value')} end`.as('from_name'),
        sql<string | null>`case when c.field = 'owner' then ${userName('c.to_value')} when c.field = 'unit' then ${unitName('c.to_value')} end`.as('to_name'),
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
        sql<string | null>`case when h.field = 'owner' then ${userName('h.from_value')} end`.as('from_name'),
        sql<string | null>`case when h.field = 'owner' then ${userName('h.to_value')} end`.as('to_name'),
      ])
      .where('c.account_id', '=', q.accountId)
      .where('h.from_value', 'is not', null)
      .where(after('relationship_change', q, at, 'h.id'))
      .orderBy(at, 'desc')
      .orderBy('h.id', 'desc')
      .limit(limit)
      .execute();
  },

  async needs(db: Executor, q: SourceQuery, closed: boolean, limit: number) {
    const kind = closed ? 'need_closed' : 'need_added';
    const at = ms(closed ? 'n.closed_at' : 'n.created_at');
    let query = db
      .selectFrom('account_needs as n')
      .leftJoin('users as u', 'u.id', closed ? 'n.closed_by' : 'n.created_by')
      .select(['n.id', at.as('at'), 'u.id as actor_id', 'u.name as actor_name', 'n.product_type', 'n.status'])
      .where('n.account_id', '=', q.accountId);
    if (closed) query = query.where('n.closed_at', 'is not', null);
    return query.where(after(kind, q, at, 'n.id')).orderBy(at, 'desc').orderBy('n.id', 'desc').limit(limit).execute();
  },

  async countermeasures(db: Executor, q: SourceQuery, closed: boolean, limit: number) {
    const kind = closed ? 'countermeasure_closed' : 'countermeasure_added';
    const at = ms(closed ? 'm.closed_at' : 'm.created_at');
    let query = db
      .selectFrom('account_countermeasures as m')
      .leftJoin('users as u', 'u.id', closed ? 'm.closed_by' : 'm.created_by')
      .leftJoin('contacts as c', 'c.id', 'm.contact_id')
      .select(['m.id', at.as('at'), 'u.id as actor_id', 'u.name as actor_name', 'm.problem', 'm.status', 'm.direction', 'c.name as contact_name'])
      .where('m.account_id', '=', q.accountId);
    if (closed) query = query.where('m.closed_at', 'is not', null);
    return query.where(after(kind, q, at, 'm.id')).orderBy(at, 'desc').orderBy('m.id', 'desc').limit(limit).execute();
  },

  async planItems(db: Executor, q: SourceQuery, closed: boolean, limit: number) {
    const kind = closed ? 'plan_item_closed' : 'plan_item_created';
    const at = ms(closed ? 'i.closed_at' : 'i.created_at');
    let query = db
      .selectFrom('account_plan_items as i')
      .leftJoin('users as u', 'u.id', closed ? 'i.closed_by' : 'i.created_by')
      .innerJoin('users as owner', 'owner.id', 'i.owner_id')
      .select(['i.id', at.as('at'), 'u.id as actor_id', 'u.name as actor_name', 'i.level', 'i.measures', 'i.status', 'i.outcome', 'i.done_on', 'owner.name as owner_name'])
      .where('i.account_id', '=', q.accountId);
    if (closed) query = query.where('i.closed_at', 'is not', null).where('i.status', 'not in', [...OPEN_PLAN_STATUSES]);
    return query.where(after(kind, q, at, 'i.id')).orderBy(at, 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  },

  /** Stage and status changes of the account's development projects the caller may read. */
  async opportunityEvents(db: Executor, q: SourceQuery, scope: OpportunityScope, limit: number) {
    const at = ms('h.at');
    return db
      .selectFrom('opportunity_stage_history as h')
      .innerJoin('opportunities', 'opportunities.id', 'h.opportunity_id')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.id', at.as('at'), 'h.actor_id', 'u.name as actor_name', 'opportunities.id as opportunity_id', 'opportunities.name', 'h.from_stage', 'h.to_stage', 'h.from_status', 'h.to_status', 'h.reason'])
      .where('opportunities.account_id', '=', q.accountId)
      .where(scope)
      .where(after('opportunity', q, at, 'h.id'))
      .orderBy(at, 'desc')
      .orderBy('h.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Recorded visits to the account the caller may read, at their check-in. */
  async visitEvents(db: Executor, q: SourceQuery, scope: VisitScope, limit: number) {
    const at = ms('visits.checked_in_at');
    return db
      .selectFrom('visits')
      .innerJoin('users as u', 'u.id', 'visits.owner_id')
      .select(['visits.id', at.as('at'), 'visits.owner_id as actor_id', 'u.name as actor_name', 'visits.purpose', 'visits.result', 'visits.contact_seq', 'visits.met_name'])
      .where('visits.account_id', '=', q.accountId)
      .where('visits.status', '=', 'recorded')
      .where(scope)
      .where(after('visit', q, at, 'visits.id'))
      .orderBy(at, 'desc')
      .orderBy('visits.id', 'desc')
      .limit(limit)
      .execute();
  },
};
