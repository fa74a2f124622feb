import { defineApprovable, field, stepBy, stampedBy } from '../../platform/approvals/approvable';
import { orgReads } from '../../platform/org.repo';
import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { receptionCancel, receptionInput, receptionListQuery, receptionReportInput, receptionVersion, reportConfirm, seatingPropose, seatingSave } from '../../../shared/contracts/receptions';
import { checkPlan, proposeSeating, type SeatPerson } from '../../../shared/domain/seating.rules';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { ownedScope, accountScope } from '../../platform/scope';
import { pageWindow } from '../../platform/listing';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import type { Notifier } from '../../platform/notifications/notifier';
import { receptionsRepo, type ReceptionValues } from './receptions.repo';
import { canCancel, canWriteReport, EDITABLE_STATUSES, mayConfirmReport, receptionStatusFor } from './receptions.rules';

/**
 * 客户接待申请 by seed 003 form 6 (signed by 客户总监 then 财务部经理); the GM joins above ¥20,000 —
 * the seeds name no reception amount, so the 通用审批 GM threshold applies (RECEPTION_GM_THRESHOLD).
 */
const RECEPTION_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理'), stepBy('gm', '总经理', 2_000_000)];

/**
 * Receptions and site tours (ACT-6): application (seed 003 form 6) → approval engine (doc type
 * 'reception') → report (form 7) → the KA director's confirmation, which sets report_status
 * 'approved' — the marker expense claims wait for. Banquet seating (ACT-7) is stored per reception.
 */
export const DOC_TYPE = 'reception';

