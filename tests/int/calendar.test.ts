import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testConfig, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { businessDate } from '../../src/shared/domain/business-time';
import type { Kdb } from '../../src/server/db/client';
import { redactFeedToken } from '../../src/server/app';

let t: TestApp;
let spec: Client;
let specB: Client;
let director: Client;
let accA: number;
let accB: number;
const ids: Record<string, number> = {};

const tz = testConfig().BUSINESS_TZ;
/** the installation's address: event UIDs are minted on its domain */
const PUBLIC_URL = 'https://tongmeng.example.com';
const day = (offset: number) => {
  const d = new Date(`${businessDate(new Date(), tz)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
/** 10:00 in the business zone (UTC+8) on the day at `offset` */
const at10 = (offset: number) => `${day(offset)}T10:00:00+08:00`;

async function unitOf(db: Kdb, userId: number) {
  return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirstOrThrow()).unit_id;
}
async function insertVisit(db: Kdb, ownerId: number, accountId: number, plannedAt: string, status = 'approved') {
  const r = await sql<{ id: number }>`insert into visits (account_id, owner_id, unit_id, purpose, method, planned_at, status)
    values (${accountId}, ${ownerId}, ${await unitOf(db, ownerId)}, 'relationship', 'onsite', ${plannedAt}, ${status}) returning id`.execute(db);
  return r.rows[0]!.id;
}
async function insertReception(db: Kdb, ownerId: number, accountId: number, startsAt: string, endsAt: string | null) {
  const r = await sql<{ id: number }>`insert into receptions (account_id, owner_id, unit_id, starts_at, ends_at, level, status)
    values (${accountId}, ${ownerId}, ${await unitOf(db, ownerId)}, ${startsAt}, ${endsAt}, 'medium', 'approved') returning id`.execute(db);
  return r.rows[0]!.id;
}
async function insertTrip(db: Kdb, ownerId: number, startOn: string, endOn: string) {
  const r = await sql<{ id: number }>`insert into business_trips (owner_id, unit_id, destination, start_on, end_on, purpose, transport, status, created_by)
    values (${ownerId}, ${await unitOf(db, ownerId)}, '南京, 江苏', ${startOn}, ${endOn}, '日历', 'train', 'approved', ${ownerId}) returning id`.execute(db);
  return r.rows[0]!.id;
}
const keys = (items: { kind: string; id: number }[]) => items.map((e) => `${e.kind}:${e.id}`);
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path);

beforeAll(async () => {
  t = await createTestApp({ config: { PUBLIC_URL } });
  [spec, specB, director] = await Promise.all(['spec_a1', 'spec_b1', 'director'].map((u) => t.login(u)));
  const db = t.database.db;
  const u = t.org.users;
  accA = await insertAccount(db, '日历客户甲', u.spec_a1!);
  accB = await insertAccount(db, '日历客户乙', u.manager_b!);
  ids.visitA = await insertVisit(db, u.spec_a1!, accA, at10(2));
  ids.visitB = await insertVisit(db, u.manager_b!, accB, at10(3));
  ids.cancelled = await insertVisit(db, u.spec_a1!, accA, at10(4), 'cancelled');
  ids.visitLater = await insertVisit(db, u.spec_a1!, accA, at10(40));
  ids.receptionA = await insertReception(db, u.spec_a1!, accA, at10(5), `${day(5)}T12:30:00+08:00`);
  ids.tripA = await insertTrip(db, u.spec_a1!, day(6), day(8));
});
afterAll(async () => t?.close());

describe('calendar events', () => {
  it('lists visits, receptions and trips in the range, each in its own scope, by start', async () => {
    const r = await spec.get(`/api/calendar?from=${day(0)}&to=${day(10)}`);
    expect(r.status).toBe(200);
    expect(keys(r.body.items)).toEqual([`visit:${ids.visitA}`, `reception:${ids.receptionA}`, `trip:${ids.tripA}`]);
    const [visit, reception, trip] = r.body.items;
    expect(visit).toMatchObject({ title: '日历客户甲', allDay: false, link: `/visits/${ids.visitA}`, status: 'approved' });
    expect(new Date(visit.start).toISOString()).toBe(new Date(at10(2)).toISOString());
    expect(new Date(visit.end).getTime() - new Date(visit.start).getTime()).toBe(3_600_000);
    expect(new Date(reception.end).toISOString()).toBe(new Date(`${day(5)}T12:30:00+08:00`).toISOString());
    expect(trip).toMatchObject({ kind: 'trip', title: '南京, 江苏', start: day(6), end: day(8), allDay: true, link: `/trips/${ids.tripA}` });
  });

  it('a trip overlapping the range edge is included; events outside are not', async () => {
    const r = await spec.get(`/api/calendar?from=${day(7)}&to=${day(7)}`);
    expect(keys(r.body.items)).toEqual([`trip:${ids.tripA}`]);
    const later = await spec.get(`/api/calendar?from=${day(30)}&to=${day(45)}`);
    expect(keys(later.body.items)).toEqual([`visit:${ids.visitLater}`]);
  });

  it("hides other teams' records and shows the director the whole department", async () => {
    const b = await specB.get(`/api/calendar?from=${day(0)}&to=${day(10)}`);
    expect(b.status).toBe(200);
    expect(b.body.items).toEqual([]);
    const d = await director.get(`/api/calendar?from=${day(0)}&to=${day(10)}`);
    expect(keys(d.body.items)).toEqual(expect.arrayContaining([`visit:${ids.visitA}`, `visit:${ids.visitB}`, `reception:${ids.receptionA}`, `trip:${ids.tripA}`]));
    expect(keys(d.body.items)).not.toContain(`visit:${ids.cancelled}`);
  });

  it('allows 92 days and refuses 93 or a backwards range with 400 on `to`', async () => {
    expect((await spec.get(`/api/calendar?from=${day(0)}&to=${day(91)}`)).status).toBe(200);
    const long = await spec.get(`/api/calendar?from=${day(0)}&to=${day(92)}`);
    expect(long.status).toBe(400);
    expect(paths(long)).toEqual(['to']);
    const back = await spec.get(`/api/calendar?from=${day(5)}&to=${day(4)}`);
    expect(back.status).toBe(400);
    expect(paths(back)).toEqual(['to']);
    const bad = await spec.get(`/api/calendar?from=${day(0)}&to=tomorrow`);
    expect(bad.status).toBe(400);
    expect(paths(bad)).toContain('to');
    expect((await spec.get(`/api/calendar/export.ics?from=${day(0)}&to=${day(100)}`)).status).toBe(400);
  });

  it('needs a signed-in user', async () => {
    expect((await t.anonymous().get(`/api/calendar?from=${day(0)}&to=${day(1)}`)).status).toBe(401);
    expect((await t.anonymous().get(`/api/calendar/export.ics?from=${day(0)}&to=${day(1)}`)).status).toBe(401);
  });
});

describe('ICS', () => {
  it('exports the signed-in user’s events as iCalendar', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/calendar/export.ics?from=${day(0)}&to=${day(10)}`, headers: { cookie: spec.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/calendar');
    const text = r.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(text).toContain(`DTSTART:${day(2).replace(/-/g, '')}T020000Z`);
    expect(text).toContain(`DTSTART;VALUE=DATE:${day(6).replace(/-/g, '')}`);
    expect(text).toContain(`DTEND;VALUE=DATE:${day(9).replace(/-/g, '')}`);
    expect(text).toContain('SUMMARY:出差：南京\\, 江苏');
    // the status reads as on the screens, not as its code
    expect(text).toContain('DESCRIPTION:周专员 · 已批准');
    expect(text).not.toContain('· approved');
    expect(text).toContain(`UID:visit-${ids.visitA}@`);
  });

  it('serves the secret feed without sign-in, stores only the hash, and a new token retires the old URL', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/feed/tmcal_nothing.ics' })).statusCode).toBe(404);
    expect((await spec.get('/api/calendar/feed-token')).body).toMatchObject({ exists: false });

    const created = await spec.post('/api/calendar/feed-token');
    expect(created.status).toBe(200);
    const { token, path } = created.body;
    expect(path).toBe(`/api/calendar/feed/${token}.ics`);
    const row = await t.database.db.selectFrom('calendar_feed_tokens').selectAll().where('user_id', '=', t.org.users.spec_a1!).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.token_hash).not.toContain(token);

    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain(`UID:visit-${ids.visitA}@`);
    expect(feed.body).toContain(`UID:visit-${ids.visitLater}@`);
    expect(feed.body).not.toContain(`UID:visit-${ids.visitB}@`);
    const status = await spec.get('/api/calendar/feed-token');
    expect(status.body.exists).toBe(true);
    expect(status.body.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(status.body)).not.toContain(token);

    const again = await spec.post('/api/calendar/feed-token');
    expect(again.body.token).not.toBe(token);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: again.body.path })).statusCode).toBe(200);

    expect((await spec.delete('/api/calendar/feed-token')).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: again.body.path })).statusCode).toBe(404);
  });

  it('keeps the token out of request logs', () => {
    expect(redactFeedToken('/api/calendar/feed/tmcal_secret123.ics')).toBe('/api/calendar/feed/***.ics');
    expect(redactFeedToken('/api/calendar/feed/tmcal_secret123.ics?x=1')).toBe('/api/calendar/feed/***.ics?x=1');
    expect(redactFeedToken('/api/calendar?from=2026-01-01')).toBe('/api/calendar?from=2026-01-01');
  });

  it('parses as iCalendar: LOCATION where each event happens, UIDs on the PUBLIC_URL domain, times in UTC (RFC 5545)', async () => {
    const db = t.database.db;
    await db.updateTable('accounts').set({ province: '江苏省', city: '南京市', address: '南京市玄武区中山路 1 号, 金鹰国际中心 A 座; 28 楼' }).where('id', '=', accA).execute();
    await db.updateTable('receptions').set({ place: '本部一号会议室\n（东门进）' }).where('id', '=', ids.receptionA!).execute();
    const r = await t.app.inject({ method: 'GET', url: `/api/calendar/export.ics?from=${day(0)}&to=${day(10)}`, headers: { cookie: spec.cookie } });
    expect(r.statusCode).toBe(200);
    // physical lines: CRLF only, none longer than 75 octets, continuations start with a space
    const lines = r.body.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);

    const cal = new ICAL.Component(ICAL.parse(r.body));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = new Map(cal.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    expect([...events.keys()].sort()).toEqual([`reception-${ids.receptionA}@tongmeng.example.com`, `trip-${ids.tripA}@tongmeng.example.com`, `visit-${ids.visitA}@tongmeng.example.com`].sort());
    const visit = events.get(`visit-${ids.visitA}@tongmeng.example.com`)!;
    const reception = events.get(`reception-${ids.receptionA}@tongmeng.example.com`)!;
    const trip = events.get(`trip-${ids.tripA}@tongmeng.example.com`)!;

    // commas, semicolons and the line break come back as written
    expect(visit.getFirstPropertyValue('location')).toBe('江苏省南京市玄武区中山路 1 号, 金鹰国际中心 A 座; 28 楼');
    expect(reception.getFirstPropertyValue('location')).toBe('本部一号会议室\n（东门进）');
    expect(trip.getFirstPropertyValue('location')).toBe('南京, 江苏');
    expect(trip.getFirstPropertyValue('summary')).toBe('出差：南京, 江苏');

    // 10:00 in the business zone is 02:00Z; the reception ends 12:30 there; the trip is whole days, the end exclusive
    const start = visit.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.zone?.tzid).toBe('UTC');
    expect(start.toString()).toBe(`${day(2)}T02:00:00Z`);
    expect(start.toJSDate().toISOString()).toBe(new Date(at10(2)).toISOString());
    expect((reception.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe(new Date(`${day(5)}T12:30:00+08:00`).toISOString());
    const tripStart = trip.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(tripStart.isDate).toBe(true);
    expect(tripStart.toString()).toBe(day(6));
    expect((trip.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe(day(9));
    expect(visit.getFirstPropertyValue('url')).toBe(`${PUBLIC_URL}/visits/${ids.visitA}`);

    // the JSON calendar says the same place
    const json = await spec.get(`/api/calendar?from=${day(0)}&to=${day(10)}`);
    expect(json.body.items.map((e: { location: string | null }) => e.location)).toEqual(['江苏省南京市玄武区中山路 1 号, 金鹰国际中心 A 座; 28 楼', '本部一号会议室\n（东门进）', '南京, 江苏']);
  });

  it('a checked-in visit is where it was checked in', async () => {
    await t.database.db.updateTable('visits').set({ checked_in_at: new Date(at10(40)), check_in_place: '客户总部，3 楼' }).where('id', '=', ids.visitLater!).execute();
    const r = await t.app.inject({ method: 'GET', url: `/api/calendar/export.ics?from=${day(40)}&to=${day(40)}`, headers: { cookie: spec.cookie } });
    const [visit] = new ICAL.Component(ICAL.parse(r.body)).getAllSubcomponents('vevent');
    expect(visit!.getFirstPropertyValue('uid')).toBe(`visit-${ids.visitLater}@tongmeng.example.com`);
    expect(visit!.getFirstPropertyValue('location')).toBe('客户总部，3 楼');
  });

  it('stops serving the feed of a user who is no longer active', async () => {
    const created = await specB.post('/api/calendar/feed-token');
    expect((await t.app.inject({ method: 'GET', url: created.body.path })).statusCode).toBe(200);
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', t.org.users.spec_b1!).execute();
    expect((await t.app.inject({ method: 'GET', url: created.body.path })).statusCode).toBe(404);
  });
});
