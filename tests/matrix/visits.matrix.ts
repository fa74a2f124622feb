import type { Kdb } from '../../src/server/db/client';
import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Visits follow their visitor and unit: read with visit:read (gm, deputy, finance read all),
 * written with visit:write in its scope, reviewed with visit:review (the KA director); outside the
 * scope 404. Visits: manager_a's (team A), manager_b's (team B) and spec_a1's own. Writes send a
 * wrong version with an otherwise valid body, so they stop at the version check (409 = allowed).
 */
const readA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const readS = all('allow', { spec_b1: 'hidden' });
const noWrite = { gm: 'deny', finance: 'deny' } as const;
const writeA = all('allow', { ...noWrite, spec_a1: 'hidden', spec_b1: 'hidden' });
const writeB = all('allow', { ...noWrite, manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const writeS = all('allow', { ...noWrite, spec_b1: 'hidden' });
const review = all('deny', { admin: 'allow', director: 'allow' });

async function insertVisit(db: Kdb, accountId: number, ownerId: number) {
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const r = await db
    .insertInto('visits')
    .values({ account_id: accountId, owner_id: ownerId, unit_id: owner.unit_id, purpose: 'first', method: 'onsite', planned_at: new Date(), resources: '[]', expenses: '[]', budget: 0, cash_advance: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const wrong = { version: 999 };
const recordBody = { version: 999, metName: '矩阵', discussed: '矩阵', result: 'B' };

export const visitsMatrix: MatrixSuite = {
  feature: 'visits',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    const accA = await insertAccount(db, '矩阵拜访客户甲', u.manager_a!);
    const accB = await insertAccount(db, '矩阵拜访客户乙', u.manager_b!);
    ids.visitA = await insertVisit(db, accA, u.manager_a!);
    ids.visitB = await insertVisit(db, accB, u.manager_b!);
    ids.visitS = await insertVisit(db, accA, u.spec_a1!);
  },
  cases: [
    { name: 'list visits', method: 'GET', url: () => '/api/visits?box=mine', expect: all('allow') },
    { name: 'review queue', method: 'GET', url: () => '/api/visits?box=review', expect: all('allow') },
    { name: 'plan a visit (invalid body)', method: 'POST', url: () => '/api/visits', body: () => ({}), expect: all('allow', noWrite) },
    { name: "manager_a's visit", method: 'GET', url: ({ ids }) => `/api/visits/${ids.visitA}`, expect: readA },
    { name: "manager_b's visit", method: 'GET', url: ({ ids }) => `/api/visits/${ids.visitB}`, expect: readB },
    { name: "spec_a1's visit", method: 'GET', url: ({ ids }) => `/api/visits/${ids.visitS}`, expect: readS },
    {
      name: "edit manager_a's visit",
      method: 'PUT',
      url: ({ ids }) => `/api/visits/${ids.visitA}`,
      body: () => ({ accountId: 1, purpose: 'first', method: 'phone', plannedAt: new Date().toISOString(), version: 999 }),
      expect: conflicts(writeA),
    },
    { name: "submit manager_b's visit", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitB}/submit`, body: () => wrong, expect: conflicts(writeB) },
    { name: "withdraw manager_b's visit plan (wrong version)", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitB}/withdraw`, body: () => wrong, expect: conflicts(writeB) },
    { name: "cancel spec_a1's visit", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitS}/cancel`, body: () => wrong, expect: conflicts(writeS) },
    { name: "check in to manager_a's visit", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitA}/check-in`, body: () => ({ ...wrong, place: '矩阵' }), expect: conflicts(writeA) },
    { name: "record spec_a1's visit", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitS}/record`, body: () => recordBody, expect: conflicts(writeS) },
    { name: "report manager_b's visit", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitB}/report`, body: () => wrong, expect: conflicts(writeB) },
    { name: "review manager_a's visit report", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitA}/review`, body: () => ({ ...wrong, decision: 'approve' }), expect: conflicts(review) },
    { name: "review spec_a1's visit report", method: 'POST', url: ({ ids }) => `/api/visits/${ids.visitS}/review`, body: () => ({ ...wrong, decision: 'approve' }), expect: conflicts(review) },
  ],
};
