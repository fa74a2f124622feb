import { describe, expect, it } from 'vitest';
import type { AgeingReport } from '../../../shared/contracts/receivables';
import { ageingChartOption } from './charts';

const report: AgeingReport = {
  asOf: '2026-05-01',
  groupBy: 'account',
  bounds: [30, 60],
  labels: ['0', '1-30', '31-60', '>60'],
  rows: [
    { key: 1, name: '甲', buckets: [100_00, 0, 2_000_000_00, 0], total: 2_000_100_00, count: 2, overdue: 1 },
    { key: 2, name: '乙', buckets: [0, 50_00, 0, 0], total: 50_00, count: 1, overdue: 1 },
  ],
  totals: { buckets: [100_00, 50_00, 2_000_000_00, 0], total: 2_000_150_00, count: 3, overdue: 2 },
};

describe('the ageing chart', () => {
  it('stacks one series per bucket in 万元, the largest row on top', () => {
    const option = ageingChartOption(report, { bucket: (l) => `b${l}`, money: (f) => `¥${f / 100}`, wanUnit: '万元' });
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['b0', 'b1-30', 'b31-60', 'b>60']);
    expect(series.every((s) => s.stack === 'ageing')).toBe(true);
    // category axis runs bottom-up: the largest total is the last category, drawn on top
    expect((option.yAxis as { data: string[] }).data).toEqual(['乙', '甲']);
    expect(series[2]!.data).toEqual([0, 200]);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip([{ seriesIndex: 0, dataIndex: 1, marker: '', name: '甲' }, { seriesIndex: 2, dataIndex: 1, marker: '', name: '甲' }, { seriesIndex: 1, dataIndex: 1, marker: '', name: '甲' }])).toBe('甲<br/>b0: ¥100<br/>b31-60: ¥2000000');
  });

  it('draws only the top rows', () => {
    const many = { ...report, rows: Array.from({ length: 15 }, (_, i) => ({ ...report.rows[0]!, key: i, name: `r${i}` })) };
    expect((ageingChartOption(many, { bucket: String, money: String, wanUnit: '' }, 10).yAxis as { data: string[] }).data).toHaveLength(10);
  });
});
