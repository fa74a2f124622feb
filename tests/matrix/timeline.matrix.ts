import { all, type MatrixSuite } from './harness';

/** The timeline is read under account:read in the account's scope; its sources filter further inside. */
export const timelineMatrix: MatrixSuite = {
  feature: 'account timeline',
  async setup({ t, ids }) {
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const r = await (await t.login(user)).post('/api/accounts', { name: `矩阵动态客户${key}` });
      if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
      ids[`timelineAccount${key}`] = r.body.id;
    }
  },
  cases: [
    { name: "timeline of spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.timelineAccountA1}/timeline`, expect: all('allow', { spec_b1: 'hidden', finance: 'deny' }) },
    { name: "timeline of spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.timelineAccountB1}/timeline`, expect: all('allow', { spec_a1: 'hidden', manager_a: 'hidden', finance: 'deny' }) },
  ],
};
