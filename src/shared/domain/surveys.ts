/**
 * 满意度 (SPEC SVC-2, issue 15 item 4): the question sets of the satisfaction survey and the rules its
 * scores follow, for the server (validation, scores, the schedule) and the web (the public page, the
 * score cards) alike.
 *
 * A question set is data, versioned: an invitation stores the version it was sent with, so an answer is
 * always read with the questions its customer saw. The customer-facing wording is part of the version
 * (in both languages) — a change of wording is a new version, the old one stays here unchanged.
 *
 * Seed 003 第11条: 销售员应定期拜访客户收集市场信息 — (1) 服务效果质量反映 (2) 客户情况满意度 (3) 竞争产品情况满意度
 * (4) 相关行业动态信息. Version 1 asks the customer about each of the four (1–5), besides the overall
 * satisfaction (CSAT 1–5) and the willingness to recommend (NPS 0–10), and takes a free comment.
 */

export type SurveyLanguage = 'zh-CN' | 'en';
export type Wording = Record<SurveyLanguage, string>;

export type SurveyQuestionKind = 'csat' | 'nps' | 'rating' | 'comment';

export interface SurveyQuestion {
  /** csat, nps and comment are fixed; a rating's key names it in item_scores */
  key: string;
  kind: SurveyQuestionKind;
  /** the short name staff read on the score cards */
  name: Wording;
  /** the question as the customer reads it */
  text: Wording;
  required: boolean;
}

export interface QuestionSet {
  version: number;
  questions: SurveyQuestion[];
  /** the scale's ends as the customer reads them */
  scale: { low: Wording; high: Wording; npsLow: Wording; npsHigh: Wording };
}

/** The longest comment a customer may leave. */
export const MAX_SURVEY_COMMENT = 2000;
/** CSAT at or above this counts as satisfied (满意率). */
export const SATISFIED_FROM = 4;
/** NPS: promoters answer 9–10, detractors 0–6. */
export const PROMOTER_FROM = 9;
export const DETRACTOR_TO = 6;

export const QUESTION_SETS: readonly QuestionSet[] = [
  {
    version: 1,
    scale: {
      low: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
      high: { 'zh-CN': '非常满意', en: 'Very satisfied' },
      npsLow: { 'zh-CN': '不可能', en: 'Not at all likely' },
      npsHigh: { 'zh-CN': '非常可能', en: 'Extremely likely' },
    },
    questions: [
      {
        key: 'csat',
        kind: 'csat',
        name: { 'zh-CN': '总体满意度', en: 'Overall satisfaction' },
        text: { 'zh-CN': '总体而言，您对我们的产品和服务满意吗？', en: 'Overall, how satisfied are you with our products and services?' },
        required: true,
      },
      {
        key: 'nps',
        kind: 'nps',
        name: { 'zh-CN': '推荐意愿', en: 'Likelihood to recommend' },
        text: { 'zh-CN': '您有多大可能向同行或朋友推荐我们？', en: 'How likely are you to recommend us to a colleague or a friend?' },
        required: true,
      },
      {
        key: 'service',
        kind: 'rating',
        name: { 'zh-CN': '服务效果与质量', en: 'Service results and quality' },
        text: { 'zh-CN': '您对我们服务的效果和质量满意吗？', en: 'How satisfied are you with the results and the quality of our service?' },
        required: false,
      },
      {
        key: 'care',
        kind: 'rating',
        name: { 'zh-CN': '客户情况满意度', en: 'Understanding of your needs' },
        text: { 'zh-CN': '我们对贵单位情况和需求的了解与跟进，您满意吗？', en: "How satisfied are you with how well we know and follow up your organisation's situation and needs?" },
        required: false,
      },
      {
        key: 'competitive',
        kind: 'rating',
        name: { 'zh-CN': '竞争产品对比满意度', en: 'Compared with other suppliers' },
        text: { 'zh-CN': '与您使用或了解的同类产品相比，您对我们的产品满意吗？', en: 'Compared with similar products you use or know, how satisfied are you with ours?' },
        required: false,
      },
      {
        key: 'industry',
        kind: 'rating',
        name: { 'zh-CN': '行业动态信息', en: 'Industry information' },
        text: { 'zh-CN': '您对我们提供的行业动态和市场信息满意吗？', en: 'How satisfied are you with the industry and market information we share with you?' },
        required: false,
      },
      {
        key: 'comment',
        kind: 'comment',
        name: { 'zh-CN': '意见与建议', en: 'Comments' },
        text: { 'zh-CN': '您还有什么意见或建议吗？', en: 'Is there anything else you would like to tell us?' },
        required: false,
      },
    ],
  },
];

/** The version new invitations are sent with. */
export const CURRENT_QUESTION_SET = 1;

export function questionSet(version: number): QuestionSet | undefined {
  return QUESTION_SETS.find((s) => s.version === version);
}

