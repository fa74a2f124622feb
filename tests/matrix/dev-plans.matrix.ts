import { insertAccount, insertProject } from '../support/pipeline';
import { all, type MatrixSuite, conflicts } from './harness';

/**
 * The development plan follows its project's scope (owner / unit): read with opportunity:read,
 * written with opportunity:write; outside the scope 404. Projects: manager_a's (team A),
 * manager_b's (team B) and spec_a1's own. Specialists and finance only read. Saves send
 * version 0 (the first success creates the plan, the rest are 409); submit and withdraw send a
 * wrong version, so they stop at the version check without starting an approval.
 */
const readA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const readS = all('allow', { spec_b1: 'hidden' });
const writeA = all('allow', { spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const writeB = all('allow', { manager_a: 'hidden', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const plan = (version: number) => ({ strategy: '矩阵方案', version });

export const devPlansMatrix: MatrixSuite = {
  feature: 'development plans',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    const accA = await insertAccount(db, '矩阵方案客户甲', u.manager_a!);
    const accB = await insertAccount(db, '矩阵方案客户乙', u.manager_b!);
    ids.planProjectA = await insertProject(db, { accountId: accA, ownerId: u.manager_a!, stage: 3 });
    ids.planProjectB = await insertProject(db, { accountId: accB, ownerId: u.manager_b!, stage: 3 });
    ids.planProjectS = await insertProject(db, { accountId: accA, ownerId: u.spec_a1!, stage: 3 });
  },
  cases: [
    { name: "plan of manager_a's project", method: 'GET', url: ({ ids }) => `/api/opportunities/${ids.planProjectA}/plan`, expect: readA },
    { name: "plan of manager_b's project", method: 'GET', url: ({ ids }) => `/api/opportunities/${ids.planProjectB}/plan`, expect: readB },
    { name: "plan of spec_a1's project", method: 'GET', url: ({ ids }) => `/api/opportunities/${ids.planProjectS}/plan`, expect: readS },
    { name: "write the plan of manager_a's project", method: 'PUT', url: ({ ids }) => `/api/opportunities/${ids.planProjectA}/plan`, body: () => plan(0), expect: conflicts(writeA, ['admin']) },
    { name: "write the plan of manager_b's project", method: 'PUT', url: ({ ids }) => `/api/opportunities/${ids.planProjectB}/plan`, body: () => plan(0), expect: conflicts(writeB, ['admin']) },
    { name: "submit the plan of manager_b's project (wrong version)", method: 'POST', url: ({ ids }) => `/api/opportunities/${ids.planProjectB}/plan/submit`, body: () => ({ version: 999 }), expect: conflicts(writeB) },
    { name: "withdraw the plan of manager_a's project (wrong version)", method: 'POST', url: ({ ids }) => `/api/opportunities/${ids.planProjectA}/plan/withdraw`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
  ],
};
