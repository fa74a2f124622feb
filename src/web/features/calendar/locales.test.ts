import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALENDAR_KINDS } from '../../../shared/contracts/calendar';
import { POLICY_GRADES, POLICY_TIERS } from '../../../shared/domain/visit-policy';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;

describe('calendar locales', () => {
  it('zh-CN and en have the same keys, none empty; every kind, weekday, tier and grade labelled', () => {
    const zh = load('zh-CN', 'calendar');
    const en = load('en', 'calendar');
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) {
      expect(keys(tree).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Tree)[p], tree) === '')).toEqual([]);
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
