import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { iso } from '../../../shared/contracts/common';
import {
  type AccountServices,
  type EventCost,
  type EventDetail,
  type EventKind,
  type EventListItem,
  type EventListQuery,
  type EventPage,
  type EventStatus,
  type eventCancel,
  type eventClose,
  type eventCostCreate,
  type eventCreate,
  type eventUpdate,
  type followUpCreate,
  type Invitation,
  type InvitationResponse,
  type invitationUpdate,
  type invitationsCreate,
  type ServiceLog,
  type serviceLogInput,
  type serviceLogUpdate,
  type ServiceKind,
  EVENT_GM_THRESHOLD,
} from '../../../shared/contracts/events';
import { businessDate } from '../../../shared/domain/business-time';
import { formatMoney } from '../../../shared/domain/money';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { Executor, Kdb, Trx } from '../../db/client';
import { assertCan, can, scopeOf, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { defineApprovable, field, stampedBy, stepBy } from '../../platform/approvals/approvable';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { pageWindow } from '../../platform/listing';
import type { Notifier } from '../../platform/notifications/notifier';
import { orgReads } from '../../platform/org.repo';
import { accountReachable, accountScope, ownedScope } from '../../platform/scope';
import { withVersioned } from '../../platform/versioned';
import { createOpportunityIn } from '../opportunities';
import { createVisitIn } from '../visits';
import { eventsRepo as repo, type EventScope, type GuestScope } from './events.repo';
import { allowed, costCheck, DOC_TYPE, ENTITY, eventStatusFor, followUpIssue, invitationChange, lockedFieldIssues, timeIssues, type EventAction } from './events.rules';

const LOG_ENTITY = 'service_log';
const INVITATION_ENTITY = 'event_invitation';

const err = {
  notFound: () => new AppError('NOT_FOUND', 'Event not found', undefined, { key: 'events.notFound' }),
  invitationNotFound: () => new AppError('NOT_FOUND', 'Guest not found', undefined, { key: 'events.invitationNotFound' }),
  costNotFound: () => new AppError('NOT_FOUND', 'Cost not found', undefined, { key: 'events.costNotFound' }),
  logNotFound: () => new AppError('NOT_FOUND', 'Service record not found', undefined, { key: 'events.logNotFound' }),
  accountNotFound: () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'events.accountNotFound' }),
  stale: () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' }),
  full: (capacity: number) => new AppError('CONFLICT', `The event is full (${capacity} places)`, undefined, { key: 'events.full', params: { capacity } }),
  followedUp: () => new AppError('CONFLICT', 'This guest has a follow-up already', undefined, { key: 'events.followedUp' }),
  notRemovable: () => new AppError('INVALID_STATE', 'A guest who answered or came stays on the list; record the response instead', undefined, { key: 'events.notRemovable' }),
};

/** The 409 of an action the event's status does not allow, one key per action. */
const CANNOT: Record<EventAction, (status: string) => AppError> = {
  edit: (status) => new AppError('INVALID_STATE', `The event is ${status}; its plan cannot change now`, undefined, { key: 'events.cannot.edit', params: { status } }),
  submit: (status) => new AppError('INVALID_STATE', `The event is ${status}; it cannot be submitted`, undefined, { key: 'events.cannot.submit', params: { status } }),
  withdraw: (status) => new AppError('INVALID_STATE', `The event is ${status}, not waiting for approval`, undefined, { key: 'events.cannot.withdraw', params: { status } }),
  hold: (status) => new AppError('INVALID_STATE', `The event is ${status}; it is marked held once approved and started`, undefined, { key: 'events.cannot.hold', params: { status } }),
  close: (status) => new AppError('INVALID_STATE', `The event is ${status}; it closes once held`, undefined, { key: 'events.cannot.close', params: { status } }),
  cancel: (status) => new AppError('INVALID_STATE', `The event is ${status}; it cannot be cancelled`, undefined, { key: 'events.cannot.cancel', params: { status } }),
  invite: (status) => new AppError('INVALID_STATE', `The event is ${status}; its guest list is closed`, undefined, { key: 'events.cannot.invite', params: { status } }),
  costs: (status) => new AppError('INVALID_STATE', `The event is ${status}; costs are recorded on an approved or held event`, undefined, { key: 'events.cannot.costs', params: { status } }),
  attendance: (status) => new AppError('INVALID_STATE', `The event is ${status}; attendance waits for its start`, undefined, { key: 'events.cannot.attendance', params: { status } }),
};

