import { z } from 'zod';
import { businessDate, fen, isoDateTimeNullable, optionalText as text, versionBody } from './common';

/**
 * ACT-10 expense claims and budgets. A claim belongs to its owner (expense:write to write one,
 * expense:read in the data scope to read it; 404 outside it). Lines link a visit, reception, trip
 * or gift application by (kind, refId); 'other' and 'phone' (手机费, under the monthly allowance)
 * have no link. Money is fen.
 */
export const EXPENSE_LINE_KINDS = ['visit', 'reception', 'gift', 'trip', 'phone', 'other'] as const;
export type ExpenseLineKind = (typeof EXPENSE_LINE_KINDS)[number];
/** Line kinds that link no record. */
export const UNLINKED_LINE_KINDS: readonly ExpenseLineKind[] = ['phone', 'other'];
/** The category of every phone line: the allowance and a person's 手机费 budget meet on it. */
export const PHONE_CATEGORY = '手机费';
/**
 * 费用类别 until finance sets its own list: the reception form's cost lines (seed 003 form 6: 招待费, 会议费,
 * 典礼费, 礼品费, 其他) with travel's 交通费, 住宿费, 餐费 and the phone allowance's 手机费. Claim lines and
 * budgets choose from the list, so a budget meets its claims on the same words.
 */
export const DEFAULT_EXPENSE_CATEGORIES: readonly string[] = ['交通费', '住宿费', '餐费', '招待费', '会议费', '典礼费', '礼品费', PHONE_CATEGORY, '其他'];
export const expenseCategory = z.string().trim().min(1).max(40);
/** The categories as offered: each once, with 手机费 at the end when it was left out (the phone allowance reads it). */
export const withPhoneCategory = (items: readonly string[]): string[] => [...new Set([...items, PHONE_CATEGORY])];
export const EXPENSE_CLAIM_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'paid'] as const;
export type ExpenseClaimStatus = (typeof EXPENSE_CLAIM_STATUSES)[number];

export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const expenseLineInput = z.object({
  kind: z.enum(EXPENSE_LINE_KINDS),
  /** the linked record's id; required for every kind but 'other', which takes none */
  refId: z.number().int().positive().nullable().optional(),
  /** one of the expense categories (GET /api/expense-settings/categories); a phone line's is always 手机费 */
  category: expenseCategory,
  amount: fen.min(1),
  note: text(500),
  occurredOn: businessDate,
});
export type ExpenseLineInput = z.infer<typeof expenseLineInput>;

export const expenseClaimCreate = z.object({
  title: z.string().trim().min(1).max(200),
  lines: z.array(expenseLineInput).min(1).max(100),
});
export const expenseClaimUpdate = expenseClaimCreate.extend({ version: z.number().int().positive() });
export const expenseVersionBody = versionBody;

export const expenseLine = z.object({
  id: z.number(),
  seq: z.number(),
  kind: z.enum(EXPENSE_LINE_KINDS),
  refId: z.number().nullable(),
  /** the linked record's account (a trip: its destination); null for phone and 'other' lines */
  refLabel: z.string().nullable(),
  category: z.string(),
  amount: z.number(),
  note: z.string().nullable(),
  occurredOn: z.string(),
});

export const expenseClaimListItem = z.object({
  id: z.number(),
  title: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitName: z.string(),
  total: z.number(),
  status: z.enum(EXPENSE_CLAIM_STATUSES),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  paidAt: isoDateTimeNullable,
  version: z.number(),
});
export type ExpenseClaimListItem = z.infer<typeof expenseClaimListItem>;

export const expenseClaim = expenseClaimListItem.extend({
  approvalId: z.number().nullable(),
  /** the approval's document type: expense_claim, expense_claim_phone (within the allowance) or expense_claim_phone_over */
  docType: z.string().nullable(),
  /** fen of the phone lines above the monthly allowance at submission; above 0 the KA director approves */
  phoneOver: z.number(),
  paidByName: z.string().nullable(),
  lines: z.array(expenseLine),
});
export type ExpenseClaim = z.infer<typeof expenseClaim>;

