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
/** a rule's other numbers: points and percents of a form of 100 points, bounded so no item can overflow a card */
const bounded = z.number().min(-1000).max(1000);
const deduction = z.number().min(0).max(100);
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const scoreRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), input: z.enum(ITEM_INPUTS), points, start: bounded, base: bounded, step: z.number().min(0.1).max(1000), perStep: z.number().positive().max(100), min: bounded, max: bounded }),
  z.object({ kind: z.literal('count'), input: z.enum(ITEM_INPUTS), points, perUnit: z.number().positive().max(100), shortfall: z.object({ below: z.number().int().min(0).max(1000), penalty: deduction }).nullable(), min: bounded }),
  z.object({ kind: z.literal('ratio'), input: z.enum(ITEM_INPUTS), points, cap: z.number().positive().max(1000) }),
  z.object({
    kind: z.literal('threshold'),
    input: z.enum(ITEM_INPUTS),
    points,
    better: z.enum(['higher', 'lower']),
    bands: z.array(z.object({ at: bounded, points })).min(1).max(10),
  }),
  z.object({
    kind: z.literal('tiers'),
    input: z.enum(ITEM_INPUTS),
    points,
    tiers: z.array(z.object({ upTo: z.number().int().min(1).max(1000), deduct: deduction })).min(1).max(10),
    absentInput: z.enum(ITEM_INPUTS).nullable(),
    perAbsentDay: deduction,
  }),
  z.object({ kind: z.literal('per'), input: z.enum(ITEM_INPUTS), points, per: z.number().positive().max(100), min: bounded.nullable() }),
  z.object({ kind: z.literal('judgment'), points, stepOf: z.number().min(0.1).max(100) }),
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

// ---- the cards (issue 16 items 4–5) ----
//   GET    /api/scorecards                      scorecardListQuery → scorecardPage (the ranking: one period, one kind, in scope)
//   POST   /api/scorecards/open                 scorecardOpen → scorecardOpened (scorecard:manage; once per person, period, kind)
//   GET    /api/scorecards/:id                  → scorecardDetail
//   POST   /api/scorecards/:id/refresh          versionBody → scorecardDetail (computed items again from the KPI library and attendance)
//   PUT    /api/scorecards/:id/items            scorecardEntries → scorecardDetail (the evaluator's items, at the evaluator step)
//   POST   /api/scorecards/:id/advance          scorecardAdvance → scorecardDetail (the next step, by whom the step belongs to)
//   POST   /api/scorecards/:id/return           scorecardReturn → scorecardDetail (one step back, with the reason)
//   POST   /api/scorecards/:id/reopen           scorecardReopen → scorecardDetail (a locked card: the reopening goes for approval)
//   GET    /api/scorecard-reopenings/:id        → { cardId } (where the approval's link leads)
//   POST   /api/scorecard-reopenings/:id/withdraw → scorecardDetail (its requester, while it waits)
//   GET    /api/scorecards/trend                scorecardTrendQuery → scorecardTrend (a person's last 12 cards of a kind)
//   GET    /api/scorecards/payroll.xlsx         scorecardPayrollQuery → XLSX (the locked cards of a period in scope)
//   GET    /api/scorecards/attendance           attendanceQuery → attendanceMonth
//   PUT    /api/scorecards/attendance           attendanceSave → attendanceMonth (scorecard:manage)
//   POST   /api/scorecards/attendance/import    attendanceImport → attendanceImported (a 钉钉 / 企业微信 export, CSV or XLSX)
//   GET    /api/scorecards/settings             → scorecardSettings (scorecard:configure)
//   PUT    /api/scorecards/settings             scorecardSettingsSave → scorecardSettings

/** draft (opened, computed) → self_review (the person) → evaluator (judgment items) → director (checks) → locked */
export const SCORECARD_STATUSES = ['draft', 'self_review', 'evaluator', 'director', 'locked'] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

/** A card's period: a month (`2026-11`) for the monthly forms, a quarter (`2026-Q3`) for the director's. */
export const scorecardPeriod = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$/);
const id = z.number().int().positive();
const named = z.object({ id, name: z.string() });
const text = (max: number) => z.string().trim().max(max);

export const scorecardItem = z.object({
  key,
  source: z.enum(ITEM_SOURCES),
  rule: scoreRule,
  /** what the rule reads: a KPI value (percent or count), late times, violations, or a judgment's points; null: not there yet */
  value: z.number().nullable(),
  /** attendance: the days short of full attendance */
  absent: z.number().nullable(),
  /** a KPI item's parts (e.g. visits made ÷ visits planned), for the reader */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  points: z.number().nullable(),
  comment: z.string().nullable(),
  enteredBy: named.nullable(),
  enteredAt: z.string().nullable(),
});
export type ScorecardItem = z.infer<typeof scorecardItem>;

const can = z.object({
  /** fill the computed items again (not locked) */
  refresh: z.boolean(),
  /** enter the evaluator's items */
  evaluate: z.boolean(),
  /** move it on, and to which status */
  advance: z.enum(SCORECARD_STATUSES).nullable(),
  /** send it one step back */
  sendBack: z.boolean(),
  /** ask to reopen it (locked; its evaluator or a manager — the director above approves) */
  reopen: z.boolean(),
});

