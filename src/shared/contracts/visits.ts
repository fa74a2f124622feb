import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, listQuery, optionalText as text, paged } from './common';

/**
 * Visits (SPEC ACT-1..3): the plan and application of seed 003 §3.3.1 (target, contacts, purpose,
 * method, time, 拜访资源准备, budget, optional cash advance) → approval (doc type visit_plan) →
 * check-in → the visit record of seed 000 大客户拜访记录表 and seed 003 客户拜访日报表 → the visit
 * report → the director's review. Read with visit:read, written with visit:write, reviewed with
 * visit:review, each in its data scope over the visit's owner and unit (404 outside it).
 *
 * Expense claims read two plain columns: `reportStatus` (none / submitted / approved / returned —
 * a claim line waits for 'approved') and `costTotal` (the spent costs in fen, the sum of `expenses`).
 */

/** 商谈计划: a 初次拜访 / b 处理问题 / c 建立关系 */
export const VISIT_PURPOSES = ['first', 'problem', 'relationship'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
/** 拜访方式: 电话 / 上门 / 邮件 / 信函 */
export const VISIT_METHODS = ['phone', 'onsite', 'email', 'letter'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
/** 成果: A 商谈成功 / B 有希望 / C 再度访问 / D 没希望 / E 继续观察 */
export const VISIT_RESULTS = ['A', 'B', 'C', 'D', 'E'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];
/** 拜访资源准备 (seed 003 §3.3.1 (3)): 宣传资料, 报价(折扣确认), 小型礼品, 车辆, 贵重礼品, 手提袋(logo), other */
export const VISIT_RESOURCE_ITEMS = ['brochure', 'quotation', 'small_gift', 'vehicle', 'key_gift', 'bag', 'other'] as const;
export type VisitResourceItem = (typeof VISIT_RESOURCE_ITEMS)[number];

export const VISIT_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn', 'checked_in', 'recorded', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const REPORT_STATUSES = ['none', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const version = z.number().int().positive();

export const visitResource = z.object({
  item: z.enum(VISIT_RESOURCE_ITEMS),
  quantity: z.number().int().min(0).max(100_000).nullable().optional(),
  /** 完成时间 */
  readyBy: businessDate.nullable().optional(),
  /** 负责部门 */
  department: text(100),
  note: text(500),
});

export const visitPlanFields = z.object({
  accountId: z.number().int().positive(),
  contactIds: z.array(z.number().int().positive()).max(20).default([]),
  purpose: z.enum(VISIT_PURPOSES),
  method: z.enum(VISIT_METHODS),
  plannedAt: z.iso.datetime({ offset: true }),
  planNote: text(2000),
  resources: z.array(visitResource).max(30).default([]),
  /** fen */
  budget: fen.default(0),
  /** fen; above 0 adds the finance manager to the approval */
  cashAdvance: fen.default(0),
});
export const visitCreate = visitPlanFields;
export const visitUpdate = visitPlanFields.extend({ version });

export const visitCheckIn = z.object({
  version,
  /** browser geolocation; lat and lng come together */
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  accuracy: z.number().min(0).max(1_000_000).nullable().optional(),
  /** a place typed by hand when geolocation is not allowed */
  place: text(300),
});

export const visitExpense = z.object({
  /** 费用项目 */
  item: z.string().trim().min(1).max(100),
  /** 金额 in fen */
  amount: fen,
  note: text(300),
});

export const visitRecordInput = z.object({
  version,
  /** 拜访对象: the contacts met (of the visit's account) */
  metContactIds: z.array(z.number().int().positive()).max(20).default([]),
  /** 面谈者 / 拜访对象及职务 as written on the form */
  metName: z.string().trim().min(1).max(200),
  metTitle: text(200),
  customerSituation: text(4000),
  /** 沟通情况 / 面谈概要 */
  discussed: z.string().trim().min(1).max(4000),
  concerns: text(4000),
  solved: text(4000),
  toWatch: text(4000),
  other: text(4000),
  result: z.enum(VISIT_RESULTS),
  expenses: z.array(visitExpense).max(30).default([]),
  nextVisitAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const visitReview = z.object({
  version,
  decision: z.enum(['approve', 'return']),
  comment: text(2000),
});

export const visitCancel = z.object({ version, reason: text(500) });
export const visitVersion = z.object({ version });

export const visitListQuery = listQuery.extend({
  /** mine: the caller's visits; review: reports waiting for the caller's review */
  box: z.enum(['mine', 'all', 'review']).default('all'),
  accountId: z.coerce.number().int().positive().optional(),
  contactId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  reportStatus: z.enum(REPORT_STATUSES).optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
});

const person = z.object({ id: z.number().int(), name: z.string() });

export const visitListItem = z.object({
  id: z.number().int(),
  account: person,
  owner: person,
  purpose: z.enum(VISIT_PURPOSES),
  method: z.enum(VISIT_METHODS),
  plannedAt: isoDateTime,
  status: z.enum(VISIT_STATUSES),
  reportStatus: z.enum(REPORT_STATUSES),
  result: z.enum(VISIT_RESULTS).nullable(),
  checkedInAt: isoDateTimeNullable,
  contactSeq: z.number().int().nullable(),
  costTotal: z.number().int(),
  version: z.number().int(),
});
export type VisitListItem = z.infer<typeof visitListItem>;
export const visitListResponse = paged(visitListItem);

export const visitDetail = visitListItem.extend({
  account: person.extend({ address: z.string().nullable() }),
  unitId: z.number().int(),
  contacts: z.array(z.object({ id: z.number().int(), name: z.string(), title: z.string().nullable(), met: z.boolean() })),
  planNote: z.string().nullable(),
  resources: z.array(
    z.object({ item: z.enum(VISIT_RESOURCE_ITEMS), quantity: z.number().int().nullable(), readyBy: z.string().nullable(), department: z.string().nullable(), note: z.string().nullable() }),
  ),
  budget: z.number().int(),
  cashAdvance: z.number().int(),
  approvalId: z.number().int().nullable(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  checkIn: z
    .object({ at: isoDateTime, lat: z.number().nullable(), lng: z.number().nullable(), accuracy: z.number().nullable(), place: z.string().nullable() })
    .nullable(),
  record: z
    .object({
      recordedAt: isoDateTime,
      metName: z.string(),
      metTitle: z.string().nullable(),
      contactSeq: z.number().int(),
      customerSituation: z.string().nullable(),
      discussed: z.string(),
      concerns: z.string().nullable(),
      solved: z.string().nullable(),
      toWatch: z.string().nullable(),
      other: z.string().nullable(),
      result: z.enum(VISIT_RESULTS),
      expenses: z.array(z.object({ item: z.string(), amount: z.number().int(), note: z.string().nullable() })),
      nextVisitAt: isoDateTimeNullable,
    })
    .nullable(),
  report: z.object({
    status: z.enum(REPORT_STATUSES),
    submittedAt: isoDateTimeNullable,
    reviewedAt: isoDateTimeNullable,
    reviewer: person.nullable(),
    comment: z.string().nullable(),
  }),
  cancelReason: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type VisitDetail = z.infer<typeof visitDetail>;
export const visitResponse = z.object({ visit: visitDetail });
