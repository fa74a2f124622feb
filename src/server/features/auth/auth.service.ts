import { sql } from 'kysely';
import type { Config } from '../../config';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import { isPermission } from '../../../shared/permissions';
import type { MoneyUnit } from '../../../shared/domain/money';
import type { HomeLayout } from '../../../shared/contracts/auth';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { unitPathOf } from '../../platform/org.repo';
import { loadActorForUser, randomToken, sha256 } from '../../platform/auth/actor-loader';
import { authRepo } from '../../platform/auth/auth.repo';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';

// Verifying against a real hash even for unknown users keeps response times alike.
let dummyHash: Promise<string> | undefined;
const IP_WINDOW_MINUTES = 15;

function locked(until: Date | string): AppError {
  const lockedUntil = new Date(until).toISOString();
  return new AppError('LOCKED', 'Account locked after repeated failed sign-ins', { lockedUntil }, { key: 'auth.locked', params: { lockedUntil } });
}

export interface LoginResult {
  cookieValue: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

export async function login(db: Kdb, config: Config, input: { username: string; password: string; ip: string; userAgent: string | null }): Promise<LoginResult> {
  if ((await authRepo.recentFailuresFromIp(db, input.ip, IP_WINDOW_MINUTES)) >= config.LOGIN_IP_LIMIT) {
    throw new AppError('RATE_LIMITED', 'Too many failed sign-ins from this address; try again later', undefined, { key: 'auth.rateLimited' });
  }
  const user = await authRepo.findUserForLogin(db, input.username);
  const invalid = () => new AppError('UNAUTHENTICATED', 'Wrong username or password', undefined, { key: 'auth.wrongPassword' });
  if (!user) {
    // An unknown username is counted and locked like a known one, so neither the answer nor its
    // timing tells an attacker which usernames exist.
    await authRepo.recordAttempt(db, input.username, input.ip, false);
    const lock = await authRepo.unknownLockout(db, input.username);
    if (lock?.locked_until && new Date(lock.locked_until).getTime() > Date.now()) throw locked(lock.locked_until);
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    const after = await authRepo.registerUnknownFailure(db, input.username, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
    if (after.locked_until && new Date(after.locked_until).getTime() > Date.now()) throw locked(after.locked_until);
    throw invalid();
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    await authRepo.recordAttempt(db, input.username, input.ip, false);
    throw locked(user.locked_until);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.status !== 'active') {
    await authRepo.recordAttempt(db, input.username, input.ip, false);
    if (!ok) {
      const after = await authRepo.registerFailure(db, user.id, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
      if (after.locked_until && new Date(after.locked_until).getTime() > Date.now()) {
        await audit(db, null, { entity: 'user', entityId: user.id, action: 'locked', data: { reason: 'failed sign-ins', ip: input.ip } });
        throw locked(after.locked_until);
      }
    }
    throw invalid();
  }
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3600_000);
  await db.transaction().execute(async (trx) => {
    await authRepo.registerSuccess(trx, user.id);
    await authRepo.recordAttempt(trx, user.username, input.ip, true);
    await authRepo.createSession(trx, { id: sha256(cookieValue), userId: user.id, csrfToken, ip: input.ip, userAgent: input.userAgent, expiresAt });
  });
  const actor = await loadActorForUser(db, user.id);
  if (!actor) throw invalid();
  return { cookieValue, csrfToken, actor: { ...actor, csrfToken }, expiresAt };
}

export async function logout(db: Kdb, actor: Actor): Promise<void> {
  if (actor.sessionId) await authRepo.deleteSession(db, actor.sessionId);
}

/** The signed-in user; `businessTimeZone` is the server's BUSINESS_TZ, in which the web shows and prints times. */
export async function me(db: Kdb, actor: Actor, businessTimeZone: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.unit_id')
    .select([unitPathOf('users.unit_id').as('unit_name'), 'users.must_change_password', 'users.money_unit'])
    .where('users.id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  return {
    id: actor.userId,
    username: actor.username,
    name: actor.name,
    unitId: actor.unitId,
    unitName: row.unit_name,
    positions: actor.positions,
    roles: actor.roles,
    permissions: [...actor.permissions].map(([permission, scope]) => ({ permission, scope })).sort((a, b) => a.permission.localeCompare(b.permission)),
    mustChangePassword: row.must_change_password,
    csrfToken: actor.csrfToken ?? null,
    moneyUnit: row.money_unit,
    businessTimeZone,
  };
}

/** The person's own display preferences (PLAT-6: money in 元 or 万元), audited. */
export async function setPreferences(db: Kdb, actor: Actor, input: { moneyUnit: MoneyUnit }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await authRepo.setMoneyUnit(trx, actor.userId, input.moneyUnit);
    if (before !== input.moneyUnit) await audit(trx, actor, { entity: 'user', entityId: actor.userId, action: 'preferences', before: { moneyUnit: before }, after: { moneyUnit: input.moneyUnit } });
  });
}

