import type { AllocationInput, AllocationProposal, ProposalLine } from '../../../shared/contracts/collections';
import type { AgeingGroup } from '../../../shared/contracts/receivables';

/** Pure helpers of the receivables pages (no React, no i18n instance): periods, rates, allocation rows, drill-downs. */

// ---- rates (DEAL-3) ----

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** The API's period: 2026-11, 2026-Q4, 2026-H2 or 2026 (shared/contracts/receivables ratePeriod). */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

/** The period of `kind` holding the business date `day` ('YYYY-MM-DD'). */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}

/** Which kind a period string is (a bad one: undefined). */
export function kindOfPeriod(period: string): Exclude<PeriodKind, 'custom'> | undefined {
  if (!PERIOD_PATTERN.test(period)) return undefined;
  if (period.length === 4) return 'year';
  const tail = period.slice(5);
  return tail.startsWith('Q') ? 'quarter' : tail.startsWith('H') ? 'half' : 'month';
}

/** The first day of a period (what its picker shows). */
export function periodStart(period: string): string {
  const year = period.slice(0, 4);
  const kind = kindOfPeriod(period);
  if (kind === 'year') return `${year}-01-01`;
  if (kind === 'month') return `${period}-01`;
  const n = Number(period.slice(6));
  const month = kind === 'quarter' ? (n - 1) * 3 + 1 : (n - 1) * 6 + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** A rate (0.8734) as a percent with one decimal ('87.3%'); none (nothing fell due) → '—'. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

// ---- allocation ----

/** One editable row of an allocation: an open instalment and the amount (fen) to give it. */
export interface AllocationRow extends ProposalLine {
  /** fen; 0 gives it nothing */
  allocate: number;
}

/** The proposal's lines as editable rows, each starting at what oldest-due-first gives it. */
export function rowsFromProposal(p: AllocationProposal): AllocationRow[] {
  return p.lines.map((l) => ({ ...l, allocate: l.proposed }));
}

export interface AllocationCheck {
  total: number;
  /** available − total: what stays the account's credit */
  rest: number;
  /** the total is more than the receipt's unallocated remainder */
  overAvailable: boolean;
  /** instalments given more than they still owe */
  overOutstanding: number[];
  /** the lines to send (amount > 0) */
  lines: AllocationInput[];
}

/** The sum check of the rows against the receipt's remainder, and the lines worth sending. */
export function checkAllocation(rows: readonly AllocationRow[], available: number): AllocationCheck {
  const lines = rows.filter((r) => r.allocate > 0).map((r) => ({ instalmentId: r.instalmentId, amount: r.allocate }));
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return {
    total,
    rest: available - total,
    overAvailable: total > available,
    overOutstanding: rows.filter((r) => r.allocate > r.outstanding).map((r) => r.instalmentId),
    lines,
  };
}

/** Oldest due first over `available` (the rows' order): what the server's auto allocation would give each row. */
export function fillOldestFirst(rows: readonly AllocationRow[], available: number): AllocationRow[] {
  let left = available;
  return rows.map((r) => {
    const give = Math.max(0, Math.min(r.outstanding, left));
    left -= give;
    return { ...r, allocate: give };
  });
}

// ---- ageing ----

/** The drill-down filter of an ageing cell: the row's account, owner or unit and the bucket (none: the row's total). */
export function drillQuery(groupBy: AgeingGroup, key: number | undefined, base: { asOf: string; unitId?: number }, bucket?: number): Record<string, string> {
  const q: Record<string, string> = { asOf: base.asOf };
  if (base.unitId) q.unitId = String(base.unitId);
  if (key !== undefined) q[groupBy === 'account' ? 'accountId' : groupBy === 'owner' ? 'ownerId' : 'unitId'] = String(key);
  if (bucket !== undefined) q.bucket = String(bucket);
  return q;
}

/** A bucket label of the API ('0', '1-30', '>180') as its parts: not due, or a day range with an en dash. */
export function bucketRange(label: string): { notDue: true } | { notDue: false; range: string } {
  return label === '0' ? { notDue: true } : { notDue: false, range: label.replace('-', '–') };
}

/** Bounds typed as text ('30, 60, 90') → whole numbers; anything else → null. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/** Strictly increasing whole days ≥ 1. */
export const increasingDays = (days: readonly number[]) => days.length > 0 && days.every((d, i) => Number.isInteger(d) && d >= 1 && (i === 0 || d > days[i - 1]!));
