import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import { type AccountScope } from '../../platform/scope';

/** The last recorded visit's check-in time of an account. */
const lastVisit = sql<Date | null>`(select max(v.checked_in_at) from visits v where v.account_id = accounts.id and v.status = 'recorded')`;

export const visitPolicyRepo = {
  /**
   * Accounts (not lost) whose last recorded visit — or, never visited, their creation — is at or
   * before `before`: the only ones that can be overdue under the shortest frequency. Keyset by id.
   */
  async candidates(db: Executor, o: { before: Date; scope?: AccountScope; afterId?: number; limit?: number }) {
    let q = db
      .selectFrom('accounts')
      .leftJoin('users as o', 'o.id', 'accounts.owner_id')
      .select(['accounts.id', 'accounts.name', 'accounts.tier', 'accounts.grade', 'accounts.quadrant', 'accounts.owner_id', 'o.name as owner_name', 'o.unit_id as owner_unit_id', 'accounts.created_at'])
      .select(lastVisit.as('last_visit_at'))
      .where('accounts.lifecycle', '!=', 'lost')
      .where(sql<boolean>`coalesce(${lastVisit}, accounts.created_at) <= ${o.before}`);
    if (o.scope) q = q.where(o.scope);
    if (o.afterId) q = q.where('accounts.id', '>', o.afterId);
    q = q.orderBy('accounts.id');
    if (o.limit) q = q.limit(o.limit);
    return q.execute();
  },

  async openEpisodes(db: Executor, accountIds: number[]) {
    if (!accountIds.length) return new Set<number>();
    const rows = await db.selectFrom('visit_overdue').select('account_id').where('account_id', 'in', accountIds).execute();
    return new Set(rows.map((r) => r.account_id));
  },
  async openEpisode(db: Executor, e: { accountId: number; frequencyDays: number; lastVisitAt: Date | null; overdueSince: Date }) {
    await db
      .insertInto('visit_overdue')
      .values({ account_id: e.accountId, frequency_days: e.frequencyDays, last_visit_at: e.lastVisitAt, overdue_since: e.overdueSince })
      .onConflict((oc) => oc.column('account_id').doNothing())
      .execute();
  },
  /** Ends every episode whose account is not in `stillOverdue` (visited since, or no longer asked). */
  async closeEpisodesExcept(db: Executor, stillOverdue: number[]) {
    let q = db.deleteFrom('visit_overdue');
    if (stillOverdue.length) q = q.where('account_id', 'not in', stillOverdue);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  },
};