/** The person's own home page: the widgets in their order, shown or hidden (none: as their positions place them). */
export async function homeLayoutOf(db: Kdb, actor: Actor): Promise<HomeLayout & { customised: boolean }> {
  const widgets = await authRepo.homeLayout(db, actor.userId);
  return { widgets: widgets ?? [], customised: widgets !== null };
}

/** Saves the person's home layout; an empty list goes back to their positions' order. Audited. */
export async function setHomeLayout(db: Kdb, actor: Actor, input: HomeLayout): Promise<HomeLayout & { customised: boolean }> {
  const twice = input.widgets.findIndex((w, i) => input.widgets.findIndex((x) => x.key === w.key) !== i);
  if (twice >= 0) throw validationError([issue(`widgets.${twice}.key`, 'auth.homeWidgetTwice', 'The same widget twice')]);
  const widgets = input.widgets.length ? input.widgets.map((w) => ({ key: w.key, hidden: w.hidden })) : null;
  await db.transaction().execute(async (trx) => {
    const before = await authRepo.setHomeLayout(trx, actor.userId, widgets);
    await audit(trx, actor, { entity: 'user', entityId: actor.userId, action: 'home_layout', before: { homeLayout: before }, after: { homeLayout: widgets } });
  });
  return { widgets: widgets ?? [], customised: widgets !== null };
}

export async function changePassword(db: Kdb, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.selectFrom('users').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw validationError([issue('currentPassword', 'auth.wrongCurrentPassword', 'Current password is wrong')]);
  }
  if (newPassword === currentPassword) throw validationError([issue('newPassword', 'auth.samePassword', 'Choose a different password')]);
  const password_hash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash, must_change_password: false, updated_at: sql`now()` }).where('id', '=', actor.userId).execute();
    // Other sessions end: whoever knew the old password is signed out.
    await authRepo.deleteUserSessions(trx, actor.userId, actor.sessionId);
    await audit(trx, actor, { entity: 'user', entityId: actor.userId, action: 'password_changed' });
  });
}

export async function createToken(db: Kdb, actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number }) {
  if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'API tokens are created from a signed-in session', undefined, { key: 'auth.tokenNeedsSession' });
  const bad = input.scopes.map((s, i) => ({ s, i })).filter(({ s }) => !isPermission(s) || !actor.permissions.has(s));
  if (bad.length) {
    throw validationError(bad.map(({ s, i }) => issue(`scopes.${i}`, 'auth.scopeNotAllowed', `You cannot grant ${s}`, { scope: s })));
  }
  const token = `tm_${randomToken(30)}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null;
  return db.transaction().execute(async (trx) => {
    const row = await authRepo.createToken(trx, { userId: actor.userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 7), scopes: input.scopes, expiresAt });
    await audit(trx, actor, { entity: 'api_token', entityId: row.id, action: 'create', after: { name: row.name, scopes: row.scopes } });
    return { row, token };
  });
}

export async function revokeToken(db: Kdb, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await authRepo.revokeToken(trx, actor.userId, id))) throw new AppError('NOT_FOUND', 'Token not found', undefined, { key: 'common.notFound' });
    await audit(trx, actor, { entity: 'api_token', entityId: id, action: 'revoke' });
  });
}
