import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeInput, isoDateTimeNullable, paged, versionBody } from './common';
import { VISIT_METHODS, VISIT_PURPOSES } from './visits';

/**
 * 增值服务与客户活动 (SPEC SVC-4, issue 15 item 8).
 *
 * Events (客户活动): a 大客户座谈会, salon, experience day, gala or other event organised by a person for
 * their unit. States: draft → pending (its budget in the approval engine, doc type customer_event: the
 * KA director; the GM too above ¥50,000) → approved (筹备中: guests invited, registrations and costs
 * recorded) → held (举办完毕, once it has started: attendance recorded at the door) → closed (总结, the
 * costs final); rejected returns to editing; draft, rejected and approved events can be cancelled with
 * a reason. Who sees an event: its organiser's scope (event:read over owner and unit) and everyone in
 * the event's unit or below it — a department's seminar is open to all its staff to invite their
 * contacts. The organiser (event:write in that scope) edits it, records costs, holds and closes it.
 *
 * Invitations: contacts (not left) of accounts in the inviter's scope (event:write), each once per event;
 * response invited → registered / declined; attendance (attended true / false) once the event has
 * started; an attendee's follow-up becomes a draft visit plan (visit:write) or a development project at
 * stage 1 (opportunity:write), once. The guest list shows the invitations of accounts in the caller's
 * scope — all of them to the organiser — and counts over all.
 *
 * Costs: recorded by the organiser once the event is approved and until it is closed; a cost that
 * takes the total above the approved budget needs its reason (400 overBudgetReason otherwise) and
 * tells the director above the unit once.
 *
 * Service log (增值服务记录): per account (event:write in the account's scope), kind, title, date,
 * contact, cost, note; its author or the director changes and deletes it.
 *
 * Routes (tag events):
 *   GET    /api/events                              eventListQuery → eventPage
 *   POST   /api/events                              eventCreate → 201 eventDetail
 *   GET    /api/events/:id                          → eventDetail
 *   PUT    /api/events/:id                          eventUpdate → eventDetail
 *   POST   /api/events/:id/submit | withdraw | hold versionBody → eventDetail
 *   POST   /api/events/:id/close                    eventClose → eventDetail
 *   POST   /api/events/:id/cancel                   eventCancel → eventDetail
 *   POST   /api/events/:id/invitations              invitationsCreate → eventDetail
 *   PATCH  /api/events/:id/invitations/:invId       invitationUpdate → eventDetail
 *   DELETE /api/events/:id/invitations/:invId       ?version → eventDetail (not yet responded or attended)
 *   POST   /api/events/:id/invitations/:invId/follow-up followUpCreate → eventDetail
 *   POST   /api/events/:id/costs                    eventCostCreate → eventDetail
 *   DELETE /api/events/:id/costs/:costId            → eventDetail
 *   GET    /api/accounts/:id/services               → accountServices (service log + event participation)
 *   POST   /api/accounts/:id/services               serviceLogInput → 201 serviceLog
 *   PUT    /api/service-logs/:id                    serviceLogUpdate → serviceLog
 *   DELETE /api/service-logs/:id                    ?version
 */

