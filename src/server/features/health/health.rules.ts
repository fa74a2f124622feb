import type { HealthDetail, HealthMeasure, HealthRaw, MeasureResult } from '../../../shared/domain/health';

const DAY = 86_400_000;

/** What the measures are read from (health.repo.ts SignalRow, without the stored part). */
export interface Signals {
  createdAt: Date;
  /** relationship coverage in %, and the active contacts behind it (none: no coverage to speak of) */
  coverage: number;
  activeContacts: number;
  lastVisitAt: Date | null;
  /** the visit interval the policy holds this account to, in days (null: none) */
  visitIntervalDays: number | null;
  revenue: { thisYear: number | null; lastYear: number | null; yearBefore: number | null };
  /** share of the business year elapsed, 0–1 */
  yearElapsed: number;
  receivables: { has: boolean; overdueDays: number; overdueAmount: number };
  complaints: { open: number; breached: number };
  keyLeft: number;
  keyLeaning: number;
  /** per open project: its stage and days in it */
  openProjects: readonly (readonly [number, number])[];
  /** the pipeline's ageing limit per stage, in days */
  ageingDays: Record<number, number>;
  /** 满意率 of the last 12 months' answers, % (null: none answered) */
  satisfiedRate: number | null;
  surveyAnswers: number;
}

/** Below this share of the year, this year's revenue is too young to compare: the last two full years are. */
export const MIN_YEAR_SHARE = 0.25;

/**
 * Each measure's raw value (null: no data, dropped) and what its words need, from an account's signals at
 * `now`. The units are those of shared/domain/health.ts.
 */
export function rawMeasures(s: Signals, now: Date): { raw: HealthRaw; details: Partial<Record<HealthMeasure, HealthDetail>> } {
  const raw: HealthRaw = {};
  const details: Partial<Record<HealthMeasure, HealthDetail>> = {};

  // the visit gap against the policy (no interval: nothing is asked, the measure is dropped)
  if (s.visitIntervalDays && s.visitIntervalDays > 0) {
    const since = s.lastVisitAt ?? s.createdAt;
    const days = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY));
    raw.visit_gap = Math.round((100 * days) / s.visitIntervalDays);
    details.visit_gap = { days, policyDays: s.visitIntervalDays, never: s.lastVisitAt ? 0 : 1 };
  } else raw.visit_gap = null;

  raw.revenue_trend = null;
  const { thisYear, lastYear, yearBefore } = s.revenue;
  if (thisYear && lastYear && lastYear > 0 && s.yearElapsed >= MIN_YEAR_SHARE) {
    // this year so far against the same share of last year
    raw.revenue_trend = Math.round((100 * thisYear) / (lastYear * Math.min(1, s.yearElapsed))) - 100;
    details.revenue_trend = { current: thisYear, previous: lastYear, prorated: 1 };
  } else if (lastYear && yearBefore && yearBefore > 0) {
    raw.revenue_trend = Math.round((100 * lastYear) / yearBefore) - 100;
    details.revenue_trend = { current: lastYear, previous: yearBefore, prorated: 0 };
  }

  if (s.receivables.has) {
    raw.overdue = s.receivables.overdueDays;
    details.overdue = { days: s.receivables.overdueDays, amount: s.receivables.overdueAmount };
  } else raw.overdue = null;

  raw.complaints = s.complaints.open + 2 * s.complaints.breached;
  details.complaints = { open: s.complaints.open, breached: s.complaints.breached };

  raw.satisfaction = s.surveyAnswers > 0 ? s.satisfiedRate : null;
  if (raw.satisfaction !== null) details.satisfaction = { answers: s.surveyAnswers };

  raw.key_contact_left = s.keyLeft;
  raw.competitor_leaning = s.keyLeaning;
  // coverage speaks only of an account with someone to cover
  raw.coverage = s.activeContacts > 0 ? s.coverage : null;
  if (raw.coverage !== null) details.coverage = { contacts: s.activeContacts };

  if (s.openProjects.length) {
    let worst = 0;
    let worstStage = 0;
    for (const [stage, days] of s.openProjects) {
      const over = days - (s.ageingDays[stage] ?? 30);
      if (over > worst || worstStage === 0) {
        worst = Math.max(over, worst);
        worstStage = stage;
      }
    }
    raw.stalled_development = Math.max(0, worst);
    details.stalled_development = { projects: s.openProjects.length, stage: worstStage };
  } else raw.stalled_development = null;

  return { raw, details };
}

/** The share of the year elapsed at `today` ('YYYY-MM-DD'). */
export function yearShare(today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return (Date.UTC(y, m - 1, d) - start + DAY) / (end - start);
}

/**
 * Whether a recompute moved anything worth a history row: the score, the band, a measure coming or going,
 * or a measure's score by a whole point (a raw value alone — one more day since the visit while it still
 * scores 100 — is not history).
 */
export function moved(before: { score: number | null; band: string | null; measures: readonly MeasureResult[] | null } | null, after: { score: number | null; band: string | null; measures: readonly MeasureResult[] }): boolean {
  if (!before) return true;
  if (before.score !== after.score || before.band !== after.band) return true;
  const prev = new Map((before.measures ?? []).map((m) => [m.measure, m]));
  if (prev.size !== after.measures.length) return true;
  return after.measures.some((m) => {
    const p = prev.get(m.measure);
    return !p || Math.round(p.score) !== Math.round(m.score);
  });
}
