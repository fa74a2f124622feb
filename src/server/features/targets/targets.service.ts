import type { z } from 'zod';
import { iso } from '../../../shared/contracts/common';
import {
  MONEY_METRICS,
  TARGET_LEVELS,
  type TargetCell,
  type TargetCellsUpdate,
  type TargetChangeCreate,
  type TargetChangeView,
  targetListQuery,
  type TargetMetric,
  type TargetPlanCreate,
  type TargetPlanDetail,
  type TargetPlanListItem,
  type TargetPlanStatus,
  type TargetRow,
  type TargetRowKind,
} from '../../../shared/contracts/targets';
import { emptyMonths, sumRows } from '../../../shared/domain/targets';
import { AppError, issue, validationError } from '../../../shared/errors';
import ZH from '../../../shared/locales/zh-CN/targets.json';
import type { Executor, Kdb, Trx } from '../../db/client';
import { interpolate } from '../../platform/notifications/email';
import { can, scopeOf, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { defineApprovable, field, stamped, stampedBy, stepBy } from '../../platform/approvals/approvable';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { targetsRepo as repo, type UnitReach } from './targets.repo';
import { cellIssues, changeDocType, changeIssues, changeStatusFor, EDITABLE_PLAN, lastYear, ownAverage, planDocType, planStatusFor } from './targets.rules';

export const ENTITY = 'target_plan';
const CHANGE_ENTITY = 'target_change';

const err = {
  notFound: () => new AppError('NOT_FOUND', 'Target plan not found', undefined, { key: 'targets.notFound' }),
  changeNotFound: () => new AppError('NOT_FOUND', 'Target change not found', undefined, { key: 'targets.changeNotFound' }),
  stale: () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' }),
  exists: () => new AppError('CONFLICT', 'This unit has a plan for this metric and year already', undefined, { key: 'targets.exists' }),
  notEditable: (status: string) => new AppError('INVALID_STATE', `The plan is ${status}; its cells change only through a change request`, undefined, { key: 'targets.notEditable', params: { status } }),
  notLocked: (status: string) => new AppError('INVALID_STATE', `The plan is ${status}; a change is asked of a locked plan`, undefined, { key: 'targets.notLocked', params: { status } }),
  notPending: () => new AppError('INVALID_STATE', 'The plan is not waiting for approval', undefined, { key: 'targets.notPending' }),
  changeWaiting: () => new AppError('CONFLICT', 'A change of this plan is waiting for approval already', undefined, { key: 'targets.changeWaiting' }),
  changeNotWaiting: () => new AppError('INVALID_STATE', 'The change is not waiting for approval', undefined, { key: 'targets.changeNotWaiting' }),
  forbidden: () => new AppError('FORBIDDEN', 'You may not change this plan', undefined, { key: 'targets.forbidden' }),
};

// ---- reach ----

function reachOf(actor: Actor, permission: 'target:read' | 'target:manage'): UnitReach {
  const scope = scopeOf(actor, permission);
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'unit') return { kind: 'subtree', path: actor.unitPath };
  if (scope === 'team') return { kind: 'unit', unitId: actor.unitId };
  // own: the plan of one's own unit, showing one's own row (read); nothing to manage
  if (scope === 'own' && permission === 'target:read') return { kind: 'unit', unitId: actor.unitId };
  return { kind: 'none' };
}

/** Whether the caller reads only their own row of a plan (own scope). */
const ownRowsOnly = (actor: Actor) => scopeOf(actor, 'target:read') === 'own';

// ---- approval ----

const MONEY = new Set<string>(MONEY_METRICS);

