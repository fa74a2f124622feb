import { zonedInstant, businessDate } from './business-time';

/**
 * The working calendar (工作日历, issue 15 item 2): which days are worked and, within a working day,
 * which hours. Monday–Friday are working days and Saturday–Sunday are not, except where the calendar
 * says otherwise: a 法定节假日 (statutory holiday, or a day of its 放假调休 bridge) is off even on a
 * weekday, and a 调休 make-up day is worked even on a weekend. The days are kept per year (the State
 * Council publishes each year's arrangement the November before) and edited by an admin.
 *
 * Pure: the server loads the days (the `workdays` room) and passes them in; dates are business dates
 * 'YYYY-MM-DD'; instants are Dates, read in the business time zone.
 */

/** One day that differs from the weekday rule (or confirms it, e.g. a holiday on a Sunday). */
export interface CalendarDay {
  date: string;
  /** true: not worked (holiday); false: worked (a 调休 make-up day) */
  off: boolean;
  /** 元旦, 春节, … (the holiday the day belongs to) */
  name: string;
}

export interface WorkCalendar {
  /** 'YYYY-MM-DD' → off; absent: the weekday rule */
  readonly days: ReadonlyMap<string, boolean>;
}

export const calendarOf = (days: readonly Pick<CalendarDay, 'date' | 'off'>[]): WorkCalendar => ({ days: new Map(days.map((d) => [d.date, d.off])) });
/** Monday–Friday only: what every calculation used before the calendar existed, and a safe empty default. */
export const WEEKDAYS_ONLY: WorkCalendar = calendarOf([]);

/** The working hours of a working day, 'HH:mm' in the business time zone; an optional break (午休) is not worked. */
export interface WorkingHours {
  start: string;
  end: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '18:00', breakStart: '12:00', breakEnd: '13:30' };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const toUtc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The calendar date `n` days after (negative: before) 'YYYY-MM-DD'. */
export const shiftDate = (date: string, n: number): string => fromUtc(toUtc(date) + n * DAY_MS);
const weekday = (date: string) => new Date(toUtc(date)).getUTCDay();

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const off = cal.days.get(date);
  if (off !== undefined) return !off;
  const wd = weekday(date);
  return wd !== 0 && wd !== 6;
}

/** The `n`-th working day after `date` (n ≥ 0; 0: `date` itself when worked, else the next working day). */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  let d = date;
  if (n === 0) {
    while (!isWorkingDay(d, cal)) d = shiftDate(d, 1);
    return d;
  }
  for (let left = n; left > 0; ) {
    d = shiftDate(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** The last working day on or before `date`. */
export function workingDayUpTo(date: string, cal: WorkCalendar): string {
  let d = date;
  while (!isWorkingDay(d, cal)) d = shiftDate(d, -1);
  return d;
}

/** The last working day of a month 'YYYY-MM'. */
export function lastWorkingDayOfMonth(month: string, cal: WorkCalendar): string {
  const next = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1);
  return workingDayUpTo(fromUtc(next - DAY_MS), cal);
}

/** The `n`-th working day of a month 'YYYY-MM' (1-based): the 5th working day, say. */
export function nthWorkingDayOfMonth(month: string, n: number, cal: WorkCalendar): string {
  return addWorkingDays(shiftDate(`${month}-01`, -1), n, cal);
}

/** Working days in [from, to], both included (0 when to < from). */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let d = from; d <= to; d = shiftDate(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

// ---------------------------------------------------------------- working time

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The worked intervals of one day in minutes from midnight: [start, breakStart), [breakEnd, end). */
function intervalsOf(hours: WorkingHours): [number, number][] {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (hours.breakStart && hours.breakEnd) {
    const bs = Math.max(start, Math.min(end, minutesOf(hours.breakStart)));
    const be = Math.max(bs, Math.min(end, minutesOf(hours.breakEnd)));
    return [
      [start, bs],
      [be, end],
    ].filter(([a, b]) => b > a) as [number, number][];
  }
  return end > start ? [[start, end]] : [];
}

/** Minutes worked in a working day under these hours. */
export const workingMinutesPerDay = (hours: WorkingHours) => intervalsOf(hours).reduce((t, [a, b]) => t + b - a, 0);

/** The instant of minute `m` (from midnight) of a business date. */
const instantOf = (date: string, m: number, tz: string) =>
  zonedInstant(tz, Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Math.floor(m / 60), m % 60);

/** The business date and minute of the day of an instant (seconds kept as a fraction of the minute). */
function localMinute(at: Date, tz: string): { date: string; minute: number } {
  const date = businessDate(at, tz);
  const midnight = instantOf(date, 0, tz).getTime();
  return { date, minute: (at.getTime() - midnight) / MINUTE_MS };
}

/**
 * The instant `minutes` working minutes after `from` (a clock that runs only in working hours of working
 * days): a request logged on Friday at 17:00 with 4 working hours to answer is due on Monday at 11:30
 * under 09:00–18:00 with 12:00–13:30 off — or later when Monday is a holiday. `minutes` = 0 returns
 * `from` when it lies in working time, else the start of the next working time.
 */
export function addWorkingMinutes(from: Date, minutes: number, cal: WorkCalendar, hours: WorkingHours, tz: string): Date {
  const intervals = intervalsOf(hours);
  if (!intervals.length) throw new Error('working hours are empty');
  let { date, minute } = localMinute(from, tz);
  let left = Math.max(0, minutes);
  // at most a few years of days: a calendar cannot be all holidays for longer
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(date, cal)) {
      for (const [a, b] of intervals) {
        if (minute >= b) continue;
        const begin = Math.max(a, minute);
        if (begin + left <= b) return new Date(instantOf(date, 0, tz).getTime() + (begin + left) * MINUTE_MS);
        left -= b - begin;
        minute = b;
      }
    }
    date = shiftDate(date, 1);
    minute = 0;
  }
  throw new Error('no working time within ten years: check the working calendar');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkCalendar, hours: WorkingHours, tz: string): number {
  if (to.getTime() <= from.getTime()) return 0;
  const intervals = intervalsOf(hours);
  const a = localMinute(from, tz);
  const b = localMinute(to, tz);
  let total = 0;
  for (let date = a.date; date <= b.date; date = shiftDate(date, 1)) {
    if (!isWorkingDay(date, cal)) continue;
    const lo = date === a.date ? a.minute : 0;
    const hi = date === b.date ? b.minute : 24 * 60;
    for (const [s, e] of intervals) total += Math.max(0, Math.min(e, hi) - Math.max(s, lo));
  }
  return Math.round(total * 1000) / 1000;
}

/** Whether an instant falls in working time. */
export function isWorkingTime(at: Date, cal: WorkCalendar, hours: WorkingHours, tz: string): boolean {
  const { date, minute } = localMinute(at, tz);
  return isWorkingDay(date, cal) && intervalsOf(hours).some(([s, e]) => minute >= s && minute < e);
}
