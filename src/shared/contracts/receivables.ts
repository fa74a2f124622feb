import { z } from 'zod';
import { JOB_RUN_STATUSES, jobRun, latestJobRun, type JobRun, type JobRunStatus } from './jobs';
import { businessDate, isoDateTime, isoDateTimeNullable, paged } from './common';

/**
 * 应收 (DEAL-2, DEAL-3): ageing as of a date, the dunning ledger (帐款催收), collection and settlement
 * rates, the account statement (对账单) and finance's monthly reconciliation.
 *
 * A receivable is an instalment of a contract in status signed, in_progress or completed (void and
 * terminated contracts are left out). Its outstanding amount as of a date D is its amount less the live
 * allocations of confirmed receipts received on or before D and less what was written off on or
 * before D, for contracts signed on or before D. Every figure is over the contracts the caller reaches
 * with receipt:read (by the contract's owner and unit). Money is integer fen; dates 'YYYY-MM-DD'
 * (business time zone); asOf defaults to today.
 */

const id = z.coerce.number().int().positive();
/** the open derived statuses of a receivable as of a date (shared/domain/receivables.ts) */
export const RECEIVABLE_STATUSES = ['not_due', 'partly_paid', 'overdue'] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];
export const AGEING_GROUPS = ['account', 'owner', 'unit'] as const;
export type AgeingGroup = (typeof AGEING_GROUPS)[number];
export const RATE_GROUPS = ['person', 'team', 'unit'] as const;
export type RateGroup = (typeof RATE_GROUPS)[number];

// ---- settings ----

/** GET /api/receivables/settings: the ageing buckets' upper bounds in days overdue, and the four dunning levels' days overdue. */
export const receivablesSettings = z.object({
  ageing: z.object({
    /** 1–8 strictly increasing whole days ≥ 1 (default 30, 60, 90, 180: not due / 1–30 / 31–60 / 61–90 / 91–180 / >180) */
    bounds: z.array(z.number().int()),
    /** the buckets as day ranges, first '0' (not due), last '>180' */
    labels: z.array(z.string()),
    /** 0 while never saved */
    version: z.number().int(),
  }),
  dunning: z.object({
    /** days overdue of level 1 (notice to the owner), 2 (collection task), 3 (the KA director), 4 (the GM); default 1, 15, 30, 60 */
    days: z.array(z.number().int()),
    version: z.number().int(),
  }),
});
export type ReceivablesSettings = z.infer<typeof receivablesSettings>;

/** PUT /api/receivables/settings: either part or both, each with the version read (stale: 409); bad bounds or days: 400 naming the field. */
export const receivablesSettingsUpdate = z
  .object({
    ageing: z.object({ bounds: z.array(z.number().int().min(1).max(36_500)).max(20), version: z.number().int().min(0) }).optional(),
    dunning: z.object({ days: z.array(z.number().int().min(1).max(36_500)).max(20), version: z.number().int().min(0) }).optional(),
  })
  .refine((b) => b.ageing !== undefined || b.dunning !== undefined, { message: 'ageing or dunning', path: ['ageing'] });
export type ReceivablesSettingsUpdate = z.infer<typeof receivablesSettingsUpdate>;

// ---- ageing ----

/** Narrowing filters: a unit (its subtree, by the contract's unit), an owner (the contract's), an account. */
const receivableFilter = z.object({
  asOf: businessDate.optional(),
  unitId: id.optional(),
  ownerId: id.optional(),
  accountId: id.optional(),
});

export const ageingQuery = receivableFilter.extend({
  /** account (default), owner (the contract's owner), unit (the contract's unit) */
  groupBy: z.enum(AGEING_GROUPS).default('account'),
});
export type AgeingQuery = z.infer<typeof ageingQuery>;

