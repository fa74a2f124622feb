import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import { versionQuery } from '../../../shared/contracts/needs';
import { accountPlan, planItem, planItemComplete, planItemCreate, planItemUpdate, type PlanItem } from '../../../shared/contracts/plans';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './plans.service';

export const planItemOut = (r: service.PlanItemView): PlanItem => ({
  id: r.id,
  accountId: r.account_id,
  level: r.level as PlanItem['level'],
  contacts: r.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, left: c.status === 'left' })),
  ourRelationship: r.our_relationship,
  ourStage: r.our_stage as PlanItem['ourStage'],
  competitor: r.competitor,
  competitorRelationship: r.competitor_relationship,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  measures: r.measures,
  startOn: r.start_on,
  dueOn: r.due_on,
  notes: r.notes,
  status: r.status as PlanItem['status'],
  doneOn: r.done_on,
  outcome: r.outcome,
  overdue: r.overdue,
  taskId: r.task_id ?? null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export async function plansRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const ctx: service.PlanContext = { tz: p.config.BUSINESS_TZ, notifier: p.notifier };
  const one = async (id: number) => planItemOut(await service.getPlanItem(db, id, ctx.tz));

  app.get('/api/accounts/:id/plan', {
    config: { access: 'contact:read' },
    schema: { tags: ['plans'], summary: 'Relationship strengthening plan of an account (REL-6): items per level, with overdue flags', params: idParam, response: { 200: accountPlan } },
  }, async (req) => ({ items: (await service.accountPlan(db, actorOf(req), req.params.id, ctx.tz)).map(planItemOut) }));

  app.post('/api/accounts/:id/plan-items', {
    config: { access: 'contact:write' },
    schema: { tags: ['plans'], summary: 'Add a plan item; its responsible person gets a task linked to the account', params: idParam, body: planItemCreate, response: { 200: planItem } },
  }, async (req) => one(await service.createPlanItem(db, actorOf(req), req.params.id, req.body, ctx)));

  app.patch('/api/plan-items/:id', {
    config: { access: 'contact:write' },
    schema: {
      tags: ['plans'],
      summary: 'Edit a plan item, reassign it (the task moves to the new person), cancel or reopen it (version required)',
      params: idParam,
      body: planItemUpdate,
      response: { 200: planItem },
    },
  }, async (req) => one(await service.updatePlanItem(db, actorOf(req), req.params.id, req.body, ctx)));

  app.post('/api/plan-items/:id/complete', {
    config: { access: 'contact:write' },
    schema: { tags: ['plans'], summary: 'Mark a plan item done with its outcome; its task is completed', params: idParam, body: planItemComplete, response: { 200: planItem } },
  }, async (req) => one(await service.completePlanItem(db, actorOf(req), req.params.id, req.body, ctx)));

  app.delete('/api/plan-items/:id', {
    config: { access: 'contact:write' },
    schema: { tags: ['plans'], summary: 'Delete a plan item (version in the query); its open task is cancelled', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deletePlanItem(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });
}
