import { iso } from '../../../shared/contracts/common';
import type { Executor, Kdb } from '../../db/client';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { jobsRepo } from './jobs.repo';
import { scheduledJobKey, type JobQueue } from './queue';

/** A run of a scheduled job as a "run now" button shows it. */
export interface JobRun {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  runAt: string;
  finishedAt: string | null;
  lastError: string | null;
}

type Row = NonNullable<Awaited<ReturnType<typeof jobsRepo.latestOf>>>;
const runOf = (r: Row): JobRun => ({ id: r.id, status: r.status as JobRun['status'], runAt: iso(r.run_at), finishedAt: iso(r.finished_at), lastError: r.last_error });

/**
 * 立即运行 a scheduled job (the receivables' dunning, the tickets' escalation): queues it now under the
 * schedule's dedupe key, which makes the insert a no-op while a run is queued or running — so any number of
 * requests at once queue one run, and each gets that run. A queued run is audited as the caller's.
 */
export async function queueScheduledRun(db: Kdb, jobs: JobQueue, actor: Actor, job: string): Promise<JobRun> {
  return db.transaction().execute(async (trx) => {
    const id = await jobs.enqueue(trx, job, { requestedBy: actor.userId }, { dedupeKey: scheduledJobKey(job) });
    if (id !== undefined) await audit(trx, actor, { entity: 'job', entityId: id, action: 'create', data: { name: job } });
    // the one inserted, or the queued/running one that made the insert a no-op (or, finished since, the newest)
    const latest = await jobsRepo.latestOf(trx, job);
    if (!latest) throw new Error(`no ${job} job after enqueueing one`);
    return runOf(latest);
  });
}

/** The latest run of a job (scheduled or asked for), null before any. */
export async function latestRun(db: Executor, job: string): Promise<JobRun | null> {
  const latest = await jobsRepo.latestOf(db, job);
  return latest ? runOf(latest) : null;
}
