import { useQuery } from '@tanstack/react-query';
import type { AccountChange, AccountDetail } from '../../../shared/contracts/accounts';
import { api } from '../../api/client';

/** Query keys: every account write invalidates `accountKeys.all`. */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: object) => ['accounts', 'list', filters] as const,
  detail: (id: number) => ['accounts', 'detail', id] as const,
  revenue: (id: number) => ['accounts', 'revenue', id] as const,
  changes: (id: number) => ['accounts', 'changes', id] as const,
  pick: (q: string) => ['accounts', 'pick', q] as const,
};

/** GET /api/accounts query parameters: page, pageSize, sort, q and the filters. */
export type AccountListFilters = Record<string, string | number | undefined> & { page: number; pageSize: number; q?: string; sort?: string };

export function useAccount(id: number) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: () => api.get<AccountDetail>(`/api/accounts/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAccountChanges(id: number) {
  return useQuery({
    queryKey: accountKeys.changes(id),
    queryFn: () => api.get<{ items: AccountChange[] }>(`/api/accounts/${id}/changes`),
  });
}
