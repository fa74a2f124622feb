import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { iso } from '../../../shared/contracts/common';
import {
  ruleSet,
  SCORECARD_KINDS,
  type attendanceImport,
  type attendanceSave,
  type AttendanceMonth,
  type RuleSet,
  type scorecardAdvance,
  type ScorecardDetail,
  type scorecardEntries,
  type ScorecardKind,
  type scorecardListQuery,
  type scorecardOpen,
  type ScorecardPage,
  type scorecardReopen,
  type scorecardReturn,
  type ScorecardRow,
  type ScorecardStatus,
  type ScorecardTrend,
} from '../../../shared/contracts/scorecards';
import { businessDate } from '../../../shared/domain/business-time';
import { parsePeriod } from '../../../shared/domain/kpi-period';
import { DEFAULT_RULE_SETS, fullMarks, judgmentIssue, scoreOf } from '../../../shared/domain/scorecards';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import type { Executor, Kdb, Trx } from '../../db/client';
import type { DB } from '../../db/schema';
import { can, scopeOf, type Actor } from '../../platform/actor';
import { defineApprovable, field, stamped, stepBy } from '../../platform/approvals/approvable';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { audit, auditMany } from '../../platform/audit';
import type { Notifier } from '../../platform/notifications/notifier';
import { scopeWhere } from '../../platform/scope';
import { defineSetting } from '../../platform/settings';
import { figuresOf } from '../kpis';
import { attendanceLines, MAX_ATTENDANCE_ROWS } from './scorecards.files';
import { scorecardsRepo as repo, type CardScope, type ItemValues } from './scorecards.repo';
import { attendanceOf, cardActions, cardTotal, computedItem, kindOfPositions, kindsOfPeriod, kpisRead, monthsOf, pointsOf, POSITIONS_OF, previous, ranked, reopenDocType, ruleSetIssues, sortRows } from './scorecards.rules';

const ENTITY = 'scorecard';
const ALL_POSITIONS = [...new Set(Object.values(POSITIONS_OF).flat())];

/** The rule sets in force (an admin's, or the seeds' forms): a card keeps the one it was opened with. */
export const ruleSetsSetting = defineSetting(
  'scorecards.rule_sets',
  z.array(ruleSet),
  SCORECARD_KINDS.map((k) => DEFAULT_RULE_SETS[k]),
);

const err = {
  notFound: () => new AppError('NOT_FOUND', 'Scorecard not found', undefined, { key: 'scorecards.notFound' }),
  unitNotFound: () => new AppError('NOT_FOUND', 'Unit not found', undefined, { key: 'scorecards.unitNotFound' }),
  stale: () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' }),
  notYourStep: () => new AppError('FORBIDDEN', 'This step of the card is not yours', undefined, { key: 'scorecards.notYourStep' }),
};

type Reach = { userId: number; unitId: number; unitPath: string };

/** Whether the caller's scope for a permission reaches a person (their id, unit and its path). */
export function reaches(actor: Actor, permission: 'scorecard:read' | 'scorecard:manage', r: Reach): boolean {
  switch (scopeOf(actor, permission)) {
    case 'all':
      return true;
    case 'unit':
      return r.userId === actor.userId || r.unitPath.startsWith(actor.unitPath);
    case 'team':
      return r.userId === actor.userId || r.unitId === actor.unitId;
    case 'own':
      return r.userId === actor.userId;
    default:
      return false;
  }
}

/**
 * The cards the caller reads: a manager (scorecard:manage) the people in that scope and the cards they evaluate;
 * everyone else their own card only — a colleague's score is not a team's shared record.
 */
function readScope(actor: Actor): CardScope {
  if (!can(actor, 'scorecard:manage')) return () => sql<SqlBool>`c.user_id = ${actor.userId}`;
  return (eb) => eb.or([scopeWhere(eb as unknown as ExpressionBuilder<DB, keyof DB>, actor, 'scorecard:manage', { owner: 'c.user_id', unit: 'c.unit_id' }), sql<SqlBool>`c.evaluator_id = ${actor.userId}`, sql<SqlBool>`c.user_id = ${actor.userId}`]);
}

/** The payroll's cards: scorecard:payroll's scope (finance: all; a director: the unit). */
function payrollScope(actor: Actor): CardScope {
  return (eb) => scopeWhere(eb as unknown as ExpressionBuilder<DB, keyof DB>, actor, 'scorecard:payroll', { owner: 'c.user_id', unit: 'c.unit_id' });
}

