import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { BusinessTripTable, DB } from '../../db/schema';
import { containsPattern } from '../../platform/listing';
import type { SourceQuery } from '../../platform/timeline';
import { after, dayStart } from '../../platform/timeline.repo';
import { type OwnedScope, type AccountScope } from '../../platform/scope';

export type TripValues = Updateable<BusinessTripTable>;

export interface TripFilter {
  scope: OwnedScope<'business_trips'>;
  q?: string;
  status?: string;
  reportStatus?: string;
  ownerId?: number;
  accountId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const SUMMARY = [
  'business_trips.id',
  'business_trips.owner_id',
  'owner.name as owner_name',
  'business_trips.unit_id',
  'business_trips.destination',
  'business_trips.start_on',
  'business_trips.end_on',
  'business_trips.purpose',
  'business_trips.transport',
  'business_trips.estimated_total',
  'business_trips.advance_requested',
  'business_trips.status',
  'business_trips.report_status',
  'business_trips.actual_total',
  'business_trips.updated_at',
  'business_trips.version',
] as const;

export const tripsRepo = {
  async list(db: Executor, f: TripFilter) {
    let q = db.selectFrom('business_trips').innerJoin('users as owner', 'owner.id', 'business_trips.owner_id').where(f.scope);
    if (f.status) q = q.where('business_trips.status', '=', f.status);
    if (f.reportStatus) q = q.where('business_trips.report_status', '=', f.reportStatus);
    if (f.ownerId) q = q.where('business_trips.owner_id', '=', f.ownerId);
    if (f.from) q = q.where('business_trips.end_on', '>=', f.from);
    if (f.to) q = q.where('business_trips.start_on', '<=', f.to);
    if (f.accountId) {
      const accountId = f.accountId;
      q = q.where((eb) => eb.exists(eb.selectFrom('business_trip_accounts as ta').select('ta.trip_id').whereRef('ta.trip_id', '=', 'business_trips.id').where('ta.account_id', '=', accountId)));
    }
    if (f.q) {
      const like = containsPattern(f.q);
      q = q.where((eb) => eb.or([eb('business_trips.destination', 'ilike', like), eb('business_trips.purpose', 'ilike', like), eb('owner.name', 'ilike', like)]));
    }
    const [items, count] = await Promise.all([
      q.select(SUMMARY).orderBy('business_trips.start_on', 'desc').orderBy('business_trips.id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  async find(db: Executor, id: number, scope: OwnedScope<'business_trips'>) {
    return db
      .selectFrom('business_trips')
      .innerJoin('users as owner', 'owner.id', 'business_trips.owner_id')
      .selectAll('business_trips')
      .select('owner.name as owner_name')
      .where('business_trips.id', '=', id)
      .where(scope)
      .executeTakeFirst();
  },

  /** One trip as its approvers see it on the approval page. */
  async byId(db: Executor, id: number) {
    return db.selectFrom('business_trips').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async findForUpdate(db: Executor, id: number, scope: OwnedScope<'business_trips'>) {
    return db.selectFrom('business_trips').selectAll('business_trips').where('business_trips.id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },

  async accounts(db: Executor, tripId: number) {
    return db
      .selectFrom('business_trip_accounts as ta')
      .innerJoin('accounts', 'accounts.id', 'ta.account_id')
      .select(['accounts.id', 'accounts.name'])
      .where('ta.trip_id', '=', tripId)
      .orderBy('accounts.name')
      .execute();
  },

  async checkins(db: Executor, tripId: number) {
    return db.selectFrom('business_trip_checkins').selectAll().where('trip_id', '=', tripId).orderBy('day').execute();
  },

  /** Which of the ids are accounts in the scope. */
  async accountsInScope(db: Executor, ids: number[], scope: AccountScope) {
    if (!ids.length) return new Set<number>();
    const rows = await db.selectFrom('accounts').select('accounts.id').where('accounts.id', 'in', ids).where(scope).execute();
    return new Set(rows.map((r) => r.id));
  },

  async insert(db: Executor, values: Insertable<BusinessTripTable>) {
    return db.insertInto('business_trips').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Executor, id: number, values: TripValues) {
    return db
      .updateTable('business_trips')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async replaceAccounts(db: Executor, tripId: number, accountIds: number[]) {
    await db.deleteFrom('business_trip_accounts').where('trip_id', '=', tripId).execute();
    if (accountIds.length) await db.insertInto('business_trip_accounts').values(accountIds.map((account_id) => ({ trip_id: tripId, account_id }))).execute();
  },

  async insertCheckin(db: Executor, values: Insertable<DB['business_trip_checkins']>) {
    return db.insertInto('business_trip_checkins').values(values).onConflict((oc) => oc.columns(['trip_id', 'day']).doNothing()).returningAll().executeTakeFirst();
  },

  // ---- registries ----

  /** Approved trips to the account the caller may read, at their first day (timeline kind 'trip'). */
  async timelineEvents(db: Executor, q: SourceQuery, scope: OwnedScope<'business_trips'>, limit: number) {
    const at = dayStart('business_trips.start_on', q.tz);
    return db
      .selectFrom('business_trip_accounts as ta')
      .innerJoin('business_trips', 'business_trips.id', 'ta.trip_id')
      .innerJoin('users as owner', 'owner.id', 'business_trips.owner_id')
      .select(['business_trips.id', at.as('at'), 'business_trips.owner_id', 'owner.name as owner_name', 'business_trips.destination', 'business_trips.start_on', 'business_trips.end_on', 'business_trips.purpose', 'business_trips.report_status'])
      .where('ta.account_id', '=', q.accountId)
      .where('business_trips.status', '=', 'approved')
      .where(scope)
      .where(after('trip', q, at, 'business_trips.id'))
      .orderBy(at, 'desc')
      .orderBy('business_trips.id', 'desc')
      .limit(limit)
      .execute();
  },

  async countAccountLinks(db: Executor, accountId: number) {
    const r = await db.selectFrom('business_trip_accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Moves the duplicate's trip links onto the account that stays (a trip listing both keeps one). */
  async moveAccountLinks(db: Executor, sourceId: number, targetId: number) {
    const moved = await db
      .insertInto('business_trip_accounts')
      .columns(['trip_id', 'account_id'])
      .expression((eb) => eb.selectFrom('business_trip_accounts').select(['trip_id', sql.lit(targetId).as('account_id')]).where('account_id', '=', sourceId))
      .onConflict((oc) => oc.columns(['trip_id', 'account_id']).doNothing())
      .execute();
    const gone = await db.deleteFrom('business_trip_accounts').where('account_id', '=', sourceId).executeTakeFirst();
    void moved;
    return Number(gone.numDeletedRows);
  },

  /** Trips a leaving user still has open: not cancelled and without an approved report. */
  openOwned(db: Executor, userId: number) {
    return db
      .selectFrom('business_trips')
      .where('owner_id', '=', userId)
      .where('status', '!=', 'cancelled')
      .where('report_status', '!=', 'approved');
  },
  async countOpenOwned(db: Executor, userId: number) {
    const r = await tripsRepo.openOwned(db, userId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async firstOpenOwned(db: Executor, userId: number, limit: number) {
    const rows = await tripsRepo.openOwned(db, userId).select(['id', 'destination', 'start_on']).orderBy('start_on', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, label: `${r.destination} ${r.start_on}` }));
  },
  async moveOpenOwned(db: Executor, userId: number, to: number, unitId: number) {
    const ids = (await tripsRepo.openOwned(db, userId).select('id').execute()).map((r) => r.id);
    if (!ids.length) return [];
    return db
      .updateTable('business_trips')
      .set({ owner_id: to, unit_id: unitId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', 'in', ids)
      .returning(['id'])
      .execute();
  },
  async unitOf(db: Executor, userId: number) {
    return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirstOrThrow()).unit_id;
  },
};
