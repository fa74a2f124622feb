import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { int } from './stats';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, '../results');

export interface Machine {
  pg: string;
  /** the PostgreSQL settings that matter for these plans */
  settings: string;
  commit: string;
  cpu: string;
  memory: string;
  node: string;
  /** pg_database_size of the benchmark database */
  bytes: number;
}

/** What a result was measured on: the code, the machine, PostgreSQL and its settings. */
export async function machine(pool: pg.Pool): Promise<Machine> {
  const v = await pool.query<{ version: string }>('select version()');
  const s = await pool.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings where name in ('shared_buffers','work_mem','effective_cache_size','random_page_cost','jit','max_parallel_workers_per_gather') order by name`,
  );
  const settings = s.rows.map((r) => `${r.name}=${r.unit === '8kB' ? `${(Number(r.setting) * 8) / 1024}MB` : r.unit === 'kB' ? `${Number(r.setting) / 1024}MB` : r.setting}`).join(', ');
  let commit = 'unknown';
  try {
    const git = (args: string) => execSync(`git ${args}`, { cwd: HERE, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    commit = git('rev-parse --short HEAD');
    if (git('status --porcelain -- src migrations')) commit += ' (with uncommitted changes)';
  } catch {
    // not a git checkout
  }
  const size = await pool.query<{ n: string }>('select pg_database_size(current_database()) n');
  return {
    pg: v.rows[0].version.split(' on ')[0],
    settings,
    commit,
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    bytes: Number(size.rows[0].n),
  };
}

/** One line naming the code, machine and PostgreSQL of a result. */
export const machineLine = (m: Machine) => `Code ${m.commit}; ${m.cpu}, ${m.memory}; Node ${m.node}; ${m.pg} (${m.settings}).`;

/** Today's date as results files name it (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

/** Writes a results file: `--out` when given, else bench/results/<name>-<date>.md. Returns its path. */
export function writeResult(name: string, date: string, text: string, out?: string): string {
  const file = out ? path.resolve(out) : path.join(RESULTS, `${name}-${date}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The "Load" section of a results file: each generator step with its rows and seconds, and the total. */
export function loadSection(steps: { step: string; rows: number; seconds: number }[], seconds: number): string[] {
  return [
    '## Load',
    '',
    '| step | rows | seconds |',
    '|---|---:|---:|',
    ...steps.map((s) => `| ${s.step} | ${s.rows ? int(s.rows) : ''} | ${s.seconds.toFixed(1)} |`),
    `| **total** | | **${seconds.toFixed(1)}** |`,
    '',
  ];
}