/** The 1–5 items of a set (what item_scores holds), in their order. */
export const ratingKeys = (set: QuestionSet): string[] => set.questions.filter((q) => q.kind === 'rating').map((q) => q.key);

/** Every rating key any version ever asked, each once, in the order they first appeared. */
export function allRatingKeys(): string[] {
  return [...new Set(QUESTION_SETS.flatMap(ratingKeys))];
}

export interface SurveyAnswers {
  csat: number;
  nps: number;
  items: Record<string, number | null>;
  comment: string | null;
}

export type AnswerProblem = { path: string; problem: 'required' | 'unknownItem' | 'outOfRange' };

/**
 * What is wrong with answers to a set: a required item left out, an item the set does not ask, a score off
 * its scale (the request's schema already bounds csat, nps and the comment). Empty: they fit.
 */
export function answerProblems(set: QuestionSet, answers: { items?: Record<string, number | null> }): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const items = answers.items ?? {};
  const asked = new Map(set.questions.filter((q) => q.kind === 'rating').map((q) => [q.key, q]));
  for (const [key, v] of Object.entries(items)) {
    if (!asked.has(key)) out.push({ path: `items.${key}`, problem: 'unknownItem' });
    else if (v !== null && !(Number.isInteger(v) && v >= 1 && v <= 5)) out.push({ path: `items.${key}`, problem: 'outOfRange' });
  }
  for (const q of asked.values()) if (q.required && (items[q.key] === undefined || items[q.key] === null)) out.push({ path: `items.${q.key}`, problem: 'required' });
  return out;
}

// ---- scores ----

/** What the scores are computed from: counts and sums the database adds up. */
export interface ScoreCounts {
  answers: number;
  csatSum: number;
  /** answers with CSAT ≥ 4 */
  satisfied: number;
  /** NPS 9–10 */
  promoters: number;
  /** NPS 0–6 */
  detractors: number;
}

