import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 } from '../../../../tests/support/workdays';
import { WEEKDAYS_ONLY } from '../../../shared/domain/workdays';
import { addMonths, canChange, completionRate, dayCounts, daysBefore, isLate, itemIssues, monthOf, monthProblem, planDueOn, reportDayOf } from './work-plans.rules';

const TZ = 'Asia/Shanghai';
const v = (solved: string | null, concerns: string | null = null, toWatch: string | null = null) => ({ solved, concerns, toWatch });

describe('daily counts (客户拜访日报表 footer)', () => {
  it('counts visits, handled (solved filled) and open (concerns or to-watch, nothing solved)', () => {
    expect(dayCounts([])).toEqual({ visits: 0, handled: 0, open: 0 });
    expect(
      dayCounts([
        v('澄清报价', '价格'), // handled, even with a concern
        v(null, '交期'), // open
        v(null, null, '竞争对手'), // open
        v(null), // neither
        v('   ', '  '), // blanks count as empty → neither
        v('', null, '观察'), // empty solved → open
      ]),
    ).toEqual({ visits: 6, handled: 1, open: 3 });
  });
});

describe('the plan deadline: the last working day of the month before, under the working calendar', () => {
  const cal = CALENDAR_2026;
  it('is the last day of a month ending on a working day', () => {
    expect(planDueOn('2026-12', cal)).toBe('2026-11-30'); // Monday
    expect(planDueOn('2027-01', cal)).toBe('2026-12-31'); // Thursday, across the year end
    expect(planDueOn('2026-10', cal)).toBe('2026-09-30'); // Wednesday, the eve of 国庆节
    expect(planDueOn('2026-05', cal)).toBe('2026-04-30'); // Thursday, the eve of 劳动节
  });
  it('steps back over a weekend, counts a 调休 make-up Saturday, and steps back over a holiday', () => {
    expect(planDueOn('2026-02', cal)).toBe('2026-01-30'); // 31st a Saturday
    expect(planDueOn('2026-06', cal)).toBe('2026-05-29'); // 31st a Sunday
    expect(planDueOn('2026-03', cal)).toBe('2026-02-28'); // a Saturday worked for 春节
    expect(planDueOn('2026-03', WEEKDAYS_ONLY)).toBe('2026-02-27'); // what Monday–Friday said
    expect(planDueOn('2024-03', cal)).toBe('2024-02-29'); // leap day, a Thursday
    // a month ending in a holiday (an administrator's 31 December off): the day before
    const yearEnd = { days: new Map([...cal.days, ['2026-12-31', true]]) };
    expect(planDueOn('2027-01', yearEnd)).toBe('2026-12-30');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
  it('late means submitted after the due day in business time', () => {
    // due 2026-05-29 (Friday): that evening Beijing time is on time, Saturday is late
    expect(isLate('2026-06', new Date('2026-05-29T15:59:00Z'), TZ, cal)).toBe(false); // 23:59 in Shanghai
    expect(isLate('2026-06', new Date('2026-05-29T16:00:00Z'), TZ, cal)).toBe(true); // 00:00 Saturday in Shanghai
    expect(isLate('2026-06', new Date('2026-05-10T02:00:00Z'), TZ, cal)).toBe(false); // early is fine
    expect(isLate('2026-06', new Date('2026-06-02T02:00:00Z'), TZ, cal)).toBe(true);
    // due on the make-up Saturday 28 February: that day is on time, under Monday–Friday it was late
    expect(isLate('2026-03', new Date('2026-02-28T09:00:00Z'), TZ, cal)).toBe(false);
    expect(isLate('2026-03', new Date('2026-02-28T09:00:00Z'), TZ, WEEKDAYS_ONLY)).toBe(true);
  });
  it('the business month of an instant follows the time zone', () => {
    expect(monthOf(new Date('2026-11-30T16:30:00Z'), TZ)).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T16:30:00Z'), 'UTC')).toBe('2026-11');
  });
});

describe('the day a daily report opens on', () => {
  const cal = CALENDAR_2026;
  it('days before a date cross months and years', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2027-01-01', 92)).toBe('2026-10-01');
    expect(daysBefore('2026-12-31', -1)).toBe('2027-01-01');
  });
  it('is the latest day with a visit when there is one (a Saturday with visits too), else the last working day', () => {
    expect(reportDayOf('2026-12-06', '2026-12-04', cal)).toEqual({ date: '2026-12-04', found: true });
    expect(reportDayOf('2026-12-07', '2026-12-07', cal)).toEqual({ date: '2026-12-07', found: true });
    expect(reportDayOf('2026-12-07', '2026-10-03', cal)).toEqual({ date: '2026-10-03', found: true });
    expect(reportDayOf('2026-12-06', null, cal)).toEqual({ date: '2026-12-04', found: false }); // Sunday → Friday
    expect(reportDayOf('2026-12-08', null, cal)).toEqual({ date: '2026-12-08', found: false });
    expect(reportDayOf('2028-01-01', null, cal)).toEqual({ date: '2027-12-31', found: false }); // a Saturday across the year end
  });
  it('never opens on a holiday: in 国庆节 it is the last day worked before it, on a make-up Saturday that day', () => {
    expect(reportDayOf('2026-10-05', null, cal)).toEqual({ date: '2026-09-30', found: false }); // a Monday off
    expect(reportDayOf('2026-10-05', null, WEEKDAYS_ONLY)).toEqual({ date: '2026-10-05', found: false });
    expect(reportDayOf('2026-10-10', null, cal)).toEqual({ date: '2026-10-10', found: false }); // Saturday worked
    expect(reportDayOf('2026-09-27', null, cal)).toEqual({ date: '2026-09-24', found: false }); // 中秋节 Friday to Sunday
  });
});

describe('completion rate (完成率)', () => {
  it('is actual ÷ planned to 4 decimals, null without a plan', () => {
    expect(completionRate(3, 4)).toBe(0.75);
    expect(completionRate(2, 3)).toBe(0.6667);
    expect(completionRate(5, 4)).toBe(1.25);
    expect(completionRate(0, 10)).toBe(0);
    expect(completionRate(3, 0)).toBeNull();
  });
});

describe('plan edits', () => {
  it('only a draft changes; no month gone by', () => {
    expect(canChange('draft')).toBe(true);
    expect(canChange('submitted')).toBe(false);
    const now = new Date('2026-11-30T03:00:00Z');
    expect(monthProblem('2026-10', now, TZ)).toBe(true);
    expect(monthProblem('2026-11', now, TZ)).toBe(false);
    expect(monthProblem('2026-12', now, TZ)).toBe(false);
  });
  it('items: a name or an account, a day in the month, no account twice per kind', () => {
    expect(
      itemIssues('2026-12', [
        { kind: 'visit', accountId: 1, plannedOn: '2026-12-03' },
        { kind: 'expansion', targetName: '  ' },
        { kind: 'expansion', targetName: '新客户', plannedOn: '2027-01-02' },
        { kind: 'visit', accountId: 1 },
        { kind: 'deal', accountId: 1 },
      ]).map((i) => i.path),
    ).toEqual(['items.1.targetName', 'items.2.plannedOn', 'items.3.accountId']);
  });
});
