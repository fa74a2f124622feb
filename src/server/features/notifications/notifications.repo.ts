import { sql } from 'kysely';
import type { Executor } from '../../db/client';

const columns = ['id', 'kind', 'params', 'link', 'read_at', 'created_at'] as const;

/** SQL of the in-app inbox; every query is bound to the recipient. */
export const notificationsRepo = {
  async list(db: Executor, userId: number, opts: { unreadOnly: boolean; limit: number; offset: number }) {
    let base = db.selectFrom('notifications').where('user_id', '=', userId);
    if (opts.unreadOnly) base = base.where('read_at', 'is', null);
    const [items, count] = await Promise.all([
      base.select(columns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  async unreadCount(db: Executor, userId: number) {
    const r = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Marks one as read (keeping the first read time) and returns it; undefined when it is not the user's. */
  async markRead(db: Executor, userId: number, id: number) {
    return db
      .updateTable('notifications')
      .set({ read_at: sql<Date>`coalesce(read_at, now())` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning(columns)
      .executeTakeFirst();
  },
  async markAllRead(db: Executor, userId: number) {
    const r = await db.updateTable('notifications').set({ read_at: sql<Date>`now()` }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
