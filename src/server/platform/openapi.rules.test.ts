import { describe, expect, it } from 'vitest';
import { completeDocument, errorCodesFor, errorStatusesOf, normalizeSchemas, operationIdOf, type OperationTraits } from './openapi.rules';

const traits = (t: Partial<OperationTraits>): OperationTraits => ({ method: 'get', public: false, permission: true, pathParams: false, input: false, body: false, upload: false, ...t });

describe('operationIdOf', () => {
  it('joins the method and the path words, parameters as By<Name>', () => {
    expect(operationIdOf('get', '/api/accounts')).toBe('getAccounts');
    expect(operationIdOf('PATCH', '/api/accounts/{id}')).toBe('patchAccountsById');
    expect(operationIdOf('post', '/api/imports/:id/commit')).toBe('postImportsByIdCommit');
    expect(operationIdOf('get', '/api/calendar/feed/{token}.ics')).toBe('getCalendarFeedByTokenIcs');
    expect(operationIdOf('get', '/api/account-settings')).toBe('getAccountSettings');
    expect(operationIdOf('get', '/api/accounts/{id}/contacts/{contactId}')).toBe('getAccountsByIdContactsByContactId');
  });

  it('tells the Fastify and the OpenAPI form of one path apart from nothing else', () => {
    expect(operationIdOf('get', '/api/files/:id')).toBe(operationIdOf('get', '/api/files/{id}'));
    expect(operationIdOf('get', '/api/files/{id}')).not.toBe(operationIdOf('get', '/api/files/id'));
  });
});

describe('errorStatusesOf', () => {
  it('a permission read with a path parameter: 400, 401, 403, 404', () => {
    expect(errorStatusesOf(traits({ pathParams: true, input: true }))).toEqual([400, 401, 403, 404]);
  });

  it('a signed-in read without input can only be unauthenticated', () => {
    expect(errorStatusesOf(traits({ permission: false }))).toEqual([401]);
  });

  it('a write also answers 403 (CSRF, record-level refusals) and 409; without any input still 400 (a malformed body)', () => {
    expect(errorStatusesOf(traits({ method: 'post', permission: false }))).toEqual([400, 401, 403, 409]);
    expect(errorStatusesOf(traits({ method: 'DELETE', pathParams: true, input: true }))).toEqual([400, 401, 403, 404, 409]);
  });

  it('a write with a body may name a record outside the caller\'s scope: 404', () => {
    expect(errorStatusesOf(traits({ method: 'post', permission: false, input: true, body: true }))).toEqual([400, 401, 403, 404, 409]);
  });

  it('an upload may be too large', () => {
    expect(errorStatusesOf(traits({ method: 'put', upload: true, pathParams: true, input: true, body: true }))).toEqual([400, 401, 403, 404, 409, 413]);
  });

  it('a public operation has no 401/403/404/409 of its own, only what it declares', () => {
    expect(errorStatusesOf(traits({ method: 'post', public: true, permission: false, input: true, body: true, declared: [429, 401, 423] }))).toEqual([400, 401, 423, 429]);
    expect(errorStatusesOf(traits({ public: true, permission: false, pathParams: true, input: true }))).toEqual([400, 404]);
    expect(errorStatusesOf(traits({ public: true, permission: false }))).toEqual([]);
  });

  it('names the error codes of a status', () => {
    expect(errorCodesFor(409).sort()).toEqual(['CONFLICT', 'INVALID_STATE', 'STALE_VERSION']);
    expect(errorCodesFor(403).sort()).toEqual(['CSRF', 'FORBIDDEN']);
  });
});

