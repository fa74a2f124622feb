/**
 * 客户健康度 (SPEC SVC-3, issue 15 items 5–6): a 0–100 score per account from the measures the department
 * itself records, each with a weight and two thresholds, and an explanation of every score.
 *
 * A measure's raw value scores 100 at or better than its `good` threshold, 0 at or worse than its `bad`
 * one, and in a straight line between (for "higher is better" measures good > bad, otherwise good < bad).
 * A measure without data (no contracts, no survey answered, no open project, fewer than two years of
 * revenue) is dropped and the weights of the rest are renormalised to 100 %. Each measure's contribution
 * is its score × its share of the weight; what it costs ("lost points") is (100 − score) × that share,
 * and the drivers of a score are the measures that cost most.
 *
 * The profile (weights and thresholds) is a setting with defaults per tier (重要/大型/中小): a heavy
 * account is expected to be visited and answered more closely than a small one.
 */

import type { AccountTier } from '../contracts/accounts';

export const HEALTH_MEASURES = ['visit_gap', 'revenue_trend', 'overdue', 'complaints', 'satisfaction', 'key_contact_left', 'competitor_leaning', 'coverage', 'stalled_development'] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];

export const HEALTH_BANDS = ['green', 'yellow', 'red'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/**
 * What each measure's raw value is (the unit the thresholds are in):
 * - visit_gap: days since the last completed visit as a share of the visit policy's interval, in % (47
 *   days against a 30-day policy is 157); never visited counts from the account's creation
 * - revenue_trend: this year's revenue against last year's, change in % (−25 is a quarter less); with no
 *   figure for this year yet, last year against the year before
 * - overdue: days the oldest unpaid instalment is overdue (0 with contracts and nothing overdue); dropped
 *   without contracts
 * - complaints: open complaints plus twice the complaints whose SLA was breached in the last 90 days
 * - satisfaction: 满意率 of the answers of the last 12 months, in %; dropped with none
 * - key_contact_left: key people (decision makers) who left in the last 180 days
 * - competitor_leaning: key people who lean to a competitor now
 * - coverage: relationship coverage, in % (REL-5)
 * - stalled_development: days the longest-stalled open development project has been in its stage; dropped
 *   with no open project
 */
export interface MeasureRule {
  weight: number;
  good: number;
  bad: number;
}
export type HealthProfile = Record<HealthMeasure, MeasureRule>;

export interface HealthSettings {
  /** per tier: a weight of 0 leaves a measure out for that tier */
  profiles: Record<AccountTier, HealthProfile>;
  /** a score at or above `green` is green, at or above `yellow` yellow, below it red */
  bands: { green: number; yellow: number };
}

const BASE: HealthProfile = {
  visit_gap: { weight: 20, good: 100, bad: 250 },
  revenue_trend: { weight: 15, good: 0, bad: -40 },
  overdue: { weight: 15, good: 0, bad: 90 },
  complaints: { weight: 15, good: 0, bad: 4 },
  satisfaction: { weight: 10, good: 90, bad: 50 },
  key_contact_left: { weight: 10, good: 0, bad: 2 },
  competitor_leaning: { weight: 5, good: 0, bad: 2 },
  coverage: { weight: 5, good: 80, bad: 20 },
  stalled_development: { weight: 5, good: 30, bad: 120 },
};

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  profiles: {
    // a heavy account: a visit late by half its interval already costs, one key person gone costs all
    heavy: { ...BASE, visit_gap: { weight: 20, good: 100, bad: 200 }, key_contact_left: { weight: 10, good: 0, bad: 1 }, satisfaction: { weight: 10, good: 90, bad: 60 } },
    large: BASE,
    // a small account: revenue and money count more than visits and coverage
    smb: { ...BASE, visit_gap: { weight: 15, good: 100, bad: 300 }, revenue_trend: { weight: 20, good: 0, bad: -40 }, coverage: { weight: 0, good: 80, bad: 20 } },
  },
  bands: { green: 70, yellow: 50 },
};

/** The raw values of one account's measures; null (or absent) is "no data": the measure is dropped. */
export type HealthRaw = Partial<Record<HealthMeasure, number | null>>;
/** What the words of a driver need besides the raw value (the visit gap's days and policy days, the amounts overdue…). */
export type HealthDetail = Record<string, number>;

export interface MeasureResult {
  measure: HealthMeasure;
  raw: number;
  /** 0–100 */
  score: number;
  /** the weight after renormalising, as a share of 1 (4 decimals) */
  weight: number;
  /** points of the total score this measure gives (score × weight), 2 decimals */
  contribution: number;
  /** points it costs (100 − score) × weight, 2 decimals: what the drivers are sorted by */
  lost: number;
  detail?: HealthDetail;
}

