import { z } from 'zod';
import { fen, isoDateTime } from './common';

/**
 * The portfolio quadrant of seed 004 (分析评估关键客户, SPEC ACC-4): how attractive the account
 * is × how strong our position there is → 明星 star / 问题 question / 金牛 cash cow / 瘦狗 dog,
 * each with its service policy. Both axes are 0–100, a weighted mean of factor scores; a factor
 * whose input is unknown (e.g. no size figures) is left out and the other weights count fully.
 */

/** 明星 / 问题 / 金牛 / 瘦狗 */
export const QUADRANTS = ['star', 'question', 'cash_cow', 'dog'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** How much service an account of the quadrant gets: 尊享 / 重点 / 标准 / 基础 */
export const SERVICE_LEVELS = ['premium', 'high', 'standard', 'basic'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/**
 * Attractiveness of the account: its size (annual sales, registered capital, employees against
 * reference figures), tier, position in its industry, value category and the trend of its
 * revenue with us.
 */
export const ATTRACTIVENESS_FACTORS = ['size', 'tier', 'industryPosition', 'category', 'trend'] as const;
/**
 * Strength of our position: our revenue with them, relationship coverage (REL-5), where their
 * decision makers stand with us (stage and support), and the lifecycle stage.
 */
export const STRENGTH_FACTORS = ['revenue', 'coverage', 'decisionMakers', 'lifecycle'] as const;
export type AttractivenessFactor = (typeof ATTRACTIVENESS_FACTORS)[number];
export type StrengthFactor = (typeof STRENGTH_FACTORS)[number];
export type QuadrantFactorName = AttractivenessFactor | StrengthFactor;

const weight = z.number().int().min(0).max(100);
const someWeight = (w: Record<string, number>) => Object.values(w).some((v) => v > 0);

export const quadrantPolicy = z.object({
  /** how often the account should be visited; the visits feature plans by it */
  visitIntervalDays: z.number().int().min(1).max(365),
  serviceLevel: z.enum(SERVICE_LEVELS),
  /** the department's own guidance; empty → the seed's guidance for the quadrant (shown translated) */
  guidance: z.string().trim().max(1000),
});
export type QuadrantPolicy = z.infer<typeof quadrantPolicy>;

/** Admin settings (account:configure), stored under accounts.quadrant. */
export const quadrantSettings = z.object({
  attractivenessWeights: z.record(z.enum(ATTRACTIVENESS_FACTORS), weight).refine(someWeight, 'at least one weight above 0'),
  strengthWeights: z.record(z.enum(STRENGTH_FACTORS), weight).refine(someWeight, 'at least one weight above 0'),
  /** an axis score at or above its split counts as high */
  split: z.object({ attractiveness: z.number().int().min(1).max(99), strength: z.number().int().min(1).max(99) }),
  /** size figures that score 100 (a smaller account scores its share) */
  sizeReference: z.object({
    annualSales: fen.refine((v) => v > 0, 'above 0'),
    registeredCapital: fen.refine((v) => v > 0, 'above 0'),
    employees: z.number().int().min(1).max(100_000_000),
  }),
  /** year-on-year revenue change (percent) that scores the trend 100 (growth) or 0 (the same decline) */
  trendRangePct: z.number().int().min(1).max(1000),
  /** our revenue over the tier window (classification.largeRevenueYears) that scores 100 */
  revenueReference: fen.refine((v) => v > 0, 'above 0'),
  policies: z.object({ star: quadrantPolicy, question: quadrantPolicy, cash_cow: quadrantPolicy, dog: quadrantPolicy }),
});
export type QuadrantSettings = z.infer<typeof quadrantSettings>;

/** One factor of the breakdown: its score (null: input unknown, not counted), weight and what it read. */
export const quadrantFactor = z.object({
  axis: z.enum(['attractiveness', 'strength']),
  factor: z.enum([...ATTRACTIVENESS_FACTORS, ...STRENGTH_FACTORS]),
  weight: z.number().int(),
  score: z.number().int().nullable(),
  /** the inputs, for the explanation (e.g. { position: 'leading' } or { amount, reference }) */
  basis: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type QuadrantFactor = z.infer<typeof quadrantFactor>;

export const quadrantView = z.object({
  accountId: z.number(),
  /** effective: the director's override when set, otherwise the computed one */
  quadrant: z.enum(QUADRANTS),
  computed: z.enum(QUADRANTS),
  override: z
    .object({ quadrant: z.enum(QUADRANTS), reason: z.string(), byId: z.number().nullable(), byName: z.string().nullable(), at: isoDateTime.nullable() })
    .nullable(),
  attractiveness: z.number().int(),
  strength: z.number().int(),
  split: z.object({ attractiveness: z.number().int(), strength: z.number().int() }),
  factors: z.array(quadrantFactor),
  /** the policy of the effective quadrant */
  policy: quadrantPolicy,
  computedAt: isoDateTime.nullable(),
  version: z.number(),
});
export type QuadrantView = z.infer<typeof quadrantView>;

/** The director's override (account:assign); quadrant null clears it. Kept until cleared. */
export const quadrantOverride = z.object({
  quadrant: z.enum(QUADRANTS).nullable(),
  reason: z.string().trim().min(1).max(1000),
  version: z.number().int().positive(),
});

export const quadrantDistribution = z.object({ counts: z.object({ star: z.number(), question: z.number(), cash_cow: z.number(), dog: z.number() }), total: z.number() });
export type QuadrantDistribution = z.infer<typeof quadrantDistribution>;
