import { z } from 'zod';
import { INSTALMENT_STATUSES } from '../domain/receivables';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, listQuery, paged, versionBody } from './common';

/**
 * 合同 (SPEC DEAL-1, DEAL-2 plan; issue 14 items 1, 2, 6, 8). Kinds: framework 战略合作协议 (amount = the
 * committed value, start/end = its validity, no instalments; fulfilled/remaining roll up from the sales
 * contracts under it), sales 销售合同 (optionally under a signed/in-progress framework of the same account),
 * supplement 补充协议 (under a signed/in-progress sales contract; revision 1, 2, … under its parent; amount =
 * the value it adds, with its own instalments when > 0). A signed contract is never edited in place.
 *
 * States: draft → pending (submit; approval doc type `contract`) → signed (approved) → in_progress →
 * completed | terminated (reason) | void (reason, only while nothing was received). A rejected or
 * returned approval → rejected (editable, resubmittable); a withdrawn one → draft.
 *
 * Read with contract:read in the owner/unit data scope (404 outside it), written with contract:write
 * (the owner, or in scope), terminate/void/settle with contract:manage. Product lines' unitPrice,
 * discount and amount are commercial secrets (ORG-4): without contract:prices they are null in every
 * response and export (`pricesHidden: true`), and a write that sends `lines` is refused (403).
 * Money is integer fen; dates 'YYYY-MM-DD'.
 *
 * Routes (tag contracts):
 *   GET    /api/contracts                    contractListQuery → contractPage
 *   GET    /api/contracts/export             contractExportQuery → XLSX
 *   POST   /api/contracts/plan-preview       planPreviewInput → planPreview
 *   POST   /api/contracts                    contractCreate → 201 contract
 *   GET    /api/contracts/:id                → contract
 *   PUT    /api/contracts/:id                contractUpdate → contract (draft/rejected)
 *   DELETE /api/contracts/:id?version=       → ok (a draft never submitted)
 *   POST   /api/contracts/:id/submit         contractVersionBody → contract (→ pending)
 *   POST   /api/contracts/:id/withdraw       contractVersionBody → contract (→ draft)
 *   POST   /api/contracts/:id/start          contractVersionBody → contract (signed → in_progress)
 *   POST   /api/contracts/:id/terminate      contractReasonBody → contract (contract:manage)
 *   POST   /api/contracts/:id/void           contractReasonBody → contract (contract:manage; nothing received)
 *   POST   /api/contracts/:id/settle         contractReasonBody → contract (contract:manage; 合同结算 by hand → completed)
 *   POST   /api/contracts/:id/files          contractFileUpload → 201 contractFile
 *   GET    /api/contracts/:id/files/:fileId  → the file's bytes
 *   DELETE /api/contracts/:id/files/:fileId  → ok (its uploader or contract:manage)
 *   GET    /api/accounts/:id/contracts       → accountContracts
 */

