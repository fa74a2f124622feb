import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Needs and countermeasures (ACC-8) follow the account: read under account:read, write under
 * account:update; finance holds neither. Records: an account of spec_a1 and one of spec_b1, a need
 * and a countermeasure on each. Edits send version 1 (the first success makes the rest 409s);
 * deletes send a wrong version, so they reach the version check (409) without removing anything.
 */
const ofA1 = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const ofB1 = all('allow', { spec_a1: 'hidden', manager_a: 'hidden', finance: 'deny' });

export const needsMatrix: MatrixSuite = {
  feature: 'needs and countermeasures',
  async setup({ t, ids }) {
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const c = await t.login(user);
      const a = await c.post('/api/accounts', { name: `矩阵需求客户${key}` });
      if (a.status !== 200) throw new Error(`setup: ${JSON.stringify(a.body)}`);
      ids[`needsAccount${key}`] = a.body.id;
      const n = await c.post(`/api/accounts/${a.body.id}/needs`, { productType: '会员卡' });
      const m = await c.post(`/api/accounts/${a.body.id}/countermeasures`, { problem: '价格敏感', measure: '提供阶梯价' });
      if (n.status !== 200 || m.status !== 200) throw new Error(`setup: ${JSON.stringify([n.body, m.body])}`);
      ids[`need${key}`] = n.body.id;
      ids[`countermeasure${key}`] = m.body.id;
    }
  },
  cases: [
    { name: "needs of spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.needsAccountA1}/needs`, expect: ofA1 },
    { name: "needs of spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.needsAccountB1}/needs`, expect: ofB1 },
    { name: "add a need to spec_b1's account", method: 'POST', url: ({ ids }) => `/api/accounts/${ids.needsAccountB1}/needs`, body: () => ({ productType: '客房' }), expect: ofB1 },
    { name: "edit spec_a1's need", method: 'PATCH', url: ({ ids }) => `/api/needs/${ids.needA1}`, body: () => ({ region: '南京', version: 1 }), expect: conflicts(ofA1, ['admin']) },
    { name: "delete spec_b1's need (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/needs/${ids.needB1}?version=999`, expect: conflicts(ofB1) },
    { name: "add a countermeasure to spec_a1's account", method: 'POST', url: ({ ids }) => `/api/accounts/${ids.needsAccountA1}/countermeasures`, body: () => ({ problem: '问题', measure: '对策' }), expect: ofA1 },
    { name: "edit spec_b1's countermeasure", method: 'PATCH', url: ({ ids }) => `/api/countermeasures/${ids.countermeasureB1}`, body: () => ({ status: 'done', version: 1 }), expect: conflicts(ofB1, ['admin']) },
    { name: "delete spec_a1's countermeasure (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/countermeasures/${ids.countermeasureA1}?version=999`, expect: conflicts(ofA1) },
  ],
};
