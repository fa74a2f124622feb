import { OPEN_CONTRACT_STATUSES, SIGNED_CONTRACT_STATUSES, type ContractKind, type ContractStatus } from '../../../shared/contracts/contracts';
import { outstandingOf } from '../../../shared/domain/receivables';

/**
 * The contracts room's pure rules (DEAL-1): line amounts, the generated number, the effective amount
 * and a framework's roll-up, which state moves are allowed, and how collections move a contract on.
 */

export const isSigned = (status: string) => (SIGNED_CONTRACT_STATUSES as readonly string[]).includes(status);
export const isOpen = (status: string) => (OPEN_CONTRACT_STATUSES as readonly string[]).includes(status);

/** 合同编号 when none is typed: HT-<year>-<id, 6 digits at least>. */
export const contractNumber = (year: number, id: number) => `HT-${year}-${String(id).padStart(6, '0')}`;

/**
 * A product line's amount in fen: round(quantity × unitPrice × (1 − discount/100)), half up, computed
 * in integers (quantity in thousandths, discount in hundredths of a percent) so no float error creeps in.
 */
export function lineAmount(quantity: number, unitPrice: number, discount: number): number {
  const q = BigInt(Math.round(quantity * 1000));
  const keep = BigInt(10_000 - Math.round(discount * 100));
  const den = 10_000_000n;
  return Number((q * BigInt(unitPrice) * keep + den / 2n) / den);
}

/** A sales contract's effective amount: its own and its signed supplements'; the others: their own. */
export const effectiveAmount = (kind: ContractKind, own: number, signedSupplements: number) => (kind === 'sales' ? own + signedSupplements : own);

/** A framework agreement's roll-up: what its signed sales contracts fulfil of the committed value. */
export const frameworkRollup = (committed: number, fulfilled: number) => ({ committed, fulfilled, remaining: Math.max(0, committed - fulfilled) });

/** 已开票未回款: what was invoiced beyond what was received. */
export const invoicedNotReceived = (invoiced: number, received: number) => Math.max(0, invoiced - received);

/** The moves a person makes by hand, and the statuses each starts from. */
export const MANUAL_MOVES = {
  /** 开始履行: the owner (or contract:write in scope) starts a signed contract */
  start: ['signed'],
  /** 终止 (contract:manage, reason) */
  terminate: ['signed', 'in_progress'],
  /** 作废 (contract:manage, reason; only while nothing was received) */
  void: ['signed', 'in_progress'],
  /** 合同结算 by hand (contract:manage, reason) */
  settle: ['signed', 'in_progress'],
} as const satisfies Record<string, readonly ContractStatus[]>;
export type ManualMove = keyof typeof MANUAL_MOVES;
export const MOVE_TARGET: Record<ManualMove, ContractStatus> = { start: 'in_progress', terminate: 'terminated', void: 'void', settle: 'completed' };

export const canMove = (move: ManualMove, status: string) => (MANUAL_MOVES[move] as readonly string[]).includes(status);

/** A contract's parent as the kind needs it: a sales contract's framework, a supplement's sales contract. */
export type ParentProblem = 'parentRequired' | 'parentNotAllowed' | 'parentNotFound' | 'parentKind' | 'parentAccount' | 'parentState';
export function parentProblem(kind: ContractKind, accountId: number, parent: { kind: string; account_id: number; status: string } | null | undefined): ParentProblem | null {
  if (kind === 'framework') return parent === null ? null : 'parentNotAllowed';
  if (parent === null) return kind === 'supplement' ? 'parentRequired' : null;
  if (parent === undefined) return 'parentNotFound';
  if (parent.kind !== (kind === 'sales' ? 'framework' : 'sales')) return 'parentKind';
  if (parent.account_id !== accountId) return 'parentAccount';
  return isOpen(parent.status) ? null : 'parentState';
}

export interface PlanFigures {
  amount: number;
  paid: number;
  writtenOff: number;
}

export interface FollowInput {
  status: string;
  /** who settled it by hand; null when the plan did or it is not settled */
  settledBy: number | null;
  instalments: readonly PlanFigures[];
}

/**
 * Where collections move a contract (after an allocation, its undo, a write-off): a signed contract with
 * something paid is in progress; one whose every instalment is paid or written off is completed (by the
 * plan); a contract the plan completed that owes something again (an undo) is back in progress. Null: it
 * stays. A contract settled by hand, terminated or void is never moved.
 */
export function followStatus(c: FollowInput): 'in_progress' | 'completed' | null {
  const settled = c.instalments.length > 0 && c.instalments.every((i) => outstandingOf(i) === 0);
  const paid = c.instalments.some((i) => i.paid > 0);
  if (isOpen(c.status)) {
    if (settled) return 'completed';
    if (c.status === 'signed' && paid) return 'in_progress';
    return null;
  }
  if (c.status === 'completed' && c.settledBy === null && !settled) return 'in_progress';
  return null;
}

/** The reason a contract completed by its plan carries. */
export const PLAN_SETTLED_REASON = 'plan';

/** Files a contract takes: scans and documents (the same 10 MB as every upload; platform/files checks both). */
export const CONTRACT_FILE_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'application/x-zip-compressed',
  'text/plain',
  'text/csv',
]);
