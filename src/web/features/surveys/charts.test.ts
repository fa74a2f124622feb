import { describe, expect, it } from 'vitest';
import type { ScoreRow } from '../../../shared/contracts/surveys';
import { rowsOption, trendOption } from './charts';

const row = (key: number, name: string, satisfiedRate: number | null): ScoreRow => ({ key, name, satisfiedRate, answers: 1, csat: 4, nps: 0, sent: 1, answeredOfSent: 1, responseRate: 100, meetsTarget: null, items: {}, lastAnsweredAt: null });

describe('survey charts', () => {
  it('the trend: 满意率 per month with gaps for months without answers, answers on a second axis, the target as a line', () => {
    const o = trendOption(
      [
        { month: '2026-10', answers: 2, csat: 4.5, satisfiedRate: 100, nps: 50 },
        { month: '2026-11', answers: 0, csat: null, satisfiedRate: null, nps: null },
        { month: '2026-12', answers: 4, csat: 3.5, satisfiedRate: 75, nps: 0 },
      ],
      90,
      { satisfiedRate: '满意率', csat: '均分', answers: '回复', target: '目标', month: (m) => m.slice(5) },
    ) as unknown as { xAxis: { data: string[] }; series: { type: string; data: unknown[]; yAxisIndex?: number; markLine?: { data: { yAxis: number }[] } }[] };
    expect(o.xAxis.data).toEqual(['10', '11', '12']);
    expect(o.series[0]).toMatchObject({ type: 'line', data: [100, null, 75], markLine: { data: [{ yAxis: 90 }] } });
    expect(o.series[1]).toMatchObject({ type: 'bar', yAxisIndex: 1, data: [2, 0, 4] });
  });

  it('rows: 满意率 per row, green at or above the target and red below, rows without answers left out, the first on top', () => {
    const o = rowsOption([row(1, '甲', 95), row(2, '乙', 80), row(3, '丙', null), row(4, '丁', 90)], 90, { satisfiedRate: '满意率', target: '目标' }) as unknown as {
      yAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    expect(o.yAxis.data).toEqual(['丁', '乙', '甲']);
    expect(o.series[0]!.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [90, '#52c41a'],
      [80, '#f5222d'],
      [95, '#52c41a'],
    ]);
  });
});
