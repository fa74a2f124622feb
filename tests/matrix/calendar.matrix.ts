import { all, type MatrixSuite } from './harness';

const today = () => new Date().toISOString().slice(0, 10);
const range = () => `from=${today()}&to=${today()}`;

/**
 * The calendar: every signed-in user may ask (each source filters by its own permission and
 * scope, tested in calendar.test.ts); the feed route is public — its token is the credential,
 * an unknown token is 404 for everyone. Visit policy: settings with account:configure (admin
 * only), the overdue list with account:read (all but finance).
 */
export const calendarMatrix: MatrixSuite = {
  feature: 'calendar and visit policy',
  cases: [
    { name: 'calendar events', method: 'GET', url: () => `/api/calendar?${range()}`, expect: all('allow') },
    { name: 'calendar export', method: 'GET', url: () => `/api/calendar/export.ics?${range()}`, expect: all('allow') },
    { name: 'feed token status', method: 'GET', url: () => '/api/calendar/feed-token', expect: all('allow') },
    { name: 'create the feed token', method: 'POST', url: () => '/api/calendar/feed-token', expect: all('allow') },
    { name: 'turn the feed off', method: 'DELETE', url: () => '/api/calendar/feed-token', expect: all('allow') },
    { name: 'public feed with an unknown token', method: 'GET', url: () => '/api/calendar/feed/tmcal_unknown.ics', expect: all('hidden') },
    { name: 'read the visit policy', method: 'GET', url: () => '/api/visit-policy', expect: all('deny', { admin: 'allow' }) },
    { name: 'save the visit policy (empty body)', method: 'PUT', url: () => '/api/visit-policy', body: () => ({}), expect: all('deny', { admin: 'allow' }) },
    { name: 'overdue accounts', method: 'GET', url: () => '/api/visit-policy/overdue', expect: all('allow', { finance: 'deny' }) },
  ],
};
