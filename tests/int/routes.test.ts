import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('only health, login, the OpenAPI document, docs and the secret calendar feed are public', () => {
    const publicApi = t.routes
      .filter((r) => r.url.startsWith('/api') && r.access === PUBLIC && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual(['GET /api/calendar/feed/:token.ics', 'GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login']);
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
    const expectedPublic = new Set(['GET /api/health', 'POST /api/auth/login', 'GET /api/calendar/feed/:token.ics']);
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
