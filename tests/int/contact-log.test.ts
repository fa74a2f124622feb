import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testConfig, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { businessDate } from '../../src/shared/domain/business-time';

let t: TestApp;
let spec: Client;
let specB: Client;
let manager: Client;
let director: Client;
let acc: number;
let other: number;
let wang: number;
let li: number;

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();
const count = async () => Number((await sql<{ n: string }>`select count(*) as n from contact_logs`.execute(t.database.db)).rows[0]!.n);
const contact = async (accountId: number, name: string) =>
  (await sql<{ id: number }>`insert into contacts (account_id, name, title) values (${accountId}, ${name}, '处长') returning id`.execute(t.database.db)).rows[0]!.id;
const lastContact = async (id: number) => (await director.get(`/api/contacts/${id}`)).body.lastContactAt as string | null;

beforeAll(async () => {
  t = await createTestApp();
  [spec, specB, manager, director] = await Promise.all(['spec_a1', 'spec_b1', 'manager_a', 'director'].map((u) => t.login(u)));
  acc = await insertAccount(t.database.db, '联系客户甲', t.org.users.spec_a1!);
  other = await insertAccount(t.database.db, '联系客户乙', t.org.users.manager_b!);
  wang = await contact(acc, '王处长');
  li = await contact(other, '李主任');
});
afterAll(async () => t?.close());

