import { all, type MatrixSuite } from './harness';

/** Saved views are personal: any signed-in user has their own; another's view is a 404, even to an administrator. */
export const savedViewsMatrix: MatrixSuite = {
  feature: 'saved views',
  async setup({ t, ids }) {
    const a1 = await t.login('spec_a1');
    for (const key of ['viewA1', 'viewA1Delete']) {
      const r = await a1.post('/api/saved-views', { page: 'accounts', name: key, query: { tier: 'large' } });
      if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
      ids[key] = r.body.id;
    }
  },
  cases: [
    { name: 'my views', method: 'GET', url: () => '/api/saved-views?page=accounts', expect: all('allow') },
    { name: 'save a view', method: 'POST', url: () => '/api/saved-views', body: () => ({ page: 'coverage', name: '', query: {} }), expect: all('allow') },
    { name: "edit spec_a1's view", method: 'PATCH', url: ({ ids }) => `/api/saved-views/${ids.viewA1}`, body: () => ({ name: '改名', version: 1 }), expect: all('hidden', { spec_a1: 'allow' }) },
    { name: "delete spec_a1's view", method: 'DELETE', url: ({ ids }) => `/api/saved-views/${ids.viewA1Delete}`, expect: all('hidden', { spec_a1: 'allow' }) },
  ],
};
