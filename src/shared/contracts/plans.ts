import { z } from 'zod';
import { businessDate, isoDateTime, optionalText as text } from './common';
import { RELATIONSHIP_STAGES } from './contacts';

/**
 * The relationship strengthening plan (REL-6, seed 003 客户关系强化表): per level of the customer's
 * organisation, our relationship and the key competitor's, our responsible person, the measures
 * and the schedule, tracked to done. Read with contact:read, written with contact:write, in the
 * account's data scope. Each open item carries a task on its responsible person's list.
 */

/**
 * The rows of the seed form under 强化影响力: 总经理, 副总经理, 部门经理, 部门主管, 部门员工. The SPEC
 * names four levels; the form has five (部门主管 between manager and staff), and the form wins.
 */
export const PLAN_LEVELS = ['gm', 'deputy_gm', 'dept_manager', 'dept_head', 'staff'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** statuses in which the item is still being worked on */
export const OPEN_PLAN_STATUSES = ['planned', 'in_progress'] as const satisfies readonly PlanStatus[];

const version = z.number().int().positive();

const planItemFields = z.object({
  level: z.enum(PLAN_LEVELS),
  /** the customer's people at this level: contacts of the same account (400 naming contactIds.N otherwise) */
  contactIds: z.array(z.number().int().positive()).max(20),
  ourRelationship: text(1000),
  ourStage: z.enum(RELATIONSHIP_STAGES).nullable().optional(),
  competitor: text(200),
  competitorRelationship: text(1000),
  /** our responsible person, an active user; defaults to the caller */
  ownerId: z.number().int().positive(),
  measures: z.string().trim().min(1).max(2000),
  startOn: businessDate.nullable().optional(),
  dueOn: businessDate.nullable().optional(),
  notes: text(2000),
});

export const planItemCreate = planItemFields.extend({
  contactIds: planItemFields.shape.contactIds.default([]),
  ownerId: planItemFields.shape.ownerId.optional(),
  status: z.enum(OPEN_PLAN_STATUSES).default('planned'),
});
export type PlanItemCreate = z.input<typeof planItemCreate>;

/** Setting planned/in_progress on a done or cancelled item reopens it (with a new task). */
export const planItemUpdate = planItemFields.partial().extend({ status: z.enum(['planned', 'in_progress', 'cancelled']).optional(), version });
export type PlanItemUpdate = z.input<typeof planItemUpdate>;

export const planItemComplete = z.object({
  /** defaults to today (business date) */
  doneOn: businessDate.optional(),
  outcome: z.string().trim().min(1).max(2000),
  version,
});
export type PlanItemComplete = z.input<typeof planItemComplete>;

export const planItem = z.object({
  id: z.number(),
  accountId: z.number(),
  level: z.enum(PLAN_LEVELS),
  contacts: z.array(z.object({ id: z.number(), name: z.string(), title: z.string().nullable(), left: z.boolean() })),
  ourRelationship: z.string().nullable(),
  ourStage: z.enum(RELATIONSHIP_STAGES).nullable(),
  competitor: z.string().nullable(),
  competitorRelationship: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string(),
  measures: z.string(),
  startOn: businessDate.nullable(),
  dueOn: businessDate.nullable(),
  notes: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  doneOn: businessDate.nullable(),
  outcome: z.string().nullable(),
  /** due date passed and not done or cancelled (business date) */
  overdue: z.boolean(),
  /** the open task on the responsible person's list, if any */
  taskId: z.number().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type PlanItem = z.infer<typeof planItem>;

export const accountPlan = z.object({ items: z.array(planItem) });
export type AccountPlan = z.infer<typeof accountPlan>;
