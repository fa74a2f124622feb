import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { iso } from '../../../shared/contracts/common';
import { REPORT_DAY_LOOKBACK, type DailyReport, type MonthlyPlanDetail, type MonthlyPlanListItem, type monthlyPlanCreate, type monthlyPlanListQuery, type monthlyPlanUpdate, type monthlyPlanVersion, type PlanItemKind, type PlanStatus, type ReportDay, type TeamDailyReport } from '../../../shared/contracts/work-plans';
import type { VisitPurpose, VisitResult } from '../../../shared/contracts/visits';
import { businessDate, zonedInstant } from '../../../shared/domain/business-time';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { Actor } from '../../platform/actor';
import type { Notifier } from '../../platform/notifications/notifier';
import { audit } from '../../platform/audit';
import { pageWindow, resolveSort } from '../../platform/listing';
import { scopeWhere, ownedScope, accountScope } from '../../platform/scope';
import { withVersioned } from '../../platform/versioned';
import { lastWorkingDayOfMonth, type WorkCalendar } from '../../../shared/domain/workdays';
import { loadWorkCalendar } from '../workdays';
import { workPlansRepo, type PlanRow, type PlanScope, type PlanSortColumn, type UserScope } from './work-plans.repo';
import { addMonths, canChange, dayCounts, daysBefore, isLate, itemIssues, monthOf, monthProblem, planDueOn, planVsActual, reportDayOf } from './work-plans.rules';

/**
 * Daily and monthly plans (ACT-4). The daily report is read from the recorded visits; the monthly
 * plan is its owner's (visit:write) and read by others in their visit:read scope (404 outside it).
 */

