import type { z } from 'zod';
import { KPI_KEYS, KPI_LIBRARY, type KpiBoard, type kpiBoardQuery, type KpiFigure, type KpiItem, type KpiKey, type KpiSet, type kpiSetQuery } from '../../../shared/contracts/kpis';
import { TARGET_METRICS, type TargetMetric } from '../../../shared/contracts/targets';
import { businessDate } from '../../../shared/domain/business-time';
import { attainment, elapsed, parsePeriod, periodOf, type KpiPeriod } from '../../../shared/domain/kpi-period';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { Executor, Kdb } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { approvedBaseTargets, periodRange, targetRowsOf, type TargetRowsOf } from '../targets';
import { loadWorkCalendar } from '../workdays';
import { kpiSource, kpisRepo as repo, type Subjects } from './kpis.repo';
import { figureOf, growthOf, isCorrection, rolledUpTargets } from './kpis.rules';

/** The positions whose holders are measured (and kept in a period's snapshot): the sales staff of PERF-1. */
const MEASURED_POSITIONS = ['ka_director', 'account_manager', 'field_specialist', 'office_specialist'] as const;

type Measured = { figure: KpiFigure; target: number | null };
/** Every KPI of every subject (`user:<id>` / `unit:<id>`). */
type Measures = Map<string, Record<KpiKey, Measured>>;

const subjectNotFound = () => new AppError('NOT_FOUND', 'Subject not found', undefined, { key: 'kpis.subjectNotFound' });
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function periodFrom(key: string | undefined, today: string): KpiPeriod {
  const period = parsePeriod(key ?? periodOf(today, 'month'));
  if (!period) throw validationError([issue('period', 'kpis.badPeriod', 'Not a period')]);
  return period;
}

type SourcedKpi = Exclude<KpiKey, 'sales_completion' | 'sales_growth'>;
const SOURCED = KPI_KEYS.filter((k): k is SourcedKpi => k !== 'sales_completion' && k !== 'sales_growth');

/**
 * Every KPI of the subjects over a period (PERF-2) — or only `only` and what they are computed from: each KPI's
 * source summed per subject, sales measured against the approved base targets (a unit without a row of its
 * own: its sub-units' sum) and against the same months of last year. A KPI left out reads as no data.
 */
async function measure(db: Executor, subjects: Subjects, period: KpiPeriod, timeZone: string, only?: readonly KpiKey[]): Promise<Measures> {
  const range = periodRange(period.from, period.to, timeZone);
  const y = period.year - 1;
  const last = period.months[period.months.length - 1]!;
  const lastYear = periodRange(`${y}${period.from.slice(4)}`, `${y}-${String(last).padStart(2, '0')}-${String(lastDay(y, last)).padStart(2, '0')}`, timeZone);
  const wanted = new Set<KpiKey>(only ?? KPI_KEYS);
  if (wanted.has('sales_completion') || wanted.has('sales_growth')) wanted.add('sales');
  const keys = SOURCED.filter((k) => wanted.has(k));
  const metrics = TARGET_METRICS.filter((m) => wanted.has(m) || (m === 'sales' && wanted.has('sales_completion')));
  const subtrees = await repo.subtrees(db, subjects.units);
  const [sums, salesLastYear, targets, tree] = await Promise.all([
    Promise.all(keys.map(async (k) => [k, await repo.sums(db, kpiSource(k, timeZone, range), subjects, subtrees)] as const)),
    wanted.has('sales_growth') ? repo.sums(db, kpiSource('sales', timeZone, lastYear), subjects, subtrees) : new Map(),
    Promise.all(metrics.map(async (m) => [m, await approvedBaseTargets(db, m, period.year, period.months)] as const)),
    repo.unitTree(db),
  ]);
  const children = new Map<number, number[]>();
  for (const u of tree) if (u.parent_id !== null) children.set(Number(u.parent_id), [...(children.get(Number(u.parent_id)) ?? []), Number(u.id)]);
  const targetOf = new Map<TargetMetric, (subject: string) => number | null>();
  for (const [metric, own] of targets) {
    const units = rolledUpTargets(own, children, subjects.units.map((u) => u.id));
    targetOf.set(metric, (s) => (s.startsWith('unit:') ? (units.get(Number(s.slice(5))) ?? null) : (own.get(s) ?? null)));
  }
  const bySource = new Map(sums);
  const out: Measures = new Map();
  for (const s of [...subjects.users.map((id) => `user:${id}`), ...subjects.units.map((u) => `unit:${u.id}`)]) {
    const rec = {} as Record<KpiKey, Measured>;
    for (const k of SOURCED) {
      const v = bySource.get(k)?.get(s) ?? { num: 0, den: 0 };
      const metric = KPI_LIBRARY[k].metric;
      rec[k] = { figure: figureOf(k, v.num, v.den), target: metric ? (targetOf.get(metric)?.(s) ?? null) : null };
    }
    const sales = rec.sales.figure.numerator;
    const target = targetOf.get('sales')?.(s) ?? null;
    rec.sales_completion = { figure: figureOf('sales_completion', sales, target ?? 0), target };
    rec.sales_growth = { figure: growthOf(sales, salesLastYear.get(s)?.num ?? 0), target: null };
    out.set(s, rec);
  }
  return out;
}

