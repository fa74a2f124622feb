import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTO_ITEMS } from '../../../shared/domain/pipeline';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);

describe('opportunities locale', () => {
  it('has the same keys in zh-CN and en, none empty', () => {
    const zh = load('zh-CN', 'opportunities');
    const en = load('en', 'opportunities');
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });

  it('says for every automatic checklist item what meets it', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = load(lng, 'opportunities');
      expect(Object.keys(at(tree, 'checklist.autoWhy') as Tree).sort()).toEqual([...AUTO_ITEMS].sort());
    }
  });
});