const notFound = () => new AppError('NOT_FOUND', 'Monthly plan not found', undefined, { key: 'workPlans.notFound' });
const userNotFound = () => new AppError('NOT_FOUND', 'User not found', undefined, { key: 'workPlans.userNotFound' });
const stale = () => new AppError('STALE_VERSION', 'The plan was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const notOwner = () => new AppError('FORBIDDEN', 'Only its owner changes a monthly plan', undefined, { key: 'workPlans.notOwner' });
const notDraft = () => new AppError('INVALID_STATE', 'The plan is submitted and no longer changes', undefined, { key: 'workPlans.submitted' });

const planScope = (actor: Actor): PlanScope => (eb) => scopeWhere(eb, actor, 'visit:read', { owner: 'monthly_plans.owner_id', unit: 'monthly_plans.unit_id' });
const userScope = (actor: Actor): UserScope => (eb) => scopeWhere(eb, actor, 'visit:read', { owner: 'users.id', unit: 'users.unit_id' });

/** The business day's bounds; a date that does not exist (2026-02-30) is a 400 on `date`. */
function dayBounds(date: string, tz: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = zonedInstant(tz, y, m - 1, d);
  if (businessDate(start, tz) !== date) throw validationError([issue('date', 'workPlans.noSuchDate', 'No such date')]);
  return { start, end: zonedInstant(tz, y, m - 1, d + 1) };
}

// ---------------------------------------------------------------- the daily report

/** 客户拜访日报表 of one person (default: the caller) for one business day (default: today). */
export async function dailyReport(db: Kdb, actor: Actor, q: { userId?: number; date?: string }, tz: string, now = new Date()): Promise<DailyReport> {
  const date = q.date ?? businessDate(now, tz);
  const user = await workPlansRepo.user(db, q.userId ?? actor.userId, q.userId === undefined || q.userId === actor.userId ? (eb) => eb('users.id', '=', actor.userId) : userScope(actor));
  if (!user) throw userNotFound();
  const { start, end } = dayBounds(date, tz);
  const visits = await workPlansRepo.dayVisits(db, user.id, start, end, ownedScope('visits', actor, 'visit:read'));
  const expenses = visits.flatMap((v) => v.expenses.map((e) => ({ visitId: v.id, accountName: v.account_name, item: e.item, amount: e.amount, note: e.note ?? null })));
  return {
    user: { id: user.id, name: user.name },
    unitName: user.unit_name,
    date,
    rows: visits.map((v) => ({
      visitId: v.id,
      account: { id: v.account_id, name: v.account_name },
      metName: v.met_name ?? '',
      metTitle: v.met_title,
      purpose: v.purpose as VisitPurpose,
      discussed: v.discussed ?? '',
      result: v.result as VisitResult,
      solved: v.solved,
      concerns: v.concerns,
      toWatch: v.to_watch,
      checkedInAt: iso(v.checked_in_at!),
    })),
    expenses,
    expenseTotal: expenses.reduce((s, e) => s + e.amount, 0),
    counts: dayCounts(visits.map((v) => ({ solved: v.solved, concerns: v.concerns, toWatch: v.to_watch }))),
  };
}

/** The director's day: one row per person in scope who makes visits or made one that day. */
export async function teamDailyReport(db: Kdb, actor: Actor, q: { date?: string }, tz: string, now = new Date()): Promise<TeamDailyReport> {
  const date = q.date ?? businessDate(now, tz);
  const { start, end } = dayBounds(date, tz);
  const rows = await workPlansRepo.team(db, start, end, userScope(actor), ownedScope('visits', actor, 'visit:read'));
  return {
    date,
    items: rows.map((r) => ({ user: { id: r.id, name: r.name }, unitName: r.unit_name, visits: Number(r.n ?? 0), handled: Number(r.handled ?? 0), open: Number(r.open ?? 0), expenseTotal: Number(r.cost ?? 0) })),
  };
}

/**
 * The day a daily report opens on (issue 13 item 7: not a Sunday of zeros): the latest business day up to
 * today with a recorded visit of the person (default: the caller; another only within the visit:read
 * scope, 404 outside it) — or, for the team (`team`), of anyone in scope — within the look-back; else the
 * last working day under the working calendar. One indexed max() per call.
 */
export async function reportDay(db: Kdb, actor: Actor, q: { userId?: number; team?: boolean }, tz: string, now = new Date()): Promise<ReportDay> {
  const today = businessDate(now, tz);
  const since = dayBounds(daysBefore(today, REPORT_DAY_LOOKBACK), tz).start;
  const { end } = dayBounds(today, tz);
  const visits = ownedScope('visits', actor, 'visit:read');
  let who: { ownerId: number } | { users: UserScope };
  if (q.team) who = { users: userScope(actor) };
  else {
    const self = q.userId === undefined || q.userId === actor.userId;
    const user = await workPlansRepo.user(db, q.userId ?? actor.userId, self ? (eb) => eb('users.id', '=', actor.userId) : userScope(actor));
    if (!user) throw userNotFound();
    who = { ownerId: user.id };
  }
  const latest = await workPlansRepo.latestCheckIn(db, since, end, visits, who);
  return reportDayOf(today, latest ? businessDate(latest, tz) : null, await loadWorkCalendar(db));
}

// ---------------------------------------------------------------- monthly plans

/** A plan as listed; its due day under the working calendar. */
function listOut(r: PlanRow, cal: WorkCalendar): MonthlyPlanListItem {
  return {
    id: r.id,
    owner: { id: r.owner_id, name: r.owner_name },
    unitName: r.unit_name,
    month: r.month,
    status: r.status as PlanStatus,
    submittedAt: iso(r.submitted_at),
    late: r.late,
    dueOn: planDueOn(r.month, cal),
    actuals: {
      visits: planVsActual(r.planned_visits, Number(r.actual_visits)),
      expansions: planVsActual(r.planned_expansions, Number(r.actual_expansions)),
      deals: planVsActual(r.planned_deals, Number(r.actual_deals)),
    },
    version: r.version,
  };
}

const SORTS: Record<string, PlanSortColumn> = { month: 'month', submittedAt: 'submitted_at', createdAt: 'created_at' };

export async function listPlans(db: Kdb, actor: Actor, q: z.infer<typeof monthlyPlanListQuery>, tz: string) {
  const r = await workPlansRepo.list(
    db,
    { scope: planScope(actor), ownerId: q.box === 'mine' ? actor.userId : q.userId, month: q.month, status: q.status, q: q.q || undefined, sort: resolveSort(q.sort, SORTS, '-month'), ...pageWindow(q) },
    tz,
  );
  const cal = await loadWorkCalendar(db);
  return { items: r.items.map((p) => listOut(p, cal)), total: r.total, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(db: Kdb, actor: Actor, id: number, tz: string): Promise<MonthlyPlanDetail> {
  const p = await workPlansRepo.find(db, id, planScope(actor), tz);
  if (!p) throw notFound();
  const items = await workPlansRepo.items(db, id, tz);
  const cal = await loadWorkCalendar(db);
  return {
    ...listOut(p, cal),
    unitId: p.unit_id,
    note: p.note,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind as PlanItemKind,
      account: i.account_id !== null ? { id: i.account_id, name: i.account_name ?? i.target_name } : null,
      targetName: i.target_name,
      plannedOn: i.planned_on,
      note: i.note,
      done: i.done === null ? null : Boolean(i.done),
    })),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

type PlanFields = z.infer<typeof monthlyPlanUpdate> | z.infer<typeof monthlyPlanCreate>;

/** Checks the items (field paths items.N.*) and resolves account names; the accounts must be in the caller's account scope. */
async function planValues(ex: Executor, actor: Actor, month: string, input: PlanFields) {
  const issues = itemIssues(month, input.items);
  const ids = [...new Set(input.items.flatMap((i) => (i.accountId != null ? [i.accountId] : [])))];
  const names = await workPlansRepo.visibleAccounts(ex, ids, accountScope(actor, 'account:read'));
  input.items.forEach((it, i) => {
    if (it.accountId != null && !names.has(it.accountId)) issues.push(issue(`items.${i}.accountId`, 'workPlans.accountNotVisible', 'Choose an account you can see'));
  });
  if (issues.length) throw validationError(issues);
  return {
    plan: { planned_visits: input.plannedVisits, planned_expansions: input.plannedExpansions, planned_deals: input.plannedDeals, note: input.note ?? null },
    items: input.items.map((it, i) => ({
      kind: it.kind,
      account_id: it.accountId ?? null,
      target_name: it.accountId != null ? names.get(it.accountId)! : it.targetName!,
      planned_on: it.plannedOn ?? null,
      note: it.note ?? null,
      sort_order: i,
    })),
  };
}

/** The caller's own plan for a month (default: next month); one per person per month. */
export async function createPlan(db: Kdb, actor: Actor, input: z.infer<typeof monthlyPlanCreate>, tz: string, now = new Date()) {
  const month = input.month ?? addMonths(monthOf(now, tz), 1);
  if (monthProblem(month, now, tz)) throw validationError([issue('month', 'workPlans.monthPast', 'Plan the current month or a later one')]);
  return db.transaction().execute(async (trx) => {
    if (await workPlansRepo.ownMonth(trx, actor.userId, month)) {
      throw new AppError('CONFLICT', `You already have a plan for ${month}`, { path: 'month' }, { key: 'workPlans.monthTaken', params: { month } });
    }
    const v = await planValues(trx, actor, month, input);
    const unitId = await workPlansRepo.userUnit(trx, actor.userId);
    const row = await workPlansRepo.insert(trx, { ...v.plan, owner_id: actor.userId, unit_id: unitId, month });
    await workPlansRepo.setItems(trx, row.id, v.items);
    await audit(trx, actor, { entity: 'monthly_plan', entityId: row.id, action: 'create', after: { ...row, items: v.items } });
    return row.id;
  });
}

/** The owner's draft, locked: others in the read scope get 403, outside it 404. */
const ownDraft = (actor: Actor, id: number) => async (trx: Executor) => {
  const row = await workPlansRepo.lock(trx, id, planScope(actor));
  if (row && row.owner_id !== actor.userId) throw notOwner();
  return row;
};

export async function updatePlan(db: Kdb, actor: Actor, id: number, input: z.infer<typeof monthlyPlanUpdate>) {
  await withVersioned(db, ownDraft(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    if (!canChange(before.status as PlanStatus)) throw notDraft();
    const beforeItems = await workPlansRepo.itemRows(trx, id);
    const v = await planValues(trx, actor, before.month, input);
    const after = await workPlansRepo.update(trx, id, v.plan);
    await workPlansRepo.setItems(trx, id, v.items);
    await audit(trx, actor, { entity: 'monthly_plan', entityId: id, action: 'update', before: { ...before, items: beforeItems }, after: { ...after, items: v.items } });
  });
}

/** Submitting records the time and whether it came after the last working day of the month before (the working calendar's). */
export async function submitPlan(db: Kdb, actor: Actor, id: number, input: z.infer<typeof monthlyPlanVersion>, tz: string, now = new Date()) {
  const cal = await loadWorkCalendar(db);
  await withVersioned(db, ownDraft(actor, id), input.version, { notFound, stale }, async (trx, before) => {
    if (!canChange(before.status as PlanStatus)) throw notDraft();
    const late = isLate(before.month, now, tz, cal);
    await workPlansRepo.update(trx, id, { status: 'submitted', submitted_at: now, late });
    await audit(trx, actor, { entity: 'monthly_plan', entityId: id, action: 'submit', before: { status: before.status }, after: { status: 'submitted', submitted_at: now, late, dueOn: planDueOn(before.month, cal) } });
  });
}

export const PLAN_DUE_KIND = 'workPlans.planDue';

/**
 * The daily run: on the last working day of a month (the working calendar's), everyone who makes visits
 * and has not submitted next month's plan is reminded (one notice that day; the schedule runs once a day).
 */
export async function runPlanReminder(db: Kdb, notifier: Notifier, tz: string, now = new Date()): Promise<{ month: string | null; notified: number }> {
  const month = monthOf(now, tz);
  if (businessDate(now, tz) !== lastWorkingDayOfMonth(month, await loadWorkCalendar(db))) return { month: null, notified: 0 };
  const next = addMonths(month, 1);
  return db.transaction().execute(async (trx) => {
    const userIds = await workPlansRepo.withoutSubmittedPlan(trx, next);
    await notifier.notify(trx, { userIds, kind: PLAN_DUE_KIND, params: { month: next }, link: '/monthly-plans?box=mine' });
    return { month: next, notified: userIds.length };
  });
}
