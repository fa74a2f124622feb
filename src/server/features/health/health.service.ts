import type { AccountTier } from '../../../shared/contracts/accounts';
import { iso } from '../../../shared/contracts/common';
import type { AccountHealth, AtRiskPage, AtRiskQuery, HealthSettingsUpdate } from '../../../shared/contracts/health';
import { healthSettings } from '../../../shared/contracts/health';
import { businessDate, localDate } from '../../../shared/domain/business-time';
import { bandOf, changesSince, DEFAULT_HEALTH_SETTINGS, groupHealth, healthOf, healthSettingsIssue, topDrivers, type HealthBand, type HealthMeasure, type HealthSettings, type MeasureResult } from '../../../shared/domain/health';
import type { Executor, Kdb } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError, issue, validationError } from '../../../shared/errors';
import { accountReachable, accountScope, scopeWhere } from '../../platform/scope';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import { defineSetting } from '../../platform/settings';
import { loadPipelineSettings } from '../opportunities';
import { satisfactionOf } from '../surveys';
import { visitIntervalOf } from '../visit-policy';
import { healthRepo as repo, type HealthScope, type SignalRow, type HealthWrite } from './health.repo';
import { moved, rawMeasures, yearShare } from './health.rules';

const DAY = 86_400_000;
/** complaints whose SLA was breached count this long */
export const COMPLAINT_DAYS = 90;
/** a key person who left counts this long */
export const KEY_LEFT_DAYS = 180;
/** satisfaction reads the answers of this many days */
export const SATISFACTION_DAYS = 365;
/** a full recompute's write batch (one transaction each) */
export const BATCH = 2000;
/** a full recompute reads this many accounts' signals in one statement */
const READ_BATCH = 50_000;

export const healthSetting = defineSetting<HealthSettings>('health', healthSettings, DEFAULT_HEALTH_SETTINGS);

/** What a recompute reads once: the settings, the visit policy, the pipeline's ageing limits, the clock. */
export interface RecomputeContext {
  settings: HealthSettings;
  visitInterval: Awaited<ReturnType<typeof visitIntervalOf>>;
  ageingDays: Record<number, number>;
  now: Date;
  today: string;
  year: number;
  share: number;
}

export async function recomputeContext(db: Kdb, tz: string, now = new Date()): Promise<RecomputeContext> {
  const [settings, visitInterval, pipeline] = await Promise.all([healthSetting.get(db), visitIntervalOf(db), loadPipelineSettings(db)]);
  const today = businessDate(now, tz);
  return { settings: settings.value, visitInterval, ageingDays: pipeline.settings.ageingDays, now, today, year: localDate(now, tz).year, share: yearShare(today) };
}

/** An account whose band moved in a recompute (to red: the churn warning reads these). */
export interface BandMove {
  accountId: number;
  from: HealthBand | null;
  to: HealthBand | null;
  score: number | null;
  drivers: MeasureResult[];
}

/** Who acts on band moves (the recovery plans), in the transaction that stored them. */
export type BandMoveListener = (trx: Executor, moves: readonly BandMove[], now: Date) => Promise<void>;
const listeners = new Map<string, BandMoveListener>();

/** Registers (or replaces) the listener of a room: every recompute path calls it with its batch's moves. */
export function onBandMoves(name: string, listener: BandMoveListener): void {
  listeners.set(name, listener);
}

async function announce(trx: Executor, moves: readonly BandMove[], now: Date) {
  if (!moves.length) return;
  for (const listener of listeners.values()) await listener(trx, moves, now);
}

export interface RecomputeResult {
  accounts: number;
  moves: BandMove[];
}

/**
 * Recomputes these accounts' health in one transaction per call: their signals in one statement, their
 * satisfaction in another, the scores in memory, one upsert and one insert of history rows. Returns the
 * band moves. The group roll-ups over them follow (rollUp).
 */
