import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, listQuery, optionalText, paged } from './common';

/**
 * DEAL-2 collections (回款): receipts (回款单) recorded by the owner or imported, confirmed by finance
 * (receipt:confirm), allocated over the open instalments of the account's signed / in-progress contracts;
 * the unallocated rest of a confirmed receipt is the account's credit. Invoices (发票) per instalment and
 * write-offs (坏账核销, through the approval engine). Only confirmed receipts count anywhere. Money is fen.
 *
 * Scope: a receipt is read under receipt:read and written under receipt:write over receipts.owner_id/unit_id
 * (recording one needs the account reachable under receipt:write); invoices and write-offs are reached through
 * their contract: the contract's owner/unit in the caller's receipt:read (reads) or receipt:write (writes)
 * scope. Outside the scope: 404.
 *
 * Routes:
 *   POST /api/receipts (receiptCreate → 201 receipt)            GET /api/receipts (receiptListQuery → receiptList)
 *   GET  /api/receipts/export (receiptExportQuery → XLSX)        GET /api/receipts/:id (→ receipt)
 *   PUT  /api/receipts/:id (receiptUpdate; recorded only)        POST /api/receipts/:id/void (receiptVoidBody → receipt)
 *   POST /api/receipts/:id/confirm (receiptConfirmBody → receipt; receipt:confirm)
 *   GET  /api/receipts/:id/proposal (→ allocationProposal)       POST /api/receipts/:id/allocations (allocationsBody → 201 receipt)
 *   POST /api/receipt-allocations/:id/undo (allocationUndoBody → receipt)
 *   GET  /api/accounts/:id/credit (→ accountCredit)
 *   POST /api/invoices (invoiceCreate → 201 invoice)             GET /api/invoices (invoiceListQuery → invoiceList)
 *   POST /api/invoices/:id/void (invoiceVoidBody → invoice)
 *   POST /api/instalments/:id/write-offs (writeOffCreate → 201 writeOff)   GET /api/instalments/:id/write-offs (→ writeOffList)
 *   GET  /api/instalment-write-offs/:id (→ writeOff)             POST /api/instalment-write-offs/:id/withdraw (writeOffVersionBody → writeOff)
 */