/**
 * Every KPI figure of the given people and units over a period (or only the KPIs `only` names), with no scope
 * of its own: the scorecards room reads it for the cards it has already checked the caller may open or read
 * (`user:<id>` / `unit:<id>` keys).
 */
export async function figuresOf(
  db: Executor,
  who: { users: readonly number[]; units: readonly number[] },
  periodKey: string,
  timeZone: string,
  only?: readonly KpiKey[],
): Promise<Map<string, Record<KpiKey, KpiFigure>>> {
  const period = parsePeriod(periodKey);
  if (!period) throw validationError([issue('period', 'kpis.badPeriod', 'Not a period')]);
  const measures = await measure(db, { users: [...who.users], units: await repo.unitPaths(db, who.units) }, period, timeZone, only);
  const out = new Map<string, Record<KpiKey, KpiFigure>>();
  for (const [s, rec] of measures) out.set(s, Object.fromEntries(KPI_KEYS.map((k) => [k, rec[k].figure])) as Record<KpiKey, KpiFigure>);
  return out;
}

/** The figures kept when the period closed, per subject and KPI. */
async function snapshots(db: Kdb, period: KpiPeriod, subjects: Subjects): Promise<Map<string, Map<string, KpiFigure & { takenAt: string }>>> {
  const rows = [...(await repo.snapshotOf(db, period.key, 'user', subjects.users)), ...(await repo.snapshotOf(db, period.key, 'unit', subjects.units.map((u) => u.id)))];
  const out = new Map<string, Map<string, KpiFigure & { takenAt: string }>>();
  const n = (v: string | number | null) => (v === null ? null : Number(v));
  for (const r of rows) {
    const s = `${r.subject_kind}:${r.subject_id}`;
    const m = out.get(s) ?? new Map<string, KpiFigure & { takenAt: string }>();
    m.set(r.kpi, { value: n(r.value), numerator: Number(r.numerator), denominator: n(r.denominator), takenAt: new Date(r.taken_at).toISOString() });
    out.set(s, m);
  }
  return out;
}

/** The rows the caller reads for a unit (targets' own rule: target:read over the unit; own scope its own row). */
async function visibleRows(db: Kdb, actor: Actor, unitId: number, year: number, timeZone: string): Promise<TargetRowsOf> {
  try {
    return await targetRowsOf(db, actor, unitId, 'sales', year, timeZone, { actuals: false });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw subjectNotFound();
    throw e;
  }
}

async function subjectsOf(db: Kdb, rows: readonly { kind: 'user' | 'unit'; id: number }[]): Promise<Subjects> {
  return { users: rows.filter((r) => r.kind === 'user').map((r) => r.id), units: await repo.unitPaths(db, rows.filter((r) => r.kind === 'unit').map((r) => r.id)) };
}

/**
 * One person's or unit's every KPI for a period (GET /api/kpis): a person the caller may read on the target
 * grid of their unit, a unit within the caller's target:read scope. Default: the caller, or their unit when
 * they are not measured. A period that has ended shows the figure kept then and whether it has been corrected.
 */
export async function kpiSetOf(db: Kdb, actor: Actor, q: z.output<typeof kpiSetQuery>, timeZone: string, now = new Date()): Promise<KpiSet> {
  const today = businessDate(now, timeZone);
  const period = periodFrom(q.period, today);
  let subject: KpiSet['subject'];
  if (q.subject === undefined || q.subject.startsWith('user:')) {
    const id = q.subject ? Number(q.subject.slice(5)) : actor.userId;
    const user = await repo.user(db, id);
    const rows = user ? await visibleRows(db, actor, user.unit_id, period.year, timeZone).catch((e: unknown) => (q.subject ? Promise.reject(e) : null)) : null;
    if (user && rows?.rows.some((r) => r.kind === 'user' && r.id === id)) subject = { kind: 'user', id, name: user.name, unitName: user.unit_name };
    else if (q.subject) throw subjectNotFound();
    else {
      const own = await visibleRows(db, actor, actor.unitId, period.year, timeZone);
      subject = { kind: 'unit', id: own.unit.id, name: own.unit.name, unitName: null };
    }
  } else {
    const rows = await visibleRows(db, actor, Number(q.subject.slice(5)), period.year, timeZone);
    subject = { kind: 'unit', id: rows.unit.id, name: rows.unit.name, unitName: null };
  }
  const subjects = await subjectsOf(db, [subject]);
  const key = `${subject.kind}:${subject.id}`;
  const closed = period.to < today;
  const [measures, kept, calendar] = await Promise.all([measure(db, subjects, period, timeZone), closed ? snapshots(db, period, subjects) : new Map(), loadWorkCalendar(db)]);
  const passed = elapsed(period, today, calendar);
  const mine = measures.get(key)!;
  const keptOf = kept.get(key);
  const items: KpiItem[] = KPI_KEYS.map((k) => {
    const { figure, target } = mine[k];
    const snapshot = keptOf?.get(k) ?? null;
    const metric = KPI_LIBRARY[k].metric;
    return {
      key: k,
      ...figure,
      target,
      attainment: metric && k !== 'sales_completion' ? attainment(figure.numerator, target ?? 0, passed.share) : null,
      snapshot,
      corrected: isCorrection(snapshot, figure),
    };
  });
  return { subject, period: { key: period.key, from: period.from, to: period.to, closed }, today, elapsed: passed, items };
}

