import { z } from 'zod';
import { isoDateTime, isoDateTimeNullable } from './common';

/**
 * A run of a scheduled job that a page can start now (立即运行: the dunning, the SLA escalation, the health
 * recompute). POST …/run (202): the job queued now — or the one already queued or running, so many clicks
 * at once queue one run. GET: the latest run (the scheduled one or one asked for), null before any. A job
 * that failed and will retry is queued again with its lastError; failed means it gave up.
 */
export const JOB_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];
export const jobRun = z.object({ id: z.number(), status: z.enum(JOB_RUN_STATUSES), runAt: isoDateTime, finishedAt: isoDateTimeNullable, lastError: z.string().nullable() });
export type JobRun = z.infer<typeof jobRun>;
export const latestJobRun = jobRun.nullable();
