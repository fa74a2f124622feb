import { describe, expect, it } from 'vitest';
import { labels, load, type Tree } from '../../../../tests/support/locales';
import { RECEIPT_METHODS, RECEIPT_STATUSES } from '../../../shared/contracts/collections';
import { AGEING_GROUPS, RATE_GROUPS, RECEIVABLE_STATUSES, STATEMENT_LINE_KINDS } from '../../../shared/contracts/receivables';
import { PERIOD_KINDS } from './rules';
import { receivableRoutes } from './routes';

describe('receipts locales', () => {
  it('label every status, method, group, period kind, statement line and dunning level of the contracts in both languages', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = load(lng, 'receipts');
      expect(labels(tree, 'statuses')).toEqual([...RECEIPT_STATUSES].sort());
      expect(labels(tree, 'methods')).toEqual([...RECEIPT_METHODS].sort());
      expect(labels(tree, 'receivableStatuses')).toEqual([...RECEIVABLE_STATUSES].sort());
      expect(labels(tree, 'ageing.groups')).toEqual([...AGEING_GROUPS].sort());
      expect(labels(tree, 'ageing.groupTitles')).toEqual([...AGEING_GROUPS].sort());
      expect(labels(tree, 'rates.groups')).toEqual([...RATE_GROUPS].sort());
      expect(labels(tree, 'rates.groupTitles')).toEqual([...RATE_GROUPS].sort());
      expect(labels(tree, 'rates.kinds')).toEqual([...PERIOD_KINDS].sort());
      expect(labels(tree, 'statement.kinds')).toEqual([...STATEMENT_LINE_KINDS].sort());
      expect(labels(tree, 'dunning.levels')).toEqual(['1', '2', '3', '4']);
    }
  });

  it('name every menu entry the routes point at', () => {
    const zh = load('zh-CN', 'receipts');
    const menu = zh.menu as Tree;
    for (const r of receivableRoutes.filter((x) => x.labelKey)) expect(menu[r.labelKey!.replace('receipts:menu.', '')], r.path).toBeTypeOf('string');
    expect(menu).toMatchObject({ receipts: '回款', ageing: '账龄分析', dunning: '帐款催收', rates: '回款率' });
    expect(receivableRoutes.filter((r) => r.area).every((r) => r.area === 'deals')).toBe(true);
  });
});
