import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { loadConfig, type Config } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrator';
import { buildApp } from './app';
import { bootstrap } from './features/org/bootstrap';
import { WEB_DIST } from './web-static';

const ROOT = path.resolve(WEB_DIST, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources (a fresh clone), saying how far it is every 10 s. */
export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const srcDirs = [path.join(ROOT, 'src/web'), path.join(ROOT, 'src/shared')].filter(existsSync);
  const sourcesNewer = existsSync(index) && srcDirs.some((d) => newestMtime(d) > statSync(index).mtimeMs);
  if (existsSync(index) && !sourcesNewer) return;
  if (!existsSync(path.join(ROOT, 'node_modules/vite'))) {
    console.warn('Web app is not built and vite is not installed; serving the API only.');
    return;
  }
  log('Building the web app (first start or changed sources; about a minute on a first start)…');
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const ticker = setInterval(() => log(`  still building the web app… ${Math.round((Date.now() - started) / 1000)} s`), 10_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(ticker);
  if (code !== 0) throw new Error('Web build failed');
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export interface StartOptions {
  config?: Config;
  demo?: boolean;
  /** skip the web build check (tests that only need the API) */
  skipWebBuild?: boolean;
  log?: (line: string) => void;
}

export async function startServer(opts: StartOptions = {}) {
  const started = Date.now();
  const config = opts.config ?? loadConfig();
  const log = opts.log ?? ((line: string) => console.log(line));
  if (!opts.skipWebBuild && process.env.TONGMENG_SKIP_WEB_BUILD !== '1') await ensureWebBuilt(log);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  log(`Database: ${database.kind === 'pglite' ? `embedded PGlite at ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  const applied = await migrate(database);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  const boot = await bootstrap(database.db, config.TONGMENG_ADMIN_PASSWORD);
  if (boot.generatedAdminPassword) {
    log('──────────────────────────────────────────────────────────');
    log(`  First start: created user "admin" with password: ${boot.generatedAdminPassword}`);
    log('  It is shown only this once; you will be asked to change it.');
    log('──────────────────────────────────────────────────────────');
  } else if (boot.createdAdmin) {
    log('First start: created user "admin" with the password from TONGMENG_ADMIN_PASSWORD.');
  }
  if (opts.demo) {
    const { loadDemoData } = await import('../cli/demo-data');
    await loadDemoData(database.db, { log });
  }
  const { app, platform } = await buildApp({ database, config, serveWeb: true, logger: { level: config.LOG_LEVEL } });
  if (config.RUN_JOBS) platform.jobs.start();
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log(`Tongmeng is running on http://localhost:${port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const stop = async () => {
    await platform.jobs.stop();
    await app.close();
    await database.close();
  };
  return { app, platform, database, port, stop };
}
