import { sql } from 'kysely';
import type { Executor } from '../../db/client';

/** SQL the e-mail delivery job needs. */
export const emailRepo = {
  async findForEmail(db: Executor, id: number) {
    return db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.id', 'notifications.kind', 'notifications.params', 'notifications.link', 'notifications.emailed_at', 'users.email', 'users.name', 'users.status'])
      .where('notifications.id', '=', id)
      .executeTakeFirst();
  },
  async markEmailed(db: Executor, id: number) {
    await db.updateTable('notifications').set({ emailed_at: sql`now()` }).where('id', '=', id).execute();
  },
};
