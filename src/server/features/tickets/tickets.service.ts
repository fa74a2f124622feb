import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import {
  SLA_MILESTONES,
  slaSettingsValue,
  TICKET_SORTS,
  type EscalationLevel,
  type SlaMilestone,
  type SlaSettingsValue,
  type TicketKind,
  type TicketSeverity,
  type TicketStatus,
  type ticketAssignBody,
  type ticketCreate,
  type ticketFileUpload,
  type ticketJudgeBody,
  type ticketListQuery,
  type ticketSettingsUpdate,
  type ticketUpdate,
} from '../../../shared/contracts/tickets';
import { iso } from '../../../shared/contracts/common';
import { businessDate, zonedInstant } from '../../../shared/domain/business-time';
import { addWorkingMinutes } from '../../../shared/domain/workdays';
import ticketsZh from '../../../shared/locales/zh-CN/tickets.json';
import { assertCan, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { decodeUpload, type UploadRules } from '../../platform/files';
import { attachedFilesRepo } from '../../platform/files.repo';
import { pageWindow } from '../../platform/listing';
import { interpolate } from '../../platform/notifications/email';
import type { Notifier } from '../../platform/notifications/notifier';
import { orgReads } from '../../platform/org.repo';
import { accountReachable, accountScope, ownedScope } from '../../platform/scope';
import { defineSetting } from '../../platform/settings';
import { withVersioned } from '../../platform/versioned';
import { closeTasksFor, createTask } from '../tasks';
import { inviteAfterTicket } from '../surveys';
import { healthChanged } from '../health';
import { loadWorkTime } from '../workdays';
import { ticketsRepo as repo, type TicketFilter, type TicketSort } from './tickets.repo';
import {
  ASSIGNABLE,
  assignedStatus,
  breachAt,
  budgetOf,
  canMove,
  DEFAULT_SLA,
  editable,
  escalationActions,
  gmAt,
  initialStatus,
  levelsReached,
  milestoneState,
  milestoneTimes,
  MOVE_TARGET,
  pausedMinutesOf,
  policyFor,
  policyProblems,
  TICKET_FILE_TYPES,
  ticketNumber,
  usedMinutes,
  type TicketMove,
  type WorkClock,
} from './tickets.rules';

/** The audit entity, file entity and task link of a ticket. */
export const ENTITY = 'ticket';
/** What made an escalation's task (tasks.source). */
export const ESCALATION_TASK_SOURCE = 'ticket_sla';
/** A director's or GM's escalation task is due this many working minutes after it is given. */
const TASK_DUE_WORKING_MINUTES = 240;
/** A ticket is received at most this long before it is logged, and not in the future (a clock skew aside). */
const RECEIVED_WINDOW_DAYS = 30;
const CLOCK_SKEW_MS = 5 * 60_000;

const notFound = () => new AppError('NOT_FOUND', 'Ticket not found', undefined, { key: 'tickets.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The ticket was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const invalidState = (status: string, action: string) => new AppError('INVALID_STATE', `The ticket is ${status}; it cannot be ${action} now`, undefined, { key: 'tickets.invalidState', params: { status, action } });

const readScope = (actor: Actor) => ownedScope('tickets', actor, 'ticket:read');
const writeScope = (actor: Actor) => ownedScope('tickets', actor, 'ticket:write');
const judgeScope = (actor: Actor) => ownedScope('tickets', actor, 'ticket:judge');

/** What a service call runs with: the business time zone, the notifier, and the clock (now; tests and the demo pass another). */
export interface TicketContext {
  timeZone: string;
  notifier: Notifier;
  now?: Date;
}
const nowOf = (ctx: { now?: Date }) => ctx.now ?? new Date();

// ---- settings and working time ----

/** SLA policies by kind × severity (× tier), the warning share and the GM's delay (a setting; the defaults in tickets.rules). */
export const slaSetting = defineSetting<SlaSettingsValue>('tickets.sla', slaSettingsValue.refine((v) => policyProblems(v.policies).length === 0), DEFAULT_SLA);

/** The working time SLA clocks run on: the working calendar and the working hours as the workdays room keeps them. */
export async function workClock(db: Executor, timeZone: string): Promise<WorkClock> {
  return { ...(await loadWorkTime(db)), timeZone };
}

export async function getSettings(db: Executor, timeZone: string) {
  const [s, clock] = await Promise.all([slaSetting.get(db), workClock(db, timeZone)]);
  const h = clock.hours;
  return { ...s.value, version: s.version, updatedAt: iso(s.updatedAt), workingHours: { start: h.start, end: h.end, breakStart: h.breakStart ?? null, breakEnd: h.breakEnd ?? null } };
}

const policyKeys = { duplicate: 'tickets.policyDuplicate', resolveBeforeRespond: 'tickets.policyResolveBeforeRespond', defaultMissing: 'tickets.policyDefaultMissing' } as const;

/** Saves the SLA settings (ticket:manage) with the version read; a policy set with a problem is a 400 naming it. Applies to tickets logged afterwards and to a kind or severity changed later. */
export async function putSettings(db: Kdb, actor: Actor, input: z.infer<typeof ticketSettingsUpdate>, timeZone: string) {
  const { version, ...value } = input;
  const issues = policyProblems(value.policies).map((p) =>
    p.index === null
      ? issue('policies', policyKeys[p.problem], `Every kind and severity needs a policy for all tiers: ${p.kind}/${p.severity}`, { kind: p.kind, severity: p.severity })
      : issue(`policies.${p.index}`, policyKeys[p.problem], `Policy ${p.index}: ${p.problem}`),
  );
  if (issues.length) throw validationError(issues);
  await slaSetting.put(db, actor, value, version);
  return getSettings(db, timeZone);
}

// ---- reads ----

export const TICKET_SORT_DEFAULT = 'sla';

export async function list(db: Kdb, actor: Actor, q: z.infer<typeof ticketListQuery>, now: Date) {
  const filter = filterOf(actor, q, now);
  const sort = sortOf(q.sort);
  const [items, total] = await Promise.all([repo.list(db, filter, sort, pageWindow(q)), repo.count(db, filter)]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** ?sort=field / -field over TICKET_SORTS (400 naming sort otherwise); sla (overdue first) by default. */
function sortOf(sort: string | undefined): TicketSort {
  const spec = sort ?? TICKET_SORT_DEFAULT;
  const by = TICKET_SORTS.find((s) => s === spec.replace(/^-/, ''));
  if (!by) throw validationError([issue('sort', 'common.sortField', `Sort by one of ${TICKET_SORTS.join(', ')} (prefix - for descending)`, { fields: TICKET_SORTS.join(', ') })]);
  return { by, desc: spec.startsWith('-') };
}

function filterOf(actor: Actor, q: z.infer<typeof ticketListQuery>, now: Date): TicketFilter {
  return {
    scope: readScope(actor),
    now,
    q: q.q || undefined,
    kinds: q.kind,
    statuses: q.status,
    severities: q.severity,
    sla: q.sla,
    breached: q.breached === 'true',
    open: q.open === 'true',
    accountId: q.accountId,
    ownerId: q.ownerId,
    validity: q.validity,
  };
}

/**
 * The account's tickets in the caller's scope (the 360 page), overdue first. 404 when the caller reaches
 * neither the account (account:read) nor any of its tickets.
 */
export async function ofAccount(db: Kdb, actor: Actor, accountId: number, now: Date) {
  const items = await repo.list(db, { scope: readScope(actor), now, accountId }, { by: 'sla', desc: false }, { limit: 200, offset: 0 });
  if (!items.length && !(await accountReachable(db, accountId, accountScope(actor, 'account:read')))) throw new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
  return items;
}

type MilestoneRow = Awaited<ReturnType<typeof repo.milestones>>[number];
const when = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const whenOrNull = (v: Date | string | null) => (v === null ? null : when(v));
const clockOf = (m: MilestoneRow) => ({ warnAt: when(m.warn_at), dueAt: when(m.due_at), metAt: whenOrNull(m.met_at), breachedAt: whenOrNull(m.breached_at), budgetMinutes: m.budget_minutes, pausedMinutes: m.paused_minutes });

/** One ticket as the detail page reads it: its milestones with their state and the working minutes used, history, escalations, files. */
export async function get(db: Executor, actor: Actor, id: number, ctx: { timeZone: string; now?: Date }) {
  const now = nowOf(ctx);
  const row = await repo.find(db, id, readScope(actor), now);
  if (!row) throw notFound();
  const [milestones, history, escalations, files, clock] = await Promise.all([repo.milestones(db, id), repo.history(db, id), repo.escalations(db, id), filesOf(db, id), workClock(db, ctx.timeZone)]);
  const waiting = row.status === 'waiting';
  const pausedAt = whenOrNull(row.paused_at);
  const received = when(row.received_at);
  return {
    ...row,
    milestones: SLA_MILESTONES.flatMap((name) => {
      const m = milestones.find((x) => x.milestone === name);
      if (!m) return [];
      const c = clockOf(m);
      const until = c.metAt ?? (pausedAt && waiting ? pausedAt : now);
      return [{ milestone: name, state: milestoneState(c, waiting, now), budgetMinutes: c.budgetMinutes, pausedMinutes: c.pausedMinutes, usedMinutes: usedMinutes(received, until, c.pausedMinutes, clock), warnAt: c.warnAt, dueAt: c.dueAt, metAt: c.metAt, breachedAt: c.breachedAt }];
    }),
    history,
    escalations,
    files,
  };
}
export type TicketView = Awaited<ReturnType<typeof get>>;

// ---- clocks of a write ----

/** The milestones a ticket starts with, from the policy of its kind, severity and account tier. */
function startingMilestones(ticketId: number, received: Date, policy: ReturnType<typeof policyFor>, settings: SlaSettingsValue, clock: WorkClock) {
  return SLA_MILESTONES.map((milestone) => {
    const budget = budgetOf(policy, milestone);
    const { warnAt, dueAt } = milestoneTimes(received, budget, 0, settings.warnPercent, clock);
    return { ticket_id: ticketId, milestone, budget_minutes: budget, paused_minutes: 0, warn_at: warnAt, due_at: dueAt };
  });
}

interface ClockState {
  id: number;
  received: Date;
  pausedAt: Date | null;
  settings: SlaSettingsValue;
  clock: WorkClock;
}

/**
 * The clock resumes: the working minutes it stood still (since pausedAt) are added to every milestone not
 * met, whose warning and due instants move out by them. (A reopen unmeets the resolve milestone first.)
 */
async function foldPause(trx: Executor, s: ClockState, now: Date) {
  if (!s.pausedAt) return;
  const paused = pausedMinutesOf(s.pausedAt, now, s.clock);
  for (const m of await repo.milestones(trx, s.id)) {
    if (m.met_at) continue;
    const total = m.paused_minutes + paused;
    const { warnAt, dueAt } = milestoneTimes(s.received, m.budget_minutes, total, s.settings.warnPercent, s.clock);
    await repo.updateMilestone(trx, s.id, m.milestone as SlaMilestone, { paused_minutes: total, warn_at: warnAt, due_at: dueAt });
  }
}

/** Breaches that happened before `now` on milestones not met are put on record (before the clock stops, or as it is met). */
async function recordBreaches(trx: Executor, id: number, now: Date) {
  for (const m of await repo.milestones(trx, id)) {
    const at = breachAt(clockOf(m), now);
    if (at) await repo.updateMilestone(trx, id, m.milestone as SlaMilestone, { breached_at: at });
  }
}

/** Meets the milestones named (not met yet) at `now`, a miss of their due time on record. */
async function meet(trx: Executor, id: number, names: readonly SlaMilestone[], now: Date) {
  await recordBreaches(trx, id, now);
  for (const m of await repo.milestones(trx, id)) if (!m.met_at && names.includes(m.milestone as SlaMilestone)) await repo.updateMilestone(trx, id, m.milestone as SlaMilestone, { met_at: now });
}

/** Kind or severity changed: the policy applies again to the milestones not met (their paused minutes kept). */
async function applyPolicy(trx: Executor, s: ClockState, kind: TicketKind, severity: TicketSeverity, tier: string | null) {
  const policy = policyFor(s.settings.policies, kind, severity, tier);
  for (const m of await repo.milestones(trx, s.id)) {
    if (m.met_at) continue;
    const budget = budgetOf(policy, m.milestone as SlaMilestone);
    const { warnAt, dueAt } = milestoneTimes(s.received, budget, m.paused_minutes, s.settings.warnPercent, s.clock);
    await repo.updateMilestone(trx, s.id, m.milestone as SlaMilestone, { budget_minutes: budget, warn_at: warnAt, due_at: dueAt });
  }
}

// ---- writes ----

type Row = NonNullable<Awaited<ReturnType<typeof repo.lock>>>;

/** A change in the ticket's history; every change is a health signal of its account (open and breached complaints). */
async function history(trx: Executor, t: { id: number; account_id: number }, actor: Actor | null, at: Date, e: { event: string; from?: string; to?: string; changes?: Record<string, unknown>; note?: string | null }) {
  await repo.addHistory(trx, { ticketId: t.id, at, actorId: actor?.userId ?? null, event: e.event, fromStatus: e.from ?? null, toStatus: e.to ?? null, changes: e.changes, note: e.note ?? null });
  await healthChanged(trx, [t.account_id]);
}

/** The caller keeps what they write within reach: an owner outside their write scope is refused on ownerId. */
async function assertStillWritable(trx: Executor, actor: Actor, id: number) {
  if (!(await repo.lock(trx, id, writeScope(actor)))) throw validationError([issue('ownerId', 'tickets.ownerOutOfScope', 'Choose an owner within your data scope')]);
}

async function activeOwner(trx: Executor, userId: number, path = 'ownerId') {
  const owner = await orgReads.activeUser(trx, userId);
  if (!owner) throw validationError([issue(path, 'tickets.userNotActive', 'Choose an active user')]);
  return owner;
}

const assignedParams = (t: { number: string; title: string }, account: string, actor: Actor) => ({ number: t.number, title: t.title, account, by: actor.name });

/** Logs a ticket (ticket:write): the account in the caller's account scope, the owner default the account's, the SLA clock from receivedAt. */
export async function create(db: Kdb, actor: Actor, input: z.infer<typeof ticketCreate>, ctx: TicketContext): Promise<number> {
  const now = nowOf(ctx);
  const received = input.receivedAt ? new Date(input.receivedAt) : now;
  const issues: FieldIssue[] = [];
  if (received.getTime() > now.getTime() + CLOCK_SKEW_MS) issues.push(issue('receivedAt', 'tickets.receivedInFuture', 'A ticket cannot be received in the future'));
  else if (received.getTime() < now.getTime() - RECEIVED_WINDOW_DAYS * 86_400_000) issues.push(issue('receivedAt', 'tickets.receivedTooEarly', `Received at most ${RECEIVED_WINDOW_DAYS} days ago`, { days: RECEIVED_WINDOW_DAYS }));
  if (issues.length) throw validationError(issues);
  const [settings, clock] = await Promise.all([slaSetting.get(db), workClock(db, ctx.timeZone)]);
  return db.transaction().execute(async (trx) => {
    const account = (await accountReachable(trx, input.accountId, accountScope(actor, 'account:read'))) ? await repo.account(trx, input.accountId) : undefined;
    if (!account) throw validationError([issue('accountId', 'tickets.accountNotFound', 'Choose an account you can see')]);
    if (input.contactId != null && !(await repo.contactOfAccount(trx, input.contactId, account.id))) throw validationError([issue('contactId', 'tickets.contactNotOfAccount', "Choose one of the account's contacts")]);
    const owner = await activeOwner(trx, input.ownerId ?? account.owner_id);
    const id = await repo.nextId(trx);
    const status = initialStatus(owner.id, actor.userId);
    const row = await repo.insert(trx, {
      id,
      number: ticketNumber(Number(businessDate(now, ctx.timeZone).slice(0, 4)), id),
      kind: input.kind,
      severity: input.severity,
      channel: input.channel,
      account_id: account.id,
      contact_id: input.contactId ?? null,
      owner_id: owner.id,
      unit_id: owner.unit_id,
      title: input.title,
      description: input.description,
      status,
      received_at: received,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await assertStillWritable(trx, actor, id);
    await repo.insertMilestones(trx, startingMilestones(id, received, policyFor(settings.value.policies, input.kind, input.severity, account.tier), settings.value, clock));
    await history(trx, row, actor, now, { event: 'created', to: status, changes: owner.id === actor.userId ? {} : { owner: [null, owner.name] } });
    if (owner.id !== actor.userId) await ctx.notifier.notify(trx, { userIds: [owner.id], kind: 'tickets.assigned', params: assignedParams(row, account.name, actor), link: `/tickets/${id}` });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'create', after: row });
    return id;
  });
}

const lockWrite = (actor: Actor, id: number) => (trx: Executor) => repo.lock(trx, id, writeScope(actor));
const short = (v: string | null) => (v === null ? null : v.length > 200 ? `${v.slice(0, 200)}…` : v);

/** Changes the fields sent (ticket:write in scope) on a ticket not closed; a new kind or severity applies its policy to the milestones not met. */
export async function update(db: Kdb, actor: Actor, id: number, input: z.infer<typeof ticketUpdate>, ctx: TicketContext) {
  const now = nowOf(ctx);
  const [settings, clock] = await Promise.all([slaSetting.get(db), workClock(db, ctx.timeZone)]);
  await withVersioned(db, lockWrite(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    if (!editable(before.status)) throw invalidState(before.status, 'changed');
    const { version: _v, ...fields } = input;
    if (fields.contactId != null && fields.contactId !== before.contact_id && !(await repo.contactOfAccount(trx, fields.contactId, before.account_id))) throw validationError([issue('contactId', 'tickets.contactNotOfAccount', "Choose one of the account's contacts")]);
    const values = {
      kind: fields.kind ?? before.kind,
      severity: fields.severity ?? before.severity,
      channel: fields.channel ?? before.channel,
      contact_id: fields.contactId === undefined ? before.contact_id : fields.contactId,
      title: fields.title ?? before.title,
      description: fields.description ?? before.description,
    };
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== before[k]);
    if (!changed.length) return;
    const after = await repo.update(trx, id, values, now);
    if (changed.includes('kind') || changed.includes('severity')) {
      const account = await repo.account(trx, before.account_id);
      await applyPolicy(trx, { id, received: when(before.received_at), pausedAt: whenOrNull(before.paused_at), settings: settings.value, clock }, values.kind as TicketKind, values.severity as TicketSeverity, account?.tier ?? null);
    }
    const contacts = changed.includes('contact_id') ? await repo.names(trx, 'contacts', [before.contact_id, values.contact_id].filter((x): x is number => x !== null)) : new Map<number, string>();
    const changes: Record<string, unknown> = {};
    for (const k of changed) {
      if (k === 'contact_id') changes.contact = [before.contact_id === null ? null : (contacts.get(before.contact_id) ?? null), values.contact_id === null ? null : (contacts.get(values.contact_id) ?? null)];
      else if (k === 'description') changes.description = [short(before.description), short(values.description)];
      else changes[k] = [before[k], values[k]];
    }
    await history(trx, after, actor, now, { event: 'updated', changes });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'update', before, after });
  });
}

/** Hands the ticket to another owner (ticket:write in scope) while it is handled; a new ticket becomes assigned; the new owner is told. */
export async function assign(db: Kdb, actor: Actor, id: number, input: z.infer<typeof ticketAssignBody>, ctx: TicketContext) {
  const now = nowOf(ctx);
  await withVersioned(db, lockWrite(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    if (!(ASSIGNABLE as readonly string[]).includes(before.status)) throw invalidState(before.status, 'assigned');
    const owner = await activeOwner(trx, input.ownerId);
    const status = assignedStatus(before.status as TicketStatus);
    if (owner.id === before.owner_id && status === before.status) return;
    const after = await repo.update(trx, id, { owner_id: owner.id, unit_id: owner.unit_id, status }, now);
    await assertStillWritable(trx, actor, id);
    const names = await repo.names(trx, 'users', [before.owner_id]);
    await history(trx, after, actor, now, { event: 'assigned', from: before.status, to: status, changes: { owner: [names.get(before.owner_id) ?? null, owner.name] }, note: input.note });
    if (owner.id !== actor.userId) {
      const account = await repo.account(trx, before.account_id);
      await ctx.notifier.notify(trx, { userIds: [owner.id], kind: 'tickets.assigned', params: assignedParams(after, account?.name ?? '', actor), link: `/tickets/${id}` });
    }
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'assign', before: { owner_id: before.owner_id, unit_id: before.unit_id, status: before.status }, after: { owner_id: after.owner_id, unit_id: after.unit_id, status: after.status }, data: { note: input.note ?? null } });
  });
}

