import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, optionalText as text } from './common';

/**
 * Needs and countermeasures of an account (ACC-8): the seed 001 forms 大客户需求分析表 (product
 * type, quantity, region, price range, reason) and 大客户需要对策表 (customer's person, direction
 * of movement, problem, countermeasure). Read with account:read, written with account:update,
 * both in the account's data scope (404 outside it).
 */

export const NEED_STATUSES = ['open', 'met', 'dropped'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const COUNTERMEASURE_STATUSES = ['open', 'done', 'dropped'] as const;
export type CountermeasureStatus = (typeof COUNTERMEASURE_STATUSES)[number];

/**
 * 移动方向 — where the customer (or the person) is heading. The seeds name these movements:
 * expanding the cooperation (seed 004 KPI 老客户新增产品数量, seed 000 扩大会员规模), holding our
 * position (seed 004 保持良好关系 / 维持公司地位), buying less and drifting to a competitor (seed 002
 * 流失预警与挽回, seed 004 非正常流失率, seed 001 竞品信息), and waiting to see. Anything else goes
 * into the free-text note beside it.
 */
export const MOVE_DIRECTIONS = ['expand', 'maintain', 'reduce', 'to_competitor', 'wait'] as const;
export type MoveDirection = (typeof MOVE_DIRECTIONS)[number];

const version = z.number().int().positive();
const requiredText = (max: number) => z.string().trim().min(1).max(max);

const needFields = z.object({
  productType: requiredText(200),
  /** how many, in `unit` (台, 套, 间夜, 人 …); two decimals */
  quantity: z.number().min(0).max(999_999_999_999).nullable().optional(),
  unit: text(20),
  region: text(200),
  /** price range in fen; min ≤ max (400 naming priceMax otherwise) */
  priceMin: fen.nullable().optional(),
  priceMax: fen.nullable().optional(),
  reason: text(2000),
});
export const needCreate = needFields;
export type NeedCreate = z.input<typeof needCreate>;
export const needUpdate = needFields.partial().extend({ status: z.enum(NEED_STATUSES).optional(), version });
export type NeedUpdate = z.input<typeof needUpdate>;

const countermeasureFields = z.object({
  /** a contact of the same account (400 naming contactId otherwise) */
  contactId: z.number().int().positive().nullable().optional(),
  direction: z.enum(MOVE_DIRECTIONS).nullable().optional(),
  directionNote: text(200),
  problem: requiredText(2000),
  measure: requiredText(2000),
  /** our responsible person, an active user; defaults to the caller */
  ownerId: z.number().int().positive().optional(),
  dueOn: businessDate.nullable().optional(),
});
export const countermeasureCreate = countermeasureFields;
export type CountermeasureCreate = z.input<typeof countermeasureCreate>;
export const countermeasureUpdate = countermeasureFields.partial().extend({ status: z.enum(COUNTERMEASURE_STATUSES).optional(), version });
export type CountermeasureUpdate = z.input<typeof countermeasureUpdate>;

/** DELETE …?version= */
export { versionQuery } from './common';

export const need = z.object({
  id: z.number(),
  accountId: z.number(),
  productType: z.string(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  region: z.string().nullable(),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  reason: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  closedAt: isoDateTimeNullable,
  createdBy: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type Need = z.infer<typeof need>;

export const countermeasure = z.object({
  id: z.number(),
  accountId: z.number(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  contactTitle: z.string().nullable(),
  direction: z.enum(MOVE_DIRECTIONS).nullable(),
  directionNote: z.string().nullable(),
  problem: z.string(),
  measure: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  dueOn: businessDate.nullable(),
  /** due date passed and still open (business date) */
  overdue: z.boolean(),
  status: z.enum(COUNTERMEASURE_STATUSES),
  closedAt: isoDateTimeNullable,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type Countermeasure = z.infer<typeof countermeasure>;

export const accountNeeds = z.object({ needs: z.array(need), countermeasures: z.array(countermeasure) });
export type AccountNeeds = z.infer<typeof accountNeeds>;
