import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type { VisitDetail, VisitListItem } from '../../../shared/contracts/visits';
import { api } from '../../api/client';

/** Query keys: every visit write invalidates `visitKeys.all`, the tasks and the approvals. */
export const visitKeys = {
  all: ['visits'] as const,
  list: (filters: object) => ['visits', 'list', filters] as const,
  detail: (id: number) => ['visits', 'detail', id] as const,
};

export type VisitFilters = Record<string, string | number | undefined> & { box: 'mine' | 'all' | 'review'; page: number; pageSize: number };

export function useVisits(filters: VisitFilters) {
  return useQuery({ queryKey: visitKeys.list(filters), queryFn: () => api.get<Paged<VisitListItem>>('/api/visits', filters) });
}

/** One visit; nothing is asked without an id (/visits/new). A malformed id in the address is the server's 400 to show. */
export function useVisit(id: number | undefined) {
  return useQuery({ queryKey: visitKeys.detail(id ?? 0), queryFn: () => api.get<{ visit: VisitDetail }>(`/api/visits/${id}`).then((r) => r.visit), enabled: id !== undefined });
}

/** One write on a visit (POST /api/visits/:id/<action> or PUT); the answer is the visit as it now stands. */
export function useVisitAction(id: number, action: 'submit' | 'withdraw' | 'cancel' | 'check-in' | 'record' | 'report' | 'review' | 'edit') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      (action === 'edit' ? api.put<{ visit: VisitDetail }>(`/api/visits/${id}`, body) : api.post<{ visit: VisitDetail }>(`/api/visits/${id}/${action}`, body)).then((r) => r.visit),
    onSuccess: (visit) => {
      qc.setQueryData(visitKeys.detail(id), visit);
      void qc.invalidateQueries({ queryKey: visitKeys.all });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export function useCreateVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api.post<{ visit: VisitDetail }>('/api/visits', body).then((r) => r.visit),
    onSuccess: () => void qc.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
