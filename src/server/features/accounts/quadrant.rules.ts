import type { AccountCategory, AccountTier, LifecycleStage } from '../../../shared/contracts/accounts';
import type { RelationshipStage } from '../../../shared/contracts/contacts';
import {
  ATTRACTIVENESS_FACTORS,
  STRENGTH_FACTORS,
  quadrantSettings,
  type Quadrant,
  type QuadrantFactor,
  type QuadrantSettings,
} from '../../../shared/contracts/quadrant';
import { windowRevenue, type TierWindow } from './accounts.rules';

/**
 * Defaults, from the seeds where they say something:
 * - size: the accounts of a key-account department are mostly 大型企业 already (national statistics
 *   classification, 工业: 营业收入 ≥ 4亿元, 从业人员 ≥ 1000), so the references sit above that —
 *   ¥1B annual sales, ¥300M registered capital, 3000 employees — and size still tells the large
 *   from the very large instead of giving every key account 100 (on the 60 demo accounts these
 *   defaults give 26 stars, 4 question marks, 13 cash cows and 17 dogs);
 * - attractiveness leans on size, tier and industry position (seed 004: 客户很有吸引力，因为他能提供很多
 *   商业机会), with the value category and the revenue trend as tie-breakers;
 * - strength leans on our revenue and on where their decision makers stand (seed 004: 公司的地位很强
 *   / 很弱 is about the relationship), then coverage and lifecycle;
 * - revenue reference ¥1,000,000 over the tier window: the 大型 threshold of seed 004;
 * - policies: seed 004 asks 提供高质量的拜访 for stars and question marks, so both are visited
 *   every two weeks; a cash cow keeps its relationship at a monthly rhythm; a dog (the seed's
 *   line is lost in the scan) gets the least: a visit a quarter, the rest by phone.
 */
export const DEFAULT_QUADRANT: QuadrantSettings = {
  attractivenessWeights: { size: 30, tier: 20, industryPosition: 20, category: 15, trend: 15 },
  strengthWeights: { revenue: 35, coverage: 20, decisionMakers: 30, lifecycle: 15 },
  split: { attractiveness: 50, strength: 50 },
  sizeReference: { annualSales: 1_000_000_000_00, registeredCapital: 300_000_000_00, employees: 3000 },
  trendRangePct: 20,
  revenueReference: 1_000_000_00,
  policies: {
    star: { visitIntervalDays: 14, serviceLevel: 'premium', guidance: '' },
    question: { visitIntervalDays: 14, serviceLevel: 'high', guidance: '' },
    cash_cow: { visitIntervalDays: 30, serviceLevel: 'standard', guidance: '' },
    dog: { visitIntervalDays: 90, serviceLevel: 'basic', guidance: '' },
  },
};

export function readQuadrantSettings(stored: unknown): QuadrantSettings {
  const r = quadrantSettings.safeParse(stored);
  return r.success ? r.data : DEFAULT_QUADRANT;
}

export const TIER_SCORE: Record<AccountTier, number> = { heavy: 100, large: 70, smb: 30 };
export const INDUSTRY_POSITION_SCORE = { leading: 100, middle: 60, trailing: 20 } as const;
/** The best category counts; an account with none still has some value (20). */
export const CATEGORY_SCORE: Record<AccountCategory | 'none', number> = { strategic: 100, high_value: 100, premium: 80, group: 60, none: 20 };
export const LIFECYCLE_SCORE: Record<LifecycleStage, number> = { prospect: 10, developing: 30, active: 80, maintaining: 90, at_risk: 30, lost: 0, recovered: 60 };
export const STAGE_SCORE: Record<RelationshipStage, number> = { acquainted: 25, interested: 50, trusting: 75, ally: 100 };

/** A decision maker or key person of the account, as far as our standing with them goes. */
export interface DecisionPerson {
  stage: RelationshipStage;
  /** −2 strongly against … +2 strongly for */
  support: number;
}

export interface QuadrantInput {
  annualSales: number | null;
  registeredCapital: number | null;
  employees: number | null;
  tier: AccountTier;
  industryPosition: keyof typeof INDUSTRY_POSITION_SCORE | null;
  categories: Record<AccountCategory, boolean>;
  revenueByYear: ReadonlyMap<number, number>;
  /** the tier window (classification.largeRevenueYears, revenueWindow) on the current business month */
  window: TierWindow;
  coverageScore: number;
  decisionPeople: readonly DecisionPerson[];
  lifecycle: LifecycleStage;
}

export interface QuadrantResult {
  attractiveness: number;
  strength: number;
  quadrant: Quadrant;
  factors: QuadrantFactor[];
}

const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));
const share = (value: number, reference: number) => clamp((value * 100) / reference);