export const RECEIPT_METHODS = ['transfer', 'acceptance', 'cash', 'other'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];
export const RECEIPT_STATUSES = ['recorded', 'confirmed', 'void'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export const RECEIPT_SOURCES = ['manual', 'import'] as const;
export const INVOICE_TYPES = ['normal', 'special'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export const INVOICE_STATUSES = ['issued', 'void'] as const;
export const WRITE_OFF_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type WriteOffStatus = (typeof WRITE_OFF_STATUSES)[number];
/** sort fields of the receipt list (`-` prefix for descending; default `-receivedOn`) */
export const RECEIPT_SORTS = ['receivedOn', 'amount', 'number', 'createdAt'] as const;

const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();
const version = z.number().int().positive();
const reason = z.string().trim().min(1).max(1000);
const person = z.object({ id: z.number(), name: z.string() });

// ---- receipts ----

export const receiptFields = z.object({
  accountId: id,
  receivedOn: businessDate,
  amount: fen.min(1),
  method: z.enum(RECEIPT_METHODS).default('transfer'),
  /** 银行流水号: a second live (not void) receipt with the same one is a duplicate → 409 naming bankRef */
  bankRef: optionalText(100),
  /** 付款单位 as the bank statement names it */
  payer: optionalText(200),
  note: optionalText(1000),
  /** 回款单号; generated HK-<year>-<6-digit id> when left out; unique whatever the case → 409 naming number */
  number: optionalText(50),
});
export const receiptCreate = receiptFields;
export type ReceiptCreate = z.input<typeof receiptCreate>;
/** A recorded receipt's fields (only what is sent changes); a new account moves its owner and unit to that account's */
/** Only the fields sent change: the method's default is for a new receipt, not an edit. */
export const receiptUpdate = receiptFields.partial().extend({ method: z.enum(RECEIPT_METHODS).optional(), version });
export type ReceiptUpdate = z.input<typeof receiptUpdate>;

export const receiptListQuery = listQuery.extend({
  /** q: receipt number, bank reference, payer or account name */
  status: z.enum(RECEIPT_STATUSES).optional(),
  accountId: queryId.optional(),
  ownerId: queryId.optional(),
  /** the unit and its subtree */
  unitId: queryId.optional(),
  receivedFrom: businessDate.optional(),
  receivedTo: businessDate.optional(),
  /** true: confirmed receipts with an unallocated remainder (the account's credit) */
  withCredit: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** sort: one of RECEIPT_SORTS, `-` prefix for descending */
});
export type ReceiptListQuery = z.input<typeof receiptListQuery>;
export const receiptExportQuery = receiptListQuery.omit({ page: true, pageSize: true });

export const receiptListItem = z.object({
  id: z.number(),
  number: z.string(),
  accountId: z.number(),
  accountName: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  receivedOn: z.string(),
  amount: z.number(),
  method: z.enum(RECEIPT_METHODS),
  bankRef: z.string().nullable(),
  payer: z.string(),
  source: z.enum(RECEIPT_SOURCES),
  status: z.enum(RECEIPT_STATUSES),
  /** the sum of its live allocations */
  allocated: z.number(),
  /** amount − allocated of a confirmed receipt (the account's credit); 0 otherwise */
  credit: z.number(),
  confirmedAt: isoDateTimeNullable,
  version: z.number(),
});
export type ReceiptListItem = z.infer<typeof receiptListItem>;
export const receiptList = paged(receiptListItem);

/** One allocation of a receipt to an instalment; undone ones stay with who, when and why. */
export const receiptAllocation = z.object({
  id: z.number(),
  receiptId: z.number(),
  receiptNumber: z.string(),
  instalmentId: z.number(),
  contractId: z.number(),
  contractNumber: z.string(),
  instalmentSeq: z.number(),
  milestone: z.string(),
  dueDate: z.string(),
  amount: z.number(),
  receivedOn: z.string(),
  allocatedBy: person,
  allocatedAt: isoDateTime,
  undoneAt: isoDateTimeNullable,
  undoneBy: person.nullable(),
  undoReason: z.string().nullable(),
});
export type ReceiptAllocation = z.infer<typeof receiptAllocation>;

export const receipt = receiptListItem.extend({
  note: z.string(),
  recordedBy: person,
  confirmedBy: person.nullable(),
  voidReason: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  allocations: z.array(receiptAllocation),
});
export type Receipt = z.infer<typeof receipt>;

export const allocationInput = z.object({ instalmentId: id, amount: fen.min(1) });
export type AllocationInput = z.infer<typeof allocationInput>;

export const receiptVoidBody = z.object({ reason });
/**
 * Finance confirms at the version it saw; `allocate`: 'none' (default) leaves it all as credit, 'auto' allocates
 * oldest due first (the proposal), or the given lines.
 */
export const receiptConfirmBody = z.object({
  version,
  allocate: z.union([z.enum(['auto', 'none']), z.array(allocationInput).min(1).max(100)]).default('none'),
});
export type ReceiptConfirmBody = z.input<typeof receiptConfirmBody>;

/** Either the lines to allocate or `auto: true` (oldest due first over the receipt's available remainder). */
export const allocationsBody = z
  .object({
    allocations: z.array(allocationInput).min(1).max(100).optional(),
    auto: z.literal(true).optional(),
  })
  .refine((b) => (b.allocations === undefined) !== (b.auto === undefined), { message: 'either allocations or auto', path: ['allocations'] });
export type AllocationsBody = z.input<typeof allocationsBody>;

export const allocationUndoBody = z.object({ reason });

/** An open instalment (of the account's signed / in-progress contracts) and what the oldest-due-first rule gives it. */
export const proposalLine = z.object({
  instalmentId: z.number(),
  contractId: z.number(),
  contractNumber: z.string(),
  seq: z.number(),
  milestone: z.string(),
  dueDate: z.string(),
  amount: z.number(),
  paid: z.number(),
  writtenOff: z.number(),
  /** amount − paid − written off */
  outstanding: z.number(),
  /** 0 when the receipt's remainder does not reach it */
  proposed: z.number(),
});
export type ProposalLine = z.infer<typeof proposalLine>;
export const allocationProposal = z.object({
  receiptId: z.number(),
  /** the receipt's unallocated remainder */
  available: z.number(),
  /** every open instalment, oldest due first */
  lines: z.array(proposalLine),
  proposedTotal: z.number(),
  /** available − proposedTotal: stays the account's credit */
  remainder: z.number(),
});
export type AllocationProposal = z.infer<typeof allocationProposal>;

/** The account's credit (预收/未分配回款): its confirmed receipts with an unallocated remainder. */
export const accountCredit = z.object({
  accountId: z.number(),
  total: z.number(),
  items: z.array(z.object({ receiptId: z.number(), number: z.string(), receivedOn: z.string(), amount: z.number(), allocated: z.number(), credit: z.number() })),
});
export type AccountCredit = z.infer<typeof accountCredit>;

// ---- invoices ----

export const invoiceCreate = z.object({
  instalmentId: id,
  number: z.string().trim().min(1).max(50),
  issuedOn: businessDate,
  amount: fen.min(1),
  type: z.enum(INVOICE_TYPES),
});
export type InvoiceCreate = z.input<typeof invoiceCreate>;
export const invoiceVoidBody = z.object({ reason });
export const invoiceListQuery = z.object({
  contractId: queryId.optional(),
  instalmentId: queryId.optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const invoice = z.object({
  id: z.number(),
  instalmentId: z.number(),
  instalmentSeq: z.number(),
  contractId: z.number(),
  contractNumber: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  amount: z.number(),
  type: z.enum(INVOICE_TYPES),
  status: z.enum(INVOICE_STATUSES),
  voidReason: z.string().nullable(),
  createdBy: person,
  createdAt: isoDateTime,
  version: z.number(),
});
export type Invoice = z.infer<typeof invoice>;
export const invoiceList = paged(invoice);

// ---- write-offs ----

/** 坏账核销 of an instalment's unpaid rest: at most what it still owes at submission (re-checked at approval). */
export const writeOffCreate = z.object({ amount: fen.min(1), reason });
export type WriteOffCreate = z.input<typeof writeOffCreate>;
export const writeOffVersionBody = z.object({ version });
export const writeOff = z.object({
  id: z.number(),
  instalmentId: z.number(),
  instalmentSeq: z.number(),
  contractId: z.number(),
  contractNumber: z.string(),
  accountId: z.number(),
  accountName: z.string(),
  amount: z.number(),
  reason: z.string(),
  status: z.enum(WRITE_OFF_STATUSES),
  approvalId: z.number().nullable(),
  requestedBy: person,
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  createdAt: isoDateTime,
  version: z.number(),
});
export type WriteOff = z.infer<typeof writeOff>;
export const writeOffList = z.object({ items: z.array(writeOff) });