describe('normalizeSchemas', () => {
  const norm = (s: unknown) => {
    const copy = structuredClone(s);
    normalizeSchemas(copy);
    return copy;
  };

  it('a nullable union of one type\'s literals becomes one enum with null', () => {
    expect(norm({ nullable: true, anyOf: [{ type: 'number', enum: [1] }, { type: 'number', enum: [2] }] })).toEqual({ type: 'number', enum: [1, 2, null], nullable: true });
  });

  it('a nullable union of typed members makes each member nullable (null joins an enum)', () => {
    expect(norm({ nullable: true, anyOf: [{ type: 'string', enum: [''] }, { type: 'string', format: 'email' }] })).toEqual({
      anyOf: [{ type: 'string', enum: ['', null], nullable: true }, { type: 'string', format: 'email', nullable: true }],
    });
    expect(norm({ oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true })).toEqual({ oneOf: [{ type: 'string', nullable: true }, { type: 'number', nullable: true }] });
  });

  it('a nullable union with an untyped member gains a null-only member', () => {
    expect(norm({ nullable: true, anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'string' }] })).toEqual({
      anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'string' }, { type: 'string', nullable: true, enum: [null] }],
    });
  });

  it('a bare `nullable` (any value already) loses the keyword; a typed one is left alone', () => {
    expect(norm({ nullable: true, description: 'anything' })).toEqual({ description: 'anything' });
    expect(norm({ type: 'string', nullable: true })).toEqual({ type: 'string', nullable: true });
  });

  it('a record over an enum names its keys as properties and allows no others', () => {
    const value = { type: 'integer', minimum: 0 };
    expect(norm({ type: 'object', additionalProperties: value, required: ['a', 'b'] })).toEqual({
      type: 'object',
      required: ['a', 'b'],
      properties: { a: value, b: value },
      additionalProperties: false,
    });
    // an open map without required keys stays a map
    expect(norm({ type: 'object', additionalProperties: value })).toEqual({ type: 'object', additionalProperties: value });
  });

  it('reaches schemas at any depth, and leaves a property named `nullable` alone', () => {
    const deep = { type: 'object', properties: { nullable: { type: 'boolean' }, list: { type: 'array', items: { nullable: true, anyOf: [{ type: 'string' }, { type: 'number' }] } } } };
    expect(norm(deep)).toEqual({
      type: 'object',
      properties: { nullable: { type: 'boolean' }, list: { type: 'array', items: { anyOf: [{ type: 'string', nullable: true }, { type: 'number', nullable: true }] } } },
    });
  });
});

describe('completeDocument', () => {
  const base = (): Record<string, any> => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    components: { schemas: {} },
    paths: {
      '/api/things': {
        get: { 'x-permission': 'thing:read', parameters: [{ in: 'query', name: 'q' }], responses: { 200: { description: 'ok' } } },
        post: { 'x-permission': 'thing:write', requestBody: { content: { 'application/json': { schema: { nullable: true, anyOf: [{ type: 'string' }, { type: 'number' }] } } } }, responses: { 200: { description: 'ok' } } },
      },
      '/api/things/{id}': { get: { operationId: 'readThing', parameters: [{ in: 'path', name: 'id' }], responses: { 200: { description: 'ok' } } } },
      '/api/login': { post: { security: [], requestBody: { content: {} }, 'x-tm-errors': [401, 429], responses: { 200: { description: 'ok' } } } },
    },
  });

  it('adds the server, operationIds and error responses, and the shared error components', () => {
    const doc = completeDocument(base(), { serverUrl: 'https://tm.example.org/' });
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://tm.example.org' })]);
    const things = doc.paths['/api/things'];
    expect(things.get).toMatchObject({ operationId: 'getThings', responses: { 400: { $ref: '#/components/responses/BadRequest' }, 401: { $ref: '#/components/responses/Unauthorized' }, 403: { $ref: '#/components/responses/Forbidden' } } });
    expect(Object.keys(things.post.responses)).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(things.post.requestBody.content['application/json'].schema).toEqual({ anyOf: [{ type: 'string', nullable: true }, { type: 'number', nullable: true }] });
    const one = doc.paths['/api/things/{id}'].get;
    expect(one.operationId).toBe('readThing');
    expect(Object.keys(one.responses)).toEqual(['200', '400', '401', '404']);
    const login = doc.paths['/api/login'].post;
    expect(Object.keys(login.responses)).toEqual(['200', '400', '401', '429']);
    expect(login['x-tm-errors']).toBeUndefined();
    const components = doc.components;
    expect(Object.keys(components.responses).sort()).toEqual(['BadRequest', 'Conflict', 'Forbidden', 'NotFound', 'TooManyRequests', 'Unauthorized']);
    expect(components.responses.NotFound.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(components.schemas.Error.properties.error.properties.code.enum).toContain('STALE_VERSION');
  });

  it('refuses two operations with one operationId', () => {
    const doc = base();
    doc.paths['/api/things'].get.operationId = 'readThing';
    expect(() => completeDocument(doc, { serverUrl: 'https://tm.example.org' })).toThrow(/operationId readThing of GET \/api\/things\/\{id\} is also that of GET \/api\/things/);
  });

  it('keeps an error response the route described itself', () => {
    const doc = base();
    doc.paths['/api/things/{id}'].get.responses[404] = { description: 'own' };
    expect(completeDocument(doc, { serverUrl: 'https://tm.example.org' }).paths['/api/things/{id}'].get.responses[404]).toEqual({ description: 'own' });
  });
});
