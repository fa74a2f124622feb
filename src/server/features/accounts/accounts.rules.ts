import { pinyin } from 'pinyin-pro';
import { creditCodeProblem } from '../../../shared/domain/credit-code';
import { issue, type FieldIssue } from '../../../shared/errors';
import {
  COMPLETENESS_FIELDS,
  DEFAULT_REVENUE_WINDOW,
  LIFECYCLE_TRANSITIONS,
  classificationInput,
  completenessSettings,
  lifecycleSettings,
  type AccountCategory,
  type AccountTier,
  type ClassificationSettings,
  type CompletenessField,
  type CompletenessSettings,
  type CreditStanding,
  type LifecycleSettings,
  type LifecycleStage,
  type RevenueWindow,
} from '../../../shared/contracts/accounts';

/** Settings keys in the `settings` table; absent or unreadable values fall back to the defaults. */
export const SETTINGS_KEYS = {
  classification: 'accounts.classification',
  completeness: 'accounts.completeness',
  quadrant: 'accounts.quadrant',
  lifecycle: 'accounts.lifecycle',
} as const;

/**
 * ¥1,000,000 over the last three complete years for 大型 (seed 004, read as its own 2013–2015
 * data: decision 013) and ¥10,000,000 cumulative for 优质 (seed 003 §3.2.2).
 */
export const DEFAULT_CLASSIFICATION: ClassificationSettings = {
  largeRevenueThreshold: 1_000_000_00,
  largeRevenueYears: 3,
  revenueWindow: DEFAULT_REVENUE_WINDOW,
  premiumCumulativeThreshold: 10_000_000_00,
  premiumCreditStandings: ['good'],
  highValueContractThreshold: 10_000_000_00,
  highValueMaxOverdueDays: 90,
};

/**
 * What a department must fill in the 客户档案表, weighted by how much the field matters for
 * planning a visit (seed 003 §3.3.3 四.2): identity and finance weigh most. Sums to 100.
 */
export const DEFAULT_COMPLETENESS_WEIGHTS: Record<CompletenessField, number> = {
  name: 5,
  shortName: 3,
  creditCode: 9,
  nature: 4,
  industry: 5,
  industryPosition: 3,
  foundedYear: 2,
  registeredCapital: 3,
  employees: 2,
  address: 4,
  postalCode: 1,
  phone: 4,
  fax: 1,
  website: 1,
  email: 1,
  legalRepresentative: 3,
  superiorOrg: 1,
  businessScope: 3,
  developmentPlans: 3,
  mainProducts: 3,
  marketShare: 2,
  annualSales: 4,
  bankName: 3,
  bankAccount: 3,
  creditStanding: 4,
  fundStatus: 3,
  paymentAttitude: 4,
  targetMarket: 2,
  customerStrategy: 3,
  sourceChannel: 2,
  province: 2,
  city: 2,
  team: 5,
};
/** 80 %: the identity, finance and contact sections filled, some strategy text still open. */
export const DEFAULT_COMPLETE_THRESHOLD = 80;
export const DEFAULT_COMPLETENESS: CompletenessSettings = { weights: DEFAULT_COMPLETENESS_WEIGHTS, completeThreshold: DEFAULT_COMPLETE_THRESHOLD };
export const DEFAULT_LIFECYCLE: LifecycleSettings = { autoActivate: true };

/** A value stored before the tier window was a setting has none: it reads as the default window. */
export function readClassificationSettings(stored: unknown): ClassificationSettings {
  const r = classificationInput.safeParse(stored);
  if (!r.success) return DEFAULT_CLASSIFICATION;
  return {
    ...r.data,
    revenueWindow: r.data.revenueWindow ?? DEFAULT_REVENUE_WINDOW,
    highValueContractThreshold: r.data.highValueContractThreshold ?? DEFAULT_CLASSIFICATION.highValueContractThreshold,
    highValueMaxOverdueDays: r.data.highValueMaxOverdueDays ?? DEFAULT_CLASSIFICATION.highValueMaxOverdueDays,
  };
}