/** A unit the caller's permission reaches (its subtree is what they open cards for or keep attendance of). */
async function unitFor(db: Executor, actor: Actor, permission: 'scorecard:read' | 'scorecard:manage', unitId: number | undefined) {
  const unit = await repo.unit(db, unitId ?? actor.unitId);
  if (!unit) throw err.unitNotFound();
  const scope = scopeOf(actor, permission);
  const ok = scope === 'all' || (scope === 'unit' && unit.path.startsWith(actor.unitPath)) || (scope === 'team' && unit.id === actor.unitId);
  if (!ok) throw unitId === undefined ? new AppError('FORBIDDEN', 'Not allowed', undefined, { key: 'common.forbidden' }) : err.unitNotFound();
  return unit;
}

export async function ruleSets(db: Executor): Promise<Record<ScorecardKind, RuleSet>> {
  const stored = (await ruleSetsSetting.get(db)).value;
  return Object.fromEntries(SCORECARD_KINDS.map((k) => [k, stored.find((s) => s.kind === k) ?? DEFAULT_RULE_SETS[k]])) as Record<ScorecardKind, RuleSet>;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

type CardRow = { id: number; user_id: number; unit_id: number; period: string; kind: string; rule_set: RuleSet; status: string };

/**
 * Fills the computed items of cards (not locked) from the KPI library and the attendance months, keeps what the
 * evaluator entered, and writes each card's total. One KPI measure per period for all the cards of it.
 */
async function fill(trx: Executor, cards: readonly CardRow[], timeZone: string, now: Date): Promise<void> {
  const byPeriod = new Map<string, CardRow[]>();
  for (const c of cards) byPeriod.set(c.period, [...(byPeriod.get(c.period) ?? []), c]);
  for (const [period, group] of byPeriod) {
    const months = monthsOf(period);
    const [figures, attendance, existing] = await Promise.all([
      figuresOf(
        trx,
        { users: group.filter((c) => c.kind !== 'director').map((c) => c.user_id), units: [...new Set(group.filter((c) => c.kind === 'director').map((c) => c.unit_id))] },
        period,
        timeZone,
        kpisRead(group.map((c) => c.rule_set)),
      ),
      repo.attendance(trx, group.map((c) => c.user_id), months),
      repo.items(trx, group.map((c) => c.id)),
    ]);
    const rows: ItemValues[] = [];
    const totals: { id: number; total: number; complete: boolean; warning: boolean }[] = [];
    for (const c of group) {
      const f = figures.get(c.kind === 'director' ? `unit:${c.unit_id}` : `user:${c.user_id}`);
      const att = attendanceOf(
        months,
        attendance.filter((a) => a.user_id === c.user_id).map((a) => ({ month: a.month, late_times: a.late_times, absent_days: Number(a.absent_days) })),
      );
      const points = new Map<string, number | null>();
      for (const def of c.rule_set.items) {
        const state = computedItem(def, f, att);
        if (state === null) {
          const had = existing.find((e) => e.card_id === c.id && e.key === def.key);
          points.set(def.key, had ? num(had.points) : null);
          if (!had) rows.push({ card_id: c.id, key: def.key, value: null, absent: null, numerator: null, denominator: null, points: null, comment: null, entered_by: null, entered_at: null });
          continue;
        }
        const p = pointsOf(def, state);
        points.set(def.key, p);
        rows.push({ card_id: c.id, key: def.key, ...state, points: p, comment: null, entered_by: null, entered_at: null });
      }
      const t = cardTotal(c.rule_set, points);
      totals.push({ id: c.id, total: t.total, complete: t.complete, warning: t.warning });
    }
    await repo.updateTotals(trx, totals, now);
    await repo.upsertItems(trx, rows);
  }
}

/** A card's total written again from its items (the evaluator's entries changed). */
async function retotal(trx: Executor, card: CardRow) {
  const items = await repo.items(trx, [card.id]);
  const t = cardTotal(card.rule_set, new Map(items.map((i) => [i.key, num(i.points)])));
  return t;
}

/**
 * 发起考核: opens the cards of a period for the scored people of a unit subtree (the account managers' and
 * specialists' for a month, the KA directors' for a quarter), each with the rule set in force, and fills their
 * computed items. A person who has the card already keeps it (two managers racing: one card).
 */
export async function open(db: Kdb, actor: Actor, input: z.infer<typeof scorecardOpen>, timeZone: string, now = new Date()) {
  const period = parsePeriod(input.period);
  if (!period) throw validationError([issue('period', 'scorecards.badPeriod', 'Not a month or quarter')]);
  if (period.from > businessDate(now, timeZone)) throw validationError([issue('period', 'scorecards.futurePeriod', 'The period has not begun')]);
  const unit = await unitFor(db, actor, 'scorecard:manage', input.unitId);
  const kinds = kindsOfPeriod(input.period);
  const sets = await ruleSets(db);
  return db.transaction().execute(async (trx) => {
    const people = await repo.people(trx, unit.path, ALL_POSITIONS);
    const opened: CardRow[] = [];
    let existing = 0;
    for (const person of people) {
      const kind = kindOfPositions(person.positions, kinds);
      if (!kind) continue;
      const id = await repo.insertCard(trx, { userId: person.id, unitId: person.unitId, period: input.period, kind, ruleSet: sets[kind], evaluatorId: person.id === actor.userId ? null : actor.userId, openedBy: actor.userId });
      if (id === null) existing++;
      else opened.push({ id, user_id: person.id, unit_id: person.unitId, period: input.period, kind, rule_set: sets[kind], status: 'draft' });
    }
    await fill(trx, opened, timeZone, now);
    await auditMany(trx, actor, opened.map((c) => ({ entity: ENTITY, entityId: c.id, action: 'create', after: { userId: c.user_id, period: c.period, kind: c.kind } })));
    return { opened: opened.length, existing, kinds };
  });
}

/** One card as the caller sees it, with what they may do on it. */
export async function get(db: Executor, actor: Actor, id: number): Promise<ScorecardDetail> {
  const c = await repo.card(db, id, readScope(actor));
  if (!c) throw err.notFound();
  const [items, reopening] = await Promise.all([repo.items(db, [id]), repo.latestReopening(db, id)]);
  const manages = can(actor, 'scorecard:manage') && reaches(actor, 'scorecard:manage', { userId: c.user_id, unitId: c.unit_id, unitPath: c.unit_path });
  const set = c.rule_set;
  const status = c.status as ScorecardStatus;
  const t = cardTotal(set, new Map(items.map((i) => [i.key, num(i.points)])));
  const actions = cardActions({ status, userId: c.user_id, evaluatorId: evaluatorFor(actor, c.evaluator_id) }, actor, manages);
  return {
    id: c.id,
    period: c.period,
    kind: c.kind as ScorecardKind,
    status,
    person: { id: c.user_id, name: c.person_name, username: c.person_username, position: c.position ?? null },
    unit: { id: c.unit_id, name: c.unit_name },
    evaluator: c.evaluator_id !== null && c.evaluator_name ? { id: c.evaluator_id, name: c.evaluator_name } : null,
    threshold: set.threshold,
    fullMarks: fullMarks(set),
    total: Number(c.total),
    complete: t.complete,
    missing: t.missing,
    warning: c.warning,
    items: set.items.map((def) => {
      const i = items.find((x) => x.key === def.key);
      return {
        key: def.key,
        source: def.source,
        rule: def.rule,
        value: i ? num(i.value) : null,
        absent: i ? num(i.absent) : null,
        numerator: i ? num(i.numerator) : null,
        denominator: i ? num(i.denominator) : null,
        points: i ? num(i.points) : null,
        comment: i?.comment ?? null,
        enteredBy: i?.entered_by && i.entered_by_name ? { id: i.entered_by, name: i.entered_by_name } : null,
        enteredAt: iso(i?.entered_at ?? null),
      };
    }),
    selfComment: c.self_comment,
    evaluatorComment: c.evaluator_comment,
    directorComment: c.director_comment,
    returnReason: c.return_reason,
    computedAt: iso(c.computed_at),
    lockedAt: iso(c.locked_at),
    lockedBy: c.locked_by !== null && c.locked_by_name ? { id: c.locked_by, name: c.locked_by_name } : null,
    reopening: reopening ? { id: reopening.id, status: reopening.status as 'pending', reason: reopening.reason, requestedBy: { id: reopening.requested_by, name: reopening.requester_name }, createdAt: iso(reopening.created_at), approvalId: reopening.approval_id } : null,
    can: { ...actions, reopen: actions.reopen && reopening?.status !== 'pending' },
    version: c.version,
    updatedAt: iso(c.updated_at),
  };
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lock>>>;

/** A card's evaluator acts as one only while they hold scorecard:manage (one who lost it, or moved away, does not). */
const evaluatorFor = (actor: Actor, evaluatorId: number | null) => (evaluatorId !== null && evaluatorId === actor.userId && !can(actor, 'scorecard:manage') ? null : evaluatorId);

/** One write on a card the caller reads, at the version read, with what they may do on it. */
async function withCard<R>(db: Kdb, actor: Actor, id: number, version: number, fn: (trx: Executor, card: Locked, actions: ReturnType<typeof cardActions>) => Promise<R>): Promise<R> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.card(trx, id, readScope(actor)))) throw err.notFound();
    const card = await repo.lock(trx, id);
    if (!card) throw err.notFound();
    if (card.version !== version) throw err.stale();
    const manages = can(actor, 'scorecard:manage') && reaches(actor, 'scorecard:manage', { userId: card.user_id, unitId: card.unit_id, unitPath: card.unit_path });
    return fn(trx, card, cardActions({ status: card.status as ScorecardStatus, userId: card.user_id, evaluatorId: evaluatorFor(actor, card.evaluator_id) }, actor, manages));
  });
}

