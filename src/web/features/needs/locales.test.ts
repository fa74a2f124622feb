import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTERMEASURE_STATUSES, MOVE_DIRECTIONS, NEED_STATUSES } from '../../../shared/contracts/needs';
import { PLAN_LEVELS, PLAN_STATUSES } from '../../../shared/contracts/plans';
import { SYSTEM_REASON_KEYS } from '../../../shared/contracts/accounts';
import { TIMELINE_GROUPS, TIMELINE_KINDS } from '../../../shared/contracts/timeline';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);
const labels = (tree: Tree, prefix: string) => Object.keys(at(tree, prefix) as Tree).sort();

describe('needs, plans, timeline and merge locales', () => {
  it.each(['needs', 'plans', 'timeline', 'merge'])('%s has the same keys in zh-CN and en, none empty', (ns) => {
    const zh = load('zh-CN', ns);
    const en = load('en', ns);
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });

  it('labels every status, direction, level and timeline kind', () => {
    for (const lng of ['zh-CN', 'en']) {
      const needs = load(lng, 'needs');
      expect(labels(needs, 'needs.statuses')).toEqual([...NEED_STATUSES].sort());
      expect(labels(needs, 'measures.statuses')).toEqual([...COUNTERMEASURE_STATUSES].sort());
      expect(labels(needs, 'directions')).toEqual([...MOVE_DIRECTIONS].sort());
      const plans = load(lng, 'plans');
      expect(labels(plans, 'levels')).toEqual([...PLAN_LEVELS].sort());
      expect(labels(plans, 'statuses')).toEqual([...PLAN_STATUSES].sort());
      const timeline = load(lng, 'timeline');
      expect(TIMELINE_KINDS.filter((k) => typeof at(timeline, `kinds.${k}`) !== 'string')).toEqual([]);
      expect(labels(timeline, 'groups')).toEqual(Object.keys(TIMELINE_GROUPS).sort());
      // the reasons the server writes itself, shown through the accounts namespace
      const accounts = load(lng, 'accounts');
      expect(SYSTEM_REASON_KEYS.filter((k) => typeof at(accounts, `changes.reasons.${k}`) !== 'string')).toEqual([]);
    }
  });

  it('puts every timeline kind in exactly one filter group', () => {
    const grouped = Object.values(TIMELINE_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...TIMELINE_KINDS].sort());
  });
});
