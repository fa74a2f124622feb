import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const E2E_ADMIN_PASSWORD = 'Admin@12345';
export const E2E_DEMO_PASSWORD = 'Demo@2026';

interface Running {
  server: ChildProcess;
  dataDir: string;
}

/**
 * Starts `tongmeng start --demo` on a fresh embedded database. `ready` resolves with its URL; `built`
 * when the web app is built (the server opens its database after that), so a second server started then
 * finds dist/web fresh and does not build it again.
 */
function startOne(root: string, n: number): { running: Running; built: Promise<void>; ready: Promise<string> } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tm-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    TONGMENG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    DEMO_PASSWORD: E2E_DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  };
  // An empty DATABASE_URL is rejected by the config; unset means the embedded database in DATA_DIR.
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [path.join(root, 'bin/tongmeng.js'), 'start', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's warnings and errors during the journeys, for diagnosing a failure.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const log = createWriteStream(path.join(root, `.tmp/e2e-server-${n}.log`));
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  let out = '';
  let onBuilt: () => void = () => undefined;
  const built = new Promise<void>((resolve) => (onBuilt = resolve));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server ${n} did not start in time:\n${out}`)), 240_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/^Database: /m.test(out)) onBuilt();
      const m = /running on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => {
      onBuilt();
      reject(new Error(`server ${n} exited with ${code}:\n${out}`));
    });
  });
  return { running: { server, dataDir }, built, ready };
}

async function stop({ server, dataDir }: Running) {
  if (server.exitCode === null && server.signalCode === null) {
    // The server closes its database on SIGTERM; its data directory is removed only after that.
    const exited = new Promise<void>((r) => server.once('exit', () => r()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts the real server once per journey worker: `tongmeng start --demo` on a fresh embedded database
 * each, which builds the web app when its sources are newer than dist/web (the first one; the second
 * starts once that is done). Each worker's journeys talk only to their own server (browser.ts serverUrl).
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  const started = Date.now();
  // one server per journey worker (vitest.config.ts's e2e maxWorkers)
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const running: Running[] = [];
  const urls: string[] = [];
  try {
    const first = startOne(root, 1);
    running.push(first.running);
    await first.built;
    const rest = Array.from({ length: workers - 1 }, (_, i) => startOne(root, i + 2));
    running.push(...rest.map((r) => r.running));
    urls.push(...(await Promise.all([first.ready, ...rest.map((r) => r.ready)])));
  } catch (err) {
    await Promise.all(running.map(stop));
    throw err;
  }
  console.log(`[e2e] ${urls.length} servers at ${urls.join(', ')} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('baseUrls', urls);
  project.provide('webBuiltAt', webBuiltAt(root));
  return async () => {
    await Promise.all(running.map(stop));
  };
}

/** When dist/web was last built: the server serves only the asset files present at its start. */
export function webBuiltAt(root = path.resolve(import.meta.dirname, '../..')): number {
  try {
    return statSync(path.join(root, 'dist/web/index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrls: string[];
    webBuiltAt: number;
  }
}