const MOVE_EVENT: Record<TicketMove, string> = { start: 'started', wait: 'waiting', resume: 'resumed', resolve: 'resolved', close: 'closed', reopen: 'reopened' };
const MOVE_WORD: Record<TicketMove, string> = { start: 'started', wait: 'put on hold', resume: 'resumed', resolve: 'resolved', close: 'closed', reopen: 'reopened' };

/**
 * A move of the ticket's state by hand (ticket:write in scope): start meets the first response; wait stops
 * the clock (a breach already due is put on record); resume adds the stopped working minutes to the
 * milestones not met; resolve (with the resolution) meets the resolve milestone, stops the clock and closes
 * the escalation tasks; close invites the customer to a satisfaction survey (SVC-2); reopen (with the reason) unmeets the resolve milestone — its clock resuming
 * where it stopped — and clears a complaint's judgement.
 */
export async function move(db: Kdb, actor: Actor, id: number, action: TicketMove, input: { version: number; note?: string; resolution?: string; reason?: string }, ctx: TicketContext) {
  const now = nowOf(ctx);
  const [settings, clock] = await Promise.all([slaSetting.get(db), workClock(db, ctx.timeZone)]);
  await withVersioned(db, lockWrite(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    if (!canMove(action, before.status)) throw invalidState(before.status, MOVE_WORD[action]);
    const to = MOVE_TARGET[action];
    const s: ClockState = { id, received: when(before.received_at), pausedAt: whenOrNull(before.paused_at), settings: settings.value, clock };
    let values: Parameters<typeof repo.update>[2] = { status: to };
    let survey: Awaited<ReturnType<typeof inviteAfterTicket>> = null;
    switch (action) {
      case 'start':
        await meet(trx, id, ['first_response'], now);
        break;
      case 'wait':
        await recordBreaches(trx, id, now);
        values = { ...values, paused_at: now };
        break;
      case 'resume':
        await foldPause(trx, s, now);
        values = { ...values, paused_at: null };
        break;
      case 'resolve':
        await foldPause(trx, s, now);
        await meet(trx, id, SLA_MILESTONES, now);
        values = { ...values, paused_at: now, resolved_at: now, resolution: input.resolution ?? null };
        await closeTasksFor(trx, { linkEntity: ENTITY, linkId: id, status: 'done', actor });
        break;
      case 'close':
        values = { ...values, closed_at: now };
        // SVC-2: the customer is asked how it went (once per ticket; the surveys room decides whom and how)
        survey = await inviteAfterTicket(trx, actor, { accountId: before.account_id, contactId: before.contact_id, ticketId: id });
        break;
      case 'reopen':
        await repo.updateMilestone(trx, id, 'resolve', { met_at: null });
        await foldPause(trx, s, now);
        values = { ...values, paused_at: null, resolved_at: null, closed_at: null, resolution: null, reopened: before.reopened + 1, validity: null, validity_reason: null, responsible_id: null, judged_by: null, judged_at: null };
        break;
    }
    const after = await repo.update(trx, id, values, now);
    const changes: Record<string, unknown> = {};
    if (action === 'resolve') changes.resolution = [null, input.resolution ?? null];
    if (action === 'reopen' && before.validity) changes.validity = [before.validity, null];
    if (survey) changes.survey = [null, survey.emailing ? 'emailed' : 'to_send'];
    await history(trx, after, actor, now, { event: MOVE_EVENT[action], from: before.status, to, changes, note: action === 'reopen' ? input.reason : input.note });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action, before: pick(before), after: pick(after), data: { note: input.note ?? null, reason: input.reason ?? null, surveyInvitationId: survey?.invitationId ?? null } });
  });
}
const pick = (r: Row) => ({ status: r.status, resolution: r.resolution, paused_at: r.paused_at, resolved_at: r.resolved_at, closed_at: r.closed_at, validity: r.validity });

