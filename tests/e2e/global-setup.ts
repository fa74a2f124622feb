import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const E2E_ADMIN_PASSWORD = 'Admin@12345';
export const E2E_DEMO_PASSWORD = 'Demo@2026';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/**
 * Starts the real server once for all journeys: `tongmeng start --demo` on a fresh embedded
 * database (or on TEST_DATABASE_URL's server when E2E_DB=postgres), which builds the web app.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tm-e2e-'));
  const started = Date.now();
  server = spawn(process.execPath, [path.join(root, 'bin/tongmeng.js'), 'start', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      TONGMENG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
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
  console.log(`[e2e] server at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('baseUrl', baseUrl);
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
