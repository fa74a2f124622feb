import { describe, expect, it } from 'vitest';
import type { ScorecardTrend } from '../../../shared/contracts/scorecards';
import { trendOption } from './charts';

const trend: ScorecardTrend = {
  person: { id: 5, name: '陈思远' },
  kind: 'account_manager',
  threshold: 60,
  points: [
    { id: 3, period: '2026-10', status: 'locked', total: 58.5, warning: true },
    { id: 2, period: '2026-09', status: 'locked', total: 81, warning: false },
  ],
};

describe('the trend chart', () => {
  it('draws the totals oldest first, a warning in red, the threshold as a dashed line', () => {
    const option = trendOption(trend, { total: '总分', threshold: '警戒线', period: (k) => k }) as unknown as {
      xAxis: { data: string[] };
      series: { data: { value: number; itemStyle?: { color: string } }[]; markLine: { data: { yAxis: number }[]; lineStyle: { type: string } } }[];
    };
    expect(option.xAxis.data).toEqual(['2026-09', '2026-10']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([81, 58.5]);
    expect(option.series[0]!.data[1]!.itemStyle?.color).toBe('#cf1322');
    expect(option.series[0]!.markLine.data).toEqual([{ yAxis: 60 }]);
    expect(option.series[0]!.markLine.lineStyle.type).toBe('dashed');
  });
});
