import { accountCreate, revenueRow } from '../../../shared/contracts/accounts';
import { contactCreate } from '../../../shared/contracts/contacts';
import { contractCreate, instalmentInput } from '../../../shared/contracts/contracts';
import { receiptFields } from '../../../shared/contracts/collections';
import { businessDate } from '../../../shared/contracts/common';
import type { DuplicateAction, ImportIssue, ImportKind } from '../../../shared/contracts/transfer';
import { isValidCreditCode, normalizeCreditCode } from '../../../shared/domain/credit-code';
import { issue, type FieldIssue } from '../../../shared/errors';
import { zodIssueParams } from '../../platform/http';
import { creditCodeIssue } from '../accounts';
import { z } from 'zod';
import { cellText, IMPORTED_CONTRACT_STATUSES, type Cell, type CellProblem, type ColumnMapping } from './transfer.columns';

/**
 * The pure part of an import: reading a row through the column definitions, validating it with
 * the API's own contracts, the name key for "similar name" duplicates, and what a duplicate
 * action makes of an existing record.
 */

/**
 * The contracts a row must satisfy, as the API would check a create. References (owner, account)
 * are names in a file and ids in the API, so they are resolved against the database instead.
 */
export const ROW_SCHEMAS = {
  accounts: accountCreate.omit({ ownerId: true, unitId: true, parentId: true }),
  contacts: contactCreate.omit({ accountId: true, reportsToId: true, assistantOfId: true, ownerId: true }),
  revenue: revenueRow.omit({ source: true }),
  // a contract from the core system: its own number, signed on a date, in the state it is in
  contracts: contractCreate
    .pick({ kind: true, title: true, amount: true, startDate: true, endDate: true, paymentTerms: true, note: true })
    .extend({ number: z.string().trim().min(1).max(60), signDate: businessDate, status: z.enum(IMPORTED_CONTRACT_STATUSES).default('signed') }),
  instalments: instalmentInput.extend({ contractNumber: z.string().trim().min(1).max(60), seq: z.number().int().positive().max(120) }),
  receipts: receiptFields.omit({ accountId: true }).extend({ confirmed: z.boolean().optional() }),
} as const;

/** Fields that name something to look up rather than carry a value of the record. */
const REFERENCE_FIELDS = ['ownerUsername', 'owner', 'accountName', 'accountCreditCode', 'parentNumber', 'contractNumber'] as const;

/** The kinds whose rows name their account (by credit code or exact name). */
const ACCOUNT_REFERENCING: readonly ImportKind[] = ['contacts', 'revenue', 'contracts', 'receipts'];
/** The kinds whose one 客户 column holds either the account's credit code or its name. */
const CODE_OR_NAME: readonly ImportKind[] = ['contracts', 'receipts'];

/** Twin of the SQL function tm_account_name_key (migration 0010): legal-form words, spaces and punctuation removed. */
const PUNCTUATION = /[ \t\n\v\f\r()[\]{}<>【】《》〈〉「」『』·•.,，。、;；:：!！?？'"“”‘’/\\|&+_~-]/g;
const LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|责任公司|股份公司|股份|公司)/g;
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(PUNCTUATION, '')
    .replace(LEGAL_FORMS, '');
}

/** A row with no cell filled is not a row (spreadsheets end with many of them). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c) === undefined);
}

const VALUE_PREVIEW = 100;
const preview = (cell: Cell) => {
  const s = cellText(cell);
  return s === undefined ? null : s.length > VALUE_PREVIEW ? `${s.slice(0, VALUE_PREVIEW)}…` : s;
};

/** A problem of the row as the report stores it. */
export function rowIssue(i: FieldIssue, column: string | null, value: string | null): ImportIssue {
  return { field: i.path, column, key: i.key ?? 'validation.custom', message: i.message, ...(i.params && { params: i.params }), value };
}

const problemIssue = (field: string, p: CellProblem) => issue(field, p.key, p.message, p.params);

export interface CheckedRow {
  /** the values the file gave, normalised as the API stores them; empty cells are absent */
  values: Record<string, unknown>;
  issues: ImportIssue[];
}

/**
 * Reads one row through the column mapping and validates it with the kind's contract. A cell
 * that cannot be read is one issue; the contract then judges the rest. Only the fields the file
 * filled are kept, so an update never blanks what the file left empty, and a create gets the
 * database defaults for the others.
 */
