import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, createTokenBody, createTokenResponse, homeLayout, homeLayoutResponse, loginBody, meResponse, preferencesBody, tokenItem } from '../../../shared/contracts/auth';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import { AUTHENTICATED, PUBLIC } from '../../../shared/permissions';
import { authRepo } from '../../platform/auth/auth.repo';
import { SESSION_COOKIE } from '../../platform/auth/hook';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './auth.service';

function tokenOut(t: { id: number; name: string; prefix: string; scopes: string[]; expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null; created_at: Date }) {
  return { id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes, expiresAt: iso(t.expires_at), lastUsedAt: iso(t.last_used_at), revokedAt: iso(t.revoked_at), createdAt: iso(t.created_at) };
}

export async function authRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.get('/api/health', {
    config: { access: PUBLIC },
    schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
  }, async () => {
    await p.db.selectFrom('org_units').select('id').limit(1).execute();
    return { status: 'ok' as const, database: p.database.kind };
  });

  app.post('/api/auth/login', {
    config: { access: PUBLIC, errors: [401, 423, 429] },
    schema: { tags, summary: 'Sign in; sets the session cookie and returns the CSRF token', body: loginBody, response: { 200: meResponse } },
  }, async (req, reply) => {
    const result = await service.login(p.db, p.config, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    reply.setCookie(SESSION_COOKIE, result.cookieValue, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: p.config.COOKIE_SECURE,
      expires: result.expiresAt,
    });
    return service.me(p.db, result.actor, p.config.BUSINESS_TZ);
  });

  app.post('/api/auth/logout', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Sign out this session', response: { 200: okResponse } },
  }, async (req, reply) => {
    await service.logout(p.db, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'The signed-in user with roles, permissions and data scopes', response: { 200: meResponse } },
  }, async (req) => service.me(p.db, actorOf(req), p.config.BUSINESS_TZ));

  app.put('/api/auth/preferences', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Set own display preferences (money in 元 or 万元); returns the signed-in user', body: preferencesBody, response: { 200: meResponse } },
  }, async (req) => {
    await service.setPreferences(p.db, actorOf(req), req.body);
    return service.me(p.db, actorOf(req), p.config.BUSINESS_TZ);
  });

  app.get('/api/auth/home-layout', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Own home page layout: the widgets in the chosen order, shown or hidden (none: as the positions place them)', response: { 200: homeLayoutResponse } },
  }, async (req) => service.homeLayoutOf(p.db, actorOf(req)));

  app.put('/api/auth/home-layout', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Arrange own home page: widget keys in order with hidden flags (at most 60; an empty list restores the default order)', body: homeLayout, response: { 200: homeLayoutResponse } },
  }, async (req) => service.setHomeLayout(p.db, actorOf(req), req.body));

  app.post('/api/auth/password', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Change own password (ends other sessions)', body: changePasswordBody, response: { 200: okResponse } },
  }, async (req) => {
    await service.changePassword(p.db, actorOf(req), req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });

  app.get('/api/auth/tokens', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Own personal API tokens', response: { 200: z.object({ items: z.array(tokenItem) }) } },
  }, async (req) => ({ items: (await authRepo.listTokens(p.db, actorOf(req).userId)).map(tokenOut) }));

  app.post('/api/auth/tokens', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Create a personal API token limited to scopes (the token is shown once)', body: createTokenBody, response: { 200: createTokenResponse } },
  }, async (req) => {
    const { row, token } = await service.createToken(p.db, actorOf(req), req.body);
    return { ...tokenOut(row), token };
  });

  app.delete('/api/auth/tokens/:id', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Revoke a token', params: idParam, response: { 200: okResponse } },
  }, async (req) => {
    await service.revokeToken(p.db, actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
