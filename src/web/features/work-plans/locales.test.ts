import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load, type Tree } from '../../../../tests/support/locales';
import { PLAN_ITEM_KINDS, PLAN_STATUSES } from '../../../shared/contracts/work-plans';
import { VISIT_PURPOSES, VISIT_RESULTS } from '../../../shared/contracts/visits';

const source = (file: string) => readFileSync(new URL(`../../../server/features/work-plans/${file}`, import.meta.url), 'utf8');

describe('workPlans locales', () => {
  it('labels the statuses, kinds and the print form’s choices', () => {
    const zh = load('zh-CN', 'workPlans');
    const en = load('en', 'workPlans');
    for (const tree of [zh, en]) {
      const plans = tree.plans as Tree;
      const print = tree.print as Tree;
      expect(Object.keys(plans.statuses as Tree).sort()).toEqual([...PLAN_STATUSES].sort());
      expect(Object.keys(plans.kinds as Tree).sort()).toEqual([...PLAN_ITEM_KINDS].sort());
      expect(Object.keys(print.purposes as Tree).sort()).toEqual([...VISIT_PURPOSES].sort());
      expect(Object.keys(print.results as Tree).sort()).toEqual([...VISIT_RESULTS].sort());
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
