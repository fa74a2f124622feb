import type pg from 'pg';
import type { Statement } from './capture';

/** A short name for a statement: what it reads and whether it counts. */
export function statementLabel(sql: string): string {
  // Kysely quotes table names; raw SQL (scope subqueries, recursive CTEs) does not
  const table = /\bfrom\s+"([a-z_]+)"/i.exec(sql)?.[1] ?? /\bfrom\s+([a-z_]+)/i.exec(sql)?.[1] ?? '?';
  if (/^\s*with recursive/i.test(sql)) return `${table} (recursive)`;
  if (/count\(\*\)/i.test(sql) && !/\blimit\b/i.test(sql)) return `${table} count`;
  return /\blimit\b/i.test(sql) ? `${table} page` : table;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Sort Method'?: string;
  'Parallel Aware'?: boolean;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Which scans serve a plan: index names, sequential scans and sorts, in plan order. */
export function planSummary(plan: PlanNode): string {
  const parts: string[] = [];
  const walk = (n: PlanNode) => {
    const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
    const par = n['Parallel Aware'] ? 'parallel ' : '';
    switch (n['Node Type']) {
      case 'Seq Scan':
        parts.push(`${par}seq scan ${n['Relation Name']} (${rows} rows)`);
        break;
      case 'Index Scan':
      case 'Index Only Scan':
        parts.push(`${n['Node Type'] === 'Index Only Scan' ? 'index-only ' : ''}${n['Index Name']} (${rows})`);
        break;
      case 'Bitmap Index Scan':
        parts.push(`bitmap ${n['Index Name']} (${rows})`);
        break;
      case 'Sort':
      case 'Incremental Sort':
        parts.push(`${n['Node Type'].toLowerCase()} ${n['Sort Method'] ?? ''} (${rows})`.replace('  ', ' '));
        break;
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan);
  return parts.join(', ');
}

export interface Explained {
  label: string;
  ms: number;
  summary: string;
  text: string;
  sql: string;
  params: unknown[];
}

/** EXPLAIN (ANALYZE, BUFFERS) of each recorded statement: a one-line summary and the full text plan. */
export async function explain(pool: pg.Pool, statements: Statement[]): Promise<Explained[]> {
  const out: Explained[] = [];
  for (const s of statements) {
    if (!/^\s*(select|with)\b/i.test(s.sql)) continue;
    const json = await pool.query(`explain (analyze, buffers, format json) ${s.sql}`, s.params);
    const root = (json.rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0];
    const text = await pool.query(`explain (analyze, buffers) ${s.sql}`, s.params);
    out.push({
      label: statementLabel(s.sql),
      ms: root['Execution Time'],
      summary: planSummary(root.Plan),
      text: text.rows.map((r) => r['QUERY PLAN']).join('\n'),
      sql: s.sql,
      params: s.params,
    });
  }
  return out;
}
