import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, access } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/client';
import { verifyPassword } from '../../src/server/platform/auth/passwords';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/tongmeng.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real binary against a PGlite data directory, as an operator would. */
function cli(dataDir: string, args: string[], timeoutMs = 60_000): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, TONGMENG_SKIP_WEB_BUILD: '1', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.TONGMENG_ADMIN_PASSWORD;
  delete env.DEMO_PASSWORD;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      // a killed process says so, rather than failing with only its progress output
      resolve({ code, stdout, stderr: err?.killed ? `${stderr}\n(killed after ${timeoutMs} ms)` : stderr });
    });
  });
}

// One sequence of commands over two data directories; each step builds on the one before.
describe('tongmeng CLI (PLAT-4)', { timeout: 240_000 }, () => {
  let dir: string;
  let dataA: string;
  let dataB: string;
  let backupFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tm-cli-'));
    dataA = path.join(dir, 'a');
    dataB = path.join(dir, 'b');
    backupFile = path.join(dir, 'a.tmbak.gz');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('migrate applies the migrations, then reports the database up to date', async () => {
    // The second directory is only a restore target later; creating it meanwhile saves a cold start.
    const [first, other] = await Promise.all([cli(dataA, ['migrate']), cli(dataB, ['migrate'])]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied migration 0001_platform/);
    expect(other.code, other.stderr).toBe(0);
    const again = await cli(dataA, ['migrate']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/up to date/);
  });

  it('create-user prints a generated password once and refuses bad input with a non-zero exit', async () => {
    const ok = await cli(dataA, ['create-user', 'zhangsan', '--name', '张三', '--unit', 'HQ', '--position', 'account_manager', '--email', 'zhangsan@example.cn']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Created user "zhangsan"/);
    expect(ok.stdout).toMatch(/roles: account_manager/);
    expect(ok.stdout).toMatch(/Password \(shown only once[^:]*\): \S{16}/);

    const taken = await cli(dataA, ['create-user', 'ZhangSan', '--name', '张三', '--unit', 'HQ', '--password', 'Secret#123']);
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toMatch(/username: Username is taken/);

    const badUnit = await cli(dataA, ['create-user', 'lisi', '--name', '李四', '--unit', 'NO-SUCH-UNIT', '--password', 'short']);
    expect(badUnit.code).not.toBe(0);
    expect(badUnit.stderr).toMatch(/Unknown unit "NO-SUCH-UNIT"/);
  });

  it('reset-password sets the given password and demo-data loads the demo organisation', async () => {
    const reset = await cli(dataA, ['reset-password', 'zhangsan', '--password', 'Brand-new-9']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Password of "zhangsan" reset/);
    const unknown = await cli(dataA, ['reset-password', 'nobody']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No user "nobody"/);

    // the whole demo department (accounts, contacts, plans, the pipeline through the approval engine)
    const demo = await cli(dataA, ['demo-data'], 180_000);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Demo users' password: Demo@2026/);
  });

  it('recompute kpis keeps an ended period of the demo department with a progress line; an open or bad period is refused', async () => {
    const last = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
    const ok = await cli(dataA, ['recompute', 'kpis', '--period', last]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`KPI snapshot of ${last} kept: \\d+ units and people`));
    expect(ok.stderr).toMatch(new RegExp(`kpis ${last}: (\\d+)/\\1`));
    const open = await cli(dataA, ['recompute', 'kpis', '--period', '2099-01']);
    expect(open.code).not.toBe(0);
    expect(open.stderr).toMatch(/period: The period has not ended/);
    const bad = await cli(dataA, ['recompute', 'kpis', '--period', '2026-13']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/period: Not a period/);
    expect((await cli(dataA, ['recompute', 'nothing', '--period', last])).code).not.toBe(0);
  });

  it('backup writes a file that restore --force loads into a second data directory', async () => {
    const backup = await cli(dataA, ['backup', backupFile]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/backup: \d+\/\d+ tables, [\d,]+\/[\d,]+ rows/);
    expect((await stat(backupFile)).size).toBeGreaterThan(0);

    const refused = await cli(dataA, ['restore', backupFile]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already holds data.*--force/);

    const restored = await cli(dataB, ['restore', backupFile, '--force']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* tables, [\d,]+ rows/);
  });

  it('a damaged or foreign backup file is one line naming the file and what is wrong, never a stack trace (issue 11 item 9)', async () => {
    const lines = gunzipSync(await readFile(backupFile)).toString('utf8').split('\n');
    const rowLine = lines.findIndex((l) => l.startsWith('[{'));
    const damaged = path.join(dir, 'damaged.gz');
    await writeFile(damaged, gzipSync(lines.map((l, i) => (i === rowLine ? l.replace('[{', '[{"x') : l)).join('\n')));
    const notGzip = path.join(dir, 'not-gzip.gz');
    await writeFile(notGzip, 'PK\u0003\u0004 this is a zip, not a backup');
    for (const [file, reason] of [
      [damaged, new RegExp(`${path.basename(damaged)}, line ${rowLine + 1}: the rows of table \\w+ cannot be restored`)],
      [notGzip, /not-gzip\.gz: it is not a gzip file or is damaged/],
      [path.join(dir, 'no-such.gz'), /No such file/],
    ] as const) {
      const r = await cli(dataB, ['restore', file, '--force']);
      expect(r.code, r.stderr).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('Error:'));
      expect(errors, r.stderr).toHaveLength(1);
      expect(errors[0]).toMatch(reason);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('keeps a second process off an embedded data directory in use, but takes over a stale lock', async () => {
    const lock = path.join(dataA, 'tongmeng.lock');
    // This test process is alive, so its pid stands for a running server.
    await writeFile(lock, JSON.stringify({ pid: process.pid, command: 'start' }));
    const busy = await cli(dataA, ['migrate']);
    expect(busy.code).not.toBe(0);
    expect(busy.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));

    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 7, command: 'start' }));
    const stale = await cli(dataA, ['migrate']);
    expect(stale.code, stale.stderr).toBe(0);
    await expect(access(lock)).rejects.toThrow();
  });

  it('left both databases as the commands said', async () => {
    const a = await openPglite(dataA);
    const b = await openPglite(dataB);
    try {
      const users = async (db: typeof a) => (await db.db.selectFrom('users').select(['id', 'username', 'password_hash', 'must_change_password']).orderBy('id').execute());
      const [ua, ub] = [await users(a), await users(b)];
      expect(ub).toEqual(ua);
      expect(ua.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'zhangsan', 'zhangmingyuan', 'zhaolei']));
      const zhangsan = ua.find((u) => u.username === 'zhangsan')!;
      expect(await verifyPassword(zhangsan.password_hash, 'Brand-new-9')).toBe(true);
      expect(zhangsan.must_change_password).toBe(true);
      const resetAudit = await b.db.selectFrom('audit_log').select(['actor_id', 'entity_id']).where('action', '=', 'password_reset').execute();
      expect(resetAudit).toEqual([{ actor_id: null, entity_id: String(zhangsan.id) }]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
