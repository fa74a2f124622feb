import { z } from 'zod';
import { isoDateTimeNullable, paged, versionBody } from './common';

/**
 * 目标与分解 (SPEC PERF-1, issue 16 item 1; seed 000 第二章, seed 003 第4、6条).
 *
 * A target plan is one unit's targets for one metric and one year: a grid of rows × 12 months, each cell in
 * three levels 基础 (base) / 冲刺 (stretch) / 挑战 (challenge); quarters, halves and the year are sums. Its rows:
 *   - the unit's own total (role `total`): entered in the top plan; in a plan whose parent unit has a plan of
 *     the same metric and year it is that plan's row for this unit, read-only here;
 *   - each sub-unit and each person of the unit (role `child`): sales staff (KA director, account manager,
 *     field and office specialist) who are active.
 * The unallocated rest of a month is total − Σ children, per level. Beside each cell the reference figures
 * of seed 003 第4条: the row's own average of the same month over the last three years and the peer average
 * (the other rows of its kind) — actuals from confirmed or approved records only:
 *   sales         签约额   sales contracts and supplements signed (not frameworks; signed, in progress, completed,
 *                          terminated) by sign date, fen
 *   collections   回款额   receipts confirmed, by the day received, fen
 *   new_accounts  新增客户 accounts created (建档), by the day created
 *   visits        拜访     visits checked in, by the day of the visit
 *   projects_won  赢单项目 development projects won, by the day they closed
 *
 * States: draft → pending (approval engine: doc type target_plan — the KA director, then the GM; a director's
 * own plan goes to the GM — or target_plan_sub for a plan under a planned unit: the KA director) → approved
 * (锁定, locked) / rejected (editable again). A locked plan changes only through a 目标调整 (target_change)
 * with its reason: the cells and their new values; approved by the director above (target_change) or, when it
 * touches the unit's total, a director's own row or is asked by a director, by the GM (target_change_gm) —
 * never by the person whose target it is. One change per plan waits at a time; on approval its values apply.
 *
 * Who: target:read reads the plans of units in its scope (own scope: the plan of one's own unit, with only
 * the total and one's own row); target:manage creates, fills and submits the plans of units in its scope;
 * target:request asks for a change of one's own row in a locked plan (target:manage: of any row).
 *
 * Routes (tag targets):
 *   GET    /api/targets                       targetListQuery → targetPlanPage
 *   POST   /api/targets                       targetPlanCreate → 201 targetPlanDetail
 *   GET    /api/targets/:id                   → targetPlanDetail
 *   PUT    /api/targets/:id/cells             targetCellsUpdate → targetPlanDetail (draft or rejected)
 *   POST   /api/targets/:id/submit | withdraw versionBody → targetPlanDetail
 *   DELETE /api/targets/:id?version           (draft or rejected)
 *   POST   /api/targets/:id/changes           targetChangeCreate → 201 targetPlanDetail
 *   POST   /api/target-changes/:id/withdraw   → targetPlanDetail
 *   GET    /api/targets/:id/export            → XLSX (one sheet per level)
 *   POST   /api/targets/:id/import            targetImport → targetImportResult (the same layout; draft or rejected)
 */

