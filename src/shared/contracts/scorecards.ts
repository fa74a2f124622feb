import { z } from 'zod';

/**
 * 考核表 (SPEC PERF-3, issue 16 item 3): a scorecard's rule set — its items, each with its points or weight, the
 * formula that turns an input into points, and who fills it. An admin may change a rule set (the defaults are
 * the seeds' forms, DEFAULT_RULE_SETS in src/shared/domain/scorecards.ts); a card keeps the rule set it was
 * opened with. Item names and the readings of the seeds' wording are in the scorecards locale under
 * `items.<key>.{name,reading}`.
 *
 * Every item has `points`, its full marks as the form prints them (the card's full marks are their sum).
 * Item kinds:
 *  - step       a KPI percent against a base: `start` points at the base (sales completion: 25 at 100 %),
 *               ±perStep per whole step of `step` % away from it, within [min, max]
 *  - count      a count (new accounts): perUnit each up to `points`, minus `shortfall.penalty` when fewer
 *               than `shortfall.below`; not under `min`
 *  - ratio      a KPI percent × weight (the specialist's monthly form): points = weight × min(value, cap) ÷ 100
 *  - threshold  a KPI percent scored by bands (the director's quarterly form): the first band the value
 *               reaches (better: higher) or stays within (better: lower) gives its points
 *  - tiers      a count deducted by tiers (attendance: late 1–3 times −1, 4–6 −2; beyond the last tier the
 *               whole item) plus `perAbsentDay` for each day short of full attendance; not under 0
 *  - per        a count deducted per occurrence (conduct −2 per violation, service −5 per valid complaint),
 *               not under `min` (null: no floor — each occurrence costs its points of the total)
 *  - judgment   entered by the evaluator with a comment: 0..points in steps of `stepOf`
 */
export const SCORECARD_KINDS = ['account_manager', 'specialist', 'director'] as const;
export type ScorecardKind = (typeof SCORECARD_KINDS)[number];

/** Who fills an item: computed from the KPI library, imported attendance, or the evaluator's judgment. */
export const ITEM_SOURCES = ['kpi', 'attendance', 'evaluator'] as const;

/** The inputs a computed or entered item reads. */
export const ITEM_INPUTS = [
  'sales_completion',
  'sales_growth',
  'new_accounts',
  'visit_plan_execution',
  'dev_plan_completion',
  'deal_plan_completion',
  'archive_completeness',
  'churn_rate',
  'new_account_rate',
  'valid_complaints',
  'late_times',
  'absent_days',
  'violations',
] as const;
export type ItemInput = (typeof ITEM_INPUTS)[number];

const points = z.number().min(0).max(100);
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const scoreRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), input: z.enum(ITEM_INPUTS), points, start: z.number(), base: z.number(), step: z.number().positive(), perStep: z.number().positive(), min: z.number(), max: z.number() }),
  z.object({ kind: z.literal('count'), input: z.enum(ITEM_INPUTS), points, perUnit: z.number().positive(), shortfall: z.object({ below: z.number().int().min(0), penalty: z.number().min(0) }).nullable(), min: z.number() }),
  z.object({ kind: z.literal('ratio'), input: z.enum(ITEM_INPUTS), points, cap: z.number().positive() }),
  z.object({
    kind: z.literal('threshold'),
    input: z.enum(ITEM_INPUTS),
    points,
    better: z.enum(['higher', 'lower']),
    bands: z.array(z.object({ at: z.number(), points: z.number().min(0) })).min(1).max(10),
  }),
  z.object({
    kind: z.literal('tiers'),
    input: z.enum(ITEM_INPUTS),
    points,
    tiers: z.array(z.object({ upTo: z.number().int().min(1), deduct: z.number().min(0) })).min(1).max(10),
    absentInput: z.enum(ITEM_INPUTS).nullable(),
    perAbsentDay: z.number().min(0),
  }),
  z.object({ kind: z.literal('per'), input: z.enum(ITEM_INPUTS), points, per: z.number().positive(), min: z.number().nullable() }),
  z.object({ kind: z.literal('judgment'), points, stepOf: z.number().positive() }),
]);
export type ScoreRule = z.infer<typeof scoreRule>;

export const scoreItemDef = z.object({
  key,
  source: z.enum(ITEM_SOURCES),
  rule: scoreRule,
});
export type ScoreItemDef = z.infer<typeof scoreItemDef>;

export const ruleSet = z.object({
  kind: z.enum(SCORECARD_KINDS),
  /** month or quarter */
  cycle: z.enum(['month', 'quarter']),
  /** a total under it raises a warning (口头警告) */
  threshold: z.number().min(0).max(100),
  items: z.array(scoreItemDef).min(1).max(30),
});
export type RuleSet = z.infer<typeof ruleSet>;
