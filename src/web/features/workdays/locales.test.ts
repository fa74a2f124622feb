import { describe, expect, it } from 'vitest';
import { labels, load, type Tree } from '../../../../tests/support/locales';
import { CALENDAR_STATUSES } from '../../../shared/contracts/workdays';
import { WEEKDAY_KEYS } from './components/MonthGrid';
import { DAY_KINDS } from './rules';
import { workdaysRoutes } from './routes';

describe('working calendar locales', () => {
  it('label every status, kind of day, weekday and month in both languages', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = load(lng, 'workdays');
      expect(labels(tree, 'status'), lng).toEqual([...CALENDAR_STATUSES].sort());
      expect(labels(tree, 'kinds'), lng).toEqual([...DAY_KINDS].sort());
      expect(labels(tree, 'legend'), lng).toEqual([...DAY_KINDS, 'edited'].sort());
      expect(labels(tree, 'weekdays'), lng).toEqual([...WEEKDAY_KEYS].sort());
      expect(labels(tree, 'months'), lng).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)).sort());
    }
  });

  it('name the menu entry under 系统管理, and warn of a missing next year in the words of the brief', () => {
    const zh = load('zh-CN', 'workdays');
    for (const r of workdaysRoutes.filter((x) => x.labelKey)) expect((zh.menu as Tree)[r.labelKey!.replace('workdays:menu.', '')], r.path).toBe('工作日历');
    expect(workdaysRoutes.every((r) => r.area === 'system' && r.access === 'workdays:manage')).toBe(true);
    expect(zh.nextYearMissing).toBe('{{year}} 年的放假安排尚未录入');
  });
});
