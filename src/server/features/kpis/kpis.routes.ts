import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attainment, attainmentQuery, kpiBoard, kpiBoardQuery, kpiSet, kpiSetQuery } from '../../../shared/contracts/kpis';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { keepEndedPeriods, kpiBoardOf, kpiSetOf } from './kpis.library.service';
import { attainmentOf } from './kpis.service';

/** The nightly job keeping the snapshot of the periods that ended (a month, and the quarter, half, year it ends). */
export const KPI_SNAPSHOT_JOB = 'kpis.snapshot';
export const KPI_SNAPSHOT_AT = '01:30';

export function registerKpiJobs(p: Platform) {
  p.jobs.schedule(KPI_SNAPSHOT_JOB, { dailyAt: KPI_SNAPSHOT_AT, timeZone: p.config.BUSINESS_TZ }, async () => {
    await keepEndedPeriods(p.db, p.config.BUSINESS_TZ);
  });
}

/** KPI 库 (PERF-2): target attainment against the working days elapsed; the library per subject and per unit. */
export async function kpisRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tz = p.config.BUSINESS_TZ;
  app.get('/api/kpis/attainment', {
    config: { access: 'target:read' },
    schema: { tags: ['kpis'], summary: '目标达成: a unit’s rows (total, sub-units, people) for a metric and period — approved targets, actuals from confirmed records, completion, the expected part by the working days elapsed, the pace forecast and met / on track / behind', querystring: attainmentQuery, response: { 200: attainment } },
  }, async (req) => attainmentOf(p.db, actorOf(req), req.query, tz));
  app.get('/api/kpis', {
    config: { access: 'target:read' },
    schema: { tags: ['kpis'], summary: 'KPI 库: every KPI of one person or unit for a period (numerator, denominator, target and pace; the period-end snapshot and whether it has been corrected since)', querystring: kpiSetQuery, response: { 200: kpiSet } },
  }, async (req) => kpiSetOf(p.db, actorOf(req), req.query, tz));
  app.get('/api/kpis/board', {
    config: { access: 'target:read' },
    schema: { tags: ['kpis'], summary: 'KPI 库: a unit’s rows (total, sub-units, people) × every KPI for a period', querystring: kpiBoardQuery, response: { 200: kpiBoard } },
  }, async (req) => kpiBoardOf(p.db, actorOf(req), req.query, tz));
}