/**
 * A unit's rows (its total, sub-units and people, as the target grid shows them to the caller) × every KPI
 * for a period (GET /api/kpis/board).
 */
export async function kpiBoardOf(db: Kdb, actor: Actor, q: z.output<typeof kpiBoardQuery>, timeZone: string, now = new Date()): Promise<KpiBoard> {
  const today = businessDate(now, timeZone);
  const period = periodFrom(q.period, today);
  const of = await visibleRows(db, actor, q.unitId ?? actor.unitId, period.year, timeZone);
  const subjects = await subjectsOf(db, of.rows);
  const closed = period.to < today;
  const [measures, kept] = await Promise.all([measure(db, subjects, period, timeZone), closed ? snapshots(db, period, subjects) : new Map()]);
  return {
    unit: of.unit,
    period: { key: period.key, from: period.from, to: period.to, closed },
    today,
    keys: [...KPI_KEYS],
    rows: of.rows.map((r) => {
      const s = `${r.kind}:${r.id}`;
      const mine = measures.get(s)!;
      const values: KpiBoard['rows'][number]['values'] = {};
      for (const k of KPI_KEYS) values[k] = { value: mine[k].figure.value, corrected: isCorrection(kept.get(s)?.get(k) ?? null, mine[k].figure) };
      return { kind: r.kind, id: r.id, name: r.name, role: r.role, position: r.position, values };
    }),
  };
}

export interface KeepOptions {
  /** compute and write the snapshot again (the CLI's --replace; audited) */
  replace?: boolean;
  /** who asked (null: the nightly job) */
  actor?: Actor | null;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Keeps a period's snapshot: every KPI of every unit and every measured person as it stands now. Only once a
 * period has ended; once per period (two instances racing: the first one's run row wins) unless `replace`.
 * Returns the number of subjects kept, or null when it was kept already.
 */
export async function keepSnapshot(db: Kdb, periodKey: string, timeZone: string, o: KeepOptions = {}, now = new Date()): Promise<number | null> {
  const today = businessDate(now, timeZone);
  const period = periodFrom(periodKey, today);
  if (period.to >= today) throw validationError([issue('period', 'kpis.periodNotClosed', 'The period has not ended')]);
  const all = await repo.snapshotSubjects(db, MEASURED_POSITIONS);
  // subjects in batches, so a progress bar moves and no statement holds thousands of parameters
  const batches: Subjects[] = [{ users: [], units: all.units }];
  for (let i = 0; i < all.users.length; i += 100) batches.push({ users: all.users.slice(i, i + 100), units: [] });
  const total = all.units.length + all.users.length;
  return db.transaction().execute(async (trx) => {
    if (!(await repo.claimRun(trx, period.key, o.actor && o.actor.via !== 'system' ? o.actor.userId : null, o.replace ?? false))) return null;
    let done = 0;
    o.onProgress?.(0, total);
    for (const b of batches) {
      const measures = await measure(trx, b, period, timeZone);
      const rows = [...measures].flatMap(([s, rec]) =>
        KPI_KEYS.map((k) => ({ period: period.key, subject_kind: s.slice(0, 4), subject_id: Number(s.slice(5)), kpi: k, numerator: rec[k].figure.numerator, denominator: rec[k].figure.denominator, value: rec[k].figure.value })),
      );
      await repo.insertSnapshots(trx, rows);
      done += b.users.length + b.units.length;
      o.onProgress?.(done, total);
    }
    await repo.finishRun(trx, period.key, total);
    if (o.actor) await audit(trx, o.actor, { entity: 'kpi_snapshot', entityId: 0, action: o.replace ? 'recompute' : 'create', after: { period: period.key, subjects: total } });
    return total;
  });
}

/** The periods that ended by `today` and are kept automatically: the last month, and the quarter, half and year it ends. */
export function periodsEndedBy(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const prevY = m === 1 ? y - 1 : y;
  const prevM = m === 1 ? 12 : m - 1;
  const keys = [`${prevY}-${String(prevM).padStart(2, '0')}`];
  if (prevM % 3 === 0) keys.push(`${prevY}-Q${prevM / 3}`);
  if (prevM % 6 === 0) keys.push(`${prevY}-H${prevM / 6}`);
  if (prevM === 12) keys.push(String(prevY));
  return keys;
}

/** The nightly job: keeps the snapshot of every period that has ended and is not kept yet. */
export async function keepEndedPeriods(db: Kdb, timeZone: string, now = new Date()): Promise<string[]> {
  const kept: string[] = [];
  for (const key of periodsEndedBy(businessDate(now, timeZone))) if ((await keepSnapshot(db, key, timeZone, {}, now)) !== null) kept.push(key);
  return kept;
}
