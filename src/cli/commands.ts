import { rename, rm, stat } from 'node:fs/promises';
import type { Config } from '../server/config';
import { cliConfig } from './cli-config';
import { openDatabase, type Database } from '../server/db/client';
import { migrate } from '../server/db/migrator';
import { bootstrap } from '../server/features/org/bootstrap';
import { ROLE_FOR_POSITION, type BuiltinRole } from '../shared/permissions';
import { orgRepo } from '../server/features/org/org.repo';
import { createUser, resetPassword } from '../server/features/org/org.service';
import type { Actor } from '../server/platform/actor';
import { systemActor } from '../server/platform/auth/actor-loader';
import { authRepo } from '../server/platform/auth/auth.repo';
import { generatePassword } from '../server/platform/auth/passwords';
import { BackupError, restoreBackup, writeBackup } from '../server/platform/backup/backup';
import { resetPasswordBody, userCreate } from '../shared/contracts/org';
import { validationError } from '../shared/errors';
import { ALL_PERMISSIONS } from '../shared/permissions';
import { loadDemoData } from './demo-data';
import { ProgressLine } from './progress';
import { CliError } from './cli-error';
import { lockDataDir } from './data-dir-lock';
import { runExport, runImport, type ExportOptionsCli, type ImportOptionsCli } from './transfer';


const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** The CLI acts for the operator at the console: every permission with scope all; audited with no actor id. */
function cliActor(): Actor {
  return { ...systemActor('cli'), permissions: new Map(ALL_PERMISSIONS.map((p) => [p, 'all'])) };
}

