import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountHealth, AtRiskPage, HealthSettingsUpdate, HealthSettingsView } from '../../../shared/contracts/health';
import { api, isId } from '../../api/client';

export const healthKeys = {
  all: ['health'] as const,
  account: (id: number) => ['health', 'account', id] as const,
  atRisk: (q: object) => ['health', 'at-risk', q] as const,
  run: ['health', 'recompute'] as const,
  settings: ['health', 'settings'] as const,
};

export const useAccountHealth = (accountId: number) => useQuery({ queryKey: healthKeys.account(accountId), queryFn: () => api.get<AccountHealth>(`/api/accounts/${accountId}/health`), enabled: isId(accountId) });
export const useAtRisk = (q: { band: string; sort: string; page: number; pageSize: number }) => useQuery({ queryKey: healthKeys.atRisk(q), queryFn: () => api.get<AtRiskPage>('/api/health/at-risk', q), placeholderData: keepPreviousData });

export const useHealthSettings = () => useQuery({ queryKey: healthKeys.settings, queryFn: () => api.get<HealthSettingsView>('/api/health/settings') });
export function useSaveHealthSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: HealthSettingsUpdate) => api.put<HealthSettingsView>('/api/health/settings', body), onSuccess: () => void qc.invalidateQueries({ queryKey: healthKeys.all }) });
}
