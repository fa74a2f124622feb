import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common';
import { accountHealth, atRiskPage, atRiskQuery, healthSettingsUpdate, healthSettingsView } from '../../../shared/contracts/health';
import { jobRun, latestJobRun } from '../../../shared/contracts/jobs';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { scheduledJobKey } from '../../platform/jobs/queue';
import { latestRun, queueScheduledRun } from '../../platform/jobs/run-now';
import * as service from './health.service';

/** The nightly full recompute: after the accounts' own (02:30) and before the day's first checks. */
export const HEALTH_RECOMPUTE_JOB = 'health.recompute';
export const HEALTH_RECOMPUTE_AT = '03:00';
/** Drains the accounts whose signals changed; queued by the rooms' events, and every minute as a safety net. */
export const HEALTH_DIRTY_JOB = 'health.dirty';
export const HEALTH_DIRTY_EVERY_SECONDS = 60;

/** The recomputes' band moves reach the listeners (onBandMoves) inside each batch's transaction. */
export function registerHealthJobs(p: Platform) {
  const tz = p.config.BUSINESS_TZ;
  p.jobs.schedule(HEALTH_RECOMPUTE_JOB, { dailyAt: HEALTH_RECOMPUTE_AT, timeZone: tz }, async () => {
    await service.recomputeAll(p.db, tz);
  });
  p.jobs.schedule(HEALTH_DIRTY_JOB, { everySeconds: HEALTH_DIRTY_EVERY_SECONDS }, async () => {
    await service.drainDirty(p.db, tz);
  });
}

/** 客户健康度 (SVC-3): an account's health explained, the at-risk list, the profiles and the recompute. */
export async function healthRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tags = ['health'];

  app.get('/api/accounts/:id/health', {
    config: { access: 'account:read' },
    schema: {
      tags,
      summary: 'The account’s health: score 0–100 and band, every measure’s raw value, score, weight and contribution, the measures without data, the top drivers, the change against a week ago and the last 180 days. 404 outside the caller’s scope',
      params: idParam,
      response: { 200: accountHealth },
    },
  }, async (req) => service.accountHealth(db, actorOf(req), req.params.id));

  app.get('/api/health/at-risk', {
    config: { access: 'health:read' },
    schema: {
      tags,
      summary: 'The accounts at risk in the caller’s scope: band red by default (band=red,yellow), by revenue at risk (sort=revenue) or by score; the band counts of the scope',
      querystring: atRiskQuery,
      response: { 200: atRiskPage },
    },
  }, async (req) => service.atRisk(db, actorOf(req), req.query));

  app.get('/api/health/settings', {
    config: { access: 'health:read' },
    schema: { tags, summary: 'The health profiles per tier (each measure’s weight and good/bad thresholds) and the bands', response: { 200: healthSettingsView } },
  }, async () => service.getSettings(db));

  app.put('/api/health/settings', {
    config: { access: 'health:configure' },
    schema: { tags, summary: 'Save the profiles and bands with the version read (409 when stale; 400 names the field); queues a full recompute; audited', body: healthSettingsUpdate, response: { 200: healthSettingsView } },
  }, async (req) => service.putSettings(db, actorOf(req), req.body, (trx) => p.jobs.enqueue(trx, HEALTH_RECOMPUTE_JOB, { reason: 'settingsChange' }, { dedupeKey: scheduledJobKey(HEALTH_RECOMPUTE_JOB) })));

  app.post('/api/health/recompute', {
    config: { access: 'health:configure' },
    schema: { tags, summary: 'Recompute every account’s health now: 202 with the queued run, or the one already queued or running', response: { 202: jobRun } },
  }, async (req, reply) => reply.code(202).send(await queueScheduledRun(db, p.jobs, actorOf(req), HEALTH_RECOMPUTE_JOB)));

  app.get('/api/health/recompute', {
    config: { access: 'health:configure' },
    schema: { tags, summary: 'The latest full recompute (nightly or asked for): queued, running, done or failed; null before any', response: { 200: latestJobRun } },
  }, async () => latestRun(db, HEALTH_RECOMPUTE_JOB));
}