function describe(config: Config): string {
  return config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite at ${config.dataDir}`;
}

/** Opens the configured database; an embedded one under the data directory lock. */
async function open(config: Config, command: string): Promise<{ database: Database; close: () => Promise<void> }> {
  const release = config.DATABASE_URL ? () => {} : lockDataDir(config.dataDir, command);
  try {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
    err(`Database: ${describe(config)}`);
    return {
      database,
      async close() {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Opens the configured database, optionally migrates it, runs `fn` and always closes it. */
async function withDatabase<T>(command: string, fn: (database: Database, config: Config) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = cliConfig();
  const { database, close } = await open(config, command);
  try {
    if (opts.migrate !== false) await migrate(database, (name) => err(`Applied migration ${name}`));
    return await fn(database, config);
  } finally {
    await close();
  }
}

/** Commands that need the organisation run the first-start bootstrap, like `start` does. */
async function ensureBootstrapped(database: Database, config: Config): Promise<void> {
  const boot = await bootstrap(database.db, config.TONGMENG_ADMIN_PASSWORD);
  if (boot.generatedAdminPassword) {
    out(`First start: created user "admin" with password: ${boot.generatedAdminPassword}`);
    out('It is shown only this once; you will be asked to change it.');
  } else if (boot.createdAdmin) {
    out('First start: created user "admin" with the password from TONGMENG_ADMIN_PASSWORD.');
  }
}

export async function runMigrate(): Promise<void> {
  await withDatabase(
    'migrate',
    async (database) => {
      const applied = await migrate(database, (name) => out(`Applied migration ${name}`));
      if (!applied.length) out('Database is up to date.');
    },
    { migrate: false },
  );
}

async function resolveUnit(database: Database, ref: string) {
  const units = await orgRepo.listUnits(database.db);
  const byId = /^\d+$/.test(ref) ? units.find((u) => u.id === Number(ref)) : undefined;
  const byCode = units.find((u) => u.code !== null && u.code.toLowerCase() === ref.toLowerCase());
  if (byId ?? byCode) return (byId ?? byCode)!;
  const byName = units.filter((u) => u.name === ref);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new CliError(`Several units are named "${ref}" (ids ${byName.map((u) => u.id).join(', ')}); give the id or code`);
  throw new CliError(`Unknown unit "${ref}" (give an id, a code or a unique name)`);
}

export async function runCreateUser(
  username: string,
  opts: { name: string; unit: string; position?: string[]; role?: string[]; password?: string; email?: string; phone?: string },
): Promise<void> {
  await withDatabase('create-user', async (database, config) => {
    await ensureBootstrapped(database, config);
    const unit = await resolveUnit(database, opts.unit);
    const positions = opts.position ?? [];
    const roleCodes = opts.role ?? [...new Set(positions.map((p) => ROLE_FOR_POSITION[p]).filter((r): r is BuiltinRole => Boolean(r)))];
    const roleIds: number[] = [];
    for (const code of roleCodes) {
      const role = await orgRepo.findRoleByCode(database.db, code);
      if (!role) throw new CliError(`Unknown role "${code}"`);
      roleIds.push(role.id);
    }
    const generated = opts.password === undefined ? generatePassword() : undefined;
    const parsed = userCreate.safeParse({
      username,
      name: opts.name,
      phone: opts.phone ?? null,
      email: opts.email ?? null,
      unitId: unit.id,
      positions,
      roleIds,
      password: opts.password ?? generated,
    });
    if (!parsed.success) throw validationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const user = await createUser(database.db, cliActor(), parsed.data);
    out(`Created user "${user.username}" (id ${user.id}) in ${unit.name}; positions: ${positions.join(', ') || '—'}; roles: ${roleCodes.join(', ') || '—'}.`);
    if (generated) out(`Password (shown only once; to be changed at first sign-in): ${generated}`);
  });
}

export async function runResetPassword(username: string, opts: { password?: string }): Promise<void> {
  await withDatabase('reset-password', async (database) => {
    const user = await authRepo.findUserForLogin(database.db, username);
    if (!user) throw new CliError(`No user "${username}"`);
    const generated = opts.password === undefined ? generatePassword() : undefined;
    const parsed = resetPasswordBody.safeParse({ password: opts.password ?? generated });
    if (!parsed.success) throw validationError(parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'password', message: i.message })));
    await resetPassword(database.db, cliActor(), user.id, parsed.data.password);
    out(`Password of "${user.username}" reset; the account is unlocked and its sessions have ended.`);
    if (generated) out(`New password (shown only once; to be changed at next sign-in): ${generated}`);
  });
}

const fmt = (n: number) => n.toLocaleString('en-US');

export async function runBackup(file: string): Promise<void> {
  await withDatabase('backup', async (database) => {
    const progress = new ProgressLine();
    // Written aside and renamed at the end, so a failed run never leaves a half file under the real name.
    const partial = `${file}.partial`;
    try {
      const header = await writeBackup(database, partial, { onProgress: (p) => progress.update(p) });
      progress.done();
      await rename(partial, file);
      const rows = header.tables.reduce((s, t) => s + t.rows, 0);
      out(`Backup written to ${file}: ${header.tables.length} tables, ${fmt(rows)} rows, ${fmt((await stat(file)).size)} bytes.`);
    } catch (e) {
      progress.done();
      await rm(partial, { force: true });
      throw e;
    }
  });
}

export async function runRestore(file: string, opts: { force?: boolean }): Promise<void> {
  await stat(file).catch(() => {
    throw new CliError(`No such file: ${file}`);
  });
  // restoreBackup migrates only after its guard: a database in use is refused untouched.
  await withDatabase(
    'restore',
    async (database) => {
      const progress = new ProgressLine();
      try {
        const header = await restoreBackup(database, file, { force: opts.force, onProgress: (p) => progress.update(p), log: err });
        progress.done();
        const rows = header.tables.reduce((s, t) => s + t.rows, 0);
        out(`Restored ${file} (made ${header.createdAt}): ${header.tables.length} tables, ${fmt(rows)} rows.`);
      } catch (e) {
        progress.done();
        if (e instanceof BackupError) throw new CliError(e.message);
        throw e;
      }
    },
    { migrate: false },
  );
}

export async function runDemoData(): Promise<void> {
  await withDatabase('demo-data', async (database, config) => {
    await ensureBootstrapped(database, config);
    const progress = new ProgressLine();
    await loadDemoData(database.db, { log: out, onStep: (done, total) => progress.step('demo-data', done, total) });
    progress.done();
  });
}

export async function runRecomputeKpis(period: string): Promise<void> {
  await withDatabase('recompute', async (database, config) => {
    const [{ keepSnapshot }, { systemActor }] = await Promise.all([import('../server/features/kpis'), import('../server/platform/auth/actor-loader')]);
    const progress = new ProgressLine();
    const started = Date.now();
    try {
      const n = await keepSnapshot(database.db, period, config.BUSINESS_TZ, { replace: true, actor: systemActor('cli'), onProgress: (done, total) => progress.step(`kpis ${period}`, done, total) });
      progress.done();
      out(`KPI snapshot of ${period} kept: ${fmt(n ?? 0)} units and people, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } catch (e) {
      progress.done();
      throw e;
    }
  });
}

export async function runImportFile(file: string, opts: ImportOptionsCli): Promise<void> {
  await withDatabase('import', (database, config) => runImport(database, config, file, opts));
}

export async function runExportFile(kind: string, file: string, opts: ExportOptionsCli): Promise<void> {
  await withDatabase('export', (database, config) => runExport(database, config, kind, file, opts));
}

export async function runWorker(): Promise<void> {
  const config = cliConfig();
  const { database, close } = await open(config, 'worker');
  try {
    await migrate(database, (name) => err(`Applied migration ${name}`));
  } catch (e) {
    await close();
    throw e;
  }
  // Loaded here: only the worker needs the platform services.
  const [{ default: Fastify }, { createPlatform }, { wireFeatures }] = await Promise.all([
    import('fastify'),
    import('../server/platform/context'),
    import('../server/features'),
  ]);
  // A Fastify instance only for its logger: the worker never listens.
  const log = Fastify({ logger: { level: config.LOG_LEVEL } }).log;
  const platform = createPlatform(database, config, log);
  wireFeatures(platform);
  platform.jobs.start();
  out('Worker running: processing background jobs (Ctrl-C to stop).');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await platform.jobs.stop();
    await close();
    out('Worker stopped.');
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
