/**
 * The account development pipeline of seed 003 §3.2 (客户开发流程管理方案 / 客户开发具体步骤与方法):
 * five stages, each with its work items (阶段工作内容), the company support it names (公司支持方面)
 * and who takes part (参与人员 / 公司介入度); the seven factors of the stage-3 value assessment and
 * the grading that follows from them. Pure data and functions: the server gates and grades with
 * them, the web previews with the same code.
 */

export const STAGES = [1, 2, 3, 4, 5] as const;
export type Stage = (typeof STAGES)[number];

/** open: being worked; the rest are closed states, `paused` can be resumed. */
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned', 'paused'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const CLOSED_STATUSES = ['won', 'lost', 'abandoned'] as const satisfies readonly OpportunityStatus[];

/** 参与人员: 客户经理 / 客户总监 / 公司高层 */
export const PARTICIPANT_PARTS = ['account_manager', 'ka_director', 'senior'] as const;
export type ParticipantPart = (typeof PARTICIPANT_PARTS)[number];

/**
 * Checklist items per stage, in the seed's order. `auto` items are met by the system:
 * `assessment` when a value assessment with a grade A–D exists, `plan_approved` when the
 * development plan is approved, `participant_*` when a participant of that part is named.
 */
export const STAGE_ITEMS = {
  1: ['potential_need', 'initial_contact', 'chance_judged'],
  2: ['insider_found', 'decision_maker_profile', 'procurement_process', 'demo_given', 'current_suppliers', 'decision_cycle', 'competitor_info', 'customer_operations'],
  3: ['deal_possibility', 'deal_difficulty', 'assessment', 'plan_designed', 'plan_approved', 'participant_ka_director'],
  4: ['entry_point', 'deep_communication', 'decision_simulation', 'senior_involved', 'image_presented', 'participant_senior'],
  5: ['strengths_presented', 'site_visit', 'concerns_resolved', 'contract_signed'],
} as const satisfies Record<Stage, readonly string[]>;
export type ChecklistItem = (typeof STAGE_ITEMS)[Stage][number];
export const ALL_CHECKLIST_ITEMS: readonly ChecklistItem[] = STAGES.flatMap((s) => STAGE_ITEMS[s]);

export const AUTO_ITEMS = ['assessment', 'plan_approved', 'participant_ka_director', 'participant_senior'] as const satisfies readonly ChecklistItem[];
export type AutoItem = (typeof AUTO_ITEMS)[number];
export function isAutoItem(item: string): item is AutoItem {
  return (AUTO_ITEMS as readonly string[]).includes(item);
}

/** 公司支持方面 per stage, as the seed's table names it. */
export const STAGE_SUPPORT = {
  1: ['product_material'],
  2: ['insider_budget', 'demo', 'technical_support'],
  3: ['director_assessment', 'investment_decision'],
  4: ['quotation', 'senior_involvement', 'relationship_budget', 'tailored_proposal'],
  5: ['site_visit', 'contract_signing'],
} as const satisfies Record<Stage, readonly string[]>;
export type SupportItem = (typeof STAGE_SUPPORT)[Stage][number];
export const ALL_SUPPORT_ITEMS: readonly SupportItem[] = STAGES.flatMap((s) => STAGE_SUPPORT[s]);

/** 参与人员 / 公司介入度 per stage. */
export const STAGE_PARTS: Record<Stage, readonly ParticipantPart[]> = {
  1: ['account_manager'],
  2: ['account_manager'],
  3: ['account_manager', 'ka_director'],
  4: ['account_manager', 'ka_director', 'senior'],
  5: ['account_manager', 'ka_director', 'senior'],
};

/** 客户采购流程 (seed 003 §3.2.3 (四)2(4)): a–f. */
export const PROCUREMENT_STEPS = ['need', 'survey', 'criteria', 'tender', 'inspection', 'agreement'] as const;
export type ProcurementStep = (typeof PROCUREMENT_STEPS)[number];

/** Roles a contact plays on this deal; the decision chain is covered when each has someone. */
export const DEAL_ROLES = ['decision_maker', 'buyer', 'user', 'influencer', 'insider'] as const;
export type DealRole = (typeof DEAL_ROLES)[number];

