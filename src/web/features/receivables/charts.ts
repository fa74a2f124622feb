import type { AgeingReport } from '../../../shared/contracts/receivables';
import { toWan, type ChartOption } from '../pipeline';

/** Not due in green, then the overdue buckets from yellow to red. */
const BUCKET_COLORS = ['#95de64', '#ffd666', '#ffa940', '#ff7a45', '#f5222d', '#a8071a', '#820014', '#5c0011', '#3d000b', '#260007'];

export interface AgeingChartText {
  /** a bucket label of the API as a legend entry */
  bucket: (label: string) => string;
  money: (fen: number) => string;
  wanUnit: string;
}

/**
 * The ageing as horizontal stacked bars: one bar per row (the largest `top` totals, the largest on top),
 * one stack segment per bucket in 万元; the tooltip in the reader's money format.
 */
export function ageingChartOption(report: AgeingReport, text: AgeingChartText, top = 10): ChartOption {
  const rows = report.rows.slice(0, top).reverse();
  const names = report.labels.map(text.bucket);
  const formatter = (params: unknown) => {
    const list = params as { seriesIndex: number; dataIndex: number; marker: string; name: string }[];
    if (!list.length) return '';
    const row = rows[list[0]!.dataIndex];
    const lines = list.filter((p) => (row?.buckets[p.seriesIndex] ?? 0) > 0).map((p) => `${p.marker}${names[p.seriesIndex]}: ${text.money(row?.buckets[p.seriesIndex] ?? 0)}`);
    return [list[0]!.name, ...lines].join('<br/>');
  };
  return {
    color: BUCKET_COLORS.slice(0, report.labels.length),
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: formatter as never },
    xAxis: { type: 'value', name: text.wanUnit, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: report.labels.map((_, i) => ({ type: 'bar' as const, stack: 'ageing', name: names[i], barMaxWidth: 28, data: rows.map((r) => toWan(r.buckets[i] ?? 0)) })),
  };
}