// ---- scope ----

/**
 * Who sees an event: the organiser's scope (event:read over owner and unit), and everyone whose unit
 * is the event's unit or below it — a department's seminar is open to all its staff.
 */
export function readScope(actor: Actor): EventScope {
  const owned = ownedScope('customer_events', actor, 'event:read');
  if (!can(actor, 'event:read')) return () => sql<SqlBool>`false`;
  return (eb) => eb.or([owned(eb), sql<SqlBool>`exists (select 1 from org_units ou where ou.id = customer_events.unit_id and ${actor.unitPath} like ou.path || '%')`]);
}
/** Who runs it: event:write over its owner and unit (the organiser, the director above). */
export const manageScope = (actor: Actor): EventScope => ownedScope('customer_events', actor, 'event:write');

const isStarted = (startsAt: Date | string, now: Date) => new Date(startsAt).getTime() <= now.getTime();

// ---- approval ----

/** 客户活动方案: its budget goes to the KA director, and to the GM too above ¥50,000. */
export const eventApprovable = defineApprovable({
  async summary(db, id) {
    const e = await repo.byId(db, id, () => sql<SqlBool>`true`);
    if (!e) return undefined;
    return {
      fields: [
        field.enum('events:fields.kind', 'events:kinds', e.kind),
        field.text('events:fields.title', e.title),
        field.dateTime('events:fields.startsAt', e.starts_at),
        field.dateTime('events:fields.endsAt', e.ends_at),
        field.text('events:fields.venue', e.venue),
        field.count('events:fields.capacity', e.capacity),
        field.count('events:fields.invited', Number(e.invited)),
        field.money('events:fields.budget', Number(e.budget)),
        field.longText('events:fields.agenda', e.agenda),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: [DOC_TYPE],
  defaultChains: { [DOC_TYPE]: { name: '客户活动方案审批', steps: [stepBy('ka_director', '部门负责人'), stepBy('gm', '总经理', EVENT_GM_THRESHOLD)] } },
  amount: { label: 'approvals:amounts.budget' },
  link: (id) => `/events/${id}`,
  table: 'customer_events',
  entity: ENTITY,
  statusValues: stampedBy(eventStatusFor, ['draft']),
  auditData: (approval, values) => ({ status: values.status, approval }),
});

// ---- views ----

type EventRow = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

function listItem(r: EventRow): EventListItem {
  return {
    id: r.id,
    kind: r.kind as EventKind,
    title: r.title,
    status: r.status as EventStatus,
    owner: { id: r.owner_id, name: r.owner_name },
    unit: { id: r.unit_id, name: r.unit_name },
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    venue: r.venue,
    capacity: r.capacity,
    budget: Number(r.budget),
    spent: Number(r.spent),
    guests: { invited: Number(r.invited), registered: Number(r.registered), declined: Number(r.declined), attended: Number(r.attended) },
  };
}

export async function list(db: Kdb, actor: Actor, q: EventListQuery): Promise<EventPage> {
  const r = await repo.list(db, {
    scope: readScope(actor),
    when: q.when,
    now: new Date(),
    kind: q.kind,
    status: q.status,
    accountId: q.accountId,
    accountScope: accountScope(actor, 'event:read'),
    q: q.q,
    ...pageWindow(q),
  });
  return { items: r.items.map(listItem), total: r.total, page: q.page, pageSize: q.pageSize };
}

const followUpLink = (kind: string, id: number) => (kind === 'visit' ? `/visits/${id}` : `/opportunities/${id}`);

export async function get(db: Kdb, actor: Actor, id: number): Promise<EventDetail> {
  const e = await repo.byId(db, id, readScope(actor));
  if (!e) throw err.notFound();
  const manages = await repo.inScope(db, id, manageScope(actor));
  const guests: GuestScope = manages ? 'all' : accountScope(actor, 'event:read');
  const [rows, total, costs] = await Promise.all([repo.invitations(db, id, guests, accountScope(actor, 'event:write')), repo.invitationCount(db, id), repo.costs(db, id)]);
  const status = e.status as EventStatus;
  const started = isStarted(e.starts_at, new Date());
  const open = status !== 'closed' && status !== 'cancelled';
  const invitations: Invitation[] = rows.map((r) => ({
    id: r.id,
    contact: { id: r.contact_id, name: r.contact_name, title: r.contact_title },
    account: { id: r.account_id, name: r.account_name },
    invitedBy: { id: r.invited_by, name: r.inviter_name },
    invitedAt: iso(r.invited_at),
    response: r.response as InvitationResponse,
    respondedAt: iso(r.responded_at),
    attended: r.attended,
    checkedInAt: iso(r.checked_in_at),
    note: r.note,
    followUp: r.followup_kind && r.followup_id ? { kind: r.followup_kind as 'visit' | 'opportunity', id: Number(r.followup_id), link: followUpLink(r.followup_kind, Number(r.followup_id)), at: iso(r.followup_at), by: r.followup_by ? { id: r.followup_by, name: r.followup_by_name ?? '' } : null } : null,
    version: r.version,
    canEdit: open && (manages || r.writable),
    canFollowUp: (manages || r.writable) && r.attended === true && r.followup_kind === null && (status === 'held' || status === 'closed'),
  }));
  const costRows: EventCost[] = costs.map((c) => ({
    id: c.id,
    category: c.category as EventCost['category'],
    amount: Number(c.amount),
    spentOn: c.spent_on,
    note: c.note,
    overBudgetReason: c.over_budget_reason,
    createdBy: { id: c.created_by, name: c.created_by_name },
    createdAt: iso(c.created_at),
  }));
  return {
    ...listItem(e),
    agenda: e.agenda,
    summary: e.summary,
    cancelReason: e.cancel_reason,
    approvalId: e.approval_id === null ? null : Number(e.approval_id),
    submittedAt: iso(e.submitted_at),
    decidedAt: iso(e.decided_at),
    heldAt: iso(e.held_at),
    closedAt: iso(e.closed_at),
    invitations,
    hiddenInvitations: total - invitations.length,
    costs: costRows,
    version: e.version,
    can: {
      edit: manages && allowed('edit', status, started),
      submit: manages && allowed('submit', status, started),
      withdraw: manages && allowed('withdraw', status, started),
      hold: manages && allowed('hold', status, started),
      close: manages && allowed('close', status, started),
      cancel: manages && allowed('cancel', status, started),
      invite: can(actor, 'event:write') && allowed('invite', status, started),
      costs: manages && allowed('costs', status, started),
    },
  };
}

// ---- the event ----

export async function create(db: Kdb, actor: Actor, input: z.infer<typeof eventCreate>): Promise<number> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const issues = timeIssues(startsAt, endsAt);
  if (issues.length) throw validationError(issues);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insert(trx, {
      kind: input.kind,
      title: input.title,
      owner_id: actor.userId,
      unit_id: actor.unitId,
      starts_at: startsAt,
      ends_at: endsAt,
      venue: input.venue,
      capacity: input.capacity ?? null,
      budget: input.budget,
      agenda: input.agenda,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: ENTITY, entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

const lockManaged = (actor: Actor, id: number) => (trx: Executor) => repo.lock(trx, id, manageScope(actor));
type Locked = NonNullable<Awaited<ReturnType<typeof repo.lock>>>;

function need(action: EventAction, e: Locked, now = new Date()) {
  if (!allowed(action, e.status as EventStatus, isStarted(e.starts_at, now))) throw CANNOT[action](e.status);
}

export async function update(db: Kdb, actor: Actor, id: number, input: z.infer<typeof eventUpdate>) {
  await withVersioned(db, lockManaged(actor, id), input.version, { notFound: err.notFound, stale: err.stale }, async (trx, before) => {
    need('edit', before);
    const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : new Date(before.starts_at);
    const endsAt = input.endsAt !== undefined ? new Date(input.endsAt) : new Date(before.ends_at);
    const registered = input.capacity != null ? Number((await repo.byId(trx, id, () => sql<SqlBool>`true`))?.registered ?? 0) : 0;
    const issues = [
      ...timeIssues(startsAt, endsAt),
      ...lockedFieldIssues(before.status as EventStatus, input, { budget: Number(before.budget) }),
      ...(input.capacity != null && input.capacity < registered ? [issue('capacity', 'events.capacityBelowRegistered', `${registered} guests have registered already`, { registered })] : []),
    ];
    if (issues.length) throw validationError(issues);
    const after = await repo.update(trx, id, {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.title !== undefined && { title: input.title }),
      starts_at: startsAt,
      ends_at: endsAt,
      ...(input.venue !== undefined && { venue: input.venue }),
      ...(input.capacity !== undefined && { capacity: input.capacity }),
      ...(input.budget !== undefined && { budget: input.budget }),
      ...(input.agenda !== undefined && { agenda: input.agenda }),
    });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'update', before, after });
  });
}

export async function submit(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await withVersioned(db, lockManaged(actor, id), version, { notFound: err.notFound, stale: err.stale }, async (trx, e) => {
    need('submit', e);
    const approvalId = await eventApprovable.submit(trx as Trx, engine, actor, { docId: id, title: `客户活动：${e.title}`, amount: Number(e.budget), submitterId: actor.userId, unitId: e.unit_id });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'submit', data: { approvalId, budget: Number(e.budget) } });
  });
}

