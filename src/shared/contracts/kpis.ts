import { z } from 'zod';
import { TARGET_METRICS } from './targets';

/**
 * KPI 库 (SPEC PERF-2, issue 16 item 2) — first part: target attainment (目标达成) of a unit and its rows for a
 * metric and a period, against the share of the period elapsed in working days, with the pace forecast.
 *
 *   GET /api/kpis/attainment?unitId=&metric=&period=   → attainment
 *
 * period: `2026-12`, `2026-Q4`, `2026-H2`, `2026` or `2026-03..2026-08` (whole months of one year; default the
 * current month). unitId: default the caller's unit. Targets are the approved (locked) plan's base, stretch and
 * challenge over the period's months; a plan not yet approved counts as none. Actuals come from confirmed or
 * approved records only (see each metric's definition: KPI_DEFINITIONS). Who: target:read over the unit
 * (own scope: the total and one's own row).
 */
export const ATTAINMENT_STATUSES = ['met', 'on_track', 'behind', 'no_target'] as const;

/** How each metric is computed, as the page's "how this is computed" says it (the words are in the kpis locale). */
export const KPI_DEFINITIONS = {
  sales: { formula: 'kpis:defs.sales.formula', source: 'kpis:defs.sales.source', date: 'kpis:defs.sales.date' },
  collections: { formula: 'kpis:defs.collections.formula', source: 'kpis:defs.collections.source', date: 'kpis:defs.collections.date' },
  new_accounts: { formula: 'kpis:defs.new_accounts.formula', source: 'kpis:defs.new_accounts.source', date: 'kpis:defs.new_accounts.date' },
  visits: { formula: 'kpis:defs.visits.formula', source: 'kpis:defs.visits.source', date: 'kpis:defs.visits.date' },
  projects_won: { formula: 'kpis:defs.projects_won.formula', source: 'kpis:defs.projects_won.source', date: 'kpis:defs.projects_won.date' },
} as const satisfies Record<(typeof TARGET_METRICS)[number], { formula: string; source: string; date: string }>;

export const attainmentQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  metric: z.enum(TARGET_METRICS).default('sales'),
  period: z.string().trim().max(20).optional(),
});
export type AttainmentQuery = z.input<typeof attainmentQuery>;

const levels = z.object({ base: z.number(), stretch: z.number(), challenge: z.number() });

export const attainmentRow = z.object({
  kind: z.enum(['unit', 'user']),
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['total', 'child']),
  position: z.string().nullable(),
  /** the period's targets (sums of its months; an unset stretch or challenge is the level below) */
  target: levels,
  actual: z.number(),
  /** actual ÷ base target (null without a target) */
  completion: z.number().nullable(),
  /** the base target × the elapsed share */
  expected: z.number(),
  /** actual ÷ elapsed share: where the period ends at this pace (null before its first working day) */
  forecast: z.number().nullable(),
  status: z.enum(ATTAINMENT_STATUSES),
  /** each month of the period: target (base) and actual */
  months: z.array(z.object({ month: z.number().int(), target: z.number(), actual: z.number() })),
});
export type AttainmentRow = z.infer<typeof attainmentRow>;

export const attainment = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  metric: z.enum(TARGET_METRICS),
  period: z.object({ key: z.string(), from: z.string(), to: z.string(), months: z.array(z.number().int()) }),
  today: z.string(),
  elapsed: z.object({ workingDays: z.number().int(), totalWorkingDays: z.number().int(), share: z.number() }),
  /** the unit's plan for the year, if any (a plan not approved gives no targets) */
  plan: z.object({ id: z.number().int(), status: z.string() }).nullable(),
  rows: z.array(attainmentRow),
});
export type Attainment = z.infer<typeof attainment>;

// ---- the KPI library (seed 003 §2.1) ----

/**
 * The KPIs of PERF-2. Each is a numerator over a denominator summed over the subject's records of the period
 * (a person: the records they own or answer for; a unit: the records of its subtree), confirmed or approved
 * records only. `unit`: percent (numerator ÷ denominator × 100), amount (fen) or count (the numerator).
 * `better`: which way is good. `metric`: the target metric whose approved target it is measured against.
 * Its name, formula, data source and date rule are in the kpis locale under `library.<key>`.
 */