export async function recomputeBatch(db: Executor, ids: readonly number[], ctx: RecomputeContext): Promise<RecomputeResult> {
  return scoreAndWrite(db, await inputsOf(db, ids, ctx), ctx);
}

/** What scoring reads of these accounts: their signals (one statement) and their satisfaction. */
interface RecomputeInputs {
  signals: SignalRow[];
  sat: Awaited<ReturnType<typeof satisfactionOf>>;
}

async function inputsOf(db: Executor, ids: readonly number[], ctx: RecomputeContext): Promise<RecomputeInputs> {
  const signals = await repo.signals(db, ids, { now: ctx.now, today: ctx.today, year: ctx.year, complaintDays: COMPLAINT_DAYS, keyLeftDays: KEY_LEFT_DAYS });
  if (!signals.length) return { signals, sat: new Map() };
  const sat = await satisfactionOf(db, signals.map((s) => s.id), { from: new Date(ctx.now.getTime() - SATISFACTION_DAYS * DAY), to: new Date(ctx.now.getTime() + 1) });
  return { signals, sat };
}

/** Scores the accounts read in memory and writes them: one upsert, one insert of history rows. Returns the band moves. */
async function scoreAndWrite(db: Executor, { signals, sat }: RecomputeInputs, ctx: RecomputeContext): Promise<RecomputeResult> {
  if (!signals.length) return { accounts: 0, moves: [] };
  const writes: HealthWrite[] = [];
  const moves: BandMove[] = [];
  for (const s of signals) {
    const tier = (s.tier in ctx.settings.profiles ? s.tier : 'smb') as AccountTier;
    const satisfaction = sat.get(s.id);
    const { raw, details } = rawMeasures(
      {
        createdAt: new Date(s.created_at),
        coverage: Number(s.coverage_score),
        activeContacts: Number(s.active_contacts),
        lastVisitAt: s.last_visit_at ? new Date(s.last_visit_at) : null,
        visitIntervalDays: ctx.visitInterval({ tier: s.tier, grade: s.grade, quadrant: s.quadrant }),
        revenue: { thisYear: num(s.rev_this), lastYear: num(s.rev_last), yearBefore: num(s.rev_before) },
        yearElapsed: ctx.share,
        receivables: { has: s.has_receivables, overdueDays: Number(s.overdue_days ?? 0), overdueAmount: Number(s.overdue_amount ?? 0) },
        complaints: { open: Number(s.open_complaints), breached: Number(s.breached_complaints) },
        keyLeft: Number(s.key_left),
        keyLeaning: Number(s.key_leaning),
        openProjects: s.open_projects ?? [],
        ageingDays: ctx.ageingDays,
        satisfiedRate: satisfaction?.satisfiedRate ?? null,
        surveyAnswers: satisfaction?.answers ?? 0,
      },
      ctx.now,
    );
    const h = healthOf(raw, ctx.settings.profiles[tier], ctx.settings.bands, details);
    const before = s.stored_computed ? { score: s.stored_score, band: s.stored_band, measures: s.stored_measures } : null;
    const bandMoved = !before || before.band !== h.band;
    writes.push({
      accountId: s.id,
      ownerId: s.owner_id,
      unitId: s.unit_id,
      score: h.score,
      band: h.band,
      groupScore: null,
      tier,
      revenue: num(s.rev_this) ?? num(s.rev_last) ?? 0,
      measures: h.measures,
      dropped: h.dropped,
      bandSince: bandMoved || !s.stored_band_since ? ctx.now : new Date(s.stored_band_since),
      history: moved(before, h),
    });
    if (bandMoved) moves.push({ accountId: s.id, from: (before?.band as HealthBand | null) ?? null, to: h.band, score: h.score, drivers: topDrivers(h.measures) });
  }
  await repo.write(db, writes, ctx.now);
  return { accounts: signals.length, moves };
}

