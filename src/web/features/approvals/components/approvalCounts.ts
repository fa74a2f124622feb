import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';

/** The key of the inbox count: deciding, withdrawing or submitting invalidates ['approvals'] and so refreshes it. */
export const approvalCountsKey = ['approvals', 'counts'] as const;

/**
 * How many approval steps wait for my decision (GET /api/approvals/counts), shared by the header,
 * the home page and the inbox tab; asked again every minute while a page is open. A failure is not
 * retried: the count is a convenience, the page around it still works.
 */
export function useApprovalCounts() {
  return useQuery({ queryKey: approvalCountsKey, queryFn: () => api.get<{ inbox: number }>('/api/approvals/counts'), refetchInterval: 60_000, retry: false });
}
