import type pg from 'pg';

/** One generator step as the results file lists it. */
export type Step = { step: string; rows: number; seconds: number };

/** Runs generator statements one by one, timing each into `steps` and logging a line per step. */
export function stepRunner(c: pg.Client, steps: Step[], log: (line: string) => void, width = 44) {
  return async (name: string, text: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await c.query(text, params);
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step: name, rows: r.rowCount ?? 0, seconds });
    log(`  ${name.padEnd(width)} ${String(r.rowCount ?? 0).padStart(9)} rows ${seconds.toFixed(1).padStart(7)} s`);
    return r;
  };
}