export async function withdraw(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await eventApprovable.withdrawSeen(db, engine, actor, id, { lock: lockManaged(actor, id), version, pending: (e) => e.status === 'pending', notFound: err.notFound, stale: err.stale });
}

/** 活动已举办: an approved event once it has started; attendance is then final to record. */
export async function hold(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, lockManaged(actor, id), version, { notFound: err.notFound, stale: err.stale }, async (trx, before) => {
    need('hold', before);
    const after = await repo.update(trx, id, { status: 'held', held_at: new Date() });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'hold', before: { status: before.status }, after: { status: after.status } });
  });
}

/** 活动总结: a held event closes with its summary; its costs and guests are final. */
export async function close(db: Kdb, actor: Actor, id: number, input: z.infer<typeof eventClose>) {
  await withVersioned(db, lockManaged(actor, id), input.version, { notFound: err.notFound, stale: err.stale }, async (trx, before) => {
    need('close', before);
    const after = await repo.update(trx, id, { status: 'closed', closed_at: new Date(), summary: input.summary });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'close', before: { status: before.status }, after: { status: after.status, summary: after.summary } });
  });
}

export async function cancel(db: Kdb, actor: Actor, id: number, input: z.infer<typeof eventCancel>) {
  await withVersioned(db, lockManaged(actor, id), input.version, { notFound: err.notFound, stale: err.stale }, async (trx, before) => {
    need('cancel', before);
    const after = await repo.update(trx, id, { status: 'cancelled', cancel_reason: input.reason });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'cancel', before: { status: before.status }, after: { status: after.status, cancel_reason: after.cancel_reason } });
  });
}

