/**
 * Receivables (DEAL-2): an instalment's status as of a date, days overdue, the ageing bucket and
 * the dunning levels reached. Pure, shared by the server (lists, ageing, the dunning job) and the
 * web (a plan being typed). Money is fen; dates are 'YYYY-MM-DD'.
 */

export const INSTALMENT_STATUSES = ['not_due', 'partly_paid', 'paid', 'overdue', 'written_off'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

export interface InstalmentFigures {
  amount: number;
  /** confirmed receipts allocated to it (as of the date asked about) */
  paid: number;
  /** approved write-offs (as of the date asked about) */
  writtenOff: number;
  dueDate: string;
}

/** Whole days from one calendar date to another (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** What is still owed: the amount less what was paid and written off (never below 0). */
export const outstandingOf = (i: Pick<InstalmentFigures, 'amount' | 'paid' | 'writtenOff'>): number => Math.max(0, i.amount - i.paid - i.writtenOff);

/** Days past due on `asOf` while something is owed; 0 when not due or settled. The due day itself is not overdue. */
export function daysOverdue(i: InstalmentFigures, asOf: string): number {
  if (outstandingOf(i) === 0) return 0;
  return Math.max(0, daysBetween(i.dueDate, asOf));
}

/**
 * The derived status, never stored: written off once a write-off settles the rest (or part of it with
 * nothing else owed), paid when nothing is owed, overdue when something is owed past the due date,
 * partly paid when something was paid, else not due.
 */
export function instalmentStatus(i: InstalmentFigures, asOf: string): InstalmentStatus {
  if (outstandingOf(i) === 0) return i.writtenOff > 0 ? 'written_off' : 'paid';
  if (daysOverdue(i, asOf) > 0) return 'overdue';
  return i.paid > 0 ? 'partly_paid' : 'not_due';
}

/** The default ageing buckets' upper bounds in days overdue: not due / 1–30 / 31–60 / 61–90 / 91–180 / >180. */
export const DEFAULT_AGEING_BOUNDS: readonly number[] = [30, 60, 90, 180];

/** Checks bucket bounds: 1 to 8 whole, strictly increasing day counts ≥ 1. Returns what is wrong, or null. */
export function boundsProblem(bounds: readonly number[]): 'count' | 'order' | null {
  if (bounds.length < 1 || bounds.length > 8) return 'count';
  for (let i = 0; i < bounds.length; i++) if (!Number.isInteger(bounds[i]) || bounds[i]! < 1 || (i > 0 && bounds[i]! <= bounds[i - 1]!)) return 'order';
  return null;
}

/**
 * The bucket of a number of days overdue: 0 = not due (0 days), 1 = up to the first bound, …,
 * bounds.length + 1 = above the last bound.
 */
export function bucketOf(days: number, bounds: readonly number[] = DEFAULT_AGEING_BOUNDS): number {
  if (days <= 0) return 0;
  const i = bounds.findIndex((b) => days <= b);
  return i === -1 ? bounds.length + 1 : i + 1;
}

/** The buckets' labels as day ranges: ['0', '1-30', '31-60', '61-90', '91-180', '>180'] (0 = not due). */
export function bucketRanges(bounds: readonly number[] = DEFAULT_AGEING_BOUNDS): string[] {
  return ['0', ...bounds.map((b, i) => `${i === 0 ? 1 : bounds[i - 1]! + 1}-${b}`), `>${bounds[bounds.length - 1]}`];
}

/** The default dunning levels in days overdue: 1 a reminder to the owner, 15 a collection task, 30 the director, 60 the GM. */
export const DEFAULT_DUNNING_DAYS: readonly number[] = [1, 15, 30, 60];

/** The dunning levels (1-based) an instalment has reached at `days` overdue. */
export function dunningLevelsReached(days: number, levels: readonly number[] = DEFAULT_DUNNING_DAYS): number[] {
  return levels.flatMap((d, i) => (days >= d ? [i + 1] : []));
}
