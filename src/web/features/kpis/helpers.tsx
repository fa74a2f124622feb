import { Progress, Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttainmentRow } from '../../../shared/contracts/kpis';
import { MONEY_METRICS, type TargetMetric } from '../../../shared/contracts/targets';
import { useMoney } from '../../components/display';
import { kpiText, partNumber, type KpiUnit, type PartUnit } from './library';

export type AttainmentStatus = AttainmentRow['status'];

/** What a row of the attainment table or the KPI board is: the unit's total, a sub-unit or a person. */
export type UnitRow = Pick<AttainmentRow, 'kind' | 'id' | 'role' | 'position'>;

/** met green, on track blue, behind red, no target grey — the tag and the progress bar alike. */
export const STATUS_COLORS: Record<AttainmentStatus, string> = { met: 'success', on_track: 'processing', behind: 'error', no_target: 'default' };
export const STATUS_STROKES: Record<AttainmentStatus, string> = { met: '#52c41a', on_track: '#1677ff', behind: '#ff4d4f', no_target: '#bfbfbf' };

export const isMoney = (metric: TargetMetric) => MONEY_METRICS.includes(metric);

/** A row's status as its coloured tag (已完成 / 进度正常 / 落后进度 / 无目标). */
export function AttainmentTag({ status, testId }: { status: AttainmentStatus; testId?: string }) {
  const { t } = useTranslation('kpis');
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

/** A figure of the metric as text: money in the reader's unit (元 / 万元), counts with their unit (次, 家, 个); none → —. */
export function useFigure(metric: TargetMetric): (value: number | null | undefined) => string {
  const money = useMoney();
  const { t, i18n } = useTranslation('kpis');
  return useCallback(
    (value: number | null | undefined) => {
      if (value === null || value === undefined) return '—';
      if (isMoney(metric)) return money(value);
      return t(`counts.${metric}`, { value: value.toLocaleString(i18n.language), count: value });
    },
    [metric, money, t, i18n.language],
  );
}

/** A KPI figure as text by its unit (kpiText: percent to one decimal, money in the reader's unit, whole counts). */
export function useKpiText(): (value: number | null | undefined, unit: KpiUnit) => string {
  const money = useMoney();
  const { i18n } = useTranslation();
  return useCallback((value: number | null | undefined, unit: KpiUnit) => kpiText(value, unit, { money, locale: i18n.language }), [money, i18n.language]);
}

/** A numerator or denominator as text: money in the reader's unit, a count with its noun (12 次, 3 家); none → —. */
export function usePartText(): (value: number | null | undefined, unit: PartUnit) => string {
  const kpi = useKpiText();
  const { t, i18n } = useTranslation('kpis');
  return useCallback(
    (value: number | null | undefined, unit: PartUnit) => {
      if (value === null || value === undefined || unit === 'amount') return kpi(value, 'amount');
      return t(`units.${unit}`, { value: partNumber(value, unit, i18n.language), count: value });
    },
    [kpi, t, i18n.language],
  );
}

/** A share as a percentage to one decimal (0.8734 → 87.3%); none → —. */
export function percentText(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** The row's secondary line: a person's position, a sub-unit's kind; the total reads as the unit's total. */
export function useRowRole(): (row: UnitRow) => string {
  const { t } = useTranslation('kpis');
  return useCallback(
    (row: UnitRow) => {
      if (row.role === 'total') return t('rows.total');
      if (!row.position) return '';
      return row.kind === 'user' ? t(`admin:positions.${row.position}`, { defaultValue: row.position }) : t(`admin:units.kinds.${row.position}`, { defaultValue: row.position });
    },
    [t],
  );
}

/** The total first, then the rows as the server orders them (sub-units, then people). */
export const totalFirst = <R extends UnitRow>(rows: readonly R[]) => [...rows.filter((r) => r.role === 'total'), ...rows.filter((r) => r.role !== 'total')];

/**
 * Completion against the period's pace: the grey bar is the share of the working days elapsed, the coloured one
 * (by status) the share of the target reached — behind when it falls short of the grey.
 */
export function PaceBar({ share, completion, status, label }: { share: number; completion: number; status: AttainmentStatus; label?: string }) {
  return (
    <Progress
      percent={Math.min(100, Math.round(share * 100))}
      strokeColor="#d9d9d9"
      success={{ percent: Math.min(100, completion * 100), strokeColor: STATUS_STROKES[status] }}
      size="small"
      showInfo={label !== undefined}
      format={() => label}
      aria-label={percentText(completion)}
    />
  );
}

/** Behind first, then on track, met, and those without a target; within each the lowest completion first. */
const CONCERN: Record<AttainmentStatus, number> = { behind: 0, on_track: 1, met: 2, no_target: 3 };
export const byConcern = (a: Pick<AttainmentRow, 'status' | 'completion' | 'name'>, b: Pick<AttainmentRow, 'status' | 'completion' | 'name'>) =>
  CONCERN[a.status] - CONCERN[b.status] || (a.completion ?? 0) - (b.completion ?? 0) || a.name.localeCompare(b.name);
