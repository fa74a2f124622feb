import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { MoneyUnit } from '../../../shared/domain/money';

/** SQL for sessions, login attempts, API tokens and the user's own preferences. */
export const authRepo = {
  async touchSession(db: Executor, id: string, expiresAt: Date) {
    await db.updateTable('sessions').set({ last_seen_at: sql`now()`, expires_at: expiresAt }).where('id', '=', id).execute();
  },
  async createSession(db: Executor, s: { id: string; userId: number; csrfToken: string; ip: string | null; userAgent: string | null; expiresAt: Date }) {
    await db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, ip: s.ip, user_agent: s.userAgent, expires_at: s.expiresAt })
      .execute();
  },
  async deleteSession(db: Executor, id: string) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  async deleteUserSessions(db: Executor, userId: number, exceptId?: string) {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '<>', exceptId);
    await q.execute();
  },
  async deleteExpiredSessions(db: Executor) {
    const r = await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
    return Number(r.numDeletedRows ?? 0);
  },
  async recentFailuresFromIp(db: Executor, ip: string, windowMinutes: number) {
    const r = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('success', '=', false)
      .where('at', '>', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async recordAttempt(db: Executor, username: string, ip: string, success: boolean) {
    await db.insertInto('login_attempts').values({ username, ip, success }).execute();
  },
  async pruneAttempts(db: Executor, olderThanDays: number) {
    await db.deleteFrom('login_attempts').where('at', '<', sql<Date>`now() - make_interval(days => ${olderThanDays})`).execute();
  },
  async findUserForLogin(db: Executor, username: string) {
    return db
      .selectFrom('users')
      .select(['id', 'username', 'status', 'password_hash', 'failed_logins', 'locked_until'])
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
  },
  /** Counts a failure atomically; locks the account when the count reaches the limit. */
  async registerFailure(db: Executor, userId: number, maxFailures: number, lockMinutes: number) {
    return db
      .updateTable('users')
      .set({
        failed_logins: sql`case when failed_logins + 1 >= ${maxFailures} then 0 else failed_logins + 1 end`,
        locked_until: sql`case when failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
      })
      .where('id', '=', userId)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirstOrThrow();
  },
  /** The lockout of a username nobody has (kept as lower case, as sign-in matches it). */
  async unknownLockout(db: Executor, username: string) {
    return db.selectFrom('login_lockouts').select(['failed_logins', 'locked_until']).where('username', '=', username.toLowerCase()).executeTakeFirst();
  },
  /** As registerFailure, for a username nobody has: the same count and lock, so the answers match. */
  async registerUnknownFailure(db: Executor, username: string, maxFailures: number, lockMinutes: number) {
    return db
      .insertInto('login_lockouts')
      .values({
        username: username.toLowerCase(),
        failed_logins: sql`case when 1 >= ${maxFailures} then 0 else 1 end`,
        locked_until: sql`case when 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) end`,
      })
      .onConflict((oc) =>
        oc.column('username').doUpdateSet({
          failed_logins: sql`case when login_lockouts.failed_logins + 1 >= ${maxFailures} then 0 else login_lockouts.failed_logins + 1 end`,
          locked_until: sql`case when login_lockouts.failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else login_lockouts.locked_until end`,
          updated_at: sql`now()`,
        }),
      )
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirstOrThrow();
  },
  async pruneLockouts(db: Executor, olderThanDays: number) {
    await db.deleteFrom('login_lockouts').where('updated_at', '<', sql<Date>`now() - make_interval(days => ${olderThanDays})`).execute();
  },
  /** Sets the user's money unit; returns the one it had. */
  async setMoneyUnit(db: Executor, userId: number, unit: MoneyUnit) {
    const before = await db.selectFrom('users').select('money_unit').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    await db.updateTable('users').set({ money_unit: unit, updated_at: sql`now()` }).where('id', '=', userId).execute();
    return before.money_unit;
  },
  async homeLayout(db: Executor, userId: number) {
    const row = await db.selectFrom('users').select('home_layout').where('id', '=', userId).executeTakeFirstOrThrow();
    return row.home_layout;
  },
  /** Sets the person's home layout (null: back to their positions' order); returns the one it had. */
  async setHomeLayout(db: Executor, userId: number, widgets: readonly { key: string; hidden: boolean }[] | null) {
    const before = await db.selectFrom('users').select('home_layout').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    await db.updateTable('users').set({ home_layout: widgets === null ? null : JSON.stringify(widgets) }).where('id', '=', userId).execute();
    return before.home_layout;
  },
  async registerSuccess(db: Executor, userId: number) {
    await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` })
      .where('id', '=', userId)
      .execute();
  },
  async findToken(db: Executor, tokenHash: string) {
    return db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'scopes', 'expires_at', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
      .executeTakeFirst();
  },
  async touchToken(db: Executor, id: number) {
    await db.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('id', '=', id).execute();
  },
  async listTokens(db: Executor, userId: number) {
    return db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'scopes', 'expires_at', 'last_used_at', 'revoked_at', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .execute();
  },
  async createToken(db: Executor, t: { userId: number; name: string; tokenHash: string; prefix: string; scopes: string[]; expiresAt: Date | null }) {
    return db
      .insertInto('api_tokens')
      .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, prefix: t.prefix, scopes: t.scopes, expires_at: t.expiresAt })
      .returning(['id', 'name', 'prefix', 'scopes', 'expires_at', 'last_used_at', 'revoked_at', 'created_at'])
      .executeTakeFirstOrThrow();
  },
  async revokeToken(db: Executor, userId: number, id: number) {
    const r = await db
      .updateTable('api_tokens')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