const pick = (c: { status: string; total: string | number; warning: boolean }) => ({ status: c.status, total: Number(c.total), warning: c.warning });

/** 刷新自动项: the computed items again from the KPI library and attendance (not on a locked card). */
export async function refresh(db: Kdb, actor: Actor, id: number, version: number, timeZone: string, now = new Date()) {
  await withCard(db, actor, id, version, async (trx, card, actions) => {
    if (!actions.refresh) throw err.notYourStep();
    await fill(trx, [card], timeZone, now);
  });
}

/**
 * The evaluator's items at the evaluator step: a judgment's points (0..full marks in its steps) or the count of
 * violations, each with a comment; null clears an entry.
 */
export async function enter(db: Kdb, actor: Actor, id: number, input: z.infer<typeof scorecardEntries>, now = new Date()) {
  await withCard(db, actor, id, input.version, async (trx, card, actions) => {
    if (!actions.evaluate) throw err.notYourStep();
    const issues: FieldIssue[] = [];
    const rows: ItemValues[] = [];
    const seen = new Set<string>();
    input.items.forEach((e, i) => {
      const def = card.rule_set.items.find((d) => d.key === e.key);
      if (!def || def.source !== 'evaluator') return void issues.push(issue(`items.${i}.key`, 'scorecards.notEvaluatorItem', 'Not an item the evaluator enters'));
      if (seen.has(e.key)) return void issues.push(issue(`items.${i}.key`, 'scorecards.duplicateItem', 'The item is given twice'));
      seen.add(e.key);
      if (e.value !== null) {
        const problem = def.rule.kind === 'judgment' ? judgmentIssue(def.rule, e.value) : Number.isInteger(e.value) && e.value <= 100 ? null : 'scorecards.badCount';
        if (problem) return void issues.push(issue(`items.${i}.value`, problem, 'Not a value this item takes', { max: def.rule.points }));
      }
      const points = e.value === null ? null : scoreOf(def.rule, e.value);
      rows.push({ card_id: id, key: e.key, value: e.value, absent: null, numerator: null, denominator: null, points, comment: e.comment ?? null, entered_by: e.value === null ? null : actor.userId, entered_at: e.value === null ? null : now });
    });
    if (issues.length) throw validationError(issues);
    await repo.upsertItems(trx, rows);
    const t = await retotal(trx, card);
    await repo.update(trx, id, { total: t.total, complete: t.complete, warning: t.warning });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'evaluate', before: pick(card), after: { total: t.total, items: Object.fromEntries(rows.map((r) => [r.key, r.value])) } });
  });
}