/** Why a project was won, lost or abandoned — the analysable part; a note says the rest. */
export const WIN_REASONS = ['relationship', 'price', 'product', 'service', 'solution', 'brand', 'other'] as const;
export const LOSS_REASONS = ['price', 'relationship', 'product', 'competitor_incumbent', 'no_budget', 'need_gone', 'timing', 'other'] as const;
export const ABANDON_REASONS = ['low_value', 'too_difficult', 'payment_risk', 'no_capacity', 'need_gone', 'other'] as const;
export const CLOSE_REASONS = [...new Set([...WIN_REASONS, ...LOSS_REASONS, ...ABANDON_REASONS])] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const REASONS_FOR: Record<(typeof CLOSED_STATUSES)[number], readonly string[]> = { won: WIN_REASONS, lost: LOSS_REASONS, abandoned: ABANDON_REASONS };

/** 赢得竞争优势 (seed 003 §3.2.2 二.3): the six kinds of advantage a plan claims. */
export const PLAN_ADVANTAGES = ['revenue', 'efficiency', 'solution', 'cost', 'waste', 'intangible'] as const;
export type PlanAdvantage = (typeof PLAN_ADVANTAGES)[number];

/** 价值评估 — the seven factors of seed 003 §3.2.3 (五)2(2) A–G. */
export const ASSESSMENT_FACTORS = ['share', 'effort', 'deal_risk', 'business_value', 'payment_risk', 'supply_capacity', 'difficulty'] as const;
export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number];

/**
 * Each factor is scored 1–5 as the form reads it (share: 1 small … 5 large; deal risk: 1 low …
 * 5 high). `value` factors raise the deal's value; `difficulty` factors raise its difficulty,
 * except `supply_capacity`, whose high score (we can supply well) lowers it — `inverse`.
 */
export const FACTOR_DIMENSION: Record<AssessmentFactor, { dimension: 'value' | 'difficulty'; inverse: boolean }> = {
  share: { dimension: 'value', inverse: false },
  effort: { dimension: 'difficulty', inverse: false },
  deal_risk: { dimension: 'difficulty', inverse: false },
  business_value: { dimension: 'value', inverse: false },
  payment_risk: { dimension: 'difficulty', inverse: false },
  supply_capacity: { dimension: 'difficulty', inverse: true },
  difficulty: { dimension: 'difficulty', inverse: false },
};

export const ASSESSMENT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];
/** A–D, or 放弃/降低接触量 (low value, high difficulty), or 继续收集信息 (information insufficient). */
export const ASSESSMENT_OUTCOMES = ['A', 'B', 'C', 'D', 'abandon', 'collect'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

export interface GradingThresholds {
  /** value ≥ this (0–100) is high */
  valueHigh: number;
  /** value < this is low; between the two is medium */
  valueLow: number;
  /** difficulty ≥ this (0–100) is high */
  difficultyHigh: number;
}

export interface PipelineSettings {
  /** per stage (1–4: the gate to leave it; 5: the gate to close as won) the items that must be met */
  gates: Record<Stage, ChecklistItem[]>;
  /** weight of each factor within its dimension, 0–10 (0 leaves it out) */
  weights: Record<AssessmentFactor, number>;
  thresholds: GradingThresholds;
  /** win probability (0–100) of an open project per stage, for the weighted pipeline */
  probabilities: Record<Stage, number>;
  /** days in a stage after which a project counts as stalled (ageing) */
  ageingDays: Record<Stage, number>;
}

/** What a fresh system starts with: every seed item gates its stage. */
export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  gates: {
    1: ['potential_need', 'initial_contact', 'chance_judged'],
    2: ['insider_found', 'decision_maker_profile', 'procurement_process', 'demo_given', 'current_suppliers', 'decision_cycle', 'competitor_info', 'customer_operations'],
    3: ['assessment', 'plan_approved', 'participant_ka_director'],
    4: ['entry_point', 'deep_communication', 'decision_simulation', 'senior_involved', 'participant_senior'],
    5: ['site_visit', 'contract_signed'],
  },
  weights: { share: 3, effort: 2, deal_risk: 3, business_value: 3, payment_risk: 2, supply_capacity: 2, difficulty: 2 },
  thresholds: { valueHigh: 70, valueLow: 40, difficultyHigh: 60 },
  probabilities: { 1: 10, 2: 20, 3: 40, 4: 60, 5: 80 },
  ageingDays: { 1: 30, 2: 45, 3: 30, 4: 60, 5: 30 },
};

export type FactorScores = Partial<Record<AssessmentFactor, number | null>>;

