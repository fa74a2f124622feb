import { validate } from '@readme/openapi-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';

/**
 * Issue 13 item 18: the document at /api/openapi.json is what client generators accept. It is
 * checked by two validators that know nothing of this code base — Redocly's linter with its
 * strictest built-in ruleset and ReadMe's OpenAPI parser — and for the properties generators
 * need: the server, multipart upload bodies, download content types, unique operationIds and
 * the error responses of every operation.
 */

const PUBLIC_URL = 'https://crm.tongmeng.example.org';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Doc = {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, any>; responses: Record<string, any> };
};

let t: TestApp;
let doc: Doc;
let source: string;
const ops: { method: string; path: string; op: any }[] = [];

beforeAll(async () => {
  t = await createTestApp({ config: { PUBLIC_URL } });
  const res = await call(t.app, { method: 'GET', url: '/api/openapi.json' });
  expect(res.status).toBe(200);
  doc = res.body;
  source = JSON.stringify(doc);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (item[method]) ops.push({ method, path, op: item[method] });
  }
});
afterAll(async () => t?.close());

const op = (method: string, path: string) => {
  const found = doc.paths[path]?.[method];
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
};
/** The error statuses an operation lists. */
const errorStatuses = (o: any) => Object.keys(o.responses).filter((s) => /^[45]\d\d$/.test(s)).map(Number);

