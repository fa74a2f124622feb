/**
 * The OpenAPI 3.0 document as strict linters and client generators want it (issue 13 item 18):
 * pure functions over the document @fastify/swagger builds from the zod contracts. openapi.ts
 * wires them in; the HTTP-level test lints the served document with independent validators.
 *
 * - every operation gets a unique operationId (from its method and path unless it names one);
 * - every operation lists the errors it can answer, each a `$ref` to a shared response whose body
 *   is the one error shape `{ error: { code, message, details?, i18n? } }` (shared/errors.ts);
 * - schemas keep to OpenAPI 3.0: `nullable` always stands beside a `type`, and an object whose
 *   required keys live only in `additionalProperties` (a zod record over an enum) names them.
 */
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';

type Json = Record<string, unknown>;

const SAFE_METHODS = new Set(['get', 'head', 'options']);
/** The operation keys of a path item. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The extension by which a route hands its declared extra error statuses to the document step; removed there. */
export const ERRORS_EXTENSION = 'x-tm-errors';
/** The permission a route needs, left on its operation for readers of the document. */
export const PERMISSION_EXTENSION = 'x-permission';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * `get` + `/api/accounts/{id}/contacts` → `getAccountsByIdContacts`; Fastify's `:id` form gives the
 * same. Words are split at anything not a letter or digit (`feed/{token}.ics` → FeedByTokenIcs).
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api(?=\/|$)/, '')
    .replace(/\{([^}]+)\}|:([A-Za-z0-9_]+)/g, (_m, a: string | undefined, b: string | undefined) => `/by-${a ?? b}`)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map(pascal).join('');
}

/** What decides which errors an operation can answer. */
export interface OperationTraits {
  method: string;
  /** anyone may call it (`security: []`) */
  public: boolean;
  /** it needs a named permission (not just a signed-in user) */
  permission: boolean;
  /** a path parameter names a record */
  pathParams: boolean;
  /** it takes parameters or a body, which are validated */
  input: boolean;
  /** it takes a body (JSON or an upload) */
  body: boolean;
  /** it takes a file as multipart/form-data */
  upload: boolean;
  /** statuses the route declares beyond these rules (e.g. sign-in: 401, 423, 429) */
  declared?: readonly number[];
}

/**
 * The error statuses of an operation:
 * 400 — any input (zod validation, the NUL guard, rule checks naming the field), and any write:
 *       its body is parsed even where none is expected, and a malformed one is refused;
 * 401 — any non-public operation without a valid session or token;
 * 403 — a named permission missing, or a cookie-authenticated write without the CSRF header
 *       (record-level refusals are writes too);
 * 404 — a record named by a path parameter, or by the body of a write, does not exist or is
 *       outside the caller's data scope;
 * 409 — a non-public write: a duplicate unique value, a stale `version`, a state that does not allow it;
 * 413 — an upload larger than the limit.
 */
export function errorStatusesOf(t: OperationTraits): number[] {
  const write = !SAFE_METHODS.has(t.method.toLowerCase());
  const out = new Set<number>(t.declared ?? []);
  if (t.input || t.upload || write) out.add(400);
  if (!t.public) out.add(401);
  if (!t.public && (t.permission || write)) out.add(403);
  if (t.pathParams || (!t.public && write && t.body)) out.add(404);
  if (!t.public && write) out.add(409);
  if (t.upload) out.add(413);
  return [...out].sort((a, b) => a - b);
}

/** Component names of the shared error responses, by status. */
const RESPONSE_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  413: 'PayloadTooLarge',
  423: 'Locked',
  429: 'TooManyRequests',
};
const RESPONSE_TEXT: Record<number, string> = {
  400: 'Invalid input: details.issues names each field (path, message, translation key)',
  401: 'Not signed in: no valid session cookie or API token (sign-in: wrong username or password)',
  403: 'A permission is missing, or a cookie-authenticated write came without the x-csrf-token header',
  404: 'A record named in the path or the body does not exist or is outside the caller\'s data scope',
  409: 'A duplicate unique value, a stale version (reload and retry) or a state that does not allow this',
  410: 'The one-time link no longer opens anything: unknown, expired, used or revoked (one answer for all)',
  413: 'The upload is larger than the limit',
  423: 'The user is locked after repeated failed sign-ins (details.lockedUntil)',
  429: 'Too many requests from this address (failed sign-ins, or the public survey link)',
};

