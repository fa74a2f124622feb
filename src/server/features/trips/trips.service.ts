import { defineApprovable, field, stepBy, NOW, stampedBy } from '../../platform/approvals/approvable';
import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import { businessDate } from '../../../shared/domain/business-time';
import { checkinRefusal, costTotal, missingDays } from '../../../shared/domain/trips';
import type { tripCancel, tripCheckinCreate, tripCreate, tripListQuery, tripReportInput, tripUpdate, tripVersion } from '../../../shared/contracts/trips';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { ownedScope, accountScope } from '../../platform/scope';
import { pageWindow } from '../../platform/listing';
import type { ApprovalEngine, ApprovalStatus } from '../../platform/approvals/engine';
import { tripsRepo } from './trips.repo';

/**
 * 出差申请 (seed 003 第14条: 出差前须提交出差申请，经批准后方可出差 — the approver is not named; the
 * 销售员管理 chapter puts salespeople under the 客户总监). Director always; finance and the GM by the
 * estimated cost, at the thresholds of the seed's 通用审批. A trip that asks for a cash advance is
 * its own document type (business_trip_advance) whose chain always has finance, as a visit's advance does.
 */
const BUSINESS_TRIP_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理', 500_000), stepBy('gm', '总经理', 2_000_000)];
const BUSINESS_TRIP_ADVANCE_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理'), stepBy('gm', '总经理', 2_000_000)];

/** 出差申请 and 出差报告 go through the approval engine; the document id is the trip's id. */
export const TRIP_DOC = 'business_trip';
/** A trip that asks for a cash advance (借支): the finance manager signs whatever the estimate (like a visit's advance). */
export const TRIP_ADVANCE_DOC = 'business_trip_advance';
export const TRIP_REPORT_DOC = 'business_trip_report';

/** A trip is edited, (re)submitted or cancelled only while it is not with the approvers. */
const EDITABLE = new Set(['draft', 'rejected', 'withdrawn']);

