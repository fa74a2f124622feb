import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRACTIVENESS_FACTORS, QUADRANTS, SERVICE_LEVELS, STRENGTH_FACTORS } from '../../../shared/contracts/quadrant';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);

describe.each(['portfolio', 'views'])('%s locales', (ns) => {
  const zh = load('zh-CN', ns);
  const en = load('en', ns);
  it('has the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });
});

describe('portfolio labels', () => {
  it.each([
    ['quadrants', QUADRANTS],
    ['guidance', QUADRANTS],
    ['serviceLevels', SERVICE_LEVELS],
    ['factors', [...ATTRACTIVENESS_FACTORS, ...STRENGTH_FACTORS]],
    ['factorHelp', [...ATTRACTIVENESS_FACTORS, ...STRENGTH_FACTORS]],
  ] as const)('labels every value of %s', (prefix, values) => {
    for (const lng of ['zh-CN', 'en']) expect(Object.keys(at(load(lng, 'portfolio'), prefix) as Tree).sort()).toEqual([...values].sort());
  });
});
