import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import { type OwnedScope } from '../../platform/scope';

/** Statuses that never happen, so they stay off the calendar. */
const DEAD = ['rejected', 'withdrawn', 'cancelled'];

/** A window [start, end) of instants and its business dates (inclusive) for all-day records. */
export interface Window {
  start: Date;
  end: Date;
  fromDay: string;
  toDay: string;
}

export const calendarRepo = {
  /** Visits at their check-in time (else the planned time) inside the window. */
  async visits(db: Executor, scope: OwnedScope<'visits'>, w: Window) {
    return db
      .selectFrom('visits')
      .innerJoin('accounts as a', 'a.id', 'visits.account_id')
      .innerJoin('users as o', 'o.id', 'visits.owner_id')
      .select(['visits.id', 'visits.status', 'visits.owner_id', 'o.name as owner_name', 'a.name as account_name', 'visits.check_in_place', 'a.province', 'a.city', 'a.address'])
      .select(sql<Date>`coalesce(visits.checked_in_at, visits.planned_at)`.as('at'))
      .where(scope)
      .where('visits.status', 'not in', DEAD)
      .where(sql<boolean>`coalesce(visits.checked_in_at, visits.planned_at) >= ${w.start}`)
      .where(sql<boolean>`coalesce(visits.checked_in_at, visits.planned_at) < ${w.end}`)
      .orderBy('at')
      .orderBy('visits.id')
      .execute();
  },
  /** Receptions overlapping the window. */
  async receptions(db: Executor, scope: OwnedScope<'receptions'>, w: Window) {
    return db
      .selectFrom('receptions')
      .innerJoin('accounts as a', 'a.id', 'receptions.account_id')
      .innerJoin('users as o', 'o.id', 'receptions.owner_id')
      .select(['receptions.id', 'receptions.kind', 'receptions.status', 'receptions.owner_id', 'o.name as owner_name', 'a.name as account_name', 'receptions.starts_at', 'receptions.ends_at', 'receptions.place'])
      .where(scope)
      .where('receptions.status', 'not in', DEAD)
      .where('receptions.starts_at', '<', w.end)
      .where(sql<boolean>`coalesce(receptions.ends_at, receptions.starts_at) >= ${w.start}`)
      .orderBy('receptions.starts_at')
      .orderBy('receptions.id')
      .execute();
  },
  /** Business trips whose days overlap the window's days. */
  async trips(db: Executor, scope: OwnedScope<'business_trips'>, w: Window) {
    return db
      .selectFrom('business_trips')
      .innerJoin('users as o', 'o.id', 'business_trips.owner_id')
      .select(['business_trips.id', 'business_trips.status', 'business_trips.owner_id', 'o.name as owner_name', 'business_trips.destination', 'business_trips.start_on', 'business_trips.end_on'])
      .where(scope)
      .where('business_trips.status', 'not in', DEAD)
      .where('business_trips.start_on', '<=', w.toDay)
      .where('business_trips.end_on', '>=', w.fromDay)
      .orderBy('business_trips.start_on')
      .orderBy('business_trips.id')
      .execute();
  },

  async feedToken(db: Executor, userId: number) {
    return db.selectFrom('calendar_feed_tokens').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },
  async putFeedToken(db: Executor, userId: number, tokenHash: string, prefix: string) {
    return db
      .insertInto('calendar_feed_tokens')
      .values({ user_id: userId, token_hash: tokenHash, prefix })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: tokenHash, prefix, created_at: sql`now()`, last_used_at: null }))
      .returning(['created_at'])
      .executeTakeFirstOrThrow();
  },
  async deleteFeedToken(db: Executor, userId: number) {
    return (await db.deleteFrom('calendar_feed_tokens').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows > 0n;
  },
  /** The active user a feed token belongs to. */
  async userOfFeedToken(db: Executor, tokenHash: string) {
    return db
      .selectFrom('calendar_feed_tokens')
      .innerJoin('users', 'users.id', 'calendar_feed_tokens.user_id')
      .select(['users.id', 'users.name'])
      .where('calendar_feed_tokens.token_hash', '=', tokenHash)
      .where('users.status', '=', 'active')
      .executeTakeFirst();
  },
  async touchFeedToken(db: Executor, userId: number) {
    await db.updateTable('calendar_feed_tokens').set({ last_used_at: sql`now()` }).where('user_id', '=', userId).execute();
  },
};
