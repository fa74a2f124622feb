import { describe, expect, it } from 'vitest';
import { ATTRACTIVENESS_FACTORS, QUADRANTS, SERVICE_LEVELS, STRENGTH_FACTORS } from '../../../shared/contracts/quadrant';
import { at, keys, load, pluralBase, type Tree } from '../../../../tests/support/locales';

describe.each(['portfolio', 'views'])('%s locales', (ns) => {
  const zh = load('zh-CN', ns);
  const en = load('en', ns);
  it('has the same keys in zh-CN and en, none empty', () => {
    // English plural forms (_one/_other) stand for one zh-CN key
    expect([...new Set(keys(en).map(pluralBase))].sort()).toEqual(keys(zh).sort());
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
