import { sql } from 'kysely';
import type { Executor } from '../../db/client';

export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/** SQL of the durable job table. Claiming uses FOR UPDATE SKIP LOCKED so instances never share a job. */
export const jobsRepo = {
  async insert(db: Executor, job: { name: string; payload: unknown; runAt?: Date; dedupeKey?: string; maxAttempts?: number }) {
    const row = await db
      .insertInto('jobs')
      .values({
        name: job.name,
        payload: JSON.stringify(job.payload ?? {}),
        run_at: job.runAt ?? sql<Date>`now()`,
        dedupe_key: job.dedupeKey ?? null,
        max_attempts: job.maxAttempts ?? 5,
      })
      .onConflict((oc) => oc.expression(sql`dedupe_key`).where('dedupe_key', 'is not', null).where('status', 'in', ['queued', 'running']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },
  async claim(db: Executor, workerId: string, limit: number): Promise<ClaimedJob[]> {
    // The CTE locks the rows it picks exactly once; an IN (subquery) form may be re-evaluated by the planner.
    const r = await sql<ClaimedJob>`
      with picked as (
        select id from jobs where status = 'queued' and run_at <= now()
        order by run_at, id limit ${limit} for update skip locked)
      update jobs set status = 'running', locked_by = ${workerId}, locked_at = now(), attempts = jobs.attempts + 1
      from picked where jobs.id = picked.id and jobs.status = 'queued'
      returning jobs.id, jobs.name, jobs.payload, jobs.attempts, jobs.max_attempts`.execute(db);
    return r.rows;
  },
  /** Only the worker that still holds the job may finish it (a requeued job belongs to its new worker). */
  async complete(db: Executor, id: number, workerId: string) {
    await db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: sql`now()`, locked_by: null, locked_at: null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .execute();
  },
  /** The failure of a run by the worker that holds it; undefined when the job is no longer its own. */
  async fail(db: Executor, id: number, workerId: string, error: string, retryAt: Date | null) {
    return db
      .updateTable('jobs')
      .set(
        retryAt
          ? { status: 'queued', run_at: retryAt, last_error: error.slice(0, 2000), locked_by: null, locked_at: null }
          : { status: 'failed', last_error: error.slice(0, 2000), finished_at: sql`now()`, locked_by: null, locked_at: null },
      )
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .returning('id')
      .executeTakeFirst();
  },
  /**
   * Jobs whose worker died mid-run go back to the queue after the visibility timeout; one that
   * has used up its attempts (it may be what kills the worker) fails instead of looping forever.
   */
  async requeueStale(db: Executor, staleAfterSeconds: number) {
    const r = await sql<{ id: number; name: string; payload: unknown; status: string }>`
      update jobs set
        status = case when attempts >= max_attempts then 'failed' else 'queued' end,
        finished_at = case when attempts >= max_attempts then now() else null end,
        run_at = case when attempts >= max_attempts then run_at else now() end,
        locked_by = null, locked_at = null, last_error = 'worker lost'
      where status = 'running' and locked_at < now() - make_interval(secs => ${staleAfterSeconds})
      returning id, name, payload, status`.execute(db);
    return r.rows;
  },
  /** The worker says it is alive: every job it holds (the one running and the rest of its batch) is not taken for lost. */
  async heartbeat(db: Executor, workerId: string) {
    await db.updateTable('jobs').set({ locked_at: sql`now()` }).where('status', '=', 'running').where('locked_by', '=', workerId).execute();
  },
  /** A give-up handler runs under a savepoint: its failure is undone and logged, the job's failure stays. */
  async savepoint(db: Executor) {
    await sql`savepoint give_up`.execute(db);
  },
  async releaseSavepoint(db: Executor) {
    await sql`release savepoint give_up`.execute(db);
  },
  async rollbackToSavepoint(db: Executor) {
    await sql`rollback to savepoint give_up`.execute(db);
  },
  async ensureSchedule(db: Executor, name: string, nextRunAt: Date) {
    await db.insertInto('job_schedules').values({ name, next_run_at: nextRunAt }).onConflict((oc) => oc.column('name').doNothing()).execute();
  },
  /** Takes the due schedules (skipping ones another instance holds) and moves them forward. */
  async claimDueSchedules(db: Executor, names: string[]) {
    if (!names.length) return [];
    return db
      .selectFrom('job_schedules')
      .select(['name', 'next_run_at'])
      .where('name', 'in', names)
      .where('next_run_at', '<=', sql<Date>`now()`)
      .forUpdate()
      .skipLocked()
      .execute();
  },
  async advanceSchedule(db: Executor, name: string, nextRunAt: Date) {
    await db.updateTable('job_schedules').set({ next_run_at: nextRunAt, last_run_at: sql`now()` }).where('name', '=', name).execute();
  },
  /** The newest job of this name (a scheduled run or one asked for), or undefined before any. */
  async latestOf(db: Executor, name: string) {
    return db.selectFrom('jobs').select(['id', 'status', 'run_at', 'finished_at', 'last_error']).where('name', '=', name).orderBy('id', 'desc').limit(1).executeTakeFirst();
  },
  async list(db: Executor, opts: { status?: string; limit: number; offset: number }) {
    let q = db.selectFrom('jobs').select(['id', 'name', 'status', 'attempts', 'max_attempts', 'run_at', 'last_error', 'created_at', 'finished_at']);
    let c = db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'));
    if (opts.status) {
      q = q.where('status', '=', opts.status);
      c = c.where('status', '=', opts.status);
    }
    const [items, count] = await Promise.all([q.orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute(), c.executeTakeFirstOrThrow()]);
    return { items, total: Number(count.n) };
  },
};