/** Mean of the known size figures, each as a share of its reference; null when none is known. */
function sizeScore(i: QuadrantInput, s: QuadrantSettings): number | null {
  const parts: number[] = [];
  if (i.annualSales !== null) parts.push(share(i.annualSales, s.sizeReference.annualSales));
  if (i.registeredCapital !== null) parts.push(share(i.registeredCapital, s.sizeReference.registeredCapital));
  if (i.employees !== null) parts.push(share(i.employees, s.sizeReference.employees));
  return parts.length ? clamp(parts.reduce((a, b) => a + b, 0) / parts.length) : null;
}

function bestCategory(c: Record<AccountCategory, boolean>): AccountCategory | 'none' {
  const order: AccountCategory[] = ['strategic', 'high_value', 'premium', 'group'];
  return order.find((k) => c[k]) ?? 'none';
}

/**
 * Revenue trend over the last two full business years (the current one is still running):
 * unchanged scores 50, ±trendRangePct or more scores 100 / 0. New business after a year of
 * nothing scores 100; no revenue in either year is unknown.
 */
function trend(i: QuadrantInput, s: QuadrantSettings): { score: number | null; previous: number; last: number; growthPct: number | null } {
  const previous = i.revenueByYear.get(i.window.year - 2) ?? 0;
  const last = i.revenueByYear.get(i.window.year - 1) ?? 0;
  if (previous <= 0) return { score: last > 0 ? 100 : null, previous, last, growthPct: null };
  const growthPct = ((last - previous) * 100) / previous;
  return { score: clamp(50 + (50 * growthPct) / s.trendRangePct), previous, last, growthPct: Math.round(growthPct) };
}

/** Mean over the decision makers and key people of 60 % stage + 40 % support; none known scores 0. */
function decisionScore(people: readonly DecisionPerson[]): number {
  if (!people.length) return 0;
  const each = people.map((p) => 0.6 * STAGE_SCORE[p.stage] + 0.4 * ((Math.max(-2, Math.min(2, p.support)) + 2) * 25));
  return clamp(each.reduce((a, b) => a + b, 0) / people.length);
}

/** Weighted mean of the known factor scores (unknown ones do not count); 0 when nothing counts. */
function axisScore(factors: QuadrantFactor[]): number {
  let total = 0;
  let sum = 0;
  for (const f of factors) {
    if (f.score === null || f.weight <= 0) continue;
    total += f.weight;
    sum += f.weight * f.score;
  }
  return total === 0 ? 0 : clamp(sum / total);
}

export function quadrantFor(attractiveness: number, strength: number, split: QuadrantSettings['split']): Quadrant {
  const attractive = attractiveness >= split.attractiveness;
  const strong = strength >= split.strength;
  if (attractive) return strong ? 'star' : 'question';
  return strong ? 'cash_cow' : 'dog';
}

/** ACC-4 portfolio quadrant of one account with the breakdown that explains it. */
export function quadrantOf(i: QuadrantInput, s: QuadrantSettings): QuadrantResult {
  const t = trend(i, s);
  const category = bestCategory(i.categories);
  const revenue = windowRevenue(i.revenueByYear, i.window);
  const attractivenessScores: Record<(typeof ATTRACTIVENESS_FACTORS)[number], Omit<QuadrantFactor, 'axis' | 'factor' | 'weight'>> = {
    size: { score: sizeScore(i, s), basis: { annualSales: i.annualSales, registeredCapital: i.registeredCapital, employees: i.employees } },
    tier: { score: TIER_SCORE[i.tier], basis: { tier: i.tier } },
    industryPosition: { score: i.industryPosition ? INDUSTRY_POSITION_SCORE[i.industryPosition] : null, basis: { position: i.industryPosition } },
    category: { score: CATEGORY_SCORE[category], basis: { category } },
    trend: { score: t.score, basis: { previous: t.previous, last: t.last, growthPct: t.growthPct } },
  };
  const strengthScores: Record<(typeof STRENGTH_FACTORS)[number], Omit<QuadrantFactor, 'axis' | 'factor' | 'weight'>> = {
    revenue: { score: share(revenue, s.revenueReference), basis: { amount: revenue, reference: s.revenueReference, years: i.window.years, window: i.window.kind } },
    coverage: { score: clamp(i.coverageScore), basis: { score: i.coverageScore } },
    decisionMakers: { score: decisionScore(i.decisionPeople), basis: { count: i.decisionPeople.length } },
    lifecycle: { score: LIFECYCLE_SCORE[i.lifecycle], basis: { stage: i.lifecycle } },
  };
  const a: QuadrantFactor[] = ATTRACTIVENESS_FACTORS.map((f) => ({ axis: 'attractiveness', factor: f, weight: s.attractivenessWeights[f], ...attractivenessScores[f] }));
  const st: QuadrantFactor[] = STRENGTH_FACTORS.map((f) => ({ axis: 'strength', factor: f, weight: s.strengthWeights[f], ...strengthScores[f] }));
  const attractiveness = axisScore(a);
  const strength = axisScore(st);
  return { attractiveness, strength, quadrant: quadrantFor(attractiveness, strength, s.split), factors: [...a, ...st] };
}
