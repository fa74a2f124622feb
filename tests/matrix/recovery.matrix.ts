import { sql } from 'kysely';
import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite } from './harness';

/**
 * 挽回方案: reading and working a plan follow the account's scope (spec_a1's account: hidden from spec_b1;
 * finance has none of it); deciding won back or lost and changing the template are recovery:close (admin,
 * GM, director). Bodies left empty: an allowed caller gets a 400 about the input, so nothing changes.
 */
const read = all('allow', { finance: 'deny' });
const inScope = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const close = all('allow', { manager_a: 'deny', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });

export const recoveryMatrix: MatrixSuite = {
  feature: 'recovery',
  async setup({ t, ids }) {
    const db = t.database.db;
    ids.recoveryAccount = await insertAccount(db, '矩阵挽回客户', t.org.users.spec_a1!);
    await sql`update accounts set lifecycle = 'at_risk' where id = ${ids.recoveryAccount}`.execute(db);
    const r = await sql<{ id: number }>`insert into recovery_plans (account_id, owner_id, trigger, reason, opened_at) values (${ids.recoveryAccount}, ${t.org.users.spec_a1!}, 'manual', '矩阵', now()) returning id`.execute(db);
    ids.recoveryPlan = Number(r.rows[0]!.id);
  },
  cases: [
    { name: 'the plans in scope', method: 'GET', url: () => '/api/recovery-plans?state=open,in_progress,won_back,lost', expect: read },
    { name: 'a plan of spec_a1’s account', method: 'GET', url: ({ ids }) => `/api/recovery-plans/${ids.recoveryPlan}`, expect: inScope },
    { name: 'open a plan (empty body)', method: 'POST', url: () => '/api/recovery-plans', body: () => ({}), expect: read },
    { name: 'the goal and measures (empty body)', method: 'PUT', url: ({ ids }) => `/api/recovery-plans/${ids.recoveryPlan}`, body: () => ({}), expect: read },
    { name: 'start (empty body)', method: 'POST', url: ({ ids }) => `/api/recovery-plans/${ids.recoveryPlan}/start`, body: () => ({}), expect: read },
    { name: 'a further step (empty body)', method: 'POST', url: ({ ids }) => `/api/recovery-plans/${ids.recoveryPlan}/steps`, body: () => ({}), expect: read },
    { name: 'tick a step that is not there', method: 'POST', url: ({ ids }) => `/api/recovery-plans/${ids.recoveryPlan}/steps/99999999/done`, body: () => ({}), expect: all('hidden', { finance: 'deny' }) },
    { name: 'decide (empty body)', method: 'POST', url: ({ ids }) => `/api/recovery-plans/${ids.recoveryPlan}/close`, body: () => ({}), expect: close },
    { name: 'the template', method: 'GET', url: () => '/api/recovery-plans/settings', expect: read },
    { name: 'save the template (empty body)', method: 'PUT', url: () => '/api/recovery-plans/settings', body: () => ({}), expect: close },
  ],
};