const notFound = () => new AppError('NOT_FOUND', 'Reception not found', undefined, { key: 'receptions.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The reception was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
/** The keys of a broken seating plan's problems (seating.rules checkPlan). */
const seatingKeys = {
  unknownPerson: 'receptions.seating.unknownPerson',
  seatedTwice: 'receptions.seating.seatedTwice',
  notSeated: 'receptions.seating.notSeated',
  duplicateKey: 'receptions.seating.duplicateKey',
  tableSize: 'receptions.seating.tableSize',
} as const;

/** The reception application (客户接待申请表) through the approval engine. */
export const receptionApprovable = defineApprovable({
  async summary(db, id) {
    const r = await receptionsRepo.byId(db, id);
    if (!r) return undefined;
    const costs = { entertainment: r.cost_entertainment, meeting: r.cost_meeting, ceremony: r.cost_ceremony, gift: r.cost_gift, other: r.cost_other };
    return {
      fields: [
        field.text('receptions:fields.account', r.account_name),
        field.enum('receptions:fields.kind', 'receptions:kinds', r.kind),
        field.dateTime('receptions:fields.startsAt', r.starts_at),
        field.text('receptions:fields.place', r.place),
        field.text('receptions:fields.visitors', r.visitors.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、') || null),
        field.enum('receptions:fields.level', 'receptions:levels', r.level),
        field.money('receptions:fields.costTotal', Number(r.cost_total)),
      ],
      linesLabel: 'receptions:fields.costs',
      lines: Object.entries(costs).filter(([, fen]) => Number(fen) > 0).map(([item, fen]) => ({ item, enumKey: 'receptions:costs', note: null, amount: Number(fen) })),
      attachments: [],
    };
  },
  types: [DOC_TYPE],
  defaultChains: { [DOC_TYPE]: { name: '客户接待申请审批', steps: RECEPTION_STEPS } },
  amount: { label: 'approvals:amounts.applied' },
  link: (id) => `/receptions/${id}`,
  table: 'receptions',
  entity: DOC_TYPE,
  statusValues: stampedBy(receptionStatusFor),
});

export async function listReceptions(db: Kdb, actor: Actor, q: z.infer<typeof receptionListQuery>, tz: string) {
  const { limit, offset } = pageWindow(q);
  if (q.sort && q.sort !== 'startsAt' && q.sort !== '-startsAt') throw validationError([issue('sort', 'common.sortField', 'Sort by startsAt (prefix - for descending)', { fields: 'startsAt' })]);
  return receptionsRepo.list(db, { ...q, scope: ownedScope('receptions', actor, 'reception:read'), tz, desc: q.sort !== 'startsAt', limit, offset });
}

export async function getReception(db: Executor, actor: Actor, id: number) {
  const row = await receptionsRepo.find(db, id, ownedScope('receptions', actor, 'reception:read'), ownedScope('receptions', actor, 'reception:write'));
  if (!row) throw notFound();
  return { ...row, can_confirm: Boolean(row.can_write) && row.report_status === 'submitted' && mayConfirmReport(actor.positions, actor.userId, row.owner_id) };
}
export type ReceptionView = Awaited<ReturnType<typeof getReception>>;

async function writable(trx: Executor, actor: Actor, id: number) {
  const row = await receptionsRepo.findForUpdate(trx, id, ownedScope('receptions', actor, 'reception:write'));
  if (!row) throw notFound();
  return row;
}

type Input = z.infer<typeof receptionInput>;

function values(input: Input): ReceptionValues {
  const tour = input.kind === 'tour';
  return {
    account_id: input.accountId,
    kind: input.kind,
    starts_at: input.startsAt,
    ends_at: input.endsAt ?? null,
    place: input.place ?? null,
    visitors: JSON.stringify(input.visitors.map((v) => ({ name: v.name, title: v.title ?? null }))),
    purposes: JSON.stringify([...new Set(input.purposes)]),
    level: input.level,
    execution: input.execution,
    cost_entertainment: input.costs.entertainment,
    cost_meeting: input.costs.meeting,
    cost_ceremony: input.costs.ceremony,
    cost_gift: input.costs.gift,
    cost_other: input.costs.other,
    tour_route: tour ? (input.tourRoute ?? null) : null,
    tour_guide: tour ? (input.tourGuide ?? null) : null,
    tour_areas: JSON.stringify(tour ? input.tourAreas : []),
    note: input.note ?? null,
  };
}

/** Field rules beyond the schema: a visible account, end after start, a tour names its route and guide. */
async function check(trx: Executor, actor: Actor, input: Input) {
  const issues = [];
  if (!(await receptionsRepo.accountVisible(trx, input.accountId, accountScope(actor, 'account:read')))) issues.push(issue('accountId', 'receptions.accountNotFound', 'Choose an account you can see'));
  if (input.endsAt && new Date(input.endsAt) < new Date(input.startsAt)) issues.push(issue('endsAt', 'receptions.endBeforeStart', 'The end is before the start'));
  if (input.kind === 'tour' && !input.tourRoute) issues.push(issue('tourRoute', 'receptions.tourRouteRequired', 'A site tour needs its route (参观路线)'));
  if (input.kind === 'tour' && !input.tourGuide) issues.push(issue('tourGuide', 'receptions.tourGuideRequired', 'A site tour needs its guide (讲解人)'));
  if (input.kind === 'reception' && input.purposes.length === 0) issues.push(issue('purposes', 'receptions.purposeRequired', 'Tick at least one purpose (招待目的)'));
  if (issues.length) throw validationError(issues);
}

export async function createReception(db: Kdb, actor: Actor, input: Input) {
  return db.transaction().execute(async (trx) => {
    await check(trx, actor, input);
    const row = await receptionsRepo.insert(trx, { ...values(input), owner_id: actor.userId, unit_id: actor.unitId, created_by: actor.userId } as Parameters<typeof receptionsRepo.insert>[1]);
    await audit(trx, actor, { entity: DOC_TYPE, entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

/** Edited while a draft, rejected or withdrawn (an edit makes it a draft again). */
export async function updateReception(db: Kdb, actor: Actor, id: number, input: Input & { version: number }) {
  await db.transaction().execute(async (trx) => {
    const before = await writable(trx, actor, id);
    if (before.version !== input.version) throw stale();
    if (!EDITABLE_STATUSES.has(before.status)) throw new AppError('INVALID_STATE', `The reception is ${before.status}; it can be changed only as a draft or after rejection or withdrawal`, undefined, { key: 'receptions.notEditable', params: { status: before.status } });
    await check(trx, actor, input);
    const after = await receptionsRepo.update(trx, id, { ...values(input), status: 'draft' });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'update', before, after });
  });
}

export async function submitReception(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof receptionVersion>) {
  await db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    if (row.version !== input.version) throw stale();
    if (!EDITABLE_STATUSES.has(row.status)) throw new AppError('INVALID_STATE', `The reception is ${row.status}; only a draft, rejected or withdrawn application is submitted`, undefined, { key: 'receptions.notEditable', params: { status: row.status } });
    const title = `${row.kind === 'tour' ? '客户参观申请' : '客户接待申请'}：${await receptionsRepo.accountName(trx, row.account_id)}`;
    const approvalId = await receptionApprovable.submit(trx, engine, actor, { docId: id, title, amount: Number(row.cost_total), submitterId: row.owner_id, unitId: row.unit_id });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'submit', data: { approvalId, amount: Number(row.cost_total) } });
  });
}

export async function withdrawReception(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof receptionVersion>) {
  const row = await db.transaction().execute(async (trx) => {
    const r = await writable(trx, actor, id);
    if (r.version !== input.version) throw stale();
    if (r.status !== 'pending' || r.approval_id === null) throw new AppError('INVALID_STATE', `The reception is ${r.status}; only a pending application can be withdrawn`, undefined, { key: 'receptions.notPending', params: { status: r.status } });
    return r;
  });
  await engine.withdraw(actor, Number(row.approval_id));
}

export async function cancelReception(db: Kdb, actor: Actor, id: number, input: z.infer<typeof receptionCancel>) {
  await db.transaction().execute(async (trx) => {
    const before = await writable(trx, actor, id);
    if (before.version !== input.version) throw stale();
    if (before.status === 'pending') throw new AppError('INVALID_STATE', 'Withdraw the application from approval before cancelling it', undefined, { key: 'receptions.withdrawFirst' });
    if (!canCancel(before.status, before.report_status)) throw new AppError('INVALID_STATE', `The reception is ${before.status} with report ${before.report_status}; it can no longer be cancelled`, undefined, { key: 'receptions.notCancellable', params: { status: before.status } });
    const after = await receptionsRepo.update(trx, id, { status: 'cancelled', cancelled_at: new Date(), cancel_reason: input.reason });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'cancel', before, after });
  });
}