export const ERROR_SCHEMA_NAME = 'Error';
export const errorResponseRef = (status: number) => `#/components/responses/${RESPONSE_NAMES[status]}`;

/** The codes (shared/errors.ts) that answer with `status`. */
export const errorCodesFor = (status: number) => (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => ERROR_STATUS[c] === status);

/** The one error body of every 4xx/5xx (platform/http.ts sends it). */
export function errorSchema(): Json {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
          message: { type: 'string', description: 'English, for logs and API clients' },
          details: { type: 'object', additionalProperties: true, description: 'Depends on the code; VALIDATION: { issues: [{ path, message, key, params, location }] }' },
          i18n: {
            type: 'object',
            description: 'The message as a key of the errors locale namespace and its parameters',
            required: ['key'],
            properties: { key: { type: 'string' }, params: { type: 'object', additionalProperties: true } },
          },
        },
      },
    },
  };
}

/** components.responses: one per status, the error schema, its codes named in the description. */
export function errorResponses(statuses: Iterable<number>): Json {
  const out: Json = {};
  for (const status of [...new Set(statuses)].sort((a, b) => a - b)) {
    const name = RESPONSE_NAMES[status];
    if (!name) throw new Error(`No shared error response for status ${status}`);
    out[name] = {
      description: `${RESPONSE_TEXT[status]} (code ${errorCodesFor(status).join(' | ')})`,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } } },
    };
  }
  return out;
}

/* ---------------------------------------------------------------- schemas */

const ANNOTATIONS = new Set(['description', 'title', 'default', 'example', 'deprecated', 'readOnly', 'writeOnly']);

/** `{ type: T, enum: [...] }` (annotations aside) → T, else undefined. */
function pureEnumType(s: unknown): string | undefined {
  if (!isObject(s) || typeof s.type !== 'string' || !Array.isArray(s.enum)) return undefined;
  return Object.keys(s).every((k) => k === 'type' || k === 'enum' || k === 'nullable' || ANNOTATIONS.has(k)) ? s.type : undefined;
}

/** A member of a union that may also be null, as OpenAPI 3.0 says it: `nullable` beside its type, null among its enum. */
function nullableMember(s: Json): Json {
  const out: Json = { ...s, nullable: true };
  if (Array.isArray(s.enum) && !s.enum.includes(null)) out.enum = [...s.enum, null];
  return out;
}

/** A schema of null only (OpenAPI 3.0 has no null type). */
const NULL_ONLY: Json = { type: 'string', nullable: true, enum: [null] };

/**
 * `nullable: true` without a `type` (what zod's openapi-3.0 output gives a nullable union) is
 * meaningless in OpenAPI 3.0. A union of one type's enums becomes one enum with null; a union of
 * typed members makes each member nullable; anything else gains a null-only member. Without a
 * union the schema accepts anything already and loses the keyword.
 */
function fixNullable(s: Json): void {
  if (!('nullable' in s) || typeof s.nullable !== 'boolean' || 'type' in s) return;
  const nullable = s.nullable;
  delete s.nullable;
  if (!nullable) return;
  const key = Array.isArray(s.anyOf) ? 'anyOf' : Array.isArray(s.oneOf) ? 'oneOf' : undefined;
  if (!key) return;
  const members = s[key] as unknown[];
  const types = new Set(members.map(pureEnumType));
  const [onlyType] = types;
  if (members.length > 0 && types.size === 1 && onlyType !== undefined) {
    delete s[key];
    const values = members.flatMap((m) => (m as Json).enum as unknown[]);
    Object.assign(s, { type: onlyType, enum: [...new Set([...values.filter((v) => v !== null), null])], nullable: true });
  } else if (members.every((m) => isObject(m) && typeof m.type === 'string')) {
    s[key] = members.map((m) => nullableMember(m as Json));
  } else {
    s[key] = [...members, { ...NULL_ONLY }];
  }
}

