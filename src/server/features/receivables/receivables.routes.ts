import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common';
import {
  ageingExportQuery,
  ageingQuery,
  ageingReport,
  dunningList,
  dunningListQuery,
  dunningRun,
  latestDunningRun,
  ratesQuery,
  ratesReport,
  receivableList,
  receivableListQuery,
  receivablesSettings,
  receivablesSettingsUpdate,
  reconciliationQuery,
  statement,
  statementQuery,
  type AgeingReport,
  type Receivable,
} from '../../../shared/contracts/receivables';
import receivablesZh from '../../../shared/locales/zh-CN/receivables.json';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { latestRun, queueScheduledRun } from '../../platform/jobs/run-now';
import { interpolate } from '../../platform/notifications/email';
import { xlsxBook, type SheetColumn, type SheetKind, type SheetRows } from '../../platform/spreadsheet';
import * as service from './receivables.service';

export const DUNNING_JOB = 'receivables.dunning';
/** Before the working day, after the nightly recompute and the visit check (06:30). */
export const DUNNING_AT = '08:30';

export function registerReceivablesJobs(p: Platform) {
  p.jobs.schedule(DUNNING_JOB, { dailyAt: DUNNING_AT, timeZone: p.config.BUSINESS_TZ }, async () => {
    await service.runDunning(p.db, service.todayIn(p.config.BUSINESS_TZ), p.notifier, { timeZone: p.config.BUSINESS_TZ });
  });
}

/** The workbooks are for finance and directors in the business language: their words come from the zh-CN resources. */
const X = receivablesZh.export;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const yuan = (fen: number) => fen / 100;
const columns = (headers: readonly string[], kinds: readonly SheetKind[]): SheetColumn[] => headers.map((header, i) => ({ header, kind: kinds[i]! }));
const bucketHeader = (label: string) => (label === '0' ? X.notDue : interpolate(X.days, { range: label }));

function sendXlsx(reply: FastifyReply, name: string, buf: Buffer) {
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(buf);
}

function ageingSheet(report: AgeingReport): { columns: SheetColumn[]; rows: SheetRows } {
  const cols = [X.ageingColumns[report.groupBy], ...report.labels.map(bucketHeader), X.ageingColumns.count, X.ageingColumns.total];
  const kinds: SheetKind[] = ['text', ...report.labels.map((): SheetKind => 'money'), 'number', 'money'];
  const line = (name: string, r: { buckets: number[]; count: number; total: number }) => [name, ...r.buckets.map(yuan), r.count, yuan(r.total)];
  return { columns: columns(cols, kinds), rows: [...report.rows.map((r) => ({ values: line(r.name, r) })), { values: line(X.total, report.totals), style: { bold: true } }] };
}

const RECEIVABLE_KINDS: SheetKind[] = ['text', 'text', 'text', 'text', 'number', 'text', 'date', 'money', 'money', 'money', 'money', 'number', 'text', 'text', 'number'];
function receivableSheet(items: Receivable[], labels: string[]): { columns: SheetColumn[]; rows: SheetRows } {
  const statuses = receivablesZh.statuses as Record<string, string>;
  return {
    columns: columns(X.receivableColumns, RECEIVABLE_KINDS),
    rows: items.map((r) => ({
      values: [r.contractNumber, r.accountName, r.ownerName, r.unitName, r.seq, r.milestone, r.dueDate, yuan(r.amount), yuan(r.paid), yuan(r.writtenOff), yuan(r.outstanding), r.daysOverdue, bucketHeader(labels[r.bucket] ?? ''), statuses[r.status] ?? r.status, r.dunningLevel],
    })),
  };
}