/** 客户接待报告表: written by whoever may write the reception once it is approved; (re)writing sends it to the director. */
export async function writeReport(db: Kdb, notifier: Notifier, actor: Actor, id: number, input: z.infer<typeof receptionReportInput>) {
  await db.transaction().execute(async (trx) => {
    const before = await writable(trx, actor, id);
    if (before.version !== input.version) throw stale();
    if (!canWriteReport(before.status, before.report_status)) throw new AppError('INVALID_STATE', `The reception is ${before.status} with report ${before.report_status}; a report is written after approval and until it is confirmed`, undefined, { key: 'receptions.reportNotWritable', params: { status: before.status } });
    const after = await receptionsRepo.update(trx, id, {
      report_status: 'submitted',
      report_date: input.date,
      report_place: input.place,
      guest_attendees: JSON.stringify(input.guestAttendees.map((p) => ({ name: p.name, title: p.title ?? null }))),
      host_attendees: JSON.stringify(input.hostAttendees.map((p) => ({ name: p.name, title: p.title ?? null }))),
      spent_meals: input.spent.meals,
      spent_lodging: input.spent.lodging,
      spent_transport: input.spent.transport,
      spent_gifts: input.spent.gifts,
      spent_other: input.spent.other,
      spent_notes: JSON.stringify(Object.fromEntries(Object.entries(input.spentNotes).filter(([, v]) => v))),
      report_activities: input.activities ?? null,
      report_cautions: input.cautions ?? null,
      report_effect: input.effect,
      report_information: input.information ?? null,
      report_submitted_at: new Date(),
      report_confirmed_by: null,
      report_confirmed_at: null,
    });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'report', before, after });
    // the KA director above the reception confirms it (客户总监审核)
    const director = await orgReads.positionHolderAbove(trx, before.unit_id, 'ka_director');
    const account = await receptionsRepo.accountName(trx, before.account_id);
    if (director && director.id !== before.owner_id) await notifier.notify(trx, { userIds: [director.id], kind: 'reception.reportSubmitted', params: { account, owner: actor.name }, link: `/receptions/${id}?tab=report` });
  });
}

