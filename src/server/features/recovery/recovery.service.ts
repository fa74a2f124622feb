import type { z } from 'zod';
import type { LifecycleStage } from '../../../shared/contracts/accounts';
import { iso } from '../../../shared/contracts/common';
import {
  recoverySettings,
  type recoveryClose,
  type recoveryCreate,
  type RecoveryListItem,
  type RecoveryListQuery,
  type RecoveryPage,
  type RecoveryPlan,
  type RecoverySettings,
  type recoveryStepCreate,
  type recoveryUpdate,
} from '../../../shared/contracts/recovery';
import { businessDate, zonedInstant } from '../../../shared/domain/business-time';
import { topDrivers, type HealthBand, type MeasureResult } from '../../../shared/domain/health';
import { formatMoney } from '../../../shared/domain/money';
import { AppError, issue, validationError } from '../../../shared/errors';
import healthZh from '../../../shared/locales/zh-CN/health.json';
import type { Executor, Kdb } from '../../db/client';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { pageWindow } from '../../platform/listing';
import type { Notifier } from '../../platform/notifications/notifier';
import { interpolate } from '../../platform/notifications/email';
import { orgReads } from '../../platform/org.repo';
import { accountReachable, accountScope } from '../../platform/scope';
import { defineSetting } from '../../platform/settings';
import { moveLifecycle } from '../accounts';
import type { BandMove } from '../health';
import { closeTasksFor, completeLinkedTask, createTask } from '../tasks';
import { loadWorkCalendar } from '../workdays';
import { recoveryRepo as repo, STEP_ENTITY, type RecoverySortColumn } from './recovery.repo';
import { canStart, DEFAULT_RECOVERY_SETTINGS, driversReason, isOpen, lifecycleOnClose, lifecycleOnOpen, opensPlan, recoverable, templateSteps } from './recovery.rules';

export const ENTITY = 'recovery_plan';
export const TASK_SOURCE = 'recovery';
/** Steps fall due at the end of the working day. */
const DUE_HOUR = 18;

export const recoverySetting = defineSetting<RecoverySettings>('recovery', recoverySettings, DEFAULT_RECOVERY_SETTINGS);

export interface RecoveryContext {
  notifier: Notifier;
  timeZone: string;
  now?: Date;
}

