import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPostgres, type Database, type Kdb } from '../../src/server/db/client';
import { JobQueue } from '../../src/server/platform/jobs/queue';
import { cloneTemplate, serverUrl, testDbKind, type TestDatabase } from '../support/db';

let tdb: TestDatabase;
let db: Kdb;
/** a second connection pool to the same database on PostgreSQL; the same handle on PGlite */
let other: Database | undefined;
let otherDb: Kdb;

beforeAll(async () => {
  tdb = await cloneTemplate();
  db = tdb.database.db;
  if (testDbKind() === 'postgres') {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    other = openPostgres(serverUrl(rows[0].name), 5);
    otherDb = other.db;
  } else {
    otherDb = db;
  }
});
afterAll(async () => {
  await other?.close();
  await tdb?.drop();
});

const jobsNamed = (name: string) => db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('id').execute();
const secondsFromNow = (d: Date) => (new Date(d).getTime() - Date.now()) / 1000;

describe('enqueue', () => {
  it('belongs to the transaction: a rolled-back change leaves no job, a committed one leaves one', async () => {
    const q = new JobQueue(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await q.enqueue(trx, 'tx.job', { n: 1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await jobsNamed('tx.job')).toHaveLength(0);
    await db.transaction().execute(async (trx) => {
      await q.enqueue(trx, 'tx.job', { n: 2 });
    });
    const rows = await jobsNamed('tx.job');
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toEqual({ n: 2 });
  });

  it('keeps one queued job per dedupe key, and allows a new one once it is done', async () => {
    const q = new JobQueue(db);
    let runs = 0;
    q.register('dedupe.job', async () => {
      runs++;
    });
    const first = await q.enqueue(db, 'dedupe.job', {}, { dedupeKey: 'recompute:7' });
    const second = await q.enqueue(db, 'dedupe.job', {}, { dedupeKey: 'recompute:7' });
    expect(first).toBeGreaterThan(0);
    expect(second).toBeUndefined();
    expect(await jobsNamed('dedupe.job')).toHaveLength(1);
    await q.runDue();
    expect(runs).toBe(1);
    expect(await q.enqueue(db, 'dedupe.job', {}, { dedupeKey: 'recompute:7' })).toBeGreaterThan(0);
    expect((await jobsNamed('dedupe.job')).map((j) => j.status)).toEqual(['done', 'queued']);
  });
});

describe('failures', () => {
  it('retries a failing job with exponential backoff and fails it for good after max attempts', async () => {
    const q = new JobQueue(db);
    const attempts: number[] = [];
    q.register('flaky.job', async (_payload, ctx) => {
      attempts.push(ctx.attempt);
      throw new Error(`boom ${ctx.attempt}`);
    });
    const id = (await q.enqueue(db, 'flaky.job', {}, { maxAttempts: 3 }))!;
    const row = () => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    await q.runDue();
    let j = await row();
    expect(j).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom 1', locked_by: null });
    expect(secondsFromNow(j.run_at)).toBeGreaterThan(1);
    expect(secondsFromNow(j.run_at)).toBeLessThanOrEqual(2.5);
    // not due yet: a worker tick leaves it alone
    await q.runDue();
    expect(attempts).toEqual([1]);

    await sql`update jobs set run_at = now() where id = ${id}`.execute(db);
    await q.runDue();
    j = await row();
    expect(j).toMatchObject({ status: 'queued', attempts: 2, last_error: 'boom 2' });
    expect(secondsFromNow(j.run_at)).toBeGreaterThan(3);
    expect(secondsFromNow(j.run_at)).toBeLessThanOrEqual(4.5);

    await sql`update jobs set run_at = now() where id = ${id}`.execute(db);
    await q.runDue();
    j = await row();
    expect(j).toMatchObject({ status: 'failed', attempts: 3, last_error: 'boom 3' });
    expect(j.finished_at).not.toBeNull();
    expect(attempts).toEqual([1, 2, 3]);

    await sql`update jobs set run_at = now() where id = ${id}`.execute(db);
    expect(await q.runDue()).toBe(0);
  });

  it('fails a job nobody has a handler for instead of dropping it silently', async () => {
    const q = new JobQueue(db);
    const id = (await q.enqueue(db, 'nobody.handles', {}, { maxAttempts: 1 }))!;
    await q.runDue();
    const j = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(j.status).toBe('failed');
    expect(j.last_error).toMatch(/no handler/);
  });

  it('requeues jobs whose worker died, and fails the ones out of attempts', async () => {
    const q = new JobQueue(db);
    let runs = 0;
    q.register('orphan.job', async () => {
      runs++;
    });
    const stale = (await q.enqueue(db, 'orphan.job', { which: 'stale' }, { maxAttempts: 3 }))!;
    const exhausted = (await q.enqueue(db, 'orphan.job', { which: 'exhausted' }, { maxAttempts: 3 }))!;
    const fresh = (await q.enqueue(db, 'orphan.job', { which: 'fresh' }, { maxAttempts: 3 }))!;
    await sql`update jobs set status = 'running', locked_by = 'dead-worker', attempts = 1, locked_at = now() - interval '11 minutes' where id = ${stale}`.execute(db);
    await sql`update jobs set status = 'running', locked_by = 'dead-worker', attempts = 3, locked_at = now() - interval '11 minutes' where id = ${exhausted}`.execute(db);
    await sql`update jobs set status = 'running', locked_by = 'busy-worker', attempts = 1, locked_at = now() - interval '1 minute' where id = ${fresh}`.execute(db);

    expect(await q.requeueStale(600)).toBe(2);
    const byId = async (id: number) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await byId(stale)).toMatchObject({ status: 'queued', locked_by: null, last_error: 'worker lost' });
    expect(await byId(exhausted)).toMatchObject({ status: 'failed', last_error: 'worker lost' });
    expect(await byId(fresh)).toMatchObject({ status: 'running', locked_by: 'busy-worker' });

    expect(await q.runDue()).toBe(1);
    expect(runs).toBe(1);
    expect(await byId(stale)).toMatchObject({ status: 'done', attempts: 2 });
    // the busy worker may still finish its job: completion is bound to the worker holding it
    expect(await byId(fresh)).toMatchObject({ status: 'running' });
  });
});

describe('giving up (issue 11 item 7)', () => {
  it('runs onGiveUp with the final failure; a handler that throws is undone and logged, and the queue goes on', async () => {
    const logged: string[] = [];
    const log = { error: (_o: unknown, msg: string) => logged.push(msg), warn: () => {} } as never;
    const q = new JobQueue(db, log);
    const gaveUp: unknown[] = [];
    let goodRuns = 0;
    q.register('doomed.job', async () => {
      throw new Error('boom');
    }, {
      onGiveUp: async (trx, payload, error) => {
        gaveUp.push([payload, error]);
        await trx.insertInto('settings').values({ key: 'giveup.marker', value: JSON.stringify(1) } as never).execute();
        throw new Error('the handler itself fails');
      },
    });
    q.register('good.job', async () => {
      goodRuns++;
    });
    const doomed = (await q.enqueue(db, 'doomed.job', { n: 1 }, { maxAttempts: 1 }))!;
    await q.enqueue(db, 'good.job', {});
    expect(await q.runDue()).toBe(2);
    expect(gaveUp).toEqual([[{ n: 1 }, 'boom']]);
    expect(goodRuns).toBe(1);
    expect((await db.selectFrom('jobs').select('status').where('id', '=', doomed).executeTakeFirstOrThrow()).status).toBe('failed');
    // what the failing handler wrote was rolled back to its savepoint
    expect(await db.selectFrom('settings').select('key').where('key', '=', 'giveup.marker').execute()).toHaveLength(0);
    expect(logged).toContain('give-up handler failed');

    // the same through a lost worker: requeueStale fails the job, survives the handler, and the next job runs
    const lost = (await q.enqueue(db, 'doomed.job', { n: 2 }, { maxAttempts: 1 }))!;
    await sql`update jobs set status = 'running', locked_by = 'dead', attempts = 1, locked_at = now() - interval '1 hour' where id = ${lost}`.execute(db);
    await q.enqueue(db, 'good.job', {});
    expect(await q.requeueStale(600)).toBe(1);
    expect(gaveUp).toHaveLength(2);
    expect(await q.runDue()).toBe(1);
    expect(goodRuns).toBe(2);
  });

  it('a worker keeps every job of its batch alive while the first one runs long', async () => {
    const q = new JobQueue(db, undefined, { heartbeatMs: 50 });
    q.register('slow.job', async () => {
      await new Promise((r) => setTimeout(r, 600));
    });
    q.register('quick.job', async () => {});
    await q.enqueue(db, 'slow.job', {});
    await q.enqueue(db, 'quick.job', {});
    const running = q.runDue(2);
    await new Promise((r) => setTimeout(r, 400));
    // another instance looks for jobs silent for more than 0.3 s: both are alive
    const other = new JobQueue(otherDb);
    await other.requeueStale(0.3);
    const mine = await db.selectFrom('jobs').select(['name', 'status', 'locked_by']).where('name', 'in', ['slow.job', 'quick.job']).orderBy('id').execute();
    expect(mine.map((j) => [j.name, j.status, j.locked_by])).toEqual([
      ['slow.job', 'running', q.workerId],
      ['quick.job', 'running', q.workerId],
    ]);
    expect(await running).toBe(2);
    const rows = [...(await jobsNamed('slow.job')), ...(await jobsNamed('quick.job'))];
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
    ]);
  });
});

