import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type {
  TargetCellInput,
  TargetChangeCreate,
  TargetImportResult,
  TargetMetric,
  TargetPlanCreate,
  TargetPlanDetail,
  TargetPlanListItem,
  TargetPlanStatus,
} from '../../../shared/contracts/targets';
import { api, isId } from '../../api/client';

/** Query keys: every target write invalidates `targetKeys.all` (and the approvals a submit or a change opens). */
export const targetKeys = {
  all: ['targets'] as const,
  list: (q: object) => ['targets', 'list', q] as const,
  detail: (id: number) => ['targets', 'detail', id] as const,
};

export interface TargetQuery {
  year: number;
  metric?: TargetMetric;
  status?: TargetPlanStatus;
  unitId?: number;
  page: number;
  pageSize: number;
}

/**
 * A write that answers with the plan as it now is (`planOf` finds it in the answer): the page shows it at once
 * and the lists refresh; a submit or a change also refreshes the approvals.
 */
function useWrite<V, R>(fn: (v: V) => Promise<R>, opts: { planOf?: (r: R) => TargetPlanDetail | null; approvals?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      const plan = opts.planOf?.(data);
      if (plan) qc.setQueryData(targetKeys.detail(plan.id), plan);
      void qc.invalidateQueries({ queryKey: targetKeys.all, predicate: (q) => !plan || q.queryKey[1] !== 'detail' || q.queryKey[2] !== plan.id });
      if (opts.approvals) void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}
const plan = (r: TargetPlanDetail) => r;

export const useTargets = (q: TargetQuery) => useQuery({ queryKey: targetKeys.list(q), queryFn: () => api.get<Paged<TargetPlanListItem>>('/api/targets', { ...q }), placeholderData: keepPreviousData });
export const useTarget = (id: number) => useQuery({ queryKey: targetKeys.detail(id), queryFn: () => api.get<TargetPlanDetail>(`/api/targets/${id}`), enabled: isId(id) });

export const useCreateTarget = () => useWrite((body: TargetPlanCreate) => api.post<TargetPlanDetail>('/api/targets', body), { planOf: plan });
export const useSaveCells = () => useWrite((v: { id: number; version: number; cells: TargetCellInput[] }) => api.put<TargetPlanDetail>(`/api/targets/${v.id}/cells`, { version: v.version, cells: v.cells }), { planOf: plan });

export type TargetStep = 'submit' | 'withdraw';
/** 提交审批 and 撤回: the plan's version is all they send. */
export const useTargetStep = () => useWrite((v: { id: number; version: number; step: TargetStep }) => api.post<TargetPlanDetail>(`/api/targets/${v.id}/${v.step}`, { version: v.version }), { planOf: plan, approvals: true });
/** 删除 (a draft or rejected plan): its page is left, so its own query is not reloaded into a 404 meanwhile. */
export function useDeleteTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; version: number }) => api.delete<unknown>(`/api/targets/${v.id}?version=${v.version}`),
    onSuccess: (_, v) => {
      void qc.invalidateQueries({ queryKey: targetKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== v.id });
    },
  });
}

export const useRequestChange = () => useWrite((v: { id: number; body: TargetChangeCreate }) => api.post<TargetPlanDetail>(`/api/targets/${v.id}/changes`, v.body), { planOf: plan, approvals: true });
export const useWithdrawChange = () => useWrite((v: { changeId: number }) => api.post<TargetPlanDetail>(`/api/target-changes/${v.changeId}/withdraw`, {}), { planOf: plan, approvals: true });

/** 导入: the XLSX of the export's layout; the whole file is refused when any cell is not usable (the errors say where). */
export const useImportTarget = () =>
  useWrite((v: { id: number; version: number; contentBase64: string }) => api.post<TargetImportResult>(`/api/targets/${v.id}/import`, { version: v.version, contentBase64: v.contentBase64 }), {
    planOf: (r) => r.plan,
  });

/** The plan's XLSX (one sheet per level), downloaded by the browser. */
export const exportHref = (id: number) => `/api/targets/${id}/export`;
