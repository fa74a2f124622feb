import type { ScorecardTrend } from '../../../shared/contracts/scorecards';
import type { ChartOption } from '../pipeline';
import { fmtPoints } from './card';

export interface TrendText {
  total: string;
  threshold: string;
  /** a period key as the axis shows it */
  period: (key: string) => string;
}

/**
 * A person's last cards of a kind as a line of totals, oldest first; a total under the threshold is a red dot, the
 * threshold a dashed red line across.
 */
export function trendOption(trend: ScorecardTrend, text: TrendText): ChartOption {
  const points = [...trend.points].sort((a, b) => a.period.localeCompare(b.period));
  const max = Math.max(100, trend.threshold, ...points.map((p) => p.total));
  return {
    color: ['#1f5fbf'],
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const [p] = params as { dataIndex: number; name: string; marker: string }[];
        if (!p) return '';
        return `${p.name}<br/>${p.marker}${text.total}: ${fmtPoints(points[p.dataIndex]?.total)}`;
      },
    },
    xAxis: { type: 'category', data: points.map((p) => text.period(p.period)), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: Math.ceil(max / 10) * 10 },
    series: [
      {
        type: 'line',
        name: text.total,
        symbolSize: 8,
        data: points.map((p) => ({ value: p.total, itemStyle: p.warning ? { color: '#cf1322' } : undefined })),
        label: { show: true, position: 'top', formatter: (p: { value: number }) => fmtPoints(p.value) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#cf1322' },
          label: { formatter: `${text.threshold} ${fmtPoints(trend.threshold)}`, position: 'insideEndTop' },
          data: [{ yAxis: trend.threshold }],
        },
      },
    ],
  } as unknown as ChartOption;
}
