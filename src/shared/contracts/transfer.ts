import { z } from 'zod';
import type { Permission } from '../permissions';
import { accountListQuery } from './accounts';
import { contactListQuery } from './contacts';
import { isoDateTime, isoDateTimeNullable, listQuery } from './common';

/**
 * Import and export (SPEC ACC-6).
 *
 * An import is a file (CSV or XLSX) of one kind, uploaded, checked in a dry run that reports
 * every row (ok / error with the reasons / duplicate of an existing record or an earlier row),
 * and then committed in one transaction — all of it, or, when the user says so, only the rows
 * without errors. Duplicates are skipped, update the existing record (the file's non-empty
 * values win) or merge into it (the file only fills empty fields): one default for the import,
 * overridable per row.
 */

/**
 * contracts, instalments (a contract's payment plan) and receipts (回款单 from finance) arrive from
 * the core systems (issue 14 item 9): contracts as signed / in progress / completed records, not
 * drafts; a number that exists is an error, as is a plan for a contract that has one; receipts are
 * duplicates by 银行流水号 (always skipped: a receipt is never overwritten by a file).
 */
export const IMPORT_KINDS = ['accounts', 'contacts', 'revenue', 'contracts', 'instalments', 'receipts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** What each kind writes, besides account:import itself: the server checks it, the import page offers only the kinds it allows. */
export const IMPORT_KIND_PERMISSION: Readonly<Record<ImportKind, Permission>> = {
  accounts: 'account:create',
  contacts: 'contact:write',
  revenue: 'account:update',
  contracts: 'contract:write',
  instalments: 'contract:write',
  // receipts come from finance, who may also confirm them (issue 14 item 9)
  receipts: 'receipt:confirm',
};
/** Where the records of a committed import are listed. */
export const IMPORT_KIND_LIST: Readonly<Record<ImportKind, string>> = {
  accounts: '/accounts?sort=-createdAt',
  contacts: '/contacts',
  revenue: '/accounts',
  contracts: '/contracts',
  instalments: '/contracts',
  receipts: '/receipts',
};
export const EXPORT_KINDS = ['accounts', 'contacts'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** uploaded → validating → validated → committing → committed; failed and cancelled end a run. */
export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** Statuses in which a background job is working on the import: poll until it leaves them. */
export const IMPORT_BUSY_STATUSES: readonly ImportStatus[] = ['uploaded', 'validating', 'committing'];

export const DUPLICATE_ACTIONS = ['skip', 'update', 'merge'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

export const IMPORT_ROW_STATUSES = ['ok', 'error', 'duplicate'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** How a duplicate was found: same credit code, similar name, same person at the account, same account and year, same bank reference. */
export const MATCH_BY = ['creditCode', 'name', 'contact', 'revenue', 'bankRef'] as const;
export type MatchBy = (typeof MATCH_BY)[number];

export const FILE_FORMATS = ['xlsx', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/** Language of the header row and of the labels in a written file; any of them is read back. */
export const FILE_LANGUAGES = ['zh-CN', 'en'] as const;
export type FileLanguage = (typeof FILE_LANGUAGES)[number];

/** Upload limit: a 100,000-row account file is about 30 MB as CSV. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
/** pg_trgm similarity of the normalised names above which two accounts count as the same. */
export const DEFAULT_NAME_THRESHOLD = 0.5;
export const MIN_NAME_THRESHOLD = 0.3;

export const importOptions = z.object({
  onDuplicate: z.enum(DUPLICATE_ACTIONS).default('skip'),
  nameThreshold: z.coerce.number().min(MIN_NAME_THRESHOLD).max(1).default(DEFAULT_NAME_THRESHOLD),
});
export type ImportOptions = z.infer<typeof importOptions>;

/** Query of POST /api/imports (the file itself is the multipart body). */
export const importCreateQuery = importOptions.extend({ kind: z.enum(IMPORT_KINDS) });
export type ImportCreateQuery = z.infer<typeof importCreateQuery>;

/** Query of PUT /api/imports/:id/file: the version the user saw, so a replaced file cannot be replaced blindly. */
export const importReplaceQuery = z.object({ version: z.coerce.number().int().positive() });

/** One reason a row cannot be imported; `key` names an entry of the errors locale namespace. */
export const importIssue = z.object({
  /** the API field name, or '' for the whole row */
  field: z.string(),
  /** the header of the file's column, when the problem sits in one */
  column: z.string().nullable(),
  key: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  /** the cell as read (shortened) */
  value: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importMatch = z.object({
  /** an existing record, or an earlier row of the same file */
  source: z.enum(['db', 'file']),
  by: z.enum(MATCH_BY),
  /** the existing record (account, contact) — null when it is an earlier row */
  id: z.number().nullable(),
  /** the account to link to */
  accountId: z.number().nullable(),
  name: z.string(),
  /** the earlier row of the file */
  row: z.number().nullable(),
  /** pg_trgm similarity for a name match */
  similarity: z.number().nullable(),
});
export type ImportMatch = z.infer<typeof importMatch>;

const counts = z.object({ total: z.number().int(), ok: z.number().int(), error: z.number().int(), duplicate: z.number().int() });
const failure = z.object({ key: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()).optional() });
export type ImportFailure = z.infer<typeof failure>;
export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** duplicates left alone (skip, or nothing to change) */
  skipped: z.number().int(),
  /** rows with errors that were left out */
  excluded: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;
export const importColumns = z.object({
  recognised: z.array(z.object({ header: z.string(), field: z.string() })),
  /** headers no column of this kind answers to, and columns that are only written by an export */
  ignored: z.array(z.string()),
});
export type ImportColumns = z.infer<typeof importColumns>;

export const importSummary = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  fileFormat: z.enum(FILE_FORMATS),
  fileSize: z.number(),
  options: importOptions,
  /** 'reading' | 'committing' | 'classifying' while busy */
  phase: z.string().nullable(),
  progress: z.number().int(),
  counts,
  columns: importColumns.nullable(),
  result: importResult.nullable(),
  error: failure.nullable(),
  version: z.number(),
  createdBy: z.number(),
  createdByName: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  validatedAt: isoDateTimeNullable,
  committedAt: isoDateTimeNullable,
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importRow = z.object({
  rowNo: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  errors: z.array(importIssue),
  /** the row's values under their API names, as they would be saved */
  values: z.record(z.string(), z.unknown()),
  match: importMatch.nullable(),
  /** the user's choice for this duplicate, null = the import's default */
  action: z.enum(DUPLICATE_ACTIONS).nullable(),
  /** what the commit does with this duplicate */
  effectiveAction: z.enum(DUPLICATE_ACTIONS).nullable(),
  /** after the commit: the record created or changed */
  recordId: z.number().nullable(),
  /** the account of that record, to link to */
  accountId: z.number().nullable(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importRowsQuery = listQuery.omit({ q: true, sort: true }).extend({
  status: z.enum(IMPORT_ROW_STATUSES).optional(),
});
export type ImportRowsQuery = z.infer<typeof importRowsQuery>;

export const importListQuery = listQuery.omit({ q: true, sort: true });

/** Choices for duplicates: a new default and/or per-row overrides (null = back to the default). */
export const importActions = z.object({
  onDuplicate: z.enum(DUPLICATE_ACTIONS).optional(),
  rows: z
    .array(z.object({ rowNo: z.number().int().positive(), action: z.enum(DUPLICATE_ACTIONS).nullable() }))
    .max(5000)
    .default([]),
  version: z.number().int().positive(),
});
export type ImportActions = z.input<typeof importActions>;

/**
 * Commit the validated import. Rows with errors block the commit unless `skipErrorRows` says to
 * import only the good rows; the left-out rows stay in the report to be fixed and imported later.
 */
export const importCommit = z.object({
  version: z.number().int().positive(),
  skipErrorRows: z.boolean().default(false),
});
export type ImportCommit = z.input<typeof importCommit>;

/** Run the dry run again on the same file, optionally with another name threshold. */
export const importRevalidate = z.object({
  version: z.number().int().positive(),
  nameThreshold: z.number().min(MIN_NAME_THRESHOLD).max(1).optional(),
});
export const importCancel = z.object({ version: z.number().int().positive() });

/** The report page: rows, and the default the duplicates follow. */
export const importRowsPage = z.object({
  items: z.array(importRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  onDuplicate: z.enum(DUPLICATE_ACTIONS),
});
export type ImportRowsPage = z.infer<typeof importRowsPage>;

export const fileQuery = z.object({
  format: z.enum(FILE_FORMATS).default('xlsx'),
  lang: z.enum(FILE_LANGUAGES).default('zh-CN'),
});
export const templateParams = z.object({ kind: z.enum(IMPORT_KINDS) });

/** GET /api/accounts/export: the account list's filters and search (no paging: every match). */
export const accountExportQuery = accountListQuery.omit({ page: true, pageSize: true, sort: true }).extend(fileQuery.shape);
export type AccountExportQuery = z.infer<typeof accountExportQuery>;
/** GET /api/contacts/export: the contact list's filters and search. */
export const contactExportQuery = contactListQuery.omit({ page: true, pageSize: true, sort: true }).extend(fileQuery.shape);
export type ContactExportQuery = z.infer<typeof contactExportQuery>;