/**
 * The next step: sent for self-review (a manager), the self-review handed on (the person, or a manager), the
 * evaluator's items handed on (all entered), locked (a manager — never on one's own card). The computed items
 * are filled again at every step; locking keeps them, and a total under the threshold raises a warning
 * (口头警告) to the person and the managers who evaluated and locked it.
 */
export async function advance(db: Kdb, notifier: Notifier, actor: Actor, id: number, input: z.infer<typeof scorecardAdvance>, timeZone: string, now = new Date()) {
  await withCard(db, actor, id, input.version, async (trx, card, actions) => {
    const to = actions.advance;
    if (!to) throw err.notYourStep();
    if (to === 'locked' && parsePeriod(card.period)!.to >= businessDate(now, timeZone)) {
      throw validationError([issue('period', 'scorecards.periodNotEnded', 'A card is locked once its period has ended')]);
    }
    if (card.status === 'evaluator') {
      const items = await repo.items(trx, [id]);
      const missing = card.rule_set.items.filter((d) => d.source === 'evaluator' && num(items.find((i) => i.key === d.key)?.value ?? null) === null);
      if (missing.length) throw validationError(missing.map((d) => issue(`items.${d.key}`, 'scorecards.itemMissing', 'The evaluator has not entered this item')));
    }
    await fill(trx, [card], timeZone, now);
    const t = await retotal(trx, card);
    const comment = input.comment?.trim() || null;
    // each comment is its writer's: the self-review's only the person's (a manager handing it on writes none);
    // a step handed on without one keeps what was written before
    const commentField = card.status === 'self_review' ? (actor.userId === card.user_id ? 'self_comment' : null) : card.status === 'evaluator' ? 'evaluator_comment' : card.status === 'director' ? 'director_comment' : null;
    const warning = to === 'locked' ? t.total < card.rule_set.threshold : t.warning;
    await repo.update(trx, id, {
      status: to,
      total: t.total,
      complete: t.complete,
      warning,
      return_reason: null,
      ...(commentField && comment !== null && { [commentField]: comment }),
      ...(to === 'locked' && { locked_at: now, locked_by: actor.userId }),
    });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: to === 'locked' ? 'lock' : 'advance', before: pick(card), after: { status: to, total: t.total, warning, ...(comment !== null && { comment }) } });
    if (to === 'locked' && warning) {
      const person = await repo.userName(trx, card.user_id);
      await notifier.notify(trx, {
        userIds: [card.user_id, actor.userId, ...(card.evaluator_id !== null ? [card.evaluator_id] : [])],
        kind: 'scorecards.warning',
        params: { name: person?.name ?? '', period: card.period, total: t.total, threshold: card.rule_set.threshold },
        link: `/scorecards/${id}`,
      });
    }
  });
}

