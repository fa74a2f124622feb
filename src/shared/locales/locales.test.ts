import { describe, expect, it } from 'vitest';
import { LANGUAGES, emptyLeaves, keys, load, namespaces, pluralBase } from '../../../tests/support/locales';

/** One test for every namespace, zh-CN and en: the rooms' own locale tests check what their words must name. */
describe('locale resources', () => {
  it('have the same namespaces in zh-CN and en', () => {
    expect(namespaces('en')).toEqual(namespaces('zh-CN'));
    expect(namespaces('zh-CN').length).toBeGreaterThan(20);
  });

  it.each(namespaces('zh-CN'))('%s: the same keys in both languages (plural forms aside), none empty', (ns) => {
    const zh = load('zh-CN', ns);
    const en = load('en', ns);
    expect([...new Set(keys(en).map(pluralBase))].sort()).toEqual([...new Set(keys(zh).map(pluralBase))].sort());
    for (const lng of LANGUAGES) expect(emptyLeaves(load(lng, ns)), lng).toEqual([]);
  });
});
