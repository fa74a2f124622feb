import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { SavedViewTable } from '../../db/schema';

const COLUMNS = ['id', 'user_id', 'page', 'name', 'query', 'is_default', 'sort_order', 'version', 'created_at', 'updated_at'] as const;

/** Every statement is bound to the owner: another user's view does not exist here. */
export const savedViewsRepo = {
  async list(db: Executor, userId: number, page: string) {
    return db.selectFrom('saved_views').select(COLUMNS).where('user_id', '=', userId).where('page', '=', page).orderBy('sort_order').orderBy('id').execute();
  },
  async findForUpdate(db: Executor, userId: number, id: number) {
    return db.selectFrom('saved_views').select(COLUMNS).where('id', '=', id).where('user_id', '=', userId).forUpdate().executeTakeFirst();
  },
  async count(db: Executor, userId: number, page: string) {
    const r = await db.selectFrom('saved_views').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('page', '=', page).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async nextSortOrder(db: Executor, userId: number, page: string) {
    const r = await db
      .selectFrom('saved_views')
      .select((eb) => eb.fn.coalesce(eb.fn.max('sort_order'), sql<number>`-1`).as('m'))
      .where('user_id', '=', userId)
      .where('page', '=', page)
      .executeTakeFirstOrThrow();
    return Number(r.m) + 1;
  },
  /** Unsets the user's default of the page (before another becomes the default). */
  async clearDefault(db: Executor, userId: number, page: string, exceptId?: number) {
    let q = db.updateTable('saved_views').set({ is_default: false }).where('user_id', '=', userId).where('page', '=', page).where('is_default', '=', true);
    if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
    await q.execute();
  },
  async insert(db: Executor, values: Insertable<SavedViewTable>) {
    return db.insertInto('saved_views').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: Updateable<SavedViewTable>) {
    return db
      .updateTable('saved_views')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  },
  async remove(db: Executor, id: number) {
    await db.deleteFrom('saved_views').where('id', '=', id).execute();
  },
};
