import { useQuery } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type { AccountCoverage, ContactDetail, ContactListItem, CoverageListItem, RelationshipHistoryItem } from '../../../shared/contracts/contacts';
import { api } from '../../api/client';

/** Query keys: every contact write invalidates `contactKeys.all` (coverage depends on contacts, so it sits under it). */
export const contactKeys = {
  all: ['contacts'] as const,
  ofAccount: (accountId: number) => ['contacts', 'account', accountId] as const,
  detail: (id: number) => ['contacts', 'detail', id] as const,
  history: (id: number) => ['contacts', 'history', id] as const,
  coverage: (accountId: number) => ['contacts', 'coverage', accountId] as const,
  coverageList: (filters: object) => ['contacts', 'coverageList', filters] as const,
};

export function useAccountContacts(accountId: number) {
  return useQuery({
    queryKey: contactKeys.ofAccount(accountId),
    queryFn: () => api.get<{ items: ContactListItem[] }>(`/api/accounts/${accountId}/contacts`),
  });
}

export function useContact(id: number | null) {
  return useQuery({
    queryKey: contactKeys.detail(id ?? 0),
    queryFn: () => api.get<ContactDetail>(`/api/contacts/${id}`),
    enabled: id !== null,
  });
}

export function useContactHistory(id: number | null) {
  return useQuery({
    queryKey: contactKeys.history(id ?? 0),
    queryFn: () => api.get<{ items: RelationshipHistoryItem[] }>(`/api/contacts/${id}/history`),
    enabled: id !== null,
  });
}

export function useAccountCoverage(accountId: number) {
  return useQuery({
    queryKey: contactKeys.coverage(accountId),
    queryFn: () => api.get<AccountCoverage>(`/api/accounts/${accountId}/coverage`),
  });
}

export type CoverageFilters = { page: number; pageSize: number; unitId?: number };

export function useCoverageList(filters: CoverageFilters) {
  return useQuery({
    queryKey: contactKeys.coverageList(filters),
    queryFn: () => api.get<Paged<CoverageListItem>>('/api/coverage', filters),
  });
}