export const EVENT_KINDS = ['seminar', 'salon', 'experience', 'gala', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'held', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const INVITATION_RESPONSES = ['invited', 'registered', 'declined'] as const;
export type InvitationResponse = (typeof INVITATION_RESPONSES)[number];
export const EVENT_COST_CATEGORIES = ['venue', 'catering', 'materials', 'gifts', 'transport', 'speaker', 'other'] as const;
export const FOLLOW_UP_KINDS = ['visit', 'opportunity'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const SERVICE_KINDS = ['consulting', 'training', 'experience', 'care', 'priority', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
/** upcoming: not over and not cancelled/closed; past: over, closed or cancelled; all */
export const EVENT_WHENS = ['upcoming', 'past', 'all'] as const;
/** above this budget (fen) the GM approves too: ¥50,000 */
export const EVENT_GM_THRESHOLD = 5_000_000;

const text = (max: number) => z.string().trim().max(max);
const id = z.number().int().positive();
const person = z.object({ id: z.number().int(), name: z.string() });

export const eventListQuery = z.object({
  when: z.enum(EVENT_WHENS).default('upcoming'),
  kind: z.enum(EVENT_KINDS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  /** events with a guest of this account (in the caller's scope) */
  accountId: z.coerce.number().int().positive().optional(),
  q: text(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type EventListQuery = z.infer<typeof eventListQuery>;

const counts = z.object({ invited: z.number().int(), registered: z.number().int(), declined: z.number().int(), attended: z.number().int() });

export const eventListItem = z.object({
  id: z.number().int(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  owner: person,
  unit: z.object({ id: z.number().int(), name: z.string() }),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  venue: z.string(),
  capacity: z.number().int().nullable(),
  /** fen */
  budget: z.number(),
  spent: z.number(),
  guests: counts,
});
export type EventListItem = z.infer<typeof eventListItem>;
export const eventPage = paged(eventListItem);
export type EventPage = z.infer<typeof eventPage>;

export const invitation = z.object({
  id: z.number().int(),
  contact: z.object({ id: z.number().int(), name: z.string(), title: z.string().nullable() }),
  account: z.object({ id: z.number().int(), name: z.string() }),
  invitedBy: person,
  invitedAt: isoDateTime,
  response: z.enum(INVITATION_RESPONSES),
  respondedAt: isoDateTimeNullable,
  attended: z.boolean().nullable(),
  checkedInAt: isoDateTimeNullable,
  note: z.string(),
  followUp: z.object({ kind: z.enum(FOLLOW_UP_KINDS), id: z.number().int(), link: z.string(), at: isoDateTimeNullable, by: person.nullable() }).nullable(),
  version: z.number().int(),
  /** whether the caller may change it (not once the event is closed or cancelled) */
  canEdit: z.boolean(),
  /** whether the caller may follow the guest up now (a guest who came to a held or closed event, not yet followed up) */
  canFollowUp: z.boolean(),
});
export type Invitation = z.infer<typeof invitation>;

export const eventCost = z.object({
  id: z.number().int(),
  category: z.enum(EVENT_COST_CATEGORIES),
  amount: z.number(),
  spentOn: z.string(),
  note: z.string(),
  overBudgetReason: z.string().nullable(),
  createdBy: person,
  createdAt: isoDateTime,
});
export type EventCost = z.infer<typeof eventCost>;

export const eventDetail = eventListItem.extend({
  agenda: z.string(),
  summary: z.string(),
  cancelReason: z.string().nullable(),
  approvalId: z.number().int().nullable(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  heldAt: isoDateTimeNullable,
  closedAt: isoDateTimeNullable,
  invitations: z.array(invitation),
  /** the invitations of accounts outside the caller's scope: counted, not listed */
  hiddenInvitations: z.number().int(),
  costs: z.array(eventCost),
  version: z.number().int(),
  /** what the caller may do now */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), hold: z.boolean(), close: z.boolean(), cancel: z.boolean(), invite: z.boolean(), costs: z.boolean() }),
});
export type EventDetail = z.infer<typeof eventDetail>;

const eventFields = z.object({
  kind: z.enum(EVENT_KINDS),
  title: text(200).min(1),
  startsAt: isoDateTimeInput,
  endsAt: isoDateTimeInput,
  venue: text(300),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  budget: fen.max(100_000_000_000),
  agenda: text(8000),
});
export const eventCreate = eventFields.extend({ venue: eventFields.shape.venue.default(''), budget: eventFields.shape.budget.default(0), agenda: eventFields.shape.agenda.default('') });
export type EventCreate = z.input<typeof eventCreate>;
/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const eventUpdate = eventFields.partial().extend({ version: z.number().int().positive() });
export type EventUpdate = z.input<typeof eventUpdate>;
export const eventClose = versionBody.extend({ summary: text(8000).min(1) });
export const eventCancel = versionBody.extend({ reason: text(500).min(1) });

export const invitationsCreate = z.object({ contactIds: z.array(id).min(1).max(200) });
export const invitationParams = z.object({ id: z.coerce.number().int().positive(), invId: z.coerce.number().int().positive() });
export const costParams = z.object({ id: z.coerce.number().int().positive(), costId: z.coerce.number().int().positive() });
export const invitationUpdate = z.object({
  version: z.number().int().positive(),
  response: z.enum(INVITATION_RESPONSES).optional(),
  attended: z.boolean().nullable().optional(),
  note: text(500).optional(),
});
export type InvitationUpdate = z.input<typeof invitationUpdate>;

/** An attendee's follow-up: a draft visit plan of the caller, or a development project at stage 1. */
export const followUpCreate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visit'), version: z.number().int().positive(), plannedAt: isoDateTimeInput, purpose: z.enum(VISIT_PURPOSES).default('relationship'), method: z.enum(VISIT_METHODS).default('onsite'), note: text(2000).optional() }),
  z.object({ kind: z.literal('opportunity'), version: z.number().int().positive(), name: text(200).min(1), expectedValue: fen, expectedCloseOn: businessDate.nullable().optional(), note: text(4000).optional() }),
]);
export type FollowUpCreate = z.input<typeof followUpCreate>;

export const eventCostCreate = z.object({
  category: z.enum(EVENT_COST_CATEGORIES),
  amount: fen.min(1).max(100_000_000_000),
  spentOn: businessDate,
  note: text(500).default(''),
  /** required when this cost takes the total above the budget */
  overBudgetReason: text(500).optional(),
});
export type EventCostCreate = z.input<typeof eventCostCreate>;

// ---- service log ----

export const serviceLog = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  kind: z.enum(SERVICE_KINDS),
  title: z.string(),
  providedOn: z.string(),
  contact: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  cost: z.number(),
  note: z.string(),
  owner: person,
  version: z.number().int(),
  canEdit: z.boolean(),
  createdAt: isoDateTime,
});
export type ServiceLog = z.infer<typeof serviceLog>;

const serviceLogFields = z.object({
  kind: z.enum(SERVICE_KINDS),
  title: text(200).min(1),
  providedOn: businessDate,
  contactId: id.nullable().optional(),
  cost: fen.max(100_000_000_000),
  note: text(2000),
});
export const serviceLogInput = serviceLogFields.extend({ cost: serviceLogFields.shape.cost.default(0), note: serviceLogFields.shape.note.default('') });
export type ServiceLogInput = z.input<typeof serviceLogInput>;
/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const serviceLogUpdate = serviceLogFields.partial().extend({ version: z.number().int().positive() });

export const accountEventItem = z.object({
  eventId: z.number().int(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  startsAt: isoDateTime,
  contact: z.object({ id: z.number().int(), name: z.string() }),
  response: z.enum(INVITATION_RESPONSES),
  attended: z.boolean().nullable(),
  followUp: z.object({ kind: z.enum(FOLLOW_UP_KINDS), id: z.number().int(), link: z.string() }).nullable(),
});
export type AccountEventItem = z.infer<typeof accountEventItem>;

export const accountServices = z.object({
  services: z.array(serviceLog),
  /** the year's services: how many, what they cost (fen) */
  yearCount: z.number().int(),
  yearCost: z.number(),
  events: z.array(accountEventItem),
  /** whether the caller may log a service here */
  canWrite: z.boolean(),
});
export type AccountServices = z.infer<typeof accountServices>;
