import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { Paged } from '../../../shared/contracts/common';
import type {
  AssessmentInput,
  ChecklistUpdate,
  CloseOpportunity,
  Competitor,
  DealContactsUpdate,
  DevPlan,
  DevPlanInput,
  MoveStage,
  OpportunityCreate,
  OpportunityDetail,
  OpportunityListQuery,
  OpportunitySummary,
  OpportunityUpdate,
  ParticipantsUpdate,
  ProjectCompetitorCreate,
  ProjectCompetitorUpdate,
  ReopenOpportunity,
} from '../../../shared/contracts/opportunities';
import type { PipelineSettings } from '../../../shared/domain/pipeline';
import { api, isId } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { accountKeys } from '../accounts';

/**
 * Development projects (PIPE-1..6) as the contract in shared/contracts/opportunities.ts serves
 * them. Every project write invalidates `opportunityKeys.all` (lists, the detail, the plan) and
 * the board, and — as the assessment grades the account — the accounts too.
 */
export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (filters: object) => ['opportunities', 'list', filters] as const,
  detail: (id: number) => ['opportunities', 'detail', id] as const,
  plan: (id: number) => ['opportunities', 'plan', id] as const,
  settings: ['pipeline', 'settings'] as const,
  competitors: (q: string) => ['competitors', 'pick', q] as const,
};

export type OpportunityFilters = Omit<OpportunityListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export function useOpportunities(filters: OpportunityFilters | Record<string, string | number | undefined>, enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.list(filters),
    queryFn: () => api.get<Paged<OpportunitySummary>>('/api/opportunities', filters as Record<string, string | number | undefined>),
    enabled,
  });
}

export function useOpportunity(id: number) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: () => api.get<OpportunityDetail>(`/api/opportunities/${id}`),
    enabled: isId(id),
  });
}

export function useDevPlan(id: number) {
  return useQuery({
    queryKey: opportunityKeys.plan(id),
    queryFn: () => api.get<{ plan: DevPlan | null }>(`/api/opportunities/${id}/plan`).then((r) => r.plan),
    enabled: isId(id),
  });
}

/** Gates, weights, thresholds and probabilities; changes rarely. */
export function usePipelineSettings() {
  return useQuery({
    queryKey: opportunityKeys.settings,
    queryFn: () => api.get<PipelineSettings & { version: number }>('/api/pipeline/settings'),
    staleTime: 5 * 60_000,
  });
}

/** The competitor register for a picker (active ones, searched by name). */
export function useCompetitorOptions(q: string) {
  return useQuery({
    queryKey: opportunityKeys.competitors(q),
    queryFn: () => api.get<Paged<Competitor>>('/api/competitors', { q: q || undefined, pageSize: 50, sort: 'name' }),
  });
}

/** Every endpoint that writes one project; the URL and method live here only. */
export const opportunityApi = {
  create: (body: OpportunityCreate) => api.post<OpportunityDetail>('/api/opportunities', body),
  update: (id: number, body: OpportunityUpdate) => api.patch<OpportunityDetail>(`/api/opportunities/${id}`, body),
  checklist: (id: number, item: string, body: ChecklistUpdate) => api.put<OpportunityDetail>(`/api/opportunities/${id}/checklist/${item}`, body),
  participants: (id: number, body: ParticipantsUpdate) => api.put<OpportunityDetail>(`/api/opportunities/${id}/participants`, body),
  contacts: (id: number, body: DealContactsUpdate) => api.put<OpportunityDetail>(`/api/opportunities/${id}/contacts`, body),
  move: (id: number, body: MoveStage) => api.post<OpportunityDetail>(`/api/opportunities/${id}/stage`, body),
  close: (id: number, body: CloseOpportunity) => api.post<OpportunityDetail>(`/api/opportunities/${id}/close`, body),
  reopen: (id: number, body: ReopenOpportunity) => api.post<OpportunityDetail>(`/api/opportunities/${id}/reopen`, body),
  assess: (id: number, body: AssessmentInput) => api.put<OpportunityDetail>(`/api/opportunities/${id}/assessment`, body),
  addCompetitor: (id: number, body: ProjectCompetitorCreate) => api.post<unknown>(`/api/opportunities/${id}/competitors`, body),
  updateCompetitor: (id: number, entryId: number, body: ProjectCompetitorUpdate) => api.patch<unknown>(`/api/opportunities/${id}/competitors/${entryId}`, body),
  removeCompetitor: (id: number, entryId: number, version: number) => api.delete<unknown>(`/api/opportunities/${id}/competitors/${entryId}?version=${version}`),
  savePlan: (id: number, body: DevPlanInput) => api.put<{ plan: DevPlan }>(`/api/opportunities/${id}/plan`, body),
  submitPlan: (id: number, version: number) => api.post<{ plan: DevPlan }>(`/api/opportunities/${id}/plan/submit`, { version }),
  withdrawPlan: (id: number, version: number) => api.post<{ plan: DevPlan }>(`/api/opportunities/${id}/plan/withdraw`, { version }),
};

/**
 * A write on one project: on success everything about projects (and the account it grades) is
 * read afresh; a failure lands on the form's fields, or as a message — unless `onError` takes it
 * (the gate's 409 is shown by the caller).
 */
export function useOpportunityWrite<V, R = unknown>(
  send: (v: V) => Promise<R>,
  opts: { form?: FormInstance; onDone?: (r: R) => void; onError?: (err: unknown) => boolean } = {},
) {
  const qc = useQueryClient();
  const showError = useApiError();
  return useMutation({
    mutationFn: send,
    onSuccess: async (r) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: opportunityKeys.all }),
        qc.invalidateQueries({ queryKey: ['pipeline'] }),
        qc.invalidateQueries({ queryKey: accountKeys.all }),
      ]);
      opts.onDone?.(r);
    },
    onError: (err) => {
      if (opts.onError?.(err)) return;
      showError(err, opts.form, () => void qc.invalidateQueries({ queryKey: opportunityKeys.all }));
    },
  });
}
