import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as unknown;

describe('shell locales', () => {
  it.each(['common', 'auth', 'personal'])('%s has the same keys in zh-CN and en, none empty', (ns) => {
    const zh = load('zh-CN', ns);
    const en = load('en', ns);
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) {
      const empty = keys(tree).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) === '');
      expect(empty).toEqual([]);
    }
  });

  it('names every navigation area in both languages', () => {
    const zh = load('zh-CN', 'common') as { areas: Record<string, string> };
    expect(zh.areas).toEqual({
      customers: '客户',
      relationships: '客情关系',
      development: '客户开发',
      field: '外勤与接待',
      visits: '拜访与接待',
      approvals: '审批',
      deals: '合同回款',
      service: '服务',
      performance: '业绩考核',
      reports: '报表',
      system: '系统管理',
    });
    expect(Object.keys((load('en', 'common') as { areas: object }).areas)).toEqual(Object.keys(zh.areas));
  });
});