describe('the OpenAPI document', () => {
  it('passes the Redocly linter with the recommended-strict ruleset (every warning an error)', async () => {
    const config = await createConfig({ extends: ['recommended-strict'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    // The only two findings that are not the document's to fix, each at exactly one place:
    // the product is proprietary (package.json: UNLICENSED), so its license has no URL; and the
    // liveness check answers 200 or 500, there is no 4xx it could list.
    const accepted = new Set(['info-license-strict #/info/license/url', 'operation-4xx-response #/paths/~1api~1health/get/responses']);
    const found = problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
    expect(found.filter((f) => !accepted.has(f)), problems.map((p) => `${p.ruleId}: ${p.message} ${p.location[0]?.pointer}`).slice(0, 20).join('\n')).toEqual([]);
  });

  it('is valid for ReadMe\'s OpenAPI parser, without warnings', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result).slice(0, 2000)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('is OpenAPI 3.0 where `nullable` always stands beside a type, and names its server', () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers).toEqual([expect.objectContaining({ url: PUBLIC_URL })]);
    const bare: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.nullable === 'boolean' && o.type === undefined) bare.push(at);
        for (const [k, x] of Object.entries(o)) walk(x, `${at}/${k}`);
      }
    };
    walk(doc, '#');
    expect(bare).toEqual([]);
  });

  it('the docs page tries requests on its own host first, then on PUBLIC_URL', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/docs/json' });
    expect(res.status).toBe(200);
    expect(res.body.servers.map((s: { url: string }) => s.url)).toEqual(['/', PUBLIC_URL]);
    expect(Object.keys(res.body.paths)).toEqual(Object.keys(doc.paths));
    // the served document itself is not changed by it
    expect((await call(t.app, { method: 'GET', url: '/api/openapi.json' })).body.servers).toEqual(doc.servers);
  });

  it('gives every operation an operationId, each one unique', () => {
    expect(ops.length).toBeGreaterThan(200);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => typeof id !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(op('get', '/api/accounts/{id}').operationId).toBe('getAccountsById');
    expect(op('get', '/api/calendar/feed/{token}.ics').operationId).toBe('getCalendarFeedByTokenIcs');
  });

  it('describes both uploads as multipart/form-data with a binary `file` field', () => {
    for (const [method, path] of [['post', '/api/imports'], ['put', '/api/imports/{id}/file']] as const) {
      const body = op(method, path).requestBody;
      expect(body?.required, `${method} ${path}`).toBe(true);
      expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
      const schema = body.content['multipart/form-data'].schema;
      expect(schema.type).toBe('object');
      expect(schema.required).toEqual(['file']);
      expect(schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(errorStatuses(op(method, path))).toContain(413);
    }
  });

  it('gives every download its content types', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const downloads: [string, string[]][] = [
      ['/api/accounts/export', [XLSX, 'text/csv']],
      ['/api/contacts/export', [XLSX, 'text/csv']],
      ['/api/import-templates/{kind}', [XLSX, 'text/csv']],
      ['/api/expense-claims/export', [XLSX]],
      ['/api/calendar/export.ics', ['text/calendar']],
      ['/api/calendar/feed/{token}.ics', ['text/calendar']],
      ['/api/files/{id}', ['*/*']],
    ];
    for (const [path, types] of downloads) {
      const content = op('get', path).responses['200'].content;
      expect(Object.keys(content ?? {}).sort(), path).toEqual([...types].sort());
      for (const type of types) expect(content[type].schema).toEqual(type.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' });
    }
    // and no other operation is left without a described success response
    const bare = ops.filter((o) => Object.entries(o.op.responses).some(([s, r]: [string, any]) => /^2/.test(s) && !r.content));
    expect(bare.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('lists the error responses of every operation, each the shared error body', () => {
    const error = doc.components.schemas.Error;
    expect(error.required).toEqual(['error']);
    expect(error.properties.error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties.error.properties)).toEqual(expect.arrayContaining(['code', 'message', 'details']));
    for (const [name, response] of Object.entries(doc.components.responses)) {
      expect(response.content['application/json'].schema, name).toEqual({ $ref: '#/components/schemas/Error' });
    }
    const without: string[] = [];
    for (const { method, path, op: o } of ops) {
      const statuses = errorStatuses(o);
      if (!statuses.some((s) => s >= 400 && s < 500)) without.push(`${method} ${path}`);
      for (const s of statuses) expect(o.responses[s].$ref, `${method} ${path} ${s}`).toMatch(/^#\/components\/responses\/[A-Za-z]+$/);
    }
    expect(without).toEqual(['get /api/health']);

    // as applicable: what the route's access, method and parameters make possible
    expect(errorStatuses(op('get', '/api/accounts'))).toEqual([400, 401, 403]);
    expect(errorStatuses(op('get', '/api/accounts/{id}'))).toEqual([400, 401, 403, 404]);
    expect(errorStatuses(op('post', '/api/accounts'))).toEqual([400, 401, 403, 404, 409]);
    expect(errorStatuses(op('post', '/api/notifications/read-all'))).toEqual([400, 401, 403, 409]);
    expect(errorStatuses(op('patch', '/api/accounts/{id}'))).toEqual([400, 401, 403, 404, 409]);
    expect(errorStatuses(op('get', '/api/auth/me'))).toEqual([401]);
    expect(errorStatuses(op('post', '/api/auth/login'))).toEqual([400, 401, 423, 429]);
    expect(errorStatuses(op('get', '/api/calendar/feed/{token}.ics'))).toEqual([400, 404]);
    expect(errorStatuses(op('get', '/api/public/surveys/{token}'))).toEqual([400, 404, 410, 429]);
    expect(errorStatuses(op('post', '/api/public/surveys/{token}'))).toEqual([400, 404, 410, 413, 429]);
    // public operations say so; the others need the session or a token
    expect(ops.filter((o) => Array.isArray(o.op.security) && o.op.security.length === 0).map((o) => `${o.method} ${o.path}`).sort())
      .toEqual(['get /api/calendar/feed/{token}.ics', 'get /api/health', 'get /api/public/surveys/{token}', 'post /api/auth/login', 'post /api/public/surveys/{token}']);
    expect(op('post', '/api/imports')['x-permission']).toBe('account:import');
  });

  it('lists the statuses the server really answers with', async () => {
    const director = await t.login('director');
    const answers = [
      { method: 'get', path: '/api/accounts/{id}', res: await director.get('/api/accounts/987654321') },
      { method: 'post', path: '/api/imports', res: await director.post('/api/imports?kind=accounts', {}) },
      { method: 'get', path: '/api/calendar/feed/{token}.ics', res: await t.anonymous().get('/api/calendar/feed/tmcal_nosuchtoken.ics') },
      { method: 'post', path: '/api/auth/login', res: await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'director', password: 'wrong password' } }) },
      { method: 'get', path: '/api/accounts', res: await t.anonymous().get('/api/accounts') },
      { method: 'get', path: '/api/public/surveys/{token}', res: await t.anonymous().get('/api/public/surveys/no-such-token') },
    ];
    expect(answers.map((a) => a.res.status)).toEqual([404, 400, 404, 401, 401, 410]);
    for (const a of answers) {
      expect(errorStatuses(op(a.method, a.path)), `${a.method} ${a.path}`).toContain(a.res.status);
      expect(a.res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    }
  });
});
