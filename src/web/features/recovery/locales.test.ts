import { describe, expect, it } from 'vitest';
import { at, keys, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { RECOVERY_STATES, RECOVERY_TRIGGERS } from '../../../shared/contracts/recovery';

const zh = load('zh-CN', 'recovery');
const en = load('en', 'recovery');

describe('recovery locales', () => {
  it('has the same keys in both languages', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
  });

  it('names every state and trigger', () => {
    for (const tree of [zh, en]) {
      expect(Object.keys(at(tree, 'states') as Tree).sort()).toEqual([...RECOVERY_STATES].sort());
      expect(Object.keys(at(tree, 'triggers') as Tree).sort()).toEqual([...RECOVERY_TRIGGERS].sort());
    }
    expect(at(zh, 'states.won_back')).toBe('挽回成功');
  });
});
