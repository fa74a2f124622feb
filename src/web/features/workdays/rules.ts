import { calendarOf, isWorkingDay, shiftDate, workingDaysBetween, type CalendarDay } from '../../../shared/domain/workdays';

/**
 * The working-calendar page's pure parts: the months as grids, what a day is, the page's unsaved edits
 * applied to the year's days, and each month's named days in short.
 */

/** What a day of the grid shows: off (a holiday), worked (a make-up day), or the weekday rule's weekend / workday. */
export type DayKind = 'off' | 'worked' | 'weekend' | 'workday';
export const DAY_KINDS: readonly DayKind[] = ['off', 'worked', 'weekend', 'workday'];

/** An edit of one day: listed off or worked with a name, or back to the weekday rule (null). */
export type DayEdit = { off: boolean; name: string } | null;

const pad = (n: number) => String(n).padStart(2, '0');

/** A month 'YYYY-MM' of a year, 1-based. */
export const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;

/** Monday = 0 … Sunday = 6 (weeks run Monday to Sunday in China). */
const mondayIndex = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** A month as weeks of seven cells, Monday first; a cell outside the month is null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${monthKey(year, month)}-01`;
  const cells: (string | null)[] = Array.from({ length: mondayIndex(first) }, () => null);
  for (let d = first; d.startsWith(monthKey(year, month)); d = shiftDate(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function dayKind(date: string, listed: ReadonlyMap<string, CalendarDay>): DayKind {
  const day = listed.get(date);
  if (day) return day.off ? 'off' : 'worked';
  return mondayIndex(date) >= 5 ? 'weekend' : 'workday';
}

/** The year's days with the page's edits applied, by date. */
export function applyEdits(days: readonly CalendarDay[], edits: ReadonlyMap<string, DayEdit>): CalendarDay[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const [date, edit] of edits) {
    if (edit) byDate.set(date, { date, off: edit.off, name: edit.name.trim() });
    else byDate.delete(date);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The working days of a year under these days. */
export const workingDaysOf = (year: number, days: readonly CalendarDay[]) => workingDaysBetween(`${year}-01-01`, `${year}-12-31`, calendarOf(days));

/** Whether a date is worked under these days (the form's "as the weekday rule" says which that is). */
export const worksByRule = (date: string) => isWorkingDay(date, calendarOf([]));

/** One run of a month's named days: the same name and the same off/worked on consecutive dates. */
export interface NamedRun {
  name: string;
  off: boolean;
  from: string;
  to: string;
}

/** A month's listed days as runs ("国庆节 off 1–7", "国庆节 worked 10"), in date order. */
export function namedRuns(days: readonly CalendarDay[], month: string): NamedRun[] {
  const runs: NamedRun[] = [];
  for (const d of days) {
    if (!d.date.startsWith(month)) continue;
    const last = runs.at(-1);
    if (last && last.name === d.name && last.off === d.off && shiftDate(last.to, 1) === d.date) last.to = d.date;
    else runs.push({ name: d.name, off: d.off, from: d.date, to: d.date });
  }
  return runs;
}
