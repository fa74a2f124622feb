import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Expense claims (ACT-10). Every matrix user reads claims in their data scope (expense:read);
 * field staff and directors write their own (expense:write; gm and finance do not); only the
 * claimant changes or submits a claim (others get 404); finance pays and exports (expense:pay);
 * budgets and control rates need budget:manage (admin, gm, finance). Records: a draft claim of
 * spec_a1 and one of spec_b1 (an 'other' line each) and a budget. Writes send a wrong version.
 */
const payOnly = all('deny', { admin: 'allow', finance: 'allow' });
const budgetOnly = all('deny', { admin: 'allow', gm: 'allow', finance: 'allow' });
const ownerOnly = (owner: 'spec_a1' | 'spec_b1') => all('hidden', { [owner]: 'allow', gm: 'deny', finance: 'deny' });

export const expensesMatrix: MatrixSuite = {
  feature: 'expenses',
  async setup({ t, ids }) {
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const c = await t.login(user);
      const r = await c.post('/api/expense-claims', { title: `矩阵报销${key}`, lines: [{ kind: 'other', category: '其他', amount: 100, occurredOn: '2026-11-01' }] });
      if (r.status !== 201) throw new Error(`setup: ${JSON.stringify(r.body)}`);
      ids[`claim${key}`] = r.body.id;
    }
    const admin = await t.login('admin');
    const b = await admin.post('/api/budgets', { unitId: t.org.units.teamA, category: '其他', period: '2026-11', amount: 1_000 });
    if (b.status !== 201) throw new Error(`setup: ${JSON.stringify(b.body)}`);
    ids.budget = b.body.id;
  },
  cases: [
    { name: 'my claims', method: 'GET', url: () => '/api/expense-claims', expect: all('allow') },
    { name: 'finance box', method: 'GET', url: () => '/api/expense-claims?box=finance', expect: payOnly },
    { name: 'claimable records', method: 'GET', url: () => '/api/expense-claims/claimable', expect: all('allow', { gm: 'deny', finance: 'deny' }) },
    { name: 'reconciliation export', method: 'GET', url: () => '/api/expense-claims/export?period=2026-11', expect: payOnly },
    { name: 'write a claim', method: 'POST', url: () => '/api/expense-claims', body: () => ({ title: '', lines: [] }), expect: all('allow', { gm: 'deny', finance: 'deny' }) },
    { name: "spec_a1's claim", method: 'GET', url: ({ ids }) => `/api/expense-claims/${ids.claimA1}`, expect: all('allow', { spec_b1: 'hidden' }) },
    { name: "spec_b1's claim", method: 'GET', url: ({ ids }) => `/api/expense-claims/${ids.claimB1}`, expect: all('allow', { spec_a1: 'hidden', manager_a: 'hidden' }) },
    { name: "change spec_a1's claim (wrong version)", method: 'PUT', url: ({ ids }) => `/api/expense-claims/${ids.claimA1}`, body: () => ({ title: '改', lines: [{ kind: 'other', category: '其他', amount: 1, occurredOn: '2026-11-01' }], version: 999 }), expect: conflicts(ownerOnly('spec_a1')) },
    { name: "delete spec_a1's draft claim (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/expense-claims/${ids.claimA1}?version=999`, expect: conflicts(ownerOnly('spec_a1')) },
    { name: "withdraw spec_b1's claim (wrong version)", method: 'POST', url: ({ ids }) => `/api/expense-claims/${ids.claimB1}/withdraw`, body: () => ({ version: 999 }), expect: conflicts(ownerOnly('spec_b1')) },
    { name: "submit spec_b1's claim (wrong version)", method: 'POST', url: ({ ids }) => `/api/expense-claims/${ids.claimB1}/submit`, body: () => ({ version: 999 }), expect: conflicts(ownerOnly('spec_b1')) },
    { name: "pay spec_a1's claim (wrong version)", method: 'POST', url: ({ ids }) => `/api/expense-claims/${ids.claimA1}/pay`, body: () => ({ version: 999 }), expect: conflicts(payOnly) },
    { name: 'budgets of a month', method: 'GET', url: () => '/api/budgets?period=2026-11', expect: budgetOnly },
    { name: 'set a budget', method: 'POST', url: () => '/api/budgets', body: () => ({ category: '', period: 'x', amount: -1 }), expect: budgetOnly },
    { name: 'change a budget (wrong version)', method: 'PATCH', url: ({ ids }) => `/api/budgets/${ids.budget}`, body: () => ({ amount: 1, version: 999 }), expect: conflicts(budgetOnly) },
    { name: 'control rates', method: 'GET', url: () => '/api/budgets/control?period=2026-11', expect: budgetOnly },
    { name: 'my phone allowance', method: 'GET', url: () => '/api/expense-claims/phone-allowance?period=2026-11', expect: all('allow', { gm: 'deny', finance: 'deny' }) },
    { name: 'the expense categories', method: 'GET', url: () => '/api/expense-settings/categories', expect: all('allow') },
    // a stale version: allowed callers get the 409, the others are refused before it
    { name: 'set the expense categories (wrong version)', method: 'PUT', url: () => '/api/expense-settings/categories', body: () => ({ items: ['交通费'], version: 999 }), expect: conflicts(budgetOnly) },
    { name: 'the default phone allowance', method: 'GET', url: () => '/api/expense-settings/phone-allowance', expect: all('allow') },
    // a negative amount: allowed callers get the 400, the others are refused before validation
    { name: 'set the default phone allowance (invalid)', method: 'PUT', url: () => '/api/expense-settings/phone-allowance', body: () => ({ monthlyLimit: -1 }), expect: budgetOnly },
  ],
};
