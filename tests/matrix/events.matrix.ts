import { sql } from 'kysely';
import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite } from './harness';

/**
 * 客户活动与增值服务: reading follows the event's unit (team A's event: seen by team A, the director above,
 * the company-wide readers; not by team B's spec_b1) and the account's scope for the service log; planning,
 * inviting, costs and logging are event:write (not the GM, not finance). Bodies left empty: an allowed
 * caller gets a 400 about the input, so nothing changes.
 */
const read = all('allow');
const write = all('allow', { gm: 'deny', finance: 'deny' });
const inScope = all('allow', { spec_b1: 'hidden' });

export const eventsMatrix: MatrixSuite = {
  feature: 'events',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    ids.eventAccount = await insertAccount(db, '矩阵活动客户', u.spec_a1!);
    const e = await sql<{ id: number }>`insert into customer_events (kind, title, owner_id, unit_id, starts_at, ends_at, budget, status)
      select 'seminar', '矩阵座谈会', id, unit_id, now() - interval '1 hour', now() + interval '2 hours', 100000, 'approved' from users where id = ${u.manager_a!} returning id`.execute(db);
    ids.event = Number(e.rows[0]!.id);
    const contact = await sql<{ id: number }>`insert into contacts (account_id, name) values (${ids.eventAccount}, '矩阵嘉宾') returning id`.execute(db);
    const inv = await sql<{ id: number }>`insert into event_invitations (event_id, contact_id, account_id, invited_by) values (${ids.event}, ${contact.rows[0]!.id}, ${ids.eventAccount}, ${u.spec_a1!}) returning id`.execute(db);
    ids.invitation = Number(inv.rows[0]!.id);
    const log = await sql<{ id: number }>`insert into service_logs (account_id, kind, title, provided_on, owner_id) values (${ids.eventAccount}, 'care', '矩阵关怀', '2026-11-01', ${u.spec_a1!}) returning id`.execute(db);
    ids.serviceLog = Number(log.rows[0]!.id);
  },
  cases: [
    { name: 'the events', method: 'GET', url: () => '/api/events?when=all', expect: read },
    { name: 'team A’s event', method: 'GET', url: ({ ids }) => `/api/events/${ids.event}`, expect: inScope },
    { name: 'plan an event (empty body)', method: 'POST', url: () => '/api/events', body: () => ({}), expect: write },
    { name: 'change it (empty body)', method: 'PUT', url: ({ ids }) => `/api/events/${ids.event}`, body: () => ({}), expect: write },
    { name: 'submit (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/submit`, body: () => ({}), expect: write },
    { name: 'withdraw (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/withdraw`, body: () => ({}), expect: write },
    { name: 'mark held (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/hold`, body: () => ({}), expect: write },
    { name: 'close (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/close`, body: () => ({}), expect: write },
    { name: 'cancel (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/cancel`, body: () => ({}), expect: write },
    { name: 'invite (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/invitations`, body: () => ({}), expect: write },
    { name: 'a guest’s response (empty body)', method: 'PATCH', url: ({ ids }) => `/api/events/${ids.event}/invitations/${ids.invitation}`, body: () => ({}), expect: write },
    { name: 'take a guest off (no version)', method: 'DELETE', url: ({ ids }) => `/api/events/${ids.event}/invitations/${ids.invitation}`, expect: write },
    { name: 'a follow-up (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/invitations/${ids.invitation}/follow-up`, body: () => ({}), expect: write },
    { name: 'a cost (empty body)', method: 'POST', url: ({ ids }) => `/api/events/${ids.event}/costs`, body: () => ({}), expect: write },
    { name: 'remove a cost that is not there', method: 'DELETE', url: ({ ids }) => `/api/events/${ids.event}/costs/99999999`, expect: all('hidden', { gm: 'deny', finance: 'deny' }) },
    { name: 'the services of spec_a1’s account', method: 'GET', url: ({ ids }) => `/api/accounts/${ids.eventAccount}/services`, expect: inScope },
    { name: 'log a service (empty body)', method: 'POST', url: ({ ids }) => `/api/accounts/${ids.eventAccount}/services`, body: () => ({}), expect: write },
    { name: 'change a service record (empty body)', method: 'PUT', url: ({ ids }) => `/api/service-logs/${ids.serviceLog}`, body: () => ({}), expect: write },
    { name: 'delete a service record (no version)', method: 'DELETE', url: ({ ids }) => `/api/service-logs/${ids.serviceLog}`, expect: write },
  ],
};