export const targetPlanApprovable = defineApprovable({
  async summary(db, id) {
    const p = await repo.byId(db, id);
    if (!p) return undefined;
    const money = MONEY.has(p.metric);
    return {
      fields: [
        field.text('targets:fields.unit', p.unit_name),
        field.enum('targets:fields.metric', 'targets:metrics', p.metric),
        field.count('targets:fields.year', p.year),
        money ? field.money('targets:fields.total', Number(p.total)) : field.count('targets:fields.total', Number(p.total)),
        money ? field.money('targets:fields.allocated', Number(p.allocated)) : field.count('targets:fields.allocated', Number(p.allocated)),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: ['target_plan', 'target_plan_sub'],
  defaultChains: {
    target_plan: { name: '部门目标审批', steps: [stepBy('gm', '总经理')] },
    target_plan_sub: { name: '目标分解审批', steps: [stepBy('ka_director', '大客户部总监')] },
  },
  amount: { label: 'approvals:amounts.target' },
  link: (id) => `/targets/${id}`,
  table: 'target_plans',
  entity: ENTITY,
  statusValues: stampedBy(planStatusFor, ['draft']),
  auditData: (approval, values) => ({ status: values.status, approval }),
});

export const targetChangeApprovable = defineApprovable({
  async summary(db, id) {
    const c = await repo.change(db, id);
    if (!c) return undefined;
    const p = await repo.byId(db, c.plan_id);
    if (!p) return undefined;
    const lines = await repo.changeLines(db, [id]);
    const names = await rowNames(db, lines);
    const money = MONEY.has(p.metric);
    const fmt = (v: number | null) => (v === null ? '—' : money ? (v / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 }) : String(v));
    return {
      fields: [
        field.text('targets:fields.unit', p.unit_name),
        field.enum('targets:fields.metric', 'targets:metrics', p.metric),
        field.count('targets:fields.year', p.year),
        field.longText('targets:fields.changes', lines.map((l) => interpolate(ZH.documents.changeLine, { name: names.get(`${l.subject_kind}:${l.subject_id}`) ?? '', month: ZH.months[String(l.month) as keyof typeof ZH.months], level: ZH.levels[l.level as keyof typeof ZH.levels] ?? l.level, from: fmt(l.from_value === null ? null : Number(l.from_value)), to: fmt(Number(l.to_value)) })).join('\n')),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: ['target_change', 'target_change_gm'],
  defaultChains: {
    target_change: { name: '目标调整审批', steps: [stepBy('ka_director', '大客户部总监')] },
    target_change_gm: { name: '目标调整审批（总经理）', steps: [stepBy('gm', '总经理')] },
  },
  amount: { label: 'approvals:amounts.target' },
  link: (id) => `/target-changes/${id}`,
  table: 'target_changes',
  entity: CHANGE_ENTITY,
  statusValues: (approval) => stamped(changeStatusFor(approval), approval === 'pending'),
  auditData: (approval, values) => ({ status: values.status, approval }),
  async onStatus({ trx, docId, approval }) {
    if (approval !== 'approved') return;
    const change = await repo.change(trx, docId);
    if (!change) return;
    await repo.lock(trx, change.plan_id);
    for (const line of await repo.changeLines(trx, [docId])) {
      await repo.setLevel(trx, change.plan_id, { subject_kind: line.subject_kind, subject_id: line.subject_id, month: line.month, level: line.level, to_value: Number(line.to_value) });
    }
    await repo.touch(trx, change.plan_id);
  },
});


async function rowNames(db: Executor, lines: readonly { subject_kind: string; subject_id: number }[]) {
  const users = await repo.userNames(db, lines.filter((l) => l.subject_kind === 'user').map((l) => l.subject_id));
  const out = new Map<string, string>();
  for (const l of lines) {
    if (l.subject_kind === 'user') out.set(`user:${l.subject_id}`, users.get(l.subject_id) ?? '');
    else out.set(`unit:${l.subject_id}`, (await repo.unit(db, l.subject_id))?.name ?? '');
  }
  return out;
}

// ---- views ----

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

function listItem(p: PlanRow): TargetPlanListItem {
  return {
    id: p.id,
    unit: { id: p.unit_id, name: p.unit_name, path: p.unit_path },
    metric: p.metric as TargetMetric,
    year: p.year,
    status: p.status as TargetPlanStatus,
    total: Number(p.total),
    allocated: Number(p.allocated),
    updatedAt: iso(p.updated_at),
  };
}

export async function list(db: Kdb, actor: Actor, q: z.output<typeof targetListQuery>) {
  const { total, items } = await repo.list(db, { reach: reachOf(actor, 'target:read'), year: q.year, metric: q.metric, unitId: q.unitId, status: q.status }, q.page, q.pageSize);
  return { items: items.map(listItem), total, page: q.page, pageSize: q.pageSize };
}

interface Grid {
  plan: PlanRow;
  parentPlanId: number | null;
  /** rows in order: total, sub-units, people */
  rows: { kind: TargetRowKind; id: number; name: string; role: 'total' | 'child'; position: string | null; months: TargetCell[] }[];
}

/** The plan's grid as stored: its own total (or the parent plan's row for its unit), its sub-units and people. */
async function grid(db: Executor, plan: PlanRow): Promise<Grid> {
  const cells = await repo.cells(db, plan.id);
  const byRow = new Map<string, TargetCell[]>();
  for (const c of cells) {
    const key = `${c.subject_kind}:${c.subject_id}`;
    const months = byRow.get(key) ?? emptyMonths();
    months[c.month - 1] = { base: Number(c.base), stretch: c.stretch === null ? null : Number(c.stretch), challenge: c.challenge === null ? null : Number(c.challenge) };
    byRow.set(key, months);
  }
  const parent = plan.unit_parent_id === null ? undefined : await repo.parentRow(db, plan.unit_parent_id, plan.unit_id, plan.metric, plan.year);
  let totalMonths = byRow.get(`unit:${plan.unit_id}`) ?? emptyMonths();
  if (parent) {
    totalMonths = emptyMonths();
    for (const c of parent.cells) totalMonths[c.month - 1] = { base: Number(c.base), stretch: c.stretch === null ? null : Number(c.stretch), challenge: c.challenge === null ? null : Number(c.challenge) };
  }
  const units = await repo.childUnits(db, plan.unit_id);
  const people = await repo.unitPeople(db, plan.unit_id);
  // a person who left the unit keeps their row while it holds targets
  const listed = new Set(people.map((u) => u.id));
  const former = [...byRow.keys()].filter((k) => k.startsWith('user:')).map((k) => Number(k.slice(5))).filter((id) => !listed.has(id));
  const formerNames = await repo.userNames(db, former);
  return {
    plan,
    parentPlanId: parent?.planId ?? null,
    rows: [
      { kind: 'unit', id: plan.unit_id, name: plan.unit_name, role: 'total', position: null, months: totalMonths },
      ...units.map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, role: 'child' as const, position: u.kind, months: byRow.get(`unit:${u.id}`) ?? emptyMonths() })),
      ...people.map((u) => ({ kind: 'user' as const, id: u.id, name: u.name, role: 'child' as const, position: u.position, months: byRow.get(`user:${u.id}`) ?? emptyMonths() })),
      ...former.map((id) => ({ kind: 'user' as const, id, name: formerNames.get(id) ?? '', role: 'child' as const, position: null, months: byRow.get(`user:${id}`)! })),
    ],
  };
}

async function managed(db: Executor, actor: Actor, unitId: number) {
  return can(actor, 'target:manage') && repo.reaches(db, reachOf(actor, 'target:manage'), unitId);
}

/** The rows of a plan the caller may write now: the children always, the total only in a top plan. */
function editableRows(g: Grid): Set<string> {
  return new Set(g.rows.filter((r) => r.role === 'child' || g.parentPlanId === null).map((r) => `${r.kind}:${r.id}`));
}

/** The rows the caller may ask to change: any of a plan they manage; else their own row (target:request). */
function changeableRows(g: Grid, actor: Actor, manages: boolean): Set<string> {
  if (manages) return editableRows(g);
  if (!can(actor, 'target:request')) return new Set();
  return new Set(g.rows.filter((r) => r.kind === 'user' && r.id === actor.userId).map(() => `user:${actor.userId}`));
}

export async function get(db: Kdb, actor: Actor, id: number, timeZone: string): Promise<TargetPlanDetail> {
  const plan = await repo.byId(db, id);
  if (!plan || !(await repo.reaches(db, reachOf(actor, 'target:read'), plan.unit_id))) throw err.notFound();
  const g = await grid(db, plan);
  const manages = await managed(db, actor, plan.unit_id);
  const status = plan.status as TargetPlanStatus;
  const editable = manages && EDITABLE_PLAN.includes(status) ? editableRows(g) : new Set<string>();
  const changes = await repo.changesOf(db, plan.id);
  const waiting = changes.some((c) => c.status === 'pending');
  const changeable = status === 'approved' && !waiting ? changeableRows(g, actor, manages) : new Set<string>();
  // own scope: the total and one's own row; the colleagues' rows are summed so the rest stays right
  const own = ownRowsOnly(actor) && !manages;
  const shown = own ? g.rows.filter((r) => r.role === 'total' || (r.kind === 'user' && r.id === actor.userId)) : g.rows;
  const hidden = own ? g.rows.filter((r) => !shown.includes(r)) : [];
  const actuals = await repo.actuals(
    db,
    plan.metric as TargetMetric,
    { users: shown.filter((r) => r.kind === 'user').map((r) => r.id), units: await unitPaths(db, shown.filter((r) => r.kind === 'unit').map((r) => r.id)) },
    plan.year - 3,
    plan.year - 1,
    timeZone,
  );
  const rows: TargetRow[] = shown.map((r) => {
    const key = `${r.kind}:${r.id}`;
    return { kind: r.kind, id: r.id, name: r.name, role: r.role, position: r.position, months: r.months, ownAverage: ownAverage(actuals.get(key), plan.year), lastYear: lastYear(actuals.get(key), plan.year), editable: editable.has(key), changeable: changeable.has(key) };
  });
  const lines = await repo.changeLines(db, changes.map((c) => c.id));
  const names = new Map(g.rows.map((r) => [`${r.kind}:${r.id}`, r.name]));
  const visibleKeys = new Set(shown.map((r) => `${r.kind}:${r.id}`));
  const changeViews: TargetChangeView[] = changes
    // own scope: one's own requests only
    .filter((c) => !own || c.requested_by === actor.userId)
    .map((c) => ({
      id: c.id,
      status: c.status as TargetChangeView['status'],
      reason: c.reason,
      requestedBy: { id: c.requested_by, name: c.requester_name },
      requestedAt: iso(c.created_at),
      decidedAt: c.decided_at === null ? null : iso(c.decided_at),
      approvalId: c.approval_id,
      lines: lines
        .filter((l) => l.change_id === c.id && visibleKeys.has(`${l.subject_kind}:${l.subject_id}`))
        .map((l) => ({ kind: l.subject_kind as TargetRowKind, id: l.subject_id, month: l.month, level: l.level as (typeof TARGET_LEVELS)[number], value: Number(l.to_value), from: l.from_value === null ? null : Number(l.from_value), name: names.get(`${l.subject_kind}:${l.subject_id}`) ?? '' })),
      canWithdraw: c.status === 'pending' && c.requested_by === actor.userId,
    }));
  return {
    ...listItem(plan),
    version: plan.version,
    approvalId: plan.approval_id,
    decidedAt: plan.decided_at === null ? null : iso(plan.decided_at),
    parentPlanId: g.parentPlanId,
    rows,
    hiddenRows: hidden.length,
    hiddenSum: sumRows(hidden.map((r) => r.months)),
    canEdit: editable.size > 0,
    canSubmit: manages && EDITABLE_PLAN.includes(status),
    canWithdraw: status === 'pending' && (manages || plan.created_by === actor.userId),
    canDelete: manages && EDITABLE_PLAN.includes(status),
    changes: changeViews,
  };
}

async function unitPaths(db: Executor, ids: readonly number[]) {
  const out: { id: number; path: string }[] = [];
  for (const id of ids) {
    const u = await repo.unit(db, id);
    if (u) out.push({ id, path: u.path });
  }
  return out;
}

// ---- writes ----

export async function create(db: Kdb, actor: Actor, input: TargetPlanCreate): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const unit = await repo.unit(trx, input.unitId);
    if (!unit || !(await managed(trx, actor, input.unitId))) throw validationError([issue('unitId', 'targets.unitNotManaged', 'You do not set targets for this unit')]);
    const row = await repo.insert(trx, { unit_id: input.unitId, metric: input.metric, year: input.year, created_by: actor.userId });
    if (!row) throw err.exists();
    await audit(trx, actor, { entity: ENTITY, entityId: row.id, action: 'create', after: { unitId: input.unitId, metric: input.metric, year: input.year } });
    return row.id;
  });
}

