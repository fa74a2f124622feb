import { describe, expect, it } from 'vitest';
import { at, keys, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { CONTRACT_KINDS, CONTRACT_STATUSES } from '../../../shared/contracts/contracts';
import { INSTALMENT_STATUSES } from '../../../shared/domain/receivables';

const zh = load('zh-CN', 'deals');
const en = load('en', 'deals');

describe('deals (contracts web) locales', () => {
  it('has the same keys in both languages', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
  });

  it('finds the labels it borrows from the contracts namespace, in both languages', () => {
    for (const lng of ['zh-CN', 'en']) {
      const contracts = load(lng, 'contracts');
      expect(Object.keys(at(contracts, 'kinds') as Tree).sort()).toEqual([...CONTRACT_KINDS].sort());
      expect(Object.keys(at(contracts, 'statuses') as Tree).sort()).toEqual([...CONTRACT_STATUSES].sort());
      expect(Object.keys(at(contracts, 'instalmentStatuses') as Tree).sort()).toEqual([...INSTALMENT_STATUSES].sort());
      for (const k of ['signed', 'closed']) expect(typeof at(contracts, `timeline.${k}`)).toBe('string');
    }
  });

  it('words every move and every closing reason', () => {
    for (const tree of [zh, en]) {
      for (const m of ['submit', 'withdraw', 'start', 'terminate', 'void', 'settle']) expect(typeof at(tree, `actions.done.${m}`)).toBe('string');
      for (const m of ['terminate', 'void', 'settle']) expect(typeof at(tree, `actions.hint.${m}`)).toBe('string');
      for (const s of ['rejected', 'terminated', 'void', 'completed']) expect(typeof at(tree, `detail.reason.${s}`)).toBe('string');
    }
    expect(at(zh, 'menu.contracts')).toBe('合同');
    expect(at(zh, 'account.tab')).toBe('合同与回款');
    expect(at(zh, 'form.numberPlaceholder')).toBe('留空自动编号');
  });
});
