import type { ScoreRow, TrendPoint } from '../../../shared/contracts/surveys';
import type { ChartOption } from '../pipeline';

export interface TrendText {
  satisfiedRate: string;
  csat: string;
  answers: string;
  target: string;
  month: (m: string) => string;
}

/**
 * The monthly trend: 满意率 (%) as a line against the target's dashed line, the answers as light bars on a
 * second axis; a month without answers leaves a gap, not a zero.
 */
export function trendOption(trend: readonly TrendPoint[], target: number, text: TrendText): ChartOption {
  return {
    color: ['#1f5fbf', '#d9d9d9'],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [text.satisfiedRate, text.answers] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.map((p) => text.month(p.month)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line' as const,
        name: text.satisfiedRate,
        data: trend.map((p) => p.satisfiedRate),
        connectNulls: false,
        symbolSize: 7,
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#fa8c16' }, label: { formatter: `${text.target} ${target}%`, position: 'insideStartTop' }, data: [{ yAxis: target }] },
      },
      { type: 'bar' as const, name: text.answers, yAxisIndex: 1, barMaxWidth: 18, data: trend.map((p) => p.answers), z: 1 },
    ],
  } as ChartOption;
}

/** 满意率 per row (owner or unit) as horizontal bars, green at or above the target, red below, the target as a line. */
export function rowsOption(rows: readonly ScoreRow[], target: number, text: { satisfiedRate: string; target: string }, top = 12): ChartOption {
  const shown = rows.filter((r) => r.satisfiedRate !== null).slice(0, top).reverse();
  return {
    grid: { left: 8, right: 32, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [
      {
        type: 'bar' as const,
        name: text.satisfiedRate,
        barMaxWidth: 22,
        data: shown.map((r) => ({ value: r.satisfiedRate, itemStyle: { color: (r.satisfiedRate ?? 0) >= target ? '#52c41a' : '#f5222d' } })),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#fa8c16' }, label: { formatter: `${text.target} ${target}%` }, data: [{ xAxis: target }] },
      },
    ],
  } as ChartOption;
}