export const CONTRACT_KINDS = ['framework', 'sales', 'supplement'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_STATUSES = ['draft', 'pending', 'rejected', 'signed', 'in_progress', 'completed', 'terminated', 'void'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
/** The statuses in which a contract counts as signed: a sales contract's supplements add to it, a framework's sales contracts fulfil it. */
export const SIGNED_CONTRACT_STATUSES: readonly ContractStatus[] = ['signed', 'in_progress', 'completed'];
/** The statuses whose instalments are still collected (outstanding, overdue, ageing). */
export const OPEN_CONTRACT_STATUSES: readonly ContractStatus[] = ['signed', 'in_progress'];
/** The statuses in which the contract's own fields, lines and plan may be changed. */
export const EDITABLE_CONTRACT_STATUSES: readonly ContractStatus[] = ['draft', 'rejected'];
export const CONTRACT_SORTS = ['number', 'title', 'amount', 'signDate', 'startDate', 'endDate', 'status', 'createdAt', 'updatedAt'] as const;

const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();
/** '2026-01-31' style days; end ≥ start is checked by the server (400 naming endDate). */
const day = businessDate.nullable().optional();

// ---- product lines (产品明细) ----

/** Quantity > 0 with at most 3 decimals (the column is numeric(16, 3)). */
export const lineQuantity = z
  .number()
  .positive()
  .max(1_000_000_000_000)
  .refine((q) => Math.abs(Math.round(q * 1000) - q * 1000) < 1e-6, { message: 'at most 3 decimals' });
/** Percent off the unit price, 0 ≤ d < 100, at most 2 decimals (5 = 95折). */
export const lineDiscount = z
  .number()
  .min(0)
  .lt(100)
  .refine((d) => Math.abs(Math.round(d * 100) - d * 100) < 1e-6, { message: 'at most 2 decimals' });

export const contractLineInput = z.object({
  product: z.string().trim().min(1).max(200),
  spec: z.string().trim().max(200).default(''),
  /** 单位: 台, 套, 吨 … */
  unit: z.string().trim().max(20).default(''),
  quantity: lineQuantity,
  /** fen per unit */
  unitPrice: fen.max(1_000_000_000_000_000),
  discount: lineDiscount.default(0),
});
export type ContractLineInput = z.input<typeof contractLineInput>;

/** A line as read; the amount is the server's round(quantity × unitPrice × (1 − discount/100)). Prices null when hidden. */
export const contractLine = z.object({
  id: z.number(),
  seq: z.number(),
  product: z.string(),
  spec: z.string(),
  unit: z.string(),
  quantity: z.number(),
  unitPrice: z.number().nullable(),
  discount: z.number().nullable(),
  amount: z.number().nullable(),
});
export type ContractLine = z.infer<typeof contractLine>;

// ---- payment plan (回款计划) ----

export const instalmentInput = z.object({
  milestone: z.string().trim().max(200).default(''),
  dueDate: businessDate,
  amount: fen.min(1),
});
export type InstalmentInput = z.input<typeof instalmentInput>;

/** One term of the payment terms: a percent of the amount, due on a date at a milestone (30/60/10 …). */
export const planTerm = z.object({
  percent: z
    .number()
    .positive()
    .max(100)
    .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, { message: 'at most 2 decimals' }),
  dueDate: businessDate,
  milestone: z.string().trim().max(200).default(''),
});
export type PlanTerm = z.input<typeof planTerm>;

/** POST /api/contracts/plan-preview: the instalments the terms give for the amount (percents must sum to 100 → else 400 naming `terms`). */
export const planPreviewInput = z.object({ amount: fen.min(1), terms: z.array(planTerm).min(1).max(120) });
export const plannedInstalment = z.object({ seq: z.number(), milestone: z.string(), dueDate: z.string(), amount: z.number() });
export const planPreview = z.object({ instalments: z.array(plannedInstalment) });
export type PlanPreview = z.infer<typeof planPreview>;

/**
 * An instalment as read, with its derived figures: paid (confirmed receipts allocated), writtenOff
 * (approved write-offs), outstanding = amount − paid − writtenOff, invoiced (issued invoices), and
 * status / daysOverdue as of today in the business time zone (shared/domain/receivables.ts).
 */
export const instalment = z.object({
  id: z.number(),
  seq: z.number(),
  milestone: z.string(),
  dueDate: z.string(),
  amount: z.number(),
  paid: z.number(),
  writtenOff: z.number(),
  outstanding: z.number(),
  invoiced: z.number(),
  status: z.enum(INSTALMENT_STATUSES),
  daysOverdue: z.number(),
  /** the received date of the allocation that settled it; null while open */
  settledOn: z.string().nullable(),
});
export type Instalment = z.infer<typeof instalment>;

// ---- writes ----

const contractFields = {
  /** 合同编号: generated HT-<year>-<6-digit id> when left out; unique case-insensitively (409 naming `number`) */
  number: z.string().trim().min(1).max(60).optional(),
  /** the owner (an active user; default the caller) */
  ownerId: id.optional(),
  /** our signing unit (default the owner's unit) */
  unitId: id.optional(),
  /** the customer's signatory: a contact of the account (400 naming signatoryContactId otherwise) */
  signatoryContactId: id.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  /** framework: the committed value; sales: the contract value; supplement: the value it adds (≥ 0) */
  amount: fen,
  currency: z.literal('CNY').default('CNY'),
  signDate: day,
  startDate: day,
  endDate: day,
  /** 付款条件 as agreed, in words */
  paymentTerms: z.string().trim().max(2000).default(''),
  note: z.string().trim().max(4000).default(''),
  /** product lines; needs contract:prices (403 otherwise). Create: none when left out; update: unchanged when left out */
  lines: z.array(contractLineInput).max(500).optional(),
  /**
   * the payment plan; its sum must equal the amount (400 naming `instalments`); a framework has none.
   * Create: none when left out; update: unchanged when left out. Required at submit for an amount > 0.
   */
  instalments: z.array(instalmentInput).max(120).optional(),
};

export const contractCreate = z.object({
  kind: z.enum(CONTRACT_KINDS),
  /** sales: a framework agreement (optional); supplement: the sales contract it amends (required) */
  parentId: id.nullable().optional(),
  accountId: id,
  ...contractFields,
});
export type ContractCreate = z.input<typeof contractCreate>;

/** PUT /api/contracts/:id — draft or rejected only; kind, parent and account stay. */
export const contractUpdate = z.object({ ...contractFields, version: z.number().int().positive() });
export type ContractUpdate = z.input<typeof contractUpdate>;

export const contractVersionBody = versionBody;
/** terminate / void / settle: the reason is required and audited. */
export const contractReasonBody = z.object({ version: z.number().int().positive(), reason: z.string().trim().min(1).max(1000) });

// ---- reads ----

export const contractListQuery = listQuery.extend({
  kind: z.enum(CONTRACT_KINDS).optional(),
  /** comma-separated statuses */
  status: z
    .string()
    .max(200)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(CONTRACT_STATUSES)))
    .optional(),
  accountId: queryId.optional(),
  ownerId: queryId.optional(),
  /** the unit and its subtree */
  unitId: queryId.optional(),
  parentId: queryId.optional(),
  signedFrom: businessDate.optional(),
  signedTo: businessDate.optional(),
  /** only contracts with an instalment overdue today */
  overdue: z.enum(['true', 'false']).optional(),
});
export type ContractListQuery = z.input<typeof contractListQuery>;
/** The export takes the list's filters and sort (no paging); `lines=true` adds a sheet row per product line. */
export const contractExportQuery = contractListQuery.omit({ page: true, pageSize: true }).extend({ lines: z.enum(['true', 'false']).optional() });

