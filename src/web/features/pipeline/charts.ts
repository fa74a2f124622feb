import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Ageing, Conversion, ForecastBucket, WinLoss } from '../../../shared/contracts/opportunities';
import { CLOSED_STATUSES, type Stage } from '../../../shared/domain/pipeline';

/** The option of every chart on the forecast page: bars only, with grid, legend and tooltip. */
export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Labels and number formats the builders need, so they stay pure (the page passes i18n). */
export interface ChartText {
  stage: (s: Stage) => string;
  /** a fen amount as display text (¥ …) */
  money: (fen: number) => string;
  series: Record<'value' | 'weighted' | 'rest' | 'reached' | 'advanced' | 'won' | 'lost' | 'abandoned', string>;
  /** the axis unit for money, e.g. 万元 */
  wanUnit: string;
  /** a month key (YYYY-MM or none) as a label */
  month?: (key: string) => string;
  reason?: (key: string) => string;
  percent?: (rate: number) => string;
}

export const COLORS = { value: '#8fb3e8', weighted: '#1f5fbf', won: '#52c41a', lost: '#f5222d', abandoned: '#bfbfbf', advanced: '#1f5fbf', reached: '#b7cff3' } as const;
/** Ageing buckets from fresh to old. */
export const AGEING_COLORS = ['#b7eb8f', '#95de64', '#ffd666', '#ffa940', '#ff4d4f'] as const;

/** fen → 万元 on a chart axis, to two decimals. */
export const toWan = (fen: number) => Math.round(fen / 10_000) / 100;

const baseGrid = (horizontal: boolean): GridComponentOption => ({ left: 8, right: 16, top: 36, bottom: horizontal ? 36 : 8, containLabel: true, ...(horizontal ? { right: 24 } : {}) });
/** A horizontal chart's value axis: its unit (if any) centred under the numbers, where a phone does not cut it off. */
const valueAxis = (name?: string, minInterval?: number) => ({ type: 'value' as const, name, nameLocation: 'middle' as const, nameGap: 28, minInterval });

/**
 * Stages run down the chart, stage 1 on top like a funnel: their names are long, and side by
 * side they would overlap on a phone.
 */
function stageAxis(stages: Stage[], text: ChartText) {
  return { type: 'category' as const, inverse: true, data: stages.map((s) => `${s}. ${text.stage(s)}`), axisLabel: { width: 104, overflow: 'truncate' as const } };
}

/** Bars stay slim when there are few categories (one reason, one owner). */
function finish(option: ChartOption): ChartOption {
  return { ...option, series: (option.series as BarSeriesOption[]).map((s) => ({ barMaxWidth: 28, ...s })) };
}

type Formatter = (params: unknown) => string;
/** An axis tooltip that writes money series in ¥ (their values are 万元 on the chart, fen in `raw`). */
function moneyTooltip(raw: Record<string, number[]>, money: (fen: number) => string): TooltipComponentOption {
  const formatter: Formatter = (params) => {
    const list = params as { seriesName: string; dataIndex: number; marker: string; name: string }[];
    if (!list.length) return '';
    const lines = list.map((p) => `${p.marker}${p.seriesName}: ${money(raw[p.seriesName]?.[p.dataIndex] ?? 0)}`);
    return [list[0].name, ...lines].join('<br/>');
  };
  return { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: formatter as TooltipComponentOption['formatter'] };
}

/** Weighted pipeline by stage: expected value beside the weighted value, per stage (stage 1 on top). */
export function stageValueOption(byStage: ForecastBucket[], text: ChartText): ChartOption {
  const value = byStage.map((b) => b.value);
  const weighted = byStage.map((b) => b.weighted);
  return finish({
    color: [COLORS.value, COLORS.weighted],
    legend: { top: 0 },
    grid: baseGrid(false),
    tooltip: moneyTooltip({ [text.series.value]: value, [text.series.weighted]: weighted }, text.money),
    xAxis: valueAxis(text.wanUnit),
    yAxis: stageAxis(byStage.map((b) => Number(b.key) as Stage), text),
    series: [
      { type: 'bar', name: text.series.value, data: value.map(toWan) },
      { type: 'bar', name: text.series.weighted, data: weighted.map(toWan) },
    ],
  });
}

