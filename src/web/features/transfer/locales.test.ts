import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_ACTIONS, IMPORT_KINDS, IMPORT_STATUSES, MATCH_BY } from '../../../shared/contracts/transfer';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/transfer.json`, import.meta.url), 'utf8')) as Tree;
const zh = load('zh-CN');
const en = load('en');
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);

describe('transfer locales', () => {
  it('has the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });

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
