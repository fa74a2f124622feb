import { z } from 'zod';
import { businessDate, fen, isoDateTime, isoDateTimeNullable, listQuery, optionalText as text, paged } from './common';
import {
  ALL_CHECKLIST_ITEMS,
  ALL_SUPPORT_ITEMS,
  ASSESSMENT_FACTORS,
  ASSESSMENT_OUTCOMES,
  CLOSE_REASONS,
  DEAL_ROLES,
  OPPORTUNITY_STATUSES,
  PARTICIPANT_PARTS,
  PLAN_ADVANTAGES,
  PLAN_STATUSES,
  PROCUREMENT_STEPS,
  STAGES,
  type AssessmentFactor,
  type Stage,
} from '../domain/pipeline';

/**
 * Account development (PIPE-1..7, seed 003 §3.2): development projects (开发项目/商机) in five
 * stages with gated checklists, the stage-3 value assessment that grades the account, the
 * competitor register, the development plan (客户开发方案) approved by the director, and the
 * board and forecast. Read with opportunity:read, written with opportunity:write in the
 * project's data scope (owner / unit; 404 outside it); gates, weights and probabilities with
 * opportunity:configure; the competitor register with competitor:manage.
 */

const version = z.number().int().positive();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();

export const stage = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]) as z.ZodType<Stage>;
export const stageQuery = z.coerce.number().int().min(1).max(5) as unknown as z.ZodType<Stage>;
export const checklistItem = z.enum(ALL_CHECKLIST_ITEMS as [string, ...string[]]);
export const supportItem = z.enum(ALL_SUPPORT_ITEMS as [string, ...string[]]);
export const closeReason = z.enum(CLOSE_REASONS);
export const THREAT_LEVELS = ['low', 'medium', 'high'] as const;
export const PRICE_POSITIONS = ['lower', 'similar', 'higher'] as const;

// ---------------------------------------------------------------- projects

export const participantInput = z.object({ userId: id, part: z.enum(PARTICIPANT_PARTS) });
export const dealContactInput = z.object({ contactId: id, role: z.enum(DEAL_ROLES), note: text(500) });

const opportunityFields = z.object({
  name: requiredText(200),
  /** fen */
  expectedValue: fen,
  /** products or services in the deal, free names */
  products: z.array(z.string().trim().min(1).max(100)).max(30),
  expectedCloseOn: businessDate.nullable().optional(),
  /** an active user; defaults to the caller */
  ownerId: id,
  procurementStep: z.enum(PROCUREMENT_STEPS).nullable().optional(),
  description: text(4000),
});

export const opportunityCreate = opportunityFields.extend({
  /** an account in the caller's account:read scope (400 naming accountId otherwise) */
  accountId: id,
  products: opportunityFields.shape.products.default([]),
  ownerId: id.optional(),
  /** the owner is added as 客户经理 when not listed */
  participants: z.array(participantInput).max(30).default([]),
});
export type OpportunityCreate = z.input<typeof opportunityCreate>;
export const opportunityUpdate = opportunityFields.partial().extend({ version });
export type OpportunityUpdate = z.input<typeof opportunityUpdate>;

/** Tick or untick a manual checklist item of any stage (auto items: 400). */
export const checklistUpdate = z.object({ done: z.boolean(), note: text(1000), version });
export type ChecklistUpdate = z.input<typeof checklistUpdate>;
export const checklistItemParam = z.object({ id: z.coerce.number().int().positive(), item: checklistItem });

export const participantsUpdate = z.object({ participants: z.array(participantInput).max(30), version });
export type ParticipantsUpdate = z.input<typeof participantsUpdate>;
/** contacts of the project's account (400 naming contacts.N.contactId otherwise); a contact may hold several roles */
export const dealContactsUpdate = z.object({ contacts: z.array(dealContactInput).max(100), version });
export type DealContactsUpdate = z.input<typeof dealContactsUpdate>;

/**
 * Forward: one or more stages, each gate on the way must be met (409 INVALID_STATE with
 * details.missing otherwise). Back: any earlier stage, with a reason.
 */