/**
 * A zod record over an enum is `{ type: object, additionalProperties: X, required: [keys] }`:
 * the keys become properties of schema X, and no others are allowed (zod refuses them).
 */
function fixRecordKeys(s: Json): void {
  if (s.type !== 'object' || !Array.isArray(s.required) || s.properties !== undefined || !isObject(s.additionalProperties)) return;
  const value = s.additionalProperties;
  s.properties = Object.fromEntries((s.required as string[]).map((k) => [k, structuredClone(value)]));
  s.additionalProperties = false;
}

/**
 * Puts every schema under `node` in OpenAPI 3.0 form (see fixNullable, fixRecordKeys), in place.
 * Walks with its own stack: the document is large and deep.
 */
export function normalizeSchemas(node: unknown): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (isObject(v)) {
      fixNullable(v);
      fixRecordKeys(v);
      for (const x of Object.values(v)) if (typeof x === 'object' && x !== null) stack.push(x);
    }
  }
}

/* ---------------------------------------------------------------- the document */

export interface CompleteOptions {
  /** where the API is served (PUBLIC_URL): the document's one server */
  serverUrl: string;
}

interface Operation extends Json {
  operationId?: string;
  parameters?: { in?: string }[];
  requestBody?: { content?: Json };
  responses?: Json;
  security?: unknown[];
}

/** The traits of an operation as the document (after openapi.ts's route step) states them. */
export function traitsOf(method: string, op: Operation): OperationTraits {
  const params = op.parameters ?? [];
  const declared = op[ERRORS_EXTENSION];
  return {
    method,
    public: Array.isArray(op.security) && op.security.length === 0,
    permission: typeof op[PERMISSION_EXTENSION] === 'string',
    pathParams: params.some((p) => p.in === 'path'),
    input: params.length > 0 || op.requestBody !== undefined,
    body: op.requestBody !== undefined,
    upload: Boolean(op.requestBody?.content?.['multipart/form-data']),
    declared: Array.isArray(declared) ? (declared as number[]) : undefined,
  };
}

/**
 * Completes the document in place and returns it: the server, a unique operationId and the error
 * responses of every operation, the shared error components, schemas in OpenAPI 3.0 form.
 * Throws when two operations would share an operationId (a route naming one should pick another).
 */
export function completeDocument<D extends Json>(doc: D, opts: CompleteOptions): D {
  const d = doc as Json;
  d.servers = [{ url: opts.serverUrl.replace(/\/+$/, '') || '/', description: 'This installation (PUBLIC_URL)' }];
  const used = new Set<number>();
  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries((d.paths ?? {}) as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      op.operationId ??= operationIdOf(method, path);
      const clash = ids.get(op.operationId);
      if (clash) throw new Error(`operationId ${op.operationId} of ${where} is also that of ${clash}`);
      ids.set(op.operationId, where);
      const responses = (op.responses ??= {});
      for (const status of errorStatusesOf(traitsOf(method, op))) {
        if (responses[String(status)] !== undefined) continue;
        responses[String(status)] = { $ref: errorResponseRef(status) };
        used.add(status);
      }
      delete op[ERRORS_EXTENSION];
    }
  }
  const components = (d.components ??= {}) as Json;
  components.schemas = { ...((components.schemas as Json | undefined) ?? {}), [ERROR_SCHEMA_NAME]: errorSchema() };
  components.responses = { ...((components.responses as Json | undefined) ?? {}), ...errorResponses(used) };
  normalizeSchemas(d.paths);
  normalizeSchemas(components.schemas);
  return doc;
}
