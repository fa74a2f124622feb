import { describe, expect, it } from 'vitest';
import { load, type Tree } from '../../../../tests/support/locales';
import { EXPENSE_CLAIM_STATUSES, EXPENSE_LINE_KINDS } from '../../../shared/contracts/expenses';


describe('expenses locales', () => {
  it('labels every status and kind, and words every error key of the rules', () => {
    const zh = load('zh-CN', 'expenses');
    const en = load('en', 'expenses');
    for (const tree of [zh, en]) {
      expect(Object.keys(tree.statuses as Tree).sort()).toEqual([...EXPENSE_CLAIM_STATUSES].sort());
      expect(Object.keys(tree.kinds as Tree).sort()).toEqual([...EXPENSE_LINE_KINDS].sort());
    }
    const errZh = (load('zh-CN', 'errors').expenses ?? {}) as Tree;
    const errEn = (load('en', 'errors').expenses ?? {}) as Tree;
    expect(Object.keys(errEn).sort()).toEqual(Object.keys(errZh).sort());
    for (const k of ['reportNotApproved', 'giftNotApproved', 'overSpent', 'alreadyClaimed', 'refNotFound']) expect(errZh[k]).toBeTruthy();
  });
});