export interface Scores {
  answers: number;
  /** mean CSAT, 1–5, two decimals; null without answers */
  csat: number | null;
  /** 满意率: the share of answers with CSAT ≥ 4, in percent with one decimal; null without answers */
  satisfiedRate: number | null;
  /** promoters minus detractors, in points (−100…100) with one decimal; null without answers */
  nps: number | null;
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function scoresOf(c: ScoreCounts): Scores {
  if (c.answers <= 0) return { answers: 0, csat: null, satisfiedRate: null, nps: null };
  return {
    answers: c.answers,
    csat: round(c.csatSum / c.answers, 2),
    satisfiedRate: round((100 * c.satisfied) / c.answers, 1),
    nps: round((100 * (c.promoters - c.detractors)) / c.answers, 1),
  };
}

/** The counts of a list of answers (the rules' own reference for what the SQL adds up). */
export function countsOf(answers: readonly { csat: number; nps: number }[]): ScoreCounts {
  return {
    answers: answers.length,
    csatSum: answers.reduce((s, a) => s + a.csat, 0),
    satisfied: answers.filter((a) => a.csat >= SATISFIED_FROM).length,
    promoters: answers.filter((a) => a.nps >= PROMOTER_FROM).length,
    detractors: answers.filter((a) => a.nps <= DETRACTOR_TO).length,
  };
}

/** 回复率: answered ÷ sent, in percent with one decimal; null when none was sent. */
export function responseRate(answered: number, sent: number): number | null {
  return sent > 0 ? round((100 * answered) / sent, 1) : null;
}

/** Whether a 满意率 meets the department's target (percent); null (no answers) meets nothing. */
export function meetsTarget(satisfiedRate: number | null, target: number): boolean | null {
  return satisfiedRate === null ? null : satisfiedRate >= target;
}

// ---- states ----

export const INVITATION_STATUSES = ['pending', 'answered', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_REASONS = ['manual', 'ticket_closed', 'scheduled'] as const;
export type InvitationReason = (typeof INVITATION_REASONS)[number];

/** An invitation's state: answered and revoked stay; a pending one expires at its time. */
export function invitationStatus(i: { answeredAt: Date | string | null; revokedAt: Date | string | null; expiresAt: Date | string }, now: Date): InvitationStatus {
  if (i.answeredAt) return 'answered';
  if (i.revokedAt) return 'revoked';
  return new Date(i.expiresAt).getTime() > now.getTime() ? 'pending' : 'expired';
}

// ---- settings and the schedule ----

export const SURVEY_TIERS = ['heavy', 'large', 'smb'] as const;
export const SURVEY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type SurveyTier = (typeof SURVEY_TIERS)[number];
export type SurveyGrade = (typeof SURVEY_GRADES)[number];

/** How often (in months; null: not by this rule) an account is surveyed on the schedule; the strictest rule that asks wins. */
export interface SurveyCadence {
  tiers: Record<SurveyTier, number | null>;
  /** 战略 accounts (the category) */
  strategic: number | null;
  grades: Record<SurveyGrade, number | null>;
}

export interface SurveySettings {
  /** days a link stays valid after it is issued */
  expiryDays: number;
  /** the department's target 满意率 in percent */
  targetSatisfiedRate: number;
  cadence: SurveyCadence;
  /** the lifecycle stages the schedule surveys (customers, not prospects or lost ones) */
  lifecycles: SurveyLifecycle[];
  /** at most this many scheduled invitations a day, the longest unsurveyed first (a first run spreads over days) */
  maxPerRun: number;
}

export const SURVEY_LIFECYCLES = ['prospect', 'developing', 'active', 'maintaining', 'at_risk', 'lost', 'recovered'] as const;
export type SurveyLifecycle = (typeof SURVEY_LIFECYCLES)[number];

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  expiryDays: 14,
  targetSatisfiedRate: 90,
  cadence: { tiers: { heavy: 6, large: 6, smb: 6 }, strategic: 3, grades: { A: 3, B: null, C: null, D: null } },
  lifecycles: ['active', 'maintaining', 'at_risk', 'recovered'],
  maxPerRun: 200,
};

export const SURVEY_LIMITS = { expiryDays: { min: 1, max: 90 }, months: { min: 1, max: 36 }, maxPerRun: { min: 1, max: 5000 } } as const;

/** Reads stored settings, keeping the defaults for anything missing or malformed. */
export function readSurveySettings(stored: unknown): SurveySettings {
  const d = DEFAULT_SURVEY_SETTINGS;
  const v = (stored ?? {}) as Partial<Record<keyof SurveySettings, unknown>>;
  const c = (v.cadence ?? {}) as { tiers?: Record<string, unknown>; strategic?: unknown; grades?: Record<string, unknown> };
  const int = (x: unknown, min: number, max: number, fallback: number) => (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max ? x : fallback);
  const isMonths = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= SURVEY_LIMITS.months.min && x <= SURVEY_LIMITS.months.max;
  const months = (x: unknown, fallback: number | null) => (x === null ? null : isMonths(x) ? x : fallback);
  const lifecycles = Array.isArray(v.lifecycles) ? v.lifecycles.filter((x): x is SurveyLifecycle => (SURVEY_LIFECYCLES as readonly unknown[]).includes(x)) : d.lifecycles;
  return {
    expiryDays: int(v.expiryDays, SURVEY_LIMITS.expiryDays.min, SURVEY_LIMITS.expiryDays.max, d.expiryDays),
    targetSatisfiedRate: typeof v.targetSatisfiedRate === 'number' && v.targetSatisfiedRate >= 0 && v.targetSatisfiedRate <= 100 ? v.targetSatisfiedRate : d.targetSatisfiedRate,
    cadence: {
      tiers: Object.fromEntries(SURVEY_TIERS.map((k) => [k, months(c.tiers?.[k], d.cadence.tiers[k])])) as SurveyCadence['tiers'],
      strategic: months(c.strategic, d.cadence.strategic),
      grades: Object.fromEntries(SURVEY_GRADES.map((k) => [k, months(c.grades?.[k], d.cadence.grades[k])])) as SurveyCadence['grades'],
    },
    lifecycles: [...new Set(lifecycles)],
    maxPerRun: int(v.maxPerRun, SURVEY_LIMITS.maxPerRun.min, SURVEY_LIMITS.maxPerRun.max, d.maxPerRun),
  };
}

/** An account's survey cadence in months: the strictest (smallest) of its tier's, 战略's and its grade's; null when none asks. */
export function cadenceMonths(c: SurveyCadence, account: { tier: string; strategic: boolean; grade: string | null }): number | null {
  const candidates = [(c.tiers as Record<string, number | null>)[account.tier], account.strategic ? c.strategic : null, account.grade ? (c.grades as Record<string, number | null>)[account.grade] : null];
  const asked = candidates.filter((m): m is number => typeof m === 'number' && m > 0);
  return asked.length ? Math.min(...asked) : null;
}

/** The smallest cadence any rule asks for (the schedule's first filter in SQL); null when none asks. */
export function shortestCadence(c: SurveyCadence): number | null {
  const all = [...Object.values(c.tiers), c.strategic, ...Object.values(c.grades)].filter((m): m is number => typeof m === 'number' && m > 0);
  return all.length ? Math.min(...all) : null;
}

/** `date` ('YYYY-MM-DD') plus whole months, the day clamped to the month's end (01-31 + 1 month = 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * Whether an account is due for a scheduled survey on `today` (business dates): never invited, or its last
 * invitation (revoked ones do not count) was sent on a day at least `months` before today.
 */
export function surveyDue(months: number | null, lastInvitedOn: string | null, today: string): boolean {
  if (months === null) return false;
  return lastInvitedOn === null || addMonths(lastInvitedOn, months) <= today;
}