const notFound = () => new AppError('NOT_FOUND', 'Business trip not found', undefined, { key: 'trips.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The trip was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** The trip's status that follows an approval instance's (a return sends it back like a rejection). */
const tripStatusFor = (s: ApprovalStatus) => (s === 'returned' ? 'rejected' : s);
/** The report status that follows the report's approval: anything but pending or approved leaves it to be written again. */
const reportStatusFor = (s: ApprovalStatus) => (s === 'pending' ? 'submitted' : s === 'approved' ? 'approved' : 'none');

/** The trip application (with or without a cash advance: two chains) through the approval engine. */
export const tripApprovable = defineApprovable({
  async summary(db, id) {
    const trip = await tripsRepo.byId(db, id);
    if (!trip) return undefined;
    const accounts = await tripsRepo.accounts(db, id);
    return {
      fields: [
        field.text('trips:fields.destination', trip.destination),
        field.date('trips:fields.startOn', trip.start_on),
        field.date('trips:fields.endOn', trip.end_on),
        field.text('trips:fields.accountIds', accounts.map((a) => a.name).join('、') || null),
        field.longText('trips:fields.purpose', trip.purpose),
        field.enum('trips:fields.transport', 'trips:transports', trip.transport),
        field.money('trips:fields.estimatedTotal', Number(trip.estimated_total)),
        field.money('trips:fields.advanceRequested', Number(trip.advance_requested)),
      ],
      linesLabel: 'trips:fields.costLines',
      lines: trip.cost_lines.map((l) => ({ item: l.category, enumKey: 'trips:costCategories', note: l.note ?? null, amount: l.amount })),
      attachments: [],
    };
  },
  types: [TRIP_DOC, TRIP_ADVANCE_DOC],
  defaultChains: { [TRIP_DOC]: { name: '出差申请审批', steps: BUSINESS_TRIP_STEPS }, [TRIP_ADVANCE_DOC]: { name: '出差申请审批（含借支）', steps: BUSINESS_TRIP_ADVANCE_STEPS } },
  amount: { label: 'approvals:amounts.estimated', second: 'approvals:amounts.advance' },
  link: (id) => `/trips/${id}`,
  table: 'business_trips',
  entity: TRIP_DOC,
  statusValues: stampedBy(tripStatusFor),
});

/** The trip's 出差报告: its own approval, in the report columns of the same row. */
export const tripReportApprovable = defineApprovable({
  async summary(db, id) {
    const trip = await tripsRepo.byId(db, id);
    if (!trip) return undefined;
    return {
      fields: [
        field.text('trips:fields.destination', trip.destination),
        field.date('trips:fields.startOn', trip.start_on),
        field.date('trips:fields.endOn', trip.end_on),
        field.date('approvals:summary.returnedOn', trip.returned_on),
        field.longText('approvals:summary.tripReport', trip.report_summary),
        field.money('trips:fields.estimatedTotal', Number(trip.estimated_total)),
        field.money('trips:fields.actualTotal', trip.actual_total === null ? null : Number(trip.actual_total)),
      ],
      linesLabel: 'trips:fields.actualTotal',
      lines: (trip.actual_cost_lines ?? []).map((l) => ({ item: l.category, enumKey: 'trips:costCategories', note: l.note ?? null, amount: l.amount })),
      attachments: [],
    };
  },
  types: [TRIP_REPORT_DOC],
  // 出差报告 on return: the KA director approves it; only then may the trip's expenses be claimed
  defaultChains: { [TRIP_REPORT_DOC]: { name: '出差报告审批', steps: [stepBy('ka_director', '客户总监')] } },
  amount: { label: 'approvals:amounts.actual', second: 'approvals:amounts.estimated' },
  link: (id) => `/trips/${id}?tab=report`,
  table: 'business_trips',
  approvalColumn: 'report_approval_id',
  entity: TRIP_DOC,
  auditAction: 'report_status',
  statusValues: (approval) => {
    const to = reportStatusFor(approval);
    return to === 'submitted' ? { report_status: to, report_submitted_at: NOW, report_approved_at: null } : { report_status: to, report_approved_at: to === 'approved' ? NOW : null };
  },
  auditData: (_approval, values) => ({ reportStatus: values.report_status }),
});

// ---------------------------------------------------------------- reads

export async function listTrips(db: Kdb, actor: Actor, q: z.infer<typeof tripListQuery>) {
  const { items, total } = await tripsRepo.list(db, { ...q, scope: ownedScope('business_trips', actor, 'trip:read'), ...pageWindow(q) });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getTrip(db: Executor, actor: Actor, id: number, tz: string, now = new Date()) {
  const trip = await tripsRepo.find(db, id, ownedScope('business_trips', actor, 'trip:read'));
  if (!trip) throw notFound();
  const [accounts, checkins] = await Promise.all([tripsRepo.accounts(db, id), tripsRepo.checkins(db, id)]);
  const today = businessDate(now, tz);
  const checkedDays = checkins.map((c) => c.day);
  const state = { status: trip.status, reportStatus: trip.report_status, startOn: trip.start_on, endOn: trip.end_on, checkedDays };
  return {
    ...trip,
    accounts,
    checkins,
    today,
    canCheckIn: trip.owner_id === actor.userId && checkinRefusal(state, today) === null,
    missingDays: missingDays({ ...state, returnedOn: trip.returned_on }, today),
  };
}
export type TripView = Awaited<ReturnType<typeof getTrip>>;

// ---------------------------------------------------------------- writes

type TripInput = z.infer<typeof tripCreate>;

/** Every field rule at once, so a 400 names all the failing fields and nothing is written. */
async function check(trx: Executor, actor: Actor, input: TripInput, today: string) {
  const issues: FieldIssue[] = [];
  if (input.startOn < today) issues.push(issue('startOn', 'trips.startInPast', 'Apply before the trip: the first day cannot be in the past'));
  if (input.endOn < input.startOn) issues.push(issue('endOn', 'trips.endBeforeStart', 'The last day must not be before the first'));
  const total = costTotal(input.costLines);
  if (input.advanceRequested > total) issues.push(issue('advanceRequested', 'trips.advanceAboveEstimate', 'The advance cannot exceed the estimated costs'));
  const ids = [...new Set(input.accountIds)];
  const visible = await tripsRepo.accountsInScope(trx, ids, accountScope(actor, 'account:read'));
  input.accountIds.forEach((a, i) => {
    if (!visible.has(a)) issues.push(issue(`accountIds.${i}`, 'trips.accountNotFound', 'Pick an account you can see'));
  });
  if (issues.length) throw validationError(issues);
  return { total, accountIds: ids };
}

function values(input: TripInput, total: number) {
  return {
    destination: input.destination,
    start_on: input.startOn,
    end_on: input.endOn,
    purpose: input.purpose,
    transport: input.transport,
    transport_note: input.transportNote ?? null,
    cost_lines: JSON.stringify(input.costLines.map((l) => ({ category: l.category, amount: l.amount, note: l.note ?? null }))),
    estimated_total: total,
    advance_requested: input.advanceRequested,
  };
}

export async function createTrip(db: Kdb, actor: Actor, input: TripInput, tz: string) {
  return db.transaction().execute(async (trx) => {
    const { total, accountIds } = await check(trx, actor, input, businessDate(new Date(), tz));
    const row = await tripsRepo.insert(trx, { ...values(input, total), owner_id: actor.userId, unit_id: actor.unitId, created_by: actor.userId });
    await tripsRepo.replaceAccounts(trx, row.id, accountIds);
    await audit(trx, actor, { entity: TRIP_DOC, entityId: row.id, action: 'create', after: row, data: { accountIds } });
    return row.id;
  });
}

/** Locks the trip in the caller's trip:write scope and checks its version. */
async function writable(trx: Executor, actor: Actor, id: number, version?: number) {
  const trip = await tripsRepo.findForUpdate(trx, id, ownedScope('business_trips', actor, 'trip:write'));
  if (!trip) throw notFound();
  if (version !== undefined && trip.version !== version) throw stale();
  return trip;
}

export async function updateTrip(db: Kdb, actor: Actor, id: number, input: z.infer<typeof tripUpdate>, tz: string) {
  await db.transaction().execute(async (trx) => {
    const before = await writable(trx, actor, id, input.version);
    if (!EDITABLE.has(before.status)) throw new AppError('INVALID_STATE', `The trip is ${before.status}; it can be changed only as a draft or after rejection or withdrawal`, undefined, { key: 'trips.notEditable', params: { status: before.status } });
    const { total, accountIds } = await check(trx, actor, input, businessDate(new Date(), tz));
    const after = await tripsRepo.update(trx, id, { ...values(input, total), status: 'draft' });
    await tripsRepo.replaceAccounts(trx, id, accountIds);
    await audit(trx, actor, { entity: TRIP_DOC, entityId: id, action: 'update', before, after, data: { accountIds } });
  });
}

export async function submitTrip(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof tripVersion>, tz: string) {
  await db.transaction().execute(async (trx) => {
    const trip = await writable(trx, actor, id, input.version);
    if (!EDITABLE.has(trip.status)) throw new AppError('INVALID_STATE', `The trip is ${trip.status}; only a draft, rejected or withdrawn trip can be submitted`, undefined, { key: 'trips.notEditable', params: { status: trip.status } });
    if (trip.start_on < businessDate(new Date(), tz)) throw validationError([issue('startOn', 'trips.startInPast', 'Apply before the trip: the first day cannot be in the past')]);
    const docType = Number(trip.advance_requested) > 0 ? TRIP_ADVANCE_DOC : TRIP_DOC;
    const approvalId = await tripApprovable.submit(trx, engine, actor, { type: docType, docId: id, title: `出差申请：${trip.destination}（${trip.start_on}～${trip.end_on}）`, amount: Number(trip.estimated_total), secondAmount: Number(trip.advance_requested), submitterId: actor.userId, unitId: trip.unit_id });
    await audit(trx, actor, { entity: TRIP_DOC, entityId: id, action: 'submit', data: { approvalId, docType } });
  });
}

export async function withdrawTrip(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof tripVersion>) {
  const trip = await db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id, input.version);
    if (row.status !== 'pending' || row.approval_id === null) throw new AppError('INVALID_STATE', `The trip is ${row.status}; only a pending trip can be withdrawn`, undefined, { key: 'trips.notPending', params: { status: row.status } });
    return row;
  });
  await engine.withdraw(actor, Number(trip.approval_id));
}