export const ageingRow = z.object({
  /** the account's, owner's or unit's id */
  key: z.number(),
  /** the account's name, the owner's name, or the unit's path (江苏分公司 / 大客户部) */
  name: z.string(),
  /** outstanding fen per bucket, in the order of `labels` */
  buckets: z.array(z.number()),
  total: z.number(),
  /** receivables (instalments) with something outstanding */
  count: z.number(),
  /** of which overdue */
  overdue: z.number(),
});
export type AgeingRow = z.infer<typeof ageingRow>;

export const ageingReport = z.object({
  asOf: z.string(),
  groupBy: z.enum(AGEING_GROUPS),
  bounds: z.array(z.number()),
  /** the buckets as day ranges: '0' (not due), '1-30', …, '>180' */
  labels: z.array(z.string()),
  /** largest total first */
  rows: z.array(ageingRow),
  totals: ageingRow.omit({ key: true, name: true }),
});
export type AgeingReport = z.infer<typeof ageingReport>;

export const receivableListQuery = receivableFilter.extend({
  /** bucket index: 0 not due, 1 = up to the first bound, …, bounds.length + 1 above the last */
  bucket: z.coerce.number().int().min(0).max(20).optional(),
  status: z.enum(RECEIVABLE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** daysOverdue (default descending), dueDate, outstanding, amount, accountName, contractNumber; '-' for descending */
  sort: z
    .string()
    .regex(/^-?[a-zA-Z][a-zA-Z0-9]*$/)
    .optional(),
});
export type ReceivableListQuery = z.infer<typeof receivableListQuery>;

/** One receivable as of the date asked about. */
export const receivable = z.object({
  instalmentId: z.number(),
  contractId: z.number(),
  contractNumber: z.string(),
  contractStatus: z.string(),
  accountId: z.number(),
  accountName: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  seq: z.number(),
  milestone: z.string(),
  dueDate: z.string(),
  amount: z.number(),
  /** confirmed receipts allocated with a received date on or before asOf */
  paid: z.number(),
  /** written off on or before asOf */
  writtenOff: z.number(),
  outstanding: z.number(),
  daysOverdue: z.number(),
  bucket: z.number(),
  status: z.enum(RECEIVABLE_STATUSES),
  /** the highest dunning level recorded for it (0: none) */
  dunningLevel: z.number(),
});
export type Receivable = z.infer<typeof receivable>;
export const receivableList = paged(receivable).extend({ asOf: z.string(), labels: z.array(z.string()), outstanding: z.number() });
export type ReceivableList = z.infer<typeof receivableList>;

// ---- dunning ----

export const dunningListQuery = z.object({
  unitId: id.optional(),
  ownerId: id.optional(),
  accountId: id.optional(),
  /** only instalments that reached at least this level */
  level: z.coerce.number().int().min(1).max(9).optional(),
  /** open (default): still owed now; all: also those paid or written off since */
  state: z.enum(['open', 'all']).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DunningListQuery = z.infer<typeof dunningListQuery>;

export const dunningStep = z.object({
  level: z.number(),
  daysOverdue: z.number(),
  at: isoDateTime,
});
export const dunningItem = z.object({
  instalmentId: z.number(),
  contractId: z.number(),
  contractNumber: z.string(),
  accountId: z.number(),
  accountName: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitName: z.string(),
  seq: z.number(),
  dueDate: z.string(),
  amount: z.number(),
  /** as of now */
  outstanding: z.number(),
  daysOverdue: z.number(),
  level: z.number(),
  steps: z.array(dunningStep),
  /** the open collection task (帐款催收) of the owner, if any */
  task: z.object({ id: z.number(), ownerId: z.number(), ownerName: z.string(), dueAt: isoDateTimeNullable, status: z.string() }).nullable(),
});
export type DunningItem = z.infer<typeof dunningItem>;
export const dunningList = paged(dunningItem);

/** The states of a dunning run: a job of the platform queue (decision 003). */
export const DUNNING_RUN_STATUSES = JOB_RUN_STATUSES;
export type DunningRunStatus = JobRunStatus;
/**
 * POST /api/receivables/dunning/run (202): the dunning job queued now for today's business date — or the
 * one already queued or running, so many clicks at once queue one run. GET: the latest dunning job (the
 * daily one or one asked for), null before any. A job that failed and will retry is queued again with
 * its lastError; failed means it gave up.
 */
export const dunningRun = jobRun;
export type DunningRun = JobRun;
export const latestDunningRun = latestJobRun;

// ---- rates (DEAL-3) ----

/** 2026-11 (a month), 2026-Q4 (a quarter), 2026-H2 (a half year) or 2026 (a year). */
export const ratePeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'expected YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn');

export const ratesQuery = z.object({
  /** either a period or from and to (both dates, from ≤ to) */
  period: ratePeriod.optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
  /** person (the contract's owner, default), team (the contract's unit), unit (each child unit of unitId with its subtree) */
  groupBy: z.enum(RATE_GROUPS).default('person'),
  /** person and team: only contracts of this unit's subtree; unit: the unit whose children are rolled up (default the caller's) */
  unitId: id.optional(),
});
export type RatesQuery = z.infer<typeof ratesQuery>;

export const rateRow = z.object({
  key: z.number(),
  /** the person's name or the unit's path */
  name: z.string(),
  /** unit rows: the unit's own contracts, outside its children (直属) */
  direct: z.boolean(),
  /** instalments falling due in the period (fen) */
  due: z.number(),
  /** of which received by `to` through confirmed receipts */
  received: z.number(),
  /** received ÷ due; null when nothing fell due */
  collectionRate: z.number().nullable(),
  /** sales contracts whose last instalment falls due in the period */
  planned: z.number(),
  /** of which completed by `to` */
  settled: z.number(),
  /** settled ÷ planned; null when none was planned */
  settlementRate: z.number().nullable(),
});
export type RateRow = z.infer<typeof rateRow>;
export const ratesReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(RATE_GROUPS),
  rows: z.array(rateRow),
  totals: rateRow.omit({ key: true, name: true, direct: true }),
});
export type RatesReport = z.infer<typeof ratesReport>;