/** 退回: one step back with the reason (self-review back to draft, the evaluator's back to self-review, …). */
export async function sendBack(db: Kdb, actor: Actor, id: number, input: z.infer<typeof scorecardReturn>) {
  await withCard(db, actor, id, input.version, async (trx, card, actions) => {
    const to = previous(card.status as ScorecardStatus);
    if (!actions.sendBack || !to) throw err.notYourStep();
    await repo.update(trx, id, { status: to, return_reason: input.reason });
    await audit(trx, actor, { entity: ENTITY, entityId: id, action: 'return', before: pick(card), after: { status: to, reason: input.reason } });
  });
}

/** 考核排名: one period's cards of a form in the caller's scope, ranked by total and sortable by any item. */
export async function list(db: Executor, actor: Actor, q: z.output<typeof scorecardListQuery>): Promise<ScorecardPage> {
  if (!kindsOfPeriod(q.period).includes(q.kind)) throw validationError([issue('period', 'scorecards.periodOfKind', 'The form is not kept for this kind of period')]);
  const unit = q.unitId ? await repo.unit(db, q.unitId) : null;
  if (q.unitId && !unit) throw err.unitNotFound();
  const set = (await ruleSets(db))[q.kind];
  const { cards, items } = await repo.list(db, { period: q.period, kind: q.kind, unitPath: unit?.path ?? null, status: q.status ?? null }, readScope(actor));
  const columns = set.items.map((i) => ({ key: i.key, points: i.rule.points }));
  for (const c of cards) for (const i of c.rule_set.items) if (!columns.some((x) => x.key === i.key)) columns.push({ key: i.key, points: i.rule.points });
  const rows = cards.map((c) => ({
    id: c.id,
    person: { id: c.user_id, name: c.person_name },
    unit: { id: c.unit_id, name: c.unit_name },
    status: c.status as ScorecardStatus,
    total: Number(c.total),
    complete: c.complete,
    warning: c.warning,
    points: Object.fromEntries(items.filter((i) => i.card_id === c.id).map((i) => [i.key, num(i.points)])),
  }));
  const withRank: ScorecardRow[] = ranked(rows);
  return { period: q.period, kind: q.kind, columns, threshold: set.threshold, items: sortRows(withRank, q.sort), canOpen: can(actor, 'scorecard:manage') };
}

/** A person's last 12 cards of a form the caller reads, oldest first. */
export async function trend(db: Executor, actor: Actor, userId: number, kind: ScorecardKind): Promise<ScorecardTrend> {
  const person = await repo.userName(db, userId);
  const rows = person ? await repo.trend(db, userId, kind, readScope(actor), 12) : [];
  if (!person || (rows.length === 0 && userId !== actor.userId)) throw err.notFound();
  const set = (await ruleSets(db))[kind];
  return {
    person: { id: person.id, name: person.name },
    kind,
    threshold: set.threshold,
    points: rows.reverse().map((r) => ({ id: r.id, period: r.period, status: r.status as ScorecardStatus, total: Number(r.total), warning: r.warning })),
  };
}

