import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import { describe, expect, it } from 'vitest';
import { openApiComplete, openApiTransform } from './openapi';

/**
 * The two steps on a bare Fastify app with routes like the web app's (served beside the API in
 * production, absent from the API tests): the document leaves them out, and still completes.
 */
describe('the OpenAPI steps', () => {
  it('leave the web app\'s routes out of the document (they would all be `get`)', async () => {
    const app = Fastify();
    await app.register(swagger, { openapi: { info: { title: 't', version: '1' } }, transform: openApiTransform, transformObject: openApiComplete('https://tm.example.org') });
    app.get('/', { config: { access: 'public' } }, async () => 'index');
    app.get('/*', { config: { access: 'public' } }, async () => 'file');
    app.get('/api/health', { config: { access: 'public' }, schema: {} }, async () => ({ ok: true }));
    app.get('/api/things/:id', { config: { access: 'authenticated' }, schema: { produces: ['text/csv; charset=utf-8'] } }, async () => 'a,b');
    await app.ready();
    const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { operationId: string; security?: unknown[]; responses: Record<string, unknown> }>>; servers: unknown[] };
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/health', '/api/things/{id}']);
    expect(doc.paths['/api/health']!.get!).toMatchObject({ operationId: 'getHealth', security: [] });
    const thing = doc.paths['/api/things/{id}']!.get!;
    expect(thing.operationId).toBe('getThingsById');
    expect(thing.responses['200']).toEqual({ description: 'The file (text/csv)', content: { 'text/csv': { schema: { type: 'string' } } } });
    expect(Object.keys(thing.responses)).toEqual(['200', '400', '401', '404']);
    await app.close();
  });
});
