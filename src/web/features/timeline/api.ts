import { useInfiniteQuery } from '@tanstack/react-query';
import type { TimelineKind, TimelinePage } from '../../../shared/contracts/timeline';
import { api } from '../../api/client';

export const PAGE_SIZE = 30;

/** Under the account's keys, so every account write refreshes it too. */
export const timelineKeys = {
  ofAccount: (accountId: number) => ['accounts', 'timeline', accountId] as const,
  page: (accountId: number, kinds: readonly TimelineKind[]) => ['accounts', 'timeline', accountId, kinds.join(',')] as const,
};

export function useTimeline(accountId: number, kinds: readonly TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: timelineKeys.page(accountId, kinds),
    queryFn: ({ pageParam }) => api.get<TimelinePage>(`/api/accounts/${accountId}/timeline`, { limit: PAGE_SIZE, kinds: kinds.join(','), before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // what happened elsewhere on the page (contacts, plans) shows when the tab is opened again
    refetchOnMount: 'always',
  });
}