/**
 * 有效 / 无效: the director (ticket:judge in scope) judges a closed complaint with the reason and the person
 * responsible (an active user); judged again, the new judgement replaces the old one (both in the history).
 */
export async function judge(db: Kdb, actor: Actor, id: number, input: z.infer<typeof ticketJudgeBody>, ctx: { now?: Date }) {
  assertCan(actor, 'ticket:judge');
  const now = nowOf(ctx);
  await withVersioned(db, (trx) => repo.lock(trx, id, judgeScope(actor)), input.version, { notFound, stale }, async (trx, before) => {
    if (before.kind !== 'complaint') throw new AppError('INVALID_STATE', 'Only a complaint is judged valid or not', undefined, { key: 'tickets.judgeComplaintOnly' });
    if (before.status !== 'closed') throw invalidState(before.status, 'judged');
    const responsible = await activeOwner(trx, input.responsibleId, 'responsibleId');
    const after = await repo.update(trx, id, { validity: input.validity, validity_reason: input.reason, responsible_id: responsible.id, judged_by: actor.userId, judged_at: now }, now);
    const names = before.responsible_id ? await repo.names(trx, 'users', [before.responsible_id]) : new Map<number, string>();
    await history(trx, after, actor, now, {
      event: 'judged',
      changes: { validity: [before.validity, input.validity], responsible: [before.responsible_id ? (names.get(before.responsible_id) ?? null) : null, responsible.name] },
      note: input.reason,
    });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'judge', before: { validity: before.validity, validity_reason: before.validity_reason, responsible_id: before.responsible_id }, after: { validity: after.validity, validity_reason: after.validity_reason, responsible_id: after.responsible_id } });
  });
}

