import type { z } from 'zod';
import type { Executor } from '../../db/client';
import {
  BOARD_COLUMN_LIMIT,
  type Ageing,
  type analysisQuery,
  type Board,
  type BoardCard,
  type Conversion,
  type Forecast,
  type ForecastBucket,
  type forecastQuery,
  type OpportunitySummary,
  type pipelineFilter,
  type WinLoss,
} from '../../../shared/contracts/opportunities';
import { businessDate } from '../../../shared/domain/business-time';
import { missingForGate, STAGES, type AssessmentOutcome, type ParticipantPart, type PipelineSettings, type PlanStatus, type Stage } from '../../../shared/domain/pipeline';
import type { Actor } from '../../platform/actor';
import { loadPipelineSettings, opportunitySummaryOut } from '../opportunities';
import { pipelineRepo, type BucketRow, type Period, type PipelineWhere, type SummaryRow } from './pipeline.repo';
import { AGEING_BUCKETS, monthsBetween, rate } from './pipeline.rules';
import { ownedScope } from '../../platform/scope';

/** The board, forecast and analyses (PIPE-7), over the projects the caller may read. */

export async function loadSettings(db: Executor): Promise<PipelineSettings> {
  return (await loadPipelineSettings(db)).settings;
}

function where(actor: Actor, f: z.infer<typeof pipelineFilter>): PipelineWhere {
  return { scope: ownedScope('opportunities', actor, 'opportunity:read'), ownerId: f.ownerId, unitId: f.unitId, accountId: f.accountId, q: f.q || undefined };
}

/** A project as the list shows it (the opportunities room's mapping), with its current gate's missing items. */
export function summaryOut(r: SummaryRow, s: PipelineSettings, now = new Date()): OpportunitySummary & { missing: BoardCard['missing'] } {
  const facts = { assessmentOutcome: r.assessment_outcome as AssessmentOutcome | null, planStatus: r.plan_status as PlanStatus | null, parts: (r.parts ?? []) as ParticipantPart[] };
  return {
    ...opportunitySummaryOut(r as unknown as Parameters<typeof opportunitySummaryOut>[0], s, now),
    missing: missingForGate(Number(r.stage) as Stage, s.gates, new Set(Object.keys(r.checklist ?? {})), facts),
  };
}

export async function board(db: Executor, actor: Actor, f: z.infer<typeof pipelineFilter>): Promise<Board> {
  const s = await loadSettings(db);
  const w = where(actor, f);
  const [columns, cards] = await Promise.all([pipelineRepo.boardColumns(db, w, s.probabilities), pipelineRepo.boardCards(db, w, BOARD_COLUMN_LIMIT)]);
  return {
    columns: STAGES.map((stage) => {
      const c = columns.find((x) => x.stage === stage) ?? { count: 0, value: 0, weighted: 0 };
      const mine = cards.filter((r) => Number(r.stage) === stage).map((r) => summaryOut(r, s));
      return { stage, count: c.count, value: c.value, weighted: c.weighted, probability: s.probabilities[stage], cards: mine, more: c.count - mine.length };
    }),
  };
}

const bucketOut = (r: BucketRow): ForecastBucket => ({ key: r.key, label: r.label, count: r.count, value: r.value, weighted: r.weighted });
const empty = (key: string): ForecastBucket => ({ key, label: null, count: 0, value: 0, weighted: 0 });

export async function forecast(db: Executor, actor: Actor, q: z.infer<typeof forecastQuery>, tz: string, now = new Date()): Promise<Forecast> {
  const s = await loadSettings(db);
  const w = where(actor, q);
  const thisMonth = businessDate(now, tz).slice(0, 7);
  const fromMonth = q.fromMonth ?? thisMonth;
  const toMonth = q.toMonth ?? monthsBetween(thisMonth, 12).at(-1)!;
  const months = monthsBetween(fromMonth, 0, toMonth);
  const [total, byStage, byMonth, byOwner, byUnit] = await Promise.all([
    pipelineRepo.buckets(db, w, s.probabilities, 'all'),
    pipelineRepo.buckets(db, w, s.probabilities, 'stage'),
    pipelineRepo.buckets(db, w, s.probabilities, { monthFrom: fromMonth, monthTo: toMonth }),
    pipelineRepo.buckets(db, w, s.probabilities, 'owner'),
    pipelineRepo.buckets(db, w, s.probabilities, 'unit'),
  ]);
  const month = new Map(byMonth.map((r) => [r.key, bucketOut(r)]));
  return {
    total: total[0] ? bucketOut(total[0]) : empty('total'),
    byStage: STAGES.map((st) => bucketOut(byStage.find((r) => r.key === String(st)) ?? empty(String(st)))),
    byMonth: [...months, 'none'].map((m) => month.get(m) ?? empty(m)),
    byOwner: byOwner.map(bucketOut),
    byUnit: byUnit.map(bucketOut),
  };
}

const period = (q: z.infer<typeof analysisQuery>, tz: string): Period => ({ from: q.from, to: q.to, tz });

export async function conversion(db: Executor, actor: Actor, q: z.infer<typeof analysisQuery>, tz: string): Promise<Conversion> {
  const w = where(actor, q);
  const p = period(q, tz);
  const [stages, closed] = await Promise.all([pipelineRepo.conversion(db, w, p), pipelineRepo.closedCounts(db, w, p)]);
  return {
    stages: STAGES.map((stage) => {
      const r = stages.find((x) => x.stage === stage) ?? { reached: 0, advanced: 0, lost: 0, avgDays: null };
      return { stage, reached: r.reached, advanced: r.advanced, rate: rate(r.advanced, r.reached), lost: r.lost, avgDays: r.avgDays === null ? null : Math.round(r.avgDays * 10) / 10 };
    }),
    ...closed,
    winRate: rate(closed.won, closed.won + closed.lost + closed.abandoned),
  };
}

export const STALLED_LIST_LIMIT = 50;

export async function ageing(db: Executor, actor: Actor, f: z.infer<typeof pipelineFilter>): Promise<Ageing> {
  const s = await loadSettings(db);
  const w = where(actor, f);
  const [rows, stalled] = await Promise.all([pipelineRepo.ageing(db, w, s.ageingDays), pipelineRepo.stalled(db, w, s.ageingDays, STALLED_LIST_LIMIT)]);
  return {
    stages: STAGES.map((stage) => {
      const r = rows.find((x) => x.stage === stage) ?? { open: 0, buckets: [0, 0, 0, 0, 0], stalled: 0 };
      return { stage, limit: s.ageingDays[stage], open: r.open, buckets: AGEING_BUCKETS.map((key, i) => ({ key, count: r.buckets[i] ?? 0 })), stalled: r.stalled };
    }),
    stalled: stalled.map((r) => {
      const { missing: _missing, ...summary } = summaryOut(r, s);
      return summary;
    }),
  };
}

export async function winLoss(db: Executor, actor: Actor, q: z.infer<typeof analysisQuery>, tz: string): Promise<WinLoss> {
  const w = where(actor, q);
  const p = period(q, tz);
  const [reasons, byStage, competitors] = await Promise.all([pipelineRepo.reasons(db, w, p), pipelineRepo.closedByStage(db, w, p), pipelineRepo.competitorRecord(db, w, p)]);
  return {
    reasons: reasons as WinLoss['reasons'],
    byStage: STAGES.map((stage) => {
      const r = byStage.find((x) => x.stage === stage);
      return { stage, won: r?.won ?? 0, lost: r?.lost ?? 0, abandoned: r?.abandoned ?? 0 };
    }),
    competitors,
  };
}
