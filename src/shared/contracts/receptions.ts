import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, listQuery, optionalText as text, paged } from './common';

/**
 * Receptions and site tours (SPEC ACT-6): the application is seed 003 form 6 客户接待申请表, the
 * report form 7 客户接待报告表; 参观 (seed 001 参观管理制度) is a reception of kind 'tour' with route,
 * guide and areas. The application goes through the approval engine (doc type 'reception');
 * the report is confirmed by the KA director. Banquet seating (ACT-7) hangs off a reception.
 * Read with reception:read, written with reception:write, in the owner / unit data scope.
 *
 * For expense claims (ACT-10): `reportStatus` none / submitted / approved — a claim line may
 * link a reception only when it is 'approved'; `spent.total` is what was spent, in fen.
 */

export const RECEPTION_KINDS = ['reception', 'tour'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];

/** 招待目的 — the checklist of form 6, in the seed's order. */
export const RECEPTION_PURPOSES = [
  'new_customer', // 招待新合作客户
  'celebrate_cooperation', // 庆祝新客户合作关系建立
  'customer_visit', // 客户来访时招待
  'service_trip', // 客户服务人员出访时请客
  'cooperation_end_thanks', // 客户合作结束致谢
  'suggestion_thanks', // 接纳某种客户建议致谢
  'goal_thanks', // 达成某种目的致谢
  'festival', // 重大节日庆典
] as const;
export type ReceptionPurpose = (typeof RECEPTION_PURPOSES)[number];

/** 客户接待档次: 高档 (高级饭店、餐馆、美食中心) / 中档 (中高档餐馆) / 低档 (中低档大众餐场所). */
export const RECEPTION_LEVELS = ['high', 'medium', 'low'] as const;
/** □全部执行 / □部分执行 */
export const RECEPTION_EXECUTIONS = ['full', 'partial'] as const;
/** 费用明细 of form 6: 招待费, 会议费, 典礼费, 礼品费, 其他费用 */
export const COST_LINES = ['entertainment', 'meeting', 'ceremony', 'gift', 'other'] as const;
export type CostLine = (typeof COST_LINES)[number];
/** 支出费用报告 of form 7: 餐费, 住宿费, 交通费, 礼品费, 其他 */
export const SPENT_LINES = ['meals', 'lodging', 'transport', 'gifts', 'other'] as const;
export type SpentLine = (typeof SPENT_LINES)[number];

