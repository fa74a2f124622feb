import type { GiftApplicationStatus } from '../../../shared/contracts/gifts';

/** The approval document types: an application over the recipient's yearly cap has its own chain, which adds the GM. */
export const DOC_TYPE = 'gift_application';
export const DOC_TYPE_OVER_CAP = 'gift_application_over_cap';

/**
 * 受礼人年度限额: an application is flagged when the recipient's approved (and issued) gifts of the
 * calendar year, with this one added, go above the cap. Reaching the cap exactly is within it.
 */
export function isOverCap(yearTotal: number, value: number, cap: number): boolean {
  return yearTotal + value > cap;
}

export function docTypeFor(overCap: boolean): string {
  return overCap ? DOC_TYPE_OVER_CAP : DOC_TYPE;
}

/** 价值(元) of the seed's form: quantity × the item's unit value, in fen. */
export function applicationValue(quantity: number, unitValue: number): number {
  return quantity * unitValue;
}

/** The stock after a signed change, or null when it would go below zero (the stock is never negative). */
export function stockAfter(stock: number, change: number): number | null {
  const next = stock + change;
  return next < 0 ? null : next;
}

/**
 * A manual movement's signed change: 入库 (in) and 退回 (return) add, so their quantity must be
 * positive; 盘点调整 (adjust) goes either way. Null when the sign does not fit the kind.
 */
export function manualChange(kind: 'in' | 'return' | 'adjust', quantity: number): number | null {
  if (quantity === 0) return null;
  if (kind === 'adjust') return quantity;
  return quantity > 0 ? quantity : null;
}

/** An application is edited and (re)submitted only before it is with the approvers or after a rejection. */
export const EDITABLE_APPLICATION_STATUSES: ReadonlySet<string> = new Set<GiftApplicationStatus>(['draft', 'rejected']);

/** The application status that follows the approval instance: a return reads as a rejection, a withdrawal makes it a draft again. */
export function applicationStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): GiftApplicationStatus {
  if (approval === 'returned') return 'rejected';
  if (approval === 'withdrawn') return 'draft';
  return approval;
}

/** The calendar year of a business date 'YYYY-MM-DD'. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
