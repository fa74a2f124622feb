import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** One statement a service sent to PostgreSQL, with when it started and finished. */
export interface Statement {
  sql: string;
  params: unknown[];
  start: number;
  end: number;
}

let recording: Statement[] | undefined;

type Query = (...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;

/**
 * Records every statement the pg driver sends while `capture` runs, by wrapping
 * pg.Client#query in this process only. The benchmark calls the same service functions the
 * server runs, records their SQL with its parameters and concurrency, and replays exactly those
 * statements as the "raw SQL" baseline — so the baseline follows the repositories as they change.
 */
function install() {
  (pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
    const list = recording;
    if (!list || typeof args[0] !== 'string' || typeof args[args.length - 1] === 'function') return original.apply(this, args);
    const entry: Statement = { sql: args[0], params: Array.isArray(args[1]) ? args[1] : [], start: performance.now(), end: Number.NaN };
    list.push(entry);
    const done = original.apply(this, args) as Promise<unknown>;
    return done.then((r) => {
      entry.end = performance.now();
      return r;
    });
  };
}
install();

export async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  if (recording) throw new Error('capture() does not nest');
  const list: Statement[] = [];
  recording = list;
  try {
    const result = await fn();
    return { result, statements: list };
  } finally {
    recording = undefined;
  }
}

/**
 * Groups statements the way they ran: a statement that started before every earlier one had
 * finished ran beside them (Promise.all in the service); otherwise it starts a new phase.
 */
export function phases(statements: Statement[]): Statement[][] {
  const sorted = [...statements].sort((a, b) => a.start - b.start);
  const out: Statement[][] = [];
  let lastEnd = -Infinity;
  for (const s of sorted) {
    if (!out.length || s.start >= lastEnd) out.push([s]);
    else out[out.length - 1].push(s);
    lastEnd = Math.max(lastEnd, s.end);
  }
  return out;
}

/** Runs the phases one after another, the statements of a phase side by side, on a plain pg pool. */
export async function replay(pool: pg.Pool, groups: Statement[][]): Promise<pg.QueryResult[]> {
  const results: pg.QueryResult[] = [];
  for (const g of groups) results.push(...(await Promise.all(g.map((s) => pool.query(s.sql, s.params)))));
  return results;
}