export const KPI_LIBRARY = {
  sales: { unit: 'amount', better: 'higher', metric: 'sales' },
  sales_completion: { unit: 'percent', better: 'higher', metric: 'sales' },
  sales_growth: { unit: 'percent', better: 'higher', metric: null },
  collections: { unit: 'amount', better: 'higher', metric: 'collections' },
  collection_rate: { unit: 'percent', better: 'higher', metric: null },
  settlement_rate: { unit: 'percent', better: 'higher', metric: null },
  new_accounts: { unit: 'count', better: 'higher', metric: 'new_accounts' },
  new_account_rate: { unit: 'percent', better: 'higher', metric: null },
  churn_rate: { unit: 'percent', better: 'lower', metric: null },
  visits: { unit: 'count', better: 'higher', metric: 'visits' },
  visit_plan_execution: { unit: 'percent', better: 'higher', metric: null },
  dev_plan_completion: { unit: 'percent', better: 'higher', metric: null },
  deal_plan_completion: { unit: 'percent', better: 'higher', metric: null },
  projects_won: { unit: 'count', better: 'higher', metric: 'projects_won' },
  valid_info_rate: { unit: 'percent', better: 'higher', metric: null },
  long_term_agreements: { unit: 'count', better: 'higher', metric: null },
  valid_complaints: { unit: 'count', better: 'lower', metric: null },
  expense_control: { unit: 'percent', better: 'lower', metric: null },
  archive_completeness: { unit: 'percent', better: 'higher', metric: null },
  archive_timeliness: { unit: 'percent', better: 'higher', metric: null },
} as const satisfies Record<string, { unit: 'percent' | 'amount' | 'count'; better: 'higher' | 'lower'; metric: (typeof TARGET_METRICS)[number] | null }>;
export type KpiKey = keyof typeof KPI_LIBRARY;
export const KPI_KEYS = Object.keys(KPI_LIBRARY) as KpiKey[];

const subjectRe = /^(user|unit):([1-9][0-9]{0,14})$/;
export const kpiSetQuery = z.object({
  /** `user:<id>` or `unit:<id>`; default the caller */
  subject: z.string().trim().max(40).regex(subjectRe, 'expected user:<id> or unit:<id>').optional(),
  period: z.string().trim().max(20).optional(),
});
export type KpiSetQuery = z.input<typeof kpiSetQuery>;

export const kpiFigure = z.object({
  /** percent: 0–100+ (2 decimals); amount: in fen (分, as every money figure of the API); count; null when the denominator is 0 */
  value: z.number().nullable(),
  numerator: z.number(),
  /** null for amounts and counts */
  denominator: z.number().nullable(),
});
export type KpiFigure = z.infer<typeof kpiFigure>;

export const kpiItem = kpiFigure.extend({
  key: z.enum(KPI_KEYS as [KpiKey, ...KpiKey[]]),
  /** the approved base target over the period (KPIs with a target metric), null without one */
  target: z.number().nullable(),
  /** against the working days elapsed: completion, expected part, pace forecast, status (KPIs with a target) */
  attainment: z.object({ completion: z.number().nullable(), expected: z.number(), forecast: z.number().nullable(), status: z.enum(ATTAINMENT_STATUSES) }).nullable(),
  /** the figure kept when the period closed; when today's figure differs, `corrected` is true */
  snapshot: kpiFigure.extend({ takenAt: z.string() }).nullable(),
  corrected: z.boolean(),
});
export type KpiItem = z.infer<typeof kpiItem>;

export const kpiPeriodOut = z.object({
  key: z.string(),
  from: z.string(),
  to: z.string(),
  /** the period has ended (its snapshot is kept from then on) */
  closed: z.boolean(),
});

export const kpiSet = z.object({
  subject: z.object({ kind: z.enum(['user', 'unit']), id: z.number().int(), name: z.string(), unitName: z.string().nullable() }),
  period: kpiPeriodOut,
  today: z.string(),
  elapsed: z.object({ workingDays: z.number().int(), totalWorkingDays: z.number().int(), share: z.number() }),
  items: z.array(kpiItem),
});
export type KpiSet = z.infer<typeof kpiSet>;

export const kpiBoardQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  period: z.string().trim().max(20).optional(),
});
export type KpiBoardQuery = z.input<typeof kpiBoardQuery>;

/** A unit's rows (total, sub-units, people) × every KPI for a period — the director's table. */
export const kpiBoard = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  period: kpiPeriodOut,
  today: z.string(),
  keys: z.array(z.enum(KPI_KEYS as [KpiKey, ...KpiKey[]])),
  rows: z.array(
    z.object({
      kind: z.enum(['user', 'unit']),
      id: z.number().int(),
      name: z.string(),
      role: z.enum(['total', 'child']),
      position: z.string().nullable(),
      values: z.record(z.string(), z.object({ value: z.number().nullable(), corrected: z.boolean() })),
    }),
  ),
});
export type KpiBoard = z.infer<typeof kpiBoard>;