/** The locked cards of a period in scope, for the payroll export. */
export async function lockedCards(db: Executor, actor: Actor, period: string, unitId: number | undefined) {
  const unit = unitId ? await repo.unit(db, unitId) : null;
  if (unitId && !unit) throw err.unitNotFound();
  const cards = await repo.locked(db, period, unit?.path ?? null, payrollScope(actor));
  const items = await repo.items(db, cards.map((c) => c.id));
  return cards.map((c) => ({ ...c, total: Number(c.total), points: new Map(items.filter((i) => i.card_id === c.id).map((i) => [i.key, num(i.points)])) }));
}

// ---- attendance ----

/** The scored people of a unit subtree the caller manages, with their month's attendance. */
export async function attendance(db: Executor, actor: Actor, month: string, unitId: number | undefined): Promise<AttendanceMonth> {
  const unit = await unitFor(db, actor, 'scorecard:manage', unitId);
  const people = (await repo.people(db, unit.path, ALL_POSITIONS)).filter((p) => (p.id !== actor.userId || scopeOf(actor, 'scorecard:manage') === 'all') && reaches(actor, 'scorecard:manage', { userId: p.id, unitId: p.unitId, unitPath: p.unitPath }));
  const rows = await repo.attendance(db, people.map((p) => p.id), [month]);
  return {
    month,
    canEdit: true,
    items: people.map((p) => {
      const r = rows.find((x) => x.user_id === p.id);
      return {
        person: { id: p.id, name: p.name, username: p.username },
        unit: { id: p.unitId, name: p.unitName },
        lateTimes: r ? r.late_times : null,
        absentDays: r ? Number(r.absent_days) : null,
        source: r ? (r.source as 'entry' | 'import') : null,
        updatedAt: r ? iso(r.updated_at) : null,
      };
    }),
  };
}

/**
 * Saves a month's attendance of people the caller manages (entered, or read from an export) and fills the
 * attendance items of their cards not yet locked.
 */
export async function saveAttendance(db: Kdb, actor: Actor, input: z.infer<typeof attendanceSave>, source: 'entry' | 'import', timeZone: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(input.rows.map((r) => r.userId))];
    const people = await trx
      .selectFrom('users')
      .innerJoin('org_units as u', 'u.id', 'users.unit_id')
      .select(['users.id', 'users.unit_id', 'u.path'])
      .where('users.id', 'in', ids)
      .where((eb) => eb.exists(eb.selectFrom('user_positions as p').select(sql`1`.as('one')).whereRef('p.user_id', '=', 'users.id').where('p.position', 'in', ALL_POSITIONS)))
      .execute();
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    input.rows.forEach((r, i) => {
      const p = people.find((x) => x.id === r.userId);
      if (!p || (r.userId === actor.userId && scopeOf(actor, 'scorecard:manage') !== 'all') || !reaches(actor, 'scorecard:manage', { userId: p.id, unitId: p.unit_id, unitPath: p.path })) {
        issues.push(issue(`rows.${i}.userId`, 'scorecards.personNotFound', 'Not a scored person you keep attendance of'));
      } else if (seen.has(r.userId)) issues.push(issue(`rows.${i}.userId`, 'scorecards.duplicatePerson', 'The person is given twice'));
      seen.add(r.userId);
    });
    if (issues.length) throw validationError(issues);
    if (input.month > businessDate(now, timeZone).slice(0, 7)) throw validationError([issue('month', 'scorecards.futureMonth', 'The month has not begun')]);
    const quarterOf = `${input.month.slice(0, 4)}-Q${Math.ceil(Number(input.month.slice(5, 7)) / 3)}`;
    const lockedFor = await repo.lockedCardsOf(trx, ids, [input.month, quarterOf]);
    if (lockedFor.length) {
      throw new AppError('CONFLICT', 'The attendance of a locked card does not change', { path: `rows.${input.rows.findIndex((r) => r.userId === lockedFor[0]!.user_id)}.userId` }, { key: 'scorecards.attendanceLocked', params: { name: lockedFor[0]!.name } });
    }
    await repo.upsertAttendance(
      trx,
      input.rows.map((r) => ({ user_id: r.userId, month: input.month, late_times: r.lateTimes, absent_days: r.absentDays, source, updated_by: actor.userId })),
    );
    const quarter = `${input.month.slice(0, 4)}-Q${Math.ceil(Number(input.month.slice(5, 7)) / 3)}`;
    const open = await repo.openCardsOf(trx, ids, [input.month, quarter]);
    const cards: CardRow[] = [];
    for (const o of open) {
      const c = await repo.lock(trx, o.id);
      if (c && c.status !== 'locked') cards.push(c);
    }
    await fill(trx, cards, timeZone, now);
    await audit(trx, actor, { entity: 'attendance', entityId: input.month, action: source === 'import' ? 'import' : 'update', after: { month: input.month, rows: input.rows.length } });
    return input.rows.length;
  });
}

