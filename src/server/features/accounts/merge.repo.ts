import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import { type AccountScope } from '../../platform/scope';
import { unitPathOf } from '../../platform/org.repo';

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

export const mergeRepo = {
  /** Both accounts, locked in id order so two merges of the same pair queue instead of deadlocking. */
  async lockPair(db: Executor, ids: [number, number], scope: AccountScope) {
    return db
      .selectFrom('accounts')
      .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
      .innerJoin('org_units as unit', 'unit.id', 'accounts.unit_id')
      .selectAll('accounts')
      .select(['owner.name as owner_name', unitPathOf('accounts.unit_id').as('unit_name')])
      .where('accounts.id', 'in', ids)
      .where(scope)
      .orderBy('accounts.id')
      .forUpdate('accounts')
      .execute();
  },
  async accountName(db: Executor, id: number) {
    return (await db.selectFrom('accounts').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
  },
  async clearCreditCode(db: Executor, id: number) {
    await db.updateTable('accounts').set({ credit_code: null }).where('id', '=', id).execute();
  },
  async deleteAccount(db: Executor, id: number) {
    await db.deleteFrom('accounts').where('id', '=', id).execute();
  },


  async countChildren(db: Executor, accountId: number) {
    return count(await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', accountId).executeTakeFirst());
  },
  async moveChildren(db: Executor, fromId: number, toId: number) {
    return db.updateTable('accounts').set({ parent_id: toId, version: sql`version + 1`, updated_at: sql`now()` }).where('parent_id', '=', fromId).returning('id').execute();
  },

  async countChanges(db: Executor, accountId: number) {
    return count(await db.selectFrom('account_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveChanges(db: Executor, fromId: number, toId: number) {
    const rows = await db.updateTable('account_changes').set({ account_id: toId }).where('account_id', '=', fromId).returning('id').execute();
    return rows.length;
  },

};
