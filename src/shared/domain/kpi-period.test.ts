import { describe, expect, it } from 'vitest';
import { attainment, elapsed, parsePeriod, periodOf } from './kpi-period';
import { calendarOf, WEEKDAYS_ONLY } from './workdays';

describe('KPI periods', () => {
  it('reads months, quarters, halves, years and runs of months of one year', () => {
    expect(parsePeriod('2026-12')).toEqual({ key: '2026-12', year: 2026, months: [12], from: '2026-12-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ months: [1, 2, 3], from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2024-02')!.to).toBe('2024-02-29');
    expect(parsePeriod('2026-H2')).toMatchObject({ months: [7, 8, 9, 10, 11, 12], from: '2026-07-01' });
    expect(parsePeriod('2026')!.months).toHaveLength(12);
    expect(parsePeriod('2026-03..2026-08')).toMatchObject({ months: [3, 4, 5, 6, 7, 8], to: '2026-08-31' });
    for (const bad of ['2026-13', '2026-Q5', '2026-H3', '2026-08..2026-03', '2026-11..2027-02', '26-01', '', '2026-1'])
      expect(parsePeriod(bad), bad).toBeUndefined();
    expect(periodOf('2026-12-07', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-06-30', 'half')).toBe('2026-H1');
    expect(periodOf('2026-02-03', 'month')).toBe('2026-02');
  });

  it('counts the share elapsed in working days, holidays off and make-up Saturdays on', () => {
    const dec = parsePeriod('2026-12')!;
    // December 2026 has 23 weekdays; the 7th is a Monday: the 1st–4th and the 7th have passed
    expect(elapsed(dec, '2026-12-07', WEEKDAYS_ONLY)).toEqual({ workingDays: 5, totalWorkingDays: 23, share: 5 / 23 });
    expect(elapsed(dec, '2026-11-30', WEEKDAYS_ONLY).share).toBe(0);
    expect(elapsed(dec, '2027-01-05', WEEKDAYS_ONLY).share).toBe(1);
    const cal = calendarOf([{ date: '2026-12-01', off: true }, { date: '2026-12-05', off: false }]);
    expect(elapsed(dec, '2026-12-07', cal)).toEqual({ workingDays: 5, totalWorkingDays: 23, share: 5 / 23 });
  });

  it('says met, on track or behind against the elapsed share, with the pace forecast', () => {
    expect(attainment(50, 100, 0.5)).toEqual({ completion: 0.5, expected: 50, forecast: 100, status: 'on_track' });
    expect(attainment(49, 100, 0.5)).toMatchObject({ status: 'behind', forecast: 98 });
    expect(attainment(100, 100, 0.2)).toMatchObject({ status: 'met', completion: 1 });
    expect(attainment(0, 100, 0)).toEqual({ completion: 0, expected: 0, forecast: null, status: 'on_track' });
    expect(attainment(30, 0, 0.5)).toEqual({ completion: null, expected: 0, forecast: 60, status: 'no_target' });
  });
});