// ---- files ----

const fileNotFound = () => new AppError('NOT_FOUND', 'File not found', undefined, { key: 'common.notFound' });
const ticketFileKeys = { base64: 'tickets.fileBase64', tooLarge: 'tickets.fileTooLarge', empty: 'tickets.fileEmpty' } as const;
const FILE_RULES: UploadRules = { keys: ticketFileKeys, types: { allowed: TICKET_FILE_TYPES, key: 'tickets.fileType', message: 'Upload a PDF, a picture, an Office document, text, a recording or a zip' } };

export const filesOf = (db: Executor, id: number) => attachedFilesRepo.list(db, ENTITY, id);

/** Attaches a file at any state (ticket:write in scope): ≤ 10 MB of a document, picture or recording. */
export async function addFile(db: Kdb, actor: Actor, id: number, input: z.infer<typeof ticketFileUpload>, ctx: { now?: Date }) {
  const now = nowOf(ctx);
  const { content, sha256 } = decodeUpload(input, FILE_RULES);
  return db.transaction().execute(async (trx) => {
    const t = await repo.lock(trx, id, writeScope(actor));
    if (!t) throw notFound();
    const row = await attachedFilesRepo.insert(trx, { entity: ENTITY, entityId: id, name: input.name, mime: input.mime, size: content.length, sha256, content, uploadedBy: actor.userId });
    await history(trx, t, actor, now, { event: 'file_added', changes: { file: [null, input.name] } });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'file.add', data: { fileId: row.id, name: input.name, mime: input.mime, size: content.length, sha256 } });
    return row.id;
  });
}

