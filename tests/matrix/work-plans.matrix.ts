import type { Kdb } from '../../src/server/db/client';
import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Daily reports and monthly plans read with visit:read in its scope over the person (reports) or
 * the plan's owner and unit (plans); outside it 404. A plan is changed only by its owner
 * (visit:write): others who can see it get 403. Writes send a wrong version with a valid body, so
 * the owner stops at the version check (409 = allowed).
 */
const readS = all('allow', { spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const ownerOnlyS = all('deny', { spec_a1: 'allow', spec_b1: 'hidden' });

async function insertPlan(db: Kdb, ownerId: number) {
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const r = await db.insertInto('monthly_plans').values({ owner_id: ownerId, unit_id: owner.unit_id, month: '2099-01' }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const planBody = { version: 999, plannedVisits: 1, plannedExpansions: 0, plannedDeals: 0 };

export const workPlansMatrix: MatrixSuite = {
  feature: 'daily reports and monthly plans',
  async setup({ t, ids }) {
    const u = t.org.users;
    ids.planS = await insertPlan(t.database.db, u.spec_a1!);
    ids.planB = await insertPlan(t.database.db, u.manager_b!);
    ids.specA1 = u.spec_a1!;
  },
  cases: [
    { name: 'own daily report', method: 'GET', url: () => '/api/daily-reports', expect: all('allow') },
    { name: "spec_a1's daily report", method: 'GET', url: ({ ids }) => `/api/daily-reports?userId=${ids.specA1}`, expect: readS },
    { name: 'team daily report', method: 'GET', url: () => '/api/daily-reports/team', expect: all('allow') },
    { name: 'own daily report’s opening day', method: 'GET', url: () => '/api/daily-reports/latest-day', expect: all('allow') },
    { name: "spec_a1's daily report’s opening day", method: 'GET', url: ({ ids }) => `/api/daily-reports/latest-day?userId=${ids.specA1}`, expect: readS },
    { name: 'team daily report’s opening day', method: 'GET', url: () => '/api/daily-reports/team/latest-day', expect: all('allow') },
    { name: 'list monthly plans', method: 'GET', url: () => '/api/monthly-plans', expect: all('allow') },
    { name: 'create a monthly plan (invalid body)', method: 'POST', url: () => '/api/monthly-plans', body: () => ({}), expect: all('allow', { gm: 'deny', finance: 'deny' }) },
    { name: "spec_a1's monthly plan", method: 'GET', url: ({ ids }) => `/api/monthly-plans/${ids.planS}`, expect: readS },
    { name: "manager_b's monthly plan", method: 'GET', url: ({ ids }) => `/api/monthly-plans/${ids.planB}`, expect: readB },
    { name: "edit spec_a1's monthly plan", method: 'PUT', url: ({ ids }) => `/api/monthly-plans/${ids.planS}`, body: () => planBody, expect: conflicts({ ...ownerOnlyS, gm: 'deny', finance: 'deny' }) },
    { name: "submit spec_a1's monthly plan", method: 'POST', url: ({ ids }) => `/api/monthly-plans/${ids.planS}/submit`, body: () => ({ version: 999 }), expect: conflicts(ownerOnlyS) },
    { name: "submit manager_b's monthly plan", method: 'POST', url: ({ ids }) => `/api/monthly-plans/${ids.planB}/submit`, body: () => ({ version: 999 }), expect: all('deny', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' }) },
  ],
};
