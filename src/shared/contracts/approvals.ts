import { z } from 'zod';
import { POSITIONS } from '../permissions';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, listQuery } from './common';

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'returned', 'skipped', 'cancelled'] as const;
export const APPROVAL_ACTIONS = ['submit', 'approve', 'reject', 'return', 'withdraw', 'transfer', 'comment', 'skip', 'delegate'] as const;

/** Who approves a step: a position resolved relative to the submitter's unit, or a named user. */
export const approverRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('position'), position: z.enum(POSITIONS) }),
  z.object({ kind: z.literal('user'), userId: z.number().int().positive() }),
]);
export type ApproverRule = z.infer<typeof approverRule>;

/** A chain step; with minAmount it applies only when the document's amount (fen) exceeds it. */
export const chainStep = z.object({
  name: z.string().trim().min(1).max(50),
  approver: approverRule,
  minAmount: fen.nullable().default(null),
});
export type ChainStep = z.infer<typeof chainStep>;

export const approvalChain = z.object({
  id: z.number(),
  docType: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  name: z.string(),
  steps: z.array(chainStep),
  active: z.boolean(),
  /** one person may decide several steps of a document through a delegation or a transfer */
  allowRepeatApprover: z.boolean(),
  version: z.number(),
});
export type ApprovalChain = z.infer<typeof approvalChain>;

const chainFields = {
  unitId: z.number().int().positive().nullable(),
  name: z.string().trim().min(1).max(100),
  steps: z.array(chainStep).min(1).max(10),
  active: z.boolean(),
  allowRepeatApprover: z.boolean(),
};
export const approvalChainCreate = z.object({
  docType: z.string().min(1).max(100),
  ...chainFields,
  active: chainFields.active.default(true),
  allowRepeatApprover: chainFields.allowRepeatApprover.default(false),
});
/** Only the fields sent change (no defaults here: a rename must not reactivate a chain). */
export const approvalChainUpdate = z.object(chainFields).partial().extend({ version: z.number().int().positive() });

export const chainPreviewBody = z.object({
  docType: z.string().min(1),
  submitterId: z.number().int().positive(),
  amount: fen.nullable().default(null),
});
export const chainPreviewResponse = z.object({
  chainId: z.number().nullable(),
  chainName: z.string().nullable(),
  steps: z.array(z.object({ name: z.string(), approverId: z.number(), approverName: z.string(), skipped: z.boolean() })),
});

export const docTypeItem = z.object({ type: z.string(), labelKey: z.string(), amountLabel: z.string() });

export const approvalStep = z.object({
  seq: z.number(),
  name: z.string(),
  approverId: z.number(),
  approverName: z.string(),
  originalApproverId: z.number().nullable(),
  originalApproverName: z.string().nullable(),
  /** how the step came from the original approver: a delegation (they may still decide) or a transfer */
  via: z.enum(['delegation', 'transfer']).nullable(),
  status: z.enum(STEP_STATUSES),
  actedBy: z.number().nullable(),
  actedByName: z.string().nullable(),
  actedAt: isoDateTimeNullable,
  comment: z.string().nullable(),
});

export const approvalEvent = z.object({
  id: z.number(),
  at: isoDateTime,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(APPROVAL_ACTIONS),
  stepSeq: z.number().nullable(),
  toUserId: z.number().nullable(),
  toUserName: z.string().nullable(),
  comment: z.string().nullable(),
});

export const approvalItem = z.object({
  id: z.number(),
  docType: z.string(),
  docId: z.number(),
  title: z.string(),
  /** the document's real amount (fen) and what it is: an i18n key 'namespace:key' (预算金额, 申请金额, 报销金额…) */
  amount: z.number().nullable(),
  amountLabel: z.string(),
  /** the document's second figure where it has one (the advance beside a budget, the estimate beside the actual cost), and its label */
  secondAmount: z.number().nullable(),
  secondAmountLabel: z.string().nullable(),
  submitterId: z.number(),
  submitterName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  currentSeq: z.number().nullable(),
  currentStepName: z.string().nullable(),
  currentApproverNames: z.array(z.string()),
  /** web route of the document, e.g. '/requests/12' */
  link: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  finishedAt: isoDateTimeNullable,
  version: z.number(),
});
export type ApprovalItem = z.infer<typeof approvalItem>;

/** How the approval page shows a field of the document's summary. */
export const SUMMARY_KINDS = ['text', 'longText', 'money', 'date', 'dateTime', 'count', 'flag'] as const;
export const summaryField = z.object({
  /** i18n key of the label, 'namespace:key' (the document's own form label) */
  label: z.string(),
  kind: z.enum(SUMMARY_KINDS),
  /** fen for money; ISO for dates; for an enum code, shown as t(`${enumKey}.${value}`) */
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  enumKey: z.string().optional(),
});
export const summaryLine = z.object({
  /** what the line is: text, or an enum code with enumKey */
  item: z.string(),
  enumKey: z.string().optional(),
  note: z.string().nullable(),
  amount: z.number(),
});
/** What an approver needs of the document to decide on the approval page (issue 12 item 3, issue 13 item 4). */
export const documentSummary = z.object({
  fields: z.array(summaryField),
  /** cost lines, when the document has them (i18n key of their heading) */
  linesLabel: z.string().nullable(),
  lines: z.array(summaryLine),
  attachments: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
});
export type DocumentSummary = z.infer<typeof documentSummary>;
export type SummaryField = z.infer<typeof summaryField>;

export const approvalDetail = approvalItem.extend({
  /** the document as the approver needs it (null: its type gives none, or it is gone) */
  document: documentSummary.nullable(),
  steps: z.array(approvalStep),
  events: z.array(approvalEvent),
  canAct: z.boolean(),
  canWithdraw: z.boolean(),
});
export type ApprovalDetail = z.infer<typeof approvalDetail>;

/** inbox: waiting for me; submitted: mine; done: ones I acted on */
export const approvalListQuery = listQuery.extend({
  box: z.enum(['inbox', 'submitted', 'done']).default('inbox'),
  status: z.enum(APPROVAL_STATUSES).optional(),
  docType: z.string().optional(),
});

export const approveBody = z.object({ comment: z.string().trim().max(1000).optional() });
export const commentRequiredBody = z.object({ comment: z.string().trim().min(1).max(1000) });
export const transferBody = z.object({ toUserId: z.number().int().positive(), comment: z.string().trim().max(1000).optional() });
export const approvalCounts = z.object({ inbox: z.number() });

export const delegation = z.object({
  id: z.number(),
  userId: z.number(),
  userName: z.string(),
  delegateId: z.number(),
  delegateName: z.string(),
  startsOn: businessDate,
  endsOn: businessDate,
  reason: z.string(),
  active: z.boolean(),
  revokedAt: isoDateTimeNullable,
  createdAt: isoDateTime,
});
export const delegationCreate = z.object({
  /** only with delegation:manage: set up a delegation for someone else */
  userId: z.number().int().positive().optional(),
  delegateId: z.number().int().positive(),
  startsOn: businessDate,
  endsOn: businessDate,
  reason: z.string().trim().max(500).default(''),
});
