import { describe, expect, it } from 'vitest';
import { at, load, type Tree } from '../../../../tests/support/locales';
import { COST_LINES, RECEPTION_EXECUTIONS, RECEPTION_KINDS, RECEPTION_LEVELS, RECEPTION_PURPOSES, RECEPTION_STATUSES, REPORT_STATUSES, SPENT_LINES } from '../../../shared/contracts/receptions';

const zh = load('zh-CN', 'receptions');
const en = load('en', 'receptions');

describe('receptions locales', () => {

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
