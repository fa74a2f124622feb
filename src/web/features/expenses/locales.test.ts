import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPENSE_CLAIM_STATUSES, EXPENSE_LINE_KINDS } from '../../../shared/contracts/expenses';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;

describe('expenses locales', () => {
  it('zh-CN and en have the same keys, every status and kind labelled, and every error key of the rules', () => {
    const zh = load('zh-CN', 'expenses');
    const en = load('en', 'expenses');
    expect(keys(en).sort()).toEqual(keys(zh).sort());
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
