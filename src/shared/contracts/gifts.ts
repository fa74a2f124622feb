import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, optionalText as text, paged } from './common';

/**
 * Gifts (SPEC ACT-8, seed 003 forms 4 礼品馈赠计划表 and 5 礼品馈赠申请表). The catalogue and its stock
 * are kept by the gift administrator (gift:manage); plans and applications are written with
 * gift:apply in the account's data scope and read with gift:read (404 outside it). Money is fen.
 */

export const GIFT_MOVEMENT_KINDS = ['in', 'issue', 'return', 'adjust'] as const;
export type GiftMovementKind = (typeof GIFT_MOVEMENT_KINDS)[number];
/** `issue` is written only by issuing an approved application. */
export const MANUAL_MOVEMENT_KINDS = ['in', 'return', 'adjust'] as const;

/** draft → pending (approval engine) → approved | rejected; approved → issued (stock issued). Approved and issued count toward the cap and can be claimed. */
export const GIFT_APPLICATION_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'issued'] as const;
export type GiftApplicationStatus = (typeof GIFT_APPLICATION_STATUSES)[number];

const version = z.number().int().positive();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();
const quantity = z.number().int().min(1).max(1_000_000);

// ---- catalogue and stock ----

const itemFields = z.object({
  name: requiredText(100),
  spec: text(200),
  unit: requiredText(10).optional(),
  /** 单价 in fen */
  unitValue: fen,
  note: text(1000),
  active: z.boolean().optional(),
});
export const giftItemCreate = itemFields;
export type GiftItemCreate = z.input<typeof giftItemCreate>;
export const giftItemUpdate = itemFields.partial().extend({ version });
export type GiftItemUpdate = z.input<typeof giftItemUpdate>;

