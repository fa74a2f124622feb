import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_ITEM_KINDS, PLAN_STATUSES } from '../../../shared/contracts/work-plans';
import { VISIT_PURPOSES, VISIT_RESULTS } from '../../../shared/contracts/visits';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
const source = (file: string) => readFileSync(new URL(`../../../server/features/work-plans/${file}`, import.meta.url), 'utf8');

describe('workPlans locales', () => {
  it('zh-CN and en have the same keys, none empty; statuses, kinds and the print form’s choices labelled', () => {
    const zh = load('zh-CN', 'workPlans');
    const en = load('en', 'workPlans');
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) {
      const plans = tree.plans as Tree;
      const print = tree.print as Tree;
      expect(Object.keys(plans.statuses as Tree).sort()).toEqual([...PLAN_STATUSES].sort());
      expect(Object.keys(plans.kinds as Tree).sort()).toEqual([...PLAN_ITEM_KINDS].sort());
      expect(Object.keys(print.purposes as Tree).sort()).toEqual([...VISIT_PURPOSES].sort());
      expect(Object.keys(print.results as Tree).sort()).toEqual([...VISIT_RESULTS].sort());
      const empty = keys(tree).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Tree)[p], tree) === '');
      expect(empty).toEqual([]);
    }
  });

  it('every error key the room raises is translated in both languages', () => {
    const used = [...new Set([...`${source('work-plans.rules.ts')}${source('work-plans.service.ts')}`.matchAll(/(?:key: |issue\([^,]+, )'workPlans\.(\w+)'/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(5);
    for (const lng of ['zh-CN', 'en']) {
      const errors = (load(lng, 'errors').workPlans ?? {}) as Tree;
      expect(used.filter((k) => !errors[k])).toEqual([]);
      expect((load(lng, 'notifications').kinds as Tree)['workPlans.planDue']).toBeTruthy();
    }
  });
});
