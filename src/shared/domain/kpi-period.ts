import type { WorkCalendar } from './workdays';
import { shiftDate, workingDaysBetween } from './workdays';

/**
 * KPI periods (PERF-2): a month `2026-12`, a quarter `2026-Q4`, a half `2026-H2`, a year `2026`, or a custom
 * run of whole months of one year `2026-03..2026-08`. Targets are monthly, so a period is whole months.
 */
export interface KpiPeriod {
  key: string;
  year: number;
  /** 1-based months of the year, in order */
  months: number[];
  /** first and last calendar day */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function range(key: string, year: number, first: number, last: number): KpiPeriod {
  return { key, year, months: Array.from({ length: last - first + 1 }, (_, i) => first + i), from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The period a key names, or undefined when it names none. */
export function parsePeriod(key: string): KpiPeriod | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? range(key, Number(m[1]), Number(m[2]), Number(m[2])) : undefined;
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return range(key, Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return range(key, Number(m[1]), m[2] === '1' ? 1 : 7, m[2] === '1' ? 6 : 12);
  m = /^(\d{4})$/.exec(key);
  if (m) return range(key, Number(m[1]), 1, 12);
  m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(key);
  if (m && m[1] === m[3] && Number(m[2]) >= 1 && Number(m[4]) <= 12 && Number(m[2]) <= Number(m[4])) return range(key, Number(m[1]), Number(m[2]), Number(m[4]));
  return undefined;
}

/** The current month, quarter, half or year of a business date. */
export function periodOf(date: string, kind: 'month' | 'quarter' | 'half' | 'year'): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return `${year}-${pad(month)}`;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  if (kind === 'half') return `${year}-H${month <= 6 ? 1 : 2}`;
  return year;
}

/** How much of the period has passed on `today`, in working days (today counts once it is a working day). */
export function elapsed(period: KpiPeriod, today: string, cal: WorkCalendar): { workingDays: number; totalWorkingDays: number; share: number } {
  const total = workingDaysBetween(period.from, period.to, cal);
  const upTo = today < period.from ? shiftDate(period.from, -1) : today > period.to ? period.to : today;
  const done = workingDaysBetween(period.from, upTo, cal);
  return { workingDays: done, totalWorkingDays: total, share: total === 0 ? 1 : done / total };
}

export type AttainmentStatus = 'met' | 'on_track' | 'behind' | 'no_target';

/**
 * One row's attainment against its target (PERF-2): completion = actual ÷ target; the expected part by now =
 * target × elapsed share; the pace forecast = actual ÷ elapsed share (what the period ends at at this pace;
 * none before any working day has passed). Met once the actual reaches the whole target; on track while it
 * keeps up with the expected part; behind otherwise.
 */
export function attainment(actual: number, target: number, share: number) {
  if (target <= 0) return { completion: null, expected: 0, forecast: share > 0 ? Math.round(actual / share) : null, status: 'no_target' as AttainmentStatus };
  const expected = Math.round(target * share);
  const status: AttainmentStatus = actual >= target ? 'met' : actual >= expected ? 'on_track' : 'behind';
  return { completion: actual / target, expected, forecast: share > 0 ? Math.round(actual / share) : null, status };
}
