import { z } from 'zod';
import { isoDateTime, isoDateTimeNullable, listQuery } from './common';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** One row of the durable job queue, for the administrators' job monitor. */
export const jobItem = z.object({
  id: z.number(),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: isoDateTime,
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  finishedAt: isoDateTimeNullable,
});
export type JobItem = z.infer<typeof jobItem>;

/** GET /api/jobs — newest first. */
export const jobListQuery = listQuery.extend({ status: z.enum(JOB_STATUSES).optional() });
