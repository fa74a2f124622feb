import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { iso, paged } from '../../../shared/contracts/common';
import { jobItem, jobListQuery, type JobItem } from '../../../shared/contracts/system';
import type { Platform } from '../../platform/context';
import * as service from './system.service';

type JobRow = Awaited<ReturnType<typeof service.listJobs>>['items'][number];

const jobOut = (j: JobRow): JobItem => ({
  id: j.id,
  name: j.name,
  status: j.status as JobItem['status'],
  attempts: j.attempts,
  maxAttempts: j.max_attempts,
  runAt: iso(j.run_at),
  lastError: j.last_error,
  createdAt: iso(j.created_at),
  finishedAt: iso(j.finished_at),
});

export async function systemRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/jobs', {
    config: { access: 'job:read' },
    schema: { tags: ['system'], summary: 'Background jobs, newest first (filter by status)', querystring: jobListQuery, response: { 200: paged(jobItem) } },
  }, async (req) => {
    const r = await service.listJobs(db, req.query);
    return { ...r, items: r.items.map(jobOut) };
  });
}
