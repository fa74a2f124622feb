import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Budget, ClaimableRecord, ControlRow, ExpenseCategories, ExpenseClaim, ExpenseClaimListItem, ExpenseLineInput, PhoneAllowanceSettings } from '../../../shared/contracts/expenses';
import { api } from '../../api/client';

/** Query keys: every expenses write invalidates `expenseKeys.all`. */
export const expenseKeys = {
  all: ['expenses'] as const,
  list: (box: string) => ['expenses', 'list', box] as const,
  claim: (id: number) => ['expenses', 'claim', id] as const,
  claimable: ['expenses', 'claimable'] as const,
  budgets: (period: string) => ['expenses', 'budgets', period] as const,
  control: (period: string) => ['expenses', 'control', period] as const,
  phone: (period: string) => ['expenses', 'phone', period] as const,
  phoneSettings: ['expenses', 'phoneSettings'] as const,
  categories: ['expenses', 'categories'] as const,
};

function useExpenseWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: expenseKeys.all }) });
}

export const useClaims = (box: 'mine' | 'finance' | 'all') => useQuery({ queryKey: expenseKeys.list(box), queryFn: () => api.get<{ items: ExpenseClaimListItem[] }>('/api/expense-claims', { box }) });
export const useClaim = (id: number | null) => useQuery({ queryKey: expenseKeys.claim(id ?? 0), queryFn: () => api.get<ExpenseClaim>(`/api/expense-claims/${id}`), enabled: id !== null });
export const useClaimable = () => useQuery({ queryKey: expenseKeys.claimable, queryFn: () => api.get<{ items: ClaimableRecord[] }>('/api/expense-claims/claimable') });
export const useSaveClaim = () =>
  useExpenseWrite((v: { id?: number; body: { title: string; lines: ExpenseLineInput[]; version?: number } }) =>
    v.id ? api.put<ExpenseClaim>(`/api/expense-claims/${v.id}`, v.body) : api.post<ExpenseClaim>('/api/expense-claims', v.body),
  );
export const useDeleteClaim = () => useExpenseWrite((v: { id: number; version: number }) => api.delete(`/api/expense-claims/${v.id}?version=${v.version}`));
export const useClaimAction = () => useExpenseWrite((v: { id: number; action: 'submit' | 'withdraw' | 'pay'; version: number }) => api.post<ExpenseClaim>(`/api/expense-claims/${v.id}/${v.action}`, { version: v.version }));

export const useBudgets = (period: string) => useQuery({ queryKey: expenseKeys.budgets(period), queryFn: () => api.get<{ items: Budget[] }>('/api/budgets', { period }) });
export const useControl = (period: string) => useQuery({ queryKey: expenseKeys.control(period), queryFn: () => api.get<{ period: string; items: ControlRow[] }>('/api/budgets/control', { period }) });
export const useSaveBudget = () =>
  useExpenseWrite((v: { id?: number; body: Record<string, unknown> }) => (v.id ? api.patch<Budget>(`/api/budgets/${v.id}`, v.body) : api.post<Budget>('/api/budgets', v.body)));

export interface PhoneAllowanceUse {
  period: string;
  limit: number;
  source: 'budget' | 'default';
  used: number;
}
export const usePhoneAllowance = (period: string | null) =>
  useQuery({ queryKey: expenseKeys.phone(period ?? ''), queryFn: () => api.get<PhoneAllowanceUse>('/api/expense-claims/phone-allowance', { period: period! }), enabled: period !== null });
export const usePhoneSettings = () => useQuery({ queryKey: expenseKeys.phoneSettings, queryFn: () => api.get<PhoneAllowanceSettings>('/api/expense-settings/phone-allowance') });
export const useSavePhoneSettings = () => useExpenseWrite((v: PhoneAllowanceSettings) => api.put<PhoneAllowanceSettings>('/api/expense-settings/phone-allowance', v));

/** 费用类别: what claim lines and budgets choose from. */
export const useExpenseCategories = () => useQuery({ queryKey: expenseKeys.categories, queryFn: () => api.get<ExpenseCategories>('/api/expense-settings/categories'), staleTime: 60_000 });
export const useSaveExpenseCategories = () => useExpenseWrite((v: { items: string[]; version: number }) => api.put<ExpenseCategories>('/api/expense-settings/categories', v));
