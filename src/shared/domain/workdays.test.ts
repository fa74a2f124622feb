import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  calendarOf,
  DEFAULT_WORKING_HOURS,
  isWorkingDay,
  isWorkingTime,
  lastWorkingDayOfMonth,
  nthWorkingDayOfMonth,
  WEEKDAYS_ONLY,
  workingDayUpTo,
  workingDaysBetween,
  workingMinutesBetween,
  workingMinutesPerDay,
} from './workdays';

const TZ = 'Asia/Shanghai';
/** 2026's 国庆节 and 中秋节 as the State Council arranged them: 20 Sep (Sun) and 10 Oct (Sat) worked. */
const cal = calendarOf([
  { date: '2026-09-20', off: false },
  { date: '2026-09-25', off: true },
  { date: '2026-09-26', off: true },
  { date: '2026-09-27', off: true },
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, off: true })),
  { date: '2026-10-10', off: false },
]);
const at = (s: string) => new Date(`${s}+08:00`);

describe('working days', () => {
  it('weekdays work, weekends do not, unless the calendar says otherwise', () => {
    expect(isWorkingDay('2026-09-18', cal)).toBe(true); // Friday
    expect(isWorkingDay('2026-09-19', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-20', cal)).toBe(true); // Sunday, 调休 make-up day
    expect(isWorkingDay('2026-09-25', cal)).toBe(false); // Friday, 中秋节
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday, make-up
    expect(isWorkingDay('2026-10-10', WEEKDAYS_ONLY)).toBe(false);
  });

  it('counts working days forward over the holiday and the make-up days', () => {
    expect(addWorkingDays('2026-09-24', 1, cal)).toBe('2026-09-28');
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-18', 1, cal)).toBe('2026-09-20');
    expect(addWorkingDays('2026-10-03', 0, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-08', 0, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-12-04', 3, WEEKDAYS_ONLY)).toBe('2026-12-09');
  });

  it('finds the last working day of a month and the last one up to a date', () => {
    expect(lastWorkingDayOfMonth('2026-09', cal)).toBe('2026-09-30');
    expect(lastWorkingDayOfMonth('2026-10', cal)).toBe('2026-10-30');
    expect(lastWorkingDayOfMonth('2026-02', calendarOf([{ date: '2026-02-28', off: false }]))).toBe('2026-02-28');
    expect(lastWorkingDayOfMonth('2026-05', WEEKDAYS_ONLY)).toBe('2026-05-29');
    expect(workingDayUpTo('2026-10-07', cal)).toBe('2026-09-30');
  });

  it('the n-th working day of a month and working days in a range', () => {
    expect(nthWorkingDayOfMonth('2026-10', 1, cal)).toBe('2026-10-08');
    expect(nthWorkingDayOfMonth('2026-10', 3, cal)).toBe('2026-10-10');
    expect(workingDaysBetween('2026-10-01', '2026-10-31', cal)).toBe(18);
    expect(workingDaysBetween('2026-10-01', '2026-10-31', WEEKDAYS_ONLY)).toBe(22);
    expect(workingDaysBetween('2026-10-31', '2026-10-01', cal)).toBe(0);
  });
});

describe('working time', () => {
  const h = DEFAULT_WORKING_HOURS; // 09:00–18:00, 12:00–13:30 off: 7.5 h a day

  it('a day has 450 working minutes under the default hours', () => {
    expect(workingMinutesPerDay(h)).toBe(450);
    expect(workingMinutesPerDay({ start: '08:30', end: '17:30' })).toBe(540);
  });

  it('adds working minutes within a day, over the lunch break and over nights', () => {
    expect(addWorkingMinutes(at('2026-09-14T09:00:00'), 180, cal, h, TZ)).toEqual(at('2026-09-14T12:00:00'));
    expect(addWorkingMinutes(at('2026-09-14T11:00:00'), 120, cal, h, TZ)).toEqual(at('2026-09-14T14:30:00'));
    expect(addWorkingMinutes(at('2026-09-14T17:00:00'), 240, cal, h, TZ)).toEqual(at('2026-09-15T12:00:00'));
  });

  it('skips weekends and holidays and works the make-up days', () => {
    // Thursday 24 Sep 17:00 + 4 h: 1 h that day, 25–27 are 中秋节, Monday 28 at 12:00
    expect(addWorkingMinutes(at('2026-09-24T17:00:00'), 240, cal, h, TZ)).toEqual(at('2026-09-28T12:00:00'));
    // Friday 18 Sep 17:00 + 2 h: Sunday 20 is worked
    expect(addWorkingMinutes(at('2026-09-18T17:00:00'), 120, cal, h, TZ)).toEqual(at('2026-09-20T10:00:00'));
    // logged on a holiday: the clock starts with the next working day
    expect(addWorkingMinutes(at('2026-10-03T10:00:00'), 60, cal, h, TZ)).toEqual(at('2026-10-08T10:00:00'));
  });

  it('zero minutes from outside working time is the start of the next working time', () => {
    expect(addWorkingMinutes(at('2026-09-14T12:30:00'), 0, cal, h, TZ)).toEqual(at('2026-09-14T13:30:00'));
    expect(addWorkingMinutes(at('2026-09-14T20:00:00'), 0, cal, h, TZ)).toEqual(at('2026-09-15T09:00:00'));
    expect(addWorkingMinutes(at('2026-09-14T10:15:00'), 0, cal, h, TZ)).toEqual(at('2026-09-14T10:15:00'));
  });

  it('measures working minutes between instants, the inverse of adding them', () => {
    expect(workingMinutesBetween(at('2026-09-24T17:00:00'), at('2026-09-28T12:00:00'), cal, h, TZ)).toBe(240);
    expect(workingMinutesBetween(at('2026-09-14T11:00:00'), at('2026-09-14T14:30:00'), cal, h, TZ)).toBe(120);
    expect(workingMinutesBetween(at('2026-09-14T14:30:00'), at('2026-09-14T11:00:00'), cal, h, TZ)).toBe(0);
    expect(workingMinutesBetween(at('2026-09-30T09:00:00'), at('2026-10-08T09:00:00'), cal, h, TZ)).toBe(450);
    for (const [from, m] of [
      ['2026-09-14T08:00:00', 1000],
      ['2026-09-18T16:59:00', 37],
      ['2026-10-09T11:45:00', 900],
    ] as const) {
      const due = addWorkingMinutes(at(from), m, cal, h, TZ);
      expect(workingMinutesBetween(at(from), due, cal, h, TZ)).toBe(m);
    }
  });

  it('tells whether an instant is working time', () => {
    expect(isWorkingTime(at('2026-09-14T09:00:00'), cal, h, TZ)).toBe(true);
    expect(isWorkingTime(at('2026-09-14T12:00:00'), cal, h, TZ)).toBe(false);
    expect(isWorkingTime(at('2026-09-14T18:00:00'), cal, h, TZ)).toBe(false);
    expect(isWorkingTime(at('2026-09-20T10:00:00'), cal, h, TZ)).toBe(true);
    expect(isWorkingTime(at('2026-10-01T10:00:00'), cal, h, TZ)).toBe(false);
  });
});