const ref = z.object({ id: z.number(), name: z.string() });

/**
 * Money of a contract as collected, over its collection group: itself, its signed supplements (a sales
 * contract) or its signed sales contracts and theirs (a framework). contracted = the effective amount
 * (a framework: what its sales contracts fulfil); received = confirmed receipts allocated; invoiced =
 * issued invoices; invoicedNotReceived = max(0, invoiced − received); outstanding and overdue = what is
 * still owed on the instalments of signed / in-progress contracts (overdue: past due today).
 */
export const contractMoney = z.object({
  contracted: z.number(),
  invoiced: z.number(),
  received: z.number(),
  invoicedNotReceived: z.number(),
  writtenOff: z.number(),
  outstanding: z.number(),
  overdue: z.number(),
});
export type ContractMoney = z.infer<typeof contractMoney>;

export const contractListItem = z.object({
  id: z.number(),
  number: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  parentId: z.number().nullable(),
  parentNumber: z.string().nullable(),
  /** a supplement's number under its parent (1, 2, …); 0 otherwise */
  revision: z.number(),
  accountId: z.number(),
  accountName: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  amount: z.number(),
  /** sales: own amount + its signed supplements; supplement and framework: own amount */
  effectiveAmount: z.number(),
  currency: z.literal('CNY'),
  signDate: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  statusReason: z.string().nullable(),
  money: contractMoney,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type ContractListItem = z.infer<typeof contractListItem>;
export const contractPage = paged(contractListItem);
export type ContractPage = z.infer<typeof contractPage>;

/** A framework's roll-up: committed (its amount), fulfilled (its signed sales contracts' effective amounts), remaining = max(0, committed − fulfilled). */
export const frameworkRollup = z.object({ committed: z.number(), fulfilled: z.number(), remaining: z.number() });
export type FrameworkRollup = z.infer<typeof frameworkRollup>;

export const contractFile = z.object({
  id: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedBy: ref,
  createdAt: isoDateTime,
});
export type ContractFile = z.infer<typeof contractFile>;

/** Uploads travel as base64 in JSON (≤ 10 MB decoded; PDF, images, Office documents, text, zip). */
export const contractFileUpload = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.string().trim().min(1).max(100),
  contentBase64: z.string().min(1),
});
export const contractFileParams = z.object({ id: queryId, fileId: queryId });

export const contract = contractListItem.extend({
  signatory: ref.nullable(),
  paymentTerms: z.string(),
  note: z.string(),
  approvalId: z.number().nullable(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  signedAt: isoDateTimeNullable,
  closedAt: isoDateTimeNullable,
  /** who settled it by hand (合同结算); null when the plan settled it */
  settledBy: ref.nullable(),
  createdBy: ref,
  /** the caller lacks contract:prices: lines' unitPrice, discount and amount are null */
  pricesHidden: z.boolean(),
  lines: z.array(contractLine),
  /** the contract's own instalments */
  instalments: z.array(instalment),
  /** a sales contract's supplements (any state) */
  supplements: z.array(contractListItem),
  /** a framework's sales contracts (any state) */
  salesContracts: z.array(contractListItem),
  /** a framework's roll-up; null for the others */
  framework: frameworkRollup.nullable(),
  files: z.array(contractFile),
});
export type Contract = z.infer<typeof contract>;

/** GET /api/accounts/:id/contracts — the account's contracts in the caller's scope (the 360 page's tab), newest first. */
export const accountContracts = z.object({ items: z.array(contractListItem) });
export type AccountContracts = z.infer<typeof accountContracts>;