/** A trip that is not with the approvers and has no report can be called off. */
export async function cancelTrip(db: Kdb, actor: Actor, id: number, input: z.infer<typeof tripCancel>) {
  await db.transaction().execute(async (trx) => {
    const before = await writable(trx, actor, id, input.version);
    if (before.status === 'pending') throw new AppError('INVALID_STATE', 'The trip is waiting for approval; withdraw it first', undefined, { key: 'trips.withdrawFirst', params: { status: before.status } });
    if (before.status === 'cancelled' || before.report_status !== 'none') throw new AppError('INVALID_STATE', `The trip is ${before.status} with report ${before.report_status}; it cannot be cancelled`, undefined, { key: 'trips.notCancellable', params: { status: before.status } });
    const after = await tripsRepo.update(trx, id, { status: 'cancelled', cancelled_at: new Date(), cancel_reason: input.reason });
    await audit(trx, actor, { entity: TRIP_DOC, entityId: id, action: 'cancel', before, after });
  });
}

/** 行踪登记: once per business day of an approved trip, by its traveller, stamped with the server's time. */
export async function checkIn(db: Kdb, actor: Actor, id: number, input: z.infer<typeof tripCheckinCreate>, tz: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const trip = await writable(trx, actor, id);
    if (trip.owner_id !== actor.userId) throw new AppError('FORBIDDEN', 'Only the traveller checks in on a trip', undefined, { key: 'trips.notTraveller' });
    const day = businessDate(now, tz);
    const checkedDays = (await tripsRepo.checkins(trx, id)).map((c) => c.day);
    const refusal = checkinRefusal({ status: trip.status, reportStatus: trip.report_status, startOn: trip.start_on, endOn: trip.end_on, checkedDays }, day);
    if (refusal === 'alreadyCheckedIn') throw new AppError('CONFLICT', `Already checked in on ${day}`, undefined, { key: 'trips.checkin.alreadyCheckedIn', params: { day } });
    if (refusal) throw validationError([issue('day', `trips.checkin.${refusal}`, `No check-in on ${day}: ${refusal}`, { day })]);
    const row = await tripsRepo.insertCheckin(trx, {
      trip_id: id,
      day,
      checked_at: now,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      accuracy: input.accuracy ?? null,
      place: input.place ?? null,
      work: input.work,
      created_by: actor.userId,
    });
    if (!row) throw new AppError('CONFLICT', `Already checked in on ${day}`, undefined, { key: 'trips.checkin.alreadyCheckedIn', params: { day } });
    await audit(trx, actor, { entity: 'business_trip_checkin', entityId: row.id, action: 'create', after: row, data: { tripId: id } });
    return row.id;
  });
}

