import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllocationInput, AllocationProposal, Receipt, ReceiptCreate, ReceiptListItem, ReceiptUpdate } from '../../../shared/contracts/collections';
import type { Paged } from '../../../shared/contracts/common';
import type { AgeingReport, DunningItem, RatesReport, ReceivableList, ReceivablesSettings, ReceivablesSettingsUpdate, Statement } from '../../../shared/contracts/receivables';
import { api, isId, withQuery } from '../../api/client';

type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * Query keys: every write of a receipt changes what the ageing, dunning, rates and statements read, so
 * it invalidates `receivableKeys.all` (and the contracts' pages, whose plans show what was received).
 */
export const receivableKeys = {
  all: ['receivables'] as const,
  receipts: (q: Query) => ['receivables', 'receipts', q] as const,
  receipt: (id: number) => ['receivables', 'receipt', id] as const,
  proposal: (id: number) => ['receivables', 'proposal', id] as const,
  settings: ['receivables', 'settings'] as const,
  ageing: (q: Query) => ['receivables', 'ageing', q] as const,
  instalments: (q: Query) => ['receivables', 'instalments', q] as const,
  dunning: (q: Query) => ['receivables', 'dunning', q] as const,
  /** the latest dunning run; outside `dunning`, so reloading the lists leaves it */
  dunningRun: ['receivables', 'dunningRun'] as const,
  rates: (q: Query) => ['receivables', 'rates', q] as const,
  statement: (id: number, q: Query) => ['receivables', 'statement', id, q] as const,
};

function useReceivablesWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: receivableKeys.all });
      await qc.invalidateQueries({ queryKey: ['contracts'] });
    },
  });
}

/** The query without paging and sorting: what an export of the same list takes. */
export function exportHref(url: string, query: Query): string {
  const rest = Object.fromEntries(Object.entries(query).filter(([k]) => !['page', 'pageSize', 'sort'].includes(k)));
  return withQuery(url, rest);
}

// ---- receipts ----
export const useReceipts = (q: Query) => useQuery({ queryKey: receivableKeys.receipts(q), queryFn: () => api.get<Paged<ReceiptListItem>>('/api/receipts', q), placeholderData: keepPreviousData });
export const useReceipt = (id: number) => useQuery({ queryKey: receivableKeys.receipt(id), queryFn: () => api.get<Receipt>(`/api/receipts/${id}`), enabled: isId(id) });
export const useProposal = (id: number, enabled: boolean) =>
  useQuery({ queryKey: receivableKeys.proposal(id), queryFn: () => api.get<AllocationProposal>(`/api/receipts/${id}/proposal`), enabled: enabled && isId(id), staleTime: 0 });
export const useSaveReceipt = () =>
  useReceivablesWrite((v: { id?: number; body: ReceiptCreate | ReceiptUpdate }) => (v.id ? api.put<Receipt>(`/api/receipts/${v.id}`, v.body) : api.post<Receipt>('/api/receipts', v.body)));
export const useConfirmReceipt = () =>
  useReceivablesWrite((v: { id: number; version: number; allocate: 'none' | AllocationInput[] }) => api.post<Receipt>(`/api/receipts/${v.id}/confirm`, { version: v.version, allocate: v.allocate }));
export const useAllocate = () => useReceivablesWrite((v: { id: number; allocations: AllocationInput[] }) => api.post<Receipt>(`/api/receipts/${v.id}/allocations`, { allocations: v.allocations }));
export const useUndoAllocation = () => useReceivablesWrite((v: { allocationId: number; reason: string }) => api.post<Receipt>(`/api/receipt-allocations/${v.allocationId}/undo`, { reason: v.reason }));
export const useVoidReceipt = () => useReceivablesWrite((v: { id: number; reason: string }) => api.post<Receipt>(`/api/receipts/${v.id}/void`, { reason: v.reason }));

// ---- receivables ----
export const useReceivablesSettings = () => useQuery({ queryKey: receivableKeys.settings, queryFn: () => api.get<ReceivablesSettings>('/api/receivables/settings'), staleTime: 60_000 });
export const useSaveReceivablesSettings = () => useReceivablesWrite((v: ReceivablesSettingsUpdate) => api.put<ReceivablesSettings>('/api/receivables/settings', v));
export const useAgeing = (q: Query) => useQuery({ queryKey: receivableKeys.ageing(q), queryFn: () => api.get<AgeingReport>('/api/receivables/ageing', q), placeholderData: keepPreviousData });
export const useReceivables = (q: Query) =>
  useQuery({ queryKey: receivableKeys.instalments(q), queryFn: () => api.get<ReceivableList>('/api/receivables/instalments', q), placeholderData: keepPreviousData });
export const useDunning = (q: Query) => useQuery({ queryKey: receivableKeys.dunning(q), queryFn: () => api.get<Paged<DunningItem>>('/api/receivables/dunning', q), placeholderData: keepPreviousData });
export const useRates = (q: Query, enabled: boolean) =>
  useQuery({ queryKey: receivableKeys.rates(q), queryFn: () => api.get<RatesReport>('/api/receivables/rates', q), placeholderData: keepPreviousData, enabled });
export const useStatement = (id: number, q: { from: string; to: string }) =>
  useQuery({ queryKey: receivableKeys.statement(id, q), queryFn: () => api.get<Statement>(`/api/accounts/${id}/statement`, q), enabled: isId(id) && q.from <= q.to });
