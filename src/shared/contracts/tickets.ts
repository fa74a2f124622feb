import { z } from 'zod';
import { JOB_RUN_STATUSES, jobRun, type JobRun } from './jobs';
import { isoDateTime, isoDateTimeInput, isoDateTimeNullable, listQuery, paged, versionBody } from './common';

/**
 * 服务请求与投诉 (SPEC SVC-1, issue 15 items 1–3). Kinds: complaint 投诉, enquiry 咨询, service 服务. A ticket
 * is raised on an account in the caller's scope (account:read) and handled by its owner (default: the
 * account's owner). States: new (logged by its owner) / assigned (handed to an owner) → in_progress →
 * waiting (for the customer: the SLA clock is paused) → in_progress … → resolved (with the resolution) →
 * closed; a resolved or closed ticket is reopened (→ in_progress) with a reason.
 *
 * SLA (working time on the working calendar — 法定节假日 and 调休 — and working hours): the policy of the
 * ticket's kind × severity (× the account's tier when a policy names one) gives two budgets in working
 * minutes, counted from receivedAt:
 *   first_response — met when the ticket first goes in progress (开始处理: the owner has answered the
 *                    customer and works on it); a ticket resolved from waiting had met it already;
 *   resolve        — met when resolved; a reopen unmeets it, its clock resuming where it stopped.
 * Waiting and the time between resolved and a reopen pause the clock: their working minutes are added to
 * the milestone (pausedMinutes) and move its due time out. A milestone is met / breached (its due time
 * passed; kept on record once missed, even when met later) / paused (while waiting) / warning (≥ the
 * policy's warnPercent, default 75 %, of the budget used) / in_progress. Changing kind or severity applies
 * the policy again to the milestones not yet met.
 *
 * Escalation (a job every minute, and run now by ticket:manage): warning → a notice to the owner; breach
 * → a notice to the owner and a notice and a task to the director above the owner's unit; breach + N
 * working hours (gmAfterMinutes, default 240) → a notice and a task to the GM. Each once per ticket,
 * milestone and level, whichever instance runs it.
 *
 * Validity: a closed complaint is judged 有效 valid / 无效 invalid by ticket:judge (the director) with the
 * reason and the person responsible; a reopen clears the judgement. Valid complaints are what the
 * scorecard's −5 points read (the room's validComplaints).
 *
 * Read with ticket:read, written with ticket:write, in the owner / unit data scope (404 outside it);
 * judged with ticket:judge; SLA policies and the run now with ticket:manage. Every change is in the
 * ticket's history, on the account timeline and in the audit; writes take the version read (409 stale).
 *
 * Routes (tag tickets):
 *   GET    /api/tickets                         ticketListQuery → ticketPage
 *   POST   /api/tickets                         ticketCreate → 201 ticket
 *   GET    /api/tickets/:id                     → ticket (milestones, history, escalations, files)
 *   PUT    /api/tickets/:id                     ticketUpdate → ticket (not closed)
 *   POST   /api/tickets/:id/assign              ticketAssignBody → ticket
 *   POST   /api/tickets/:id/{start,wait,resume,close}  ticketMoveBody → ticket
 *   POST   /api/tickets/:id/resolve             ticketResolveBody → ticket
 *   POST   /api/tickets/:id/reopen              ticketReopenBody → ticket
 *   POST   /api/tickets/:id/judge               ticketJudgeBody → ticket (ticket:judge)
 *   POST   /api/tickets/:id/files               ticketFileUpload → 201 ticketFile
 *   GET    /api/tickets/:id/files/:fileId       → the file's bytes
 *   DELETE /api/tickets/:id/files/:fileId       → ok
 *   GET    /api/accounts/:id/tickets            → accountTickets
 *   GET    /api/tickets/settings                → ticketSettings
 *   PUT    /api/tickets/settings                ticketSettingsUpdate → ticketSettings (ticket:manage)
 *   POST   /api/tickets/escalation/run          → 202 escalationRun (ticket:manage)
 *   GET    /api/tickets/escalation/run          → escalationRun | null (ticket:manage)
 */

