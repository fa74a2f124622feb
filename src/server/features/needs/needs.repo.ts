import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { AccountCountermeasureTable, AccountNeedTable } from '../../db/schema';
import { type AccountScope } from '../../platform/scope';
import { after, ms } from '../../platform/timeline.repo';
import type { SourceQuery } from '../../platform/timeline';

export type NeedValues = Updateable<AccountNeedTable>;
export type CountermeasureValues = Updateable<AccountCountermeasureTable>;

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

function needs(db: Executor) {
  return db
    .selectFrom('account_needs as n')
    .leftJoin('users as creator', 'creator.id', 'n.created_by')
    .selectAll('n')
    .select('creator.name as created_by_name');
}

function countermeasures(db: Executor) {
  return db
    .selectFrom('account_countermeasures as m')
    .innerJoin('users as owner', 'owner.id', 'm.owner_id')
    .leftJoin('contacts as c', 'c.id', 'm.contact_id')
    .selectAll('m')
    .select(['owner.name as owner_name', 'c.name as contact_name', 'c.title as contact_title']);
}

export const needsRepo = {
  async accountInScope(db: Executor, accountId: number, scope: AccountScope) {
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', '=', accountId).where(scope).executeTakeFirst();
  },

  // ---- needs (需求分析) ----
  async needsOf(db: Executor, accountId: number) {
    // open ones first, newest first within each
    return needs(db)
      .where('n.account_id', '=', accountId)
      .orderBy(sql`n.status = 'open'`, 'desc')
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .execute();
  },
  async need(db: Executor, id: number) {
    return needs(db).where('n.id', '=', id).executeTakeFirst();
  },
  /** Locks the need when its account is in the scope. */
  async needForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('account_needs')
      .innerJoin('accounts', 'accounts.id', 'account_needs.account_id')
      .selectAll('account_needs')
      .where('account_needs.id', '=', id)
      .where(scope)
      .forUpdate('account_needs')
      .executeTakeFirst();
  },
  async insertNeed(db: Executor, values: Insertable<AccountNeedTable>) {
    return db.insertInto('account_needs').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateNeed(db: Executor, id: number, values: NeedValues) {
    return db
      .updateTable('account_needs')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async deleteNeed(db: Executor, id: number) {
    await db.deleteFrom('account_needs').where('id', '=', id).execute();
  },

  // ---- countermeasures (需要对策) ----
  async countermeasuresOf(db: Executor, accountId: number) {
    return countermeasures(db)
      .where('m.account_id', '=', accountId)
      .orderBy(sql`m.status = 'open'`, 'desc')
      .orderBy(sql`m.due_on`, (ob) => ob.asc().nullsLast())
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .execute();
  },
  async countermeasure(db: Executor, id: number) {
    return countermeasures(db).where('m.id', '=', id).executeTakeFirst();
  },
  async countermeasureForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('account_countermeasures')
      .innerJoin('accounts', 'accounts.id', 'account_countermeasures.account_id')
      .selectAll('account_countermeasures')
      .where('account_countermeasures.id', '=', id)
      .where(scope)
      .forUpdate('account_countermeasures')
      .executeTakeFirst();
  },
  async insertCountermeasure(db: Executor, values: Insertable<AccountCountermeasureTable>) {
    return db.insertInto('account_countermeasures').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateCountermeasure(db: Executor, id: number, values: CountermeasureValues) {
    return db
      .updateTable('account_countermeasures')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async deleteCountermeasure(db: Executor, id: number) {
    await db.deleteFrom('account_countermeasures').where('id', '=', id).execute();
  },

  // ---- departure handover: open countermeasures the leaver is responsible for ----
  async countOpenCountermeasures(db: Executor, userId: number) {
    return count(await db.selectFrom('account_countermeasures').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', '=', 'open').executeTakeFirst());
  },
  async firstOpenCountermeasures(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('account_countermeasures as m')
      .innerJoin('accounts', 'accounts.id', 'm.account_id')
      .select(['m.id', sql<string>`accounts.name || ' · ' || m.problem`.as('label')])
      .where('m.owner_id', '=', userId)
      .where('m.status', '=', 'open')
      .orderBy('m.due_on', (ob) => ob.asc().nullsLast())
      .orderBy('m.id')
      .limit(limit)
      .execute();
  },
  async moveOpenCountermeasures(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('account_countermeasures')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', '=', 'open')
      .returning(['id'])
      .execute();
  },

  // ---- account merge ----
  async countOfAccount(db: Executor, accountId: number) {
    const [n, m] = await Promise.all([
      db.selectFrom('account_needs').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst(),
      db.selectFrom('account_countermeasures').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst(),
    ]);
    return { needs: count(n), countermeasures: count(m) };
  },
  async moveNeeds(db: Executor, fromId: number, toId: number) {
    const rows = await db.updateTable('account_needs').set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` }).where('account_id', '=', fromId).returning('id').execute();
    return rows.length;
  },
  async moveCountermeasures(db: Executor, fromId: number, toId: number) {
    const rows = await db
      .updateTable('account_countermeasures')
      .set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('account_id', '=', fromId)
      .returning('id')
      .execute();
    return rows.length;
  },
  async needEvents(db: Executor, q: SourceQuery, closed: boolean, limit: number) {
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
  async countermeasureEvents(db: Executor, q: SourceQuery, closed: boolean, limit: number) {
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
};