/** 应收 (DEAL-2, DEAL-3): ageing, dunning, rates, statements, the monthly reconciliation. */
export async function receivablesRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tz = p.config.BUSINESS_TZ;
  const today = () => service.todayIn(tz);
  const tags = ['receivables'];
  const read = { access: 'receipt:read' as const };
  const scopeNote = 'Receivables are the instalments of signed, in-progress and completed contracts (void and terminated contracts are left out), over the contracts the caller reaches with receipt:read (by the contract’s owner and unit).';

  app.get('/api/receivables/settings', {
    config: read,
    schema: { tags, summary: 'The ageing buckets (upper bounds in days overdue, with their labels) and the days overdue of the four dunning levels, each with its version', response: { 200: receivablesSettings } },
  }, async () => service.getSettings(db));

  app.put('/api/receivables/settings', {
    config: { access: 'contract:manage' },
    schema: { tags, summary: 'Save the ageing bounds (1–8, increasing) and/or the four dunning days (increasing); each part with the version read (409 when stale), audited', body: receivablesSettingsUpdate, response: { 200: receivablesSettings } },
  }, async (req) => service.putSettings(db, actorOf(req), req.body));

  app.get('/api/receivables/ageing', {
    config: read,
    schema: { tags, summary: `Receivable ageing as of a date (default today) per account, owner or unit, outstanding per bucket. ${scopeNote}`, querystring: ageingQuery, response: { 200: ageingReport } },
  }, async (req) => service.ageing(db, actorOf(req), req.query, today()));

  app.get('/api/receivables/ageing/export', {
    config: read,
    schema: { tags, summary: `XLSX: the ageing table (sheet 1) and the receivables behind it (sheet 2) as of a date. ${scopeNote}`, querystring: ageingExportQuery, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const report = await service.ageing(db, actor, req.query, today());
    const items = await service.allReceivables(db, actor, { ...req.query, asOf: report.asOf }, today());
    const buf = await xlsxBook([
      { sheetName: interpolate(X.ageingSheet, { asOf: report.asOf }), timeZone: tz, ...ageingSheet(report) },
      { sheetName: interpolate(X.receivablesSheet, { asOf: report.asOf }), timeZone: tz, ...receivableSheet(items, report.labels) },
    ]);
    return sendXlsx(reply, `ageing-${report.asOf}`, buf);
  });

  app.get('/api/receivables/instalments', {
    config: read,
    schema: { tags, summary: `The receivables with something outstanding as of a date: an ageing cell's drill-down (bucket, status, account, owner, unit), paged and sorted. ${scopeNote}`, querystring: receivableListQuery, response: { 200: receivableList } },
  }, async (req) => service.receivables(db, actorOf(req), req.query, today()));

  app.get('/api/receivables/dunning', {
    config: read,
    schema: { tags, summary: `帐款催收: instalments with the dunning levels they reached (still owed, or all) and the open collection task. ${scopeNote}`, querystring: dunningListQuery, response: { 200: dunningList } },
  }, async (req) => service.dunningList(db, actorOf(req), req.query, today()));

  app.post('/api/receivables/dunning/run', {
    config: { access: 'receivable:dunning' },
    schema: {
      tags,
      summary: '立即运行催收: queue the daily dunning job now, as of today (notices and collection tasks, each level once per instalment). While a run is queued or running, no second one is queued: 202 with that run.',
      response: { 202: dunningRun },
    },
  }, async (req, reply) => {
    return reply.code(202).send(await queueScheduledRun(db, p.jobs, actorOf(req), DUNNING_JOB));
  });

  app.get('/api/receivables/dunning/run', {
    config: { access: 'receivable:dunning' },
    schema: { tags, summary: 'The latest dunning run (the daily one or one asked for): queued, running, done or failed, with its last error; null before any', response: { 200: latestDunningRun } },
  }, async () => latestRun(db, DUNNING_JOB));

  app.get('/api/receivables/rates', {
    config: read,
    schema: {
      tags,
      summary: `Collection rate (received ÷ due: instalments falling due in the period, live allocations of confirmed receipts received by its end) and settlement rate (sales contracts whose last instalment falls due in the period, completed by its end) per person, team or unit. ${scopeNote}`,
      querystring: ratesQuery,
      response: { 200: ratesReport },
    },
  }, async (req) => service.collectionRates(db, actorOf(req), req.query, tz));

  app.get('/api/accounts/:id/statement', {
    config: read,
    schema: { tags, summary: `对账单: opening balance, the entries in date order with the running balance (dues, invoices, receipts, write-offs), closing balance and the unallocated credit. ${scopeNote}`, params: idParam, querystring: statementQuery, response: { 200: statement } },
  }, async (req) => service.statement(db, actorOf(req), req.params.id, req.query));

  app.get('/api/accounts/:id/statement/export', {
    config: read,
    schema: { tags, summary: 'XLSX of the account statement', params: idParam, querystring: statementQuery, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const s = await service.statement(db, actorOf(req), req.params.id, req.query);
    const kinds = receivablesZh.lineKinds as Record<string, string>;
    const blank = (label: string, balance: number) => ({ values: [null, label, null, null, null, null, null, null, null, yuan(balance)], style: { bold: true } });
    const buf = await xlsxBook([
      {
        sheetName: X.statementSheet,
        timeZone: tz,
        columns: columns(X.statementColumns, ['date', 'text', 'text', 'text', 'number', 'text', 'money', 'money', 'money', 'money']),
        rows: [
          { values: [interpolate(X.statementTitle, { account: s.account.name, from: s.from, to: s.to })], style: { bold: true } },
          blank(X.opening, s.opening),
          ...s.lines.map((l) => ({ values: [l.date, kinds[l.kind] ?? l.kind, l.ref, l.contractNumber, l.seq, l.milestone, l.debit ? yuan(l.debit) : null, l.credit ? yuan(l.credit) : null, l.invoiced ? yuan(l.invoiced) : null, yuan(l.balance)] })),
          { values: [null, X.closing, null, null, null, null, yuan(s.totals.debit), yuan(s.totals.credit), yuan(s.totals.invoiced), yuan(s.closing)], style: { bold: true } },
          blank(X.credit, s.credit),
        ],
      },
    ]);
    return sendXlsx(reply, `statement-${s.account.id}-${s.from}-${s.to}`, buf);
  });

  app.get('/api/receivables/reconciliation', {
    config: { access: 'receipt:confirm' },
    schema: { tags, summary: "XLSX for finance's month: confirmed receipts received in the month with their allocations, the unallocated credit at month end, the instalments falling due in the month with paid and outstanding", querystring: reconciliationQuery, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const { period } = req.query;
    const r = await service.reconciliation(db, actorOf(req), period, tz);
    const methods = X.methods as Record<string, string>;
    const buf = await xlsxBook([
      {
        sheetName: interpolate(X.receiptsSheet, { period }),
        timeZone: tz,
        columns: columns(X.receiptsColumns, ['text', 'text', 'date', 'text', 'text', 'money', 'text', 'number', 'money']),
        rows: r.receipts.map((x) => ({ values: [x.number, x.bank_ref, x.received_on, x.account_name, methods[x.method] ?? x.method, yuan(Number(x.amount)), x.contract_number, x.seq, x.allocated === null ? null : yuan(Number(x.allocated))] })),
      },
      {
        sheetName: interpolate(X.creditSheet, { period }),
        timeZone: tz,
        columns: columns(X.creditColumns, ['text', 'text', 'date', 'text', 'money', 'money', 'money']),
        rows: r.credit.map((x) => ({ values: [x.number, x.bank_ref, x.received_on, x.account_name, yuan(Number(x.amount)), yuan(Number(x.allocated)), yuan(Number(x.amount) - Number(x.allocated))] })),
      },
      {
        sheetName: interpolate(X.dueSheet, { period }),
        timeZone: tz,
        columns: columns(X.dueColumns, ['text', 'text', 'number', 'text', 'date', 'money', 'money', 'money', 'money']),
        rows: r.due.map((x) => {
          const [amount, paid, wo] = [Number(x.amount), Number(x.paid), Number(x.written_off)];
          return { values: [x.contract_number, x.account_name, x.seq, x.milestone, x.due_date, yuan(amount), yuan(paid), yuan(wo), yuan(Math.max(0, amount - paid - wo))] };
        }),
      },
    ]);
    return sendXlsx(reply, `reconciliation-${period}`, buf);
  });
}