/** Locks a plan the caller manages, at the version they read. */
async function lockManaged(trx: Executor, actor: Actor, id: number, version?: number) {
  const p = await repo.lock(trx, id);
  if (!p || !(await repo.reaches(trx, reachOf(actor, 'target:read'), p.unit_id))) throw err.notFound();
  if (!(await managed(trx, actor, p.unit_id))) throw err.forbidden();
  if (version !== undefined && p.version !== version) throw err.stale();
  return p;
}

export async function saveCells(db: Kdb, actor: Actor, id: number, input: TargetCellsUpdate) {
  await db.transaction().execute(async (trx) => {
    const p = await lockManaged(trx, actor, id, input.version);
    if (!EDITABLE_PLAN.includes(p.status as TargetPlanStatus)) throw err.notEditable(p.status);
    const plan = (await repo.byId(trx, id))!;
    const g = await grid(trx, plan);
    const issues = cellIssues(input.cells, editableRows(g));
    if (issues.length) throw validationError(issues);
    await repo.upsertCells(trx, input.cells.map((c) => ({ plan_id: id, subject_kind: c.kind, subject_id: c.id, month: c.month, base: c.base, stretch: c.stretch, challenge: c.challenge })));
    await repo.touch(trx, id);
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'cells', data: { cells: input.cells.length } });
  });
}

