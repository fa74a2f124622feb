import { parsePeriod, periodOf, type KpiPeriod } from '../../../shared/domain/kpi-period';

/** The period pickers' kinds: 月 / 季 / 半年 / 年, and a run of months (a key such as `2026-03..2026-08`). */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period as the pickers hold it: its kind, year and first and last month (1-based). */
export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  first: number;
  last: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The kind of a period key (parsePeriod's forms), or undefined when it names no period. */
export function kindOf(key: string): PeriodKind | undefined {
  if (!parsePeriod(key)) return undefined;
  if (key.includes('..')) return 'custom';
  if (key.includes('-Q')) return 'quarter';
  if (key.includes('-H')) return 'half';
  return /^\d{4}$/.test(key) ? 'year' : 'month';
}

/** A valid key's parts (undefined for a key that names no period). */
export function partsOf(key: string): PeriodParts | undefined {
  const p = parsePeriod(key);
  const kind = kindOf(key);
  return p && kind ? { kind, year: p.year, first: p.months[0]!, last: p.months[p.months.length - 1]! } : undefined;
}

/** The key of the period the parts name: a month, quarter or half is the one holding `first`. */
export function keyOf({ kind, year, first, last }: PeriodParts): string {
  const date = `${year}-${pad(first)}-01`;
  if (kind === 'custom') return `${year}-${pad(Math.min(first, last))}..${year}-${pad(Math.max(first, last))}`;
  return periodOf(date, kind);
}

/**
 * The period of another kind that a switch of the kind picker shows: the one holding today while the current
 * period does (this month → this quarter), otherwise the one holding the current period's first day; a run of
 * months starts as the current period's months.
 */
export function switchKind(period: KpiPeriod, kind: PeriodKind, today: string): string {
  if (kind === 'custom') return keyOf({ kind, year: period.year, first: period.months[0]!, last: period.months[period.months.length - 1]! });
  const anchor = today >= period.from && today <= period.to ? today : period.from;
  return periodOf(anchor, kind);
}

/** The same period in another year (2026-Q4 → 2025-Q4). */
export function withYear(key: string, year: number): string | undefined {
  const parts = partsOf(key);
  return parts ? keyOf({ ...parts, year }) : undefined;
}

/** The years the year picker offers: a few before today's and the next, and the shown period's year in any case. */
export function yearsAround(today: string, shown: number): number[] {
  const year = Number(today.slice(0, 4));
  const years = new Set([year - 3, year - 2, year - 1, year, year + 1, shown]);
  return [...years].sort((a, b) => b - a);
}