export const TICKET_KINDS = ['complaint', 'enquiry', 'service'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const TICKET_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type TicketSeverity = (typeof TICKET_SEVERITIES)[number];
export const TICKET_CHANNELS = ['phone', 'email', 'wechat', 'onsite', 'letter', 'other'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** The statuses of a ticket still being handled (the handover's open tickets). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];
export const SLA_MILESTONES = ['first_response', 'resolve'] as const;
export type SlaMilestone = (typeof SLA_MILESTONES)[number];
export const SLA_STATES = ['in_progress', 'warning', 'breached', 'paused', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const ESCALATION_LEVELS = ['warning', 'breach', 'gm'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const TICKET_VALIDITIES = ['valid', 'invalid'] as const;
export type TicketValidity = (typeof TICKET_VALIDITIES)[number];
export const TICKET_TIERS = ['heavy', 'large', 'smb'] as const;
/** sla: the current milestone's state (breached, warning, in progress, paused, met) then its due time — overdue first. */
export const TICKET_SORTS = ['sla', 'receivedAt', 'createdAt', 'updatedAt', 'number', 'severity'] as const;
export type TicketSortKey = (typeof TICKET_SORTS)[number];
/** What a ticket's history records. */
export const TICKET_EVENTS = ['created', 'assigned', 'started', 'waiting', 'resumed', 'resolved', 'closed', 'reopened', 'updated', 'judged', 'file_added', 'file_removed', 'escalated'] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

/** The description's limit (10,000 characters). */
export const MAX_TICKET_DESCRIPTION = 10_000;

const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(300)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

// ---- writes ----

export const ticketCreate = z.object({
  kind: z.enum(TICKET_KINDS),
  severity: z.enum(TICKET_SEVERITIES),
  channel: z.enum(TICKET_CHANNELS),
  /** an account the caller reaches with account:read (400 naming accountId otherwise) */
  accountId: id,
  /** a contact of that account (400 naming contactId otherwise) */
  contactId: id.nullable().optional(),
  /** an active user; default the account's owner */
  ownerId: id.optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(MAX_TICKET_DESCRIPTION).default(''),
  /**
   * when the customer raised it (a complaint phoned in and logged afterwards): not in the future, at most
   * 30 days back (400 naming receivedAt); default now. The SLA clock starts here.
   */
  receivedAt: isoDateTimeInput.optional(),
});
export type TicketCreate = z.input<typeof ticketCreate>;

/** PUT /api/tickets/:id — the fields sent change (each change in the history); not on a closed ticket. */
export const ticketUpdate = z.object({
  version: z.number().int().positive(),
  kind: z.enum(TICKET_KINDS).optional(),
  severity: z.enum(TICKET_SEVERITIES).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  contactId: id.nullable().optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(MAX_TICKET_DESCRIPTION).optional(),
});
export type TicketUpdate = z.input<typeof ticketUpdate>;

const note = z.string().trim().max(2000).optional();
/** start, wait (for the customer), resume, close: the version read and an optional note for the history. */
export const ticketMoveBody = versionBody.extend({ note });
export const ticketAssignBody = versionBody.extend({ ownerId: id, note });
export const ticketResolveBody = versionBody.extend({ resolution: z.string().trim().min(1).max(4000) });
export const ticketReopenBody = versionBody.extend({ reason: z.string().trim().min(1).max(2000) });
export const ticketJudgeBody = versionBody.extend({
  validity: z.enum(TICKET_VALIDITIES),
  reason: z.string().trim().min(1).max(2000),
  /** the person responsible: an active user */
  responsibleId: id,
});
export type TicketJudgeBody = z.input<typeof ticketJudgeBody>;

/** Uploads travel as base64 in JSON (≤ 10 MB decoded; PDF, images, Office documents, text, audio recordings, zip). */
export const ticketFileUpload = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.string().trim().min(1).max(100),
  contentBase64: z.string().min(1),
});
export const ticketFileParams = z.object({ id: queryId, fileId: queryId });

// ---- reads ----

export const ticketListQuery = listQuery.extend({
  /** comma-separated */
  kind: list(TICKET_KINDS).optional(),
  status: list(TICKET_STATUSES).optional(),
  severity: list(TICKET_SEVERITIES).optional(),
  /** the current milestone's SLA state, comma-separated */
  sla: list(SLA_STATES).optional(),
  /** only tickets with a breach on record */
  breached: z.enum(['true', 'false']).optional(),
  /** only open tickets (new, assigned, in progress, waiting) */
  open: z.enum(['true', 'false']).optional(),
  accountId: queryId.optional(),
  ownerId: queryId.optional(),
  validity: z.enum(TICKET_VALIDITIES).optional(),
});
export type TicketListQuery = z.input<typeof ticketListQuery>;

const ref = z.object({ id: z.number(), name: z.string() });

/** The ticket's SLA at a glance: the first milestone not met (null when both are), its state and due time. */
export const ticketSlaSummary = z.object({
  milestone: z.enum(SLA_MILESTONES).nullable(),
  state: z.enum(SLA_STATES),
  /** the current milestone's due time (while paused: as it stood when the clock stopped) */
  dueAt: isoDateTimeNullable,
  /** a milestone of the ticket was breached (on record, even when met later) */
  breached: z.boolean(),
});
export type TicketSlaSummary = z.infer<typeof ticketSlaSummary>;

export const ticketListItem = z.object({
  id: z.number(),
  number: z.string(),
  kind: z.enum(TICKET_KINDS),
  severity: z.enum(TICKET_SEVERITIES),
  channel: z.enum(TICKET_CHANNELS),
  status: z.enum(TICKET_STATUSES),
  accountId: z.number(),
  accountName: z.string(),
  contact: ref.nullable(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  receivedAt: isoDateTime,
  sla: ticketSlaSummary,
  validity: z.enum(TICKET_VALIDITIES).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type TicketListItem = z.infer<typeof ticketListItem>;
export const ticketPage = paged(ticketListItem);
export type TicketPage = z.infer<typeof ticketPage>;

export const ticketMilestone = z.object({
  milestone: z.enum(SLA_MILESTONES),
  state: z.enum(SLA_STATES),
  budgetMinutes: z.number(),
  /** working minutes the clock was paused (waiting, resolved before a reopen) */
  pausedMinutes: z.number(),
  /** working minutes used of the budget (until met, or until now; while paused: until the pause) */
  usedMinutes: z.number(),
  warnAt: isoDateTime,
  dueAt: isoDateTime,
  metAt: isoDateTimeNullable,
  /** the due time it was missed at (kept when met later) */
  breachedAt: isoDateTimeNullable,
});
export type TicketMilestone = z.infer<typeof ticketMilestone>;

export const ticketHistoryEntry = z.object({
  id: z.number(),
  at: isoDateTime,
  /** null: the system (an escalation) */
  actor: ref.nullable(),
  event: z.enum(TICKET_EVENTS),
  fromStatus: z.enum(TICKET_STATUSES).nullable(),
  toStatus: z.enum(TICKET_STATUSES).nullable(),
  /** field → [before, after] (owner and contact as names); an escalation's milestone and level */
  changes: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
});
export type TicketHistoryEntry = z.infer<typeof ticketHistoryEntry>;

export const ticketEscalation = z.object({ milestone: z.enum(SLA_MILESTONES), level: z.enum(ESCALATION_LEVELS), at: isoDateTime, notified: ref.nullable() });
export type TicketEscalation = z.infer<typeof ticketEscalation>;

export const ticketFile = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), uploadedBy: ref, createdAt: isoDateTime });
export type TicketFile = z.infer<typeof ticketFile>;

export const ticket = ticketListItem.extend({
  description: z.string(),
  resolution: z.string().nullable(),
  resolvedAt: isoDateTimeNullable,
  closedAt: isoDateTimeNullable,
  pausedAt: isoDateTimeNullable,
  reopened: z.number(),
  validityReason: z.string().nullable(),
  responsible: ref.nullable(),
  judgedBy: ref.nullable(),
  judgedAt: isoDateTimeNullable,
  createdBy: ref,
  milestones: z.array(ticketMilestone),
  escalations: z.array(ticketEscalation),
  history: z.array(ticketHistoryEntry),
  files: z.array(ticketFile),
});
export type Ticket = z.infer<typeof ticket>;

/** GET /api/accounts/:id/tickets — the account's tickets in the caller's scope (the 360 page's tab), open ones overdue first. */
export const accountTickets = z.object({ items: z.array(ticketListItem) });
export type AccountTickets = z.infer<typeof accountTickets>;

// ---- settings ----

const minutes = z.number().int().min(1).max(60 * 24 * 60);
/** One SLA policy: kind × severity, for one account tier or (tier null) for every tier without its own. */
export const slaPolicy = z.object({
  kind: z.enum(TICKET_KINDS),
  severity: z.enum(TICKET_SEVERITIES),
  tier: z.enum(TICKET_TIERS).nullable(),
  /** first response, working minutes */
  respondMinutes: minutes,
  /** resolve, working minutes (≥ respondMinutes) */
  resolveMinutes: minutes,
});
export type SlaPolicy = z.infer<typeof slaPolicy>;

export const slaSettingsValue = z.object({
  policies: z.array(slaPolicy).max(200),
  /** the share of a budget used at which a milestone is in warning */
  warnPercent: z.number().int().min(10).max(99),
  /** working minutes after a breach at which the GM is told */
  gmAfterMinutes: minutes,
});
export type SlaSettingsValue = z.infer<typeof slaSettingsValue>;

export const ticketSettings = slaSettingsValue.extend({
  version: z.number(),
  updatedAt: isoDateTimeNullable,
  /** the working hours the clocks run on ('HH:mm'; the break is not worked) */
  workingHours: z.object({ start: z.string(), end: z.string(), breakStart: z.string().nullable(), breakEnd: z.string().nullable() }),
});
export type TicketSettings = z.infer<typeof ticketSettings>;
/** Every kind × severity needs its default policy (tier null); no two policies for the same kind, severity and tier (400 naming policies.<i>). */
export const ticketSettingsUpdate = slaSettingsValue.extend({ version: z.number().int().min(0) });
export type TicketSettingsUpdate = z.input<typeof ticketSettingsUpdate>;

export const ESCALATION_RUN_STATUSES = JOB_RUN_STATUSES;
export const escalationRun = jobRun;
export type EscalationRun = JobRun;
export const latestEscalationRun = escalationRun.nullable();
