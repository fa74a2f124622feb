import { issue, type FieldIssue } from '../../../shared/errors';
import type { WriteOffStatus } from '../../../shared/contracts/collections';

/**
 * The pure rules of collections (DEAL-2): how a receipt is spread over open instalments, what an
 * allocation request may ask for, the generated receipt number, and what an approved write-off
 * still writes off. Money is integer fen.
 */

/** An instalment a receipt may go to: still owing something. */
export interface OpenInstalment {
  id: number;
  dueDate: string;
  amount: number;
  paid: number;
  writtenOff: number;
}

/** What an instalment still owes (never below 0). */
export const owedOn = (i: Pick<OpenInstalment, 'amount' | 'paid' | 'writtenOff'>): number => Math.max(0, i.amount - i.paid - i.writtenOff);

/**
 * 先到期先核销: the available money goes to the instalments oldest due first (ties by id), each up
 * to what it owes, until it runs out. Returns one line per open instalment in that order with what it
 * gets (0 once the money ran out); instalments that owe nothing are left out.
 */
export function allocateOldestFirst<T extends OpenInstalment>(available: number, open: readonly T[]): (T & { owed: number; proposed: number })[] {
  let left = Math.max(0, available);
  return [...open]
    .filter((i) => owedOn(i) > 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id))
    .map((i) => {
      const owed = owedOn(i);
      const proposed = Math.min(owed, left);
      left -= proposed;
      return { ...i, owed, proposed };
    });
}

/** The lines of an allocation the proposal gives: only those that receive something. */
export const proposedLines = (lines: readonly { id: number; proposed: number }[]) => lines.filter((l) => l.proposed > 0).map((l) => ({ instalmentId: l.id, amount: l.proposed }));

/** An allocation request names each instalment once (allocations.<i>.instalmentId otherwise). */
export function allocationIssues(lines: readonly { instalmentId: number }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.instalmentId)) issues.push(issue(`allocations.${i}.instalmentId`, 'collections.instalmentTwice', 'Name each instalment once'));
    seen.add(l.instalmentId);
  });
  return issues;
}

/** The lines' total, and whether it is more than the receipt has left (a 409: someone allocated it meanwhile, or the request asks too much). */
export function overReceipt(lines: readonly { amount: number }[], available: number): { total: number; over: boolean } {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return { total, over: total > available };
}

/**
 * The order the instalment rows are updated in: by id, so two allocations that touch the same
 * instalments lock them in the same order and never deadlock. Keeps each line's index in the request.
 */
export function inLockOrder<T extends { instalmentId: number }>(lines: readonly T[]): (T & { index: number })[] {
  return lines.map((l, index) => ({ ...l, index })).sort((a, b) => a.instalmentId - b.instalmentId);
}

/** 回款单号 when none was typed: HK-<year of the received date>-<the id in 6 digits>. */
export const receiptNumber = (receivedOn: string, id: number): string => `HK-${receivedOn.slice(0, 4)}-${String(id).padStart(6, '0')}`;

/** 发票: the instalment's issued invoices with the new one may not exceed its amount. */
export const invoiceFits = (instalmentAmount: number, invoiced: number, amount: number): boolean => invoiced + amount <= instalmentAmount;

/**
 * What an approved write-off writes off: what was asked, but never more than the instalment still
 * owes when the approval lands (a receipt may have come in meanwhile). `shrunk` says the approval
 * wrote off less than was asked.
 */
export function writeOffApplied(requested: number, owedNow: number): { applied: number; shrunk: boolean } {
  const applied = Math.max(0, Math.min(requested, owedNow));
  return { applied, shrunk: applied < requested };
}

/** The write-off's status that follows its approval (a return sends it back as a rejection: it is asked again as a new one). */
export function writeOffStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): WriteOffStatus {
  return approval === 'returned' ? 'rejected' : approval;
}

/** Contract states whose instalments take allocations and write-offs. */
export const COLLECTING_CONTRACT_STATUSES: readonly string[] = ['signed', 'in_progress'];
/** Contract states whose instalments take invoices (a completed contract may still be invoiced). */
export const INVOICING_CONTRACT_STATUSES: readonly string[] = ['signed', 'in_progress', 'completed'];

/** 坏账核销 above ¥100,000 goes to the GM as well. */
export const WRITE_OFF_GM_ABOVE = 10_000_000;
