import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountCredit, Invoice, InvoiceCreate, ReceiptListItem, WriteOff, WriteOffCreate } from '../../../shared/contracts/collections';
import type { Paged } from '../../../shared/contracts/common';
import type { AccountContracts, Contract, ContractCreate, ContractFile, ContractPage, ContractUpdate, PlanPreview, PlanTerm } from '../../../shared/contracts/contracts';
import { api, isId } from '../../api/client';
import type { ContractQuery } from './helpers';

/**
 * Query keys: every contract write invalidates `contractKeys.all`; an invoice or a write-off also changes the
 * contract's money, so those writes invalidate both.
 */
export const contractKeys = {
  all: ['contracts'] as const,
  list: (query: object) => ['contracts', 'list', query] as const,
  detail: (id: number) => ['contracts', 'detail', id] as const,
  ofAccount: (accountId: number) => ['contracts', 'account', accountId] as const,
  pick: (filter: object, q: string) => ['contracts', 'pick', filter, q] as const,
  invoices: (contractId: number) => ['contracts', 'invoices', contractId] as const,
  writeOffs: (instalmentId: number) => ['contracts', 'writeOffs', instalmentId] as const,
  credit: (accountId: number) => ['contracts', 'credit', accountId] as const,
  receipts: (accountId: number) => ['contracts', 'receipts', accountId] as const,
};

function useContractWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: contractKeys.all });
      // the receivables and receipts pages read the same instalments
      void qc.invalidateQueries({ queryKey: ['receivables'] });
      void qc.invalidateQueries({ queryKey: ['receipts'] });
    },
  });
}

export const useContracts = (query: ContractQuery) =>
  useQuery({ queryKey: contractKeys.list(query), queryFn: () => api.get<ContractPage>('/api/contracts', query), placeholderData: keepPreviousData });
export const useContract = (id: number) => useQuery({ queryKey: contractKeys.detail(id), queryFn: () => api.get<Contract>(`/api/contracts/${id}`), enabled: isId(id) });
export const useAccountContracts = (accountId: number, enabled = true) =>
  useQuery({ queryKey: contractKeys.ofAccount(accountId), queryFn: () => api.get<AccountContracts>(`/api/accounts/${accountId}/contracts`), enabled: enabled && isId(accountId) });

export const useSaveContract = () =>
  useContractWrite((v: { id: number; body: ContractUpdate } | { id?: undefined; body: ContractCreate }) =>
    v.id ? api.put<Contract>(`/api/contracts/${v.id}`, v.body) : api.post<Contract>('/api/contracts', v.body),
  );
export const useDeleteContract = () => useContractWrite((v: { id: number; version: number }) => api.delete(`/api/contracts/${v.id}?version=${v.version}`));

export type ContractMove = 'submit' | 'withdraw' | 'start' | 'terminate' | 'void' | 'settle';
/** A move of the contract's state: submit, withdraw and start take its version, the others a reason too. */
export const useContractMove = () => useContractWrite((v: { id: number; move: ContractMove; version: number; reason?: string }) => api.post<Contract>(`/api/contracts/${v.id}/${v.move}`, { version: v.version, ...(v.reason === undefined ? {} : { reason: v.reason }) }));

export const usePlanPreview = () => useMutation({ mutationFn: (body: { amount: number; terms: PlanTerm[] }) => api.post<PlanPreview>('/api/contracts/plan-preview', body) });

export const useUploadContractFile = () => useContractWrite((v: { id: number; name: string; mime: string; contentBase64: string }) => api.post<ContractFile>(`/api/contracts/${v.id}/files`, { name: v.name, mime: v.mime, contentBase64: v.contentBase64 }));
export const useDeleteContractFile = () => useContractWrite((v: { id: number; fileId: number }) => api.delete(`/api/contracts/${v.id}/files/${v.fileId}`));
export const contractFileUrl = (id: number, fileId: number) => `/api/contracts/${id}/files/${fileId}`;

// ---- what the collections room offers on a contract's instalments ----

export const useContractInvoices = (contractId: number, enabled: boolean) =>
  useQuery({ queryKey: contractKeys.invoices(contractId), queryFn: () => api.get<Paged<Invoice>>('/api/invoices', { contractId, pageSize: 200 }), enabled: enabled && isId(contractId) });
export const useCreateInvoice = () => useContractWrite((body: InvoiceCreate) => api.post<Invoice>('/api/invoices', body));
export const useVoidInvoice = () => useContractWrite((v: { id: number; reason: string }) => api.post<Invoice>(`/api/invoices/${v.id}/void`, { reason: v.reason }));

export const useWriteOffs = (instalmentId: number | null) =>
  useQuery({ queryKey: contractKeys.writeOffs(instalmentId ?? 0), queryFn: () => api.get<{ items: WriteOff[] }>(`/api/instalments/${instalmentId}/write-offs`), enabled: isId(instalmentId) });
export const useRequestWriteOff = () => useContractWrite((v: { instalmentId: number; body: WriteOffCreate }) => api.post<WriteOff>(`/api/instalments/${v.instalmentId}/write-offs`, v.body));

export const useAccountCredit = (accountId: number, enabled: boolean) =>
  useQuery({ queryKey: contractKeys.credit(accountId), queryFn: () => api.get<AccountCredit>(`/api/accounts/${accountId}/credit`), enabled: enabled && isId(accountId) });
export const useAccountReceipts = (accountId: number, enabled: boolean) =>
  useQuery({ queryKey: contractKeys.receipts(accountId), queryFn: () => api.get<Paged<ReceiptListItem>>('/api/receipts', { accountId, pageSize: 10, sort: '-receivedOn' }), enabled: enabled && isId(accountId) });
