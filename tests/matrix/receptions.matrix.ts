import { insertAccount } from '../support/pipeline';
import { insertReception } from '../support/receptions';
import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Receptions follow the owner / unit scope: read with reception:read (finance and the GMs read
 * all), written with reception:write (specialists own, managers their team, the director the
 * unit subtree). Records: manager_a's (team A), spec_a1's own, manager_b's (team B). Writes
 * send a wrong version (409 after the scope check) so no state changes between users.
 */
const readA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const readS = all('allow', { spec_b1: 'hidden' });
const writeA = all('allow', { gm: 'deny', finance: 'deny', spec_a1: 'hidden', spec_b1: 'hidden' });
const writeB = all('allow', { gm: 'deny', finance: 'deny', manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const writeS = all('allow', { gm: 'deny', finance: 'deny', spec_b1: 'hidden' });
const create = all('allow', { gm: 'deny', finance: 'deny' });


const people = [{ key: 'h', name: '主', side: 'host', rank: 1 }, { key: 'g', name: '宾', side: 'guest', rank: 1 }];
const stale = { version: 999 };
const report = { version: 999, date: '2026-12-01', place: '饭店', guestAttendees: [{ name: '宾' }], hostAttendees: [{ name: '主' }], spent: {}, effect: '好' };
const seating = { version: 999, seatsPerTable: 4, people, tables: [{ no: 1, x: 0, y: 0, seats: ['h', 'g', null, null] }] };

export const receptionsMatrix: MatrixSuite = {
  feature: 'receptions',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    const accA = await insertAccount(db, '矩阵接待客户甲', u.manager_a!);
    const accB = await insertAccount(db, '矩阵接待客户乙', u.manager_b!);
    const accS = await insertAccount(db, '矩阵接待客户丙', u.spec_a1!);
    ids.receptionAccount = accS;
    ids.receptionA = await insertReception(db, { accountId: accA, ownerId: u.manager_a! });
    ids.receptionB = await insertReception(db, { accountId: accB, ownerId: u.manager_b! });
    ids.receptionS = await insertReception(db, { accountId: accS, ownerId: u.spec_a1! });
  },
  cases: [
    { name: 'list receptions', method: 'GET', url: () => '/api/receptions', expect: all('allow', { spec_b1: 'allow' }) },
    {
      name: 'create a reception (draft) for a visible account',
      method: 'POST',
      url: () => '/api/receptions',
      body: ({ ids }) => ({ accountId: ids.receptionAccount, startsAt: 'not-a-date', level: 'low' }),
      expect: create,
    },
    { name: "manager_a's reception", method: 'GET', url: ({ ids }) => `/api/receptions/${ids.receptionA}`, expect: readA },
    { name: "manager_b's reception", method: 'GET', url: ({ ids }) => `/api/receptions/${ids.receptionB}`, expect: readB },
    { name: "spec_a1's reception", method: 'GET', url: ({ ids }) => `/api/receptions/${ids.receptionS}`, expect: readS },
    { name: "edit manager_a's reception (wrong version)", method: 'PUT', url: ({ ids }) => `/api/receptions/${ids.receptionA}`, body: ({ ids }) => ({ accountId: ids.receptionAccount, startsAt: '2026-12-01T10:00:00+08:00', level: 'low', purposes: ['festival'], version: 999 }), expect: conflicts(writeA) },
    { name: "submit manager_b's reception (wrong version)", method: 'POST', url: ({ ids }) => `/api/receptions/${ids.receptionB}/submit`, body: () => stale, expect: conflicts(writeB) },
    { name: "withdraw spec_a1's reception (wrong version)", method: 'POST', url: ({ ids }) => `/api/receptions/${ids.receptionS}/withdraw`, body: () => stale, expect: conflicts(writeS) },
    { name: "cancel manager_a's reception (wrong version)", method: 'POST', url: ({ ids }) => `/api/receptions/${ids.receptionA}/cancel`, body: () => ({ ...stale, reason: '改期' }), expect: conflicts(writeA) },
    { name: "report on manager_a's reception (wrong version)", method: 'PUT', url: ({ ids }) => `/api/receptions/${ids.receptionA}/report`, body: () => report, expect: conflicts(writeA) },
    {
      name: "confirm the report of spec_a1's reception (director or GM position only)",
      method: 'POST',
      url: ({ ids }) => `/api/receptions/${ids.receptionS}/report/confirm`,
      body: () => stale,
      expect: conflicts(all('deny', { admin: 'deny', director: 'allow', spec_b1: 'hidden', spec_a1: 'deny', manager_a: 'deny' })),
    },
    { name: "seating of manager_b's reception", method: 'GET', url: ({ ids }) => `/api/receptions/${ids.receptionB}/seating`, expect: readB },
    { name: "propose seating for manager_a's reception", method: 'POST', url: ({ ids }) => `/api/receptions/${ids.receptionA}/seating/propose`, body: () => ({ people }), expect: writeA },
    { name: "save seating of spec_a1's reception (wrong version)", method: 'PUT', url: ({ ids }) => `/api/receptions/${ids.receptionS}/seating`, body: () => seating, expect: conflicts(writeS) },
  ],
};
