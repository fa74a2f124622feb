import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite } from './harness';

/**
 * 客户健康度: an account's health follows the account's read scope (spec_a1's account: hidden from spec_b1,
 * finance has no account:read); the at-risk list and the settings are health:read — everyone but finance;
 * saving the profiles and recomputing now are health:configure (admin, GM, director).
 */
const read = all('allow', { finance: 'deny' });
const inScope = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const configure = all('allow', { manager_a: 'deny', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });

export const healthMatrix: MatrixSuite = {
  feature: 'health',
  async setup({ t, ids }) {
    ids.healthAccount = await insertAccount(t.database.db, '矩阵健康度客户', t.org.users.spec_a1!);
  },
  cases: [
    { name: 'the health of spec_a1’s account', method: 'GET', url: ({ ids }) => `/api/accounts/${ids.healthAccount}/health`, expect: inScope },
    { name: 'the at-risk list', method: 'GET', url: () => '/api/health/at-risk?band=red,yellow', expect: read },
    { name: 'read the settings', method: 'GET', url: () => '/api/health/settings', expect: read },
    { name: 'save the settings (empty body)', method: 'PUT', url: () => '/api/health/settings', body: () => ({}), expect: configure },
    { name: 'recompute now', method: 'POST', url: () => '/api/health/recompute', expect: configure },
    { name: 'the latest recompute', method: 'GET', url: () => '/api/health/recompute', expect: configure },
  ],
};