export const moveStage = z.object({ toStage: stage, reason: text(1000), version });
export type MoveStage = z.input<typeof moveStage>;

/**
 * won (from stage 5 with its gate met), lost, abandoned, paused. reasonKey is required for
 * won/lost/abandoned and must suit the status; wonByCompetitorId names who won a lost deal.
 */
export const closeOpportunity = z.object({
  status: z.enum(['won', 'lost', 'abandoned', 'paused']),
  reasonKey: closeReason.nullable().optional(),
  note: text(2000),
  wonByCompetitorId: id.nullable().optional(),
  version,
});
export type CloseOpportunity = z.input<typeof closeOpportunity>;
export const reopenOpportunity = z.object({ reason: requiredText(1000), version });
export type ReopenOpportunity = z.input<typeof reopenOpportunity>;

const factorScores = z.object(
  Object.fromEntries(ASSESSMENT_FACTORS.map((f) => [f, z.number().int().min(1).max(5).nullable().optional()])) as Record<AssessmentFactor, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>,
);
/** Stage 3 value assessment; the grade A–D is written to the account with reason key 'assessment'. */
export const assessmentInput = z.object({
  scores: factorScores,
  /** per factor, what the score rests on */
  notes: z.partialRecord(z.enum(ASSESSMENT_FACTORS), z.string().trim().max(1000)).optional(),
  informationSufficient: z.boolean().default(true),
  /** 成交可能性 / 成交路径 — the assessor's summary */
  summary: text(4000),
  version,
});
export type AssessmentInput = z.input<typeof assessmentInput>;

export const opportunityListQuery = listQuery.extend({
  accountId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  stage: stageQuery.optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  /** expected close date window */
  closeFrom: businessDate.optional(),
  closeTo: businessDate.optional(),
  /** only projects longer in their stage than the stage's ageing limit */
  stalled: z.enum(['true', 'false']).optional(),
  competitorId: z.coerce.number().int().positive().optional(),
});
export type OpportunityListQuery = z.input<typeof opportunityListQuery>;
export const OPPORTUNITY_SORTS = ['name', 'expectedValue', 'expectedCloseOn', 'stage', 'stageEnteredAt', 'createdAt', 'updatedAt'] as const;

const userRef = z.object({ id: z.number(), name: z.string() });

