import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import type { AccountCoverage, ContactDetail, ContactListItem, CoverageListItem, RelationshipHistoryItem } from '../../../shared/contracts/contacts';
import { api, ApiError, isId } from '../../api/client';

/** Query keys: every contact write invalidates `contactKeys.all` (coverage depends on contacts, so it sits under it). */
export const contactKeys = {
  all: ['contacts'] as const,
  ofAccount: (accountId: number) => ['contacts', 'account', accountId] as const,
  detail: (id: number) => ['contacts', 'detail', id] as const,
  history: (id: number) => ['contacts', 'history', id] as const,
  coverage: (accountId: number) => ['contacts', 'coverage', accountId] as const,
  coverageList: (filters: object) => ['contacts', 'coverageList', filters] as const,
};

/** The account's contacts; nothing is asked while no account is picked. */
export function useAccountContacts(accountId: number | null | undefined) {
  return useQuery({
    queryKey: contactKeys.ofAccount(accountId ?? 0),
    queryFn: () => api.get<{ items: ContactListItem[] }>(`/api/accounts/${accountId}/contacts`),
    enabled: isId(accountId),
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
    enabled: isId(accountId),
  });
}

export type CoverageFilters = { page: number; pageSize: number; unitId?: number };

export function useCoverageList(filters: CoverageFilters) {
  return useQuery({
    queryKey: contactKeys.coverageList(filters),
    queryFn: () => api.get<Paged<CoverageListItem>>('/api/coverage', filters),
  });
}

export interface ReportingChange {
  /** the contact as the map shows it; its version goes with the write */
  contact: ContactListItem;
  reportsToId: number | null;
  assistantOfId: number | null;
}

type AccountContacts = { items: ContactListItem[] };
const patchContact = (data: AccountContacts | undefined, id: number, values: Partial<ContactListItem>): AccountContacts | undefined =>
  data && { items: data.items.map((c) => (c.id === id ? { ...c, ...values } : c)) };

/**
 * Sets whom a contact reports to and assists, optimistically: the account's contact list shows the
 * change at once and goes back to what it was if the server refuses (a loop, a stale version —
 * then the list is fetched again so the next try carries the current version).
 */
export function useSetReporting(accountId: number) {
  const qc = useQueryClient();
  const key = contactKeys.ofAccount(accountId);
  return useMutation({
    mutationFn: (c: ReportingChange) =>
      api.put<ContactDetail>(`/api/contacts/${c.contact.id}/reporting`, { reportsToId: c.reportsToId, assistantOfId: c.assistantOfId, version: c.contact.version }),
    onMutate: async (c) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<AccountContacts>(key);
      qc.setQueryData<AccountContacts>(key, (d) => patchContact(d, c.contact.id, { reportsToId: c.reportsToId, assistantOfId: c.assistantOfId }));
      return { before };
    },
    onSuccess: (updated) => {
      const { reportsToId, assistantOfId, version, updatedAt } = updated;
      qc.setQueryData<AccountContacts>(key, (d) => patchContact(d, updated.id, { reportsToId, assistantOfId, version, updatedAt }));
      qc.setQueryData(contactKeys.detail(updated.id), updated);
    },
    onError: (err, _c, ctx) => {
      if (ctx?.before) qc.setQueryData(key, ctx.before);
      if (err instanceof ApiError && (err.code === 'STALE_VERSION' || err.status === 404)) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
