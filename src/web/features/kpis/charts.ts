import type { AttainmentRow } from '../../../shared/contracts/kpis';
import type { ChartOption } from '../pipeline';

export interface MonthChartText {
  target: string;
  actual: string;
  /** a month (1-12) as an axis label */
  month: (m: number) => string;
  /** a figure as the page writes it (money in the reader's unit, counts with their unit) */
  figure: (value: number) => string;
  /** money on the axis in 万元: its name; counts have none */
  axisUnit?: string;
  /** money: fen → the axis' number (万元) */
  scale?: (value: number) => number;
}

/**
 * The total row by month: the actual as bars, the base target as a line over them. A month that has not begun
 * (after `today`) shows no bar — nothing happened yet, which is not zero.
 */
export function monthOption(row: AttainmentRow, year: number, today: string, text: MonthChartText): ChartOption {
  const scale = text.scale ?? ((v: number) => v);
  const started = (m: number) => `${year}-${String(m).padStart(2, '0')}` <= today.slice(0, 7);
  const actual = row.months.map((m) => (started(m.month) ? m.actual : null));
  const target = row.months.map((m) => m.target);
  type Item = { seriesName: string; dataIndex: number; marker: string; name: string };
  const formatter = (params: unknown) => {
    const list = params as Item[];
    if (!list.length) return '';
    const raw = (p: Item) => (p.seriesName === text.actual ? actual : target)[p.dataIndex];
    return [list[0]!.name, ...list.map((p) => `${p.marker}${p.seriesName}: ${raw(p) === null || raw(p) === undefined ? '—' : text.figure(raw(p)!)}`)].join('<br/>');
  };
  return {
    color: ['#1f5fbf', '#fa8c16'],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [text.actual, text.target] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter },
    xAxis: { type: 'category', data: row.months.map((m) => text.month(m.month)) },
    yAxis: { type: 'value', name: text.axisUnit, minInterval: text.axisUnit ? undefined : 1 },
    series: [
      { type: 'bar', name: text.actual, barMaxWidth: 28, data: actual.map((v) => (v === null ? null : scale(v))) },
      { type: 'line', name: text.target, symbolSize: 7, lineStyle: { type: 'dashed' }, data: target.map(scale) },
    ],
  } as ChartOption;
}
