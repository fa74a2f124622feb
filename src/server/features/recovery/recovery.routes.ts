import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, versionBody } from '../../../shared/contracts/common';
import { recoveryClose, recoveryCreate, recoveryListQuery, recoveryPage, recoveryPlan, recoverySettingsUpdate, recoverySettingsView, recoveryStepCreate, recoveryUpdate } from '../../../shared/contracts/recovery';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { onBandMoves } from '../health';
import { guardLinkedTasks } from '../tasks';
import { STEP_ENTITY } from './recovery.repo';
import * as service from './recovery.service';

/** The churn warning listens to the health recomputes (every path: the nightly run, the event drain, a recompute now). */
export function registerRecoveryListener(p: Platform) {
  onBandMoves('recovery', async (trx, moves, now) => {
    await service.openFromHealth(trx, moves, { notifier: p.notifier, timeZone: p.config.BUSINESS_TZ, now });
  });
  // a plan's steps are tasks: their changes through the to-do list keep the plan's rules
  guardLinkedTasks(STEP_ENTITY, (trx, actor, task, change) => service.guardStep(trx, actor, task, change));
}

const stepParams = z.object({ id: z.coerce.number().int().positive(), stepId: z.coerce.number().int().positive() });

/** 挽回方案 (SVC-3): the plans of the accounts at risk, their steps, the outcome. */
export async function recoveryRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tags = ['recovery'];
  const ctx = () => ({ notifier: p.notifier, timeZone: p.config.BUSINESS_TZ });
  const read = (req: Parameters<typeof actorOf>[0], id: number) => service.get(db, actorOf(req), id);

  app.get('/api/recovery-plans', {
    config: { access: 'recovery:read' },
    schema: { tags, summary: 'The recovery plans of the accounts in the caller’s scope: open and in progress by default (state=won_back,lost …), by revenue at stake, score or opening; the counts per state', querystring: recoveryListQuery, response: { 200: recoveryPage } },
  }, async (req) => service.list(db, actorOf(req), req.query));

  app.post('/api/recovery-plans', {
    config: { access: 'recovery:work' },
    schema: { tags, summary: 'Open a plan for a customer on watch, with the reason (409 when it has an open one; 400 for a prospect): 预警 with the reason, the template steps for the owner', body: recoveryCreate, response: { 201: recoveryPlan } },
  }, async (req, reply) => reply.code(201).send(await read(req, await service.create(db, actorOf(req), req.body, ctx()))));

  // before /api/recovery-plans/:id, so it is not read as an id
  app.get('/api/recovery-plans/settings', {
    config: { access: 'recovery:read' },
    schema: { tags, summary: 'The template steps a new plan gives its owner (title, due in working days)', response: { 200: recoverySettingsView } },
  }, async () => service.getSettings(db));

  app.put('/api/recovery-plans/settings', {
    config: { access: 'recovery:close' },
    schema: { tags, summary: 'Save the template steps with the version read (409 when stale); audited', body: recoverySettingsUpdate, response: { 200: recoverySettingsView } },
  }, async (req) => service.putSettings(db, actorOf(req), req.body));

  app.get('/api/recovery-plans/:id', {
    config: { access: 'recovery:read' },
    schema: { tags, summary: 'A plan with its steps, the drivers it opened with and the health now; 404 outside the caller’s scope', params: idParam, response: { 200: recoveryPlan } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/recovery-plans/:id', {
    config: { access: 'recovery:work' },
    schema: { tags, summary: 'The goal and the measures of an open plan, with the version read', params: idParam, body: recoveryUpdate, response: { 200: recoveryPlan } },
  }, async (req) => {
    await service.update(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/recovery-plans/:id/start', {
    config: { access: 'recovery:work' },
    schema: { tags, summary: '开始执行: open → in progress', params: idParam, body: versionBody, response: { 200: recoveryPlan } },
  }, async (req) => {
    await service.start(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/recovery-plans/:id/steps', {
    config: { access: 'recovery:work' },
    schema: { tags, summary: 'A further step of an open plan: a task of the plan’s owner (or the caller’s), due that working day', params: idParam, body: recoveryStepCreate, response: { 200: recoveryPlan } },
  }, async (req) => {
    await service.addStep(db, actorOf(req), req.params.id, req.body, ctx());
    return read(req, req.params.id);
  });

  app.post('/api/recovery-plans/:id/steps/:stepId/done', {
    config: { access: 'recovery:work' },
    schema: { tags, summary: 'Tick one of the caller’s own open steps; the first step done puts an open plan in progress', params: stepParams, response: { 200: recoveryPlan } },
  }, async (req) => {
    await service.completeStep(db, actorOf(req), req.params.id, req.params.stepId);
    return read(req, req.params.id);
  });

  app.post('/api/recovery-plans/:id/close', {
    config: { access: 'recovery:close' },
    schema: { tags, summary: '挽回成功 (lifecycle 预警 → 挽回) or 流失 (→ 流失), with the reason; cancels the open steps', params: idParam, body: recoveryClose, response: { 200: recoveryPlan } },
  }, async (req) => {
    await service.close(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });
}
