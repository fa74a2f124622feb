import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse, versionBody, versionQuery } from '../../../shared/contracts/common';
import { targetCellsUpdate, targetChangeCreate, targetListQuery, targetPlanCreate, targetPlanDetail, targetPlanPage } from '../../../shared/contracts/targets';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './targets.service';
import { targetsXlsxRoutes } from './targets.xlsx';

/** 目标与分解 (PERF-1): unit plans per metric and year, decomposed to sub-units and people × months, approved and locked; changes of a locked plan. */
export async function targetsRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tags = ['targets'];
  const tz = p.config.BUSINESS_TZ;
  const read = (req: FastifyRequest, id: number) => service.get(db, actorOf(req), id, tz);

  app.get('/api/targets', {
    config: { access: 'target:read' },
    schema: { tags, summary: 'The target plans of units in the caller’s scope (own scope: their own unit’s), with the year’s total and what is allocated (base level)', querystring: targetListQuery, response: { 200: targetPlanPage } },
  }, async (req) => service.list(db, actorOf(req), req.query));

  app.post('/api/targets', {
    config: { access: 'target:manage' },
    schema: { tags, summary: 'Start the plan of a unit the caller manages for one metric and year (409 when it has one)', body: targetPlanCreate, response: { 201: targetPlanDetail } },
  }, async (req, reply) => reply.code(201).send(await read(req, await service.create(db, actorOf(req), req.body))));

  app.get('/api/targets/:id', {
    config: { access: 'target:read' },
    schema: { tags, summary: 'A plan’s grid: the total, sub-units and people × months in three levels, the reference figures (own three-year average, last year) and its changes; own scope: the total and one’s own row', params: idParam, response: { 200: targetPlanDetail } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/targets/:id/cells', {
    config: { access: 'target:manage' },
    schema: { tags, summary: 'Write cells of a draft or rejected plan (base ≤ stretch ≤ challenge), with the version read', params: idParam, body: targetCellsUpdate, response: { 200: targetPlanDetail } },
  }, async (req) => {
    await service.saveCells(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/targets/:id/submit', {
    config: { access: 'target:manage' },
    schema: { tags, summary: 'Send the plan for approval: a department’s plan to the GM (target_plan), a plan under a planned unit to the KA director above (target_plan_sub); approved, it is locked', params: idParam, body: versionBody, response: { 200: targetPlanDetail } },
  }, async (req) => {
    await service.submit(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.post('/api/targets/:id/withdraw', {
    config: { access: 'target:manage' },
    schema: { tags, summary: 'Take the plan back from approval (its submitter)', params: idParam, body: versionBody, response: { 200: targetPlanDetail } },
  }, async (req) => {
    await service.withdraw(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.delete('/api/targets/:id', {
    config: { access: 'target:manage' },
    schema: { tags, summary: 'Delete a draft or rejected plan', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.remove(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });

  app.post('/api/targets/:id/changes', {
    config: { access: 'target:read' },
    schema: { tags, summary: '目标调整: ask to change cells of a locked plan with the reason (target:request: one’s own row; target:manage: any row); the KA director above approves, the GM when it touches the total or a director', params: idParam, body: targetChangeCreate, response: { 201: targetPlanDetail } },
  }, async (req, reply) => {
    await service.requestChange(db, p.approvals, actorOf(req), req.params.id, req.body);
    return reply.code(201).send(await read(req, req.params.id));
  });

  app.get('/api/target-changes/:id', {
    config: { access: 'target:read' },
    schema: { tags, summary: 'The plan a change belongs to (the approval’s link)', params: idParam, response: { 200: z.object({ planId: z.number().int() }) } },
  }, async (req) => ({ planId: await service.planOfChange(db, actorOf(req), req.params.id) }));

  app.post('/api/target-changes/:id/withdraw', {
    config: { access: 'target:read' },
    schema: { tags, summary: 'Take a waiting change back (its requester)', params: idParam, response: { 200: targetPlanDetail } },
  }, async (req) => read(req, await service.withdrawChange(db, p.approvals, actorOf(req), req.params.id)));

  await targetsXlsxRoutes(app, p);
}
