import { describe, expect, it } from 'vitest';
import { DAYS_2026 } from '../../../../tests/support/workdays';
import { dayIssues, hoursIssues, nextYearMissing, workingDaysInYear } from './workdays.rules';

const keyed = (issues: { path: string; key?: string }[]) => issues.map((i) => `${i.path} ${i.key}`);

describe('a year’s days', () => {
  it('each lies in the year and is listed once', () => {
    expect(dayIssues(2026, DAYS_2026)).toEqual([]);
    expect(keyed(dayIssues(2026, [{ date: '2026-01-01' }, { date: '2025-12-31' }, { date: '2026-01-01' }, { date: '2027-01-01' }]))).toEqual([
      'days.1.date workdays.dateOutsideYear',
      'days.2.date workdays.dateTwice',
      'days.3.date workdays.dateOutsideYear',
    ]);
  });

  it('count the year’s working days: 2026 as published has 248, a year with none the weekdays alone', () => {
    expect(workingDaysInYear(2026, DAYS_2026)).toBe(248);
    expect(workingDaysInYear(2026, [])).toBe(261);
    expect(workingDaysInYear(2028, [])).toBe(260); // a leap year starting on a Saturday
  });
});

describe('working hours', () => {
  const day = { start: '09:00', end: '18:00', breakStart: '12:00', breakEnd: '13:30' };
  it('end after they start, with a break of both ends inside the day, or none', () => {
    expect(hoursIssues(day)).toEqual([]);
    expect(hoursIssues({ start: '09:00', end: '18:00' })).toEqual([]);
    expect(hoursIssues({ ...day, breakStart: null, breakEnd: null })).toEqual([]);
    expect(keyed(hoursIssues({ ...day, end: '09:00' }))).toEqual(['end workdays.endBeforeStart']);
    expect(keyed(hoursIssues({ ...day, breakEnd: null }))).toEqual(['breakEnd workdays.breakIncomplete']);
    expect(keyed(hoursIssues({ ...day, breakStart: undefined }))).toEqual(['breakStart workdays.breakIncomplete']);
    expect(keyed(hoursIssues({ ...day, breakEnd: '12:00' }))).toEqual(['breakEnd workdays.breakOrder']);
    expect(keyed(hoursIssues({ ...day, breakStart: '09:00' }))).toEqual(['breakStart workdays.breakOutside']);
    expect(keyed(hoursIssues({ ...day, breakEnd: '18:00' }))).toEqual(['breakEnd workdays.breakOutside']);
  });
});

describe('next year’s arrangement', () => {
  it('is missed in December only', () => {
    expect(nextYearMissing('2026-12-01', false)).toBe(true);
    expect(nextYearMissing('2026-12-31', true)).toBe(false);
    expect(nextYearMissing('2026-11-30', false)).toBe(false);
  });
});