/** Takes a submitted report back from the KA director (the traveller); it can be written again. */
export async function withdrawReport(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof tripVersion>) {
  await tripReportApprovable.withdrawSeen(db, engine, actor, id, { lock: (trx) => writable(trx, actor, id), version: input.version, pending: (t) => t.report_status === 'submitted', notFound, stale });
}

/** 出差报告 on return with the actual costs; goes to the KA director through the engine. */
export async function submitReport(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof tripReportInput>, tz: string) {
  await db.transaction().execute(async (trx) => {
    const trip = await writable(trx, actor, id, input.version);
    if (trip.status !== 'approved') throw new AppError('INVALID_STATE', `The trip is ${trip.status}; a report follows an approved trip`, undefined, { key: 'trips.reportNeedsApproval', params: { status: trip.status } });
    if (trip.report_status !== 'none') throw new AppError('INVALID_STATE', `The report is already ${trip.report_status}`, undefined, { key: 'trips.reportDone', params: { status: trip.report_status } });
    const today = businessDate(new Date(), tz);
    if (input.returnedOn < trip.start_on || input.returnedOn > today) throw validationError([issue('returnedOn', 'trips.returnedOnRange', 'The return date lies between the first day of the trip and today')]);
    const lines = input.actualCostLines.map((l) => ({ category: l.category, amount: l.amount, note: l.note ?? null }));
    const total = costTotal(lines);
    // the report's fields are written with its status (which needs the actual total), in one update
    const approvalId = await tripReportApprovable.submit(trx, engine, actor, {
      docId: id,
      title: `出差报告：${trip.destination}（${trip.start_on}～${input.returnedOn}）`,
      amount: total,
      secondAmount: Number(trip.estimated_total),
      submitterId: actor.userId,
      unitId: trip.unit_id,
      values: { returned_on: input.returnedOn, report_summary: input.summary, actual_cost_lines: JSON.stringify(lines), actual_total: total },
    });
    const after = await writable(trx, actor, id);
    await audit(trx, actor, { entity: TRIP_DOC, entityId: id, action: 'report', before: trip, after, data: { approvalId } });
  });
}
