import { describe, expect, it } from 'vitest';
import { at, load, type Tree } from '../../../../tests/support/locales';
import { DUPLICATE_ACTIONS, IMPORT_KINDS, IMPORT_STATUSES, MATCH_BY } from '../../../shared/contracts/transfer';

const zh = load('zh-CN', 'transfer');
const en = load('en', 'transfer');

describe('transfer locales', () => {

  it.each([
    ['kinds', IMPORT_KINDS],
    ['kindHints', IMPORT_KINDS],
    ['actions', DUPLICATE_ACTIONS],
    ['actionHints', DUPLICATE_ACTIONS],
    ['statuses', IMPORT_STATUSES],
    ['report.by', MATCH_BY],
  ] as const)('labels every value of %s', (prefix, values) => {
    for (const tree of [zh, en]) expect(Object.keys(at(tree, prefix) as Tree).sort()).toEqual([...values].sort());
  });
});
