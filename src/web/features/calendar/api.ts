import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { CalendarEvents, FeedTokenStatus, OverdueAccount, VisitPolicySettingsBody, VisitPolicyView } from '../../../shared/contracts/calendar';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

export const calendarKeys = {
  all: ['calendar'] as const,
  range: (from: string, to: string) => ['calendar', 'events', from, to] as const,
  feed: ['calendar', 'feed'] as const,
};

export function useCalendar(from: string, to: string) {
  return useQuery({ queryKey: calendarKeys.range(from, to), queryFn: () => api.get<CalendarEvents>('/api/calendar', { from, to }) });
}

export function useFeedToken() {
  return useQuery({ queryKey: calendarKeys.feed, queryFn: () => api.get<FeedTokenStatus>('/api/calendar/feed-token') });
}

/** (Re)creates the secret feed URL; the token comes back once. */
export function useCreateFeedToken(onCreated: (path: string) => void) {
  const qc = useQueryClient();
  const showError = useApiError();
  return useMutation({
    mutationFn: () => api.post<{ token: string; path: string; createdAt: string }>('/api/calendar/feed-token'),
    onSuccess: (r) => {
      onCreated(r.path);
      void qc.invalidateQueries({ queryKey: calendarKeys.feed });
    },
    onError: (err) => showError(err),
  });
}

export function useRevokeFeedToken(onDone: () => void) {
  const qc = useQueryClient();
  const showError = useApiError();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>('/api/calendar/feed-token'),
    onSuccess: () => {
      onDone();
      void qc.invalidateQueries({ queryKey: calendarKeys.feed });
    },
    onError: (err) => showError(err),
  });
}

export const policyKeys = {
  settings: ['visit-policy', 'settings'] as const,
  overdue: ['visit-policy', 'overdue'] as const,
};

export function useVisitPolicy(enabled: boolean) {
  return useQuery({ queryKey: policyKeys.settings, queryFn: () => api.get<VisitPolicyView>('/api/visit-policy'), enabled });
}

export function useOverdueAccounts() {
  return useQuery({ queryKey: policyKeys.overdue, queryFn: () => api.get<{ items: OverdueAccount[] }>('/api/visit-policy/overdue') });
}

export function useSaveVisitPolicy(form: FormInstance, onDone: () => void) {
  const qc = useQueryClient();
  const showError = useApiError();
  return useMutation({
    mutationFn: (v: VisitPolicySettingsBody) => api.put<VisitPolicyView>('/api/visit-policy', v),
    onSuccess: (v) => {
      qc.setQueryData(policyKeys.settings, v);
      void qc.invalidateQueries({ queryKey: policyKeys.overdue });
      onDone();
    },
    onError: (err) => showError(err, form),
  });
}