const notFound = () => new AppError('NOT_FOUND', 'Recovery plan not found', undefined, { key: 'common.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The plan was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const notOpen = (state: string) => new AppError('INVALID_STATE', `The plan is ${state}`, { state }, { key: 'recovery.notOpen', params: { state } });
const link = (id: number) => `/recovery/${id}`;

/** The drivers in zh-CN words (the lifecycle change's reason): the department's language, as the ticket escalations write theirs. */
const zh = (key: string, params?: Record<string, unknown>) => interpolate((healthZh.drivers as Record<string, string>)[key.split('.').pop()!] ?? key, params ?? {});
const yuan = (fen: number) => `¥${formatMoney(fen)}`;
export const reasonOf = (drivers: readonly MeasureResult[]) => driversReason(drivers, zh, yuan);

const asDrivers = (v: unknown): MeasureResult[] => (Array.isArray(v) ? (v as MeasureResult[]) : typeof v === 'string' ? (JSON.parse(v) as MeasureResult[]) : []);

/**
 * Gives a new plan its template steps (tasks of the plan's owner, due in working days) and tells the owner
 * once, and the director above the owner's unit when the health opened it.
 */
async function startPlan(trx: Executor, plan: { id: number; accountName: string; ownerId: number; unitId: number | null; score: number | null; trigger: 'health' | 'manual'; actor: Actor | null }, ctx: RecoveryContext) {
  const now = ctx.now ?? new Date();
  const [settings, cal] = await Promise.all([recoverySetting.get(trx), loadWorkCalendar(trx)]);
  const steps = templateSteps(settings.value, businessDate(now, ctx.timeZone), cal);
  for (const s of steps) {
    await createTask(
      trx,
      { ownerId: plan.ownerId, title: s.title, description: plan.accountName, dueAt: dueAt(s.dueDate, ctx.timeZone), linkEntity: STEP_ENTITY, linkId: plan.id, linkUrl: link(plan.id), source: TASK_SOURCE, createdBy: plan.actor?.userId ?? null, actor: plan.actor, notify: false },
      ctx.notifier,
    );
  }
  const params = { account: plan.accountName, score: plan.score ?? '—', steps: steps.length };
  if (plan.ownerId !== plan.actor?.userId) await ctx.notifier.notify(trx, { userIds: [plan.ownerId], kind: plan.trigger === 'health' ? 'recovery.opened' : 'recovery.assigned', params, link: link(plan.id) });
  if (plan.trigger === 'health' && plan.unitId !== null) {
    const director = await orgReads.positionHolderAbove(trx, plan.unitId, 'ka_director');
    if (director && director.id !== plan.ownerId) await ctx.notifier.notify(trx, { userIds: [director.id], kind: 'recovery.openedDirector', params, link: link(plan.id) });
  }
}

const dueAt = (date: string, tz: string) => zonedInstant(tz, Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), DUE_HOUR);

/**
 * The churn warning (流失预警): the health recompute's band moves, in its transaction. An account that
 * turns red and is a customer gets a plan (unless it has an open one), moves to 预警 with the drivers as
 * the reason, and its owner gets the template steps. Returns the new plans' ids.
 */
export async function openFromHealth(trx: Executor, moves: readonly BandMove[], ctx: RecoveryContext): Promise<number[]> {
  const red = moves.filter(opensPlan);
  if (!red.length) return [];
  const now = ctx.now ?? new Date();
  const accounts = new Map((await repo.accountsFor(trx, red.map((m) => m.accountId))).map((a) => [a.id, a]));
  const opened: number[] = [];
  for (const m of red) {
    const a = accounts.get(m.accountId);
    if (!a || a.owner_id === null || !recoverable(a.lifecycle)) continue;
    const reason = reasonOf(m.drivers);
    const id = await repo.insertOpen(trx, { accountId: a.id, ownerId: a.owner_id, trigger: 'health', reason, drivers: m.drivers, scoreAtOpen: m.score, lifecycleBefore: a.lifecycle, goal: '', openedAt: now, openedBy: null });
    if (id === null) continue;
    const to = lifecycleOnOpen(a.lifecycle);
    if (to) await moveLifecycle(trx, { accountId: a.id, to, reason, reasonKey: 'healthRed', actor: null, at: now });
    await audit(trx, null, { entity: ENTITY, entityId: id, action: 'open', after: { account_id: a.id, owner_id: a.owner_id, trigger: 'health', score_at_open: m.score, reason } });
    await startPlan(trx, { id, accountName: a.name, ownerId: a.owner_id, unitId: a.unit_id, score: m.score, trigger: 'health', actor: null }, ctx);
    opened.push(id);
  }
  return opened;
}

// ---- reads ----

const SORTS: Record<string, RecoverySortColumn> = { openedAt: 'opened_at', revenue: 'revenue', score: 'score' };

type ListRow = Awaited<ReturnType<typeof repo.list>>['items'][number];

function item(r: ListRow): RecoveryListItem {
  return {
    id: r.id,
    account: { id: r.account_id, name: r.account_name, tier: r.account_tier as RecoveryListItem['account']['tier'], lifecycle: r.account_lifecycle as LifecycleStage },
    owner: { id: r.owner_id, name: r.owner_name },
    state: r.state as RecoveryListItem['state'],
    trigger: r.trigger as RecoveryListItem['trigger'],
    scoreAtOpen: r.score_at_open,
    score: r.score,
    band: r.band as HealthBand | null,
    revenue: Number(r.revenue),
    drivers: asDrivers(r.drivers),
    steps: { done: Number(r.steps_done), total: Number(r.steps_total) },
    openedAt: iso(r.opened_at)!,
    closedAt: iso(r.closed_at),
  };
}

export async function list(db: Kdb, actor: Actor, q: RecoveryListQuery): Promise<RecoveryPage> {
  const scope = accountScope(actor, 'recovery:read');
  const desc = q.sort.startsWith('-');
  const column = SORTS[q.sort.replace(/^-/, '')]!;
  const [page, counts] = await Promise.all([
    repo.list(db, { scope, states: q.state, accountId: q.accountId, ownerId: q.ownerId, q: q.q || undefined, sort: { column, desc }, ...pageWindow(q) }),
    repo.stateCounts(db, scope, { accountId: q.accountId, ownerId: q.ownerId }),
  ]);
  const c = { open: 0, in_progress: 0, won_back: 0, lost: 0 };
  for (const r of counts) if (r.state in c) c[r.state as keyof typeof c] = Number(r.n);
  return { items: page.items.map(item), total: page.total, page: q.page, pageSize: q.pageSize, counts: c };
}

export async function get(db: Executor, actor: Actor, id: number): Promise<RecoveryPlan> {
  const r = await repo.find(db, id, accountScope(actor, 'recovery:read'));
  if (!r) throw notFound();
  const [steps, work, close] = await Promise.all([
    repo.steps(db, id),
    can(actor, 'recovery:work') && isOpen(r.state) ? accountReachable(db, r.account_id, accountScope(actor, 'recovery:work')) : false,
    can(actor, 'recovery:close') && isOpen(r.state) ? accountReachable(db, r.account_id, accountScope(actor, 'recovery:close')) : false,
  ]);
  return {
    ...item(r),
    reason: r.reason,
    goal: r.goal,
    actions: r.actions,
    lifecycleBefore: (r.lifecycle_before as LifecycleStage | null) ?? null,
    openedBy: r.opened_by === null ? null : { id: r.opened_by, name: r.opened_by_name ?? '' },
    startedAt: iso(r.started_at),
    closedBy: r.closed_by === null ? null : { id: r.closed_by, name: r.closed_by_name ?? '' },
    outcomeReason: r.outcome_reason,
    stepList: steps.map((s) => ({
      id: s.id,
      title: s.title,
      owner: { id: s.owner_id, name: s.owner_name },
      dueAt: iso(s.due_at),
      status: s.status as 'open' | 'done' | 'cancelled',
      completedAt: iso(s.completed_at),
      mine: s.owner_id === actor.userId && s.status === 'open' && isOpen(r.state),
    })),
    version: r.version,
    can: { work, close },
  };
}

// ---- writes ----

/**
 * A person opens a plan for an account on watch (recovery:work in the account's scope): the account must
 * be a customer (400 accountId), without an open plan (409 with the open one's id). A customer in 合作 /
 * 维护 / 挽回 moves to 预警 with the person's reason; the account's owner gets the template steps.
 */
export async function create(db: Kdb, actor: Actor, input: z.infer<typeof recoveryCreate>, ctx: RecoveryContext): Promise<number> {
  const now = ctx.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const reachable = await accountReachable(trx, input.accountId, accountScope(actor, 'recovery:work'));
    const [a] = reachable ? await repo.accountsFor(trx, [input.accountId]) : [];
    if (!a) throw validationError([issue('accountId', 'recovery.accountNotFound', 'Choose an account you can work on')]);
    if (!recoverable(a.lifecycle)) throw validationError([issue('accountId', 'recovery.notACustomer', 'Only a customer (合作, 维护, 挽回 or 预警) gets a recovery plan', { lifecycle: a.lifecycle })]);
    if (a.owner_id === null) throw validationError([issue('accountId', 'recovery.noOwner', 'The account has no owner to work the plan')]);
    const health = await repo.healthOf(trx, a.id);
    const score = health?.score ?? null;
    const drivers = topDrivers(asDrivers(health?.measures ?? []));
    const id = await repo.insertOpen(trx, { accountId: a.id, ownerId: a.owner_id, trigger: 'manual', reason: input.reason, drivers, scoreAtOpen: score, lifecycleBefore: a.lifecycle, goal: input.goal ?? '', openedAt: now, openedBy: actor.userId });
    if (id === null) {
      const open = await repo.openOf(trx, a.id);
      throw new AppError('CONFLICT', 'The account has an open recovery plan', { path: 'accountId', planId: open?.id ?? null }, { key: 'recovery.alreadyOpen' });
    }
    const to = lifecycleOnOpen(a.lifecycle);
    if (to) await moveLifecycle(trx, { accountId: a.id, to, reason: input.reason, actor, at: now });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'open', after: { account_id: a.id, owner_id: a.owner_id, trigger: 'manual', reason: input.reason, goal: input.goal ?? '' } });
    await startPlan(trx, { id, accountName: a.name, ownerId: a.owner_id, unitId: a.unit_id, score, trigger: 'manual', actor }, ctx);
    return id;
  });
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lock>>>;

