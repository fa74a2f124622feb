import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type {
  AccountServices,
  EventCostCreate,
  EventCreate,
  EventDetail,
  EventKind,
  EventPage,
  EventUpdate,
  FollowUpCreate,
  InvitationUpdate,
  ServiceLog,
  ServiceLogInput,
} from '../../../shared/contracts/events';
import { api, isId } from '../../api/client';

/** Query keys: every event write invalidates `eventKeys.all`; the account's services sit under it too. */
export const eventKeys = {
  all: ['events'] as const,
  list: (q: object) => ['events', 'list', q] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  services: (accountId: number) => ['events', 'services', accountId] as const,
};

export interface EventQuery {
  when: 'upcoming' | 'past' | 'all';
  kind?: EventKind;
  q?: string;
  page: number;
  pageSize: number;
}

/** A write that refreshes the events and, besides, what it touches elsewhere (a follow-up visit, the account's timeline). */
function useWrite<V, R>(fn: (v: V) => Promise<R>, also: readonly QueryKey[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: eventKeys.all });
      for (const key of also) void qc.invalidateQueries({ queryKey: key });
    },
  });
}

export const useEvents = (q: EventQuery) => useQuery({ queryKey: eventKeys.list(q), queryFn: () => api.get<EventPage>('/api/events', { ...q }), placeholderData: keepPreviousData });
export const useEvent = (id: number) => useQuery({ queryKey: eventKeys.detail(id), queryFn: () => api.get<EventDetail>(`/api/events/${id}`), enabled: isId(id) });

export const useCreateEvent = () => useWrite((body: EventCreate) => api.post<EventDetail>('/api/events', body));
export const useUpdateEvent = () => useWrite((v: { id: number; body: EventUpdate }) => api.put<EventDetail>(`/api/events/${v.id}`, v.body));

export type EventStep = 'submit' | 'withdraw' | 'hold';
/** 提交审批, 撤回 and 已举办: the event's version is all they send. */
export const useEventStep = () => useWrite((v: { id: number; version: number; step: EventStep }) => api.post<EventDetail>(`/api/events/${v.id}/${v.step}`, { version: v.version }), [['approvals']]);
export const useCloseEvent = () => useWrite((v: { id: number; version: number; summary: string }) => api.post<EventDetail>(`/api/events/${v.id}/close`, { version: v.version, summary: v.summary }));
export const useCancelEvent = () => useWrite((v: { id: number; version: number; reason: string }) => api.post<EventDetail>(`/api/events/${v.id}/cancel`, { version: v.version, reason: v.reason }));

export const useInvite = () => useWrite((v: { id: number; contactIds: number[] }) => api.post<EventDetail>(`/api/events/${v.id}/invitations`, { contactIds: v.contactIds }), [['accounts', 'timeline']]);
export const useUpdateInvitation = () => useWrite((v: { id: number; invId: number; body: InvitationUpdate }) => api.patch<EventDetail>(`/api/events/${v.id}/invitations/${v.invId}`, v.body), [['accounts', 'timeline']]);
export const useRemoveInvitation = () => useWrite((v: { id: number; invId: number; version: number }) => api.delete<EventDetail>(`/api/events/${v.id}/invitations/${v.invId}?version=${v.version}`));
export const useFollowUp = () => useWrite((v: { id: number; invId: number; body: FollowUpCreate }) => api.post<EventDetail>(`/api/events/${v.id}/invitations/${v.invId}/follow-up`, v.body), [['visits'], ['opportunities']]);

export const useAddCost = () => useWrite((v: { id: number; body: EventCostCreate }) => api.post<EventDetail>(`/api/events/${v.id}/costs`, v.body));
export const useDeleteCost = () => useWrite((v: { id: number; costId: number }) => api.delete<EventDetail>(`/api/events/${v.id}/costs/${v.costId}`));

export const useAccountServices = (accountId: number) => useQuery({ queryKey: eventKeys.services(accountId), queryFn: () => api.get<AccountServices>(`/api/accounts/${accountId}/services`), enabled: isId(accountId) });
export const useSaveServiceLog = () =>
  useWrite(
    (v: { accountId: number; id?: number; version?: number; body: ServiceLogInput }) =>
      v.id ? api.put<ServiceLog>(`/api/service-logs/${v.id}`, { ...v.body, version: v.version }) : api.post<ServiceLog>(`/api/accounts/${v.accountId}/services`, v.body),
    [['accounts', 'timeline']],
  );
export const useDeleteServiceLog = () => useWrite((v: { id: number; version: number }) => api.delete<{ ok: true }>(`/api/service-logs/${v.id}?version=${v.version}`), [['accounts', 'timeline']]);