const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** The roll-up of these groups (each over itself and its direct subsidiaries, by revenue). */
export async function rollUp(db: Executor, groupIds: readonly number[]) {
  if (!groupIds.length) return;
  const members = await repo.groupMembers(db, groupIds);
  const by = new Map<number, { score: number | null; revenue: number }[]>();
  for (const m of members) {
    const list = by.get(m.group_id) ?? [];
    list.push({ score: m.score, revenue: Number(m.revenue) });
    by.set(m.group_id, list);
  }
  await repo.setGroupScores(db, groupIds.map((id) => ({ id, score: groupHealth(by.get(id) ?? []) })));
}

/** Recomputes some accounts (after events) and the groups above them, in one transaction. */
export async function recomputeAccounts(db: Kdb, ids: readonly number[], tz: string, now = new Date()): Promise<RecomputeResult> {
  const ctx = await recomputeContext(db, tz, now);
  return db.transaction().execute(async (trx) => {
    const r = await recomputeBatch(trx, ids, ctx);
    await rollUp(trx, await repo.groupsOf(trx, ids));
    await announce(trx, r.moves, ctx.now);
    return r;
  });
}

/**
 * Every account's health, set-based: the signals of READ_BATCH (50,000) accounts in one statement (a few passes over
 * the visits, instalments and contacts instead of one per batch), then scored and written BATCH at a time,
 * each its own transaction with its band moves announced; then every group's roll-up. `onBatch` reports
 * progress (the CLI's bar); the result carries every band move.
 */
export async function recomputeAll(db: Kdb, tz: string, o: { now?: Date; onBatch?: (done: number) => void } = {}): Promise<RecomputeResult> {
  const ctx = await recomputeContext(db, tz, o.now);
  const moves: BandMove[] = [];
  let accounts = 0;
  let after = 0;
  const groups: number[] = [];
  for (;;) {
    const ids = await repo.idsAfter(db, after, READ_BATCH);
    if (!ids.length) break;
    after = ids[ids.length - 1]!;
    const inputs = await inputsOf(db, ids, ctx);
    for (let i = 0; i < inputs.signals.length; i += BATCH) {
      const slice = inputs.signals.slice(i, i + BATCH);
      const r = await db.transaction().execute(async (trx) => {
        const res = await scoreAndWrite(trx, { signals: slice, sat: inputs.sat }, ctx);
        groups.push(...(await repo.groupsOf(trx, slice.map((x) => x.id))));
        await announce(trx, res.moves, ctx.now);
        return res;
      });
      accounts += r.accounts;
      moves.push(...r.moves);
      o.onBatch?.(accounts);
    }
  }
  const unique = [...new Set(groups)];
  for (let i = 0; i < unique.length; i += BATCH) await db.transaction().execute((trx) => rollUp(trx, unique.slice(i, i + BATCH)));
  await repo.analyze(db);
  return { accounts, moves };
}

/** Drains the accounts marked dirty (each recomputed once, however often it was marked), in batches. */
export async function drainDirty(db: Kdb, tz: string, now = new Date()): Promise<RecomputeResult> {
  const moves: BandMove[] = [];
  let accounts = 0;
  // read before the transactions: the embedded database has one connection
  const ctx = await recomputeContext(db, tz, now);
  for (;;) {
    const r = await db.transaction().execute(async (trx) => {
      const ids = await repo.takeDirty(trx, 500);
      if (!ids.length) return null;
      const res = await recomputeBatch(trx, ids, ctx);
      await rollUp(trx, await repo.groupsOf(trx, ids));
      await announce(trx, res.moves, ctx.now);
      return res;
    });
    if (!r) break;
    accounts += r.accounts;
    moves.push(...r.moves);
  }
  return { accounts, moves };
}

export const markDirty = (db: Executor, ids: readonly number[]) => repo.markDirty(db, ids);

// ---- reads ----

const asMeasures = (v: unknown): MeasureResult[] => (Array.isArray(v) ? (v as MeasureResult[]) : typeof v === 'string' ? (JSON.parse(v) as MeasureResult[]) : []);
const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