// ---- statement (对账单) ----

export const statementQuery = z.object({ from: businessDate, to: businessDate });
export type StatementQuery = z.infer<typeof statementQuery>;

export const STATEMENT_LINE_KINDS = ['due', 'invoice', 'receipt', 'write_off'] as const;
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number];

/**
 * One line: an instalment falling due (debit), an invoice issued (shown, no effect on the balance), a
 * confirmed receipt's allocations to the account's contracts (credit), a write-off (credit). The balance
 * is what the account owes after the line.
 */
export const statementLine = z.object({
  date: z.string(),
  kind: z.enum(STATEMENT_LINE_KINDS),
  /** the receipt's or invoice's number; the contract's for a due line or a write-off */
  ref: z.string(),
  contractId: z.number().nullable(),
  contractNumber: z.string().nullable(),
  /** the instalment's seq (due, invoice, write-off) */
  seq: z.number().nullable(),
  milestone: z.string().nullable(),
  debit: z.number(),
  credit: z.number(),
  /** invoice lines: the invoiced amount */
  invoiced: z.number(),
  balance: z.number(),
});
export type StatementLine = z.infer<typeof statementLine>;

export const statement = z.object({
  account: z.object({ id: z.number(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** owed at the end of the day before `from` */
  opening: z.number(),
  lines: z.array(statementLine),
  totals: z.object({ debit: z.number(), credit: z.number(), invoiced: z.number() }),
  /** opening + debit − credit */
  closing: z.number(),
  /** the account's confirmed receipts not yet allocated (now), the caller's receipt scope */
  credit: z.number(),
});
export type Statement = z.infer<typeof statement>;

// ---- reconciliation ----

export const reconciliationQuery = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM') });

/** GET /api/receivables/ageing/export: the grouped table and the receivables (all pages) of the same filters, one sheet each. */
export const ageingExportQuery = ageingQuery.extend({
  bucket: receivableListQuery.shape.bucket,
  status: receivableListQuery.shape.status,
});
export type AgeingExportQuery = z.infer<typeof ageingExportQuery>;