/** Stored weights override the defaults field by field, so a new field keeps its default weight. */
export function readCompletenessSettings(stored: unknown): { weights: Record<CompletenessField, number>; completeThreshold: number } {
  const r = completenessSettings.safeParse(stored);
  return {
    weights: { ...DEFAULT_COMPLETENESS_WEIGHTS, ...(r.success ? r.data.weights : {}) },
    completeThreshold: (r.success ? r.data.completeThreshold : undefined) ?? DEFAULT_COMPLETE_THRESHOLD,
  };
}

export function readLifecycleSettings(stored: unknown): LifecycleSettings {
  const r = lifecycleSettings.safeParse(stored);
  return r.success ? r.data : DEFAULT_LIFECYCLE;
}

/** What is wrong with a (normalised) credit code as a field issue at `path`, or undefined when it is valid. */
export function creditCodeIssue(code: string | null | undefined, path = 'creditCode'): FieldIssue | undefined {
  if (code === null || code === undefined) return undefined;
  const problem = creditCodeProblem(code);
  if (!problem) return undefined;
  const messages = { length: 'A credit code has 18 characters', charset: 'Only digits and capital letters except I, O, S, V, Z', checkDigit: 'Check digit does not match' } as const;
  const keys = { length: 'accounts.creditCodeLength', charset: 'accounts.creditCodeCharset', checkDigit: 'accounts.creditCodeCheckDigit' } as const;
  return issue(path, keys[problem], messages[problem]);
}

/** Pinyin for search: syllables joined without tones and initials, both lower-case a–z/0–9 only. */
export function pinyinKeys(text: string | null | undefined): { full: string; initials: string } {
  if (!text) return { full: '', initials: '' };
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    full: clean(pinyin(text, { toneType: 'none', type: 'array' })),
    initials: clean(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })),
  };
}

