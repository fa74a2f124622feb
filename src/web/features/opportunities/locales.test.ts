import { describe, expect, it } from 'vitest';
import { at, load, type Tree } from '../../../../tests/support/locales';
import { AUTO_ITEMS } from '../../../shared/domain/pipeline';


describe('opportunities locale', () => {

  it('says for every automatic checklist item what meets it', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = load(lng, 'opportunities');
      expect(Object.keys(at(tree, 'checklist.autoWhy') as Tree).sort()).toEqual([...AUTO_ITEMS].sort());
    }
  });
});
