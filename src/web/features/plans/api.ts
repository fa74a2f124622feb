import { useQuery } from '@tanstack/react-query';
import type { AccountPlan } from '../../../shared/contracts/plans';
import { api, isId } from '../../api/client';

/** Query keys: every plan write invalidates `planKeys.all`, the tasks and the account's timeline. */
export const planKeys = {
  all: ['plans'] as const,
  ofAccount: (accountId: number) => ['plans', accountId] as const,
};

export function useAccountPlan(accountId: number) {
  return useQuery({
    queryKey: planKeys.ofAccount(accountId),
    queryFn: () => api.get<AccountPlan>(`/api/accounts/${accountId}/plan`),
    enabled: isId(accountId),
  });
}
