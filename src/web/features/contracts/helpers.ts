import { CONTRACT_KINDS, CONTRACT_SORTS, CONTRACT_STATUSES, SIGNED_CONTRACT_STATUSES, type ContractListItem, type ContractMoney, type ContractStatus } from '../../../shared/contracts/contracts';
import type { PlanTermInput } from '../../../shared/domain/payment-plan';
import { date, flag, id, many, oneOf, text, type ListFilters } from '../../components/useListState';

/** GET /api/contracts parameters the list page keeps in its URL (page, pageSize and sort besides). */
export const CONTRACT_LIST = {
  q: text(),
  kind: oneOf(CONTRACT_KINDS),
  status: many(oneOf(CONTRACT_STATUSES)),
  accountId: id(),
  ownerId: id(),
  unitId: id(),
  signedFrom: date(),
  signedTo: date(),
  overdue: flag(),
};
export const CONTRACT_LIST_OPTIONS = { sorts: CONTRACT_SORTS, sort: '-createdAt' };
export type ContractFilters = ListFilters<typeof CONTRACT_LIST>;

/** GET /api/contracts parameters as sent (the contract's zod input types coerce from strings). */
export type ContractQuery = Record<string, string | number | undefined>;

/** The list's filters as the API reads them: statuses comma-separated, the overdue flag as 'true', empty ones left out. */
export function contractQuery(f: ContractFilters, paging: { page?: number; pageSize?: number; sort?: string } = {}): ContractQuery {
  return {
    q: f.q,
    kind: f.kind,
    status: f.status.length ? f.status.join(',') : undefined,
    accountId: f.accountId,
    ownerId: f.ownerId,
    unitId: f.unitId,
    signedFrom: f.signedFrom,
    signedTo: f.signedTo,
    overdue: f.overdue ? 'true' : undefined,
    ...paging,
  };
}

/** Tag colours of the contract states (the others read as the kit's defaults). */
export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  pending: 'processing',
  rejected: 'error',
  signed: 'blue',
  in_progress: 'cyan',
  completed: 'success',
  terminated: 'warning',
  void: 'default',
};
export const INSTALMENT_STATUS_COLORS: Record<string, string> = { not_due: 'default', partly_paid: 'processing', paid: 'success', overdue: 'error', written_off: 'purple' };
export const KIND_COLORS: Record<string, string> = { framework: 'gold', sales: 'geekblue', supplement: 'purple' };

/**
 * The percents of payment terms typed as "30/60/10" (or with commas, spaces, 、 or ，): each > 0 with at
 * most two decimals; null when something else was typed.
 */
export function parsePercents(typed: string): number[] | null {
  const parts = typed.split(/[\s/,，、;；]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 120) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+(\.\d{1,2})?%?$/.test(p)) return null;
    const n = Number(p.replace('%', ''));
    if (!(n > 0 && n <= 100)) return null;
    out.push(n);
  }
  return out;
}

/**
 * Terms for new percents, keeping what was already typed on the rows that stay (a due date, a
 * milestone); a new row's due date is the previous one's (or `firstDue`).
 */
export function termsFor(percents: readonly number[], current: readonly Partial<PlanTermInput>[], firstDue: string): PlanTermInput[] {
  const out: PlanTermInput[] = [];
  percents.forEach((percent, i) => {
    const kept = current[i];
    out.push({ percent, dueDate: kept?.dueDate || out[i - 1]?.dueDate || firstDue, milestone: kept?.milestone ?? '' });
  });
  return out;
}

/**
 * A product line's amount as the server states it, for the form while typing:
 * round(quantity × unitPrice × (1 − discount/100)) in fen, in integers (quantity in thousandths,
 * discount in hundredths of a percent). Null until quantity and price are typed.
 */
export function linePreview(quantity: number | null | undefined, unitPrice: number | null | undefined, discount: number | null | undefined): number | null {
  if (quantity === null || quantity === undefined || unitPrice === null || unitPrice === undefined || !Number.isFinite(quantity) || !Number.isFinite(unitPrice)) return null;
  const q = BigInt(Math.round(quantity * 1000));
  const keep = BigInt(10_000 - Math.round((discount ?? 0) * 100));
  const den = 10_000_000n;
  return Number((q * BigInt(Math.round(unitPrice)) * keep + den / 2n) / den);
}

/**
 * An account's money over its signed sales contracts (each one's figures already cover its supplements, so
 * supplements are not added again; frameworks only commit): contracted, received, outstanding, overdue.
 */
export function accountTotals(items: readonly Pick<ContractListItem, 'kind' | 'status' | 'money'>[]): Pick<ContractMoney, 'contracted' | 'received' | 'outstanding' | 'overdue'> {
  const out = { contracted: 0, received: 0, outstanding: 0, overdue: 0 };
  for (const c of items) {
    if (c.kind !== 'sales' || !SIGNED_CONTRACT_STATUSES.includes(c.status)) continue;
    out.contracted += c.money.contracted;
    out.received += c.money.received;
    out.outstanding += c.money.outstanding;
    out.overdue += c.money.overdue;
  }
  return out;
}