// ---- settings ----

export async function settings(db: Executor) {
  const s = await ruleSetsSetting.get(db);
  const sets = await ruleSets(db);
  return { ruleSets: SCORECARD_KINDS.map((k) => sets[k]), version: s.version, updatedAt: iso(s.updatedAt) };
}

/** Saves the three rule sets (an admin): cards opened from now on use them; opened cards keep theirs. */
export async function saveSettings(db: Executor, actor: Actor, body: { ruleSets: RuleSet[]; version: number }) {
  const problems = ruleSetIssues(body.ruleSets);
  if (problems.length) throw validationError(problems.map((p) => issue(p.path, p.key, 'Not a rule set the cards can use')));
  await ruleSetsSetting.put(db, actor, SCORECARD_KINDS.map((k) => body.ruleSets.find((s) => s.kind === k)!), body.version);
  return settings(db);
}

/**
 * 考勤导入: a 钉钉 / 企业微信 month export (CSV or XLSX) matched to the people the caller keeps attendance of — by
 * 工号 (the username) when the export has it, else by a name only one of them has. Rows that cannot be used are
 * returned with the reason; the others are saved as one month's attendance.
 */
export async function importAttendance(db: Kdb, actor: Actor, input: z.infer<typeof attendanceImport>, timeZone: string, now = new Date()) {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > 2 * 1024 * 1024) throw validationError([issue('contentBase64', 'scorecards.importTooLarge', 'The file is larger than 2 MB')]);
  const read = await attendanceLines(input.fileName, content);
  if ('problem' in read) throw validationError([issue('contentBase64', read.problem, 'The attendance export cannot be used', { max: MAX_ATTENDANCE_ROWS })]);
  const lines = read.lines;
  const root = scopeOf(actor, 'scorecard:manage') === 'all' ? '/' : actor.unitPath;
  const people = (await repo.people(db, root, ALL_POSITIONS)).filter(
    (p) => (p.id !== actor.userId || scopeOf(actor, 'scorecard:manage') === 'all') && reaches(actor, 'scorecard:manage', { userId: p.id, unitId: p.unitId, unitPath: p.unitPath }),
  );
  const skipped: { row: number; name: string; reason: string }[] = [];
  const rows: z.infer<typeof attendanceSave>['rows'] = [];
  for (const l of lines) {
    const named = l.username ? people.filter((p) => p.username === l.username) : people.filter((p) => p.name === l.name);
    const who = l.name || l.username || '';
    if (named.length === 0) skipped.push({ row: l.row, name: who, reason: 'scorecards.importUnknownPerson' });
    else if (named.length > 1) skipped.push({ row: l.row, name: who, reason: 'scorecards.importAmbiguousName' });
    else if (l.late === null || !Number.isInteger(l.late) || l.late < 0 || l.late > 100 || l.absent === null || l.absent < 0 || l.absent > 31 || !Number.isInteger(l.absent * 2)) skipped.push({ row: l.row, name: who, reason: 'scorecards.importBadNumber' });
    else if (rows.some((r) => r.userId === named[0]!.id)) skipped.push({ row: l.row, name: who, reason: 'scorecards.duplicatePerson' });
    else rows.push({ userId: named[0]!.id, lateTimes: l.late, absentDays: l.absent });
  }
  const saved = rows.length ? await saveAttendance(db, actor, { month: input.month, rows }, 'import', timeZone, now) : 0;
  return { month: input.month, saved, skipped };
}

// ---- 重新打开 ----

const REOPEN_ENTITY = 'scorecard_reopening';
const reopenStatusFor = (approval: string): 'pending' | 'approved' | 'rejected' | 'withdrawn' => (approval === 'returned' ? 'rejected' : (approval as 'pending' | 'approved' | 'rejected' | 'withdrawn'));

