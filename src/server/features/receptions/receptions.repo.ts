import { sql, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB, ReceptionSeatingTable, ReceptionTable } from '../../db/schema';
import type { Bound } from '../../platform/timeline';
import { containsPattern } from '../../platform/listing';
import { type OwnedScope, type AccountScope } from '../../platform/scope';

export type ReceptionValues = Updateable<ReceptionTable>;

export interface ReceptionFilter {
  scope: OwnedScope<'receptions'>;
  q?: string;
  accountId?: number;
  ownerId?: number;
  kind?: string;
  status?: string;
  reportStatus?: string;
  /** business dates, inclusive, in the time zone tz */
  from?: string;
  to?: string;
  tz: string;
}

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

function rows(db: Executor) {
  return db
    .selectFrom('receptions')
    .innerJoin('accounts', 'accounts.id', 'receptions.account_id')
    .innerJoin('users as owner', 'owner.id', 'receptions.owner_id')
    .leftJoin('users as confirmer', 'confirmer.id', 'receptions.report_confirmed_by')
    .selectAll('receptions')
    .select(['accounts.name as account_name', 'owner.name as owner_name', 'confirmer.name as confirmed_by_name']);
}

function filtered(db: Executor, f: ReceptionFilter) {
  let q = db.selectFrom('receptions').innerJoin('accounts', 'accounts.id', 'receptions.account_id').where(f.scope);
  if (f.accountId) q = q.where('receptions.account_id', '=', f.accountId);
  if (f.ownerId) q = q.where('receptions.owner_id', '=', f.ownerId);
  if (f.kind) q = q.where('receptions.kind', '=', f.kind);
  if (f.status) q = q.where('receptions.status', '=', f.status);
  if (f.reportStatus) q = q.where('receptions.report_status', '=', f.reportStatus);
  if (f.from) q = q.where('receptions.starts_at', '>=', sql<Date>`(${f.from}::date::timestamp at time zone ${f.tz})`);
  if (f.to) q = q.where('receptions.starts_at', '<', sql<Date>`((${f.to}::date + 1)::timestamp at time zone ${f.tz})`);
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) => eb.or([eb('accounts.name', 'ilike', like), eb('receptions.place', 'ilike', like)]));
  }
  return q;
}

export const receptionsRepo = {
  async accountVisible(db: Executor, accountId: number, scope: AccountScope) {
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', '=', accountId).where(scope).executeTakeFirst();
  },
  /** The nearest active KA director at or above a unit (who confirms its receptions' reports). */
  async accountName(db: Executor, accountId: number) {
    return (await db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst())?.name ?? '';
  },
  async list(db: Executor, f: ReceptionFilter & { desc: boolean; limit: number; offset: number }) {
    const ids = filtered(db, f).select('receptions.id');
    const dir = f.desc ? 'desc' : 'asc';
    const [items, total] = await Promise.all([
      rows(db).where('receptions.id', 'in', ids).orderBy('receptions.starts_at', dir).orderBy('receptions.id', dir).limit(f.limit).offset(f.offset).execute(),
      filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: count(total) };
  },
  /** One reception as its approvers see it on the approval page. */
  async byId(db: Executor, id: number) {
    return rows(db).where('receptions.id', '=', id).executeTakeFirst();
  },
  /** One reception in the read scope, with whether the write scope covers it too. */
  async find(db: Executor, id: number, readScope: OwnedScope<'receptions'>, writeScope: OwnedScope<'receptions'>) {
    return rows(db)
      .select((eb) => sql<boolean>`${writeScope(eb as unknown as ExpressionBuilder<DB, 'receptions'>)}`.as('can_write'))
      .where('receptions.id', '=', id)
      .where((eb) => readScope(eb as unknown as ExpressionBuilder<DB, 'receptions'>))
      .executeTakeFirst();
  },
  async findForUpdate(db: Executor, id: number, scope: OwnedScope<'receptions'>) {
    return db.selectFrom('receptions').selectAll().where('id', '=', id).where(scope).forUpdate().executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<ReceptionTable>) {
    return db.insertInto('receptions').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: ReceptionValues) {
    return db
      .updateTable('receptions')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** The status the approval engine reports; `submitted` stamps submitted_at, anything else decided_at. */


  // ---- seating ----
  async seating(db: Executor, receptionId: number) {
    return db.selectFrom('reception_seating').selectAll().where('reception_id', '=', receptionId).executeTakeFirst();
  },
  async seatingForUpdate(db: Executor, receptionId: number) {
    return db.selectFrom('reception_seating').selectAll().where('reception_id', '=', receptionId).forUpdate().executeTakeFirst();
  },
  async insertSeating(db: Executor, values: Insertable<ReceptionSeatingTable>) {
    return db.insertInto('reception_seating').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateSeating(db: Executor, receptionId: number, values: Updateable<ReceptionSeatingTable>) {
    return db
      .updateTable('reception_seating')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('reception_id', '=', receptionId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  // ---- account timeline ----
  async timelineEvents(db: Executor, accountId: number, scope: OwnedScope<'receptions'>, bound: Bound | null, limit: number) {
    const at = sql<Date>`date_trunc('milliseconds', receptions.starts_at)`;
    let q = db
      .selectFrom('receptions')
      .innerJoin('users as u', 'u.id', 'receptions.owner_id')
      .select(['receptions.id', at.as('at'), 'receptions.owner_id', 'u.name as owner_name', 'receptions.kind', 'receptions.status', 'receptions.report_status', 'receptions.level', 'receptions.place'])
      .where('receptions.account_id', '=', accountId)
      .where('receptions.status', '<>', 'draft')
      .where(scope);
    if (bound) {
      const b = bound;
      if (b.sameInstant === 'all') q = q.where(sql<SqlBool>`${at} <= ${b.at}`);
      else if (b.sameInstant === 'none') q = q.where(sql<SqlBool>`${at} < ${b.at}`);
      else q = q.where(sql<SqlBool>`(${at} < ${b.at} or (${at} = ${b.at} and receptions.id < ${b.id}))`);
    }
    return q.orderBy(at, 'desc').orderBy('receptions.id', 'desc').limit(limit).execute();
  },

  // ---- account merge ----
  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('receptions').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('receptions').set({ account_id: toId, updated_at: sql`now()` }).where('account_id', '=', fromId).returning(['id']).execute();
  },

  // ---- departure handover: receptions still open (not cancelled, report not confirmed) ----
  async countLiveOwned(db: Executor, userId: number) {
    return count(await db.selectFrom('receptions').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', '<>', 'cancelled').where('report_status', '<>', 'approved').executeTakeFirst());
  },
  async firstLiveOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('receptions')
      .innerJoin('accounts', 'accounts.id', 'receptions.account_id')
      .select(['receptions.id', sql<string>`accounts.name || ' · ' || to_char(receptions.starts_at, 'YYYY-MM-DD')`.as('label')])
      .where('receptions.owner_id', '=', userId)
      .where('receptions.status', '<>', 'cancelled')
      .where('receptions.report_status', '<>', 'approved')
      .orderBy('receptions.starts_at', 'desc')
      .limit(limit)
      .execute();
  },
  async moveLiveOwned(db: Executor, userId: number, toId: number) {
    return db
      .updateTable('receptions')
      .set({ owner_id: toId, unit_id: sql`(select unit_id from users where id = ${toId})`, updated_at: sql`now()`, version: sql`version + 1` })
      .where('owner_id', '=', userId)
      .where('status', '<>', 'cancelled')
      .where('report_status', '<>', 'approved')
      .returning(['id', 'unit_id'])
      .execute();
  },
};
