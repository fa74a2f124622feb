import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kdb } from '../../db/client';
import { AppError } from '../../../shared/errors';
import { AUTHENTICATED, PUBLIC, isPermission, type Permission } from '../../../shared/permissions';
import type { Actor } from '../actor';
import { isPublicRoute } from '../http';
import { loadActorForUser, loadSessionActor, sha256 } from './actor-loader';
import { authRepo } from './auth.repo';

export const SESSION_COOKIE = 'tm_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// A session's expiry slides forward, but at most once a minute, so reads do not write on every request.
const TOUCH_INTERVAL_MS = 60_000;

async function fromSession(db: Kdb, req: FastifyRequest, ttlMs: number): Promise<Actor | undefined> {
  const raw = req.cookies?.[SESSION_COOKIE];
  if (!raw) return undefined;
  const id = sha256(raw);
  const session = await loadSessionActor(db, id);
  if (!session) return undefined;
  const lastSeen = session.lastSeenAt ? new Date(session.lastSeenAt).getTime() : 0;
  if (Date.now() - lastSeen > TOUCH_INTERVAL_MS) {
    await authRepo.touchSession(db, id, new Date(Date.now() + ttlMs));
  }
  return { ...session.actor, via: 'session', sessionId: id, csrfToken: session.csrfToken };
}

async function fromToken(db: Kdb, req: FastifyRequest): Promise<Actor | undefined> {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const token = await authRepo.findToken(db, sha256(header.slice(7).trim()));
  if (!token) return undefined;
  const actor = await loadActorForUser(db, token.user_id);
  if (!actor) return undefined;
  // A token can do at most what its owner can, and only within its scopes.
  const scopes = new Set(token.scopes);
  const permissions = new Map([...actor.permissions].filter(([p]) => scopes.has(p)));
  const lastUsed = token.last_used_at ? new Date(token.last_used_at).getTime() : 0;
  if (Date.now() - lastUsed > TOUCH_INTERVAL_MS) await authRepo.touchToken(db, token.id);
  return { ...actor, permissions, via: 'token' };
}

/**
 * Authenticates every request to a route outside the public allow-list (http.ts PUBLIC_API_ROUTES)
 * before its body is even parsed:
 * no session → 401; cookie-authenticated write without the CSRF header → 403;
 * missing permission → 403.
 */
export function installAuthHook(app: FastifyInstance, db: Kdb, sessionTtlMs: number): void {
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    // open without a session only what the allow-list names: no actor, no cookie read or set, no CSRF
    if (access === PUBLIC && isPublicRoute(req.method, req.routeOptions.url ?? '')) return;
    const actor = (await fromToken(db, req)) ?? (await fromSession(db, req, sessionTtlMs));
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Not signed in', undefined, { key: 'auth.notSignedIn' });
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) {
        throw new AppError('CSRF', 'Missing or wrong CSRF token (send the x-csrf-token header)', undefined, { key: 'auth.csrf' });
      }
    }
    if (access !== AUTHENTICATED && isPermission(access) && !actor.permissions.has(access as Permission)) {
      throw new AppError('FORBIDDEN', `Missing permission ${access}`, undefined, { key: 'common.forbidden', params: { permission: access } });
    }
    actor.ip = req.ip;
    actor.requestId = String(req.id);
    req.actor = actor;
  });
}
