import { describe, expect, it } from 'vitest';
import { at, keys, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { HEALTH_BANDS, HEALTH_MEASURES } from '../../../shared/domain/health';

const zh = load('zh-CN', 'health');
const en = load('en', 'health');

describe('health locales', () => {
  it('has the same keys in both languages', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
  });

  it('names every measure and band, and words every measure as a driver', () => {
    for (const tree of [zh, en]) {
      expect(Object.keys(at(tree, 'measures') as Tree).sort()).toEqual([...HEALTH_MEASURES].sort());
      expect(Object.keys(at(tree, 'bands') as Tree).sort()).toEqual([...HEALTH_BANDS].sort());
      for (const m of HEALTH_MEASURES) expect(typeof at(tree, `drivers.${m}`)).toBe('string');
    }
    expect(at(zh, 'drivers.visit_gap')).toBe('近 {{days}} 天未拜访，政策为 {{policyDays}} 天');
  });
});
