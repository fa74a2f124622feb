import { defineApprovable, field, stepBy, stampedBy } from '../../platform/approvals/approvable';
import type { z } from 'zod';
import type { Executor, Kdb, Trx } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { visitCancel, visitCheckIn, visitCreate, visitListQuery, visitRecordInput, visitReview, visitUpdate, visitVersion, VisitStatus, ReportStatus } from '../../../shared/contracts/visits';
import { zonedInstant } from '../../../shared/domain/business-time';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { pageWindow, resolveSort } from '../../platform/listing';
import type { Notifier } from '../../platform/notifications/notifier';
import { withVersioned } from '../../platform/versioned';
import { closeTasksFor, createTask } from '../tasks';
import { visitsRepo, type VisitSortColumn } from './visits.repo';
import { canDo, checkInProblems, costTotal, followUpDue, nextVisitProblem, nthContact, reviewedReportStatus, visitStatusFor, type VisitAction } from './visits.rules';
import { accountReachable, ownedScope, accountScope } from '../../platform/scope';
import { healthChanged } from '../health';

/**
 * 拜访计划 by seed 003 §3.3.1: the KA director (客户总监) approves the visit; a cash advance (借支)
 * adds the finance manager. The approval's amount is the budget with the advance beside it; the
 * chain reads the advance (chainAmount), so the finance step (minAmount 0: advance > 0) appears
 * only when an advance is requested, whatever the budget.
 */
const VISIT_PLAN_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理', 0)];

/**
 * Visits (ACT-1..3): plan and application through the approval engine (doc type visit_plan; the
 * chain reads the cash advance, so finance signs only when money is advanced), check-in,
 * the visit record with its follow-up task and next-visit reminder, the report and its review.
 */
export const DOC_TYPE = 'visit_plan';
/** tasks about a visit: the follow-up (link 'visit') and the next-visit reminder (link 'visit_next') */
const FOLLOW_UP_LINK = 'visit';
const NEXT_VISIT_LINK = 'visit_next';
export const VISIT_KINDS = { reportSubmitted: 'visit.reportSubmitted', reportApproved: 'visit.reportApproved', reportReturned: 'visit.reportReturned' } as const;

type VisitRow = NonNullable<Awaited<ReturnType<typeof visitsRepo.findById>>>;