export async function submit(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await db.transaction().execute(async (trx) => {
    const p = await lockManaged(trx, actor, id, version);
    if (!EDITABLE_PLAN.includes(p.status as TargetPlanStatus)) throw err.notEditable(p.status);
    const plan = (await repo.byId(trx, id))!;
    const parent = plan.unit_parent_id === null ? undefined : await repo.planFor(trx, plan.unit_parent_id, plan.metric, plan.year);
    const approvalId = await targetPlanApprovable.submit(trx as Trx, engine, actor, {
      type: planDocType(parent !== undefined),
      docId: id,
      title: interpolate(ZH.documents.planTitle, { year: plan.year, unit: plan.unit_name }),
      amount: MONEY.has(plan.metric) ? Number(plan.total) : null,
      submitterId: actor.userId,
      unitId: plan.unit_id,
    });
    await repo.touch(trx, id);
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'submit', data: { approvalId } });
  });
}

export async function withdraw(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await targetPlanApprovable.withdrawSeen(db, engine, actor, id, {
    lock: async (trx) => {
      const p = await repo.lock(trx, id);
      if (!p || !(await repo.reaches(trx, reachOf(actor, 'target:read'), p.unit_id))) return undefined;
      return p;
    },
    version,
    pending: (p) => p.status === 'pending',
    notFound: err.notFound,
    stale: err.stale,
  });
}