/** 客户总监审核: the KA director (or a GM) in whose scope the reception is confirms its report; report_status becomes 'approved'. */
export async function confirmReport(db: Kdb, notifier: Notifier, actor: Actor, id: number, input: z.infer<typeof reportConfirm>) {
  await db.transaction().execute(async (trx) => {
    const before = await writable(trx, actor, id);
    if (!mayConfirmReport(actor.positions, actor.userId, before.owner_id)) throw new AppError('FORBIDDEN', 'Only the KA director or a GM confirms a reception report, and not their own', undefined, { key: 'receptions.confirmNotAllowed' });
    if (before.version !== input.version) throw stale();
    if (before.report_status !== 'submitted') throw new AppError('INVALID_STATE', `The report is ${before.report_status}; only a submitted report is confirmed`, undefined, { key: 'receptions.reportNotSubmitted', params: { status: before.report_status } });
    const after = await receptionsRepo.update(trx, id, { report_status: 'approved', report_confirmed_by: actor.userId, report_confirmed_at: new Date(), report_comment: input.comment ?? null });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'confirm_report', before, after });
    await notifier.notify(trx, { userIds: [before.owner_id], kind: 'reception.reportConfirmed', params: { account: await receptionsRepo.accountName(trx, before.account_id), actor: actor.name }, link: `/receptions/${id}?tab=report` });
  });
}

// ---------------------------------------------------------------- seating (ACT-7)

export async function getSeating(db: Executor, actor: Actor, id: number) {
  await getReception(db, actor, id);
  return receptionsRepo.seating(db, id);
}

const people = (list: z.infer<typeof seatingPropose>['people']): SeatPerson[] =>
  list.map((p) => ({ key: p.key, name: p.name, title: p.title ?? null, side: p.side, rank: p.rank, interpreter: p.interpreter, secondHost: p.secondHost }));

/** Each person has a key of their own; at most one second host (女主人 / 副主人), who is a host and not an interpreter. */
function checkPeople(list: z.infer<typeof seatingPropose>['people']) {
  const seen = new Set<string>();
  let seconds = 0;
  const issues = list.flatMap((p, i) => {
    const out = [];
    if (seen.has(p.key)) out.push(issue(`people.${i}.key`, 'receptions.seatKeyTwice', 'Each person needs a key of their own'));
    seen.add(p.key);
    if (p.secondHost && (p.side !== 'host' || p.interpreter)) out.push(issue(`people.${i}.secondHost`, 'receptions.secondHostNotHost', 'Only one of the hosts, not an interpreter, is the second host'));
    else if (p.secondHost && ++seconds > 1) out.push(issue(`people.${i}.secondHost`, 'receptions.secondHostTwice', 'Only one person is the second host'));
    return out;
  });
  if (issues.length) throw validationError(issues);
}

/** A proposal by the seeds' rules; nothing is stored (save it to keep it). */
export async function proposeForReception(db: Kdb, actor: Actor, id: number, input: z.infer<typeof seatingPropose>) {
  const row = await getReception(db, actor, id);
  if (!row.can_write) throw notFound();
  checkPeople(input.people);
  return proposeSeating(people(input.people), input.seatsPerTable);
}

export async function saveSeating(db: Kdb, actor: Actor, id: number, input: z.infer<typeof seatingSave>) {
  await db.transaction().execute(async (trx) => {
    await writable(trx, actor, id);
    const before = await receptionsRepo.seatingForUpdate(trx, id);
    if ((before?.version ?? 0) !== input.version) throw stale();
    // a locked plan only takes the unlock (the same plan with locked: false)
    if (before?.locked && input.locked) throw new AppError('INVALID_STATE', 'The seating plan is locked; unlock it to change it', undefined, { key: 'receptions.seatingLocked' });
    checkPeople(input.people);
    const plan = { seatsPerTable: input.seatsPerTable, people: people(input.people), tables: input.tables.map((t) => ({ ...t, seats: t.seats.map((s) => s ?? null) })) };
    const problems = checkPlan(plan);
    if (problems.length) {
      throw validationError(
        problems.map((p) => issue('table' in p ? `tables.${p.table}.seats` : 'tables', seatingKeys[p.code], `Seating problem: ${p.code}`, { person: 'key' in p ? p.key : null })),
      );
    }
    const values = { seats_per_table: input.seatsPerTable, people: JSON.stringify(plan.people), tables: JSON.stringify(plan.tables), locked: input.locked, updated_by: actor.userId };
    if (!before) {
      const row = await receptionsRepo.insertSeating(trx, { ...values, reception_id: id });
      await audit(trx, actor, { entity: 'reception_seating', entityId: id, action: 'create', after: row });
      return;
    }
    const after = await receptionsRepo.updateSeating(trx, id, values);
    await audit(trx, actor, { entity: 'reception_seating', entityId: id, action: 'update', before, after });
  });
}
