import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountTickets, Ticket, TicketCreate, TicketFile, TicketJudgeBody, TicketPage, TicketSettings, TicketSettingsUpdate, TicketUpdate } from '../../../shared/contracts/tickets';
import { api, isId } from '../../api/client';
import type { TicketQuery } from './helpers';

/** Query keys: every ticket write invalidates `ticketKeys.all` (a ticket's SLA shows on its list, its account's tab and the detail). */
export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: object) => ['tickets', 'list', query] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  ofAccount: (accountId: number) => ['tickets', 'account', accountId] as const,
  settings: ['tickets', 'settings'] as const,
  run: ['tickets', 'escalation-run'] as const,
};

function useTicketWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ticketKeys.all }) });
}

export const useTickets = (query: TicketQuery) => useQuery({ queryKey: ticketKeys.list(query), queryFn: () => api.get<TicketPage>('/api/tickets', query), placeholderData: keepPreviousData });
export const useTicket = (id: number) => useQuery({ queryKey: ticketKeys.detail(id), queryFn: () => api.get<Ticket>(`/api/tickets/${id}`), enabled: isId(id) });
export const useAccountTickets = (accountId: number) => useQuery({ queryKey: ticketKeys.ofAccount(accountId), queryFn: () => api.get<AccountTickets>(`/api/accounts/${accountId}/tickets`), enabled: isId(accountId) });

export const useCreateTicket = () => useTicketWrite((body: TicketCreate) => api.post<Ticket>('/api/tickets', body));
export const useUpdateTicket = () => useTicketWrite((v: { id: number; body: TicketUpdate }) => api.put<Ticket>(`/api/tickets/${v.id}`, v.body));

export type TicketAction = 'assign' | 'start' | 'wait' | 'resume' | 'resolve' | 'close' | 'reopen' | 'judge';
/** A move of the ticket (or its judgement) with the version read and what the move takes: a note, the resolution, a reason, the owner. */
export const useTicketAction = () =>
  useTicketWrite((v: { id: number; action: TicketAction; body: { version: number } & Partial<Omit<TicketJudgeBody, 'version'>> & { note?: string; resolution?: string; ownerId?: number } }) =>
    api.post<Ticket>(`/api/tickets/${v.id}/${v.action}`, v.body),
  );

export const useUploadTicketFile = () => useTicketWrite((v: { id: number; name: string; mime: string; contentBase64: string }) => api.post<TicketFile>(`/api/tickets/${v.id}/files`, { name: v.name, mime: v.mime, contentBase64: v.contentBase64 }));
export const useDeleteTicketFile = () => useTicketWrite((v: { id: number; fileId: number }) => api.delete(`/api/tickets/${v.id}/files/${v.fileId}`));
export const ticketFileUrl = (id: number, fileId: number) => `/api/tickets/${id}/files/${fileId}`;

export const useTicketSettings = () => useQuery({ queryKey: ticketKeys.settings, queryFn: () => api.get<TicketSettings>('/api/tickets/settings') });
export const useSaveTicketSettings = () => useTicketWrite((body: TicketSettingsUpdate) => api.put<TicketSettings>('/api/tickets/settings', body));