/** By expected close month: the weighted value stacked under the rest of the expected value. */
export function monthOption(byMonth: ForecastBucket[], text: ChartText): ChartOption {
  const names = byMonth.map((b) => (text.month ? text.month(b.key) : b.key));
  const weighted = byMonth.map((b) => b.weighted);
  const rest = byMonth.map((b) => Math.max(0, b.value - b.weighted));
  return finish({
    color: [COLORS.weighted, COLORS.value],
    legend: { top: 0 },
    grid: baseGrid(false),
    tooltip: moneyTooltip({ [text.series.weighted]: weighted, [text.series.rest]: rest }, text.money),
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', name: text.wanUnit },
    series: [
      { type: 'bar', stack: 'value', name: text.series.weighted, data: weighted.map(toWan) },
      { type: 'bar', stack: 'value', name: text.series.rest, data: rest.map(toWan) },
    ],
  });
}

/** By owner or unit: horizontal bars, largest weighted value on top. */
export function groupOption(buckets: ForecastBucket[], text: ChartText): ChartOption {
  const sorted = [...buckets].sort((a, b) => a.weighted - b.weighted);
  const names = sorted.map((b) => b.label ?? b.key);
  const value = sorted.map((b) => b.value);
  const weighted = sorted.map((b) => b.weighted);
  return finish({
    color: [COLORS.value, COLORS.weighted],
    legend: { top: 0 },
    grid: baseGrid(true),
    tooltip: moneyTooltip({ [text.series.value]: value, [text.series.weighted]: weighted }, text.money),
    xAxis: valueAxis(text.wanUnit),
    yAxis: { type: 'category', data: names, axisLabel: { width: 96, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: text.series.value, data: value.map(toWan) },
      { type: 'bar', name: text.series.weighted, data: weighted.map(toWan) },
    ],
  });
}

/** Conversion: per stage how many reached it and how many went on, the rate as the label. */
export function conversionOption(conversion: Conversion, text: ChartText): ChartOption {
  const pct = text.percent ?? ((r: number) => `${Math.round(r * 100)}%`);
  return finish({
    color: [COLORS.reached, COLORS.advanced],
    legend: { top: 0 },
    grid: baseGrid(true),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(undefined, 1),
    yAxis: stageAxis(conversion.stages.map((s) => s.stage), text),
    series: [
      { type: 'bar', name: text.series.reached, data: conversion.stages.map((s) => s.reached) },
      {
        type: 'bar',
        name: text.series.advanced,
        data: conversion.stages.map((s) => ({ value: s.advanced, label: { show: s.rate !== null, position: 'right', formatter: s.rate === null ? '' : pct(s.rate) } })),
      },
    ],
  });
}

/** Ageing: open projects per stage split by days in the stage, fresh to old. */
export function ageingOption(ageing: Ageing, text: ChartText): ChartOption {
  const keys = ageing.stages[0]?.buckets.map((b) => b.key) ?? [];
  return finish({
    color: [...AGEING_COLORS],
    legend: { top: 0 },
    grid: baseGrid(true),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(undefined, 1),
    yAxis: stageAxis(ageing.stages.map((s) => s.stage), text),
    series: keys.map((key) => ({ type: 'bar' as const, stack: 'age', name: key, data: ageing.stages.map((s) => s.buckets.find((b) => b.key === key)?.count ?? 0) })),
  });
}

/** Close reasons: one bar group per reason, a series per outcome (won / lost / abandoned). */
export function reasonsOption(reasons: WinLoss['reasons'], text: ChartText): ChartOption {
  const keys = [...new Set(reasons.map((r) => r.reasonKey))];
  return finish({
    color: [COLORS.won, COLORS.lost, COLORS.abandoned],
    legend: { top: 0 },
    grid: baseGrid(true),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(undefined, 1),
    yAxis: { type: 'category', data: keys.map((k) => (text.reason ? text.reason(k) : k)), axisLabel: { width: 96, overflow: 'truncate' } },
    series: CLOSED_STATUSES.map((status) => ({
      type: 'bar' as const,
      stack: 'n',
      name: text.series[status],
      data: keys.map((k) => reasons.find((r) => r.status === status && r.reasonKey === k)?.count ?? 0),
    })),
  });
}

/** Outcomes by the stage a project closed in. */
export function closedByStageOption(byStage: WinLoss['byStage'], text: ChartText): ChartOption {
  return finish({
    color: [COLORS.won, COLORS.lost, COLORS.abandoned],
    legend: { top: 0 },
    grid: baseGrid(true),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(undefined, 1),
    yAxis: stageAxis(byStage.map((s) => s.stage), text),
    series: CLOSED_STATUSES.map((status) => ({ type: 'bar' as const, stack: 'n', name: text.series[status], data: byStage.map((s) => s[status]) })),
  });
}