export async function remove(db: Kdb, actor: Actor, id: number, version: number) {
  await db.transaction().execute(async (trx) => {
    const p = await lockManaged(trx, actor, id, version);
    if (!EDITABLE_PLAN.includes(p.status as TargetPlanStatus)) throw err.notEditable(p.status);
    await repo.remove(trx, id);
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'delete', before: { unitId: p.unit_id, metric: p.metric, year: p.year } });
  });
}

/** 目标调整: asks to change cells of a locked plan, with the reason; the approval applies it. */
export async function requestChange(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: TargetChangeCreate): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const p = await repo.lock(trx, id);
    if (!p || !(await repo.reaches(trx, reachOf(actor, 'target:read'), p.unit_id))) throw err.notFound();
    if (p.status !== 'approved') throw err.notLocked(p.status);
    if (await repo.pendingChange(trx, id)) throw err.changeWaiting();
    const plan = (await repo.byId(trx, id))!;
    const g = await grid(trx, plan);
    const manages = await managed(trx, actor, p.unit_id);
    const rows = changeableRows(g, actor, manages);
    if (rows.size === 0) throw err.forbidden();
    const current = (kind: TargetRowKind, rowId: number, month: number) => g.rows.find((r) => r.kind === kind && r.id === rowId)?.months[month - 1] ?? { base: 0, stretch: null, challenge: null };
    const issues = changeIssues(input.lines, current, rows);
    if (issues.length) throw validationError(issues);
    const userIds = input.lines.filter((l) => l.kind === 'user').map((l) => l.id);
    const directors = await repo.holders(trx, [...userIds, actor.userId], 'ka_director');
    const type = changeDocType({
      requesterIsDirector: directors.has(actor.userId),
      touchesTotal: input.lines.some((l) => l.kind === 'unit' && l.id === p.unit_id),
      touchesDirectorRow: userIds.some((u) => directors.has(u)),
    });
    const change = await repo.insertChange(trx, { plan_id: id, reason: input.reason, requested_by: actor.userId });
    await repo.insertChangeLines(
      trx,
      input.lines.map((l) => ({ change_id: change.id, subject_kind: l.kind, subject_id: l.id, month: l.month, level: l.level, from_value: current(l.kind, l.id, l.month)[l.level], to_value: l.value })),
    );
    const approvalId = await targetChangeApprovable.submit(trx as Trx, engine, actor, { type, docId: change.id, title: interpolate(ZH.documents.changeTitle, { year: plan.year, unit: plan.unit_name }), amount: null, submitterId: actor.userId, unitId: p.unit_id });
    await repo.touch(trx, id);
    await audit(trx, actor, { entity: CHANGE_ENTITY, entityId: change.id, action: 'submit', data: { planId: id, approvalId, type, lines: input.lines.length } });
    return change.id;
  });
}

export async function withdrawChange(db: Kdb, engine: ApprovalEngine, actor: Actor, changeId: number): Promise<number> {
  const change = await repo.change(db, changeId);
  if (!change || change.requested_by !== actor.userId) throw err.changeNotFound();
  if (change.status !== 'pending') throw err.changeNotWaiting();
  await targetChangeApprovable.withdraw(db, engine, actor, changeId);
  await db.transaction().execute((trx) => repo.touch(trx, change.plan_id));
  return change.plan_id;
}

