import { sql } from 'kysely';
import { insertAccount } from '../support/pipeline';
import { all, type MatrixSuite, conflicts } from './harness';

/**
 * The contact log follows the account's scope under contact:read / contact:write (404 outside).
 * Accounts: manager_a's (team A) and manager_b's (team B). Finance has no contact permission.
 * Each allowed POST logs one entry; the DELETE sends a wrong version (409).
 */
const onA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden', finance: 'deny' });
const onB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden', finance: 'deny' });

export const contactLogMatrix: MatrixSuite = {
  feature: 'contact log',
  async setup({ t, ids }) {
    const db = t.database.db;
    ids.logAccountA = await insertAccount(db, '矩阵联系客户甲', t.org.users.manager_a!);
    ids.logAccountB = await insertAccount(db, '矩阵联系客户乙', t.org.users.manager_b!);
    const r = await sql<{ id: number }>`insert into contact_logs (account_id, kind, occurred_at, summary, user_id, created_by)
      values (${ids.logAccountA}, 'call', now(), '矩阵', ${t.org.users.manager_a}, ${t.org.users.manager_a}) returning id`.execute(db);
    ids.logA = r.rows[0]!.id;
  },
  cases: [
    { name: 'contact log list', method: 'GET', url: () => '/api/contact-logs', expect: all('allow', { finance: 'deny' }) },
    { name: "log a call with manager_a's account", method: 'POST', url: () => '/api/contact-logs', body: ({ ids }) => ({ accountId: ids.logAccountA, kind: 'call', summary: '矩阵' }), expect: onA },
    { name: "log a call with manager_b's account", method: 'POST', url: () => '/api/contact-logs', body: ({ ids }) => ({ accountId: ids.logAccountB, kind: 'call', summary: '矩阵' }), expect: onB },
    { name: "remove an entry of manager_a's account (wrong version)", method: 'DELETE', url: ({ ids }) => `/api/contact-logs/${ids.logA}?version=999`, expect: conflicts(onA) },
  ],
};
