import { describe, expect, it } from 'vitest';
import { DAYS_2026 } from '../../../../tests/support/workdays';
import { applyEdits, dayKind, monthWeeks, namedRuns, workingDaysOf, worksByRule } from './rules';

describe('the months as grids', () => {
  it('run Monday to Sunday, blank outside the month', () => {
    const oct = monthWeeks(2026, 10); // 1 October 2026 is a Thursday
    expect(oct[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(oct.at(-1)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', null]);
    expect(oct.flat().filter(Boolean)).toHaveLength(31);
    expect(monthWeeks(2026, 2)).toHaveLength(5); // February 2026 starts on a Sunday
    expect(monthWeeks(2026, 2)[0]![6]).toBe('2026-02-01');
    expect(monthWeeks(2027, 2)).toHaveLength(4); // February 2027: Monday 1 to Sunday 28
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('a day', () => {
  const listed = new Map(DAYS_2026.map((d) => [d.date, d]));
  it('is a holiday, a make-up day, or what the weekday rule says', () => {
    expect(dayKind('2026-10-01', listed)).toBe('off');
    expect(dayKind('2026-10-10', listed)).toBe('worked');
    expect(dayKind('2026-10-11', listed)).toBe('weekend');
    expect(dayKind('2026-10-12', listed)).toBe('workday');
    expect(worksByRule('2026-10-10')).toBe(false);
    expect(worksByRule('2026-10-01')).toBe(true);
  });
});

describe('the page’s edits', () => {
  it('add, change and remove days, and the working-day count follows', () => {
    const edits = new Map([
      ['2026-12-31', { off: true, name: ' 年终盘点 ' }],
      ['2026-10-10', null],
      ['2026-01-04', { off: false, name: '元旦调休' }],
    ]);
    const days = applyEdits(DAYS_2026, edits);
    expect(days.find((d) => d.date === '2026-12-31')).toEqual({ date: '2026-12-31', off: true, name: '年终盘点' });
    expect(days.find((d) => d.date === '2026-10-10')).toBeUndefined();
    expect(days.find((d) => d.date === '2026-01-04')).toEqual({ date: '2026-01-04', off: false, name: '元旦调休' });
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(workingDaysOf(2026, DAYS_2026)).toBe(248);
    expect(workingDaysOf(2026, days)).toBe(246);
  });
});

describe('a month’s named days', () => {
  it('read as runs of one name and kind', () => {
    expect(namedRuns(DAYS_2026, '2026-10')).toEqual([
      { name: '国庆节', off: true, from: '2026-10-01', to: '2026-10-07' },
      { name: '国庆节', off: false, from: '2026-10-10', to: '2026-10-10' },
    ]);
    expect(namedRuns(DAYS_2026, '2026-09').map((r) => `${r.name}${r.off ? '休' : '班'}${r.from.slice(8)}-${r.to.slice(8)}`)).toEqual(['国庆节班20-20', '中秋节休25-27']);
    expect(namedRuns(DAYS_2026, '2026-03')).toEqual([]);
  });
});
