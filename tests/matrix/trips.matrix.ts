import { sql } from 'kysely';
import type { Kdb } from '../../src/server/db/client';
import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Business trips follow the traveller's scope (owner / unit): read with trip:read, written with
 * trip:write, 404 outside the scope. Trips: spec_a1's (team A) and manager_b's (team B). GM and
 * finance only read. Writes send a wrong version, so they stop at the version check (409); a
 * check-in is the traveller's own (403 for anyone else who may write the trip).
 */
async function insertTrip(db: Kdb, ownerId: number, accountId: number) {
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const r = await sql<{ id: number }>`insert into business_trips (owner_id, unit_id, destination, start_on, end_on, purpose, transport, created_by)
    values (${ownerId}, ${owner.unit_id}, '矩阵出差', current_date + 3, current_date + 4, '矩阵', 'train', ${ownerId}) returning id`.execute(db);
  await sql`insert into business_trip_accounts (trip_id, account_id) values (${r.rows[0]!.id}, ${accountId})`.execute(db);
  return r.rows[0]!.id;
}

const in5 = () => new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const body = () => ({ destination: '矩阵', startOn: in5(), endOn: in5(), purpose: '矩阵', transport: 'car', version: 999 });
const readA = all('allow', { spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const writeA = all('allow', { gm: 'deny', finance: 'deny', spec_b1: 'hidden' });
const writeB = all('allow', { gm: 'deny', finance: 'deny', manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });

export const tripsMatrix: MatrixSuite = {
  feature: 'business trips',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    const accA = await insertAccount(db, '矩阵出差客户甲', u.spec_a1!);
    const accB = await insertAccount(db, '矩阵出差客户乙', u.manager_b!);
    ids.tripA = await insertTrip(db, u.spec_a1!, accA);
    ids.tripB = await insertTrip(db, u.manager_b!, accB);
  },
  cases: [
    { name: 'trip list', method: 'GET', url: () => '/api/trips', expect: all('allow') },
    { name: 'apply for a trip (empty body)', method: 'POST', url: () => '/api/trips', body: () => ({}), expect: all('allow', { gm: 'deny', finance: 'deny' }) },
    { name: "spec_a1's trip", method: 'GET', url: ({ ids }) => `/api/trips/${ids.tripA}`, expect: readA },
    { name: "manager_b's trip", method: 'GET', url: ({ ids }) => `/api/trips/${ids.tripB}`, expect: readB },
    { name: "edit spec_a1's trip (wrong version)", method: 'PUT', url: ({ ids }) => `/api/trips/${ids.tripA}`, body, expect: conflicts(writeA) },
    { name: "edit manager_b's trip (wrong version)", method: 'PUT', url: ({ ids }) => `/api/trips/${ids.tripB}`, body, expect: conflicts(writeB) },
    { name: "submit manager_b's trip (wrong version)", method: 'POST', url: ({ ids }) => `/api/trips/${ids.tripB}/submit`, body: () => ({ version: 999 }), expect: conflicts(writeB) },
    { name: "withdraw spec_a1's trip (wrong version)", method: 'POST', url: ({ ids }) => `/api/trips/${ids.tripA}/withdraw`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
    { name: "cancel manager_b's trip (wrong version)", method: 'POST', url: ({ ids }) => `/api/trips/${ids.tripB}/cancel`, body: () => ({ version: 999, reason: '矩阵' }), expect: conflicts(writeB) },
    {
      name: "check in on spec_a1's trip (only the traveller; a draft is refused with 400)",
      method: 'POST',
      url: ({ ids }) => `/api/trips/${ids.tripA}/checkins`,
      body: () => ({ place: '矩阵', work: '矩阵' }),
      expect: all('deny', { spec_a1: 'allow', spec_b1: 'hidden' }),
    },
    {
      name: "report on spec_a1's trip (wrong version)",
      method: 'POST',
      url: ({ ids }) => `/api/trips/${ids.tripA}/report`,
      body: () => ({ version: 999, returnedOn: in5(), summary: '矩阵', actualCostLines: [] }),
      expect: conflicts(writeA),
    },
    { name: "withdraw the report of spec_a1's trip (wrong version)", method: 'POST', url: ({ ids }) => `/api/trips/${ids.tripA}/report/withdraw`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
  ],
};
