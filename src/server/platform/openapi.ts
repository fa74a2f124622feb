import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { AUTHENTICATED, PUBLIC } from '../../shared/permissions';
import { completeDocument, ERRORS_EXTENSION, PERMISSION_EXTENSION } from './openapi.rules';

/**
 * The OpenAPI document (served at /api/openapi.json, shown at /api/docs): @fastify/swagger
 * with these two steps. Per route — only those under /api/, the web app's are left out — after
 * the zod contracts become JSON schemas:
 * - a PUBLIC route says `security: []`, a permission route its permission (x-permission),
 *   `config.errors` its extra error statuses;
 * - an upload (`consumes: ['multipart/form-data']`, no JSON body) gets its multipart body with
 *   the binary `file` field;
 * - a download (`produces: [...]`, no 200 schema) gets its 200 response in those content types.
 * Over the whole document: openapi.rules.ts's completeDocument (servers, operationIds, error
 * responses, OpenAPI 3.0 schemas).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** error statuses the route answers beyond the derived ones (openapi.rules.ts errorStatusesOf) */
    errors?: readonly number[];
  }
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type DocSchema = FastifySchema & Record<string, unknown>;

const MULTIPART = 'multipart/form-data';

/** The body of every upload: one file part named `file`. */
export const UPLOAD_BODY = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'The file (CSV or XLSX)' } },
} as const;

/** A text type is a string, anything else bytes. */
const downloadSchema = (contentType: string) => (contentType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' });

/** The route step (the `transform` option of @fastify/swagger). */
export function openApiTransform(input: TransformInput): { schema: FastifySchema; url: string } {
  // the web app's routes (/, its files, client-side paths) are no part of the API
  if (!input.url.startsWith('/api/')) return { schema: { hide: true }, url: input.url };
  const out = jsonSchemaTransform(input);
  const schema = out.schema as DocSchema;
  if (schema.hide) return out;
  const route = (input as unknown as { route: RouteOptions }).route;
  const access = route.config?.access;
  if (access === PUBLIC) schema.security = [];
  else if (access && access !== AUTHENTICATED) schema[PERMISSION_EXTENSION] = access;
  if (route.config?.errors?.length) schema[ERRORS_EXTENSION] = [...route.config.errors];

  if (schema.consumes?.includes(MULTIPART) && !schema.body) {
    schema.body = UPLOAD_BODY;
    schema.consumes = [MULTIPART];
  }
  // the document names bare media types: `text/csv; charset=utf-8` → text/csv
  const produces = schema.produces && [...new Set(schema.produces.map((t) => t.split(';')[0]!.trim()))];
  const response = (schema.response ?? {}) as Record<string, unknown>;
  if (produces?.length && response['200'] === undefined) {
    schema.response = {
      ...response,
      200: { description: `The file (${produces.join(', ')})`, content: Object.fromEntries(produces.map((t) => [t, { schema: downloadSchema(t) }])) },
    };
    delete schema.produces;
  }
  return { schema, url: out.url };
}

/**
 * The document as the docs page (/api/docs) gets it: "Try it out" calls the host the page came
 * from first — PUBLIC_URL may name another (or the default localhost) — then PUBLIC_URL.
 */
export function forDocsPage(spec: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const servers = Array.isArray(spec.servers) ? spec.servers : [];
  return { ...spec, servers: [{ url: '/', description: 'The host these docs are served from' }, ...servers] };
}

/** The document step (the `transformObject` option). */
export function openApiComplete(serverUrl: string) {
  return (documentObject: { openapiObject?: unknown; swaggerObject?: unknown }) => {
    if (!documentObject.openapiObject) throw new Error('Only OpenAPI 3 documents are produced');
    return completeDocument(documentObject.openapiObject as Record<string, unknown>, { serverUrl });
  };
}