/** One write on an open plan the caller may work (or close) in scope, at the version read. */
async function withPlan<R>(db: Kdb, actor: Actor, id: number, version: number | null, permission: 'recovery:work' | 'recovery:close', fn: (trx: Executor, before: Locked) => Promise<R>): Promise<R> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.lock(trx, id, accountScope(actor, permission));
    if (!before) {
      // seen but not writable under this permission: a 403; not seen at all: a 404
      if (await repo.find(trx, id, accountScope(actor, 'recovery:read'))) throw new AppError('FORBIDDEN', 'Not allowed on this plan', undefined, { key: 'common.forbidden' });
      throw notFound();
    }
    if (version !== null && before.version !== version) throw stale();
    if (!isOpen(before.state)) throw notOpen(before.state);
    return fn(trx, before);
  });
}

const pick = (r: { state: string; goal: string; actions: string; started_at: Date | null; closed_at: Date | null; outcome_reason: string | null; owner_id: number }) => ({
  state: r.state,
  goal: r.goal,
  actions: r.actions,
  started_at: r.started_at,
  closed_at: r.closed_at,
  outcome_reason: r.outcome_reason,
  owner_id: r.owner_id,
});

/** The goal and the measures (挽回目标、挽回措施). */
export async function update(db: Kdb, actor: Actor, id: number, input: z.infer<typeof recoveryUpdate>) {
  await withPlan(db, actor, id, input.version, 'recovery:work', async (trx, before) => {
    const after = await repo.update(trx, id, { ...(input.goal !== undefined && { goal: input.goal }), ...(input.actions !== undefined && { actions: input.actions }) });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'update', before: pick(before), after: pick(after) });
  });
}

