import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Accounts are scoped by account:read / account:update / account:assign (own / team / unit /
 * all); finance holds no account permission. Records: an account of spec_a1 (team A) and
 * one of spec_b1 (team B). Writes send version 1, so after the first success the rest get a
 * 409, which still shows they passed authorisation and scope.
 */
const ofA1 = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const ofB1 = all('allow', { spec_a1: 'hidden', manager_a: 'hidden', finance: 'deny' });
const directorOfA1 = all('deny', { admin: 'allow', gm: 'allow', director: 'allow' });
const adminOnly = all('deny', { admin: 'allow' });

export const accountsMatrix: MatrixSuite = {
  feature: 'accounts',
  async setup({ t, ids }) {
    for (const [user, name, key] of [['spec_a1', '矩阵客户甲', 'accountA1'], ['spec_b1', '矩阵客户乙', 'accountB1']] as const) {
      const c = await t.login(user);
      const r = await c.post('/api/accounts', { name });
      if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
      ids[key] = r.body.id;
    }
  },
  cases: [
    { name: 'list accounts', method: 'GET', url: () => '/api/accounts', expect: all('allow', { finance: 'deny' }) },
    { name: 'create account', method: 'POST', url: () => '/api/accounts', body: () => ({}), expect: all('allow', { finance: 'deny' }) },
    { name: "read spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountA1}`, expect: ofA1 },
    { name: "read spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountB1}`, expect: ofB1 },
    { name: "edit spec_a1's account", method: 'PATCH', url: ({ ids }) => `/api/accounts/${ids.accountA1}`, body: () => ({ phone: '025-1234567', version: 1 }), expect: conflicts(ofA1, ['admin']) },
    { name: "edit spec_b1's account", method: 'PATCH', url: ({ ids }) => `/api/accounts/${ids.accountB1}`, body: () => ({ phone: '025-1234567', version: 1 }), expect: conflicts(ofB1, ['admin']) },
    { name: 'move the lifecycle', method: 'POST', url: ({ ids }) => `/api/accounts/${ids.accountA1}/lifecycle`, body: () => ({ to: 'developing', reason: '拜访', version: 1 }), expect: conflicts(ofA1) },
    { name: 'set the grade', method: 'POST', url: ({ ids }) => `/api/accounts/${ids.accountA1}/grade`, body: () => ({ grade: 'A', reason: '评估', version: 1 }), expect: conflicts(directorOfA1) },
    { name: 'set the categories', method: 'POST', url: ({ ids }) => `/api/accounts/${ids.accountA1}/categories`, body: () => ({ strategic: true, reason: '战略', version: 1 }), expect: conflicts(directorOfA1) },
    { name: 'assign the account', method: 'POST', url: ({ ids }) => `/api/accounts/${ids.accountA1}/assign`, body: ({ t }) => ({ ownerId: t.org.users.spec_a1, reason: '调整', version: 1 }), expect: conflicts(directorOfA1) },
    { name: 'replace the team', method: 'PUT', url: ({ ids }) => `/api/accounts/${ids.accountA1}/team`, body: () => ({ members: [], version: 1 }), expect: conflicts(ofA1) },
    { name: 'read the revenue ledger', method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountA1}/revenue`, expect: ofA1 },
    { name: 'replace the revenue ledger', method: 'PUT', url: ({ ids }) => `/api/accounts/${ids.accountB1}/revenue`, body: () => ({ rows: [], version: 1 }), expect: conflicts(ofB1) },
    { name: 'read the history', method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountB1}/changes`, expect: ofB1 },
    { name: 'quadrant counts', method: 'GET', url: () => '/api/accounts/quadrants', expect: all('allow', { finance: 'deny' }) },
    { name: 'completeness rate', method: 'GET', url: () => '/api/accounts/completeness', expect: all('allow', { finance: 'deny' }) },
    { name: "read spec_b1's quadrant", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountB1}/quadrant`, expect: ofB1 },
    { name: 'override the quadrant', method: 'POST', url: ({ ids }) => `/api/accounts/${ids.accountA1}/quadrant`, body: () => ({ quadrant: 'star', reason: '总监判断', version: 1 }), expect: conflicts(directorOfA1) },
    { name: 'read the settings', method: 'GET', url: () => '/api/account-settings', expect: adminOnly },
    { name: 'save the settings', method: 'PUT', url: () => '/api/account-settings', body: () => ({}), expect: adminOnly },
    { name: 'a missing account', method: 'GET', url: () => '/api/accounts/999999', expect: all('hidden', { finance: 'deny' }) },
  ],
};
