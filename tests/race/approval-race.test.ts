import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { ensureDefaultRoles } from '../../src/server/features/org/bootstrap';
import { ensureDefaultChains } from '../../src/server/platform/approvals/default-chains';
import { seedStandardOrg, TEST_PASSWORD } from '../support/fixtures';

/**
 * FLOW-1 "exactly once across server instances": two real server processes on one PostgreSQL
 * database, 50 simultaneous approvals of the same step split between them.
 */
const BASE_URL = process.env.TEST_DATABASE_URL;
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLICKS = 50;

interface Server {
  proc: ChildProcess;
  port: number;
  output: string[];
}

function freePort(): Promise<number> {
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
  const u = new URL(BASE_URL!);
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

interface Session {
  base: string;
  headers: Record<string, string>;
}

async function login(s: Server, username: string): Promise<Session> {
  const base = `http://127.0.0.1:${s.port}`;
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  const body = (await r.json()) as { csrfToken: string };
  if (r.status !== 200) throw new Error(`login ${username} on ${base}: ${r.status} ${JSON.stringify(body)}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { base, headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' } };
}

async function stopServer(s: Server): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => s.proc.once('exit', () => resolve()));
  s.proc.kill('SIGTERM');
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

describe('approval race across two server processes', () => {
  const dbName = `tm_race_${randomBytes(5).toString('hex')}`;
  let admin: Database | undefined;
  let database: Database | undefined;
  const servers: Server[] = [];

  beforeAll(async () => {
    if (!BASE_URL) return;
    admin = openPostgres(BASE_URL, 2);
    await sql.raw(`create database ${dbName}`).execute(admin.db);
    database = openPostgres(dbUrl(dbName), 3);
    await migrate(database);
    await ensureDefaultRoles(database.db);
    await ensureDefaultChains(database.db);
    await seedStandardOrg(database.db);
    servers.push(await startServer(dbUrl(dbName)), await startServer(dbUrl(dbName)));
    await Promise.all(servers.map((s) => waitHealthy(s)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await database?.close();
    if (admin) {
      // pg's pool.end() resolves before its sockets are gone; wait so the forced drop interrupts nobody.
      for (let i = 0; i < 40; i++) {
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${dbName}`.execute(admin.db);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      await sql.raw(`drop database if exists ${dbName} with (force)`).execute(admin.db);
      await admin.close();
    }
  }, 60_000);

  it.skipIf(!BASE_URL || process.env.TEST_DB !== 'postgres')(`${CLICKS} simultaneous approvals on 2 processes decide the step exactly once (PostgreSQL only: runs in the PostgreSQL pass, TEST_DB=postgres with TEST_DATABASE_URL)`, async () => {
    const db = database!.db;
    const submitter = await login(servers[0], 'spec_a1');
    const created = await fetch(`${submitter.base}/api/general-requests`, {
      method: 'POST',
      headers: submitter.headers,
      body: JSON.stringify({ title: '并发审批测试', category: 'office_supplies', amount: 100_000, submit: true }),
    });
    const request = (await created.json()) as { id: number; approvalId: number; status: string };
    expect(created.status, JSON.stringify(request)).toBe(200);
    expect(request.status).toBe('pending');

    const directors = await Promise.all(servers.map((s) => login(s, 'director')));
    const statuses = await Promise.all(
      Array.from({ length: CLICKS }, async (_, i) => {
        const c = directors[i % directors.length];
        const r = await fetch(`${c.base}/api/approvals/${request.approvalId}/approve`, { method: 'POST', headers: c.headers, body: JSON.stringify({}) });
        const body = (await r.json()) as { error?: { code: string } };
        return { status: r.status, code: body.error?.code, server: i % directors.length };
      }),
    );
    const ok = statuses.filter((s) => s.status === 200);
    const conflicts = statuses.filter((s) => s.status === 409 && s.code === 'INVALID_STATE');
    const approveEvents = await db.selectFrom('approval_events').select('id').where('instance_id', '=', request.approvalId).where('action', '=', 'approve').execute();
    const approvedSteps = await db.selectFrom('approval_steps').select('id').where('instance_id', '=', request.approvalId).where('status', '=', 'approved').execute();
    const instance = await db.selectFrom('approval_instances').select(['status', 'version']).where('id', '=', request.approvalId).executeTakeFirstOrThrow();
    const doc = await db.selectFrom('general_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow();
    console.log(
      `approval race: ${CLICKS} clicks on ${servers.length} processes (ports ${servers.map((s) => s.port).join(', ')}) → ${ok.length} × 200, ${conflicts.length} × 409 INVALID_STATE, ` +
        `other ${statuses.length - ok.length - conflicts.length}; approve events ${approveEvents.length}, approved steps ${approvedSteps.length}, instance ${instance.status} v${instance.version}, request ${doc.status}`,
    );
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(CLICKS - 1);
    // both processes really took part
    expect(new Set(statuses.map((s) => s.server)).size).toBe(2);
    expect(approveEvents).toHaveLength(1);
    expect(approvedSteps).toHaveLength(1);
    expect(instance.status).toBe('approved');
    expect(doc.status).toBe('approved');
  }, 120_000);
});
