import { all, type MatrixSuite, conflicts } from './harness';

/**
 * Merging accounts needs account:merge (director, GM, admin by default) with both accounts in its
 * scope. The POST sends a wrong source version, so it is refused with a 409 past authorisation and
 * scope and merges nothing.
 */
const mergers = all('deny', { admin: 'allow', gm: 'allow', director: 'allow' });

export const mergeMatrix: MatrixSuite = {
  feature: 'account merge',
  async setup({ t, ids }) {
    for (const [user, key] of [['spec_a1', 'A1'], ['spec_b1', 'B1']] as const) {
      const r = await (await t.login(user)).post('/api/accounts', { name: `矩阵合并客户${key}` });
      if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
      ids[`mergeAccount${key}`] = r.body.id;
    }
  },
  cases: [
    { name: "preview merging spec_b1's account into spec_a1's", method: 'GET', url: ({ ids }) => `/api/accounts/${ids.mergeAccountA1}/merge-preview?sourceId=${ids.mergeAccountB1}`, expect: mergers },
    {
      name: "merge spec_b1's account into spec_a1's (stale source version)",
      method: 'POST',
      url: ({ ids }) => `/api/accounts/${ids.mergeAccountA1}/merge`,
      body: ({ ids }) => ({ sourceId: ids.mergeAccountB1, reason: '重复', version: 1, sourceVersion: 999 }),
      expect: conflicts(mergers),
    },
    { name: 'preview merging a missing account', method: 'GET', url: ({ ids }) => `/api/accounts/999999/merge-preview?sourceId=${ids.mergeAccountB1}`, expect: all('deny', { admin: 'hidden', gm: 'hidden', director: 'hidden' }) },
  ],
};