export const scorecardDetail = z.object({
  id,
  period: z.string(),
  kind: z.enum(SCORECARD_KINDS),
  status: z.enum(SCORECARD_STATUSES),
  person: z.object({ id, name: z.string(), username: z.string(), position: z.string().nullable() }),
  unit: named,
  evaluator: named.nullable(),
  threshold: z.number(),
  fullMarks: z.number(),
  total: z.number(),
  complete: z.boolean(),
  missing: z.number().int(),
  warning: z.boolean(),
  items: z.array(scorecardItem),
  selfComment: z.string().nullable(),
  evaluatorComment: z.string().nullable(),
  directorComment: z.string().nullable(),
  /** why it was last sent back */
  returnReason: z.string().nullable(),
  computedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  lockedBy: named.nullable(),
  /** the newest reopening asked for, if any */
  reopening: z.object({ id, status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']), reason: z.string(), requestedBy: named, createdAt: z.string(), approvalId: z.number().int().nullable() }).nullable(),
  can,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ScorecardDetail = z.infer<typeof scorecardDetail>;

export const SCORECARD_SORTS = ['total', 'name', 'status'] as const;
export const scorecardListQuery = z.object({
  period: scorecardPeriod,
  kind: z.enum(SCORECARD_KINDS),
  /** a unit and its subtree (default: everything in scope) */
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(SCORECARD_STATUSES).optional(),
  /** total, name, status or an item's key (`item:<key>`), `-` for descending; default -total */
  sort: z
    .string()
    .regex(/^-?(total|name|status|item:[a-z][a-z0-9_]{0,39})$/)
    .default('-total'),
});
export type ScorecardListQuery = Omit<z.input<typeof scorecardListQuery>, 'unitId'> & { unitId?: number };

export const scorecardRow = z.object({
  id,
  /** 1 for the best total (ties share a rank) */
  rank: z.number().int(),
  person: named,
  unit: named,
  status: z.enum(SCORECARD_STATUSES),
  total: z.number(),
  complete: z.boolean(),
  warning: z.boolean(),
  /** each item's points by key (null: missing) */
  points: z.record(z.string(), z.number().nullable()),
});
export type ScorecardRow = z.infer<typeof scorecardRow>;

export const scorecardPage = z.object({
  period: z.string(),
  kind: z.enum(SCORECARD_KINDS),
  /** the columns: the items of the kind's rule set now in force, with their full marks */
  columns: z.array(z.object({ key, points: z.number() })),
  threshold: z.number(),
  items: z.array(scorecardRow),
  /** whether the caller may open cards (scorecard:manage) */
  canOpen: z.boolean(),
});
export type ScorecardPage = z.infer<typeof scorecardPage>;

export const scorecardOpen = z.object({
  period: scorecardPeriod,
  /** the unit whose people get cards (its subtree; default the caller's unit) */
  unitId: z.number().int().positive().optional(),
});
export const scorecardOpened = z.object({ opened: z.number().int(), existing: z.number().int(), kinds: z.array(z.enum(SCORECARD_KINDS)) });

export const scorecardEntries = z.object({
  version: z.number().int().positive(),
  items: z
    .array(z.object({ key, value: z.number().min(0).max(1000).nullable(), comment: text(500).nullable().optional() }))
    .min(1)
    .max(30),
});

export const scorecardAdvance = z.object({ version: z.number().int().positive(), comment: text(1000).optional() });
export const scorecardReturn = z.object({ version: z.number().int().positive(), reason: text(500).min(1) });

export const scorecardReopen = z.object({ version: z.number().int().positive(), reason: text(500).min(1) });

export const scorecardTrendQuery = z.object({ userId: z.coerce.number().int().positive(), kind: z.enum(SCORECARD_KINDS) });
export const scorecardTrend = z.object({
  person: named,
  kind: z.enum(SCORECARD_KINDS),
  threshold: z.number(),
  points: z.array(z.object({ id, period: z.string(), status: z.enum(SCORECARD_STATUSES), total: z.number(), warning: z.boolean() })),
});
export type ScorecardTrend = z.infer<typeof scorecardTrend>;

export const scorecardPayrollQuery = z.object({ period: scorecardPeriod, unitId: z.coerce.number().int().positive().optional() });

const month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/);
export const attendanceQuery = z.object({ month, unitId: z.coerce.number().int().positive().optional() });
export const attendanceRow = z.object({
  person: z.object({ id, name: z.string(), username: z.string() }),
  unit: named,
  lateTimes: z.number().int().nullable(),
  absentDays: z.number().nullable(),
  source: z.enum(['entry', 'import']).nullable(),
  updatedAt: z.string().nullable(),
});
export const attendanceMonth = z.object({ month: z.string(), items: z.array(attendanceRow), canEdit: z.boolean() });
export type AttendanceMonth = z.infer<typeof attendanceMonth>;
export const attendanceSave = z.object({
  month,
  rows: z
    .array(z.object({ userId: id, lateTimes: z.number().int().min(0).max(100), absentDays: z.number().min(0).max(31).multipleOf(0.5) }))
    .min(1)
    .max(500),
});
export const attendanceImport = z.object({
  month,
  /** the export's file name: .csv or .xlsx */
  fileName: z.string().trim().min(1).max(200).regex(/\.(csv|xlsx)$/i),
  /** its content, base64 (≤ 2 MB decoded) */
  contentBase64: z.string().min(1).max(2_800_000),
});
export const attendanceImported = z.object({
  month: z.string(),
  saved: z.number().int(),
  /** rows not taken, with the row number and why (an i18n key) */
  skipped: z.array(z.object({ row: z.number().int(), name: z.string(), reason: z.string() })),
});

export const scorecardSettings = z.object({ ruleSets: z.array(ruleSet), version: z.number().int(), updatedAt: z.string().nullable() });
export const scorecardSettingsSave = z.object({ ruleSets: z.array(ruleSet).length(SCORECARD_KINDS.length), version: z.number().int().min(0) });
