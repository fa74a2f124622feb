import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COST_LINES, RECEPTION_EXECUTIONS, RECEPTION_KINDS, RECEPTION_LEVELS, RECEPTION_PURPOSES, RECEPTION_STATUSES, REPORT_STATUSES, SPENT_LINES } from '../../../shared/contracts/receptions';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/receptions.json`, import.meta.url), 'utf8')) as Tree;
const zh = load('zh-CN');
const en = load('en');
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);

describe('receptions locales', () => {
  it('has the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });

  it.each([
    ['kinds', RECEPTION_KINDS],
    ['statuses', RECEPTION_STATUSES],
    ['reportStatuses', REPORT_STATUSES],
    ['purposes', RECEPTION_PURPOSES],
    ['levels', RECEPTION_LEVELS],
    ['levelHints', RECEPTION_LEVELS],
    ['executions', RECEPTION_EXECUTIONS],
  ] as const)('labels every value of %s', (prefix, values) => {
    for (const tree of [zh, en]) expect(Object.keys(at(tree, prefix) as Tree).sort()).toEqual([...values].sort());
  });

  it('labels every cost line of forms 6 and 7 with the seed’s words', () => {
    for (const tree of [zh, en]) {
      expect(COST_LINES.filter((l) => typeof at(tree, `costs.${l}`) !== 'string')).toEqual([]);
      expect(SPENT_LINES.filter((l) => typeof at(tree, `spent.${l}`) !== 'string')).toEqual([]);
    }
    expect(COST_LINES.map((l) => at(zh, `costs.${l}`))).toEqual(['招待费', '会议费', '典礼费', '礼品费', '其他费用']);
    expect(RECEPTION_LEVELS.map((l) => at(zh, `levels.${l}`))).toEqual(['高档', '中档', '低档']);
  });
});
