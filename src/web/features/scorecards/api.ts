import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  attendanceImported,
  AttendanceMonth,
  RuleSet,
  ScorecardDetail,
  ScorecardKind,
  scorecardOpened,
  ScorecardPage,
  ScorecardStatus,
  scorecardSettings,
  ScorecardTrend,
} from '../../../shared/contracts/scorecards';
import { api, isId, withQuery } from '../../api/client';

export type ScorecardOpened = z.infer<typeof scorecardOpened>;
export type AttendanceImported = z.infer<typeof attendanceImported>;
export type ScorecardSettings = z.infer<typeof scorecardSettings>;
export type AttendanceRowData = AttendanceMonth['items'][number];

/** Query keys: every write invalidates `scorecardKeys.all` (a card written is put in place from the answer first). */
export const scorecardKeys = {
  all: ['scorecards'] as const,
  list: (q: ScorecardListQuery) => ['scorecards', 'list', q] as const,
  detail: (id: number) => ['scorecards', 'detail', id] as const,
  trend: (userId: number, kind: ScorecardKind) => ['scorecards', 'trend', userId, kind] as const,
  attendance: (q: AttendanceQuery) => ['scorecards', 'attendance', q] as const,
  settings: ['scorecards', 'settings'] as const,
};

/** The ranking's query: one period and kind, a unit's subtree (none: everything in scope), a status, the sort. */
export interface ScorecardListQuery {
  period: string;
  kind: ScorecardKind;
  unitId?: number;
  status?: ScorecardStatus;
  sort?: string;
}

export interface AttendanceQuery {
  month: string;
  unitId?: number;
}

/** A write that answers with the card as it now is: the card's page shows it at once, the lists and trends refresh. */
function useCardWrite<V>(fn: (v: V) => Promise<ScorecardDetail>, opts: { approvals?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (card) => {
      qc.setQueryData(scorecardKeys.detail(card.id), card);
      void qc.invalidateQueries({ queryKey: scorecardKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== card.id });
      if (opts.approvals) void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

/** GET /api/scorecards — the ranking of one period and kind in the caller's scope (a unit's subtree when given). */
export const useScorecards = (q: ScorecardListQuery) =>
  useQuery({ queryKey: scorecardKeys.list(q), queryFn: () => api.get<ScorecardPage>('/api/scorecards', { ...q }), placeholderData: keepPreviousData });

/** POST /api/scorecards/open — 发起考核: a card for everyone of the unit's subtree who has none for the period. */
export function useOpenScorecards() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: string; unitId?: number }) => api.post<ScorecardOpened>('/api/scorecards/open', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: scorecardKeys.all }),
  });
}

/** GET /api/scorecards/:id */
export const useScorecard = (id: number) => useQuery({ queryKey: scorecardKeys.detail(id), queryFn: () => api.get<ScorecardDetail>(`/api/scorecards/${id}`), enabled: isId(id) });

/** POST /api/scorecards/:id/refresh — 刷新自动项: the computed items again from the KPI library and attendance. */
export const useRefreshScorecard = () => useCardWrite((v: { id: number; version: number }) => api.post<ScorecardDetail>(`/api/scorecards/${v.id}/refresh`, { version: v.version }));

export interface ItemEntry {
  key: string;
  value: number | null;
  comment?: string | null;
}
/** PUT /api/scorecards/:id/items — 保存评分: the evaluator's items. */
export const useSaveItems = () => useCardWrite((v: { id: number; version: number; items: ItemEntry[] }) => api.put<ScorecardDetail>(`/api/scorecards/${v.id}/items`, { version: v.version, items: v.items }));

/** POST /api/scorecards/:id/advance — the next step, with an optional comment. */
export const useAdvanceScorecard = () =>
  useCardWrite((v: { id: number; version: number; comment?: string }) => api.post<ScorecardDetail>(`/api/scorecards/${v.id}/advance`, { version: v.version, comment: v.comment || undefined }));

/** POST /api/scorecards/:id/return — 退回 one step, with the reason. */
export const useReturnScorecard = () => useCardWrite((v: { id: number; version: number; reason: string }) => api.post<ScorecardDetail>(`/api/scorecards/${v.id}/return`, { version: v.version, reason: v.reason }));

/** GET /api/scorecards/trend — a person's last 12 cards of a kind. */
export const useScorecardTrend = (userId: number | undefined, kind: ScorecardKind | undefined) =>
  useQuery({
    queryKey: scorecardKeys.trend(userId ?? 0, kind ?? 'account_manager'),
    queryFn: () => api.get<ScorecardTrend>('/api/scorecards/trend', { userId, kind }),
    enabled: isId(userId) && kind !== undefined,
  });

/** GET /api/scorecards/payroll.xlsx — 导出工资表: the locked cards of the period in scope, downloaded by the browser. */
export const payrollHref = (period: string, unitId?: number) => withQuery('/api/scorecards/payroll.xlsx', { period, unitId });

/** GET /api/scorecards/attendance — a month's late times and absent days of the people in scope. */
export const useAttendance = (q: AttendanceQuery) =>
  useQuery({ queryKey: scorecardKeys.attendance(q), queryFn: () => api.get<AttendanceMonth>('/api/scorecards/attendance', { ...q }), placeholderData: keepPreviousData });

export interface AttendanceEntry {
  userId: number;
  lateTimes: number;
  absentDays: number;
}
/** PUT /api/scorecards/attendance — the rows entered by hand. */
export function useSaveAttendance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; rows: AttendanceEntry[] }) => api.put<AttendanceMonth>('/api/scorecards/attendance', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: scorecardKeys.all }),
  });
}

/** POST /api/scorecards/attendance/import — a 钉钉 / 企业微信 export (CSV or XLSX) as base64. */
export function useImportAttendance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; fileName: string; contentBase64: string }) => api.post<AttendanceImported>('/api/scorecards/attendance/import', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: scorecardKeys.all }),
  });
}

/** GET /api/scorecards/settings — the rule sets now in force (scorecard:configure). */
export const useScorecardSettings = () => useQuery({ queryKey: scorecardKeys.settings, queryFn: () => api.get<ScorecardSettings>('/api/scorecards/settings') });

/** PUT /api/scorecards/settings — all three rule sets at once, with the version read. */
export function useSaveScorecardSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ruleSets: RuleSet[]; version: number }) => api.put<ScorecardSettings>('/api/scorecards/settings', body),
    onSuccess: (data) => {
      qc.setQueryData(scorecardKeys.settings, data);
      void qc.invalidateQueries({ queryKey: scorecardKeys.all, predicate: (q) => q.queryKey[1] !== 'settings' });
    },
  });
}

/** POST /api/scorecards/:id/reopen — 申请重新打开 a locked card, with the reason; the reopening goes for approval. */
export const useReopenScorecard = () =>
  useCardWrite((v: { id: number; version: number; reason: string }) => api.post<ScorecardDetail>(`/api/scorecards/${v.id}/reopen`, { version: v.version, reason: v.reason }), { approvals: true });

/** POST /api/scorecard-reopenings/:id/withdraw — its requester takes a waiting reopening back. */
export const useWithdrawReopening = () => useCardWrite((v: { reopeningId: number }) => api.post<ScorecardDetail>(`/api/scorecard-reopenings/${v.reopeningId}/withdraw`, {}), { approvals: true });

/** GET /api/scorecard-reopenings/:id — the card a reopening belongs to (where its approval links). */
export const useReopening = (id: number) =>
  useQuery({ queryKey: ['scorecards', 'reopening', id], queryFn: () => api.get<{ cardId: number }>(`/api/scorecard-reopenings/${id}`), enabled: isId(id) });
