import { describe, expect, it } from 'vitest';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, NUMBER_FORMATS, columnWidth, sheetValue, shownText, textWidth, wallClockOf } from './spreadsheet.rules';

const TZ = 'Asia/Shanghai';

describe('what a value of a column kind becomes in a cell', () => {
  it('money stays a number, shown with separators and two decimals', () => {
    expect(NUMBER_FORMATS.money).toBe('#,##0.00');
    expect(sheetValue('money', 30001234.5, TZ)).toBe(30001234.5);
    expect(shownText('money', 30001234.5)).toBe('30,001,234.50');
    // an amount a spreadsheet number cannot hold comes as text and stays text
    expect(sheetValue('money', '12345678901234567.89', TZ)).toBe('12345678901234567.89');
  });

  it('a percentage is written as the fraction a spreadsheet keeps for it', () => {
    expect(sheetValue('percent', 10, TZ)).toBe(0.1);
    expect(sheetValue('percent', 7.33, TZ)).toBe(0.0733);
    expect(sheetValue('percent', 12.5, TZ)).toBe(0.125);
    expect(shownText('percent', 0.125)).toBe('12.50%');
  });

  it('a day is a date cell of that day', () => {
    const d = sheetValue('date', '1970-03-04', TZ);
    expect(d).toEqual(new Date(Date.UTC(1970, 2, 4)));
    expect(shownText('date', d)).toBe('1970-03-04');
    expect(sheetValue('date', '2024-02-30', TZ)).toBe('2024-02-30');
  });

  it('an instant is a date-time cell of the business wall clock, whatever the server\'s zone', () => {
    // 2026-11-30 17:30 UTC is 2026-12-01 01:30 in Shanghai
    const at = new Date('2026-11-30T17:30:00Z');
    expect(sheetValue('datetime', at, TZ)).toEqual(new Date(Date.UTC(2026, 11, 1, 1, 30)));
    expect(sheetValue('datetime', at.toISOString(), TZ)).toEqual(new Date(Date.UTC(2026, 11, 1, 1, 30)));
    expect(sheetValue('date', at, TZ)).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(shownText('datetime', sheetValue('datetime', at, TZ))).toBe('2026-12-01 01:30');
    // a wall clock already written in business time is taken as it is
    expect(sheetValue('datetime', '2026-12-01 01:30', TZ)).toEqual(new Date(Date.UTC(2026, 11, 1, 1, 30)));
    expect(wallClockOf(new Date('2026-06-01T00:00:00.900Z'), 'America/New_York')).toEqual(new Date(Date.UTC(2026, 4, 31, 20, 0)));
  });

  it('empty is an empty cell; text stays text', () => {
    for (const kind of ['text', 'number', 'money', 'percent', 'date', 'datetime'] as const) {
      expect(sheetValue(kind, null, TZ)).toBeNull();
      expect(sheetValue(kind, '', TZ)).toBeNull();
    }
    expect(sheetValue('text', '012345', TZ)).toBe('012345');
    expect(sheetValue('text', 12, TZ)).toBe('12');
    expect(sheetValue('number', '合计', TZ)).toBe('合计');
  });
});

describe('column widths', () => {
  it('counts Chinese and full-width characters twice, a multi-line text by its longest line', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('客户名称')).toBe(8);
    expect(textWidth('（元）A')).toBe(7);
    expect(textWidth('短\n一行更长的文字')).toBe(14);
    expect(textWidth('𠮷')).toBe(2);
  });

  it('fits the widest text with a margin, within bounds', () => {
    expect(columnWidth(0)).toBe(MIN_COLUMN_WIDTH);
    expect(columnWidth(20)).toBe(22);
    expect(columnWidth(500)).toBe(MAX_COLUMN_WIDTH);
  });
});