export async function file(db: Kdb, actor: Actor, id: number, fileId: number) {
  if (!(await repo.visible(db, id, readScope(actor)))) throw notFound();
  const f = await attachedFilesRepo.one(db, ENTITY, id, fileId);
  if (!f) throw fileNotFound();
  return f;
}

/** Removes a file: its uploader, or anyone who judges complaints there (ticket:judge in scope). */
export async function removeFile(db: Kdb, actor: Actor, id: number, fileId: number, ctx: { now?: Date }) {
  const now = nowOf(ctx);
  await db.transaction().execute(async (trx) => {
    const t = await repo.lock(trx, id, writeScope(actor));
    if (!t) throw notFound();
    const f = await attachedFilesRepo.one(trx, ENTITY, id, fileId);
    if (!f) throw fileNotFound();
    const mayRemove = f.uploaded_by === actor.userId || (await repo.visible(trx, id, judgeScope(actor)));
    if (!mayRemove) throw new AppError('FORBIDDEN', 'Only its uploader or a director removes a file', undefined, { key: 'tickets.fileNotYours' });
    await attachedFilesRepo.remove(trx, fileId);
    await history(trx, t, actor, now, { event: 'file_removed', changes: { file: [f.name, null] } });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'file.remove', data: { fileId, name: f.name, size: f.size, sha256: f.sha256, uploadedBy: f.uploaded_by } });
  });
}

