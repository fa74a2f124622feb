import { sql } from 'kysely';
import { DEFAULT_RULE_SETS } from '../../src/shared/domain/scorecards';
import { all, type MatrixSuite } from './harness';

/**
 * 考核表: a card is its person's and the managers' (spec_a1's card: spec_a1, the director above, the GM and the
 * administrator — not team A's account manager nor spec_b1, finance reads all); opening cards and keeping
 * attendance is scorecard:manage (the GM, the director); payroll scorecard:payroll (and finance); the rule sets
 * are the administrator's. The card's steps are open to every reader at the route (the
 * service admits whose step it is). Bodies left empty: an allowed caller gets a 400 about the input.
 */
const read = all('allow');
const manage = all('deny', { admin: 'allow', gm: 'allow', director: 'allow' });
const configure = all('deny', { admin: 'allow' });
const inScope = all('allow', { spec_b1: 'hidden', manager_a: 'hidden', finance: 'hidden' });
const payroll = all('deny', { admin: 'allow', gm: 'allow', director: 'allow', finance: 'allow' });

export const scorecardsMatrix: MatrixSuite = {
  feature: 'scorecards',
  async setup({ t, ids }) {
    const card = await sql<{ id: number }>`
      insert into scorecards (user_id, unit_id, period, kind, rule_set, status, evaluator_id)
      values (${t.org.users.spec_a1!}, ${t.org.units.teamA}, '2030-01', 'specialist', ${JSON.stringify(DEFAULT_RULE_SETS.specialist)}, 'evaluator', ${t.org.users.director!})
      returning id`.execute(t.database.db);
    ids.scorecard = Number(card.rows[0]!.id);
  },
  cases: [
    { name: 'the ranking', method: 'GET', url: () => '/api/scorecards?period=2030-01&kind=specialist', expect: read },
    { name: 'spec_a1’s card', method: 'GET', url: ({ ids }) => `/api/scorecards/${ids.scorecard}`, expect: inScope },
    { name: 'spec_a1’s trend', method: 'GET', url: ({ t }) => `/api/scorecards/trend?userId=${t.org.users.spec_a1!}&kind=specialist`, expect: inScope },
    { name: 'open cards (empty body)', method: 'POST', url: () => '/api/scorecards/open', body: () => ({}), expect: manage },
    { name: 'refresh (empty body)', method: 'POST', url: ({ ids }) => `/api/scorecards/${ids.scorecard}/refresh`, body: () => ({}), expect: read },
    { name: 'enter items (empty body)', method: 'PUT', url: ({ ids }) => `/api/scorecards/${ids.scorecard}/items`, body: () => ({}), expect: read },
    { name: 'advance (empty body)', method: 'POST', url: ({ ids }) => `/api/scorecards/${ids.scorecard}/advance`, body: () => ({}), expect: read },
    { name: 'send back (empty body)', method: 'POST', url: ({ ids }) => `/api/scorecards/${ids.scorecard}/return`, body: () => ({}), expect: read },
    { name: 'ask to reopen (empty body)', method: 'POST', url: ({ ids }) => `/api/scorecards/${ids.scorecard}/reopen`, body: () => ({}), expect: read },
    { name: 'a reopening that is not there', method: 'GET', url: () => '/api/scorecard-reopenings/99999999', expect: all('hidden') },
    { name: 'take back a reopening that is not there', method: 'POST', url: () => '/api/scorecard-reopenings/99999999/withdraw', expect: all('hidden') },
    { name: 'payroll of a period', method: 'GET', url: () => '/api/scorecards/payroll.xlsx?period=2030-01', expect: payroll },
    { name: 'attendance of a month', method: 'GET', url: () => '/api/scorecards/attendance?month=2030-01', expect: manage },
    { name: 'save attendance (empty body)', method: 'PUT', url: () => '/api/scorecards/attendance', body: () => ({}), expect: manage },
    { name: 'import attendance (empty body)', method: 'POST', url: () => '/api/scorecards/attendance/import', body: () => ({}), expect: manage },
    { name: 'the rule sets', method: 'GET', url: () => '/api/scorecards/settings', expect: configure },
    { name: 'save the rule sets (empty body)', method: 'PUT', url: () => '/api/scorecards/settings', body: () => ({}), expect: configure },
  ],
};