/** open → in progress, audited: 开始执行, or the first step done (on the plan's page or in the to-do list). */
async function putInProgress(trx: Executor, actor: Actor, before: Parameters<typeof pick>[0] & { id: number }, now: Date, data?: Record<string, unknown>) {
  const after = await repo.update(trx, before.id, { state: 'in_progress', started_at: now });
  await audit(trx, actor, { entity: ENTITY, entityId: before.id, action: 'start', before: pick(before), after: pick(after), data });
}

/** 开始执行: open → in progress. */
export async function start(db: Kdb, actor: Actor, id: number, input: { version: number }, now = new Date()) {
  await withPlan(db, actor, id, input.version, 'recovery:work', async (trx, before) => {
    if (!canStart(before.state)) throw notOpen(before.state);
    await putInProgress(trx, actor, before, now);
  });
}

/** A further step: a task of the plan's owner (or the caller's own), due at the end of that working day. */
export async function addStep(db: Kdb, actor: Actor, id: number, input: z.infer<typeof recoveryStepCreate>, ctx: RecoveryContext) {
  await withPlan(db, actor, id, null, 'recovery:work', async (trx, before) => {
    const today = businessDate(ctx.now ?? new Date(), ctx.timeZone);
    if (input.dueDate < today) throw validationError([issue('dueDate', 'recovery.dueInPast', 'A step cannot fall due in the past')]);
    const ownerId = input.assignee === 'me' ? actor.userId : before.owner_id;
    await createTask(
      trx,
      { ownerId, title: input.title, description: before.account_name, dueAt: dueAt(input.dueDate, ctx.timeZone), linkEntity: STEP_ENTITY, linkId: id, linkUrl: link(id), source: TASK_SOURCE, createdBy: actor.userId, actor },
      ctx.notifier,
    );
  });
}

/** Ticks the caller's own open step; the first step done puts an open plan in progress. */
export async function completeStep(db: Kdb, actor: Actor, id: number, stepId: number, now = new Date()) {
  await withPlan(db, actor, id, null, 'recovery:work', async (trx, before) => {
    if (!(await completeLinkedTask(trx, actor, { taskId: stepId, linkEntity: STEP_ENTITY, linkId: id }))) throw new AppError('NOT_FOUND', 'Not one of your open steps of this plan', undefined, { key: 'recovery.stepNotFound' });
    if (canStart(before.state)) await putInProgress(trx, actor, before, now, { stepId });
  });
}

/**
 * 挽回成功 or 流失 (recovery:close, the director): closes the plan with the reason, cancels its open steps
 * and moves the lifecycle — won back: 预警 → 挽回; lost: → 流失 — with the reason, in one transaction.
 */
export async function close(db: Kdb, actor: Actor, id: number, input: z.infer<typeof recoveryClose>, now = new Date()) {
  await withPlan(db, actor, id, input.version, 'recovery:close', async (trx, before) => {
    const after = await repo.update(trx, id, { state: input.outcome, closed_at: now, closed_by: actor.userId, outcome_reason: input.reason });
    await closeTasksFor(trx, { linkEntity: STEP_ENTITY, linkId: id, status: 'cancelled', actor });
    const to = lifecycleOnClose(input.outcome, before.account_lifecycle);
    if (to) await moveLifecycle(trx, { accountId: before.account_id, to, reason: input.reason, actor, at: now });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: input.outcome === 'won_back' ? 'wonBack' : 'lost', before: pick(before), after: pick(after), data: { lifecycle: to } });
  });
}

/**
 * A step changed through the to-do list (PATCH /api/tasks/:id): nothing changes on a closed plan (409), and
 * a step done there puts an open plan in progress, as ticking it on the plan's page does.
 */
export async function guardStep(trx: Executor, actor: Actor, task: { id: number; linkId: number; status: string }, change: { status?: string }, now = new Date()) {
  const plan = await repo.lockById(trx, task.linkId);
  if (!plan) return;
  if (!isOpen(plan.state)) throw notOpen(plan.state);
  if (change.status === 'done' && task.status !== 'done' && canStart(plan.state)) await putInProgress(trx, actor, plan, now, { stepId: task.id });
}

// ---- settings ----

export async function getSettings(db: Executor) {
  const s = await recoverySetting.get(db);
  return { settings: s.value, version: s.version, updatedAt: iso(s.updatedAt) };
}

export async function putSettings(db: Kdb, actor: Actor, body: RecoverySettings & { version: number }) {
  const { version, ...value } = body;
  await recoverySetting.put(db, actor, value, version);
  return getSettings(db);
}

