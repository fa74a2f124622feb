import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type {
  ReceptionDetail,
  ReceptionInput,
  ReceptionReportInput,
  ReceptionSummary,
  SeatingPlanOut,
  SeatingProposeInput,
  SeatingSaveInput,
} from '../../../shared/contracts/receptions';
import { api, isId } from '../../api/client';

export const receptionKeys = {
  all: ['receptions'] as const,
  list: (filters: object) => ['receptions', 'list', filters] as const,
  detail: (id: number) => ['receptions', 'detail', id] as const,
  seating: (id: number) => ['receptions', 'seating', id] as const,
};

type One = { reception: ReceptionDetail };

export function useReceptions(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: receptionKeys.list(filters), queryFn: () => api.get<Paged<ReceptionSummary>>('/api/receptions', filters) });
}

export function useReception(id: number) {
  return useQuery({ queryKey: receptionKeys.detail(id), queryFn: () => api.get<One>(`/api/receptions/${id}`), enabled: isId(id) });
}

export function useSeating(id: number) {
  return useQuery({ queryKey: receptionKeys.seating(id), queryFn: () => api.get<{ seating: SeatingPlanOut | null }>(`/api/receptions/${id}/seating`), enabled: isId(id) });
}

/** Every reception write: the server answers with the reception as it now is. */
export function useReceptionAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { path: '' | '/submit' | '/withdraw' | '/cancel' | '/report' | '/report/confirm'; method?: 'put' | 'post'; body: unknown }) =>
      a.method === 'put' ? api.put<One>(`/api/receptions/${id}${a.path}`, a.body) : api.post<One>(`/api/receptions/${id}${a.path}`, a.body),
    onSuccess: (data) => {
      qc.setQueryData(receptionKeys.detail(id), data);
      void qc.invalidateQueries({ queryKey: ['receptions', 'list'] });
    },
  });
}

export function useCreateReception() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceptionInput) => api.post<One>('/api/receptions', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: receptionKeys.all }),
  });
}

export function useProposeSeating(id: number) {
  return useMutation({ mutationFn: (body: SeatingProposeInput) => api.post<{ seating: SeatingPlanOut }>(`/api/receptions/${id}/seating/propose`, body) });
}

export function useSaveSeating(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SeatingSaveInput) => api.put<{ seating: SeatingPlanOut }>(`/api/receptions/${id}/seating`, body),
    onSuccess: (data) => qc.setQueryData(receptionKeys.seating(id), data),
  });
}

export type { ReceptionReportInput };
