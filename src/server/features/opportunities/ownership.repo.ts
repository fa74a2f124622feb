import { sql } from 'kysely';
import type { Executor } from '../../db/client';

/** Development projects still being worked (open or paused): what a leaver hands over. */
const LIVE = ['open', 'paused'];
const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

/** Who holds development projects and which account they hang off: departure handover and account merge. */
export const opportunityOwnershipRepo = {
  async countLiveOwned(db: Executor, userId: number) {
    return count(await db.selectFrom('opportunities').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'in', LIVE).executeTakeFirst());
  },
  async firstLiveOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('opportunities as o')
      .innerJoin('accounts as a', 'a.id', 'o.account_id')
      .select(['o.id', sql<string>`a.name || ' · ' || o.name`.as('label')])
      .where('o.owner_id', '=', userId)
      .where('o.status', 'in', LIVE)
      .orderBy('o.id')
      .limit(limit)
      .execute();
  },
  /** The successor owns them and their unit becomes the successor's (the data scope follows); they join as 客户经理. */
  async moveLiveOwned(db: Executor, userId: number, successorId: number) {
    const rows = await db
      .updateTable('opportunities')
      .set({ owner_id: successorId, unit_id: sql`(select u.unit_id from users u where u.id = ${successorId})`, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', 'in', LIVE)
      .returning(['id', 'unit_id'])
      .execute();
    if (rows.length) {
      await db
        .insertInto('opportunity_participants')
        .values(rows.map((r) => ({ opportunity_id: r.id, user_id: successorId, part: 'account_manager' })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return rows;
  },
  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('opportunities').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('opportunities').set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` }).where('account_id', '=', fromId).returning('id').execute();
  },
};
