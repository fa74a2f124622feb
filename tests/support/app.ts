import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppHandle } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { cloneTemplate } from './db';
import { seedStandardOrg, TEST_PASSWORD, type StandardOrg } from './fixtures';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A signed-in HTTP client over app.inject: carries the session cookie and the CSRF header. */
export interface Client {
  userId: number;
  csrfToken: string;
  cookie: string;
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(url: string, body?: unknown): Promise<Response<T>>;
}

export async function call<T = any>(app: FastifyInstance, opts: InjectOptions): Promise<Response<T>> {
  const res = await app.inject(opts);
  let body: unknown = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body: body as T, headers: res.headers as Record<string, unknown> };
}

export interface TestApp extends AppHandle {
  database: Database;
  org: StandardOrg;
  /** signs in as one of the standard org's usernames (or any user) */
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export const testConfig = () =>
  loadConfig({ ...process.env, DATA_DIR: '.tmp/unused', LOG_LEVEL: 'silent', SMTP_URL: '', LOGIN_IP_LIMIT: '1000', SURVEY_IP_LIMIT: '1000' } as NodeJS.ProcessEnv);

export async function createTestApp(opts: { config?: Partial<ReturnType<typeof testConfig>> } = {}): Promise<TestApp> {
  const { database, drop } = await cloneTemplate();
  const config = { ...testConfig(), ...opts.config, SMTP_URL: opts.config?.SMTP_URL ?? undefined };
  const handle = await buildApp({ database, config });
  const org = await seedStandardOrg(database.db);
  const clientFor = (cookie: string, csrfToken: string, userId: number): Client => {
    const req = (method: InjectOptions['method']) => (url: string, body?: unknown) =>
      call(handle.app, { method, url, payload: body as InjectOptions['payload'], headers: { cookie, 'x-csrf-token': csrfToken } });
    return { userId, csrfToken, cookie, get: (url) => req('GET')(url), post: req('POST'), patch: req('PATCH'), put: req('PUT'), delete: req('DELETE') };
  };
  return {
    ...handle,
    database,
    org,
    async login(username, password = TEST_PASSWORD) {
      const res = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const setCookie = String(res.headers['set-cookie']).split(';')[0];
      return clientFor(setCookie, res.body.csrfToken, res.body.id);
    },
    anonymous() {
      return clientFor('', '', 0);
    },
    async close() {
      await handle.platform.jobs.stop();
      await handle.app.close();
      await drop();
    },
  };
}
