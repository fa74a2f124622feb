import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Executor, Kdb } from '../../db/client';
import { jobsRepo, type ClaimedJob } from './jobs.repo';
import { nextRun, type ScheduleSpec } from './schedule';

export type JobHandler = (payload: unknown, ctx: { jobId: number; attempt: number }) => Promise<void>;
/**
 * Runs in the transaction that marks a job failed for good — its last attempt threw, or the
 * worker running it died — so what the job was doing can be marked failed too (an import that
 * would otherwise stay "committing" forever).
 */
export type GiveUpHandler = (trx: Executor, payload: unknown, error: string) => Promise<void>;

export interface QueueOptions {
  /**
   * The only process on its database (embedded PGlite under the data-directory lock): a job
   * found running at start was left by a process that died, and no other worker needs a heartbeat.
   */
  exclusive?: boolean;
  /** how often a worker says it is alive while its batch runs (default HEARTBEAT_SECONDS) */
  heartbeatMs?: number;
}

export interface RegisterOptions {
  onGiveUp?: GiveUpHandler;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** at most one queued/running job per key */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** A running job whose worker has not said it is alive for this long belongs to a dead worker (visibility timeout). */
export const STALE_AFTER_SECONDS = 600;
/** How often a worker says it is alive while a job runs; well inside the visibility timeout. */
export const HEARTBEAT_SECONDS = 30;

/**
 * The dedupe key of a scheduled job's runs: a run asked for now with this key (a "run now" button)
 * joins the scheduled one queued or running instead of adding a second.
 */
export const scheduledJobKey = (name: string) => `schedule:${name}`;

/** Retry delay: 2^attempt seconds, capped at an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 2 ** attempt);
}

/**
 * Durable jobs in the same database. Any number of instances may run a worker: a job is
 * claimed with FOR UPDATE SKIP LOCKED, so exactly one instance runs it; failures retry with
 * exponential backoff; scheduled jobs are enqueued by whichever instance claims the schedule.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly giveUps = new Map<string, GiveUpHandler>();
  private readonly schedules = new Map<string, ScheduleSpec>();
  /** schedules whose row this instance has already made sure exists */
  private readonly ensured = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

  private readonly exclusive: boolean;
  private readonly heartbeatMs: number;

  constructor(
    private readonly db: Kdb,
    private readonly log?: FastifyBaseLogger,
    opts: QueueOptions = {},
  ) {
    this.exclusive = opts.exclusive ?? false;
    this.heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_SECONDS * 1000;
  }

  register(name: string, handler: JobHandler, opts: RegisterOptions = {}): void {
    this.handlers.set(name, handler);
    if (opts.onGiveUp) this.giveUps.set(name, opts.onGiveUp);
  }

  /** A handler that throws is undone to its savepoint and logged: the job stays failed and the queue goes on. */
  private async giveUp(trx: Executor, name: string, payload: unknown, error: string): Promise<void> {
    const handler = this.giveUps.get(name);
    if (!handler) return;
    await jobsRepo.savepoint(trx);
    try {
      await handler(trx, payload, error);
      await jobsRepo.releaseSavepoint(trx);
    } catch (err) {
      await jobsRepo.rollbackToSavepoint(trx);
      this.log?.error({ job: name, err }, 'give-up handler failed');
    }
  }

  schedule(name: string, spec: ScheduleSpec, handler: JobHandler): void {
    nextRun(spec, new Date()); // a malformed spec fails at start-up, not at the first tick
    this.register(name, handler);
    this.schedules.set(name, spec);
  }

  /** Enqueue within the caller's transaction, so the job exists only if the change commits. */
  async enqueue(db: Executor, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<number | undefined> {
    return jobsRepo.insert(db, { name, payload, ...opts });
  }

  /** Runs what is due now; returns how many jobs ran. Used by the worker loop and by tests. */
  async runDue(limit = 10): Promise<number> {
    await this.enqueueDueSchedules();
    const jobs = await jobsRepo.claim(this.db, this.workerId, limit);
    if (!jobs.length) return 0;
    // on a shared database the other workers must see this one alive — for the job running and
    // the rest of its batch — however long the batch takes
    const beat = this.exclusive ? undefined : setInterval(() => void jobsRepo.heartbeat(this.db, this.workerId).catch(() => {}), this.heartbeatMs);
    try {
      for (const job of jobs) await this.runOne(job);
    } finally {
      if (beat) clearInterval(beat);
    }
    return jobs.length;
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts });
      await jobsRepo.complete(this.db, job.id, this.workerId);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry = job.attempts < job.max_attempts ? new Date(Date.now() + backoffSeconds(job.attempts) * 1000) : null;
      this.log?.warn({ job: job.name, id: job.id, attempt: job.attempts, err: message }, retry ? 'job failed, will retry' : 'job failed for good');
      try {
        await this.db.transaction().execute(async (trx) => {
          const failed = await jobsRepo.fail(trx, job.id, this.workerId, message, retry);
          if (failed && !retry) await this.giveUp(trx, job.name, job.payload, message);
        });
      } catch (e) {
        // left 'running', the job comes back through requeueStale; the rest of the batch goes on
        this.log?.error({ job: job.name, id: job.id, err: e }, 'could not record a job failure');
      }
    }
  }

  /**
   * Puts jobs left 'running' by a dead worker back in the queue, or fails those that used their
   * attempts — with their give-up handlers, in the same transaction; returns how many.
   */
  async requeueStale(staleAfterSeconds = STALE_AFTER_SECONDS): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await jobsRepo.requeueStale(trx, staleAfterSeconds);
      for (const r of rows) {
        if (r.status !== 'failed') continue;
        this.log?.warn({ job: r.name, id: r.id }, 'job lost with its worker and failed for good');
        await this.giveUp(trx, r.name, r.payload, 'worker lost');
      }
      return rows.length;
    });
  }

  private async enqueueDueSchedules(): Promise<void> {
    if (this.schedules.size === 0) return;
    const now = new Date();
    for (const [name, spec] of this.schedules) {
      if (this.ensured.has(name)) continue;
      await jobsRepo.ensureSchedule(this.db, name, nextRun(spec, now));
      this.ensured.add(name);
    }
    await this.db.transaction().execute(async (trx) => {
      const due = await jobsRepo.claimDueSchedules(trx, [...this.schedules.keys()]);
      for (const s of due) {
        const spec = this.schedules.get(s.name);
        if (!spec) continue;
        await jobsRepo.insert(trx, { name: s.name, payload: { scheduledFor: s.next_run_at }, dedupeKey: scheduledJobKey(s.name) });
        await jobsRepo.advanceSchedule(trx, s.name, nextRun(spec, new Date()));
      }
    });
  }

  /** Polls for due jobs until stop(). */
  start(pollMs = 1000): void {
    if (this.running) return;
    this.running = true;
    // the only process on its database finds at start only jobs whose process died
    let firstTick = this.exclusive;
    const tick = async () => {
      if (!this.running) return;
      this.idle = (async () => {
        try {
          await this.requeueStale(firstTick ? -1 : STALE_AFTER_SECONDS);
          firstTick = false;
        } catch (err) {
          this.log?.error({ err }, 'job worker could not requeue lost jobs');
        }
        try {
          while (this.running && (await this.runDue()) > 0);
        } catch (err) {
          this.log?.error({ err }, 'job worker tick failed');
        }
      })();
      await this.idle;
      if (this.running) this.timer = setTimeout(tick, pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.idle;
  }
}
