import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type { DailyReport, MonthlyPlanDetail, MonthlyPlanListItem, ReportDay, TeamDailyReport } from '../../../shared/contracts/work-plans';
import { api } from '../../api/client';

/** Query keys: every plan write invalidates `planKeys.all`. */
export const planKeys = {
  all: ['monthly-plans'] as const,
  list: (filters: object) => ['monthly-plans', 'list', filters] as const,
  detail: (id: number) => ['monthly-plans', 'detail', id] as const,
};

/** The daily report's query string: a person (absent: the caller) and a day. */
export function reportQuery(userId: number | undefined, date: string) {
  return new URLSearchParams({ ...(userId ? { userId: String(userId) } : {}), date }).toString();
}

export function useDailyReport(userId: number | undefined, date: string | undefined) {
  return useQuery({ queryKey: ['daily-reports', userId ?? 'me', date], queryFn: () => api.get<DailyReport>('/api/daily-reports', { userId, date }), enabled: date !== undefined });
}

/**
 * The day a report opens on when the URL names none: the latest day with a recorded visit in scope
 * (of the person, or `team`), else the last working day — asked only while `enabled`.
 */
export function useReportDay(who: number | 'me' | 'team', enabled: boolean) {
  return useQuery({
    queryKey: ['daily-reports', 'latest-day', who],
    queryFn: () => (who === 'team' ? api.get<ReportDay>('/api/daily-reports/team/latest-day') : api.get<ReportDay>('/api/daily-reports/latest-day', { userId: who === 'me' ? undefined : who })),
    enabled,
  });
}

export function useTeamDailyReport(date: string | undefined) {
  return useQuery({ queryKey: ['daily-reports', 'team', date], queryFn: () => api.get<TeamDailyReport>('/api/daily-reports/team', { date }), enabled: date !== undefined });
}

export type PlanFilters = { box: 'mine' | 'all'; month?: string; page: number; pageSize: number };

export function useMonthlyPlans(filters: PlanFilters) {
  return useQuery({ queryKey: planKeys.list(filters), queryFn: () => api.get<Paged<MonthlyPlanListItem>>('/api/monthly-plans', filters) });
}

export function useMonthlyPlan(id: number) {
  return useQuery({ queryKey: planKeys.detail(id), queryFn: () => api.get<{ plan: MonthlyPlanDetail }>(`/api/monthly-plans/${id}`).then((r) => r.plan), enabled: id > 0 });
}

/** Create (id 0), change (PUT) or submit a plan; the answer is the plan as it now stands. */
export function usePlanWrite(id: number, action: 'create' | 'edit' | 'submit') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => {
      const call =
        action === 'create'
          ? api.post<{ plan: MonthlyPlanDetail }>('/api/monthly-plans', body)
          : action === 'edit'
            ? api.put<{ plan: MonthlyPlanDetail }>(`/api/monthly-plans/${id}`, body)
            : api.post<{ plan: MonthlyPlanDetail }>(`/api/monthly-plans/${id}/submit`, body);
      return call.then((r) => r.plan);
    },
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.detail(plan.id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}
