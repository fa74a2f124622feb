import { z } from 'zod';
import { ACCOUNT_TIERS, LIFECYCLE_STAGES } from './accounts';
import { businessDate, isoDateTime, isoDateTimeNullable, paged, versionBody } from './common';
import { HEALTH_BANDS } from '../domain/health';
import { measureResult } from './health';

/**
 * 挽回方案 (SPEC SVC-3 and ACC-5, issue 15 item 7): the recovery plan of an account at risk.
 *
 * Opened by the health recompute when an account's band moves to red (trigger 'health': its lifecycle
 * moves to 预警 at_risk with the drivers as the reason, the plan keeps the drivers and the score) or by a
 * person for an account on watch (trigger 'manual', with the reason; an account in 合作 / 维护 / 挽回
 * moves to 预警 too). Only customers get one: lifecycle active, maintaining, recovered or at_risk. One
 * open plan per account (open or in_progress), whichever instance or person opens it (a second is a 409).
 * Each opening gives the account's owner the template tasks (the settings; due in working days).
 *
 * States: open → in_progress (开始执行, or the first step done) → won_back (挽回成功: lifecycle 挽回 recovered)
 * or lost (流失: lifecycle lost, with the reason); both close the plan and cancel its open steps. Closing
 * takes recovery:close (the director); working it (steps, goal, measures, start) recovery:work in the
 * account's scope (account:update); reading recovery:read in scope (404 outside it).
 *
 * Routes (tag recovery):
 *   GET  /api/recovery-plans                 recoveryListQuery → recoveryPage
 *   POST /api/recovery-plans                 recoveryCreate → 201 recoveryPlan
 *   GET  /api/recovery-plans/:id             → recoveryPlan (with its steps)
 *   PUT  /api/recovery-plans/:id             recoveryUpdate → recoveryPlan (goal, measures)
 *   POST /api/recovery-plans/:id/start       versionBody → recoveryPlan
 *   POST /api/recovery-plans/:id/steps       recoveryStepCreate → recoveryPlan
 *   POST /api/recovery-plans/:id/close       recoveryClose → recoveryPlan
 *   GET  /api/recovery-plans/settings        → recoverySettingsView
 *   PUT  /api/recovery-plans/settings        recoverySettingsUpdate → recoverySettingsView (recovery:close)
 */

export const RECOVERY_STATES = ['open', 'in_progress', 'won_back', 'lost'] as const;
export type RecoveryState = (typeof RECOVERY_STATES)[number];
export const OPEN_RECOVERY_STATES = ['open', 'in_progress'] as const satisfies readonly RecoveryState[];
export const RECOVERY_TRIGGERS = ['health', 'manual'] as const;
export type RecoveryTrigger = (typeof RECOVERY_TRIGGERS)[number];
/** The lifecycle stages of a customer: only these get a recovery plan. */
export const RECOVERABLE_LIFECYCLES = ['active', 'maintaining', 'recovered', 'at_risk'] as const satisfies readonly (typeof LIFECYCLE_STAGES)[number][];
export const RECOVERY_SORTS = ['openedAt', '-openedAt', 'revenue', '-revenue', 'score', '-score'] as const;

const text = (max: number) => z.string().trim().max(max);
const person = z.object({ id: z.number().int(), name: z.string() });

const stateList = z
  .string()
  .max(60)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(RECOVERY_STATES)).min(1));

export const recoveryListQuery = z.object({
  /** comma-separated; the open ones (open, in_progress) by default */
  state: stateList.default([...OPEN_RECOVERY_STATES]),
  accountId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(RECOVERY_SORTS).default('-revenue'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecoveryListQuery = z.infer<typeof recoveryListQuery>;

export const recoveryStep = z.object({
  id: z.number().int(),
  title: z.string(),
  owner: person,
  dueAt: isoDateTimeNullable,
  status: z.enum(['open', 'done', 'cancelled']),
  completedAt: isoDateTimeNullable,
  /** whether the caller may tick it (their own open step) */
  mine: z.boolean(),
});
export type RecoveryStep = z.infer<typeof recoveryStep>;

export const recoveryListItem = z.object({
  id: z.number().int(),
  account: z.object({ id: z.number().int(), name: z.string(), tier: z.enum(ACCOUNT_TIERS), lifecycle: z.enum(LIFECYCLE_STAGES) }),
  owner: person,
  state: z.enum(RECOVERY_STATES),
  trigger: z.enum(RECOVERY_TRIGGERS),
  scoreAtOpen: z.number().int().nullable(),
  /** the account's health now (null before its first recompute) */
  score: z.number().int().nullable(),
  band: z.enum(HEALTH_BANDS).nullable(),
  /** the year's revenue (fen): what is at stake */
  revenue: z.number(),
  drivers: z.array(measureResult),
  steps: z.object({ done: z.number().int(), total: z.number().int() }),
  openedAt: isoDateTime,
  closedAt: isoDateTimeNullable,
});
export type RecoveryListItem = z.infer<typeof recoveryListItem>;
export const recoveryPage = paged(recoveryListItem).extend({ counts: z.object({ open: z.number().int(), in_progress: z.number().int(), won_back: z.number().int(), lost: z.number().int() }) });
export type RecoveryPage = z.infer<typeof recoveryPage>;

export const recoveryPlan = recoveryListItem.extend({
  reason: z.string(),
  goal: z.string(),
  actions: z.string(),
  lifecycleBefore: z.enum(LIFECYCLE_STAGES).nullable(),
  openedBy: person.nullable(),
  startedAt: isoDateTimeNullable,
  closedBy: person.nullable(),
  outcomeReason: z.string().nullable(),
  steps: z.object({ done: z.number().int(), total: z.number().int() }),
  stepList: z.array(recoveryStep),
  version: z.number().int(),
  /** what the caller may do with it now */
  can: z.object({ work: z.boolean(), close: z.boolean() }),
});
export type RecoveryPlan = z.infer<typeof recoveryPlan>;

export const recoveryCreate = z.object({
  accountId: z.number().int().positive(),
  reason: text(500).min(1),
  goal: text(2000).optional(),
});
export const recoveryUpdate = versionBody.extend({ goal: text(2000).optional(), actions: text(4000).optional() });
export const recoveryStepCreate = z.object({
  title: text(200).min(1),
  dueDate: businessDate,
  /** the plan's owner (default) or the caller */
  assignee: z.enum(['owner', 'me']).default('owner'),
});
export const recoveryClose = versionBody.extend({ outcome: z.enum(['won_back', 'lost']), reason: text(500).min(1) });

export const recoveryTemplateStep = z.object({ title: text(200).min(1), dueDays: z.number().int().min(0).max(90) });
export const recoverySettings = z.object({ steps: z.array(recoveryTemplateStep).max(12) });
export type RecoverySettings = z.infer<typeof recoverySettings>;
export const recoverySettingsView = z.object({ settings: recoverySettings, version: z.number().int(), updatedAt: isoDateTimeNullable });
export const recoverySettingsUpdate = recoverySettings.extend({ version: z.number().int().min(0) });