export const RECEPTION_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;
export type ReceptionStatus = (typeof RECEPTION_STATUSES)[number];
export const REPORT_STATUSES = ['none', 'submitted', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const version = z.number().int().positive();
const person = z.object({ name: z.string().trim().min(1).max(50), title: text(50) });
const people = z.array(person).max(100);

export const receptionInput = z.object({
  accountId: z.number().int().positive(),
  kind: z.enum(RECEPTION_KINDS).default('reception'),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  place: text(200),
  visitors: people.default([]),
  purposes: z.array(z.enum(RECEPTION_PURPOSES)).max(RECEPTION_PURPOSES.length).default([]),
  level: z.enum(RECEPTION_LEVELS),
  execution: z.enum(RECEPTION_EXECUTIONS).default('full'),
  costs: z.object(Object.fromEntries(COST_LINES.map((l) => [l, fen.default(0)])) as Record<CostLine, z.ZodDefault<typeof fen>>).default({ entertainment: 0, meeting: 0, ceremony: 0, gift: 0, other: 0 }),
  /** 参观 only: route, guide and the areas shown */
  tourRoute: text(1000),
  tourGuide: text(50),
  tourAreas: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  note: text(2000),
});
export type ReceptionInput = z.input<typeof receptionInput>;
export const receptionUpdate = receptionInput.extend({ version });
export type ReceptionUpdate = z.input<typeof receptionUpdate>;

export const receptionVersion = z.object({ version });
export const receptionCancel = z.object({ version, reason: z.string().trim().min(1).max(500) });

export const receptionReportInput = z.object({
  version,
  date: businessDate,
  place: z.string().trim().min(1).max(200),
  guestAttendees: people.min(1),
  hostAttendees: people.min(1),
  spent: z.object(Object.fromEntries(SPENT_LINES.map((l) => [l, fen.default(0)])) as Record<SpentLine, z.ZodDefault<typeof fen>>),
  spentNotes: z.object(Object.fromEntries(SPENT_LINES.map((l) => [l, z.string().trim().max(200).optional()])) as Record<SpentLine, z.ZodOptional<z.ZodString>>).default({}),
  activities: text(4000),
  cautions: text(4000),
  effect: z.string().trim().min(1).max(4000),
  information: text(4000),
});
export type ReceptionReportInput = z.input<typeof receptionReportInput>;
export const reportConfirm = z.object({ version, comment: text(1000) });

export const receptionListQuery = listQuery.extend({
  accountId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  kind: z.enum(RECEPTION_KINDS).optional(),
  status: z.enum(RECEPTION_STATUSES).optional(),
  reportStatus: z.enum(REPORT_STATUSES).optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
});
export type ReceptionListQuery = z.input<typeof receptionListQuery>;

const costsOut = z.object({ entertainment: z.number(), meeting: z.number(), ceremony: z.number(), gift: z.number(), other: z.number(), total: z.number() });
const spentOut = z.object({ meals: z.number(), lodging: z.number(), transport: z.number(), gifts: z.number(), other: z.number(), total: z.number() });
const personOut = z.object({ name: z.string(), title: z.string().nullable() });

export const receptionSummary = z.object({
  id: z.number(),
  account: z.object({ id: z.number(), name: z.string() }),
  owner: z.object({ id: z.number(), name: z.string() }),
  kind: z.enum(RECEPTION_KINDS),
  startsAt: isoDateTime,
  place: z.string().nullable(),
  level: z.enum(RECEPTION_LEVELS),
  costTotal: z.number(),
  spentTotal: z.number(),
  status: z.enum(RECEPTION_STATUSES),
  reportStatus: z.enum(REPORT_STATUSES),
});
export type ReceptionSummary = z.infer<typeof receptionSummary>;

export const receptionDetail = receptionSummary.extend({
  unitId: z.number(),
  endsAt: isoDateTimeNullable,
  visitors: z.array(personOut),
  purposes: z.array(z.enum(RECEPTION_PURPOSES)),
  execution: z.enum(RECEPTION_EXECUTIONS),
  costs: costsOut,
  tourRoute: z.string().nullable(),
  tourGuide: z.string().nullable(),
  tourAreas: z.array(z.string()),
  note: z.string().nullable(),
  approvalId: z.number().nullable(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  cancelledAt: isoDateTimeNullable,
  cancelReason: z.string().nullable(),
  report: z
    .object({
      date: z.string().nullable(),
      place: z.string().nullable(),
      guestAttendees: z.array(personOut),
      hostAttendees: z.array(personOut),
      spent: spentOut,
      spentNotes: z.record(z.string(), z.string()),
      activities: z.string().nullable(),
      cautions: z.string().nullable(),
      effect: z.string().nullable(),
      information: z.string().nullable(),
      submittedAt: isoDateTimeNullable,
      confirmedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
      confirmedAt: isoDateTimeNullable,
      comment: z.string().nullable(),
    })
    .nullable(),
  /** the caller may edit / submit / report (write scope); may confirm the report (KA director or GM, not the owner) */
  canWrite: z.boolean(),
  canConfirmReport: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type ReceptionDetail = z.infer<typeof receptionDetail>;

export const receptionResponse = z.object({ reception: receptionDetail });
export const receptionList = paged(receptionSummary);

// ---------------------------------------------------------------- seating (ACT-7)

export const seatPerson = z.object({
  key: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(50),
  title: text(50),
  side: z.enum(['host', 'guest']),
  rank: z.number().int().min(1).max(999),
  interpreter: z.boolean().default(false),
  /** 女主人 / 副主人: the one host who sits opposite the host (seed 000 §二(四)); at most one, a host and not an interpreter */
  secondHost: z.boolean().default(false),
});
export type SeatPersonInput = z.input<typeof seatPerson>;
const seatsPerTable = z.number().int().min(4).max(20);
export const seatingPropose = z.object({ people: z.array(seatPerson).min(1).max(300), seatsPerTable: seatsPerTable.default(10) });
export type SeatingProposeInput = z.input<typeof seatingPropose>;
export const seatTable = z.object({
  no: z.number().int().min(1).max(100),
  x: z.number().int().min(-20).max(20),
  y: z.number().int().min(-20).max(20),
  seats: z.array(z.string().max(40).nullable()).min(4).max(20),
});
export const seatingSave = z.object({
  /** 0 creates the plan */
  version: z.number().int().min(0),
  seatsPerTable,
  people: z.array(seatPerson).min(1).max(300),
  tables: z.array(seatTable).min(1).max(30),
  locked: z.boolean().default(false),
});
export type SeatingSaveInput = z.input<typeof seatingSave>;

const seatPersonOut = z.object({ key: z.string(), name: z.string(), title: z.string().nullable(), side: z.enum(['host', 'guest']), rank: z.number(), interpreter: z.boolean(), secondHost: z.boolean() });
export const seatingPlan = z.object({
  seatsPerTable: z.number(),
  people: z.array(seatPersonOut),
  tables: z.array(z.object({ no: z.number(), x: z.number(), y: z.number(), seats: z.array(z.string().nullable()) })),
  locked: z.boolean(),
  version: z.number(),
  updatedAt: isoDateTimeNullable,
});
export type SeatingPlanOut = z.infer<typeof seatingPlan>;
export const seatingResponse = z.object({ seating: seatingPlan.nullable() });
