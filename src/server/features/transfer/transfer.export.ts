import type { Expression, SqlBool } from 'kysely';
import type { Kdb } from '../../db/client';
import { SENSITIVE_CONTACT_FIELDS } from '../../../shared/contracts/contacts';
import type { AccountExportQuery, ContactExportQuery, FileLanguage, ImportKind } from '../../../shared/contracts/transfer';
import { zoneOffsetMinutes } from '../../../shared/domain/business-time';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { accountExportBatch, accountListFilter, categoryList } from '../accounts';
import { contactExportBatch, contactListFilter, ownsAnyContactAccount, seesSensitive } from '../contacts';
import type { SheetColumn } from '../../platform/spreadsheet';
import { writtenColumns, type ColumnDef, type OutCell } from './transfer.columns';
import { sheetColumns, templateFile } from './transfer.files';
import { accountApiValues, contactApiValues } from './transfer.records';
import { accountScope, type AccountScope } from '../../platform/scope';

/**
 * Exports of the account and contact lists (ACC-6, ORG-2, ORG-4): exactly the list's filters,
 * inside the caller's scope in SQL, read in keyset batches so a 100,000-row export never sits
 * in memory, with the same columns an import reads. Trade terms only for account:trade-terms
 * holders; contacts' personal details only where the caller may see them. An export that
 * carries either is written to the audit trail with who, the filter and the row count.
 */

export const EXPORT_BATCH = 1000;

export interface ExportPlan {
  /** headers in the file's language and the kind of each column's cells */
  columns: SheetColumn[];
  sheetName: string;
  fileName: string;
  rows: AsyncGenerator<OutCell[]>;
  /** after the last row (or an aborted download): the audit record when the export held protected fields */
  finish(rows: number, complete: boolean): Promise<void>;
}

const SHEET_NAMES: Record<ImportKind, Record<FileLanguage, string>> = {
  accounts: { 'zh-CN': '客户档案', en: 'Accounts' },
  contacts: { 'zh-CN': '关键人', en: 'Contacts' },
  revenue: { 'zh-CN': '营收', en: 'Revenue' },
  contracts: { 'zh-CN': '合同', en: 'Contracts' },
  instalments: { 'zh-CN': '回款计划', en: 'Payment plans' },
  receipts: { 'zh-CN': '回款单', en: 'Receipts' },
};

