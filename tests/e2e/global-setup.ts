import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const E2E_ADMIN_PASSWORD = 'Admin@12345';
export const E2E_DEMO_PASSWORD = 'Demo@2026';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/**
 * Starts the real server once for all journeys: `tongmeng start --demo` on a fresh embedded
 * database, which builds the web app when its sources are newer than dist/web.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tm-e2e-'));
  const started = Date.now();
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
  server = spawn(process.execPath, [path.join(root, 'bin/tongmeng.js'), 'start', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's warnings and errors during the journeys, for diagnosing a failure.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const log = createWriteStream(path.join(root, '.tmp/e2e-server.log'));
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const starting = new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 200_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  let baseUrl: string;
  try {
    baseUrl = await starting;
  } catch (err) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  console.log(`[e2e] server at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('baseUrl', baseUrl);
  project.provide('webBuiltAt', webBuiltAt(root));
  return async () => {
    const proc = server;
    if (proc && proc.exitCode === null) {
      // The server closes its database on SIGTERM; its data directory is removed only after that.
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
    baseUrl: string;
    webBuiltAt: number;
  }
}
