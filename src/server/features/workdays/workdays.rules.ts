import type { CalendarDayInput, WorkingHoursInput } from '../../../shared/contracts/workdays';
import { calendarOf, workingDaysBetween, type CalendarDay, type WorkingHours } from '../../../shared/domain/workdays';
import { issue, type FieldIssue } from '../../../shared/errors';

/**
 * The working calendar's edits as pure rules (the working days themselves are shared/domain/workdays.ts):
 * a year's list of days, the working hours, and the December notice that next year is not entered yet.
 */

/** A year's new days: each date in that year (`days.N.date`), none listed twice. */
export function dayIssues(year: number, days: readonly Pick<CalendarDayInput, 'date'>[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (Number(d.date.slice(0, 4)) !== year) out.push(issue(`days.${i}.date`, 'workdays.dateOutsideYear', 'The day lies outside the year being edited', { year }));
    else if (seen.has(d.date)) out.push(issue(`days.${i}.date`, 'workdays.dateTwice', 'The day is listed twice', { date: d.date }));
    seen.add(d.date);
  });
  return out;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Working hours: the end after the start (else only that is said: the break cannot be judged against it); a
 * break has both ends or none, its end after its start, and lies inside the day (after the start, before the end).
 */
export function hoursIssues(h: WorkingHoursInput): FieldIssue[] {
  if (minutes(h.end) <= minutes(h.start)) return [issue('end', 'workdays.endBeforeStart', 'The working day ends after it starts')];
  const bs = h.breakStart ?? null;
  const be = h.breakEnd ?? null;
  if ((bs === null) !== (be === null)) {
    const missing = bs === null ? 'breakStart' : 'breakEnd';
    return [issue(missing, 'workdays.breakIncomplete', 'A break has a start and an end')];
  }
  if (bs === null || be === null) return [];
  if (minutes(be) <= minutes(bs)) return [issue('breakEnd', 'workdays.breakOrder', 'The break ends after it starts')];
  const outside = minutes(bs) <= minutes(h.start) ? 'breakStart' : minutes(be) >= minutes(h.end) ? 'breakEnd' : null;
  return outside ? [issue(outside, 'workdays.breakOutside', 'The break lies inside the working day')] : [];
}

/** The hours as the rules and the API carry them: a break not set is null. */
export const hoursOut = (h: WorkingHours) => ({ start: h.start, end: h.end, breakStart: h.breakStart ?? null, breakEnd: h.breakEnd ?? null });

/** The working days of a year under its days (a missing year: the weekday rule alone). */
export const workingDaysInYear = (year: number, days: readonly Pick<CalendarDay, 'date' | 'off'>[]) => workingDaysBetween(`${year}-01-01`, `${year}-12-31`, calendarOf(days));

/** In December the State Council has (usually) published next year's arrangement: warn while it is not entered. */
export const nextYearMissing = (today: string, nextYearKnown: boolean) => today.slice(5, 7) === '12' && !nextYearKnown;
