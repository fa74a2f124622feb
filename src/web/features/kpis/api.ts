import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Attainment, KpiBoard, KpiSet } from '../../../shared/contracts/kpis';
import type { TargetMetric } from '../../../shared/contracts/targets';
import { api } from '../../api/client';

/** What the page asks: no unit is the caller's own; the period a key (`2026-12`, `2026-Q4`, …). */
export interface AttainmentQuery {
  unitId?: number;
  metric: TargetMetric;
  period: string;
}

/** The KPI library's board: no unit is the caller's own. */
export interface KpiBoardQuery {
  unitId?: number;
  period: string;
}

/** One subject's KPIs: `user:<id>` or `unit:<id>`. */
export interface KpiSetQuery {
  subject: string;
  period: string;
}

/** Query keys: target attainment per unit, metric and period; the KPI library's board per unit and period, one subject's set per period. */
export const kpiKeys = {
  all: ['kpis'] as const,
  attainment: (q: AttainmentQuery) => ['kpis', 'attainment', q] as const,
  board: (q: KpiBoardQuery) => ['kpis', 'board', q] as const,
  set: (q: KpiSetQuery) => ['kpis', 'set', q] as const,
};

/** GET /api/kpis/attainment — the unit's rows for a metric over a period (no unitId: the caller's own unit). */
export const useAttainment = (q: AttainmentQuery) =>
  useQuery({ queryKey: kpiKeys.attainment(q), queryFn: () => api.get<Attainment>('/api/kpis/attainment', { ...q }), placeholderData: keepPreviousData });

/** GET /api/kpis/board — the KPI library: the unit's rows (total, sub-units, people) × every KPI (no unitId: the caller's own unit). */
export const useKpiBoard = (q: KpiBoardQuery) =>
  useQuery({ queryKey: kpiKeys.board(q), queryFn: () => api.get<KpiBoard>('/api/kpis/board', { ...q }), placeholderData: keepPreviousData });

/** GET /api/kpis — one person's or unit's every KPI for a period (`subject` user:<id> / unit:<id>; none: the caller). */
export const useKpiSet = (q: KpiSetQuery) =>
  useQuery({ queryKey: kpiKeys.set(q), queryFn: () => api.get<KpiSet>('/api/kpis', { ...q }), placeholderData: keepPreviousData });