describe('several instances on one database', () => {
  it('never runs a job twice when two queues claim concurrently', async () => {
    const ran = new Map<number, string[]>();
    const make = (label: string, handle: Kdb) => {
      const q = new JobQueue(handle);
      q.register('race.job', async (payload) => {
        const n = (payload as { n: number }).n;
        ran.set(n, [...(ran.get(n) ?? []), label]);
        await new Promise((r) => setTimeout(r, 2));
      });
      return q;
    };
    const q1 = make('a', db);
    const q2 = make('b', otherDb);
    const N = 60;
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < N; n++) await q1.enqueue(trx, 'race.job', { n });
    });
    const drain = async (q: JobQueue) => {
      while ((await q.runDue(4)) > 0);
    };
    await Promise.all([drain(q1), drain(q2), drain(q1), drain(q2)]);
    expect(ran.size).toBe(N);
    const twice = [...ran.entries()].filter(([, who]) => who.length !== 1);
    expect(twice).toEqual([]);
    if (testDbKind() === 'postgres') {
      // with two pools the claims really interleave: both instances got work
      const who = new Set([...ran.values()].flat());
      expect([...who].sort()).toEqual(['a', 'b']);
    }
    const rows = await jobsNamed('race.job');
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('enqueues a due schedule exactly once even when two queues tick together', async () => {
    let runs = 0;
    const make = (handle: Kdb) => {
      const q = new JobQueue(handle);
      q.schedule('tick.job', { everySeconds: 3600 }, async () => {
        runs++;
      });
      return q;
    };
    const q1 = make(db);
    const q2 = make(otherDb);
    await Promise.all([q1.runDue(), q2.runDue()]);
    // the schedule row exists and is an hour away: nothing ran yet
    const schedule = await db.selectFrom('job_schedules').selectAll().where('name', '=', 'tick.job').executeTakeFirstOrThrow();
    expect(secondsFromNow(schedule.next_run_at)).toBeGreaterThan(3500);
    expect(runs).toBe(0);

    for (let round = 1; round <= 5; round++) {
      await sql`update job_schedules set next_run_at = now() - interval '1 second' where name = 'tick.job'`.execute(db);
      await Promise.all([q1.runDue(), q2.runDue(), q1.runDue(), q2.runDue()]);
      expect(await jobsNamed('tick.job')).toHaveLength(round);
      expect(runs).toBe(round);
    }
    const after = await db.selectFrom('job_schedules').selectAll().where('name', '=', 'tick.job').executeTakeFirstOrThrow();
    expect(after.last_run_at).not.toBeNull();
    expect(secondsFromNow(after.next_run_at)).toBeGreaterThan(3500);
  });
});
