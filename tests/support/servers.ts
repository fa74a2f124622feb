import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { openPostgres, type Database } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { ensureDefaultRoles } from '../../src/server/features/org/bootstrap';
import { ensureDefaultChains } from '../../src/server/features/org/bootstrap';
import { seedStandardOrg, TEST_PASSWORD, type StandardOrg } from './fixtures';

/**
 * Real server processes on one fresh PostgreSQL database, for the races that only show across
 * instances (PostgreSQL only: runs in the PostgreSQL pass, TEST_DB=postgres with TEST_DATABASE_URL).
 */
export const RACE_BASE_URL = process.env.TEST_DATABASE_URL;
export const raceEnabled = Boolean(RACE_BASE_URL) && process.env.TEST_DB === 'postgres';
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Server {
  proc: ChildProcess;
  port: number;
  output: string[];
}

export interface Session {
  base: string;
  headers: Record<string, string>;
}

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function dbUrl(name: string): string {
  const u = new URL(RACE_BASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['bin/tongmeng.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', RUN_JOBS: 'false', TONGMENG_SKIP_WEB_BUILD: '1', LOG_LEVEL: 'warn', LOGIN_IP_LIMIT: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  proc.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return { proc, port, output };
}

async function waitHealthy(s: Server, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.proc.exitCode !== null) throw new Error(`server exited with ${s.proc.exitCode}:\n${s.output.join('')}`);
    try {
      const r = await fetch(`http://127.0.0.1:${s.port}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on port ${s.port} did not become healthy:\n${s.output.join('')}`);
}

export async function login(s: Server, username: string): Promise<Session> {
  const base = `http://127.0.0.1:${s.port}`;
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  const body = (await r.json()) as { csrfToken: string };
  if (r.status !== 200) throw new Error(`login ${username} on ${base}: ${r.status} ${JSON.stringify(body)}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { base, headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' } };
}

/** Sends one JSON request of a session; the answer's status and parsed body. */
export async function send<T = { error?: { code: string } }>(s: Session, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${s.base}${url}`, { method, headers: s.headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: r.status, body: parsed as T };
}

async function stopServer(s: Server): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => s.proc.once('exit', () => resolve()));
  s.proc.kill('SIGTERM');
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface RaceRig {
  servers: Server[];
  database: Database;
  org: StandardOrg;
}

/** A fresh database with the standard org and `count` server processes on it; `close` stops them and drops it. */
export async function startRig(count = 2): Promise<RaceRig & { close(): Promise<void> }> {
  const dbName = `tm_race_${randomBytes(5).toString('hex')}`;
  const admin = openPostgres(RACE_BASE_URL!, 2);
  await sql.raw(`create database ${dbName}`).execute(admin.db);
  const database = openPostgres(dbUrl(dbName), 3);
  await migrate(database);
  await ensureDefaultRoles(database.db);
  await ensureDefaultChains(database.db);
  const org = await seedStandardOrg(database.db);
  const servers: Server[] = [];
  for (let i = 0; i < count; i++) servers.push(await startServer(dbUrl(dbName)));
  await Promise.all(servers.map((s) => waitHealthy(s)));
  return {
    servers,
    database,
    org,
    async close() {
      await Promise.all(servers.map(stopServer));
      await database.close();
      // pg's pool.end() resolves before its sockets are gone; wait so the forced drop interrupts nobody.
      for (let i = 0; i < 40; i++) {
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${dbName}`.execute(admin.db);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      await sql.raw(`drop database if exists ${dbName} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}
