import { describe, expect, it } from 'vitest';
import type { Ageing, Conversion, ForecastBucket, WinLoss } from '../../../shared/contracts/opportunities';
import { ageingOption, closedByStageOption, conversionOption, groupOption, monthOption, reasonsOption, stageValueOption, toWan, type ChartText } from './charts';

const text: ChartText = {
  stage: (s) => `S${s}`,
  money: (fen) => `¥${fen / 100}`,
  series: { value: 'value', weighted: 'weighted', rest: 'rest', reached: 'reached', advanced: 'advanced', won: 'won', lost: 'lost', abandoned: 'abandoned' },
  wanUnit: '万元',
  month: (k) => (k === 'none' ? '—' : k),
  reason: (k) => `r:${k}`,
};
const b = (key: string, value: number, weighted: number, label: string | null = null): ForecastBucket => ({ key, label, count: 1, value, weighted });
type Series = { name: string; data: unknown[]; stack?: string }[];
const series = (o: { series?: unknown }) => o.series as Series;
const formatter = (o: { tooltip?: unknown }) => (o.tooltip as { formatter: (p: unknown) => string }).formatter;

describe('forecast chart options', () => {
  it('shows value beside weighted per stage in 万元, tooltips in the money format', () => {
    const o = stageValueOption([b('1', 10_000_000, 1_000_000), b('2', 5_000_000, 1_000_000)], text);
    expect(o.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['1. S1', '2. S2'] });
    expect(series(o).map((s) => [s.name, s.data])).toEqual([
      ['value', [10, 5]],
      ['weighted', [1, 1]],
    ]);
    const tip = formatter(o)([{ seriesName: 'weighted', dataIndex: 1, marker: '', name: 'S2' }]);
    expect(tip).toBe('S2<br/>weighted: ¥10000');
  });

  it('stacks the weighted value under the rest of the expected value per month', () => {
    const o = monthOption([b('2026-12', 3_000_000, 1_200_000), b('none', 1_000_000, 1_000_000)], text);
    expect((o.xAxis as { data: string[] }).data).toEqual(['2026-12', '—']);
    const [weighted, rest] = series(o);
    expect(weighted.stack).toBe(rest.stack);
    expect(weighted.data).toEqual([1.2, 1]);
    expect(rest.data).toEqual([1.8, 0]);
  });

  it('orders owners so the largest weighted value is on top of the horizontal bars', () => {
    const o = groupOption([b('7', 100, 90, '张明远'), b('8', 500, 10, '陈思远'), b('9', 100, 50, null)], text);
    // a horizontal category axis draws its first entry at the bottom
    expect((o.yAxis as { data: string[] }).data).toEqual(['陈思远', '9', '张明远']);
  });

  it('labels advanced bars with the conversion rate, none where the rate is unknown', () => {
    const conversion: Conversion = {
      stages: [
        { stage: 1, reached: 10, advanced: 4, rate: 0.4, lost: 2, avgDays: 12 },
        { stage: 2, reached: 0, advanced: 0, rate: null, lost: 0, avgDays: null },
      ],
      won: 1,
      lost: 1,
      abandoned: 0,
      winRate: 0.5,
    };
    const [reached, advanced] = series(conversionOption(conversion, text));
    expect(reached.data).toEqual([10, 0]);
    const labels = (advanced.data as { value: number; label: { show: boolean; formatter: string } }[]).map((d) => [d.value, d.label.show, d.label.formatter]);
    expect(labels).toEqual([
      [4, true, '40%'],
      [0, false, ''],
    ]);
  });

  it('stacks ageing buckets per stage in bucket order', () => {
    const buckets = (n: number[]) => (['0-15', '16-30', '31-60', '61-90', '90+'] as const).map((key, i) => ({ key, count: n[i] }));
    const ageing: Ageing = {
      stages: [
        { stage: 1, limit: 30, open: 6, buckets: buckets([1, 2, 3, 0, 0]), stalled: 3 },
        { stage: 2, limit: 45, open: 1, buckets: buckets([0, 0, 0, 0, 1]), stalled: 1 },
      ],
      stalled: [],
    };
    const s = series(ageingOption(ageing, text));
    expect(s.map((x) => x.name)).toEqual(['0-15', '16-30', '31-60', '61-90', '90+']);
    expect(s.map((x) => x.data)).toEqual([[1, 0], [2, 0], [3, 0], [0, 0], [0, 1]]);
  });

  it('groups close reasons with a series per outcome, zero where an outcome lacks the reason', () => {
    const reasons: WinLoss['reasons'] = [
      { status: 'won', reasonKey: 'relationship', count: 3, value: 1 },
      { status: 'lost', reasonKey: 'price', count: 2, value: 1 },
      { status: 'won', reasonKey: 'price', count: 1, value: 1 },
    ];
    const o = reasonsOption(reasons, text);
    expect((o.yAxis as { data: string[] }).data).toEqual(['r:relationship', 'r:price']);
    expect(series(o).map((s) => [s.name, s.data])).toEqual([
      ['won', [3, 1]],
      ['lost', [0, 2]],
      ['abandoned', [0, 0]],
    ]);
    const byStage = series(closedByStageOption([{ stage: 3, won: 0, lost: 2, abandoned: 1 }], text));
    expect(byStage.map((s) => s.data)).toEqual([[0], [2], [1]]);
  });

  it('converts fen to 万元 with two decimals', () => {
    expect(toWan(12_345_678)).toBe(12.35);
    expect(toWan(0)).toBe(0);
  });
});
