/**
 * Business time: dates and day/week boundaries as the company's wall clock shows them
 * (BUSINESS_TZ, Asia/Shanghai by default), independent of the server's own time zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of a time zone from UTC at a given instant, in minutes (e.g. +480 for Asia/Shanghai). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock of `timeZone` shows the given local date and time.
 * The offset is taken at the result itself, so a date on the other side of a DST change
 * still lands on the right wall-clock time.
 */
export function zonedInstant(timeZone: string, year: number, month0: number, day: number, hh = 0, mm = 0): Date {
  const wall = Date.UTC(year, month0, day, hh, mm);
  let t = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  t = wall - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

/** The local calendar date of an instant in a time zone (month is 0-based, weekday 0 = Sunday). */
export function localDate(at: Date, timeZone: string): { year: number; month0: number; day: number; weekday: number } {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return { year: local.getUTCFullYear(), month0: local.getUTCMonth(), day: local.getUTCDate(), weekday: local.getUTCDay() };
}

/** Start of the local day containing `at`, and of the next day. */
export function localDayBounds(at: Date, timeZone: string): { start: Date; end: Date } {
  const d = localDate(at, timeZone);
  return { start: zonedInstant(timeZone, d.year, d.month0, d.day), end: zonedInstant(timeZone, d.year, d.month0, d.day + 1) };
}

/** The local calendar week (Monday to Sunday, as weeks run in China) containing `at`. */
export function localWeekBounds(at: Date, timeZone: string): { start: Date; end: Date } {
  const d = localDate(at, timeZone);
  const sinceMonday = (d.weekday + 6) % 7;
  return {
    start: zonedInstant(timeZone, d.year, d.month0, d.day - sinceMonday),
    end: zonedInstant(timeZone, d.year, d.month0, d.day - sinceMonday + 7),
  };
}

/** The business date of an instant, 'YYYY-MM-DD'. */
export function businessDate(at: Date, timeZone: string): string {
  const d = localDate(at, timeZone);
  return `${d.year}-${String(d.month0 + 1).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Overdue (REL-6 plan items, countermeasures alike): a due date before today and the work still open. Dates are 'YYYY-MM-DD'. */
export function isPastDue(dueOn: string | null, open: boolean, today: string): boolean {
  return open && dueOn !== null && dueOn < today;
}
