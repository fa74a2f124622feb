import { MONEY_METRICS, type TargetCell, type TargetCellInput, type TargetChangeLine, type TargetLevel, type TargetMetric, type TargetPlanDetail, type TargetRow } from '../../../shared/contracts/targets';
import { fenToYuan, yuanToFen } from '../../../shared/domain/money';
import { levelOf, split, unallocated } from '../../../shared/domain/targets';

/**
 * The plan page's grid state (PERF-1): what the server sent, the cells edited since (kept until saved, whatever
 * the server sends meanwhile), the figures the page derives from both, and how a 400's field path finds its cell.
 */

/** A row's key in the grid: 'user:12', 'unit:3'. */
export type RowKey = `${TargetRow['kind']}:${number}`;
export const rowKey = (r: Pick<TargetRow, 'kind' | 'id'>): RowKey => `${r.kind}:${r.id}`;

/** Cells edited and not saved: per row, per month (0-based), the whole cell as it now reads. */
export type Edits = Partial<Record<RowKey, Partial<Record<number, TargetCell>>>>;

const sameCell = (a: TargetCell, b: TargetCell) => a.base === b.base && a.stretch === b.stretch && a.challenge === b.challenge;

/** The rows as they read with the edits over the server's cells. */
export function applyEdits(rows: readonly TargetRow[], edits: Edits): TargetRow[] {
  return rows.map((r) => {
    const mine = edits[rowKey(r)];
    return mine ? { ...r, months: r.months.map((c, m) => mine[m] ?? c) } : r;
  });
}

/** A cell with one level set: an empty base is 0, an empty stretch or challenge is unset (reads as the level below). */
export function withLevel(cell: TargetCell, level: TargetLevel, value: number | null): TargetCell {
  return level === 'base' ? { ...cell, base: value ?? 0 } : { ...cell, [level]: value };
}

/**
 * The edits after a row's months become `months`: a month equal to the server's again is no edit any more, so
 * typing a value back leaves nothing to save.
 */
export function editRow(edits: Edits, server: TargetRow, months: readonly TargetCell[]): Edits {
  const key = rowKey(server);
  const mine: Partial<Record<number, TargetCell>> = {};
  months.forEach((c, m) => {
    if (!sameCell(c, server.months[m]!)) mine[m] = c;
  });
  const next = { ...edits };
  if (Object.keys(mine).length) next[key] = mine;
  else delete next[key];
  return next;
}

/** How many cells are edited and not saved. */
export const editCount = (edits: Edits) => Object.values(edits).reduce((s, row) => s + Object.keys(row ?? {}).length, 0);

/** The edited cells as PUT /api/targets/:id/cells wants them, in the grid's order (row, then month). */
export function editedCells(rows: readonly TargetRow[], edits: Edits): TargetCellInput[] {
  return rows.flatMap((r) => {
    const mine = edits[rowKey(r)] ?? {};
    return Object.keys(mine)
      .map(Number)
      .sort((a, b) => a - b)
      .map((m) => ({ kind: r.kind, id: r.id, month: m + 1, ...mine[m]! }));
  });
}

/**
 * The peer average of each row (seed 003 第4条): per month, the mean of the own averages of the other rows of
 * its kind and role (the other people, the other sub-units); null for a row without peers (the total).
 */
export function peerAverages(rows: readonly TargetRow[]): (number[] | null)[] {
  return rows.map((row) => {
    const peers = rows.filter((o) => o !== row && o.kind === row.kind && o.role === row.role && row.role === 'child');
    if (!peers.length) return null;
    return Array.from({ length: 12 }, (_, m) => peers.reduce((s, p) => s + p.ownAverage[m]!, 0) / peers.length);
  });
}

/** Per month, the unit's total less its sub-units', people's and hidden colleagues' targets at `level`. */
export function unallocatedOf(rows: readonly TargetRow[], plan: Pick<TargetPlanDetail, 'hiddenRows' | 'hiddenSum'>, level: TargetLevel): number[] {
  const total = rows.find((r) => r.role === 'total');
  if (!total) return Array<number>(12).fill(0);
  const children = rows.filter((r) => r.role === 'child').map((r) => r.months);
  if (plan.hiddenRows > 0) children.push(plan.hiddenSum);
  return unallocated(total.months, children, level);
}

/** The months (0-based) from `from` to `to` (1–12, either order). */
export function monthRange(from: number, to: number): number[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return Array.from({ length: b - a + 1 }, (_, i) => a - 1 + i);
}

/** The named month ranges a fill offers, 1-based and inclusive. */
export const FILL_RANGES = { year: [1, 12], h1: [1, 6], h2: [7, 12], q1: [1, 3], q2: [4, 6], q3: [7, 9], q4: [10, 12] } as const;
export type FillRange = keyof typeof FILL_RANGES;
export const FILL_MODES = ['even', 'season'] as const;
export type FillMode = (typeof FILL_MODES)[number];

/**
 * A row's months after a fill: `amount` (the metric's unit: fen or a count) split over `months` at `level` —
 * evenly, or in proportion to last year's months (evenly when last year had nothing in them). Other months keep
 * their cells.
 */
export function fillRow(row: Pick<TargetRow, 'months' | 'lastYear'>, level: TargetLevel, amount: number, months: readonly number[], mode: FillMode): TargetCell[] {
  const parts = split(amount, months, mode === 'season' ? row.lastYear : undefined);
  return row.months.map((c, m) => (months.includes(m) ? withLevel(c, level, parts[m]!) : c));
}

/** Whether last year gives a fill over `months` anything to follow. */
export const hasSeason = (row: Pick<TargetRow, 'lastYear'>, months: readonly number[]) => months.some((m) => (row.lastYear[m] ?? 0) > 0);

export const isMoney = (metric: TargetMetric) => MONEY_METRICS.includes(metric);

/** A stored value as the grid's input shows it: 元 with two decimals for money, the count otherwise. */
export const toInput = (metric: TargetMetric, v: number | null): number | null => (v === null ? null : isMoney(metric) ? fenToYuan(v) : v);
/** What the input holds as the stored value: fen for money (rounded to the fen), a whole count otherwise. */
export const fromInput = (metric: TargetMetric, v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.max(0, isMoney(metric) ? yuanToFen(v) : Math.round(v));

/** Where a 400's field path points in the cells sent: `cells.3.stretch` → the fourth cell sent, its stretch. */
export function issueCell(path: string, sent: readonly TargetCellInput[]): { key: RowKey; month: number; level: TargetLevel | null } | null {
  const m = /^cells\.(\d+)(?:\.(base|stretch|challenge))?/.exec(path);
  const cell = m ? sent[Number(m[1])] : undefined;
  if (!m || !cell) return null;
  return { key: rowKey(cell), month: cell.month - 1, level: (m[2] as TargetLevel | undefined) ?? null };
}

/**
 * The lines of a 目标调整 of one row: at `level`, each month (0-based) of `values` whose new value differs from
 * the value the cell reads at that level now.
 */
export function changeLines(row: Pick<TargetRow, 'kind' | 'id' | 'months'>, level: TargetLevel, values: Readonly<Record<number, number | null | undefined>>): TargetChangeLine[] {
  return Object.entries(values)
    .map(([m, v]) => ({ month: Number(m), value: v }))
    .filter((x): x is { month: number; value: number } => typeof x.value === 'number' && x.value !== levelOf(row.months[x.month]!, level))
    .sort((a, b) => a.month - b.month)
    .map((x) => ({ kind: row.kind, id: row.id, month: x.month + 1, level, value: x.value }));
}
