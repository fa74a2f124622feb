import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { createPlatform, type Platform } from './platform/context';
import { installAuthHook } from './platform/auth/hook';
import { enforceRouteAccess, installErrorHandler, installInputGuard, type RouteRecord } from './platform/http';
import { registerFeatures } from './features';
import { registerWebApp } from './web-static';
import { installSecurityHeaders } from './platform/security-headers';
import { forDocsPage, openApiComplete, openApiTransform } from './platform/openapi';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** serve the built web app from dist/web (off in API tests) */
  serveWeb?: boolean;
  logger?: boolean | object;
}

export interface AppHandle {
  app: FastifyInstance;
  platform: Platform;
  routes: RouteRecord[];
}

/** `/api/calendar/feed/<token>.ics` → `/api/calendar/feed/***.ics` */
export const redactFeedToken = (url: string) => url.replace(/(\/api\/calendar\/feed\/)[^/?#]+/, '$1***.ics');
/** The secret tokens of request URLs as logs show them: the calendar feed's, and a survey link's (`/s/***`, `/api/public/surveys/***`). */
export const redactTokens = (url: string) => redactFeedToken(url).replace(/^(\/s\/|\/api\/public\/surveys\/)[^/?#]+/, '$1***');

/**
 * X-Forwarded-For is believed only from the proxies TRUST_PROXY names (by default none, so a
 * client cannot choose its own address for the sign-in limits): a number of hops trusts that
 * many proxies in front of the server, a list trusts those addresses and blocks.
 */
function trustProxyOption(v: Config['TRUST_PROXY']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_address: string, hop: number) => hop < v : v;
}

/** The HTTP app without listen: main.ts listens, tests use app.inject(). */
export async function buildApp(opts: BuildAppOptions): Promise<AppHandle> {
  const app = Fastify({
    // the calendar feed's and a survey link's URLs carry their secret tokens: request logs show them redacted
    logger: typeof opts.logger === 'object' ? { ...opts.logger, serializers: { req: (req: { method: string; url: string; host?: string; ip?: string }) => ({ method: req.method, url: redactTokens(req.url), host: req.host, remoteAddress: req.ip }) } } : (opts.logger ?? false),
    // one line per request only when asked for (LOG_LEVEL=debug or trace): at info the console keeps what matters, e.g. the first start's admin password
    logController: new LogController({ disableRequestLogging: typeof opts.logger !== 'object' || !['debug', 'trace'].includes(String((opts.logger as { level?: string }).level)) }),
    bodyLimit: 15 * 1024 * 1024,
    trustProxy: trustProxyOption(opts.config.TRUST_PROXY),
    genReqId: () => Math.random().toString(36).slice(2, 10),
    // what Fastify refuses before a route runs (a malformed URL such as /api/x/%FF: 400; a path parameter
    // over 100 characters: 414) answers with its status in the API's error shape too
    frameworkErrors: (error, _req, reply) => {
      const r = reply as unknown as { code(n: number): { send(b: unknown): unknown } };
      void r.code(error.statusCode ?? 400).send({ error: { code: 'VALIDATION', message: error.message } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteRecord[] = [];
  enforceRouteAccess(app, routes);
  installErrorHandler(app);
  installInputGuard(app);

  await installSecurityHeaders(app, { https: opts.config.COOKIE_SECURE });
  if (opts.config.TRUST_PROXY === false) {
    // behind a proxy nobody named, every client looks like the proxy (one LOGIN_IP_LIMIT for all): say so once
    let warned = false;
    app.addHook('onRequest', async (req) => {
      if (warned || !req.headers['x-forwarded-for']) return;
      warned = true;
      req.log.warn('requests carry X-Forwarded-For but TRUST_PROXY is not set: client addresses are the proxy\'s; set TRUST_PROXY to the proxy hops or addresses');
    });
  }
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tongmeng 同盟 API',
        version: '1.0.0',
        description: 'Key-account management system. Authenticate with the session cookie (POST /api/auth/login) plus the x-csrf-token header on writes, or with a personal API token as `Authorization: Bearer <token>`. Every error answers `{ error: { code, message, details } }`.',
        license: { name: 'Proprietary (UNLICENSED)' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tm_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiComplete(opts.config.PUBLIC_URL),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', transformSpecification: forDocsPage, transformSpecificationClone: false });

  const platform = createPlatform(opts.database, opts.config, app.log);
  installAuthHook(app, platform.db, opts.config.SESSION_TTL_HOURS * 3600_000);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await registerFeatures(app, platform);
  if (opts.serveWeb) await registerWebApp(app);
  else {
    app.setNotFoundHandler((req, reply) => {
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    });
  }
  await app.ready();
  return { app, platform, routes };
}
