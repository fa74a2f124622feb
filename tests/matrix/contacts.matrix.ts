import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Contacts follow their account's scope under contact:read / contact:write; finance holds no
 * contact permission. Records: an account of spec_a1 (team A) and one of spec_b1 (team B), one
 * contact each. Sensitive fields (ORG-4) need contact:sensitive (director, GM, admin) or
 * ownership of the account (spec_a1 for their own). Writes send version 1, so after the first
 * success the rest get a 409, which still shows they passed authorisation and scope.
 */
const ofA1 = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const ofB1 = all('allow', { spec_a1: 'hidden', manager_a: 'hidden', finance: 'deny' });
const sensitiveOfA1 = all('allow', { manager_a: 'deny', spec_b1: 'hidden', finance: 'deny' });
const sensitiveOfB1 = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', finance: 'deny' });

export const contactsMatrix: MatrixSuite = {
  feature: 'contacts',
  async setup({ t, ids }) {
    for (const [user, name, key] of [['spec_a1', '矩阵联系人客户甲', 'A1'], ['spec_b1', '矩阵联系人客户乙', 'B1']] as const) {
      const c = await t.login(user);
      const a = await c.post('/api/accounts', { name });
      if (a.status !== 200) throw new Error(`setup: ${JSON.stringify(a.body)}`);
      ids[`contactAccount${key}`] = a.body.id;
      for (const suffix of ['', 'Left', 'Reporting']) {
        const r = await c.post('/api/contacts', { accountId: a.body.id, name: `联系人${key}${suffix}` });
        if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
        ids[`contact${key}${suffix}`] = r.body.id;
      }
    }
  },
  cases: [
    { name: 'list contacts', method: 'GET', url: () => '/api/contacts', expect: all('allow', { finance: 'deny' }) },
    { name: 'department coverage list', method: 'GET', url: () => '/api/coverage', expect: all('allow', { finance: 'deny' }) },
    { name: "contacts of spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.contactAccountA1}/contacts`, expect: ofA1 },
    { name: "coverage of spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.contactAccountB1}/coverage`, expect: ofB1 },
    { name: "add a contact to spec_a1's account", method: 'POST', url: () => '/api/contacts', body: ({ ids }) => ({ accountId: ids.contactAccountA1, name: '新联系人' }), expect: all('allow', { finance: 'deny' }) },
    { name: "read spec_a1's contact", method: 'GET', url: ({ ids }) => `/api/contacts/${ids.contactA1}`, expect: ofA1 },
    { name: "read spec_b1's contact", method: 'GET', url: ({ ids }) => `/api/contacts/${ids.contactB1}`, expect: ofB1 },
    { name: "edit spec_a1's contact", method: 'PATCH', url: ({ ids }) => `/api/contacts/${ids.contactA1}`, body: () => ({ title: '处长', version: 1 }), expect: conflicts(ofA1, ['admin']) },
    { name: "set sensitive fields of spec_a1's contact", method: 'PATCH', url: ({ ids }) => `/api/contacts/${ids.contactA1}`, body: (_ctx, user) => ({ hobbies: `爱好-${user}`, version: 1 }), expect: conflicts(sensitiveOfA1) },
    { name: "set sensitive fields of spec_b1's contact", method: 'PATCH', url: ({ ids }) => `/api/contacts/${ids.contactB1}`, body: (_ctx, user) => ({ birthday: user === 'admin' ? '1970-01-01' : '1971-02-02', version: 1 }), expect: conflicts(sensitiveOfB1, ['admin']) },
    { name: 'change the relationship', method: 'POST', url: ({ ids }) => `/api/contacts/${ids.contactB1}/relationship`, body: () => ({ support: 1, version: 1 }), expect: conflicts(ofB1) },
    { name: 'read the relationship history', method: 'GET', url: ({ ids }) => `/api/contacts/${ids.contactA1}/history`, expect: ofA1 },
    { name: 'record that a contact left', method: 'POST', url: ({ ids }) => `/api/contacts/${ids.contactA1Left}/left`, body: () => ({ leftOn: '2026-01-31', note: '离职', version: 1 }), expect: conflicts(ofA1, ['admin']) },
    { name: 'set the reporting line', method: 'PUT', url: ({ ids }) => `/api/contacts/${ids.contactB1Reporting}/reporting`, body: ({ ids }) => ({ reportsToId: ids.contactB1, assistantOfId: null, version: 1 }), expect: conflicts(ofB1, ['admin']) },
    { name: 'a missing contact', method: 'GET', url: () => '/api/contacts/999999', expect: all('hidden', { finance: 'deny' }) },
  ],
};
