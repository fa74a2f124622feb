import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 } from '../../../../tests/support/workdays';
import { WEEKDAYS_ONLY } from '../../../shared/domain/workdays';
import { addDays, buildStatement, dunningTaskDueOn, dunningActions, dunningDaysProblem, periodRange, ratio, settingsIssues, type StatementEntry } from './receivables.rules';

describe('periodRange', () => {
  it('reads a month, a quarter, a half year and a year', () => {
    expect(periodRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('refuses anything else', () => {
    for (const p of ['2026-13', '2026-Q5', '2026-H3', '26', '2026-1', '2026-q4', '']) expect(periodRange(p), p).toBeNull();
  });
});

describe('dates', () => {
  it('adds calendar days across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('a collection task falls due three working days on: Saturday and Sunday skipped', () => {
    // 2026-11-06 is a Friday
    expect(dunningTaskDueOn('2026-11-06', CALENDAR_2026)).toBe('2026-11-11');
    expect(dunningTaskDueOn('2026-11-07', CALENDAR_2026)).toBe('2026-11-11');
    expect(dunningTaskDueOn('2026-11-09', CALENDAR_2026)).toBe('2026-11-12');
  });
  it('a collection task skips the holidays and counts a make-up Saturday', () => {
    // made on 30 September 2026: 国庆节 1–7 October, then Thursday 8, Friday 9 and the make-up Saturday 10
    expect(dunningTaskDueOn('2026-09-30', CALENDAR_2026)).toBe('2026-10-10');
    expect(dunningTaskDueOn('2026-09-30', WEEKDAYS_ONLY)).toBe('2026-10-05');
    // made on Thursday 24 September: 中秋节 on Friday 25, the weekend, then Monday 28 to Wednesday 30
    expect(dunningTaskDueOn('2026-09-24', CALENDAR_2026)).toBe('2026-09-30');
    // made on Friday 13 February: the make-up Saturday 14, then 春节 to 23 February, Tuesday 24 and Wednesday 25
    expect(dunningTaskDueOn('2026-02-13', CALENDAR_2026)).toBe('2026-02-25');
  });
});

describe('settings', () => {
  it('takes four strictly increasing dunning days', () => {
    expect(dunningDaysProblem([1, 15, 30, 60])).toBeNull();
    expect(dunningDaysProblem([1, 15, 30])).toBe('count');
    expect(dunningDaysProblem([1, 15, 15, 60])).toBe('order');
    expect(dunningDaysProblem([0, 15, 30, 60])).toBe('order');
  });
  it('names the field of each problem', () => {
    expect(settingsIssues({ ageing: { bounds: [30, 60] }, dunning: { days: [1, 2, 3, 4] } })).toEqual([]);
    expect(settingsIssues({ ageing: { bounds: [60, 30] } }).map((i) => [i.path, i.key])).toEqual([['ageing.bounds', 'receivables.boundsOrder']]);
    expect(settingsIssues({ ageing: { bounds: [] }, dunning: { days: [5, 4, 3, 2] } }).map((i) => [i.path, i.key])).toEqual([
      ['ageing.bounds', 'receivables.boundsCount'],
      ['dunning.days', 'receivables.dunningOrder'],
    ]);
  });
});

describe('ratio', () => {
  it('is null when nothing was expected, else four decimals', () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(0, 10)).toBe(0);
    expect(ratio(10, 10)).toBe(1);
  });
});

describe('buildStatement', () => {
  const e = (date: string, kind: StatementEntry['kind'], debit: number, credit: number, invoiced = 0, ref = 'X'): StatementEntry => ({ date, kind, ref, contractId: null, contractNumber: null, seq: null, milestone: null, debit, credit, invoiced });
  it('orders by date then kind and carries the balance', () => {
    const s = buildStatement(1_000, [e('2026-02-01', 'receipt', 0, 300), e('2026-01-15', 'due', 500, 0), e('2026-02-01', 'due', 200, 0), e('2026-02-03', 'invoice', 0, 0, 700), e('2026-02-05', 'write_off', 0, 100)]);
    expect(s.lines.map((l) => [l.date, l.kind, l.balance])).toEqual([
      ['2026-01-15', 'due', 1_500],
      ['2026-02-01', 'due', 1_700],
      ['2026-02-01', 'receipt', 1_400],
      ['2026-02-03', 'invoice', 1_400],
      ['2026-02-05', 'write_off', 1_300],
    ]);
    expect(s.totals).toEqual({ debit: 700, credit: 400, invoiced: 700 });
    expect(s.closing).toBe(s.opening + s.totals.debit - s.totals.credit);
  });
  it('keeps the opening balance when nothing happened', () => {
    expect(buildStatement(42, [])).toEqual({ opening: 42, lines: [], totals: { debit: 0, credit: 0, invoiced: 0 }, closing: 42 });
  });
});

describe('dunningActions', () => {
  it('tells the owner once at the highest new level and escalates per new level', () => {
    const acts = dunningActions([
      { instalmentId: 1, level: 1 },
      { instalmentId: 1, level: 2 },
      { instalmentId: 1, level: 3 },
      { instalmentId: 2, level: 4 },
      { instalmentId: 3, level: 1 },
    ]);
    expect(acts).toEqual([
      { instalmentId: 1, ownerLevel: 3, ownerTask: true, director: true, gm: false },
      { instalmentId: 2, ownerLevel: 4, ownerTask: false, director: false, gm: true },
      { instalmentId: 3, ownerLevel: 1, ownerTask: false, director: false, gm: false },
    ]);
  });
});