/**
 * Every one of the seven factors, unscored ones as null. An assessment may leave factors open —
 * the seed's 信息不足，继续收集信息 (§3.2.3 (五)2(5)) is an outcome, not an error — so this is the
 * shape an assessment is stored and read in, whatever wrote it.
 */
export function allFactorScores(scores: FactorScores | null | undefined): Record<AssessmentFactor, number | null> {
  return Object.fromEntries(ASSESSMENT_FACTORS.map((f) => [f, scores?.[f] ?? null])) as Record<AssessmentFactor, number | null>;
}

export interface AssessmentResult {
  /** 0–100, null when the value factors are not all scored */
  value: number | null;
  /** 0–100, null when the difficulty factors are not all scored */
  difficulty: number | null;
  outcome: AssessmentOutcome;
}

/** A score 1–5 as 0–100. */
const pct = (score: number) => ((score - 1) / 4) * 100;

function dimensionScore(scores: FactorScores, weights: Record<AssessmentFactor, number>, dimension: 'value' | 'difficulty'): number | null {
  let sum = 0;
  let total = 0;
  for (const f of ASSESSMENT_FACTORS) {
    const def = FACTOR_DIMENSION[f];
    const w = weights[f];
    if (def.dimension !== dimension || w <= 0) continue;
    const s = scores[f];
    if (s === null || s === undefined) return null;
    sum += w * pct(def.inverse ? 6 - s : s);
    total += w;
  }
  if (total === 0) return null;
  return Math.round((sum / total) * 10) / 10;
}

/**
 * The seed's grading (§3.2.3 (五)2(3)–(5)):
 * - information insufficient (a weighted factor unscored, or the assessor says so) → collect;
 * - high value: A when difficulty is low, B (控制投入) when high;
 * - medium value: B when difficulty is low, C (关注变化) when high;
 * - low value: D (暂缓观察) when difficulty is low, abandon / reduce contact when high.
 */
export function gradeAssessment(scores: FactorScores, settings: Pick<PipelineSettings, 'weights' | 'thresholds'>, informationSufficient = true): AssessmentResult {
  const value = dimensionScore(scores, settings.weights, 'value');
  const difficulty = dimensionScore(scores, settings.weights, 'difficulty');
  if (!informationSufficient || value === null || difficulty === null) return { value, difficulty, outcome: 'collect' };
  const t = settings.thresholds;
  const hard = difficulty >= t.difficultyHigh;
  let outcome: AssessmentOutcome;
  if (value >= t.valueHigh) outcome = hard ? 'B' : 'A';
  else if (value >= t.valueLow) outcome = hard ? 'C' : 'B';
  else outcome = hard ? 'abandon' : 'D';
  return { value, difficulty, outcome };
}

export function isGrade(outcome: AssessmentOutcome | null | undefined): outcome is AssessmentGrade {
  return outcome !== null && outcome !== undefined && (ASSESSMENT_GRADES as readonly string[]).includes(outcome);
}

/** The facts an auto item is read from. */
export interface AutoFacts {
  assessmentOutcome: AssessmentOutcome | null;
  planStatus: PlanStatus | null;
  parts: readonly ParticipantPart[];
}

export const PLAN_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Whether one checklist item is met: auto items from the facts, the rest from the ticks. */
export function itemMet(item: ChecklistItem, ticked: ReadonlySet<string>, facts: AutoFacts): boolean {
  switch (item) {
    case 'assessment':
      return isGrade(facts.assessmentOutcome);
    case 'plan_approved':
      return facts.planStatus === 'approved';
    case 'plan_designed':
      return ticked.has(item) || (facts.planStatus !== null && facts.planStatus !== 'withdrawn');
    case 'participant_ka_director':
      return facts.parts.includes('ka_director');
    case 'participant_senior':
      return facts.parts.includes('senior');
    default:
      return ticked.has(item);
  }
}

/** The gate's items that are not met, in the gate's order; empty means the gate is open. */
export function missingForGate(stage: Stage, gates: PipelineSettings['gates'], ticked: ReadonlySet<string>, facts: AutoFacts): ChecklistItem[] {
  return gates[stage].filter((item) => !itemMet(item, ticked, facts));
}

/** Weighted value of an open project: expected value × the stage's probability, in fen. */
export function weightedValue(expectedValue: number, stage: Stage, probabilities: PipelineSettings['probabilities']): number {
  return Math.round((expectedValue * probabilities[stage]) / 100);
}
