import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, optionalText as text, paged } from './common';

/**
 * Business trips (ACT-9, seed 003 第4章 销售员出差管理): the 出差申请 before the trip (destination,
 * dates, purpose, accounts to visit, transport, estimated costs by line, advance), approved through
 * the engine (doc type business_trip); a daily 行踪登记 while away; the 出差报告 on return with the
 * actual costs, approved by the KA director (doc type business_trip_report). Expense claims read
 * `reportStatus` ('approved' = claimable) and `actualTotal` (fen).
 */
export const TRIP_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];
export const TRIP_REPORT_STATUSES = ['none', 'submitted', 'approved'] as const;
export type TripReportStatus = (typeof TRIP_REPORT_STATUSES)[number];
export const TRANSPORTS = ['train', 'plane', 'car', 'bus', 'ship', 'other'] as const;
export type Transport = (typeof TRANSPORTS)[number];
/** 费用 lines: 交通费, 住宿费, 伙食补助, 市内交通, 招待费, 其他 */
export const TRIP_COST_CATEGORIES = ['transport', 'lodging', 'meals', 'local_transport', 'entertainment', 'other'] as const;
export type TripCostCategory = (typeof TRIP_COST_CATEGORIES)[number];

const version = z.number().int().positive();
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const tripCostLine = z.object({
  category: z.enum(TRIP_COST_CATEGORIES),
  amount: fen,
  note: text(200),
});

const tripFields = z.object({
  destination: requiredText(200),
  startOn: businessDate,
  /** on or after startOn (400 naming endOn otherwise) */
  endOn: businessDate,
  purpose: requiredText(2000),
  /** accounts to visit, each in the caller's account:read scope (400 naming accountIds.<i> otherwise) */
  accountIds: z.array(z.number().int().positive()).max(50).default([]),
  transport: z.enum(TRANSPORTS),
  transportNote: text(200),
  costLines: z.array(tripCostLine).max(20).default([]),
  /** 借款 in fen; at most the estimated total (400 naming advanceRequested otherwise) */
  advanceRequested: fen.default(0),
});
export const tripCreate = tripFields;
export type TripCreate = z.input<typeof tripCreate>;
export const tripUpdate = tripFields.extend({ version });
export type TripUpdate = z.input<typeof tripUpdate>;

export const tripVersion = z.object({ version });
export const tripCancel = z.object({ version, reason: requiredText(500) });

/** 行踪登记: the server stamps the time and the day; the place is geolocation, text, or both. */
export const tripCheckinCreate = z
  .object({
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    accuracy: z.number().min(0).max(1_000_000).nullable().optional(),
    place: text(200),
    work: requiredText(2000),
  })
  .superRefine((v, ctx) => {
    const hasLat = v.latitude !== null && v.latitude !== undefined;
    const hasLng = v.longitude !== null && v.longitude !== undefined;
    if (hasLat !== hasLng) ctx.addIssue({ code: 'custom', path: [hasLat ? 'longitude' : 'latitude'], message: 'Send both coordinates or neither' });
    if (!hasLat && !hasLng && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'Give the place when the location is not available' });
  });
export type TripCheckinCreate = z.input<typeof tripCheckinCreate>;

export const tripReportInput = z.object({
  version,
  /** 返回日期: within the trip (from its first day, not in the future) */
  returnedOn: businessDate,
  summary: requiredText(4000),
  actualCostLines: z.array(tripCostLine).max(30),
});
export type TripReportInput = z.input<typeof tripReportInput>;

export const tripListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(TRIP_STATUSES).optional(),
  reportStatus: z.enum(TRIP_REPORT_STATUSES).optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
  /** trips that overlap [from, to] */
  from: businessDate.optional(),
  to: businessDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TripListQuery = z.input<typeof tripListQuery>;

const costLineOut = z.object({ category: z.enum(TRIP_COST_CATEGORIES), amount: z.number(), note: z.string().nullable() });

export const tripSummary = z.object({
  id: z.number(),
  owner: z.object({ id: z.number(), name: z.string() }),
  unitId: z.number(),
  destination: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  purpose: z.string(),
  transport: z.enum(TRANSPORTS),
  estimatedTotal: z.number(),
  advanceRequested: z.number(),
  status: z.enum(TRIP_STATUSES),
  reportStatus: z.enum(TRIP_REPORT_STATUSES),
  /** spent costs in fen from the report; null before it */
  actualTotal: z.number().nullable(),
  updatedAt: isoDateTime,
  version: z.number(),
});
export type TripSummary = z.infer<typeof tripSummary>;
export const tripList = paged(tripSummary);

export const tripCheckin = z.object({
  id: z.number(),
  day: z.string(),
  checkedAt: isoDateTime,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accuracy: z.number().nullable(),
  place: z.string().nullable(),
  work: z.string(),
});
export type TripCheckin = z.infer<typeof tripCheckin>;

export const tripDetail = tripSummary.extend({
  accounts: z.array(z.object({ id: z.number(), name: z.string() })),
  transportNote: z.string().nullable(),
  costLines: z.array(costLineOut),
  approvalId: z.number().nullable(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  cancelledAt: isoDateTimeNullable,
  cancelReason: z.string().nullable(),
  checkins: z.array(tripCheckin),
  /** trip days up to yesterday (or the return) without a check-in */
  missingDays: z.array(z.string()),
  /** the business day of the server now, and whether the caller can check in for it */
  today: z.string(),
  canCheckIn: z.boolean(),
  report: z
    .object({
      returnedOn: z.string(),
      summary: z.string(),
      actualCostLines: z.array(costLineOut),
      approvalId: z.number().nullable(),
      submittedAt: isoDateTimeNullable,
      approvedAt: isoDateTimeNullable,
    })
    .nullable(),
  createdAt: isoDateTime,
});
export type TripDetail = z.infer<typeof tripDetail>;