/** A search term as the pinyin columns store it; empty when the term has no Latin letters or digits. */
export function pinyinSearchKey(q: string): string {
  return q.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * ACC-7: what `q` looks for among contacts — the name as typed, and the digits when q is a phone
 * number (digits and the usual separators only) of at least four digits: fewer would match
 * nearly every number.
 */
export function contactSearchTerms(q: string): { name: string; digits?: string } {
  const name = q.trim();
  const digits = name.replace(/\D/g, '');
  return /^[\d\s\-+()（）]+$/.test(name) && digits.length >= 4 ? { name, digits } : { name };
}

export type CompletenessInput = Partial<Record<CompletenessField, unknown>>;

/** A profile value counts as given: not null, not blank text, not an empty list. */
export function filled(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** ACC-3: the weighted share of filled fields (0–100) and the empty ones, heaviest first. */
export function completenessOf(values: CompletenessInput, weights: Record<CompletenessField, number>) {
  let total = 0;
  let got = 0;
  const missing: { field: CompletenessField; weight: number }[] = [];
  for (const field of COMPLETENESS_FIELDS) {
    const w = weights[field] ?? 0;
    if (w <= 0) continue;
    total += w;
    if (filled(values[field])) got += w;
    else missing.push({ field, weight: w });
  }
  // a stable sort keeps the form's order among equal weights (the fields were visited in it)
  missing.sort((a, b) => b.weight - a.weight);
  return { score: total === 0 ? 100 : Math.floor((got * 100) / total), missing };
}

/** The tier window on a given business month (year, month 0–11 in the business time zone). */
export interface TierWindow {
  kind: RevenueWindow;
  years: number;
  year: number;
  month0: number;
}

export const tierWindowOf = (s: Pick<ClassificationSettings, 'revenueWindow' | 'largeRevenueYears'>, today: { year: number; month0: number }): TierWindow => ({
  kind: s.revenueWindow,
  years: s.largeRevenueYears,
  year: today.year,
  month0: today.month0,
});

/**
 * The revenue the tier window counts (decision 013), from a ledger kept per business year:
 * - completeYears: the `years` years before the current one — in 2016, 2013 to 2015 as in seed 004;
 * - rollingMonths: the 12 × `years` months up to and including the current one. The current year's
 *   figure is revenue to date and counts whole, the years between whole, and the oldest year only
 *   for its months inside the window, pro rata: 11/12 of it in January, none in December.
 */
export function windowRevenue(byYear: ReadonlyMap<number, number>, w: TierWindow): number {
  const oldestShare = (11 - w.month0) / 12;
  let sum = 0;
  for (const [year, amount] of byYear) {
    if (w.kind === 'completeYears') {
      if (year < w.year && year >= w.year - w.years) sum += amount;
    } else if (year <= w.year && year > w.year - w.years) sum += amount;
    else if (year === w.year - w.years) sum += Math.round(amount * oldestShare);
  }
  return sum;
}

/** ACC-4 tier (seed 004): VIP → 重型; revenue over the tier window at the threshold → 大型; else 中小微. */
export function tierOf(input: { vip: boolean; revenueByYear: ReadonlyMap<number, number>; window: TierWindow }, s: ClassificationSettings): AccountTier {
  if (input.vip) return 'heavy';
  return windowRevenue(input.revenueByYear, input.window) >= s.largeRevenueThreshold ? 'large' : 'smb';
}

export interface CategoryInput {
  revenueByYear: ReadonlyMap<number, number>;
  creditStanding: CreditStanding | null;
  hasParent: boolean;
  childCount: number;
  /** set by the director (ACC-4): kept as it is */
  strategic: boolean;
  /** the director's choice of 高价值 when they made one (it overrides the derived value), else null */
  highValueOverride: boolean | null;
  /** the largest single signed sales contract (its value with its signed supplements), fen */
  largestContract: number;
  /** the longest any of the account's instalments is overdue today with something owed (0: none) */
  maxOverdueDays: number;
}

/** Good payment credit (seed 003 §3.2.2 付款信誉良好): a good credit standing, as 优质 reads it, and nothing owed long overdue. */
export function goodPaymentCredit(input: Pick<CategoryInput, 'creditStanding' | 'maxOverdueDays'>, s: ClassificationSettings): boolean {
  return input.creditStanding !== null && s.premiumCreditStandings.includes(input.creditStanding) && input.maxOverdueDays <= s.highValueMaxOverdueDays;
}

/** ACC-4 value categories: 优质, 高价值 and 集团 are computed (the director may override 高价值); 战略 is the director's. */
export function categoriesOf(input: CategoryInput, s: ClassificationSettings): Record<AccountCategory, boolean> {
  let cumulative = 0;
  for (const amount of input.revenueByYear.values()) cumulative += amount;
  return {
    premium: cumulative >= s.premiumCumulativeThreshold && input.creditStanding !== null && s.premiumCreditStandings.includes(input.creditStanding),
    high_value: input.highValueOverride ?? (input.largestContract >= s.highValueContractThreshold && goodPaymentCredit(input, s)),
    group: input.hasParent || input.childCount > 0,
    strategic: input.strategic,
  };
}

export function categoryList(flags: Record<AccountCategory, boolean>): AccountCategory[] {
  return (Object.keys(flags) as AccountCategory[]).filter((k) => flags[k]);
}

export interface AutoLifecycleInput {
  lifecycle: LifecycleStage;
  revenueByYear: ReadonlyMap<number, number>;
  currentYear: number;
  /** business year in which the account last came back from 流失 (lost → prospect/recovered), if ever */
  requalifiedYear: number | null;
}

/**
 * ACC-5 automatic move: a prospect or developing account with revenue recorded for the current
 * or the previous business year is in cooperation (→ active). Revenue of the year an account
 * came back from 流失, or earlier, predates the new start and does not count — the person who
 * re-qualified it decides. No other stage moves by itself: at-risk and lost are judgements.
 */
export function autoLifecycle(i: AutoLifecycleInput, s: LifecycleSettings): LifecycleStage | null {
  if (!s.autoActivate || (i.lifecycle !== 'prospect' && i.lifecycle !== 'developing')) return null;
  for (const year of [i.currentYear - 1, i.currentYear]) {
    if (i.requalifiedYear !== null && year <= i.requalifiedYear) continue;
    if ((i.revenueByYear.get(year) ?? 0) > 0) return 'active';
  }
  return null;
}

/** ACC-5: the moves LIFECYCLE_TRANSITIONS allows (staying put is not a move). */
export function canMoveLifecycle(from: LifecycleStage, to: LifecycleStage): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to);
}

/** ACC-2: making `parentId` the parent of `accountId` must not close a loop. `ancestors` are parentId's chain upwards. */
export function wouldCycle(accountId: number, parentId: number, ancestors: readonly number[]): boolean {
  return parentId === accountId || ancestors.includes(accountId);
}