// ---- guests ----

/** Locks a visible event (its row serialises the guest list's changes: capacity, two inviters at once). */
async function lockVisible(trx: Executor, actor: Actor, id: number) {
  const e = await repo.lock(trx, id, readScope(actor));
  if (!e) throw err.notFound();
  return e;
}

/** Invites contacts (not left) of accounts in the caller's scope; one invitation per contact, a repeat is skipped. */
export async function invite(db: Kdb, actor: Actor, id: number, input: z.infer<typeof invitationsCreate>) {
  await db.transaction().execute(async (trx) => {
    const e = await lockVisible(trx, actor, id);
    need('invite', e);
    const ids = [...new Set(input.contactIds)];
    const ok = new Map((await repo.invitableContacts(trx, ids, accountScope(actor, 'event:write'))).map((c) => [c.id, c.account_id]));
    const issues = input.contactIds.flatMap((c, i) => (ok.has(c) ? [] : [issue(`contactIds.${i}`, 'events.contactNotInvitable', 'Choose a contact (not left) of an account you work on')]));
    if (issues.length) throw validationError(issues);
    const written = await repo.insertInvitations(trx, ids.map((c) => ({ event_id: id, contact_id: c, account_id: ok.get(c)!, invited_by: actor.userId })));
    for (const w of written) await audit(trx, actor, { entity: INVITATION_ENTITY, entityId: w.id, action: 'create', data: { eventId: id, contactId: w.contact_id, accountId: w.account_id } });
  });
}

