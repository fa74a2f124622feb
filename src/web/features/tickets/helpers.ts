import type { TFunction } from 'i18next';
import { SLA_STATES, TICKET_KINDS, TICKET_SEVERITIES, TICKET_SORTS, TICKET_STATUSES, type SlaState, type TicketSeverity, type TicketStatus } from '../../../shared/contracts/tickets';
import { flag, id, many, oneOf, text, type ListFilters } from '../../components/useListState';

/** GET /api/tickets parameters the list keeps in its URL (page, pageSize and sort besides). */
export const TICKET_LIST = {
  q: text(),
  kind: many(oneOf(TICKET_KINDS)),
  status: many(oneOf(TICKET_STATUSES)),
  severity: many(oneOf(TICKET_SEVERITIES)),
  sla: many(oneOf(SLA_STATES)),
  ownerId: id(),
  accountId: id(),
  open: flag(),
  breached: flag(),
};
export const TICKET_LIST_OPTIONS = { sorts: TICKET_SORTS, sort: 'sla' };
export type TicketFilters = ListFilters<typeof TICKET_LIST>;
export type TicketQuery = Record<string, string | number | undefined>;

const joined = (v: readonly string[]) => (v.length ? v.join(',') : undefined);
/** The list's filters as the API reads them: lists comma-separated, flags as 'true', empty ones left out. */
export function ticketQuery(f: TicketFilters, paging: { page?: number; pageSize?: number; sort?: string } = {}): TicketQuery {
  return {
    q: f.q,
    kind: joined(f.kind),
    status: joined(f.status),
    severity: joined(f.severity),
    sla: joined(f.sla),
    ownerId: f.ownerId,
    accountId: f.accountId,
    open: f.open ? 'true' : undefined,
    breached: f.breached ? 'true' : undefined,
    ...paging,
  };
}

export const STATUS_COLORS: Record<TicketStatus, string> = { new: 'blue', assigned: 'geekblue', in_progress: 'processing', waiting: 'gold', resolved: 'success', closed: 'default' };
export const SEVERITY_COLORS: Record<TicketSeverity, string> = { critical: 'red', high: 'volcano', medium: 'orange', low: 'default' };
export const SLA_COLORS: Record<SlaState, string> = { in_progress: 'processing', warning: 'warning', breached: 'error', paused: 'default', met: 'success' };
export const KIND_COLORS: Record<string, string> = { complaint: 'magenta', enquiry: 'cyan', service: 'purple' };

/**
 * Working minutes for people, in hours and minutes (no days: a working day's length is the calendar's
 * business): 45 分钟, 2 小时, 40 小时 30 分. `t` reads the tickets namespace's span.*.
 */
export function workSpan(minutes: number, t: TFunction): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const min = m % 60;
  if (!h) return t('tickets:span.minutes', { m: min });
  return min ? t('tickets:span.hoursMinutes', { h, m: min }) : t('tickets:span.hours', { h });
}
