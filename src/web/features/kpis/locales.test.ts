import { describe, expect, it } from 'vitest';
import { at, emptyLeaves, keys, labels, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { ATTAINMENT_STATUSES, KPI_DEFINITIONS, KPI_KEYS } from '../../../shared/contracts/kpis';
import { TARGET_METRICS, TARGET_PLAN_STATUSES } from '../../../shared/contracts/targets';
import { KPI_GROUP_KEYS, KPI_PARTS } from './library';
import { PERIOD_KINDS } from './period';

const zh = load('zh-CN', 'kpis');
const en = load('en', 'kpis');

describe('kpis locales', () => {
  it('has the same keys in both languages, none empty', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
    expect(emptyLeaves(zh)).toEqual([]);
    expect(emptyLeaves(en)).toEqual([]);
  });

  it('names every metric, status, plan status, period kind, month, quarter and half', () => {
    for (const tree of [zh, en]) {
      expect(labels(tree, 'metrics')).toEqual([...TARGET_METRICS].sort());
      expect(labels(tree, 'statuses')).toEqual([...ATTAINMENT_STATUSES].sort());
      expect(labels(tree, 'planStatuses')).toEqual([...TARGET_PLAN_STATUSES].sort());
      expect(labels(tree, 'kinds')).toEqual([...PERIOD_KINDS].sort());
      expect(labels(tree, 'months')).toHaveLength(12);
      expect(labels(tree, 'quarters')).toEqual(['1', '2', '3', '4']);
      expect(labels(tree, 'halves')).toEqual(['1', '2']);
    }
    expect(at(zh, 'statuses.on_track')).toBe('进度正常');
    expect(at(zh, 'menu')).toBe('目标达成');
    expect(at(en, 'menu')).toBe('Target attainment');
  });

  it('says how every metric is computed: formula, source and date rule', () => {
    for (const tree of [zh, en]) {
      for (const def of Object.values(KPI_DEFINITIONS)) {
        for (const key of [def.formula, def.source, def.date]) expect(typeof at(tree, key.replace(/^kpis:/, ''))).toBe('string');
      }
    }
  });

  it('has a count unit for every metric that is not money', () => {
    expect(labels(zh, 'counts')).toEqual(['new_accounts', 'projects_won', 'visits']);
  });

  it('names every KPI of the library and says how it is computed: name, formula, source and date rule', () => {
    for (const tree of [zh, en]) {
      expect(labels(tree, 'library')).toEqual([...KPI_KEYS].sort());
      for (const key of KPI_KEYS) expect(labels(tree, `library.${key}`), key).toEqual(['date', 'formula', 'name', 'source']);
    }
    expect(at(zh, 'library.visits.name')).toBe('拜访次数');
    expect(at(zh, 'libraryMenu')).toBe('KPI 指标库');
    expect(at(en, 'libraryMenu')).toBe('KPI library');
  });

  it('names every group of the board, both parts of every ratio and the noun of every counted part', () => {
    const ratios = KPI_KEYS.filter((k) => KPI_PARTS[k].denominator !== null);
    const nouns = [...new Set(Object.values(KPI_PARTS).flatMap((p) => [p.numerator, p.denominator]))].filter((u) => u !== null && u !== 'amount');
    for (const tree of [zh, en]) {
      expect(labels(tree, 'groups')).toEqual([...KPI_GROUP_KEYS].sort());
      expect(labels(tree, 'parts')).toEqual([...ratios].sort());
      for (const key of ratios) expect(labels(tree, `parts.${key}`), key).toEqual(['denominator', 'numerator']);
    }
    expect([...new Set(labels(en, 'units').map((k) => k.replace(/_(one|other)$/, '')))]).toEqual([...nouns].sort());
    expect(labels(zh, 'units')).toEqual([...nouns].sort());
  });
});