/** The plan a change belongs to, if the caller reads it (the approval link of a change opens its plan). */
export async function planOfChange(db: Kdb, actor: Actor, changeId: number): Promise<number> {
  const change = await repo.change(db, changeId);
  if (!change) throw err.changeNotFound();
  const p = await repo.byId(db, change.plan_id);
  if (!p || !(await repo.reaches(db, reachOf(actor, 'target:read'), p.unit_id))) throw err.changeNotFound();
  return change.plan_id;
}

// ---- reads for other rooms (the KPI library) ----

export interface TargetRowsOf {
  unit: { id: number; name: string };
  plan: { id: number; status: TargetPlanStatus } | null;
  /** the rows the caller sees (own scope: the total and their own), months of the approved plan (zeros otherwise) */
  rows: { kind: TargetRowKind; id: number; name: string; role: 'total' | 'child'; position: string | null; months: TargetCell[] }[];
  /** what each visible row achieved per month of the year ('year-month' → value), confirmed or approved records only */
  actuals: Map<string, Map<string, number>>;
}

/** Every row's approved base target for a metric over some months of a year (`user:<id>` / `unit:<id>`), unscoped. */
export const approvedBaseTargets = (db: Kdb, metric: TargetMetric, year: number, months: readonly number[]) => repo.approvedBase(db, metric, year, months);

/**
 * A unit's rows for one metric and year as the caller may read them — its total, sub-units and sales staff —
 * with the approved plan's targets (a plan not yet approved counts as none) and each row's actuals. A unit
 * without a plan of its own (the company above its departments) rolls up: each sub-unit's row is the
 * sub-unit's own approved total and the unit's total is their sum.
 * NOT_FOUND when the unit is outside the caller's target:read scope.
 */
export async function targetRowsOf(db: Kdb, actor: Actor, unitId: number, metric: TargetMetric, year: number, timeZone: string, o: { actuals?: boolean } = {}): Promise<TargetRowsOf> {
  const unit = await repo.unit(db, unitId);
  if (!unit || !(await repo.reaches(db, reachOf(actor, 'target:read'), unitId))) throw new AppError('NOT_FOUND', 'Unit not found', undefined, { key: 'targets.unitNotFound' });
  const found = await repo.planFor(db, unitId, metric, year);
  let rows: TargetRowsOf['rows'];
  if (found) {
    const g = await grid(db, (await repo.byId(db, found.id))!);
    rows = found.status === 'approved' ? g.rows : g.rows.map((r) => ({ ...r, months: emptyMonths() }));
  } else {
    // no plan of its own: each sub-unit's row is that sub-unit's own approved total, and the unit's total their sum
    const units = await repo.childUnits(db, unitId);
    const people = await repo.unitPeople(db, unitId);
    const unitRows = [];
    for (const u of units) {
      const months = emptyMonths();
      for (const c of await repo.ownApprovedTotal(db, u.id, metric, year)) months[c.month - 1] = { base: Number(c.base), stretch: c.stretch === null ? null : Number(c.stretch), challenge: c.challenge === null ? null : Number(c.challenge) };
      unitRows.push({ kind: 'unit' as const, id: u.id, name: u.name, role: 'child' as const, position: u.kind, months });
    }
    rows = [
      { kind: 'unit', id: unitId, name: unit.name, role: 'total', position: null, months: sumRows(unitRows.map((r) => r.months)) },
      ...unitRows,
      ...people.map((u) => ({ kind: 'user' as const, id: u.id, name: u.name, role: 'child' as const, position: u.position, months: emptyMonths() })),
    ];
  }
  const manages = await managed(db, actor, unitId);
  if (ownRowsOnly(actor) && !manages) rows = rows.filter((r) => r.role === 'total' || (r.kind === 'user' && r.id === actor.userId));
  const actuals = o.actuals === false ? new Map<string, Map<string, number>>() : await repo.actuals(db, metric, { users: rows.filter((r) => r.kind === 'user').map((r) => r.id), units: await unitPaths(db, rows.filter((r) => r.kind === 'unit').map((r) => r.id)) }, year, year, timeZone);
  return { unit: { id: unit.id, name: unit.name }, plan: found ? { id: found.id, status: found.status as TargetPlanStatus } : null, rows, actuals };
}
