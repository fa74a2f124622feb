import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Development projects (PIPE-1..3) are read under opportunity:read and written under
 * opportunity:write in the project's scope (owner / unit); specialists only read their own,
 * finance reads all and writes nothing; the settings are changed with opportunity:configure
 * (admin and the director). Records: a project of manager_a (team A) and one of manager_b
 * (team B), each with a competitor entry. Writes send a wrong version (or a competitor that does
 * not exist), so they reach the version check (409) or validation (400) and change nothing.
 */
const read = all('allow');
const readA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const writeA = all('allow', { spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const writeB = all('allow', { manager_a: 'hidden', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const configure = all('deny', { admin: 'allow', director: 'allow' });

export const opportunitiesMatrix: MatrixSuite = {
  feature: 'development projects',
  async setup({ t, ids }) {
    const [competitor] = await t.database.db.insertInto('competitors').values({ name: '矩阵对手', name_key: '矩阵对手' }).returning('id').execute();
    for (const [user, key] of [['manager_a', 'A'], ['manager_b', 'B']] as const) {
      const c = await t.login(user);
      const a = await c.post('/api/accounts', { name: `矩阵开发客户${key}` });
      if (a.status !== 200) throw new Error(`setup: ${JSON.stringify(a.body)}`);
      ids[`oppAccount${key}`] = a.body.id;
      const o = await c.post('/api/opportunities', { accountId: a.body.id, name: `矩阵项目${key}`, expectedValue: 100 });
      if (o.status !== 201) throw new Error(`setup: ${JSON.stringify(o.body)}`);
      ids[`opp${key}`] = o.body.id;
      const e = await c.post(`/api/opportunities/${o.body.id}/competitors`, { competitorId: competitor!.id });
      if (e.status !== 200) throw new Error(`setup: ${JSON.stringify(e.body)}`);
      ids[`oppEntry${key}`] = e.body.id;
    }
  },
  cases: [
    { name: 'list projects', method: 'GET', url: () => '/api/opportunities', expect: read },
    { name: "start a project on manager_a's account", method: 'POST', url: () => '/api/opportunities', body: ({ ids }) => ({ accountId: ids.oppAccountA, name: '矩阵新项目', expectedValue: 1 }), expect: writeA },
    { name: "manager_a's project", method: 'GET', url: ({ ids }) => `/api/opportunities/${ids.oppA}`, expect: readA },
    { name: "manager_b's project", method: 'GET', url: ({ ids }) => `/api/opportunities/${ids.oppB}`, expect: readB },
    { name: "edit manager_b's project (wrong version)", method: 'PATCH', url: ({ ids }) => `/api/opportunities/${ids.oppB}`, body: () => ({ name: '改名', version: 999 }), expect: conflicts(writeB) },
    { name: "tick an item of manager_a's project (wrong version)", method: 'PUT', url: ({ ids }) => `/api/opportunities/${ids.oppA}/checklist/potential_need`, body: () => ({ done: true, version: 999 }), expect: conflicts(writeA) },
    { name: "participants of manager_b's project (wrong version)", method: 'PUT', url: ({ ids }) => `/api/opportunities/${ids.oppB}/participants`, body: () => ({ participants: [], version: 999 }), expect: conflicts(writeB) },
    { name: "decision chain of manager_a's project (wrong version)", method: 'PUT', url: ({ ids }) => `/api/opportunities/${ids.oppA}/contacts`, body: () => ({ contacts: [], version: 999 }), expect: conflicts(writeA) },
    { name: "move manager_b's project (wrong version)", method: 'POST', url: ({ ids }) => `/api/opportunities/${ids.oppB}/stage`, body: () => ({ toStage: 2, version: 999 }), expect: conflicts(writeB) },
    { name: "close manager_a's project (wrong version)", method: 'POST', url: ({ ids }) => `/api/opportunities/${ids.oppA}/close`, body: () => ({ status: 'paused', version: 999 }), expect: conflicts(writeA) },
    { name: "reopen manager_b's project (wrong version)", method: 'POST', url: ({ ids }) => `/api/opportunities/${ids.oppB}/reopen`, body: () => ({ reason: '重开', version: 999 }), expect: conflicts(writeB) },
    { name: "assess manager_a's project (wrong version)", method: 'PUT', url: ({ ids }) => `/api/opportunities/${ids.oppA}/assessment`, body: () => ({ scores: {}, version: 999 }), expect: conflicts(writeA) },
    { name: "add an unknown competitor to manager_b's project", method: 'POST', url: ({ ids }) => `/api/opportunities/${ids.oppB}/competitors`, body: () => ({ competitorId: 999999 }), expect: writeB },
    { name: "edit a competitor entry of manager_a's project (wrong version)", method: 'PATCH', url: ({ ids }) => `/api/opportunities/${ids.oppA}/competitors/${ids.oppEntryA}`, body: () => ({ threat: 'high', version: 999 }), expect: conflicts(writeA) },
    { name: "remove a competitor entry of manager_b's project (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/opportunities/${ids.oppB}/competitors/${ids.oppEntryB}?version=999`, expect: conflicts(writeB) },
    { name: 'pipeline settings', method: 'GET', url: () => '/api/pipeline/settings', expect: read },
    {
      name: 'change the pipeline settings (wrong version)',
      method: 'PUT',
      url: () => '/api/pipeline/settings',
      body: () => ({
        gates: { 1: [], 2: [], 3: [], 4: [], 5: [] },
        weights: { share: 1, effort: 1, deal_risk: 1, business_value: 1, payment_risk: 1, supply_capacity: 1, difficulty: 1 },
        thresholds: { valueHigh: 70, valueLow: 40, difficultyHigh: 60 },
        probabilities: { 1: 10, 2: 20, 3: 40, 4: 60, 5: 80 },
        ageingDays: { 1: 30, 2: 30, 3: 30, 4: 30, 5: 30 },
        version: 999,
      }),
      expect: conflicts(configure),
    },
  ],
};