export interface HealthResult {
  /** 0–100, whole points; null when no measure has data */
  score: number | null;
  band: HealthBand | null;
  measures: MeasureResult[];
  /** measures with weight but no data */
  dropped: HealthMeasure[];
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** One measure's score: 100 at or beyond `good`, 0 at or beyond `bad`, linear between; 100 when good = bad and the value is not worse. */
export function measureScore(raw: number, rule: Pick<MeasureRule, 'good' | 'bad'>): number {
  const { good, bad } = rule;
  if (good === bad) return (good > 0 ? raw >= good : raw <= good) ? 100 : 0;
  const t = (raw - bad) / (good - bad);
  return round(100 * Math.min(1, Math.max(0, t)), 2);
}

export function bandOf(score: number, bands: HealthSettings['bands']): HealthBand {
  return score >= bands.green ? 'green' : score >= bands.yellow ? 'yellow' : 'red';
}

/** An account's health from its raw measures and its tier's profile: dropped measures leave, the rest renormalised. */
export function healthOf(raw: HealthRaw, profile: HealthProfile, bands: HealthSettings['bands'], details: Partial<Record<HealthMeasure, HealthDetail>> = {}): HealthResult {
  const present: { measure: HealthMeasure; raw: number; rule: MeasureRule }[] = [];
  const dropped: HealthMeasure[] = [];
  for (const m of HEALTH_MEASURES) {
    const rule = profile[m];
    if (!rule || rule.weight <= 0) continue;
    const v = raw[m];
    if (v === null || v === undefined || !Number.isFinite(v)) dropped.push(m);
    else present.push({ measure: m, raw: v, rule });
  }
  const total = present.reduce((s, p) => s + p.rule.weight, 0);
  if (total <= 0) return { score: null, band: null, measures: [], dropped };
  let sum = 0;
  const measures = present.map(({ measure, raw: v, rule }) => {
    const score = measureScore(v, rule);
    const weight = rule.weight / total;
    sum += score * weight;
    const detail = details[measure];
    return { measure, raw: v, score, weight: round(weight, 4), contribution: round(score * weight, 2), lost: round((100 - score) * weight, 2), ...(detail ? { detail } : {}) };
  });
  const score = Math.round(sum);
  return { score, band: bandOf(score, bands), measures, dropped };
}

/** The measures that cost the most points, worst first; only those that cost at least `min` points. */
export function topDrivers(measures: readonly MeasureResult[], n = 3, min = 1): MeasureResult[] {
  return [...measures].filter((m) => m.lost >= min).sort((a, b) => b.lost - a.lost || a.measure.localeCompare(b.measure)).slice(0, n);
}

/**
 * A group's health from its members (the group account itself and its subsidiaries), weighted by each
 * one's revenue of the year; members without revenue count as if they had the smallest positive revenue
 * among them (all without: a plain mean). Members without a score are left out; null when none has one.
 */
export function groupHealth(members: readonly { score: number | null; revenue: number }[]): number | null {
  const scored = members.filter((m): m is { score: number; revenue: number } => m.score !== null);
  if (!scored.length) return null;
  const positive = scored.map((m) => m.revenue).filter((r) => r > 0);
  const floor = positive.length ? Math.min(...positive) : 1;
  let w = 0;
  let s = 0;
  for (const m of scored) {
    const weight = m.revenue > 0 ? m.revenue : floor;
    w += weight;
    s += m.score * weight;
  }
  return Math.round(s / w);
}

/** What changed between two computations of an account: the score and each measure's score, biggest moves first. */
export function changesSince(now: readonly MeasureResult[], before: readonly MeasureResult[]): { measure: HealthMeasure; from: number | null; to: number | null; rawFrom: number | null; rawTo: number | null }[] {
  const prev = new Map(before.map((m) => [m.measure, m]));
  const cur = new Map(now.map((m) => [m.measure, m]));
  const out: { measure: HealthMeasure; from: number | null; to: number | null; rawFrom: number | null; rawTo: number | null; delta: number }[] = [];
  for (const m of HEALTH_MEASURES) {
    const a = prev.get(m);
    const b = cur.get(m);
    if (!a && !b) continue;
    const from = a ? a.contribution : null;
    const to = b ? b.contribution : null;
    const delta = (to ?? 0) - (from ?? 0);
    if (Math.abs(delta) < 0.5 && (a?.raw ?? null) === (b?.raw ?? null)) continue;
    out.push({ measure: m, from: a ? a.score : null, to: b ? b.score : null, rawFrom: a ? a.raw : null, rawTo: b ? b.raw : null, delta });
  }
  return out.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta)).map(({ delta: _d, ...rest }) => rest);
}

/** Settings check beyond the schema: thresholds apart in the measure's direction, bands ordered, some weight in every tier. */
export function healthSettingsIssue(s: HealthSettings): { path: string; key: 'bandsOrder' | 'noWeight' | 'sameThresholds' | 'badBelowGood' | 'badAboveGood'; message: string } | null {
  if (!(s.bands.green > s.bands.yellow)) return { path: 'bands.green', key: 'bandsOrder', message: 'green must be above yellow' };
  for (const [tier, profile] of Object.entries(s.profiles)) {
    if (!HEALTH_MEASURES.some((m) => profile[m].weight > 0)) return { path: `profiles.${tier}`, key: 'noWeight', message: 'at least one measure needs a weight' };
    for (const m of HEALTH_MEASURES) {
      const r = profile[m];
      if (r.good === r.bad) return { path: `profiles.${tier}.${m}.bad`, key: 'sameThresholds', message: 'good and bad must differ' };
      const higherIsBetter = HIGHER_IS_BETTER.has(m);
      if (higherIsBetter !== r.good > r.bad) return higherIsBetter ? { path: `profiles.${tier}.${m}.bad`, key: 'badBelowGood', message: 'bad must be below good' } : { path: `profiles.${tier}.${m}.bad`, key: 'badAboveGood', message: 'bad must be above good' };
    }
  }
  return null;
}

/** The measures where more is better (the others: less is better). */
export const HIGHER_IS_BETTER: ReadonlySet<HealthMeasure> = new Set(['revenue_trend', 'satisfaction', 'coverage']);
