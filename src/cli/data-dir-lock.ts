import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './cli-error';

/**
 * Embedded PGlite has no postmaster lock: two processes on one data directory would both
 * write its files and corrupt it (e.g. `tongmeng backup` while `tongmeng start` runs). Every
 * CLI process that opens a PGlite directory holds this lock file in it (PGlite's initdb
 * accepts the extra file); one left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string, command: string): () => void {
  const file = path.join(dataDir, 'tongmeng.lock');
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, command, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(file);
        } catch {
          // already gone: nothing to release
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && isAlive(holder.pid)) {
        throw new CliError(`The data directory ${dataDir} is in use by process ${holder.pid} (tongmeng ${holder.command}); stop it first, or use PostgreSQL (DATABASE_URL) to run several processes`);
      }
      try {
        unlinkSync(file);
      } catch {
        // another process removed the stale lock first; try again
      }
    }
  }
  throw new CliError(`Could not lock the data directory ${dataDir}`);
}

function readHolder(file: string): { pid: number; command: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; command?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, command: String(parsed.command ?? '?') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
