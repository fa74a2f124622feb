import { insertAccount } from '../support/pipeline';
import { all, conflicts, type MatrixSuite } from './harness';

/**
 * Tickets (SVC-1) follow their owner / unit scope: read and written with ticket:read / ticket:write (admin,
 * GM, director, managers; specialists their own; not finance), closed complaints judged with ticket:judge
 * and the SLA settings and run now with ticket:manage (admin, GM, director). Ticket A is manager_a's (team
 * A), B manager_b's (team B). Writes send a wrong version, so they stop at the version check (409) once
 * past permission and scope; outside the scope they are 404.
 */
const readA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden', finance: 'deny' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden', finance: 'deny' });
const writeA = readA;
const writeB = readB;
const judge = all('deny', { admin: 'allow', gm: 'allow', director: 'allow' });
const manage = judge;
const complaint = (accountId: number) => ({ kind: 'complaint', severity: 'high', channel: 'phone', accountId, title: '矩阵投诉' });
const upload = { name: '矩阵.pdf', mime: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') };

export const ticketsMatrix: MatrixSuite = {
  feature: 'tickets',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    ids.ticketAccA = await insertAccount(db, '矩阵工单客户甲', u.manager_a!);
    ids.ticketAccB = await insertAccount(db, '矩阵工单客户乙', u.manager_b!);
    for (const [who, acc, key] of [['manager_a', ids.ticketAccA, 'ticketA'], ['manager_b', ids.ticketAccB, 'ticketB']] as const) {
      const res = await (await t.login(who)).post('/api/tickets', complaint(acc));
      if (res.status !== 201) throw new Error(`matrix ticket: ${res.status} ${JSON.stringify(res.body)}`);
      ids[key] = res.body.id;
    }
    const file = (ticketId: number, uploadedBy: number) =>
      db.insertInto('files').values({ name: '录音.pdf', mime: 'application/pdf', size: 8, sha256: '0'.repeat(64), content: Buffer.from('%PDF-1.4'), uploaded_by: uploadedBy, entity: 'ticket', entity_id: ticketId }).returning('id').executeTakeFirstOrThrow();
    ids.ticketFileA = (await file(ids.ticketA, u.manager_a!)).id;
    ids.ticketFileB = (await file(ids.ticketB, u.manager_b!)).id;
  },
  cases: [
    { name: 'list tickets', method: 'GET', url: () => '/api/tickets?pageSize=5', expect: all('allow', { finance: 'deny' }) },
    // a specialist reaches no account of manager_a's: a 400 on accountId, past authorisation
    { name: 'log a ticket on manager_a’s account', method: 'POST', url: () => '/api/tickets', body: ({ ids }) => complaint(ids.ticketAccA!), expect: all('allow', { finance: 'deny' }) },
    { name: 'SLA settings', method: 'GET', url: () => '/api/tickets/settings', expect: all('allow', { finance: 'deny' }) },
    { name: 'save the SLA settings (invalid)', method: 'PUT', url: () => '/api/tickets/settings', body: () => ({ policies: [], warnPercent: 75, gmAfterMinutes: 240, version: 0 }), expect: manage },
    { name: 'run the escalation now', method: 'POST', url: () => '/api/tickets/escalation/run', expect: manage },
    { name: 'the latest escalation run', method: 'GET', url: () => '/api/tickets/escalation/run', expect: manage },
    { name: 'ticket A', method: 'GET', url: ({ ids }) => `/api/tickets/${ids.ticketA}`, expect: readA },
    { name: 'ticket B', method: 'GET', url: ({ ids }) => `/api/tickets/${ids.ticketB}`, expect: readB },
    { name: 'update ticket A (wrong version)', method: 'PUT', url: ({ ids }) => `/api/tickets/${ids.ticketA}`, body: () => ({ version: 999, title: '改' }), expect: conflicts(writeA) },
    { name: 'update ticket B (wrong version)', method: 'PUT', url: ({ ids }) => `/api/tickets/${ids.ticketB}`, body: () => ({ version: 999, title: '改' }), expect: conflicts(writeB) },
    { name: 'assign ticket A (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/assign`, body: ({ t }) => ({ version: 999, ownerId: t.org.users.manager_a }), expect: conflicts(writeA) },
    { name: 'start ticket A (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/start`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
    { name: 'put ticket B on hold (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketB}/wait`, body: () => ({ version: 999 }), expect: conflicts(writeB) },
    { name: 'resume ticket A (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/resume`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
    { name: 'resolve ticket A (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/resolve`, body: () => ({ version: 999, resolution: '矩阵' }), expect: conflicts(writeA) },
    { name: 'close ticket B (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketB}/close`, body: () => ({ version: 999 }), expect: conflicts(writeB) },
    { name: 'reopen ticket A (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/reopen`, body: () => ({ version: 999, reason: '矩阵' }), expect: conflicts(writeA) },
    { name: 'judge ticket A (wrong version)', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/judge`, body: ({ t }) => ({ version: 999, validity: 'valid', reason: '矩阵', responsibleId: t.org.users.manager_a }), expect: conflicts(judge) },
    { name: 'attach a file to ticket A', method: 'POST', url: ({ ids }) => `/api/tickets/${ids.ticketA}/files`, body: () => upload, expect: writeA },
    { name: 'download a file of ticket A', method: 'GET', url: ({ ids }) => `/api/tickets/${ids.ticketA}/files/${ids.ticketFileA}`, expect: readA },
    // manager_b's file: the admin (ticket:judge, all) removes it first; then it is gone for the GM and the director too
    { name: 'remove manager_b’s file of ticket B', method: 'DELETE', url: ({ ids }) => `/api/tickets/${ids.ticketB}/files/${ids.ticketFileB}`, expect: all('hidden', { admin: 'allow', finance: 'deny' }) },
    { name: 'tickets of manager_a’s account', method: 'GET', url: ({ ids }) => `/api/accounts/${ids.ticketAccA}/tickets`, expect: readA },
  ],
};