/** A moment as the business wall clock shows it, 'YYYY-MM-DD HH:mm'. */
function localDateTime(at: Date | string | null, tz: string): string | null {
  if (at === null) return null;
  const d = new Date(at);
  return new Date(d.getTime() + zoneOffsetMinutes(d, tz) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

function fileName(kind: ImportKind, lang: FileLanguage, format: string, tz: string, suffix = '') {
  const day = (localDateTime(new Date(), tz) ?? '').slice(0, 10).replace(/-/g, '');
  return `${SHEET_NAMES[kind][lang]}${suffix}-${day}.${format}`;
}

/** Both scopes at once: what one may export is also what one may read. */
const both =
  (a: AccountScope, b: AccountScope): AccountScope =>
  (eb) =>
    eb.and([a(eb), b(eb)]) as Expression<SqlBool>;

const cellsOf = (columns: ColumnDef[], rec: Record<string, unknown>, lang: FileLanguage) => columns.map((c) => c.type.format(rec[c.field], lang));

async function* batches<T extends { id: number }>(next: (after: number) => Promise<T[]>): AsyncGenerator<T> {
  let after = 0;
  for (;;) {
    const rows = await next(after);
    for (const r of rows) yield r;
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

const filterOf = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'format' && k !== 'lang'));

/**
 * The export's file: headers and name in the file's language, the rows, and — when `audited`
 * says which protected fields it carries — the audit record with who, the filter and the count.
 */
function plan(
  db: Kdb,
  actor: Actor,
  kind: ImportKind,
  columns: ColumnDef[],
  q: { format: string; lang: FileLanguage },
  tz: string,
  rows: AsyncGenerator<OutCell[]>,
  audited: (() => Record<string, unknown>) | null,
): ExportPlan {
  return {
    columns: sheetColumns(columns, q.lang),
    sheetName: SHEET_NAMES[kind][q.lang],
    fileName: fileName(kind, q.lang, q.format, tz),
    rows,
    async finish(count, complete) {
      if (!audited) return;
      await audit(db, actor, { entity: 'export', entityId: kind, action: 'export', data: { filter: filterOf(q), rows: count, complete, format: q.format, ...audited() } });
    },
  };
}

export async function accountExport(db: Kdb, actor: Actor, q: AccountExportQuery, tz: string): Promise<ExportPlan> {
  const tradeTerms = can(actor, 'account:trade-terms');
  const columns = writtenColumns('accounts', { tradeTerms });
  const base = accountListFilter(actor, q);
  const filter = { ...base, scope: both(base.scope, accountScope(actor, 'account:export')) };
  async function* rows() {
    for await (const r of batches((after) => accountExportBatch(db, filter, after, EXPORT_BATCH))) {
      const rec: Record<string, unknown> = {
        ...accountApiValues(r),
        id: r.id,
        ownerUsername: r.owner_username,
        ownerName: r.owner_name,
        unitName: r.unit_name,
        parentName: r.parent_name,
        tier: r.tier,
        categories: categoryList({ premium: r.cat_premium, high_value: r.cat_high_value, group: r.cat_group, strategic: r.cat_strategic }),
        grade: r.grade,
        lifecycle: r.lifecycle,
        completeness: r.completeness,
        quadrant: r.quadrant,
        coverageScore: r.coverage_score,
        createdAt: localDateTime(r.created_at, tz),
        updatedAt: localDateTime(r.updated_at, tz),
      };
      yield cellsOf(columns, rec, q.lang);
    }
  }
  return plan(db, actor, 'accounts', columns, q, tz, rows(), tradeTerms ? () => ({ protectedFields: ['paymentTermDays', 'discountBp'] }) : null);
}

export async function contactExport(db: Kdb, actor: Actor, q: ContactExportQuery, tz: string): Promise<ExportPlan> {
  const base = contactListFilter(actor, q);
  const filter = { ...base, scope: both(base.scope, accountScope(actor, 'account:export')) };
  // the columns are there when some row may show them; rows of others' accounts leave them empty
  const sensitive = can(actor, 'contact:sensitive') || (await ownsAnyContactAccount(db, filter, actor.userId));
  const columns = writtenColumns('contacts', { sensitive });
  let shown = 0;
  async function* rows() {
    for await (const r of batches((after) => contactExportBatch(db, filter, after, EXPORT_BATCH))) {
      const rec: Record<string, unknown> = {
        ...contactApiValues(r),
        id: r.id,
        accountName: r.account_name,
        accountCreditCode: r.account_credit_code,
        support: r.support,
        closeness: r.closeness,
        expertise: r.expertise,
        stage: r.stage,
        competitorLeaning: r.competitor_leaning,
        ownerUsername: r.owner_username,
        ownerName: r.owner_name,
        status: r.status,
        leftAt: r.left_at,
        lastContactAt: localDateTime(r.last_contact_at, tz),
      };
      if (seesSensitive(actor, r.account_owner_id)) shown++;
      else for (const f of SENSITIVE_CONTACT_FIELDS) rec[f] = null;
      yield cellsOf(columns, rec, q.lang);
    }
  }
  return plan(db, actor, 'contacts', columns, q, tz, rows(), sensitive ? () => ({ protectedFields: [...SENSITIVE_CONTACT_FIELDS], rowsWithPersonalDetails: shown }) : null);
}

/** The empty file to fill in for an import of a kind; trade terms and personal details only for those who may set them. */
export async function template(actor: Actor, kind: ImportKind, format: 'xlsx' | 'csv', lang: FileLanguage, tz: string) {
  const columns = writtenColumns(kind, { template: true, tradeTerms: can(actor, 'account:trade-terms'), sensitive: true });
  return {
    content: await templateFile(format, columns, lang, SHEET_NAMES[kind][lang], tz),
    fileName: fileName(kind, lang, format, tz, lang === 'en' ? '-template' : '-导入模板'),
  };
}