/** The invitation, locked with its event, when the caller runs the event or works on the guest's account. */
async function lockGuest(trx: Executor, actor: Actor, id: number, invId: number) {
  const e = await lockVisible(trx, actor, id);
  const inv = await repo.lockInvitation(trx, id, invId);
  if (!inv) throw err.invitationNotFound();
  const manages = await repo.inScope(trx, id, manageScope(actor));
  if (!manages && !(await accountReachable(trx, inv.account_id, accountScope(actor, 'event:write')))) throw err.invitationNotFound();
  return { e, inv };
}

export async function updateInvitation(db: Kdb, actor: Actor, id: number, invId: number, input: z.infer<typeof invitationUpdate>) {
  await db.transaction().execute(async (trx) => {
    const { e, inv } = await lockGuest(trx, actor, id, invId);
    if (inv.version !== input.version) throw err.stale();
    // a closed or cancelled event's guest list is final, notes too
    need('invite', e);
    const now = new Date();
    const change = invitationChange({ response: inv.response as InvitationResponse, attended: inv.attended, followedUp: inv.followup_kind !== null }, input, { status: e.status as EventStatus, started: isStarted(e.starts_at, now) });
    const { issues } = change;
    if (issues.length) throw validationError(issues);
    if (change.response === 'registered' && inv.response !== 'registered' && e.capacity !== null) {
      const counted = await repo.byId(trx, id, () => sql<SqlBool>`true`);
      if (Number(counted?.registered ?? 0) >= e.capacity) throw err.full(e.capacity);
    }
    const after = await repo.updateInvitation(trx, invId, {
      response: change.response,
      ...(change.response !== inv.response && { responded_at: now }),
      attended: change.attended,
      ...(change.attended !== inv.attended && { checked_in_at: change.attended ? now : null }),
      ...(input.note !== undefined && { note: input.note }),
    });
    await audit(trx, actor, { entity: INVITATION_ENTITY, entityId: invId, action: 'update', before: { response: inv.response, attended: inv.attended, note: inv.note }, after: { response: after.response, attended: after.attended, note: after.note }, data: { eventId: id } });
  });
}

export async function removeInvitation(db: Kdb, actor: Actor, id: number, invId: number, version: number) {
  await db.transaction().execute(async (trx) => {
    const { e, inv } = await lockGuest(trx, actor, id, invId);
    if (inv.version !== version) throw err.stale();
    need('invite', e);
    if (inv.response !== 'invited' || inv.attended !== null || inv.followup_kind !== null) throw err.notRemovable();
    await repo.deleteInvitation(trx, invId);
    await audit(trx, actor, { entity: INVITATION_ENTITY, entityId: invId, action: 'delete', before: inv, data: { eventId: id } });
  });
}

/**
 * An attendee's follow-up, written with the invitation in one transaction: a draft visit plan of the
 * caller (visit:write) or a development project at stage 1 (opportunity:write); once per guest.
 */
export async function followUp(db: Kdb, actor: Actor, id: number, invId: number, input: z.infer<typeof followUpCreate>) {
  assertCan(actor, input.kind === 'visit' ? 'visit:write' : 'opportunity:write');
  await db.transaction().execute(async (trx) => {
    const { e, inv } = await lockGuest(trx, actor, id, invId);
    if (inv.version !== input.version) throw err.stale();
    if (inv.followup_kind !== null) throw err.followedUp();
    const issues = [followUpIssue({ status: e.status as EventStatus }, inv)].filter((x) => x !== null);
    if (issues.length) throw validationError(issues);
    const followId =
      input.kind === 'visit'
        ? await createVisitIn(trx, actor, {
            accountId: inv.account_id,
            contactIds: [inv.contact_id],
            purpose: input.purpose,
            method: input.method,
            plannedAt: input.plannedAt,
            planNote: input.note ? `活动跟进：${e.title}\n${input.note}` : `活动跟进：${e.title}`,
            resources: [],
            budget: 0,
            cashAdvance: 0,
          })
        : await createOpportunityIn(trx, actor, {
            accountId: inv.account_id,
            name: input.name,
            expectedValue: input.expectedValue,
            expectedCloseOn: input.expectedCloseOn ?? null,
            description: input.note ? `来源：${e.title}\n${input.note}` : `来源：${e.title}`,
            products: [],
            participants: [],
          });
    await repo.updateInvitation(trx, invId, { followup_kind: input.kind, followup_id: followId, followup_at: new Date(), followup_by: actor.userId });
    await audit(trx, actor, { entity: INVITATION_ENTITY, entityId: invId, action: 'follow_up', data: { eventId: id, kind: input.kind, id: followId } });
  });
}

