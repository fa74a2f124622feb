import { all, type MatrixSuite, conflicts } from './harness';

/**
 * The strengthening plan (REL-6) is read under contact:read and written under contact:write in the
 * account's scope; finance holds neither. Records: an account of spec_a1 and one of spec_b1 with
 * a plan item each. Edits send version 1; completing and deleting send a wrong version, so they
 * reach the version check (409) and leave the items as they are.
 */
const ofA1 = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const ofB1 = all('allow', { spec_a1: 'hidden', manager_a: 'hidden', finance: 'deny' });

export const plansMatrix: MatrixSuite = {
  feature: 'strengthening plan',
  async setup({ t, ids }) {
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const c = await t.login(user);
      const a = await c.post('/api/accounts', { name: `矩阵强化客户${key}` });
      if (a.status !== 200) throw new Error(`setup: ${JSON.stringify(a.body)}`);
      ids[`planAccount${key}`] = a.body.id;
      const i = await c.post(`/api/accounts/${a.body.id}/plan-items`, { level: 'gm', measures: '高层拜访' });
      if (i.status !== 200) throw new Error(`setup: ${JSON.stringify(i.body)}`);
      ids[`planItem${key}`] = i.body.id;
    }
  },
  cases: [
    { name: "plan of spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.planAccountA1}/plan`, expect: ofA1 },
    { name: "plan of spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.planAccountB1}/plan`, expect: ofB1 },
    { name: "add a plan item to spec_a1's account", method: 'POST', url: ({ ids }) => `/api/accounts/${ids.planAccountA1}/plan-items`, body: () => ({ level: 'staff', measures: '走访' }), expect: ofA1 },
    { name: "edit spec_b1's plan item", method: 'PATCH', url: ({ ids }) => `/api/plan-items/${ids.planItemB1}`, body: () => ({ notes: '补充', version: 1 }), expect: conflicts(ofB1, ['admin']) },
    { name: "complete spec_a1's plan item (wrong version)", method: 'POST', url: ({ ids }) => `/api/plan-items/${ids.planItemA1}/complete`, body: () => ({ outcome: '完成', version: 999 }), expect: conflicts(ofA1) },
    { name: "delete spec_b1's plan item (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/plan-items/${ids.planItemB1}?version=999`, expect: conflicts(ofB1) },
  ],
};
