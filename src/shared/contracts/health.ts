import { z } from 'zod';
import { ACCOUNT_TIERS } from './accounts';
import { isoDateTime, isoDateTimeNullable, paged } from './common';
import { HEALTH_BANDS, HEALTH_MEASURES, type HealthSettings } from '../domain/health';

/**
 * 客户健康度 (SPEC SVC-3, issue 15 items 5–6): the score of an account, why, and the accounts at risk.
 *
 *   GET  /api/accounts/:id/health   → accountHealth (account:read, in scope; 404 outside it)
 *   GET  /api/health/at-risk        atRiskQuery → atRiskPage (health:read; the caller's accounts)
 *   GET  /api/health/settings       → healthSettingsView (health:read)
 *   PUT  /api/health/settings       healthSettingsUpdate → healthSettingsView (health:configure; recomputes all)
 *   POST /api/health/recompute      → 202 the queued full recompute (health:configure), GET → the latest run
 */

const measure = z.enum(HEALTH_MEASURES);
const band = z.enum(HEALTH_BANDS);

export const measureResult = z.object({
  measure,
  raw: z.number(),
  score: z.number(),
  weight: z.number(),
  contribution: z.number(),
  lost: z.number(),
  detail: z.record(z.string(), z.number()).optional(),
});

export const healthChange = z.object({ measure, from: z.number().nullable(), to: z.number().nullable(), rawFrom: z.number().nullable(), rawTo: z.number().nullable() });

export const accountHealth = z.object({
  accountId: z.number().int(),
  /** null before the first recompute, or with no measure that has data */
  score: z.number().int().nullable(),
  band: band.nullable(),
  /** a group's roll-up over itself and its subsidiaries (null for an account without subsidiaries) */
  groupScore: z.number().int().nullable(),
  tier: z.enum(ACCOUNT_TIERS).nullable(),
  computedAt: isoDateTimeNullable,
  bandSince: isoDateTimeNullable,
  measures: z.array(measureResult),
  dropped: z.array(measure),
  /** the measures that cost most, worst first (at most three, each at least a point) */
  drivers: z.array(measureResult),
  /** against the health of a week ago (null: no record that old) */
  lastWeek: z.object({ at: isoDateTime, score: z.number().int().nullable(), band: band.nullable(), changes: z.array(healthChange) }).nullable(),
  /** the last 180 days' scores, oldest first (one point per change) */
  history: z.array(z.object({ at: isoDateTime, score: z.number().int().nullable(), band: band.nullable() })),
});
export type AccountHealth = z.infer<typeof accountHealth>;
export type MeasureResultOut = z.infer<typeof measureResult>;

export const AT_RISK_SORTS = ['revenue', 'score'] as const;
const bandList = z
  .string()
  .max(40)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(band).min(1));
export const atRiskQuery = z.object({
  band: bandList.default(['red']),
  sort: z.enum(AT_RISK_SORTS).default('revenue'),
  ownerId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AtRiskQuery = z.infer<typeof atRiskQuery>;

export const atRiskItem = z.object({
  accountId: z.number().int(),
  name: z.string(),
  tier: z.enum(ACCOUNT_TIERS),
  lifecycle: z.string(),
  owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  score: z.number().int(),
  band,
  groupScore: z.number().int().nullable(),
  /** the year's revenue (fen): what is at risk */
  revenue: z.number(),
  drivers: z.array(measureResult),
  bandSince: isoDateTime,
  computedAt: isoDateTime,
});
export type AtRiskItem = z.infer<typeof atRiskItem>;
export const atRiskPage = paged(atRiskItem).extend({ bands: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }) });
export type AtRiskPage = z.infer<typeof atRiskPage>;

const rule = z.object({ weight: z.number().int().min(0).max(100), good: z.number().min(-1000).max(100_000), bad: z.number().min(-1000).max(100_000) });
const profile = z.object(Object.fromEntries(HEALTH_MEASURES.map((m) => [m, rule])) as Record<(typeof HEALTH_MEASURES)[number], typeof rule>);
export const healthSettings: z.ZodType<HealthSettings> = z.object({
  profiles: z.object({ heavy: profile, large: profile, smb: profile }),
  bands: z.object({ green: z.number().int().min(1).max(100), yellow: z.number().int().min(0).max(99) }),
});
export const healthSettingsView = z.object({ settings: healthSettings, version: z.number().int(), updatedAt: isoDateTimeNullable });
export type HealthSettingsView = z.infer<typeof healthSettingsView>;
export const healthSettingsUpdate = z.object({
  profiles: z.object({ heavy: profile, large: profile, smb: profile }),
  bands: z.object({ green: z.number().int().min(1).max(100), yellow: z.number().int().min(0).max(99) }),
  version: z.number().int().min(0),
});
export type HealthSettingsUpdate = z.infer<typeof healthSettingsUpdate>;