export const giftItem = z.object({
  id: z.number().int(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  unitValue: z.number().int(),
  stock: z.number().int(),
  active: z.boolean(),
  note: z.string().nullable(),
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type GiftItem = z.infer<typeof giftItem>;
export const giftItemList = z.object({ items: z.array(giftItem) });

/**
 * A manual stock movement: `in` (入库) and `return` (退回) add a positive quantity; `adjust` (盘点调整)
 * adds or removes (non-zero). A movement that would take the stock below zero is a 409.
 */
export const giftMovementCreate = z.object({
  kind: z.enum(MANUAL_MOVEMENT_KINDS),
  quantity: z.number().int().min(-1_000_000).max(1_000_000).refine((v) => v !== 0, 'must not be zero'),
  note: text(500),
  version,
});
export type GiftMovementCreate = z.input<typeof giftMovementCreate>;

export const giftMovement = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  kind: z.enum(GIFT_MOVEMENT_KINDS),
  /** signed change */
  quantity: z.number().int(),
  /** stock after the movement */
  balance: z.number().int(),
  applicationId: z.number().int().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: isoDateTime,
});
export type GiftMovement = z.infer<typeof giftMovement>;
export const giftLedger = z.object({ item: giftItem, items: z.array(giftMovement) });

// ---- settings ----

export const giftSettings = z.object({
  /** 受礼人年度限额: the most one recipient may receive in approved gifts per calendar year, fen */
  recipientYearCap: fen,
  version: z.number().int(),
  /** null until someone sets it */
  updatedAt: isoDateTime.nullable(),
});
export type GiftSettings = z.infer<typeof giftSettings>;
export const giftSettingsUpdate = z.object({ recipientYearCap: fen, version });

// ---- plans (礼品馈赠计划表) ----

const planFields = z.object({
  /** 合作现状 */
  cooperationStatus: text(200),
  /** 馈赠礼品名称: a catalogue item */
  itemId: id,
  /** 礼品数量 */
  quantity,
  /** 预算价值(元), fen */
  budget: fen.nullable().optional(),
  /** 负责人: an active user; defaults to the caller */
  responsibleId: id.optional(),
  /** 备注 */
  remark: text(1000),
});
export const giftPlanCreate = planFields;
export type GiftPlanCreate = z.input<typeof giftPlanCreate>;
export const giftPlanUpdate = planFields.partial().extend({ version });
export type GiftPlanUpdate = z.input<typeof giftPlanUpdate>;

export const giftPlan = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountName: z.string(),
  /** 行业: the account's */
  industry: z.string().nullable(),
  cooperationStatus: z.string().nullable(),
  itemId: z.number().int(),
  itemName: z.string(),
  quantity: z.number().int(),
  budget: z.number().int().nullable(),
  responsibleId: z.number().int(),
  responsibleName: z.string(),
  remark: z.string().nullable(),
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type GiftPlan = z.infer<typeof giftPlan>;
export const giftPlanList = z.object({ items: z.array(giftPlan) });

// ---- applications (礼品馈赠申请表) ----

const applicationFields = z.object({
  /** 馈赠对象: the account */
  accountId: id,
  /** 礼品收受人员: a contact of that account (400 naming contactId otherwise) */
  contactId: id,
  /** 礼品名称: an active catalogue item */
  itemId: id,
  /** 数量 */
  quantity,
  /** 馈赠日期 */
  giftOn: businessDate,
  /** 礼品管理部门 */
  managingDept: text(100),
  /** 备注 */
  remark: text(1000),
});
export const giftApplicationCreate = applicationFields;
export type GiftApplicationCreate = z.input<typeof giftApplicationCreate>;
export const giftApplicationUpdate = applicationFields.omit({ accountId: true }).partial().extend({ version });
export type GiftApplicationUpdate = z.input<typeof giftApplicationUpdate>;
export const giftVersionBody = z.object({ version });

export const giftApplicationListQuery = z.object({
  accountId: z.coerce.number().int().positive().optional(),
  status: z.enum(GIFT_APPLICATION_STATUSES).optional(),
  overCap: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The recipient's compliance picture for the application's calendar year. */
export const giftCapCheck = z.object({
  year: z.number().int(),
  /** the recipient's gifts in that year that are issued, approved or awaiting approval, this application left out */
  yearTotal: z.number().int(),
  cap: z.number().int(),
  /** yearTotal + this value > cap: flagged, needs the GM */
  overCap: z.boolean(),
});
export type GiftCapCheck = z.infer<typeof giftCapCheck>;

export const giftApplicationListItem = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountName: z.string(),
  contactId: z.number().int(),
  contactName: z.string(),
  itemName: z.string(),
  quantity: z.number().int(),
  value: z.number().int(),
  giftOn: businessDate,
  status: z.enum(GIFT_APPLICATION_STATUSES),
  overCap: z.boolean(),
  ownerName: z.string(),
  updatedAt: isoDateTime,
});
export type GiftApplicationListItem = z.infer<typeof giftApplicationListItem>;
export const giftApplicationList = paged(giftApplicationListItem);

export const giftApplication = giftApplicationListItem.extend({
  contactTitle: z.string().nullable(),
  itemId: z.number().int(),
  itemUnit: z.string(),
  unitValue: z.number().int(),
  managingDept: z.string().nullable(),
  remark: z.string().nullable(),
  ownerId: z.number().int(),
  /** 礼品馈赠申请部门 */
  unitId: z.number().int(),
  unitName: z.string(),
  /** the cap check: as recorded at submission once submitted, live for a draft or a rejected one */
  cap: giftCapCheck,
  approvalId: z.number().int().nullable(),
  /** the approval's steps with who signed and when, for the form's signature row */
  signatures: z.array(z.object({ name: z.string(), approverName: z.string(), status: z.string(), actedAt: isoDateTimeNullable })),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  issuedAt: isoDateTimeNullable,
  issuedByName: z.string().nullable(),
  createdAt: isoDateTime,
  version: z.number().int(),
});
export type GiftApplication = z.infer<typeof giftApplication>;

export const recipientTotalQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** the value of the gift being considered, fen; shows whether it would go over */
  value: z.coerce.number().int().min(0).max(9_000_000_000_000).default(0),
  /** an application to leave out of the total (the one being edited) */
  excludeId: z.coerce.number().int().positive().optional(),
});