describe('contact log (ACT-5, 大客户联系情况表)', () => {
  it('logs a call with every field of the form and moves the contact’s last contact forward', async () => {
    expect(await lastContact(wang)).toBeNull();
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const r = await spec.post('/api/contact-logs', { accountId: acc, contactId: wang, kind: 'call', occurredAt: at, place: '办公室', address: '南京市建邺区江东中路 1 号', contactWay: '025-8888 0000', summary: '约定下周二上门演示' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      account: { id: acc, name: '联系客户甲' },
      contact: { id: wang, name: '王处长', title: '处长' },
      kind: 'call',
      occurredAt: at,
      place: '办公室',
      address: '南京市建邺区江东中路 1 号',
      contactWay: '025-8888 0000',
      summary: '约定下周二上门演示',
      user: { id: t.org.users.spec_a1, name: '周专员' },
      version: 1,
    });
    expect(await lastContact(wang)).toBe(at);

    // an older entry does not move it back
    const older = new Date(Date.now() - 86_400_000 * 3).toISOString();
    expect((await spec.post('/api/contact-logs', { accountId: acc, contactId: wang, kind: 'email', occurredAt: older, summary: '发送方案' })).status).toBe(200);
    expect(await lastContact(wang)).toBe(at);

    // the account's timeline shows it
    const tl = await manager.get(`/api/accounts/${acc}/timeline?kinds=contact_log`);
    expect(tl.status).toBe(200);
    expect(tl.body.items.map((e: { kind: string; params: { summary: string; logKind: string } }) => [e.kind, e.params.logKind, e.params.summary])).toEqual([
      ['contact_log', 'call', '约定下周二上门演示'],
      ['contact_log', 'email', '发送方案'],
    ]);
  });

  it('defaults the time to now and our person to the caller; logs without a contact', async () => {
    const r = await manager.post('/api/contact-logs', { accountId: acc, kind: 'meeting', summary: '与客户财务部例会' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ contact: null, user: { id: t.org.users.manager_a } });
    expect(Math.abs(Date.parse(r.body.occurredAt) - Date.now())).toBeLessThan(60_000);
  });

  it('names every failing field in one 400 and saves nothing', async () => {
    const before = await count();
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', t.org.users.spec_a2!).execute();
    const r = await spec.post('/api/contact-logs', { accountId: acc, contactId: li, kind: 'call', occurredAt: new Date(Date.now() + 86_400_000).toISOString(), summary: '未来的电话', userId: t.org.users.spec_a2 });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['contactId', 'occurredAt', 'userId']);
    const shape = await spec.post('/api/contact-logs', { accountId: acc, kind: 'fax', summary: '', occurredAt: 'yesterday' });
    expect(shape.status).toBe(400);
    expect(paths(shape)).toEqual(['kind', 'occurredAt', 'summary']);
    expect(await count()).toBe(before);
    expect(await lastContact(li)).toBeNull();
  });

  it('stays inside the account scope: 404 outside, lists only what the caller sees', async () => {
    expect((await spec.post('/api/contact-logs', { accountId: other, contactId: li, kind: 'call', summary: '越权' })).status).toBe(404);
    const theirs = await specB.get(`/api/contact-logs?accountId=${acc}`);
    expect(theirs.body.total).toBe(0);
    const mine = await spec.get(`/api/contact-logs?accountId=${acc}&contactId=${wang}`);
    expect(mine.body.items.map((i: { kind: string }) => i.kind)).toEqual(['call', 'email']);
    const calls = await director.get(`/api/contact-logs?kind=call&accountId=${acc}`);
    expect(calls.body.total).toBe(1);
    const threeDaysAgo = businessDate(new Date(Date.now() - 86_400_000 * 3), testConfig().BUSINESS_TZ);
    const thatDay = await director.get(`/api/contact-logs?accountId=${acc}&from=${threeDaysAgo}&to=${threeDaysAgo}`);
    expect(thatDay.body.items.map((i: { kind: string }) => i.kind)).toEqual(['email']);
    expect((await director.get(`/api/contact-logs?q=${encodeURIComponent('演示')}`)).body.total).toBe(1);
  });

  it('removes a mistaken entry with its version', async () => {
    const r = await spec.post('/api/contact-logs', { accountId: acc, kind: 'other', summary: '误录' });
    expect((await specB.delete(`/api/contact-logs/${r.body.id}?version=1`)).status).toBe(404);
    expect((await spec.delete(`/api/contact-logs/${r.body.id}?version=9`)).status).toBe(409);
    expect((await spec.delete(`/api/contact-logs/${r.body.id}?version=1`)).status).toBe(200);
    expect((await spec.get(`/api/contact-logs?q=${encodeURIComponent('误录')}`)).body.total).toBe(0);
  });

  it('moves with the account in a merge, together with trips that list it', async () => {
    const target = await insertAccount(t.database.db, '合并后客户', t.org.users.spec_a1!);
    const source = await insertAccount(t.database.db, '重复客户', t.org.users.spec_a1!);
    expect((await spec.post('/api/contact-logs', { accountId: source, kind: 'call', summary: '重复客户的电话' })).status).toBe(200);
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const trip = await spec.post('/api/trips', { destination: '苏州', startOn: tomorrow, endOn: tomorrow, purpose: '拜访', accountIds: [source, target], transport: 'car', costLines: [] });
    expect(trip.status).toBe(200);
    const version = async (id: number) => (await sql<{ version: number }>`select version from accounts where id = ${id}`.execute(t.database.db)).rows[0]!.version;
    const preview = await director.get(`/api/accounts/${target}/merge-preview?sourceId=${source}`);
    expect(preview.status).toBe(200);
    expect(preview.body.parts).toEqual(expect.arrayContaining([{ key: 'contactLogs', count: 1 }, { key: 'tripAccounts', count: 1 }]));
    const merged = await director.post(`/api/accounts/${target}/merge`, { sourceId: source, reason: '重复录入', version: await version(target), sourceVersion: await version(source) });
    expect(merged.status).toBe(200);
    const logs = await spec.get(`/api/contact-logs?accountId=${target}`);
    expect(logs.body.items.map((i: { summary: string }) => i.summary)).toEqual(['重复客户的电话']);
    expect((await spec.get(`/api/trips/${trip.body.id}`)).body.accounts).toEqual([{ id: target, name: '合并后客户' }]);
  });
});
