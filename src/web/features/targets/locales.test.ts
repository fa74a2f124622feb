import { describe, expect, it } from 'vitest';
import { at, keys, labels, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { MONEY_METRICS, TARGET_CHANGE_STATUSES, TARGET_LEVELS, TARGET_METRICS, TARGET_PLAN_STATUSES } from '../../../shared/contracts/targets';
import { PERIOD_MONTHS } from '../../../shared/domain/targets';
import { FILL_MODES, FILL_RANGES } from './grid';

const zh = load('zh-CN', 'targets');
const en = load('en', 'targets');

describe('targets locales', () => {
  it('has the same keys in both languages', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
  });

  it('names every metric, level, state, change state, month, period, fill and count unit', () => {
    for (const tree of [zh, en]) {
      expect(labels(tree, 'metrics')).toEqual([...TARGET_METRICS].sort());
      expect(labels(tree, 'levels')).toEqual([...TARGET_LEVELS].sort());
      expect(labels(tree, 'statuses')).toEqual([...TARGET_PLAN_STATUSES].sort());
      expect(labels(tree, 'changeStatuses')).toEqual([...TARGET_CHANGE_STATUSES].sort());
      expect(labels(tree, 'months')).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)).sort());
      expect(labels(tree, 'periods')).toEqual(Object.keys(PERIOD_MONTHS).sort());
      for (const r of Object.keys(FILL_RANGES)) expect(at(tree, `periods.${r}`)).toBeTypeOf('string');
      expect(labels(tree, 'fill.modes')).toEqual([...FILL_MODES].sort());
      expect(labels(tree, 'units')).toEqual(TARGET_METRICS.filter((m) => !MONEY_METRICS.includes(m)).sort());
    }
    expect(at(zh, 'metrics.sales')).toBe('签约额');
    expect(at(zh, 'levels.challenge')).toBe('挑战');
    expect(at(zh, 'statuses.approved')).toBe('已锁定');
    expect(at(zh, 'menu')).toBe('目标与分解');
    expect(at(en, 'menu')).toBe('Targets');
  });
});
