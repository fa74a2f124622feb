import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type {
  GiftApplication,
  GiftApplicationCreate,
  GiftApplicationListItem,
  GiftApplicationStatus,
  GiftApplicationUpdate,
  GiftCapCheck,
  GiftItem,
  GiftItemCreate,
  GiftItemUpdate,
  GiftMovement,
  GiftMovementCreate,
  GiftPlan,
  GiftPlanCreate,
  GiftPlanUpdate,
  GiftSettings,
} from '../../../shared/contracts/gifts';
import { api } from '../../api/client';

/** Query keys: every gifts write invalidates `giftKeys.all` (stock, totals and statuses move together). */
export const giftKeys = {
  all: ['gifts'] as const,
  items: ['gifts', 'items'] as const,
  ledger: (id: number) => ['gifts', 'ledger', id] as const,
  settings: ['gifts', 'settings'] as const,
  plans: (accountId: number) => ['gifts', 'plans', accountId] as const,
  applications: (filters: object) => ['gifts', 'applications', filters] as const,
  application: (id: number) => ['gifts', 'application', id] as const,
  total: (contactId: number, year: number, value: number, excludeId?: number) => ['gifts', 'total', contactId, year, value, excludeId ?? 0] as const,
};

function useGiftWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: giftKeys.all }) });
}

export const useGiftItems = () => useQuery({ queryKey: giftKeys.items, queryFn: () => api.get<{ items: GiftItem[] }>('/api/gift-items') });
export const useGiftLedger = (id: number | null) =>
  useQuery({ queryKey: giftKeys.ledger(id ?? 0), queryFn: () => api.get<{ item: GiftItem; items: GiftMovement[] }>(`/api/gift-items/${id}/movements`), enabled: id !== null });
export const useSaveGiftItem = () =>
  useGiftWrite((v: { id?: number; body: GiftItemCreate | GiftItemUpdate }) => (v.id ? api.patch<GiftItem>(`/api/gift-items/${v.id}`, v.body) : api.post<GiftItem>('/api/gift-items', v.body)));
export const useAddMovement = () => useGiftWrite((v: { id: number; body: GiftMovementCreate }) => api.post<GiftMovement>(`/api/gift-items/${v.id}/movements`, v.body));

export const useGiftSettings = () => useQuery({ queryKey: giftKeys.settings, queryFn: () => api.get<GiftSettings>('/api/gift-settings') });
export const useSaveGiftSettings = () => useGiftWrite((v: { recipientYearCap: number; version: number }) => api.put<GiftSettings>('/api/gift-settings', v));

export const useGiftPlans = (accountId: number | null) =>
  useQuery({ queryKey: giftKeys.plans(accountId ?? 0), queryFn: () => api.get<{ items: GiftPlan[] }>(`/api/accounts/${accountId}/gift-plans`), enabled: accountId !== null });
export const useSaveGiftPlan = (accountId: number) =>
  useGiftWrite((v: { id?: number; body: GiftPlanCreate | GiftPlanUpdate }) => (v.id ? api.patch<GiftPlan>(`/api/gift-plans/${v.id}`, v.body) : api.post<GiftPlan>(`/api/accounts/${accountId}/gift-plans`, v.body)));
export const useDeleteGiftPlan = () => useGiftWrite((v: { id: number; version: number }) => api.delete(`/api/gift-plans/${v.id}?version=${v.version}`));

export type ApplicationFilters = { page: number; pageSize: number; status?: GiftApplicationStatus; overCap?: boolean };
export const useGiftApplications = (f: ApplicationFilters) =>
  useQuery({ queryKey: giftKeys.applications(f), queryFn: () => api.get<Paged<GiftApplicationListItem>>('/api/gift-applications', { ...f, overCap: f.overCap ? 'true' : undefined }) });
export const useGiftApplication = (id: number | null) =>
  useQuery({ queryKey: giftKeys.application(id ?? 0), queryFn: () => api.get<GiftApplication>(`/api/gift-applications/${id}`), enabled: id !== null });
export const useSaveGiftApplication = () =>
  useGiftWrite((v: { id?: number; body: GiftApplicationCreate | GiftApplicationUpdate }) =>
    v.id ? api.patch<GiftApplication>(`/api/gift-applications/${v.id}`, v.body) : api.post<GiftApplication>('/api/gift-applications', v.body),
  );
export const useDeleteGiftApplication = () => useGiftWrite((v: { id: number; version: number }) => api.delete(`/api/gift-applications/${v.id}?version=${v.version}`));
export const useGiftApplicationAction = () =>
  useGiftWrite((v: { id: number; action: 'submit' | 'withdraw' | 'issue'; version: number }) => api.post<GiftApplication>(`/api/gift-applications/${v.id}/${v.action}`, { version: v.version }));

export const useRecipientTotal = (contactId: number | null, year: number, value: number, excludeId?: number) =>
  useQuery({
    queryKey: giftKeys.total(contactId ?? 0, year, value, excludeId),
    queryFn: () => api.get<GiftCapCheck>(`/api/contacts/${contactId}/gift-total`, { year, value, excludeId }),
    enabled: contactId !== null && Number.isFinite(year),
  });
