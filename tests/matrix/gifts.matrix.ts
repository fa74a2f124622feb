import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Gifts (ACT-8). The catalogue, stock and cap belong to gift:manage (the administrator; in the
 * matrix only admin holds it); everyone of the matrix reads them (gift:read). Plans and
 * applications follow their account: gift:read to read, gift:apply to write (gm and finance only
 * read). The administrator (gift:manage) reads every application. Records: an account of spec_a1
 * and one of spec_b1, each with a recipient, a plan line and a draft application. Writes send a
 * wrong version, so they reach the version check (409) without changing anything.
 */
const manageOnly = all('deny', { admin: 'allow' });
const readA1 = all('allow', { spec_b1: 'hidden' });
const writeA1 = all('allow', { spec_b1: 'hidden', gm: 'deny', finance: 'deny' });
const writeB1 = all('allow', { spec_a1: 'hidden', manager_a: 'hidden', gm: 'deny', finance: 'deny' });

export const giftsMatrix: MatrixSuite = {
  feature: 'gifts',
  async setup({ t, ids }) {
    const admin = await t.login('admin');
    const item = await admin.post('/api/gift-items', { name: '矩阵礼品', unitValue: 10_000 });
    if (item.status !== 201) throw new Error(`setup: ${JSON.stringify(item.body)}`);
    ids.giftItem = item.body.id;
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const c = await t.login(user);
      const a = await c.post('/api/accounts', { name: `矩阵礼品客户${key}` });
      const person = await c.post('/api/contacts', { accountId: a.body.id, name: `受礼人${key}` });
      const plan = await c.post(`/api/accounts/${a.body.id}/gift-plans`, { itemId: ids.giftItem, quantity: 1 });
      const app = await c.post('/api/gift-applications', { accountId: a.body.id, contactId: person.body.id, itemId: ids.giftItem, quantity: 1, giftOn: '2026-12-01' });
      if (plan.status !== 201 || app.status !== 201) throw new Error(`setup: ${JSON.stringify([a.body, person.body, plan.body, app.body])}`);
      ids[`giftAccount${key}`] = a.body.id;
      ids[`giftContact${key}`] = person.body.id;
      ids[`giftPlan${key}`] = plan.body.id;
      ids[`giftApplication${key}`] = app.body.id;
    }
  },
  cases: [
    { name: 'gift catalogue', method: 'GET', url: () => '/api/gift-items', expect: all('allow') },
    { name: 'add a gift to the catalogue', method: 'POST', url: () => '/api/gift-items', body: () => ({ name: '', unitValue: 1 }), expect: manageOnly },
    { name: 'edit a catalogue entry (wrong version)', method: 'PATCH', url: ({ ids }) => `/api/gift-items/${ids.giftItem}`, body: () => ({ note: '改', version: 999 }), expect: conflicts(manageOnly) },
    { name: 'stock ledger', method: 'GET', url: ({ ids }) => `/api/gift-items/${ids.giftItem}/movements`, expect: all('allow') },
    { name: 'book stock in (wrong version)', method: 'POST', url: ({ ids }) => `/api/gift-items/${ids.giftItem}/movements`, body: () => ({ kind: 'in', quantity: 1, version: 999 }), expect: conflicts(manageOnly) },
    { name: 'gift settings', method: 'GET', url: () => '/api/gift-settings', expect: all('allow') },
    { name: 'set the yearly cap (wrong version)', method: 'PUT', url: () => '/api/gift-settings', body: () => ({ recipientYearCap: 1, version: 999 }), expect: conflicts(manageOnly) },
    { name: "gift plan of spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.giftAccountA1}/gift-plans`, expect: readA1 },
    { name: "add to the gift plan of spec_b1's account", method: 'POST', url: ({ ids }) => `/api/accounts/${ids.giftAccountB1}/gift-plans`, body: ({ ids }) => ({ itemId: ids.giftItem, quantity: 1 }), expect: writeB1 },
    { name: "edit spec_a1's plan line (wrong version)", method: 'PATCH', url: ({ ids }) => `/api/gift-plans/${ids.giftPlanA1}`, body: () => ({ quantity: 2, version: 999 }), expect: conflicts(writeA1) },
    { name: "delete spec_b1's plan line (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/gift-plans/${ids.giftPlanB1}?version=999`, expect: conflicts(writeB1) },
    { name: 'gift applications list', method: 'GET', url: () => '/api/gift-applications', expect: all('allow') },
    { name: 'write a gift application', method: 'POST', url: () => '/api/gift-applications', body: () => ({ quantity: 0 }), expect: all('allow', { gm: 'deny', finance: 'deny' }) },
    { name: "spec_a1's application", method: 'GET', url: ({ ids }) => `/api/gift-applications/${ids.giftApplicationA1}`, expect: readA1 },
    { name: "edit spec_b1's application (wrong version)", method: 'PATCH', url: ({ ids }) => `/api/gift-applications/${ids.giftApplicationB1}`, body: () => ({ quantity: 2, version: 999 }), expect: conflicts(writeB1) },
    { name: "delete spec_b1's draft application (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/gift-applications/${ids.giftApplicationB1}?version=999`, expect: conflicts(writeB1) },
    { name: "submit spec_a1's application (wrong version)", method: 'POST', url: ({ ids }) => `/api/gift-applications/${ids.giftApplicationA1}/submit`, body: () => ({ version: 999 }), expect: conflicts(writeA1) },
    { name: "withdraw spec_b1's application (wrong version)", method: 'POST', url: ({ ids }) => `/api/gift-applications/${ids.giftApplicationB1}/withdraw`, body: () => ({ version: 999 }), expect: conflicts(writeB1) },
    { name: "issue spec_a1's application (wrong version)", method: 'POST', url: ({ ids }) => `/api/gift-applications/${ids.giftApplicationA1}/issue`, body: () => ({ version: 999 }), expect: conflicts(manageOnly) },
    { name: "year total of spec_a1's recipient", method: 'GET', url: ({ ids }) => `/api/contacts/${ids.giftContactA1}/gift-total?year=2026`, expect: readA1 },
  ],
};
