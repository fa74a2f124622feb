import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite } from './harness';

/**
 * Receivables (DEAL-2, DEAL-3). Everyone of the matrix reads ageing, receivables, dunning and rates
 * (receipt:read) over the contracts in their scope — out of scope is an empty report, not an error;
 * the settings are changed with contract:manage (admin, gm, director); an account's statement is
 * hidden outside the scope of its contracts; finance's reconciliation needs receipt:confirm; running the
 * dunning now and reading its run need receivable:dunning (admin, gm, director, finance). Records:
 * an account with a signed contract of spec_a1 and one of spec_b1.
 */
const statementOf = (owner: 'spec_a1' | 'spec_b1') => all('allow', owner === 'spec_a1' ? { spec_b1: 'hidden' } : { spec_a1: 'hidden', manager_a: 'hidden' });
const range = 'from=2026-01-01&to=2026-12-31';

export const receivablesMatrix: MatrixSuite = {
  feature: 'receivables',
  async setup({ t, ids }) {
    const db = t.database.db;
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const accountId = await insertAccount(db, `应收矩阵客户${key}`, t.org.users[user]!);
      await insertSignedContract(db, { accountId, ownerId: t.org.users[user]!, instalments: [{ dueDate: '2026-03-01', amount: 10_000 }] });
      ids[`account${key}`] = accountId;
    }
  },
  cases: [
    { name: 'receivables settings', method: 'GET', url: () => '/api/receivables/settings', expect: all('allow') },
    // invalid bounds: allowed callers get the 400, the others are refused before validation
    { name: 'set the receivables settings (invalid)', method: 'PUT', url: () => '/api/receivables/settings', body: () => ({ ageing: { bounds: [], version: 0 } }), expect: all('deny', { admin: 'allow', gm: 'allow', director: 'allow' }) },
    { name: 'ageing', method: 'GET', url: () => '/api/receivables/ageing?asOf=2026-06-30&groupBy=unit', expect: all('allow') },
    { name: 'ageing export', method: 'GET', url: () => '/api/receivables/ageing/export?asOf=2026-06-30', expect: all('allow') },
    { name: 'receivables drill-down', method: 'GET', url: () => '/api/receivables/instalments?asOf=2026-06-30&bucket=4', expect: all('allow') },
    { name: 'dunning list', method: 'GET', url: () => '/api/receivables/dunning?state=all', expect: all('allow') },
    { name: 'run the dunning now', method: 'POST', url: () => '/api/receivables/dunning/run', expect: all('deny', { admin: 'allow', gm: 'allow', director: 'allow', finance: 'allow' }) },
    { name: 'the latest dunning run', method: 'GET', url: () => '/api/receivables/dunning/run', expect: all('deny', { admin: 'allow', gm: 'allow', director: 'allow', finance: 'allow' }) },
    { name: 'collection and settlement rates', method: 'GET', url: () => '/api/receivables/rates?period=2026-Q1&groupBy=unit', expect: all('allow') },
    { name: "statement of spec_a1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountA1}/statement?${range}`, expect: statementOf('spec_a1') },
    { name: "statement of spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountB1}/statement?${range}`, expect: statementOf('spec_b1') },
    { name: "statement export of spec_b1's account", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.accountB1}/statement/export?${range}`, expect: statementOf('spec_b1') },
    { name: 'monthly reconciliation', method: 'GET', url: () => '/api/receivables/reconciliation?period=2026-03', expect: all('deny', { admin: 'allow', finance: 'allow' }) },
  ],
};
