import { z } from 'zod';
import { businessDate, isoDateTime, isoDateTimeNullable, listQuery, optionalText as text, paged } from './common';
import { VISIT_PURPOSES, VISIT_RESULTS } from './visits';

/**
 * Daily and monthly plans (SPEC ACT-4).
 *
 * The daily visit report (seed 003 客户拜访日报表) of one person for one business day is generated
 * from their recorded visits checked in that day: rows (客户, 面谈者, 商谈计划 a/b/c, 面谈概要,
 * 成果 A–E), the visits' expense lines, and the counts 日拜访数目 / 日处理问题 / 日未处理问题.
 *
 * The monthly plan (seed 001 客户专员月度考核表): on the last working day of a month a person reports
 * next month's 拜访 / 拓展 / 成交 targets, naming accounts where known; the detail compares them with
 * the month's actuals. Read with visit:read in its scope over the plan's owner and unit; written by
 * its owner with visit:write.
 */

/** 'YYYY-MM' */
export const planMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const dailyReportQuery = z.object({
  /** default: the caller */
  userId: z.coerce.number().int().positive().optional(),
  /** default: today (business time) */
  date: businessDate.optional(),
});
export const teamDailyQuery = z.object({ date: businessDate.optional() });

/** Whose report's day is asked for: default the caller; another person within the visit:read scope. */
export const reportDayQuery = z.object({ userId: z.coerce.number().int().positive().optional() });
/**
 * The day a daily report opens on: the latest business day up to today with a recorded visit in scope
 * (`found`), looking back REPORT_DAY_LOOKBACK days; with none, the last working day (Mon–Fri) up to today.
 */
export const reportDay = z.object({ date: businessDate, found: z.boolean() });
export type ReportDay = z.infer<typeof reportDay>;
/** How far back the report's opening day is looked for, in days. */
export const REPORT_DAY_LOOKBACK = 92;

const person = z.object({ id: z.number().int(), name: z.string() });

export const dailyCounts = z.object({
  /** 日拜访数目 */
  visits: z.number().int(),
  /** 日处理问题: visits whose record says what was solved */
  handled: z.number().int(),
  /** 日未处理问题: visits with concerns or points to watch and nothing solved */
  open: z.number().int(),
});
export type DailyCounts = z.infer<typeof dailyCounts>;

export const dailyReport = z.object({
  /** 填表人 / 执行者 */
  user: person,
  unitName: z.string(),
  date: businessDate,
  rows: z.array(
    z.object({
      visitId: z.number().int(),
      account: person,
      /** 面谈者 */
      metName: z.string(),
      metTitle: z.string().nullable(),
      /** 商谈计划 a/b/c */
      purpose: z.enum(VISIT_PURPOSES),
      /** 面谈概要 */
      discussed: z.string(),
      /** 成果 A–E */
      result: z.enum(VISIT_RESULTS),
      solved: z.string().nullable(),
      concerns: z.string().nullable(),
      toWatch: z.string().nullable(),
      checkedInAt: isoDateTime,
    }),
  ),
  /** 费用项目 / 金额 (fen) / 备注, of the day's visits in row order */
  expenses: z.array(z.object({ visitId: z.number().int(), accountName: z.string(), item: z.string(), amount: z.number().int(), note: z.string().nullable() })),
  expenseTotal: z.number().int(),
  counts: dailyCounts,
});
export type DailyReport = z.infer<typeof dailyReport>;

export const teamDailyReport = z.object({
  date: businessDate,
  items: z.array(dailyCounts.extend({ user: person, unitName: z.string(), expenseTotal: z.number().int() })),
});
export type TeamDailyReport = z.infer<typeof teamDailyReport>;

// ---------------------------------------------------------------- monthly plans

export const PLAN_ITEM_KINDS = ['visit', 'expansion', 'deal'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
export const PLAN_STATUSES = ['draft', 'submitted'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const version = z.number().int().positive();
const target = z.number().int().min(0).max(10_000);

export const planItemInput = z.object({
  kind: z.enum(PLAN_ITEM_KINDS),
  /** an account in the caller's account scope; an expansion may name a prospect by text instead */
  accountId: z.number().int().positive().nullable().optional(),
  /** required without an account; with one, the account's name is used */
  targetName: text(200),
  /** a day of the plan's month */
  plannedOn: businessDate.nullable().optional(),
  note: text(500),
});

const planFields = z.object({
  /** 计划拜访 (组) */
  plannedVisits: target,
  /** 计划拓展 (组) */
  plannedExpansions: target,
  /** 计划成交 (组) */
  plannedDeals: target,
  note: text(2000),
  items: z.array(planItemInput).max(200).default([]),
});

export const monthlyPlanCreate = planFields.extend({
  /** default: next month (business time); not before the current month */
  month: planMonth.optional(),
});
export const monthlyPlanUpdate = planFields.extend({ version });
export const monthlyPlanVersion = z.object({ version });

export const monthlyPlanListQuery = listQuery.extend({
  /** mine: the caller's own plans */
  box: z.enum(['mine', 'all']).default('all'),
  month: planMonth.optional(),
  userId: z.coerce.number().int().positive().optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});

export const planVsActual = z.object({
  planned: z.number().int(),
  actual: z.number().int(),
  /** 完成率: actual ÷ planned to 4 decimals; null when nothing was planned */
  rate: z.number().nullable(),
});
export type PlanVsActual = z.infer<typeof planVsActual>;

export const planActuals = z.object({
  /** recorded visits of the owner checked in during the month */
  visits: planVsActual,
  /** distinct accounts the owner took on in the month: created by them, or a development project of theirs opened on it */
  expansions: planVsActual,
  /** development projects of the owner won (closed as won) in the month */
  deals: planVsActual,
});
export type PlanActuals = z.infer<typeof planActuals>;

export const monthlyPlanListItem = z.object({
  id: z.number().int(),
  owner: person,
  unitName: z.string(),
  month: planMonth,
  status: z.enum(PLAN_STATUSES),
  submittedAt: isoDateTimeNullable,
  late: z.boolean(),
  /** the last working day of the month before: when the plan is due */
  dueOn: businessDate,
  actuals: planActuals,
  version: z.number().int(),
});
export type MonthlyPlanListItem = z.infer<typeof monthlyPlanListItem>;
export const monthlyPlanListResponse = paged(monthlyPlanListItem);

export const monthlyPlanDetail = monthlyPlanListItem.extend({
  unitId: z.number().int(),
  note: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(PLAN_ITEM_KINDS),
      account: person.nullable(),
      targetName: z.string(),
      plannedOn: businessDate.nullable(),
      note: z.string().nullable(),
      /** a named account: visited / taken on / won in the month by the owner; null without an account */
      done: z.boolean().nullable(),
    }),
  ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type MonthlyPlanDetail = z.infer<typeof monthlyPlanDetail>;
export const monthlyPlanResponse = z.object({ plan: monthlyPlanDetail });