export function checkRow(kind: ImportKind, mapping: ColumnMapping, cells: readonly Cell[]): CheckedRow {
  const read: Record<string, unknown> = {};
  const found: ImportIssue[] = [];
  const columnOf = new Map<string, { header: string; cell: Cell }>();
  const failed = new Set<string>();
  for (const [index, { def, header }] of mapping.byIndex) {
    const cell = cells[index];
    columnOf.set(def.field, { header, cell });
    const r = def.type.parse(cell);
    if (!r.ok) {
      found.push(rowIssue(problemIssue(def.field, r.problem), header, preview(cell)));
      failed.add(def.field);
    } else if (r.value !== undefined) read[def.field] = r.value;
    if (def.required && r.ok && r.value === undefined) {
      found.push(rowIssue(issue(def.field, 'transfer.required', 'This column must be filled'), header, null));
      failed.add(def.field);
    }
  }
  const at = (field: string) => columnOf.get(field);
  // 客户 holding a valid credit code names the account by it
  if (CODE_OR_NAME.includes(kind) && read.accountCreditCode === undefined && typeof read.accountName === 'string' && isValidCreditCode(normalizeCreditCode(read.accountName))) {
    read.accountCreditCode = read.accountName;
    delete read.accountName;
    const c = columnOf.get('accountName');
    if (c) columnOf.set('accountCreditCode', c);
  }

  const parsed = ROW_SCHEMAS[kind].safeParse(read);
  let values: Record<string, unknown> = read;
  if (parsed.success) {
    const data = parsed.data as Record<string, unknown>;
    values = {};
    for (const k of Object.keys(read)) values[k] = k in data ? data[k] : read[k];
  } else {
    for (const zi of parsed.error.issues) {
      const field = String(zi.path[0] ?? '');
      if (failed.has(field)) continue;
      failed.add(field);
      const params = zodIssueParams(zi.code, zi);
      const c = at(field);
      found.push(rowIssue(issue(field, `validation.${zi.code}`, zi.message, params), c?.header ?? null, c ? preview(c.cell) : null));
    }
  }

  // The check digit (GB 32100-2015), for an account's own code and for a code that names an account.
  for (const field of ['creditCode', 'accountCreditCode']) {
    const v = values[field];
    if (typeof v !== 'string' || failed.has(field)) continue;
    const code = normalizeCreditCode(v);
    values[field] = code;
    const problem = creditCodeIssue(code, field);
    if (problem) found.push(rowIssue(problem, at(field)?.header ?? null, preview(at(field)?.cell)));
  }
  if (ACCOUNT_REFERENCING.includes(kind) && values.accountName === undefined && values.accountCreditCode === undefined) {
    found.push(rowIssue(issue('accountName', 'transfer.accountRequired', 'Name the account by its credit code or its name'), null, null));
  }
  if (kind === 'contracts' && typeof values.startDate === 'string' && typeof values.endDate === 'string' && !failed.has('endDate') && values.endDate < values.startDate) {
    found.push(rowIssue(issue('endDate', 'transfer.endBeforeStart', 'The end date is before the start date'), at('endDate')?.header ?? null, preview(at('endDate')?.cell)));
  }
  return { values, issues: found };
}

/** The fields of a row that describe the record itself (not references). */
export function recordValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!(REFERENCE_FIELDS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * What a duplicate does to the existing record's values (API field names), limited to `fields`:
 * update — every value the file gives replaces the stored one; merge — the file's values only
 * fill fields that are empty; skip — nothing. Returns only the fields that change.
 */
export function duplicateChanges(existing: Record<string, unknown>, incoming: Record<string, unknown>, action: DuplicateAction, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (action === 'skip') return out;
  for (const f of fields) {
    const v = incoming[f];
    if (v === undefined) continue;
    if (action === 'merge' && !isEmpty(existing[f])) continue;
    if (JSON.stringify(existing[f] ?? null) !== JSON.stringify(v)) out[f] = v;
  }
  return out;
}

/** The action the commit takes on a duplicate: the row's own choice, else the import's default. */
export function effectiveAction(action: DuplicateAction | null, fallback: DuplicateAction): DuplicateAction {
  return action ?? fallback;
}

/** Which way a file's text is encoded: a BOM decides; else valid UTF-8; else GB18030 (Excel in China saves GBK). */
export function detectEncoding(head: Uint8Array, wholeIsUtf8: boolean): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: wholeIsUtf8 ? 'utf-8' : 'gb18030', bom: 0 };
}

/** The delimiter of a CSV header line: the most frequent of comma, tab and semicolon outside quotes. */
export function detectDelimiter(firstLine: string): ',' | '\t' | ';' {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const [best] = ([',', '\t', ';'] as const).map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}