/** An account's health with its drivers, the change against a week ago and the last 180 days (404 outside the caller's scope). */
export async function accountHealth(db: Kdb, actor: Actor, accountId: number, now = new Date()): Promise<AccountHealth> {
  if (!(await accountReachable(db, accountId, accountScope(actor, 'account:read')))) throw new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
  const cur = await repo.current(db, accountId);
  if (!cur) return { accountId, score: null, band: null, groupScore: null, tier: null, computedAt: null, bandSince: null, measures: [], dropped: [], drivers: [], lastWeek: null, history: [] };
  const measures = asMeasures(cur.measures);
  const weekAgo = await repo.asOf(db, accountId, new Date(now.getTime() - 7 * DAY));
  const history = await repo.history(db, accountId, new Date(now.getTime() - 180 * DAY));
  return {
    accountId,
    score: cur.score,
    band: cur.band as HealthBand | null,
    groupScore: cur.group_score,
    tier: cur.tier as AccountTier,
    computedAt: iso(cur.computed_at),
    bandSince: iso(cur.band_since),
    measures,
    dropped: asList(cur.dropped) as HealthMeasure[],
    drivers: topDrivers(measures),
    lastWeek: weekAgo ? { at: iso(weekAgo.at)!, score: weekAgo.score, band: weekAgo.band as HealthBand | null, changes: changesSince(measures, asMeasures(weekAgo.measures)) } : null,
    history: history.map((h) => ({ at: iso(h.at)!, score: h.score, band: h.band as HealthBand | null })),
  };
}

/** The at-risk list: accounts of the bands asked (red by default) in the caller's scope, by revenue at risk or by score. */
export async function atRisk(db: Kdb, actor: Actor, q: AtRiskQuery): Promise<AtRiskPage> {
  // the scope over account_health's own owner and unit (migration 0038): no account rows read to count
  // (scopeWhere writes raw SQL over the named columns; the builder's table type does not matter to it)
  const scope: HealthScope = (eb) => scopeWhere(eb as unknown as ExpressionBuilder<DB, 'account_health'>, actor, 'health:read', { owner: 'h.owner_id', unit: 'h.unit_id' });
  const [page, counts] = await Promise.all([repo.atRisk(db, scope, { bands: q.band, sort: q.sort, ownerId: q.ownerId, unitId: q.unitId, page: q.page, pageSize: q.pageSize }), repo.bandCounts(db, scope)]);
  const bands = { green: 0, yellow: 0, red: 0 };
  for (const c of counts) if (c.band && c.band in bands) bands[c.band as HealthBand] = Number(c.n);
  return {
    items: page.items.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      tier: r.tier as AccountTier,
      lifecycle: r.lifecycle,
      owner: r.owner_id === null ? null : { id: r.owner_id, name: r.owner_name ?? '' },
      score: r.score ?? 0,
      band: r.band as HealthBand,
      groupScore: r.group_score,
      revenue: Number(r.revenue),
      drivers: topDrivers(asMeasures(r.measures)),
      bandSince: iso(r.band_since)!,
      computedAt: iso(r.computed_at)!,
    })),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    bands,
  };
}

// ---- settings ----

export async function getSettings(db: Executor) {
  const s = await healthSetting.get(db);
  return { settings: s.value, version: s.version, updatedAt: iso(s.updatedAt) };
}

/** Saves the profiles and bands (400 naming the field that is wrong; 409 when stale) and queues a full recompute in the same transaction. */
export async function putSettings(db: Kdb, actor: Actor, body: HealthSettingsUpdate, queue: (trx: Executor) => Promise<unknown>) {
  const { version, ...value } = body;
  const problem = healthSettingsIssue(value);
  if (problem) throw validationError([issue(problem.path, `health.${problem.key}`, problem.message)]);
  await db.transaction().execute(async (trx) => {
    await healthSetting.put(trx, actor, value, version);
    await queue(trx);
  });
  return getSettings(db);
}

export { bandOf };
