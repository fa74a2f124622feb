import type { Executor } from '../server/db/client';
import type { MeasureResult } from '../shared/domain/health';

/** SQL for the churn-warning demo (demo-recovery.ts): whether it ran, the key people who left or lean away, a past health point, a step's id. */
export const recoverySeedRepo = {
  async anyPlan(db: Executor) {
    return Boolean(await db.selectFrom('recovery_plans').select('id').limit(1).executeTakeFirst());
  },
  async addKeyPerson(db: Executor, v: { accountId: number; name: string; title: string; createdAt: Date; leftAt?: string; leaning?: string }) {
    await db
      .insertInto('contacts')
      .values({ account_id: v.accountId, name: v.name, title: v.title, is_key_person: true, status: v.leftAt ? 'left' : 'active', left_at: v.leftAt ?? null, competitor_leaning: v.leaning ?? null, created_at: v.createdAt, updated_at: v.createdAt })
      .execute();
  },
  /** A health point of the past (the chart shows the dip the plan answered). */
  async addHealthPoint(db: Executor, v: { accountId: number; at: Date; score: number; band: string; measures: MeasureResult[] }) {
    await db.insertInto('account_health_history').values({ account_id: v.accountId, at: v.at, score: v.score, band: v.band, measures: JSON.stringify(v.measures) }).execute();
  },
  async openSteps(db: Executor, planId: number) {
    return db.selectFrom('tasks').select('id').where('link_entity', '=', 'recovery_plan').where('link_id', '=', planId).where('status', '=', 'open').orderBy('due_at').orderBy('id').execute();
  },
  async version(db: Executor, planId: number): Promise<number> {
    return (await db.selectFrom('recovery_plans').select('version').where('id', '=', planId).executeTakeFirstOrThrow()).version;
  },
};