const notFound = () => new AppError('NOT_FOUND', 'Visit not found', undefined, { key: 'visits.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The visit was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const wrongState = (action: VisitAction, v: { status: string; report_status: string }) =>
  new AppError('INVALID_STATE', `The visit is ${v.status} (report ${v.report_status}); ${action} is not possible now`, undefined, { key: 'visits.wrongState', params: { status: v.status, reportStatus: v.report_status } });
const link = (id: number) => `/visits/${id}`;

function need(action: VisitAction, v: VisitRow) {
  if (!canDo(action, v.status as VisitStatus, v.report_status as ReportStatus)) throw wrongState(action, v);
}

/** The visit plan (拜访计划) through the approval engine: approved by the KA director (finance too with a cash advance). */
export const visitPlanApprovable = defineApprovable({
  async summary(db, id) {
    const v = await visitsRepo.findById(db, id);
    if (!v) return undefined;
    const [names, contacts] = await Promise.all([visitsRepo.detailNames(db, v), visitsRepo.contacts(db, id)]);
    return {
      fields: [
        field.text('visits:fields.account', names.account.name),
        field.dateTime('visits:fields.plannedAt', v.planned_at),
        field.enum('visits:fields.method', 'visits:methods', v.method),
        field.text('visits:fields.contacts', contacts.map((c) => (c.title ? `${c.name}（${c.title}）` : c.name)).join('、') || null),
        field.enum('visits:fields.purpose', 'visits:purposes', v.purpose),
        field.longText('visits:fields.planNote', v.plan_note),
        field.money('visits:plan.budget', Number(v.budget)),
        field.money('visits:plan.cashAdvance', Number(v.cash_advance)),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: [DOC_TYPE],
  defaultChains: { [DOC_TYPE]: { name: '拜访计划审批', steps: VISIT_PLAN_STEPS } },
  amount: { label: 'approvals:amounts.budget', second: 'approvals:amounts.advance' },
  link,
  table: 'visits',
  entity: 'visit',
  statusValues: stampedBy(visitStatusFor),
});

// ---------------------------------------------------------------- reading

const SORTS: Record<string, VisitSortColumn> = { plannedAt: 'planned_at', checkedInAt: 'checked_in_at', createdAt: 'created_at' };

function dayStart(date: string, tz: string) {
  const [y, m, d] = date.split('-').map(Number);
  return zonedInstant(tz, y!, m! - 1, d!);
}

export async function listVisits(db: Kdb, actor: Actor, q: z.infer<typeof visitListQuery>, tz: string) {
  const review = q.box === 'review';
  const r = await visitsRepo.list(db, {
    scope: ownedScope('visits', actor, review ? 'visit:review' : 'visit:read'),
    q: q.q || undefined,
    accountId: q.accountId,
    contactId: q.contactId,
    ownerId: q.box === 'mine' ? actor.userId : q.ownerId,
    status: review ? 'recorded' : q.status,
    reportStatus: review ? 'submitted' : q.reportStatus,
    from: q.from ? dayStart(q.from, tz) : undefined,
    to: q.to ? new Date(dayStart(q.to, tz).getTime() + 86_400_000) : undefined,
    sort: resolveSort(q.sort, SORTS, review ? 'plannedAt' : '-plannedAt'),
    ...pageWindow(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

/** The visit with its names and contacts; read scope, or review scope for the director's queue. */
export async function getVisit(db: Kdb, actor: Actor, id: number) {
  const v = (await visitsRepo.find(db, id, ownedScope('visits', actor, 'visit:read'))) ?? (await visitsRepo.find(db, id, ownedScope('visits', actor, 'visit:review')));
  if (!v) throw notFound();
  const [names, contacts] = await Promise.all([visitsRepo.detailNames(db, v), visitsRepo.contacts(db, id)]);
  return { ...v, names, contacts };
}
export type VisitView = Awaited<ReturnType<typeof getVisit>>;

// ---------------------------------------------------------------- plan and approval

async function checkPlan(ex: Executor, actor: Actor, input: z.infer<typeof visitCreate>) {
  if (!(await accountReachable(ex, input.accountId, accountScope(actor, 'account:read')))) {
    throw validationError([issue('accountId', 'visits.accountNotVisible', 'Choose an account you can see')]);
  }
  await checkContacts(ex, input.accountId, input.contactIds, 'contactIds');
}

async function checkContacts(ex: Executor, accountId: number, ids: number[], field: string) {
  const ok = await visitsRepo.contactsOfAccount(ex, accountId, ids);
  const seen = new Set<number>();
  const issues = ids.flatMap((c, i) => {
    const dup = seen.has(c);
    seen.add(c);
    if (dup) return [issue(`${field}.${i}`, 'visits.contactDuplicate', 'The contact is listed twice')];
    return ok.has(c) ? [] : [issue(`${field}.${i}`, 'visits.contactOtherAccount', "Choose a contact of the visit's account")];
  });
  if (issues.length) throw validationError(issues);
}

function planValues(input: z.infer<typeof visitCreate>) {
  return {
    account_id: input.accountId,
    purpose: input.purpose,
    method: input.method,
    planned_at: new Date(input.plannedAt),
    plan_note: input.planNote ?? null,
    resources: JSON.stringify(input.resources.map((r) => ({ item: r.item, quantity: r.quantity ?? null, readyBy: r.readyBy ?? null, department: r.department ?? null, note: r.note ?? null }))),
    budget: input.budget,
    cash_advance: input.cashAdvance,
  };
}

export async function createVisit(db: Kdb, actor: Actor, input: z.infer<typeof visitCreate>) {
  return db.transaction().execute((trx) => createVisitIn(trx, actor, input));
}

/** A draft visit plan of the caller, inside the caller's transaction (another room's follow-up writes one with its own change). */
export async function createVisitIn(trx: Executor, actor: Actor, input: z.infer<typeof visitCreate>) {
  await checkPlan(trx, actor, input);
  const unitId = await visitsRepo.userUnit(trx, actor.userId);
  const row = await visitsRepo.insert(trx, { ...planValues(input), owner_id: actor.userId, unit_id: unitId, expenses: '[]', created_by: actor.userId });
  await visitsRepo.setPlannedContacts(trx, row.id, input.contactIds);
  await audit(trx, actor, { entity: 'visit', entityId: row.id, action: 'create', after: { ...row, contactIds: input.contactIds } });
  return row.id;
}

const writable = (actor: Actor, id: number) => (trx: Executor) => visitsRepo.find(trx, id, ownedScope('visits', actor, 'visit:write'), true);

/** A plan is changed while a draft, or after a rejection or withdrawal (it becomes a draft again). */
export async function updateVisit(db: Kdb, actor: Actor, id: number, input: z.infer<typeof visitUpdate>) {
  await withVersioned(db, writable(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    need('edit', before);
    await checkPlan(trx, actor, input);
    const after = await visitsRepo.update(trx, id, { ...planValues(input), status: 'draft' });
    await visitsRepo.setPlannedContacts(trx, id, input.contactIds);
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'update', before, after: { ...after, contactIds: input.contactIds } });
  });
}

export async function submitVisit(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof visitVersion>) {
  await withVersioned(db, writable(actor, id), input.version, { notFound, stale }, async (trx, v) => {
    need('submit', v);
    const name = (await visitsRepo.accountName(trx, v.account_id)) ?? '';
    const approvalId = await visitPlanApprovable.submit(trx as Trx, engine, actor, { docId: id, title: `拜访计划：${name}`, amount: Number(v.budget), secondAmount: Number(v.cash_advance), chainAmount: Number(v.cash_advance), submitterId: actor.userId, unitId: v.unit_id });
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'submit', data: { approvalId, cashAdvance: Number(v.cash_advance) } });
  });
}

/** Takes a pending plan back from the approvers (its submitter); it becomes a draft again. */
export async function withdrawVisit(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof visitVersion>) {
  await visitPlanApprovable.withdrawSeen(db, engine, actor, id, { lock: writable(actor, id), version: input.version, pending: (v) => v.status === 'pending', notFound, stale });
}

export async function cancelVisit(db: Kdb, actor: Actor, id: number, input: z.infer<typeof visitCancel>) {
  await withVersioned(db, writable(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    need('cancel', before);
    const after = await visitsRepo.update(trx, id, { status: 'cancelled', cancel_reason: input.reason ?? null });
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'cancel', before: { status: before.status }, after: { status: after.status, cancel_reason: after.cancel_reason } });
  });
}

// ---------------------------------------------------------------- the visit

/** Check-in at the server's time, with the browser's position or a place typed by hand. */
export async function checkIn(db: Kdb, actor: Actor, id: number, input: z.infer<typeof visitCheckIn>) {
  await withVersioned(db, writable(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    need('checkIn', before);
    const problems = checkInProblems(input);
    if (problems.length) throw validationError(problems.map((p) => issue(p, p === 'place' ? 'visits.placeOrPosition' : 'visits.latLngTogether', p === 'place' ? 'Allow the position or type the place' : 'Latitude and longitude come together')));
    const geo = input.lat !== undefined && input.lat !== null;
    const after = await visitsRepo.update(trx, id, {
      status: 'checked_in',
      checked_in_at: new Date(),
      check_in_lat: geo ? input.lat! : null,
      check_in_lng: geo ? input.lng! : null,
      check_in_accuracy: geo ? (input.accuracy ?? null) : null,
      check_in_place: input.place ?? null,
    });
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'check_in', after: { checked_in_at: after.checked_in_at, lat: after.check_in_lat, lng: after.check_in_lng, accuracy: after.check_in_accuracy, place: after.check_in_place } });
  });
}

/**
 * The visit record. The first record numbers the contact (第几次联系), creates the follow-up task
 * due a week after the visit, moves the met contacts' last contact; a next-visit time becomes a
 * reminder task due at that time (its due notification is the reminder), replaced when it changes.
 */
export async function recordVisit(db: Kdb, notifier: Notifier, actor: Actor, id: number, input: z.infer<typeof visitRecordInput>) {
  await withVersioned(db, writable(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    need('record', before);
    const checkedInAt = new Date(before.checked_in_at!);
    const nextVisitAt = input.nextVisitAt ? new Date(input.nextVisitAt) : null;
    await checkContacts(trx, before.account_id, input.metContactIds, 'metContactIds');
    if (nextVisitProblem(nextVisitAt, checkedInAt)) throw validationError([issue('nextVisitAt', 'visits.nextVisitBeforeVisit', 'The next visit comes after this one')]);
    const first = before.status === 'checked_in';
    const seq = first
      ? nthContact(
          (await visitsRepo.recordedVisitTimes(trx, before.account_id, id)).map((r) => ({ id: r.id, checkedInAt: new Date(r.checked_in_at!) })),
          { id, checkedInAt },
        )
      : before.contact_seq;
    const expenses = input.expenses.map((e) => ({ item: e.item, amount: e.amount, note: e.note ?? null }));
    // a recorded visit resets the account's visit gap
    if (first) await healthChanged(trx, [before.account_id]);
    const after = await visitsRepo.update(trx, id, {
      status: 'recorded',
      recorded_at: first ? new Date() : before.recorded_at,
      met_name: input.metName,
      met_title: input.metTitle ?? null,
      contact_seq: seq,
      customer_situation: input.customerSituation ?? null,
      discussed: input.discussed,
      concerns: input.concerns ?? null,
      solved: input.solved ?? null,
      to_watch: input.toWatch ?? null,
      other: input.other ?? null,
      result: input.result,
      expenses: JSON.stringify(expenses),
      cost_total: costTotal(expenses),
      next_visit_at: nextVisitAt,
    });
    await visitsRepo.setMetContacts(trx, id, input.metContactIds);
    await visitsRepo.touchContacts(trx, input.metContactIds, checkedInAt);
    const account = (await visitsRepo.accountName(trx, before.account_id)) ?? '';
    if (first) {
      await createTask(
        trx,
        { ownerId: before.owner_id, title: `拜访回访：${account}`, description: '拜访结束后一周内电话或上门回访，倾听客户意见', dueAt: followUpDue(checkedInAt), linkEntity: FOLLOW_UP_LINK, linkId: id, linkUrl: link(id), source: 'visit', createdBy: actor.userId, actor },
        notifier,
      );
    }
    const previousNext = before.next_visit_at ? new Date(before.next_visit_at).getTime() : null;
    if (first || previousNext !== (nextVisitAt?.getTime() ?? null)) {
      if (!first) await closeTasksFor(trx, { linkEntity: NEXT_VISIT_LINK, linkId: id, status: 'cancelled', actor });
      if (nextVisitAt) {
        await createTask(
          trx,
          { ownerId: before.owner_id, title: `下次拜访：${account}`, dueAt: nextVisitAt, linkEntity: NEXT_VISIT_LINK, linkId: id, linkUrl: link(id), source: 'visit', createdBy: actor.userId, actor },
          notifier,
        );
      }
    }
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'record', before, after: { ...after, metContactIds: input.metContactIds } });
  });
}