export const expenseClaimListQuery = z.object({
  /** mine: the caller's own claims; finance: approved and unpaid (expense:pay); all: every claim in scope */
  box: z.enum(['mine', 'finance', 'all']).default('mine'),
  status: z.enum(EXPENSE_CLAIM_STATUSES).optional(),
});
export const expenseClaimList = z.object({ items: z.array(expenseClaimListItem) });

/**
 * One of the caller's records not held by another claim: claimable once `ready` (its report approved;
 * gift: approved or issued); a record whose report (gift: application) is still in approval or was
 * returned is listed with ready false and its `state`, so the claimant sees why it cannot be claimed yet.
 */
export const claimableRecord = z.object({
  kind: z.enum(['visit', 'reception', 'gift', 'trip']),
  refId: z.number(),
  /** the record's account (a trip: its destination) */
  label: z.string(),
  date: z.string().nullable(),
  spent: z.number(),
  /** visits, receptions, trips: report_status (submitted, returned, approved); gifts: the application status */
  state: z.string(),
  ready: z.boolean(),
});
export const claimableList = z.object({ items: z.array(claimableRecord) });
export type ClaimableRecord = z.infer<typeof claimableRecord>;

export const exportQuery = z.object({ period });

// ---- budgets ----

export const budgetInput = z
  .object({
    userId: z.number().int().positive().nullable().optional(),
    unitId: z.number().int().positive().nullable().optional(),
    /** one of the expense categories */
    category: expenseCategory,
    period,
    amount: fen,
  })
  .refine((b) => (b.userId == null) !== (b.unitId == null), { message: 'exactly one of userId and unitId', path: ['userId'] });
export const budgetUpdate = z.object({ amount: fen, version: z.number().int().positive() });
export const budget = z.object({
  id: z.number(),
  userId: z.number().nullable(),
  unitId: z.number().nullable(),
  subjectName: z.string(),
  category: z.string(),
  period: z.string(),
  amount: z.number(),
  version: z.number(),
});
export type Budget = z.infer<typeof budget>;
export const budgetListQuery = z.object({ period });
export const budgetList = z.object({ items: z.array(budget) });

/** 商务费用控制率 = actual (approved + paid claim lines of the month) ÷ budget; null without a budget. */
export const controlRow = z.object({
  subject: z.enum(['user', 'unit']),
  subjectId: z.number(),
  subjectName: z.string(),
  category: z.string(),
  budget: z.number().nullable(),
  actual: z.number(),
  rate: z.number().nullable(),
});
export type ControlRow = z.infer<typeof controlRow>;
export const controlReport = z.object({ period: z.string(), items: z.array(controlRow) });

// ---- expense categories ----

/** The categories claim lines and budgets choose from, in the order they are offered; 手机费 is always among them. */
export const expenseCategories = z.object({ items: z.array(z.string()), version: z.number() });
export type ExpenseCategories = z.infer<typeof expenseCategories>;
export const expenseCategoriesUpdate = z.object({
  items: z
    .array(expenseCategory)
    .min(1)
    .max(100)
    .refine((items) => new Set(items).size === items.length, { message: 'each category once' }),
  version: z.number().int().min(0),
});

// ---- phone allowance ----

/** 手机费核定标准: the default monthly allowance per person (fen); a person's 手机费 budget for a month overrides it. */
export const phoneAllowanceSettings = z.object({ monthlyLimit: fen });
export type PhoneAllowanceSettings = z.infer<typeof phoneAllowanceSettings>;
/** One person's allowance for a month and what their submitted claims already use of it. */
export const phoneAllowanceUse = z.object({
  period: z.string(),
  limit: z.number(),
  /** 'budget': the person's 手机费 budget of the month; 'default': the setting */
  source: z.enum(['budget', 'default']),
  used: z.number(),
});
export const phoneAllowanceQuery = z.object({ period });