// ---- costs ----

/**
 * A cost of an approved or held event. One that takes the total above the budget needs its reason,
 * and the first such cost tells the KA director above the event's unit.
 */
export async function addCost(db: Kdb, actor: Actor, id: number, input: z.infer<typeof eventCostCreate>, notifier: Notifier) {
  await db.transaction().execute(async (trx) => {
    const e = await repo.lock(trx, id, manageScope(actor));
    if (!e) throw err.notFound();
    need('costs', e);
    const budget = Number(e.budget);
    const check = costCheck(await repo.spent(trx, id), input.amount, budget, input.overBudgetReason);
    const { issues } = check;
    if (issues.length) throw validationError(issues);
    const row = await repo.insertCost(trx, { event_id: id, category: input.category, amount: input.amount, spent_on: input.spentOn, note: input.note, over_budget_reason: check.over ? input.overBudgetReason! : null, created_by: actor.userId });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'cost', data: { costId: row.id, category: row.category, amount: input.amount, total: check.total, budget, overBudgetReason: row.over_budget_reason } });
    if (check.over && !e.over_budget_noticed) {
      await repo.update(trx, id, { over_budget_noticed: true });
      const director = await orgReads.positionHolderAbove(trx, e.unit_id, 'ka_director');
      if (director && director.id !== actor.userId) {
        await notifier.notify(trx, { userIds: [director.id], kind: 'events.overBudget', params: { title: e.title, budget: formatMoney(budget), total: formatMoney(check.total), reason: input.overBudgetReason ?? '' }, link: `/events/${id}` });
      }
    }
  });
}

export async function deleteCost(db: Kdb, actor: Actor, id: number, costId: number) {
  await db.transaction().execute(async (trx) => {
    const e = await repo.lock(trx, id, manageScope(actor));
    if (!e) throw err.notFound();
    need('costs', e);
    const c = await repo.cost(trx, id, costId);
    if (!c) throw err.costNotFound();
    await repo.deleteCost(trx, costId);
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'cost_delete', before: c });
  });
}

// ---- service log ----

type LogRow = NonNullable<Awaited<ReturnType<typeof repo.serviceLog>>>;

/** The author, or someone whose event:write scope is wider than a team (the director) and reaches the account. */
async function mayEditLog(db: Executor, actor: Actor, log: { owner_id: number; account_id: number }) {
  if (!can(actor, 'event:write')) return false;
  if (log.owner_id === actor.userId) return accountReachable(db, log.account_id, accountScope(actor, 'event:write'));
  const scope = scopeOf(actor, 'event:write');
  return (scope === 'unit' || scope === 'all') && accountReachable(db, log.account_id, accountScope(actor, 'event:write'));
}

function logOut(r: LogRow, canEdit: boolean): ServiceLog {
  return {
    id: r.id,
    accountId: r.account_id,
    kind: r.kind as ServiceKind,
    title: r.title,
    providedOn: r.provided_on,
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '' } : null,
    cost: Number(r.cost),
    note: r.note,
    owner: { id: r.owner_id, name: r.owner_name },
    version: r.version,
    canEdit,
    createdAt: iso(r.created_at),
  };
}