// ---------------------------------------------------------------- report and review

export async function submitReport(db: Kdb, notifier: Notifier, actor: Actor, id: number, input: z.infer<typeof visitVersion>) {
  await withVersioned(db, writable(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    need('submitReport', before);
    await visitsRepo.update(trx, id, { report_status: 'submitted', report_submitted_at: new Date(), report_reviewed_at: null });
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'submit_report', before: { report_status: before.report_status }, after: { report_status: 'submitted' } });
    const reviewer = before.approval_id === null ? undefined : await visitsRepo.planApprover(trx, before.approval_id);
    if (reviewer && reviewer !== before.owner_id) {
      const account = (await visitsRepo.accountName(trx, before.account_id)) ?? '';
      await notifier.notify(trx, { userIds: [reviewer], kind: VISIT_KINDS.reportSubmitted, params: { account }, link: link(id) });
    }
  });
}

/** The director approves the report or returns it with a comment (a return needs one); never one's own. */
export async function reviewReport(db: Kdb, notifier: Notifier, actor: Actor, id: number, input: z.infer<typeof visitReview>) {
  const lock = (trx: Executor) => visitsRepo.find(trx, id, ownedScope('visits', actor, 'visit:review'), true);
  await withVersioned(db, lock, input.version, { notFound, stale }, async (trx, before) => {
    need('review', before);
    if (before.owner_id === actor.userId) throw new AppError('FORBIDDEN', 'A visit report is reviewed by someone else than its visitor', undefined, { key: 'visits.ownReport' });
    if (input.decision === 'return' && !input.comment) throw validationError([issue('comment', 'visits.returnNeedsComment', 'Say what to change')]);
    const status = reviewedReportStatus(input.decision);
    await visitsRepo.update(trx, id, { report_status: status, report_reviewed_at: new Date(), report_reviewer_id: actor.userId, report_comment: input.comment ?? null });
    await audit(trx, actor, { entity: 'visit', entityId: id, action: 'review_report', before: { report_status: before.report_status }, after: { report_status: status, comment: input.comment ?? null } });
    const account = (await visitsRepo.accountName(trx, before.account_id)) ?? '';
    await notifier.notify(trx, { userIds: [before.owner_id], kind: status === 'approved' ? VISIT_KINDS.reportApproved : VISIT_KINDS.reportReturned, params: { account, comment: input.comment ?? '' }, link: link(id) });
  });
}
