import type { TargetCell, TargetLevel } from '../contracts/targets';

/**
 * 目标分解 (PERF-1): the arithmetic of a target grid, shared by the server and the page — sums of quarters,
 * halves and the year, the unallocated rest, and filling a row evenly or by a seasonality.
 */

/** The value of one level of a cell; an unset stretch or challenge counts as the level below it. */
export function levelOf(cell: TargetCell, level: TargetLevel): number {
  if (level === 'base') return cell.base;
  if (level === 'stretch') return cell.stretch ?? cell.base;
  return cell.challenge ?? cell.stretch ?? cell.base;
}

/** Month indexes (0-based) of a period: q1…q4, h1, h2, year. */
export const PERIOD_MONTHS = {
  q1: [0, 1, 2],
  q2: [3, 4, 5],
  q3: [6, 7, 8],
  q4: [9, 10, 11],
  h1: [0, 1, 2, 3, 4, 5],
  h2: [6, 7, 8, 9, 10, 11],
  year: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
} as const satisfies Record<string, readonly number[]>;
export type TargetPeriod = keyof typeof PERIOD_MONTHS;
/** The months of a period, as plain indexes. */
export const monthsOf = (period: TargetPeriod): readonly number[] => PERIOD_MONTHS[period];

/** The sum of one level over a period of the twelve months. */
export function periodSum(months: readonly TargetCell[], level: TargetLevel, period: TargetPeriod): number {
  return monthsOf(period).reduce((s, m) => s + levelOf(months[m]!, level), 0);
}

/** Per month, the total less what the children were given (negative: over-allocated). */
export function unallocated(total: readonly TargetCell[], children: readonly (readonly TargetCell[])[], level: TargetLevel): number[] {
  return total.map((cell, m) => levelOf(cell, level) - children.reduce((s, row) => s + levelOf(row[m]!, level), 0));
}

/**
 * Splits `amount` over `months` (0-based) in proportion to `weights` (one per month of the year), in whole
 * units: each month gets the floor of its share and the units left go to the months with the largest
 * remainders (the earlier month first on a tie), so the parts always add up to the amount. With no weight
 * at all (no history) the split is even.
 */
export function split(amount: number, months: readonly number[], weights?: readonly number[]): number[] {
  const out = Array<number>(12).fill(0);
  if (months.length === 0 || amount <= 0) return out;
  const w = months.map((m) => Math.max(0, weights?.[m] ?? 0));
  const sum = w.reduce((s, x) => s + x, 0);
  const share = sum > 0 ? w.map((x) => x / sum) : months.map(() => 1 / months.length);
  const exact = share.map((s) => s * amount);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = amount - floors.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, r: x - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  months.forEach((m, i) => (out[m] = floors[i]!));
  return out;
}

/** Which level breaks the order base ≤ stretch ≤ challenge, if any. */
export function levelOrderIssue(cell: TargetCell): TargetLevel | null {
  if (cell.stretch !== null && cell.stretch < cell.base) return 'stretch';
  if (cell.challenge !== null && cell.challenge < (cell.stretch ?? cell.base)) return 'challenge';
  return null;
}

export const EMPTY_CELL: TargetCell = { base: 0, stretch: null, challenge: null };
export const emptyMonths = (): TargetCell[] => Array.from({ length: 12 }, () => ({ ...EMPTY_CELL }));

/** Element-wise sum of rows' cells (an unset stretch or challenge counts as the level below). */
export function sumRows(rows: readonly (readonly TargetCell[])[]): TargetCell[] {
  return Array.from({ length: 12 }, (_, m) => {
    const any = (level: 'stretch' | 'challenge') => rows.some((r) => r[m]![level] !== null);
    return {
      base: rows.reduce((s, r) => s + r[m]!.base, 0),
      stretch: any('stretch') || any('challenge') ? rows.reduce((s, r) => s + levelOf(r[m]!, 'stretch'), 0) : null,
      challenge: any('challenge') ? rows.reduce((s, r) => s + levelOf(r[m]!, 'challenge'), 0) : null,
    };
  });
}
