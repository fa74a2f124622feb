import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, issue, validationError, type ErrorBody, type ErrorCode, type FieldIssue } from '../../shared/errors';
import { AUTHENTICATED, PUBLIC, isPermission, type RouteAccess } from '../../shared/permissions';
import type { Actor } from './actor';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares what it needs: a permission, AUTHENTICATED or PUBLIC. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** The actor of an authenticated route; the auth hook guarantees it is there. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Not signed in', undefined, { key: 'auth.notSignedIn' });
  return req.actor;
}

/**
 * The only API routes open without a session (access PUBLIC) besides the docs pages: sign-in, health, the
 * OpenAPI document and the routes whose secret token is the credential. The auth hook lets a public route
 * through only when it is listed here, and a route declaring PUBLIC that is not stops the app from starting.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/openapi.json',
  'GET /api/calendar/feed/:token.ics',
  'GET /api/public/surveys/:token',
  'POST /api/public/surveys/:token',
]);

const isApiUrl = (url: string) => url === '/api' || url.startsWith('/api/');
const isDocsUrl = (url: string) => url.startsWith('/api/docs');

/** Whether a route (method and pattern) is open without a session: the web app's and the docs' routes, and the listed API routes. */
export function isPublicRoute(method: string, url: string): boolean {
  if (!isApiUrl(url) || isDocsUrl(url)) return true;
  return PUBLIC_API_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${url}`);
}

export interface RouteRecord {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Permissions by construction: a route under /api without a valid `config.access` stops the
 * app from starting. Routes outside /api serve the web app and are public.
 */
export function enforceRouteAccess(app: FastifyInstance, registry: RouteRecord[]): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const url = route.url;
    if (!isApiUrl(url) || isDocsUrl(url)) {
      route.config = { ...(route.config ?? {}), access: PUBLIC };
    }
    const access = route.config?.access;
    if (!access || !(access === PUBLIC || access === AUTHENTICATED || isPermission(access))) {
      throw new Error(`Route ${methods.join(',')} ${url} declares no valid access (config.access)`);
    }
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (access === PUBLIC && !isPublicRoute(method, url)) throw new Error(`Route ${method} ${url} is PUBLIC but not in PUBLIC_API_ROUTES (platform/http.ts)`);
      registry.push({ method, url, access });
    }
  });
}

function pgCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).send(body);
}

const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : undefined);
const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);

/**
 * The values a zod issue's translation needs (its `validation.<code>` entry); the input itself is
 * never echoed back. `context` is i18next's wording variant: for a bound its origin (string,
 * number, array…) and whether it is exclusive ("number_exclusive" for .positive()), for a
 * format the format (email, datetime…).
 */
export function zodIssueParams(code: string, raw: unknown): Record<string, unknown> | undefined {
  const p = (raw ?? {}) as Record<string, unknown>;
  const origin = typeof p.origin === 'string' ? p.origin : undefined;
  const bound = code === 'too_small' || code === 'too_big';
  const out: Record<string, unknown> = {
    context: bound && origin ? (p.inclusive === false ? `${origin}_exclusive` : origin) : code === 'invalid_format' ? p.format : undefined,
    minimum: num(p.minimum),
    maximum: num(p.maximum),
    expected: typeof p.expected === 'string' ? p.expected : undefined,
    format: typeof p.format === 'string' ? p.format : undefined,
    divisor: num(p.divisor),
    values: list(p.values),
    keys: list(p.keys),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? out : undefined;
}

const MAX_NUL_ISSUES = 20;

/**
 * Paths (`a.0.b`) of every string in `value` — keys included — that holds a NUL character.
 * PostgreSQL cannot store U+0000 in text or jsonb, so such input is refused at the door rather
 * than failing deep inside a transaction (or halfway through a streamed export). The walk keeps
 * its own stack: a body nested ten thousand deep must not overflow the call stack.
 */
export function nulPaths(value: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  const join = (prefix: string, k: string) => (prefix ? `${prefix}.${k}` : k);
  while (stack.length && out.length < MAX_NUL_ISSUES) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) out.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        if (k.includes('\u0000')) out.push(join(path, k.replaceAll('\u0000', '\\0')));
        else stack.push([x, join(path, k)]);
      }
    }
  }
  return out.slice(0, MAX_NUL_ISSUES);
}

/** The 400 for NUL characters: each field named, in the shape of every other validation error. */
export function nulError(found: { location: string; path: string }[]): AppError {
  const names = found.map((f) => f.path || '(root)').join(', ');
  return validationError(
    found.map(({ location, path }) => ({ ...issue(path, 'validation.nul_character', 'Contains a NUL character'), location })),
    `Invalid input: NUL character in ${names}`,
  );
}

/**
 * One place for input no route can use: a NUL character anywhere in the path parameters, the
 * query or a JSON body is a 400 naming the field, before validation and before any handler.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const found: { location: string; path: string }[] = [];
    for (const [location, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      for (const path of nulPaths(value)) found.push({ location, path });
    }
    if (found.length) throw nulError(found);
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return send(reply, err.status, { error: { code: err.code, message: err.message, details: err.details, ...(err.i18n && { i18n: err.i18n }) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const location = err.validationContext ?? 'body';
      const issues: (FieldIssue & { location: string })[] = err.validation.map((v) => {
        const params = v.params as { issue?: { path?: (string | number)[] } } | undefined;
        const path = params?.issue?.path?.join('.') ?? v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const i18n = zodIssueParams(v.keyword, v.params);
        return { path, message: v.message ?? 'invalid', key: `validation.${v.keyword}`, ...(i18n && { params: i18n }), location };
      });
      return send(reply, 400, {
        error: { code: 'VALIDATION', message: `Invalid ${location}: ${issues.map((i) => i.path || '(root)').join(', ')}`, details: { issues } },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response did not match its contract');
      return send(reply, 500, { error: { code: 'INTERNAL', message: 'Internal error' } });
    }
    const code = pgCode(err);
    if (code === '23505') {
      return send(reply, 409, { error: { code: 'CONFLICT', message: 'A record with the same unique value already exists', details: { constraint: (err as { constraint?: string }).constraint }, i18n: { key: 'common.duplicate' } } });
    }
    if (code === '23503') {
      return send(reply, 400, { error: { code: 'VALIDATION', message: 'A referenced record does not exist or is still in use', details: { constraint: (err as { constraint?: string }).constraint }, i18n: { key: 'common.reference' } } });
    }
    if (code === '23514' || code === '22P02' || code === '22003' || code === '22007' || code === '22008') {
      return send(reply, 400, { error: { code: 'VALIDATION', message: 'A value is out of range or malformed', i18n: { key: 'common.malformed' } } });
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) return send(reply, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: err.message } });
    if (status >= 400 && status < 500) {
      // a plugin's own 4xx (static files, body parser, multipart) keeps the code its status means
      const byStatus: Partial<Record<number, ErrorCode>> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' };
      return send(reply, status === 415 ? 400 : status, { error: { code: byStatus[status] ?? 'VALIDATION', message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    if (process.env.TM_DEBUG_ERRORS) console.error(err);
    return send(reply, 500, { error: { code: 'INTERNAL', message: 'Internal error' } });
  });
}