export const TARGET_METRICS = ['sales', 'collections', 'new_accounts', 'visits', 'projects_won'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
/** Metrics counted in fen (the others are counts). */
export const MONEY_METRICS: readonly TargetMetric[] = ['sales', 'collections'];
export const TARGET_LEVELS = ['base', 'stretch', 'challenge'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];
export const TARGET_PLAN_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type TargetPlanStatus = (typeof TARGET_PLAN_STATUSES)[number];
export const TARGET_CHANGE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type TargetChangeStatus = (typeof TARGET_CHANGE_STATUSES)[number];
export const TARGET_ROW_KINDS = ['unit', 'user'] as const;
export type TargetRowKind = (typeof TARGET_ROW_KINDS)[number];
/** The highest value of a cell: ¥9,000,000,000,000 in fen, or as many of a count. */
export const MAX_TARGET_VALUE = 900_000_000_000_000;

const value = z.number().int().min(0).max(MAX_TARGET_VALUE);
const month = z.number().int().min(1).max(12);
const year = z.coerce.number().int().min(2000).max(2100);

export const targetListQuery = z.object({
  year: year.optional(),
  metric: z.enum(TARGET_METRICS).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(TARGET_PLAN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TargetListQuery = z.input<typeof targetListQuery>;

export const targetPlanCreate = z.object({
  unitId: z.number().int().positive(),
  metric: z.enum(TARGET_METRICS),
  year: z.number().int().min(2000).max(2100),
});
export type TargetPlanCreate = z.infer<typeof targetPlanCreate>;

/** One cell: base required; stretch ≥ base and challenge ≥ stretch when given (null: not set). */
export const targetCell = z.object({ base: value, stretch: value.nullable(), challenge: value.nullable() });
export type TargetCell = z.infer<typeof targetCell>;

export const targetCellInput = targetCell.extend({ kind: z.enum(TARGET_ROW_KINDS), id: z.number().int().positive(), month });
export type TargetCellInput = z.infer<typeof targetCellInput>;

/** The cells to write (at most 12 per row of a 200-row grid); a cell not named keeps its value. */
export const targetCellsUpdate = versionBody.extend({ cells: z.array(targetCellInput).min(1).max(2400) });
export type TargetCellsUpdate = z.infer<typeof targetCellsUpdate>;

export const targetRow = z.object({
  kind: z.enum(TARGET_ROW_KINDS),
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['total', 'child']),
  /** a person's position label key (positions.<code>) or a unit's kind, for telling rows apart */
  position: z.string().nullable(),
  /** January … December */
  months: z.array(targetCell).length(12),
  /** the row's own average of each month over the three years before the plan's */
  ownAverage: z.array(z.number()).length(12),
  /** each month of the year before (the seasonality a fill follows) */
  lastYear: z.array(z.number()).length(12),
  /** whether the caller may change this row now (draft or rejected plan, target:manage) */
  editable: z.boolean(),
  /** whether the caller may ask to change it (locked plan, no change waiting) */
  changeable: z.boolean(),
});
export type TargetRow = z.infer<typeof targetRow>;

export const targetChangeLine = z.object({ kind: z.enum(TARGET_ROW_KINDS), id: z.number().int().positive(), month, level: z.enum(TARGET_LEVELS), value });
export type TargetChangeLine = z.infer<typeof targetChangeLine>;

export const targetChangeView = z.object({
  id: z.number().int(),
  status: z.enum(TARGET_CHANGE_STATUSES),
  reason: z.string(),
  requestedBy: z.object({ id: z.number().int(), name: z.string() }),
  requestedAt: z.string(),
  decidedAt: isoDateTimeNullable,
  approvalId: z.number().int().nullable(),
  lines: z.array(targetChangeLine.extend({ name: z.string(), from: z.number().nullable() })),
  /** whether the caller may take it back (its requester, while it waits) */
  canWithdraw: z.boolean(),
});
export type TargetChangeView = z.infer<typeof targetChangeView>;

export const targetPlanListItem = z.object({
  id: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string(), path: z.string() }),
  metric: z.enum(TARGET_METRICS),
  year: z.number().int(),
  status: z.enum(TARGET_PLAN_STATUSES),
  /** the year's total of the unit at the base level */
  total: z.number(),
  /** the part of it given to sub-units and people */
  allocated: z.number(),
  updatedAt: z.string(),
});
export type TargetPlanListItem = z.infer<typeof targetPlanListItem>;
export const targetPlanPage = paged(targetPlanListItem);
export type TargetPlanPage = z.infer<typeof targetPlanPage>;

export const targetPlanDetail = targetPlanListItem.extend({
  version: z.number().int(),
  approvalId: z.number().int().nullable(),
  decidedAt: isoDateTimeNullable,
  /** the plan the total comes from (the parent unit's), if any */
  parentPlanId: z.number().int().nullable(),
  /** the total row first, then sub-units, then people */
  rows: z.array(targetRow),
  /** rows the caller does not see (own scope: the colleagues'), counted into the unallocated rest */
  hiddenRows: z.number().int(),
  /** the colleagues' rows' sum per month and level when hidden, so the rest stays right */
  hiddenSum: z.array(targetCell).length(12),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canWithdraw: z.boolean(),
  canDelete: z.boolean(),
  changes: z.array(targetChangeView),
});
export type TargetPlanDetail = z.infer<typeof targetPlanDetail>;

export const targetChangeCreate = z.object({
  reason: z.string().trim().min(1).max(2000),
  lines: z.array(targetChangeLine).min(1).max(500),
});
export type TargetChangeCreate = z.infer<typeof targetChangeCreate>;

export const targetImport = versionBody.extend({
  /** the XLSX of the export's layout, base64 (≤ 5 MB decoded) */
  contentBase64: z.string().min(1).max(7_000_000),
});
export type TargetImport = z.infer<typeof targetImport>;

export const targetImportResult = z.object({
  applied: z.number().int(),
  /** rows or cells the file could not use: sheet, row, column and why (the whole file is refused if any) */
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string().nullable(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  plan: targetPlanDetail.nullable(),
});
export type TargetImportResult = z.infer<typeof targetImportResult>;

export { versionBody as targetVersionBody };
