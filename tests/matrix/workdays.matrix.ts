import { all, type MatrixSuite } from './harness';

/**
 * The working calendar (issue 15 item 2): everyone signed in reads it; only the administrator
 * (workdays:manage) replaces a year's days or saves the working hours. The writes send input the
 * server refuses, so the calendar stays as published: the administrator gets the 400, the others are
 * refused before validation.
 */
export const workdaysMatrix: MatrixSuite = {
  feature: 'workdays',
  cases: [
    { name: 'the working calendar of a year', method: 'GET', url: () => '/api/work-calendar?year=2026', expect: all('allow') },
    {
      name: "replace a year's days (a day outside the year)",
      method: 'PUT',
      url: () => '/api/work-calendar/2026',
      body: () => ({ version: 1, days: [{ date: '2027-01-01', off: true, name: '元旦' }] }),
      expect: all('deny', { admin: 'allow' }),
    },
    {
      name: 'save the working hours (ending before they start)',
      method: 'PUT',
      url: () => '/api/work-calendar-hours',
      body: () => ({ start: '18:00', end: '09:00', breakStart: null, breakEnd: null, version: 0 }),
      expect: all('deny', { admin: 'allow' }),
    },
  ],
};
