import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { enforceRouteAccess, PUBLIC_API_ROUTES } from '../../src/server/platform/http';
import { AUTHENTICATED, PUBLIC, isPermission } from '../../src/shared/permissions';
import { call, createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Fills path parameters with a plausible id so the request reaches the auth hook. */
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '1');

describe('permissions by construction', () => {
  it('every /api route declares a valid access', () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) {
      expect(r.access === PUBLIC || r.access === AUTHENTICATED || isPermission(r.access), `${r.method} ${r.url}`).toBe(true);
    }
  });

  it('only health, login, the OpenAPI document, docs, the secret calendar feed and the one-time survey link are public: the allow-list', () => {
    const publicApi = t.routes
      .filter((r) => r.url.startsWith('/api') && r.access === PUBLIC && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const expected = ['GET /api/calendar/feed/:token.ics', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/public/surveys/:token', 'POST /api/auth/login', 'POST /api/public/surveys/:token'];
    expect(publicApi).toEqual(expected);
    expect([...PUBLIC_API_ROUTES].sort()).toEqual(expected);
  });

  it('a route declaring PUBLIC outside the allow-list stops the app from starting', async () => {
    const app = Fastify();
    enforceRouteAccess(app, []);
    expect(() => app.get('/api/accounts/open-to-all', { config: { access: PUBLIC } }, async () => ({}))).toThrow(/not in PUBLIC_API_ROUTES/);
    await app.close();
  });

  it('every operation in /api/openapi.json except health and login answers 401 without a session', async () => {
    const doc = (await call(t.app, { method: 'GET', url: '/api/openapi.json' })).body;
    const operations: { method: string; url: string }[] = [];
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        operations.push({ method: method.toUpperCase(), url: path.replace(/\{([^}]+)\}/g, ':$1') });
      }
    }
    const expectedPublic = new Set(['GET /api/health', 'POST /api/auth/login', 'GET /api/calendar/feed/:token.ics', 'GET /api/public/surveys/:token', 'POST /api/public/surveys/:token']);
    const documented = operations.filter((o) => !expectedPublic.has(`${o.method} ${o.url}`));
    // every registered non-public API route is documented, so this walk covers the whole table
    const registered = t.routes.filter((r) => r.url.startsWith('/api') && r.access !== PUBLIC);
    expect(documented.map((o) => `${o.method} ${o.url}`).sort()).toEqual(registered.map((r) => `${r.method} ${r.url}`).sort());
    for (const op of documented) {
      const res = await call(t.app, { method: op.method as 'GET', url: concrete(op.url), payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      expect(res.status, `${op.method} ${op.url}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/no-such-thing' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
