import { useQuery } from '@tanstack/react-query';
import type { AccountChange, AccountDetail, AccountSettings, CompletenessReport } from '../../../shared/contracts/accounts';
import type { QuadrantDistribution, QuadrantView } from '../../../shared/contracts/quadrant';
import { api, isId } from '../../api/client';

/** Query keys: every account write invalidates `accountKeys.all`. */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: object) => ['accounts', 'list', filters] as const,
  detail: (id: number) => ['accounts', 'detail', id] as const,
  revenue: (id: number) => ['accounts', 'revenue', id] as const,
  changes: (id: number) => ['accounts', 'changes', id] as const,
  pick: (q: string) => ['accounts', 'pick', q] as const,
  quadrant: (id: number) => ['accounts', 'quadrant', id] as const,
  quadrants: (filters: object) => ['accounts', 'quadrants', filters] as const,
  completeness: (filters: object) => ['accounts', 'completeness', filters] as const,
  settings: ['accounts', 'settings'] as const,
};

/** GET /api/accounts query parameters: page, pageSize, sort, q and the filters. */
export type AccountListFilters = Record<string, string | number | undefined> & { page: number; pageSize: number; q?: string; sort?: string };

export function useAccount(id: number) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: () => api.get<AccountDetail>(`/api/accounts/${id}`),
    enabled: isId(id),
  });
}

export function useAccountChanges(id: number) {
  return useQuery({
    queryKey: accountKeys.changes(id),
    queryFn: () => api.get<{ items: AccountChange[] }>(`/api/accounts/${id}/changes`),
    enabled: isId(id),
  });
}

export function useQuadrant(id: number) {
  return useQuery({ queryKey: accountKeys.quadrant(id), queryFn: () => api.get<QuadrantView>(`/api/accounts/${id}/quadrant`), enabled: isId(id) });
}

/** Accounts per quadrant under the list's filters (its quadrant, sort and paging left out). */
export function useQuadrantDistribution(filters: AccountListFilters) {
  const { page: _page, pageSize: _size, sort: _sort, quadrant: _quadrant, ...rest } = filters;
  return useQuery({ queryKey: accountKeys.quadrants(rest), queryFn: () => api.get<QuadrantDistribution>('/api/accounts/quadrants', rest) });
}

/** The department's completeness KPI; it moves slowly, so a few minutes old is fine. */
export function useCompletenessReport(filters: { unitId?: number; ownerId?: number }) {
  return useQuery({ queryKey: accountKeys.completeness(filters), queryFn: () => api.get<CompletenessReport>('/api/accounts/completeness', filters), staleTime: 5 * 60_000 });
}

export function useAccountSettings() {
  return useQuery({ queryKey: accountKeys.settings, queryFn: () => api.get<AccountSettings>('/api/account-settings') });
}
