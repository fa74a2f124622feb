import { describe, expect, it } from 'vitest';
import { load, type Tree } from '../../../../tests/support/locales';
import { CALENDAR_KINDS } from '../../../shared/contracts/calendar';
import { POLICY_GRADES, POLICY_TIERS } from '../../../shared/domain/visit-policy';


describe('calendar locales', () => {
  it('labels every kind, weekday, tier and grade', () => {
    const zh = load('zh-CN', 'calendar');
    const en = load('en', 'calendar');
    for (const tree of [zh, en]) {
      expect(Object.keys(tree.kinds as Tree).sort()).toEqual([...CALENDAR_KINDS].sort());
      expect(Object.keys(tree.weekdays as Tree)).toHaveLength(7);
      const policy = tree.policy as Tree;
      expect(Object.keys(policy.tiers as Tree).sort()).toEqual([...POLICY_TIERS].sort());
      expect(Object.keys(policy.grades as Tree).sort()).toEqual([...POLICY_GRADES].sort());
    }
  });

  it('the notification and the errors are worded in both languages', () => {
    for (const lng of ['zh-CN', 'en']) {
      expect((load(lng, 'notifications').kinds as Tree)['visit.overdue']).toBeTruthy();
      expect(Object.keys(load(lng, 'errors').calendar as Tree).sort()).toEqual(['feedNotFound', 'rangeBackwards', 'rangeTooLong']);
    }
  });
});