export const opportunitySummary = z.object({
  id: z.number(),
  name: z.string(),
  accountId: z.number(),
  accountName: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  stage,
  status: z.enum(OPPORTUNITY_STATUSES),
  expectedValue: z.number(),
  /** expected value × the stage's probability (open projects; 0 when closed) */
  weightedValue: z.number(),
  products: z.array(z.string()),
  expectedCloseOn: businessDate.nullable(),
  procurementStep: z.enum(PROCUREMENT_STEPS).nullable(),
  stageEnteredAt: isoDateTime,
  daysInStage: z.number(),
  stalled: z.boolean(),
  assessmentOutcome: z.enum(ASSESSMENT_OUTCOMES).nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  closeReasonKey: closeReason.nullable(),
  closedAt: isoDateTimeNullable,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type OpportunitySummary = z.infer<typeof opportunitySummary>;
export const opportunityPage = paged(opportunitySummary);

export const checklistEntry = z.object({
  item: checklistItem,
  stage,
  auto: z.boolean(),
  met: z.boolean(),
  /** part of its stage's gate under the current settings */
  required: z.boolean(),
  note: z.string().nullable(),
  doneBy: userRef.nullable(),
  doneAt: isoDateTimeNullable,
});
export type ChecklistEntry = z.infer<typeof checklistEntry>;

export const stageHistoryEntry = z.object({
  id: z.number(),
  fromStage: stage.nullable(),
  toStage: stage,
  fromStatus: z.enum(OPPORTUNITY_STATUSES).nullable(),
  toStatus: z.enum(OPPORTUNITY_STATUSES),
  reason: z.string().nullable(),
  actor: userRef.nullable(),
  at: isoDateTime,
  /** time spent in the state this entry started, until the next entry or now */
  days: z.number(),
});
export type StageHistoryEntry = z.infer<typeof stageHistoryEntry>;

export const participant = z.object({ userId: z.number(), name: z.string(), part: z.enum(PARTICIPANT_PARTS), active: z.boolean() });
export const dealContact = z.object({
  contactId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(DEAL_ROLES),
  note: z.string().nullable(),
  /** the contact's relationship stage and support (REL-2), to read the chain at a glance */
  relationshipStage: z.string().nullable(),
  support: z.number().nullable(),
});
export type DealContact = z.infer<typeof dealContact>;

export const projectCompetitor = z.object({
  id: z.number(),
  competitorId: z.number(),
  competitorName: z.string(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  /** their quoted price in fen, when known */
  price: z.number().nullable(),
  pricePosition: z.enum(PRICE_POSITIONS).nullable(),
  relationships: z.string().nullable(),
  threat: z.enum(THREAT_LEVELS).nullable(),
  version: z.number(),
});
export type ProjectCompetitor = z.infer<typeof projectCompetitor>;
const projectCompetitorFields = z.object({
  competitorId: id,
  strengths: text(2000),
  weaknesses: text(2000),
  price: fen.nullable().optional(),
  pricePosition: z.enum(PRICE_POSITIONS).nullable().optional(),
  /** their relationships at the customer */
  relationships: text(2000),
  threat: z.enum(THREAT_LEVELS).nullable().optional(),
});
export const projectCompetitorCreate = projectCompetitorFields;
export type ProjectCompetitorCreate = z.input<typeof projectCompetitorCreate>;
export const projectCompetitorUpdate = projectCompetitorFields.omit({ competitorId: true }).partial().extend({ version });
export type ProjectCompetitorUpdate = z.input<typeof projectCompetitorUpdate>;
export const projectCompetitorParam = z.object({ id: z.coerce.number().int().positive(), entryId: z.coerce.number().int().positive() });

export const assessment = z.object({
  scores: z.record(z.enum(ASSESSMENT_FACTORS), z.number().nullable()),
  notes: z.partialRecord(z.enum(ASSESSMENT_FACTORS), z.string()),
  informationSufficient: z.boolean(),
  summary: z.string().nullable(),
  value: z.number().nullable(),
  difficulty: z.number().nullable(),
  outcome: z.enum(ASSESSMENT_OUTCOMES),
  assessedBy: userRef,
  assessedAt: isoDateTime,
});
export type Assessment = z.infer<typeof assessment>;

export const opportunityDetail = opportunitySummary.extend({
  description: z.string().nullable(),
  accountGrade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  participants: z.array(participant),
  contacts: z.array(dealContact),
  /** DEAL_ROLES with nobody in them */
  missingRoles: z.array(z.enum(DEAL_ROLES)),
  competitors: z.array(projectCompetitor),
  checklist: z.array(checklistEntry),
  /** the current stage's gate items not met (for stage 5: to close as won) */
  missing: z.array(checklistItem),
  assessment: assessment.nullable(),
  history: z.array(stageHistoryEntry),
  closeNote: z.string().nullable(),
  wonByCompetitor: userRef.nullable(),
  /** what the caller may do here */
  canWrite: z.boolean(),
});
export type OpportunityDetail = z.infer<typeof opportunityDetail>;

// ---------------------------------------------------------------- development plan

export const planStep = z.object({
  title: requiredText(300),
  /** an active user (400 naming steps.N.ownerId otherwise) */
  ownerId: id,
  dueOn: businessDate.nullable().optional(),
  /** the pipeline stage the step belongs to */
  stage: stage.nullable().optional(),
  done: z.boolean().default(false),
});
/** 费用销售预测 (seed 003 §3.2.2 二.2(5)) in fen; riskCoefficient 0–1 (higher is riskier). */
export const planForecast = z.object({
  sales: fen.nullable().optional(),
  profit: z.number().int().min(-9_000_000_000_000_000).max(9_000_000_000_000_000).nullable().optional(),
  staffCost: fen.nullable().optional(),
  travelCost: fen.nullable().optional(),
  /** 管理营运费 brought by developing the account */
  operatingCost: fen.nullable().optional(),
  riskCoefficient: z.number().min(0).max(1).nullable().optional(),
});
export const devPlanInput = z.object({
  strategy: requiredText(8000),
  /** 赢得竞争优势: which of the six advantages the plan builds on */
  advantages: z.array(z.enum(PLAN_ADVANTAGES)).max(PLAN_ADVANTAGES.length).default([]),
  steps: z.array(planStep).max(50).default([]),
  /** company support requested (公司支持) */
  support: z.array(supportItem).max(ALL_SUPPORT_ITEMS.length).default([]),
  resources: text(4000),
  /** budget for the development in fen (relationship costs, demos, travel) */
  budget: fen.nullable().optional(),
  forecast: planForecast.default({}),
  /** 0 for the first save */
  version: z.number().int().min(0),
});
export type DevPlanInput = z.input<typeof devPlanInput>;

export const devPlan = z.object({
  id: z.number(),
  opportunityId: z.number(),
  strategy: z.string(),
  advantages: z.array(z.enum(PLAN_ADVANTAGES)),
  steps: z.array(
    z.object({ title: z.string(), ownerId: z.number(), ownerName: z.string(), dueOn: businessDate.nullable(), stage: stage.nullable(), done: z.boolean() }),
  ),
  support: z.array(supportItem),
  resources: z.string().nullable(),
  budget: z.number().nullable(),
  forecast: z.object({
    sales: z.number().nullable(),
    profit: z.number().nullable(),
    staffCost: z.number().nullable(),
    travelCost: z.number().nullable(),
    operatingCost: z.number().nullable(),
    riskCoefficient: z.number().nullable(),
    /** sales × (1 − risk) − costs, when sales is known */
    expectedReturn: z.number().nullable(),
  }),
  status: z.enum(PLAN_STATUSES),
  /** the approval instance while pending or after a decision */
  approvalId: z.number().nullable(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  createdBy: userRef,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type DevPlan = z.infer<typeof devPlan>;
export const devPlanResponse = z.object({ plan: devPlan.nullable() });
export const planSubmit = z.object({ version });

// ---------------------------------------------------------------- competitor register

const competitorFields = z.object({
  name: requiredText(200),
  website: text(300),
  products: text(2000),
  strengths: text(2000),
  weaknesses: text(2000),
  pricePosition: z.enum(PRICE_POSITIONS).nullable().optional(),
  note: text(4000),
});
export const competitorCreate = competitorFields;
export type CompetitorCreate = z.input<typeof competitorCreate>;
export const competitorUpdate = competitorFields.partial().extend({ active: z.boolean().optional(), version });
export type CompetitorUpdate = z.input<typeof competitorUpdate>;
export const competitorListQuery = listQuery.extend({ active: z.enum(['true', 'false', 'all']).default('true') });
export const competitor = z.object({
  id: z.number(),
  name: z.string(),
  website: z.string().nullable(),
  products: z.string().nullable(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  pricePosition: z.enum(PRICE_POSITIONS).nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  /** projects in the caller's scope: open ones they compete in, and closed ones won / lost against them */
  openProjects: z.number(),
  wonAgainst: z.number(),
  lostTo: z.number(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number(),
});
export type Competitor = z.infer<typeof competitor>;
export const competitorPage = paged(competitor);

// ---------------------------------------------------------------- board, forecast, analyses, settings

export const pipelineFilter = z.object({
  ownerId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
});
export type PipelineFilter = z.input<typeof pipelineFilter>;

export const boardCard = opportunitySummary.pick({
  id: true,
  name: true,
  accountId: true,
  accountName: true,
  ownerId: true,
  ownerName: true,
  stage: true,
  expectedValue: true,
  weightedValue: true,
  expectedCloseOn: true,
  daysInStage: true,
  stalled: true,
  assessmentOutcome: true,
  planStatus: true,
  version: true,
}).extend({ missing: z.array(checklistItem) });
export type BoardCard = z.infer<typeof boardCard>;
export const board = z.object({
  columns: z.array(z.object({ stage, count: z.number(), value: z.number(), weighted: z.number(), probability: z.number(), cards: z.array(boardCard), more: z.number() })),
});
export type Board = z.infer<typeof board>;
/** at most this many cards per column; `more` counts the rest (the list shows them) */
export const BOARD_COLUMN_LIMIT = 100;

const bucket = z.object({ key: z.string(), label: z.string().nullable(), count: z.number(), value: z.number(), weighted: z.number() });
export type ForecastBucket = z.infer<typeof bucket>;
export const forecastQuery = pipelineFilter.extend({
  /** months of expected close, 'YYYY-MM'; default: this month and the next 11 */
  fromMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  toMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});
export const forecast = z.object({
  total: bucket,
  byStage: z.array(bucket),
  /** key 'YYYY-MM'; open projects without an expected close date are in key 'none' */
  byMonth: z.array(bucket),
  byOwner: z.array(bucket),
  byUnit: z.array(bucket),
});
export type Forecast = z.infer<typeof forecast>;

export const analysisQuery = pipelineFilter.extend({ from: businessDate.optional(), to: businessDate.optional() });
export const conversion = z.object({
  /** per stage: projects that reached it in the period, how many went on to the next (or won from 5) */
  stages: z.array(z.object({ stage, reached: z.number(), advanced: z.number(), rate: z.number().nullable(), lost: z.number(), avgDays: z.number().nullable() })),
  won: z.number(),
  lost: z.number(),
  abandoned: z.number(),
  /** won / (won + lost + abandoned) */
  winRate: z.number().nullable(),
});
export type Conversion = z.infer<typeof conversion>;
export const ageing = z.object({
  stages: z.array(z.object({ stage, limit: z.number(), open: z.number(), buckets: z.array(z.object({ key: z.enum(['0-15', '16-30', '31-60', '61-90', '90+']), count: z.number() })), stalled: z.number() })),
  stalled: z.array(opportunitySummary),
});
export type Ageing = z.infer<typeof ageing>;
export const winLoss = z.object({
  reasons: z.array(z.object({ status: z.enum(['won', 'lost', 'abandoned']), reasonKey: closeReason, count: z.number(), value: z.number() })),
  /** lost / abandoned by the stage they were in */
  byStage: z.array(z.object({ stage, won: z.number(), lost: z.number(), abandoned: z.number() })),
  competitors: z.array(z.object({ competitorId: z.number(), name: z.string(), met: z.number(), wonAgainst: z.number(), lostTo: z.number() })),
});
export type WinLoss = z.infer<typeof winLoss>;

const stageRecord = <T extends z.ZodTypeAny>(v: T) => z.object({ 1: v, 2: v, 3: v, 4: v, 5: v });
export const pipelineSettings = z.object({
  /** gate items must belong to their stage (400 naming gates.N.K otherwise) */
  gates: stageRecord(z.array(checklistItem).max(20)),
  weights: z.object(Object.fromEntries(ASSESSMENT_FACTORS.map((f) => [f, z.number().int().min(0).max(10)])) as Record<AssessmentFactor, z.ZodNumber>),
  thresholds: z.object({ valueHigh: z.number().min(0).max(100), valueLow: z.number().min(0).max(100), difficultyHigh: z.number().min(0).max(100) }),
  probabilities: stageRecord(z.number().int().min(0).max(100)),
  ageingDays: stageRecord(z.number().int().min(1).max(3650)),
});
export const pipelineSettingsResponse = pipelineSettings.extend({ version: z.number(), updatedAt: isoDateTimeNullable });
export const pipelineSettingsUpdate = pipelineSettings.extend({ version: z.number().int().min(0) });
export type PipelineSettingsUpdate = z.input<typeof pipelineSettingsUpdate>;

export { STAGES };
