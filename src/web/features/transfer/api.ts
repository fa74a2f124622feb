import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged } from '../../../shared/contracts/common';
import {
  IMPORT_BUSY_STATUSES,
  type DuplicateAction,
  type ExportKind,
  type FileFormat,
  type FileLanguage,
  type ImportKind,
  type ImportRowStatus,
  type ImportRowsPage,
  type ImportSummary,
} from '../../../shared/contracts/transfer';
import { api, withQuery } from '../../api/client';

export const importKeys = {
  all: ['imports'] as const,
  list: () => ['imports', 'list'] as const,
  one: (id: number) => ['imports', 'one', id] as const,
  rows: (id: number, version: number, status: ImportRowStatus, page: number) => ['imports', 'rows', id, version, status, page] as const,
};

/** How often a busy import is polled for its progress. */
const POLL_MS = 1000;

export function useImport(id: number | undefined) {
  return useQuery({
    queryKey: importKeys.one(id ?? 0),
    queryFn: () => api.get<ImportSummary>(`/api/imports/${id}`),
    enabled: id !== undefined,
    // while a job works on it, ask again; a slow answer (PGlite during a commit) just delays the next one
    refetchInterval: (q) => (q.state.data && IMPORT_BUSY_STATUSES.includes(q.state.data.status) ? POLL_MS : false),
    retry: (n) => n < 30,
  });
}

export function useImportRows(summary: ImportSummary | undefined, status: ImportRowStatus, page: number, pageSize: number) {
  const ready = summary && ['validated', 'committed'].includes(summary.status);
  return useQuery({
    queryKey: importKeys.rows(summary?.id ?? 0, summary?.version ?? 0, status, page),
    queryFn: () => api.get<ImportRowsPage>(`/api/imports/${summary!.id}/rows`, { status, page, pageSize }),
    enabled: Boolean(ready),
    placeholderData: keepPreviousData,
  });
}

export function useRecentImports() {
  return useQuery({ queryKey: importKeys.list(), queryFn: () => api.get<Paged<ImportSummary>>('/api/imports', { pageSize: 5 }) });
}

/** Every write returns the import's new summary; the cache takes it so the page moves on at once. */
function useImportWrite<V>(fn: (v: V) => Promise<ImportSummary>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => {
      qc.setQueryData(importKeys.one(s.id), s);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}

export const useUpload = () =>
  useImportWrite((v: { kind: ImportKind; onDuplicate: DuplicateAction; nameThreshold: number; file: File }) =>
    api.upload<ImportSummary>(withQuery('/api/imports', { kind: v.kind, onDuplicate: v.onDuplicate, nameThreshold: v.nameThreshold }), v.file),
  );
export const useReplaceFile = () => useImportWrite((v: { id: number; version: number; file: File }) => api.upload<ImportSummary>(withQuery(`/api/imports/${v.id}/file`, { version: v.version }), v.file, 'PUT'));
export const useSetActions = () =>
  useImportWrite((v: { id: number; version: number; onDuplicate?: DuplicateAction; rows?: { rowNo: number; action: DuplicateAction | null }[] }) =>
    api.put<ImportSummary>(`/api/imports/${v.id}/actions`, { onDuplicate: v.onDuplicate, rows: v.rows ?? [], version: v.version }),
  );
export const useRevalidate = () => useImportWrite((v: { id: number; version: number }) => api.post<ImportSummary>(`/api/imports/${v.id}/validate`, { version: v.version }));
export const useCommit = () => useImportWrite((v: { id: number; version: number; skipErrorRows: boolean }) => api.post<ImportSummary>(`/api/imports/${v.id}/commit`, { version: v.version, skipErrorRows: v.skipErrorRows }));
export const useCancel = () => useImportWrite((v: { id: number; version: number }) => api.post<ImportSummary>(`/api/imports/${v.id}/cancel`, { version: v.version }));

export const templateUrl = (kind: ImportKind, format: FileFormat, lang: FileLanguage) => withQuery(`/api/import-templates/${kind}`, { format, lang });

const LIST_ONLY = ['page', 'pageSize', 'sort'];

/** The export of a list: its filters without paging and sorting (an export holds every match). */
export function exportUrl(kind: ExportKind, format: FileFormat, lang: FileLanguage, filters: Record<string, string | number | undefined>) {
  const rest = Object.fromEntries(Object.entries(filters).filter(([k]) => !LIST_ONLY.includes(k)));
  return withQuery(`/api/${kind}/export`, { ...rest, format, lang });
}
