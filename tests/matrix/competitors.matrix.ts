import { all, type MatrixSuite, conflicts } from './harness';

/**
 * The competitor register (PIPE-4) is company-wide: everyone with opportunity:read reads it
 * (specialists and finance included); competitor:manage keeps it. Writes send the same name and
 * version 1, so the first success makes the rest 400/409 — still past authorisation.
 */
const writers = all('allow', { spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });

export const competitorsMatrix: MatrixSuite = {
  feature: 'competitor register',
  async setup({ t, ids }) {
    const c = await t.login('manager_a');
    const r = await c.post('/api/competitors', { name: '矩阵竞争对手' });
    if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
    ids.competitor = r.body.id;
  },
  cases: [
    { name: 'list competitors', method: 'GET', url: () => '/api/competitors', expect: all('allow') },
    { name: 'one competitor', method: 'GET', url: ({ ids }) => `/api/competitors/${ids.competitor}`, expect: all('allow') },
    { name: 'add a competitor', method: 'POST', url: () => '/api/competitors', body: () => ({ name: '矩阵新对手' }), expect: writers },
    { name: 'edit a competitor', method: 'PATCH', url: ({ ids }) => `/api/competitors/${ids.competitor}`, body: () => ({ note: '更新', version: 1 }), expect: conflicts(writers, ['admin']) },
  ],
};
