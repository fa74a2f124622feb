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
    const r = await sql<ClaimedJob>`
      update jobs set status = 'running', locked_by = ${workerId}, locked_at = now(), attempts = attempts + 1
      where id in (
        select id from jobs where status = 'queued' and run_at <= now()
        order by run_at, id limit ${limit} for update skip locked)
      returning id, name, payload, attempts, max_attempts`.execute(db);
    return r.rows;
  },
  async complete(db: Executor, id: number) {
    await db.updateTable('jobs').set({ status: 'done', finished_at: sql`now()`, locked_by: null }).where('id', '=', id).execute();
  },
  async fail(db: Executor, id: number, error: string, retryAt: Date | null) {
    await db
      .updateTable('jobs')
      .set(
        retryAt
          ? { status: 'queued', run_at: retryAt, last_error: error, locked_by: null, locked_at: null }
          : { status: 'failed', last_error: error, finished_at: sql`now()`, locked_by: null },
      )
      .where('id', '=', id)
      .execute();
  },
  /** Jobs whose worker died mid-run go back to the queue after the visibility timeout. */
  async requeueStale(db: Executor, staleAfterSeconds: number) {
    const r = await db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, locked_at: null, last_error: 'worker lost' })
      .where('status', '=', 'running')
      .where('locked_at', '<', sql<Date>`now() - make_interval(secs => ${staleAfterSeconds})`)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  async ensureSchedule(db: Executor, name: string, nextRunAt: Date) {
    await db.insertInto('job_schedules').values({ name, next_run_at: nextRunAt }).onConflict((oc) => oc.column('name').doNothing()).execute();
  },
  /** Takes the due schedules (skipping ones another instance holds) and moves them forward. */
  async claimDueSchedules(db: Executor) {
    return db
      .selectFrom('job_schedules')
      .select(['name', 'next_run_at'])
      .where('next_run_at', '<=', sql<Date>`now()`)
      .forUpdate()
      .skipLocked()
      .execute();
  },
  async advanceSchedule(db: Executor, name: string, nextRunAt: Date) {
    await db.updateTable('job_schedules').set({ next_run_at: nextRunAt, last_run_at: sql`now()` }).where('name', '=', name).execute();
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
