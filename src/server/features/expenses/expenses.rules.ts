import { UNLINKED_LINE_KINDS, type ExpenseClaimStatus, type ExpenseLineKind } from '../../../shared/contracts/expenses';
import { issue, type FieldIssue } from '../../../shared/errors';

export const DOC_TYPE = 'expense_claim';
/** A claim of phone lines only, all within the monthly allowance: finance alone (核定范围内报销). */
export const DOC_TYPE_PHONE = 'expense_claim_phone';
/** A claim whose phone lines go above the allowance: the KA director approves (超标准需客户总监审批). */
export const DOC_TYPE_PHONE_OVER = 'expense_claim_phone_over';
export const CLAIM_DOC_TYPES = [DOC_TYPE, DOC_TYPE_PHONE, DOC_TYPE_PHONE_OVER] as const;
export type LinkedLineKind = Exclude<ExpenseLineKind, 'other' | 'phone'>;
export const isLinkedKind = (kind: ExpenseLineKind): kind is LinkedLineKind => !UNLINKED_LINE_KINDS.includes(kind);

/** A claim is edited and (re)submitted only as a draft or after a rejection. */
export const EDITABLE_CLAIM_STATUSES: ReadonlySet<string> = new Set<ExpenseClaimStatus>(['draft', 'rejected']);

/** The claim status that follows its approval: a return reads as a rejection, a withdrawal makes it a draft. */
export function claimStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): ExpenseClaimStatus {
  if (approval === 'returned') return 'rejected';
  if (approval === 'withdrawn') return 'draft';
  return approval;
}

/** What the claim reads of a linked record: its report / approval state, what it spent (fen), whether another claim holds it. */
export interface LinkedRecord {
  /** visits/receptions/trips: report_status; gifts: the application status */
  state: string;
  spent: number;
  claimedElsewhere: boolean;
}

/**
 * Seed 003 §3.3.3 (no report, no reimbursement): a visit, reception or trip is claimable once its
 * report is approved; a gift once its application is approved or issued.
 */
export function isClaimable(kind: LinkedLineKind, state: string): boolean {
  return kind === 'gift' ? state === 'approved' || state === 'issued' : state === 'approved';
}

export const refKey = (kind: string, refId: number) => `${kind}:${refId}`;

/**
 * The line rules, pure: a link for every kind but 'other' (none for 'other'), the record visible,
 * its report approved, not held by another claim, and the claim's lines on one record together no
 * more than the record spent. Field paths are lines.N.refId / lines.N.amount.
 */
export function lineIssues(lines: { kind: ExpenseLineKind; refId?: number | null; amount: number }[], records: ReadonlyMap<string, LinkedRecord>): FieldIssue[] {
  const out: FieldIssue[] = [];
  const used = new Map<string, number>();
  lines.forEach((l, i) => {
    const path = `lines.${i}.refId`;
    if (!isLinkedKind(l.kind)) {
      if (l.refId != null) out.push(issue(path, 'expenses.refNotAllowed', `A line of kind '${l.kind}' links no record`, { kind: l.kind }));
      return;
    }
    if (l.refId == null) {
      out.push(issue(path, 'expenses.refRequired', 'Choose the record this line claims'));
      return;
    }
    const key = refKey(l.kind, l.refId);
    const rec = records.get(key);
    if (!rec) {
      out.push(issue(path, 'expenses.refNotFound', 'The linked record is not yours or not in your scope'));
      return;
    }
    if (!isClaimable(l.kind, rec.state)) {
      out.push(
        l.kind === 'gift'
          ? issue(path, 'expenses.giftNotApproved', 'A gift is claimed only once its application is approved or issued', { status: rec.state })
          : issue(path, 'expenses.reportNotApproved', 'No report, no reimbursement: the record’s report must be approved first', { reportStatus: rec.state }),
      );
      return;
    }
    if (rec.claimedElsewhere) return; // reported as a 409 by the service
    const sum = (used.get(key) ?? 0) + l.amount;
    used.set(key, sum);
    if (sum > rec.spent) out.push(issue(`lines.${i}.amount`, 'expenses.overSpent', `The claim may not exceed what the record spent (${rec.spent} fen)`, { spent: rec.spent }));
  });
  return out;
}

// ---- categories ----

/** A category not in the list, at `path` (a budget's category, a line's lines.N.category). */
export const unknownCategory = (path: string, category: string) => issue(path, 'expenses.unknownCategory', `'${category}' is not an expense category; choose one of the list`, { category });

/**
 * Every line's category is one of the known categories (budgets match claims on it), at
 * lines.N.category. A phone line is left out: it always carries 手机费, whatever was sent.
 */
export function categoryIssues(lines: readonly { kind: ExpenseLineKind; category: string }[], known: ReadonlySet<string>): FieldIssue[] {
  return lines.flatMap((l, i) => (l.kind === 'phone' || known.has(l.category) ? [] : [unknownCategory(`lines.${i}.category`, l.category)]));
}

/** The sum of the lines, fen. */
export const claimTotal = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

/** 控制率: actual ÷ budget, rounded to 4 decimals; null when there is no budget or it is zero. */
export function controlRate(actual: number, budget: number | null): number | null {
  if (budget === null || budget <= 0) return null;
  return Math.round((actual / budget) * 10_000) / 10_000;
}

/** The month 'YYYY-MM' of a business date, and its first and last day. */
export const periodOf = (date: string) => date.slice(0, 7);
export function periodRange(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

// ---- phone allowance (seed 003 第19条) ----

/**
 * The part of this claim's phone amount `added` that lies above the month's `limit`, given what the
 * person's other submitted claims already use (`usedBefore`). Once the allowance is spent, all of it.
 */
export function phoneOverBy(limit: number, usedBefore: number, added: number): number {
  return Math.max(0, usedBefore + added - limit) - Math.max(0, usedBefore - limit);
}

/** The phone amount of each month 'YYYY-MM' among the lines. */
export function phoneByPeriod(lines: readonly { kind: ExpenseLineKind; amount: number; occurredOn: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) if (l.kind === 'phone') out.set(periodOf(l.occurredOn), (out.get(periodOf(l.occurredOn)) ?? 0) + l.amount);
  return out;
}

/** Which chain a claim takes: over the allowance → the director; phone only within it → finance alone; else the claim chain. */
export function claimDocType(lines: readonly { kind: ExpenseLineKind }[], phoneOver: number): (typeof CLAIM_DOC_TYPES)[number] {
  if (phoneOver > 0) return DOC_TYPE_PHONE_OVER;
  return lines.length > 0 && lines.every((l) => l.kind === 'phone') ? DOC_TYPE_PHONE : DOC_TYPE;
}

/** The month 'YYYY-MM' before the month of a business date or period. */
export function previousPeriod(dateOrPeriod: string): string {
  const [y, m] = dateOrPeriod.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