export async function accountServices(db: Kdb, actor: Actor, accountId: number, timeZone: string): Promise<AccountServices> {
  if (!(await accountReachable(db, accountId, accountScope(actor, 'event:read')))) throw err.accountNotFound();
  const yearStart = `${businessDate(new Date(), timeZone).slice(0, 4)}-01-01`;
  const [logs, year, events, canWrite] = await Promise.all([
    repo.serviceLogs(db, accountId, 200),
    repo.yearServices(db, accountId, yearStart),
    repo.accountEvents(db, accountId, readScope(actor), 100),
    can(actor, 'event:write') ? accountReachable(db, accountId, accountScope(actor, 'event:write')) : Promise.resolve(false),
  ]);
  const wide = scopeOf(actor, 'event:write') === 'unit' || scopeOf(actor, 'event:write') === 'all';
  return {
    services: logs.map((r) => logOut(r, canWrite && (r.owner_id === actor.userId || wide))),
    yearCount: year.count,
    yearCost: year.cost,
    events: events.map((r) => ({
      eventId: r.event_id,
      title: r.title,
      kind: r.kind as EventKind,
      status: r.status as EventStatus,
      startsAt: iso(r.starts_at),
      contact: { id: r.contact_id, name: r.contact_name },
      response: r.response as InvitationResponse,
      attended: r.attended,
      followUp: r.followup_kind && r.followup_id ? { kind: r.followup_kind as 'visit' | 'opportunity', id: Number(r.followup_id), link: followUpLink(r.followup_kind, Number(r.followup_id)) } : null,
    })),
    canWrite,
  };
}

async function checkLogContact(trx: Executor, contactId: number | null | undefined, accountId: number) {
  if (contactId == null) return;
  if (!(await repo.contactOfAccount(trx, contactId, accountId))) throw validationError([issue('contactId', 'events.contactOtherAccount', 'Choose a contact of the account')]);
}

export async function createServiceLog(db: Kdb, actor: Actor, accountId: number, input: z.infer<typeof serviceLogInput>): Promise<ServiceLog> {
  return db.transaction().execute(async (trx) => {
    if (!(await accountReachable(trx, accountId, accountScope(actor, 'event:write')))) throw err.accountNotFound();
    await checkLogContact(trx, input.contactId, accountId);
    const row = await repo.insertServiceLog(trx, { account_id: accountId, contact_id: input.contactId ?? null, kind: input.kind, title: input.title, provided_on: input.providedOn, cost: input.cost, note: input.note, owner_id: actor.userId });
    await audit(trx, actor, { entity: LOG_ENTITY, entityId: row.id, action: 'create', after: row, data: { accountId } });
    return logOut((await repo.serviceLog(trx, row.id))!, true);
  });
}

async function lockLog(trx: Executor, actor: Actor, id: number) {
  const row = await repo.lockServiceLog(trx, id);
  if (!row || !(await accountReachable(trx, row.account_id, accountScope(actor, 'event:read')))) throw err.logNotFound();
  if (!(await mayEditLog(trx, actor, row))) throw new AppError('FORBIDDEN', 'Only its author or the director changes a service record', undefined, { key: 'events.logNotYours' });
  return row;
}

export async function updateServiceLog(db: Kdb, actor: Actor, id: number, input: z.infer<typeof serviceLogUpdate>): Promise<ServiceLog> {
  return db.transaction().execute(async (trx) => {
    const before = await lockLog(trx, actor, id);
    if (before.version !== input.version) throw err.stale();
    if (input.contactId !== undefined) await checkLogContact(trx, input.contactId, before.account_id);
    const after = await repo.updateServiceLog(trx, id, {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.providedOn !== undefined && { provided_on: input.providedOn }),
      ...(input.contactId !== undefined && { contact_id: input.contactId }),
      ...(input.cost !== undefined && { cost: input.cost }),
      ...(input.note !== undefined && { note: input.note }),
    });
    await audit(trx, actor, { entity: LOG_ENTITY, entityId: id, action: 'update', before, after });
    return logOut((await repo.serviceLog(trx, id))!, true);
  });
}

export async function deleteServiceLog(db: Kdb, actor: Actor, id: number, version: number) {
  await db.transaction().execute(async (trx) => {
    const before = await lockLog(trx, actor, id);
    if (before.version !== version) throw err.stale();
    await repo.deleteServiceLog(trx, id);
    await audit(trx, actor, { entity: LOG_ENTITY, entityId: id, action: 'delete', before });
  });
}

