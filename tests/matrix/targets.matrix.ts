import { sql } from 'kysely';
import { all, type MatrixSuite } from './harness';

/**
 * 目标与分解: reading follows the plan's unit (team A's plan: team A, the director above and the company-wide
 * readers; not team B's spec_b1); setting and submitting targets is target:manage (the GM, the director);
 * asking for a change is open to every reader at the route (the service admits one's own row, or any row of a
 * plan one manages). Bodies left empty: an allowed caller gets a 400 about the input, so nothing changes.
 */
const read = all('allow');
const manage = all('deny', { admin: 'allow', gm: 'allow', director: 'allow' });
const inScope = all('allow', { spec_b1: 'hidden' });

export const targetsMatrix: MatrixSuite = {
  feature: 'targets',
  async setup({ t, ids }) {
    const db = t.database.db;
    const plan = await sql<{ id: number }>`insert into target_plans (unit_id, metric, year, status) values (${t.org.units.teamA}, 'visits', 2030, 'approved') returning id`.execute(db);
    ids.targetPlan = Number(plan.rows[0]!.id);
    const change = await sql<{ id: number }>`insert into target_changes (plan_id, reason, requested_by, status) values (${ids.targetPlan}, '矩阵调整', ${t.org.users.spec_a1!}, 'approved') returning id`.execute(db);
    ids.targetChange = Number(change.rows[0]!.id);
  },
  cases: [
    { name: 'the plans', method: 'GET', url: () => '/api/targets', expect: read },
    { name: 'team A’s plan', method: 'GET', url: ({ ids }) => `/api/targets/${ids.targetPlan}`, expect: inScope },
    { name: 'start a plan (empty body)', method: 'POST', url: () => '/api/targets', body: () => ({}), expect: manage },
    { name: 'write cells (empty body)', method: 'PUT', url: ({ ids }) => `/api/targets/${ids.targetPlan}/cells`, body: () => ({}), expect: manage },
    { name: 'submit (empty body)', method: 'POST', url: ({ ids }) => `/api/targets/${ids.targetPlan}/submit`, body: () => ({}), expect: manage },
    { name: 'withdraw (empty body)', method: 'POST', url: ({ ids }) => `/api/targets/${ids.targetPlan}/withdraw`, body: () => ({}), expect: manage },
    { name: 'delete (no version)', method: 'DELETE', url: ({ ids }) => `/api/targets/${ids.targetPlan}`, expect: manage },
    { name: 'ask for a change (empty body)', method: 'POST', url: ({ ids }) => `/api/targets/${ids.targetPlan}/changes`, body: () => ({}), expect: read },
    { name: 'the plan of a change', method: 'GET', url: ({ ids }) => `/api/target-changes/${ids.targetChange}`, expect: inScope },
    { name: 'take back a change that is not there', method: 'POST', url: () => '/api/target-changes/99999999/withdraw', expect: all('hidden') },
    { name: 'export team A’s plan', method: 'GET', url: ({ ids }) => `/api/targets/${ids.targetPlan}/export`, expect: inScope },
    { name: 'attainment of one’s own unit', method: 'GET', url: () => '/api/kpis/attainment?metric=visits&period=2030', expect: read },
    { name: 'attainment of team A', method: 'GET', url: ({ t }) => `/api/kpis/attainment?unitId=${t.org.units.teamA}&metric=visits&period=2030`, expect: inScope },
    { name: 'one’s own KPIs', method: 'GET', url: () => '/api/kpis?period=2030', expect: read },
    { name: 'team A’s KPIs', method: 'GET', url: ({ t }) => `/api/kpis?subject=unit:${t.org.units.teamA}&period=2030`, expect: inScope },
    { name: 'team A’s KPI board', method: 'GET', url: ({ t }) => `/api/kpis/board?unitId=${t.org.units.teamA}&period=2030`, expect: inScope },
    { name: 'import (empty body)', method: 'POST', url: ({ ids }) => `/api/targets/${ids.targetPlan}/import`, body: () => ({}), expect: manage },
  ],
};
