import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_OUTCOMES, isGrade } from '../../../shared/domain/pipeline';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/board.json`, import.meta.url), 'utf8')) as Tree;
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);

describe('board locales', () => {
  const zh = load('zh-CN');
  const en = load('en');
  it('has the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });

  it('names every assessment outcome that is not a grade for the card tag', () => {
    const outcomes = ASSESSMENT_OUTCOMES.filter((o) => !isGrade(o));
    for (const tree of [zh, en]) expect(Object.keys(at(tree, 'card.outcome') as Tree).sort()).toEqual([...outcomes].sort());
  });
});
