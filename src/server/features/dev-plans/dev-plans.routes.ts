import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import { devPlanInput, devPlanResponse, planSubmit, type DevPlan } from '../../../shared/contracts/opportunities';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './dev-plans.service';
import { expectedReturn } from './dev-plans.rules';

const num = (v: number | string | null) => (v === null ? null : Number(v));

export function devPlanOut(r: service.PlanView): DevPlan {
  const forecast = {
    sales: num(r.sales),
    profit: num(r.profit),
    staffCost: num(r.staff_cost),
    travelCost: num(r.travel_cost),
    operatingCost: num(r.operating_cost),
    riskCoefficient: num(r.risk_coefficient),
  };
  return {
    id: r.id,
    opportunityId: r.opportunity_id,
    strategy: r.strategy,
    advantages: r.advantages as DevPlan['advantages'],
    steps: r.steps.map((s) => ({ title: s.title, ownerId: s.ownerId, ownerName: r.ownerNames.get(s.ownerId) ?? '', dueOn: s.dueOn ?? null, stage: (s.stage ?? null) as DevPlan['steps'][number]['stage'], done: Boolean(s.done) })),
    support: r.support as DevPlan['support'],
    resources: r.resources,
    budget: num(r.budget),
    forecast: { ...forecast, expectedReturn: expectedReturn(forecast) },
    status: r.status as DevPlan['status'],
    approvalId: num(r.approval_id),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    createdBy: { id: r.created_by, name: r.created_by_name },
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** 客户开发方案 (PIPE-6) of a development project. */
export async function devPlansRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['pipeline'];
  const read = async (req: FastifyRequest, id: number) => {
    const plan = await service.getPlan(db, actorOf(req), id);
    return { plan: plan ? devPlanOut(plan) : null };
  };

  app.get('/api/opportunities/:id/plan', {
    config: { access: 'opportunity:read' },
    schema: { tags, summary: "The project's development plan (null before the first save)", params: idParam, response: { 200: devPlanResponse } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/opportunities/:id/plan', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Write the development plan: version 0 creates it; editable as a draft or after rejection/withdrawal', params: idParam, body: devPlanInput, response: { 200: devPlanResponse } },
  }, async (req) => {
    await service.savePlan(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/opportunities/:id/plan/submit', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Submit the plan for the KA director’s approval (approval engine, doc type opportunity_plan)', params: idParam, body: planSubmit, response: { 200: devPlanResponse } },
  }, async (req) => {
    await service.submitPlan(db, p.approvals, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/opportunities/:id/plan/withdraw', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Withdraw a pending plan from approval (its submitter)', params: idParam, body: planSubmit, response: { 200: devPlanResponse } },
  }, async (req) => {
    await service.withdrawPlan(db, p.approvals, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });
}
