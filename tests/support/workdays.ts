import { calendarOf, type CalendarDay } from '../../src/shared/domain/workdays';

/**
 * 2026 as the State Council arranged it (国务院办公厅关于2026年部分节假日安排的通知), as migration 0031
 * ships it: the tests of every rule that counts working days run over the real year.
 */
const span = (from: number, to: number, month: string, off: boolean, name: string): CalendarDay[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ date: `2026-${month}-${String(from + i).padStart(2, '0')}`, off, name }));

export const DAYS_2026: readonly CalendarDay[] = [
  ...span(1, 3, '01', true, '元旦'),
  { date: '2026-01-04', off: false, name: '元旦' },
  { date: '2026-02-14', off: false, name: '春节' },
  ...span(15, 23, '02', true, '春节'),
  { date: '2026-02-28', off: false, name: '春节' },
  ...span(4, 6, '04', true, '清明节'),
  ...span(1, 5, '05', true, '劳动节'),
  { date: '2026-05-09', off: false, name: '劳动节' },
  ...span(19, 21, '06', true, '端午节'),
  { date: '2026-09-20', off: false, name: '国庆节' },
  ...span(25, 27, '09', true, '中秋节'),
  ...span(1, 7, '10', true, '国庆节'),
  { date: '2026-10-10', off: false, name: '国庆节' },
];

export const CALENDAR_2026 = calendarOf(DAYS_2026);