/**
 * 考核表重新打开: approved, the locked card goes back to the director's step (its items and comments kept), so
 * it can be corrected and locked again; a warning already given stays on record in the notifications.
 */
export const reopenApprovable = defineApprovable({
  async summary(db, id) {
    const r = await repo.reopening(db, id);
    if (!r) return undefined;
    return {
      fields: [
        field.text('scorecards:reopenFields.person', r.person_name),
        field.enum('scorecards:reopenFields.kind', 'scorecards:kinds', r.kind),
        field.text('scorecards:reopenFields.period', r.period),
        field.text('scorecards:reopenFields.total', String(Number(r.total))),
        field.longText('scorecards:reopenFields.reason', r.reason),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: ['scorecard_reopen', 'scorecard_reopen_gm'],
  defaultChains: {
    scorecard_reopen: { name: '考核表重新打开审批', steps: [stepBy('ka_director', '大客户部总监')] },
    scorecard_reopen_gm: { name: '考核表重新打开审批（总经理）', steps: [stepBy('gm', '总经理')] },
  },
  amount: { label: 'approvals:amounts.target' },
  link: (id) => `/scorecard-reopenings/${id}`,
  table: 'scorecard_reopenings',
  entity: REOPEN_ENTITY,
  statusValues: (approval) => stamped(reopenStatusFor(approval), approval === 'pending'),
  auditData: (approval, values) => ({ status: values.status, approval }),
  async onStatus({ trx, docId, approval, actor }) {
    if (approval !== 'approved') return;
    const r = await repo.reopening(trx, docId);
    if (!r) return;
    const card = await repo.lock(trx, r.card_id);
    if (!card || card.status !== 'locked') return;
    await repo.update(trx, card.id, { status: 'director', locked_at: null, locked_by: null, return_reason: r.reason });
    await audit(trx, actor, { entity: ENTITY, entityId: card.id, action: 'reopen', before: pick(card), after: { status: 'director', reopeningId: docId } });
  },
});

/** Asks to reopen a locked card with the reason (its evaluator or a manager); one request waits per card. */
export async function requestReopen(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof scorecardReopen>) {
  await withCard(db, actor, id, input.version, async (trx, card, actions) => {
    if (!actions.reopen) throw err.notYourStep();
    if (await repo.pendingReopening(trx, id)) throw new AppError('CONFLICT', 'A reopening of this card waits already', undefined, { key: 'scorecards.reopenPending' });
    const reopening = await repo.insertReopening(trx, { cardId: id, reason: input.reason, requestedBy: actor.userId });
    const type = reopenDocType({ cardKind: card.kind, requesterIsDirector: actor.positions.includes('ka_director') });
    const person = await repo.userName(trx, card.user_id);
    const approvalId = await reopenApprovable.submit(trx as Trx, engine, actor, { type, docId: reopening, title: `${person?.name ?? ''} ${card.period} 考核表重新打开`, amount: null, submitterId: actor.userId, unitId: card.unit_id });
    await repo.update(trx, id, {});
    await audit(trx, actor, { entity: REOPEN_ENTITY, entityId: reopening, action: 'submit', data: { cardId: id, approvalId, type } });
  });
}

/** Takes a waiting reopening back (its requester); the card's id. */
export async function withdrawReopen(db: Kdb, engine: ApprovalEngine, actor: Actor, reopeningId: number): Promise<number> {
  const r = await repo.reopening(db, reopeningId);
  if (!r || r.requested_by !== actor.userId) throw new AppError('NOT_FOUND', 'Reopening not found', undefined, { key: 'scorecards.reopeningNotFound' });
  if (r.status !== 'pending') throw new AppError('CONFLICT', 'The reopening no longer waits', undefined, { key: 'scorecards.reopeningDecided' });
  await reopenApprovable.withdraw(db, engine, actor, reopeningId);
  await db.transaction().execute((trx) => repo.update(trx, r.card_id, {}));
  return r.card_id;
}

/** The card a reopening belongs to, if the caller reads it (where the approval's link leads). */
export async function cardOfReopening(db: Executor, actor: Actor, reopeningId: number): Promise<number> {
  const r = await repo.reopening(db, reopeningId);
  if (!r || !(await repo.card(db, r.card_id, readScope(actor)))) throw new AppError('NOT_FOUND', 'Reopening not found', undefined, { key: 'scorecards.reopeningNotFound' });
  return r.card_id;
}
