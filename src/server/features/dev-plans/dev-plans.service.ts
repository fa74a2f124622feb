import { defineApprovable, field, stepBy, stampedBy } from '../../platform/approvals/approvable';
import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { devPlanInput, planSubmit } from '../../../shared/contracts/opportunities';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { devPlansRepo, type PlanValues } from './dev-plans.repo';
import { EDITABLE_PLAN_STATUSES, planStatusFor } from './dev-plans.rules';
import { ownedScope } from '../../platform/scope';

/** 客户开发方案 by seed 003 §3.2: the plan is approved by the KA director (客户总监). */
const OPPORTUNITY_PLAN_STEPS = [stepBy('ka_director', '客户总监')];

/**
 * 客户开发方案 (PIPE-6): one plan per development project, approved by the KA director through the
 * approval engine. The document id the engine carries is the project's id (one plan each), so the
 * approval links straight to the project's plan tab.
 */
export const DOC_TYPE = 'opportunity_plan';

const projectNotFound = () => new AppError('NOT_FOUND', 'Development project not found', undefined, { key: 'pipeline.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The plan was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const notEditable = (status: string) =>
  new AppError('INVALID_STATE', `The plan is ${status}; it can be changed or submitted only as a draft or after it was rejected or withdrawn`, undefined, { key: 'pipeline.planNotEditable', params: { status } });

/** 客户开发方案 (PIPE-6) through the approval engine; the document is keyed by its project. */
export const devPlanApprovable = defineApprovable({
  async summary(db, opportunityId) {
    const [names, plan] = await Promise.all([devPlansRepo.names(db, opportunityId), devPlansRepo.plan(db, opportunityId)]);
    if (!names || !plan) return undefined;
    return {
      fields: [
        field.text('opportunities:fields.name', names.name),
        field.text('opportunities:fields.account', names.account_name),
        field.money('opportunities:fields.expectedValue', names.expected_value === null ? null : Number(names.expected_value)),
        field.longText('opportunities:plan.strategy', plan.strategy),
        field.longText('opportunities:plan.advantages', plan.advantages.join('\n') || null),
        field.longText('opportunities:plan.support', plan.support.join('\n') || null),
        field.money('opportunities:plan.budget', plan.budget === null ? null : Number(plan.budget)),
        field.money('opportunities:plan.forecastFields.sales', plan.sales === null ? null : Number(plan.sales)),
        field.money('opportunities:plan.forecastFields.profit', plan.profit === null ? null : Number(plan.profit)),
        field.text('opportunities:plan.forecastFields.riskCoefficient', plan.risk_coefficient === null ? null : String(plan.risk_coefficient)),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: [DOC_TYPE],
  defaultChains: { [DOC_TYPE]: { name: '客户开发方案审批', steps: OPPORTUNITY_PLAN_STEPS } },
  amount: { label: 'approvals:amounts.budget' },
  link: (opportunityId) => `/opportunities/${opportunityId}?tab=plan`,
  table: 'opportunity_plans',
  keyColumn: 'opportunity_id',
  entity: DOC_TYPE,
  statusValues: stampedBy(planStatusFor),
  auditData: (_approval, values, opportunityId) => ({ status: values.status, opportunityId }),
});

async function readable(db: Executor, actor: Actor, opportunityId: number) {
  const opp = await devPlansRepo.opportunity(db, opportunityId, ownedScope('opportunities', actor, 'opportunity:read'));
  if (!opp) throw projectNotFound();
  return opp;
}

/** The project locked for a write in the caller's opportunity:write scope; closed projects take no plan changes. */
async function writable(trx: Executor, actor: Actor, opportunityId: number) {
  const opp = await devPlansRepo.opportunity(trx, opportunityId, ownedScope('opportunities', actor, 'opportunity:write'), true);
  if (!opp) throw projectNotFound();
  if (opp.status !== 'open') throw new AppError('INVALID_STATE', `The project is ${opp.status}; reopen it to change its plan`, undefined, { key: 'pipeline.notOpen', params: { status: opp.status } });
  return opp;
}

export async function getPlan(db: Kdb, actor: Actor, opportunityId: number) {
  await readable(db, actor, opportunityId);
  const plan = await devPlansRepo.plan(db, opportunityId);
  if (!plan) return null;
  const names = await devPlansRepo.userNames(db, [...new Set(plan.steps.map((s) => s.ownerId))]);
  return { ...plan, ownerNames: names };
}
export type PlanView = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

async function checkOwners(trx: Executor, steps: { ownerId: number }[]) {
  const active = await devPlansRepo.activeUserIds(trx, [...new Set(steps.map((s) => s.ownerId))]);
  const issues = steps.flatMap((s, i) => (active.has(s.ownerId) ? [] : [issue(`steps.${i}.ownerId`, 'pipeline.stepOwnerNotActive', 'Choose an active user')]));
  if (issues.length) throw validationError(issues);
}

function values(input: z.infer<typeof devPlanInput>): PlanValues {
  const f = input.forecast;
  return {
    strategy: input.strategy,
    advantages: JSON.stringify(input.advantages),
    steps: JSON.stringify(input.steps.map((s) => ({ title: s.title, ownerId: s.ownerId, dueOn: s.dueOn ?? null, stage: s.stage ?? null, done: s.done }))),
    support: JSON.stringify(input.support),
    resources: input.resources ?? null,
    budget: input.budget ?? null,
    sales: f.sales ?? null,
    profit: f.profit ?? null,
    staff_cost: f.staffCost ?? null,
    travel_cost: f.travelCost ?? null,
    operating_cost: f.operatingCost ?? null,
    risk_coefficient: f.riskCoefficient ?? null,
  } as PlanValues;
}

/** Version 0 creates the plan; afterwards it is edited while a draft, rejected or withdrawn (an edit makes it a draft again). */
export async function savePlan(db: Kdb, actor: Actor, opportunityId: number, input: z.infer<typeof devPlanInput>) {
  await db.transaction().execute(async (trx) => {
    await writable(trx, actor, opportunityId);
    const before = await devPlansRepo.planForUpdate(trx, opportunityId);
    if ((before?.version ?? 0) !== input.version) throw stale();
    if (before && !EDITABLE_PLAN_STATUSES.has(before.status)) throw notEditable(before.status);
    await checkOwners(trx, input.steps);
    if (!before) {
      const row = await devPlansRepo.insert(trx, { ...values(input), opportunity_id: opportunityId, created_by: actor.userId } as Parameters<typeof devPlansRepo.insert>[1]);
      await audit(trx, actor, { entity: DOC_TYPE, entityId: row.id, action: 'create', after: row, data: { opportunityId } });
      return;
    }
    const after = await devPlansRepo.update(trx, opportunityId, { ...values(input), status: 'draft', decided_at: before.status === 'draft' ? before.decided_at : null });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: after.id, action: 'update', before, after, data: { opportunityId } });
  });
}

export async function submitPlan(db: Kdb, engine: ApprovalEngine, actor: Actor, opportunityId: number, input: z.infer<typeof planSubmit>) {
  await db.transaction().execute(async (trx) => {
    const opp = await writable(trx, actor, opportunityId);
    const plan = await devPlansRepo.planForUpdate(trx, opportunityId);
    if (!plan) throw new AppError('INVALID_STATE', 'Write the plan before submitting it', undefined, { key: 'pipeline.planMissing' });
    if (plan.version !== input.version) throw stale();
    if (!EDITABLE_PLAN_STATUSES.has(plan.status)) throw notEditable(plan.status);
    const approvalId = await devPlanApprovable.submit(trx, engine, actor, { docId: opportunityId, title: `客户开发方案：${opp.name}`, amount: plan.budget === null ? null : Number(plan.budget), submitterId: actor.userId, unitId: opp.unit_id });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: plan.id, action: 'submit', data: { opportunityId, approvalId } });
  });
}

/** Takes a pending plan back from the approvers; only its submitter may (the engine checks). */
export async function withdrawPlan(db: Kdb, engine: ApprovalEngine, actor: Actor, opportunityId: number, input: z.infer<typeof planSubmit>) {
  const plan = await db.transaction().execute(async (trx) => {
    await writable(trx, actor, opportunityId);
    const row = await devPlansRepo.planForUpdate(trx, opportunityId);
    if (!row) throw new AppError('INVALID_STATE', 'There is no plan to withdraw', undefined, { key: 'pipeline.planMissing' });
    if (row.version !== input.version) throw stale();
    if (row.status !== 'pending' || row.approval_id === null) throw new AppError('INVALID_STATE', `The plan is ${row.status}; only a pending plan can be withdrawn`, undefined, { key: 'pipeline.planNotPending', params: { status: row.status } });
    return row;
  });
  await engine.withdraw(actor, Number(plan.approval_id));
}
