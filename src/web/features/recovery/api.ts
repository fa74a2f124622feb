import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecoveryPage, RecoveryPlan, RecoverySettings } from '../../../shared/contracts/recovery';
import { api, isId } from '../../api/client';

/** Query keys: every write invalidates `recoveryKeys.all` and the account's data (its lifecycle moves). */
export const recoveryKeys = {
  all: ['recovery'] as const,
  list: (q: object) => ['recovery', 'list', q] as const,
  detail: (id: number) => ['recovery', 'detail', id] as const,
  settings: ['recovery', 'settings'] as const,
};

export interface RecoveryQuery {
  state: string;
  sort: string;
  q?: string;
  accountId?: number;
  page: number;
  pageSize: number;
}

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: recoveryKeys.all });
      // the plan moves the account's lifecycle and gives tasks
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export const useRecoveryPlans = (q: RecoveryQuery) => useQuery({ queryKey: recoveryKeys.list(q), queryFn: () => api.get<RecoveryPage>('/api/recovery-plans', { ...q }), placeholderData: keepPreviousData });
export const useRecoveryPlan = (id: number) => useQuery({ queryKey: recoveryKeys.detail(id), queryFn: () => api.get<RecoveryPlan>(`/api/recovery-plans/${id}`), enabled: isId(id) });

export const useOpenPlan = () => useWrite((body: { accountId: number; reason: string; goal?: string }) => api.post<RecoveryPlan>('/api/recovery-plans', body));
export const useSavePlan = () => useWrite((v: { id: number; version: number; goal?: string; actions?: string }) => api.put<RecoveryPlan>(`/api/recovery-plans/${v.id}`, { version: v.version, goal: v.goal, actions: v.actions }));
export const useStartPlan = () => useWrite((v: { id: number; version: number }) => api.post<RecoveryPlan>(`/api/recovery-plans/${v.id}/start`, { version: v.version }));
export const useAddStep = () => useWrite((v: { id: number; title: string; dueDate: string; assignee: 'owner' | 'me' }) => api.post<RecoveryPlan>(`/api/recovery-plans/${v.id}/steps`, { title: v.title, dueDate: v.dueDate, assignee: v.assignee }));
export const useStepDone = () => useWrite((v: { id: number; stepId: number }) => api.post<RecoveryPlan>(`/api/recovery-plans/${v.id}/steps/${v.stepId}/done`, {}));
export const useClosePlan = () => useWrite((v: { id: number; version: number; outcome: 'won_back' | 'lost'; reason: string }) => api.post<RecoveryPlan>(`/api/recovery-plans/${v.id}/close`, { version: v.version, outcome: v.outcome, reason: v.reason }));

export const useRecoverySettings = (enabled = true) => useQuery({ queryKey: recoveryKeys.settings, queryFn: () => api.get<{ settings: RecoverySettings; version: number; updatedAt: string | null }>('/api/recovery-plans/settings'), enabled });
export const useSaveRecoverySettings = () => useWrite((body: RecoverySettings & { version: number }) => api.put('/api/recovery-plans/settings', body));
