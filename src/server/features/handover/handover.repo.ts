import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/schema';

export const handoverRepo = {
  async findUser(db: Executor, id: number, where?: (eb: ExpressionBuilder<DB, 'users'>) => Expression<SqlBool>) {
    let q = db.selectFrom('users').select(['id', 'username', 'name', 'status', 'unit_id', 'left_at', 'version']).where('id', '=', id);
    if (where) q = q.where(where);
    return q.executeTakeFirst();
  },
  async usersByIds(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return db.selectFrom('users').select(['id', 'status']).where('id', 'in', ids).execute();
  },
  /** Locks the leaver's row so two handovers of the same person cannot interleave. */
  async lockUser(db: Executor, id: number) {
    return db.selectFrom('users').select(['id', 'status', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
  },
  async markLeft(db: Executor, id: number, leftAt: string) {
    return db
      .updateTable('users')
      .set({ status: 'left', left_at: leftAt, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '<>', 'left')
      .returning(['id', 'status', 'left_at'])
      .executeTakeFirst();
  },
  async endSessions(db: Executor, userId: number) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
  async revokeTokens(db: Executor, userId: number) {
    const rows = await db.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null).returning('id').execute();
    return rows.length;
  },

};