// ---- escalation ----

/** Candidates per batch of a run (each batch one transaction). */
const ESCALATION_BATCH = 200;
const TEXT = ticketsZh.escalation;
const MILESTONE_WORDS = ticketsZh.milestones as Record<string, string>;

/** 'YYYY-MM-DD HH:mm' in the business time zone (what a notice says). */
function minuteText(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  return `${businessDate(at, timeZone)} ${time}`;
}

export interface EscalationResult {
  /** levels recorded by this run */
  levels: number;
  notices: number;
  tasks: number;
}

/**
 * The SLA escalation at `now` (the job every minute, or run now): every milestone not met of a ticket being
 * handled gets the levels it reached — warning at its warning instant, breach at its due instant (put on
 * record), gm a number of working minutes later — recorded in ticket_escalations with `on conflict do
 * nothing returning`: only what this run inserted acts, so no level happens twice whatever the runs and
 * instances. Warning: a notice to the owner. Breach: a notice to the owner, a notice and a task to the
 * director above the owner's unit. gm: a notice and a task to the GM. Levels reached at once give the owner
 * one notice. Each level is in the ticket's history (by the system).
 */
export async function runEscalation(db: Kdb, notifier: Notifier, o: { timeZone: string; now?: Date; batch?: number }): Promise<EscalationResult> {
  const now = nowOf(o);
  const [settings, clock] = await Promise.all([slaSetting.get(db), workClock(db, o.timeZone)]);
  const result: EscalationResult = { levels: 0, notices: 0, tasks: 0 };
  const taskDue = addWorkingMinutes(now, TASK_DUE_WORKING_MINUTES, clock.calendar, clock.hours, clock.timeZone);
  let after: { ticketId: number; milestone: string } | undefined;
  for (;;) {
    const batch = await repo.escalationCandidates(db, { now, after, limit: o.batch ?? ESCALATION_BATCH });
    if (!batch.length) break;
    after = { ticketId: batch.at(-1)!.ticket_id, milestone: batch.at(-1)!.milestone };
    await db.transaction().execute(async (trx) => {
      for (const c of batch) {
        const dueAt = when(c.due_at);
        const levels = levelsReached({ warnAt: when(c.warn_at), dueAt, gmAt: gmAt(dueAt, settings.value.gmAfterMinutes, clock) }, now);
        if (levels.includes('breach')) await repo.recordBreach(trx, c.ticket_id, c.milestone);
        const inserted = (await repo.insertEscalations(trx, levels.map((level) => ({ ticket_id: c.ticket_id, milestone: c.milestone, level, at: now })))).map((r) => r.level as EscalationLevel);
        if (!inserted.length) continue;
        result.levels += inserted.length;
        const link = `/tickets/${c.ticket_id}`;
        const params = { number: c.number, title: c.title, account: c.account_name, owner: c.owner_name, milestone: MILESTONE_WORDS[c.milestone] ?? c.milestone, dueAt: minuteText(dueAt, o.timeZone) };
        const kind = (who: string) => `tickets.${c.milestone === 'first_response' ? 'response' : 'resolve'}${who}`;
        const a = escalationActions(inserted);
        const key = (level: EscalationLevel) => ({ ticketId: c.ticket_id, milestone: c.milestone, level });
        if (a.owner) {
          await notifier.notify(trx, { userIds: [c.owner_id], kind: kind(a.owner === 'breach' ? 'Breached' : 'Warning'), params, link });
          result.notices += 1;
          await repo.setEscalation(trx, key(a.owner), { notified_id: c.owner_id });
        }
        const escalate = async (level: 'breach' | 'gm', position: 'ka_director' | 'gm', who: string, title: string) => {
          const holder = await orgReads.positionHolderAbove(trx, c.owner_unit_id, position);
          if (!holder || holder.id === c.owner_id) return;
          await notifier.notify(trx, { userIds: [holder.id], kind: kind(who), params, link });
          const task = await createTask(
            trx,
            { ownerId: holder.id, title: interpolate(title, params), description: interpolate(TEXT.taskDescription, params), dueAt: taskDue, linkEntity: ENTITY, linkId: c.ticket_id, linkUrl: link, source: ESCALATION_TASK_SOURCE, createdBy: null },
            notifier,
          );
          await repo.setEscalation(trx, key(level), { notified_id: holder.id, task_id: task.id });
          result.notices += 1;
          result.tasks += 1;
        };
        if (a.director) await escalate('breach', 'ka_director', 'Director', TEXT.directorTaskTitle);
        if (a.gm) await escalate('gm', 'gm', 'Gm', TEXT.gmTaskTitle);
        for (const level of inserted) await history(trx, { id: c.ticket_id, account_id: c.account_id }, null, now, { event: 'escalated', changes: { milestone: c.milestone, level } });
      }
    });
  }
  return result;
}

// ---- the scorecard ----

/**
 * Valid complaints (有效投诉) received from `from` to `to` (business dates, both included): closed
 * complaints the director judged valid, of one person responsible when `userId` is given — what the
 * scorecard's −5 points a complaint reads (seed 003 §2.2).
 */
export async function validComplaints(db: Executor, o: { userId?: number; from: string; to: string; timeZone: string }) {
  const start = (d: string) => zonedInstant(o.timeZone, Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  const [y, m, d] = o.to.split('-').map(Number) as [number, number, number];
  const rows = await repo.validComplaints(db, { userId: o.userId, from: start(o.from), to: zonedInstant(o.timeZone, y, m - 1, d + 1) });
  return {
    count: rows.length,
    items: rows.map((r) => ({ id: r.id, number: r.number, title: r.title, accountId: r.account_id, accountName: r.account_name, responsibleId: r.responsible_id!, ownerId: r.owner_id, receivedAt: when(r.received_at), judgedAt: whenOrNull(r.judged_at), reason: r.validity_reason ?? '' })),
  };
}
