import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, EventPage } from '../../src/shared/contracts/events';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

/**
 * 增值服务与客户活动 (SVC-4, issue 15 item 8): an event's budget approved through the engine, its guests
 * invited from the inviter's accounts, registrations against the capacity, attendance once it has
 * started, costs against the budget (over it with a reason, the director told once), attendees'
 * follow-ups as a visit plan or a development project, closing with a summary; the service log of an
 * account; scope, bad input, stale versions.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const db = () => t.database.db;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let accA: number; // spec_a1's account
let accB: number; // manager_b's account (team B)
let accP: number; // prov_director's account (江苏)
const contacts: Record<string, number> = {};

const ok = <T = EventDetail>(r: Response, status = 200): T => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
};
const issueOf = (r: Response) => (r.body as { error: { details?: { issues?: { path: string; key: string }[] } } }).error.details?.issues?.[0];

async function contact(accountId: number, name: string, status: 'active' | 'left' = 'active') {
  const r = await db()
    .insertInto('contacts')
    .values({ account_id: accountId, name, title: '处长', status, ...(status === 'left' && { left_at: '2026-01-01' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An event of manager_a, approved; `startsIn` ms from now (negative: already started). */
async function approvedEvent(title: string, startsIn: number, budget = 1_000_000, extra: Record<string, unknown> = {}) {
  const e = ok<EventDetail>(await c.manager_a!.post('/api/events', { kind: 'seminar', title, startsAt: new Date(Date.now() + startsIn).toISOString(), endsAt: new Date(Date.now() + startsIn + 3 * HOUR).toISOString(), venue: '总部三楼会议室', budget, ...extra }), 201);
  const s = ok(await c.manager_a!.post(`/api/events/${e.id}/submit`, { version: e.version }));
  expect(s.status).toBe('pending');
  ok(await c.director!.post(`/api/approvals/${s.approvalId}/approve`, {}));
  const a = ok(await c.manager_a!.get(`/api/events/${e.id}`));
  expect(a.status).toBe('approved');
  return a;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1', 'spec_a2', 'prov_director', 'finance']) c[name] = await t.login(name);
  accA = await insertAccount(db(), '苏州银行', u().spec_a1!);
  accB = await insertAccount(db(), '无锡农商行', u().manager_b!);
  accP = await insertAccount(db(), '南京港务', u().prov_director!);
  contacts.a1 = await contact(accA, '王行长');
  contacts.a2 = await contact(accA, '李主任');
  contacts.a3 = await contact(accA, '赵科长');
  contacts.aLeft = await contact(accA, '钱前任', 'left');
  contacts.b1 = await contact(accB, '孙董');
  contacts.p1 = await contact(accP, '周总');
});
afterAll(async () => t?.close());

describe('an event through its approval', () => {
  it('plans, refuses bad input, goes to the director and keeps its approved budget', async () => {
    const bad = await c.manager_a!.post('/api/events', { kind: 'seminar', title: '年度座谈会', startsAt: '2026-12-20T10:00:00+08:00', endsAt: '2026-12-20T09:00:00+08:00' });
    expect(bad.status).toBe(400);
    expect(issueOf(bad)).toMatchObject({ path: 'endsAt', key: 'events.endsBeforeStart' });
    for (const body of [{ kind: 'party', title: 'x', startsAt: '2026-12-20T10:00:00+08:00', endsAt: '2026-12-20T12:00:00+08:00' }, { kind: 'salon', title: '', startsAt: '2026-12-20T10:00:00+08:00', endsAt: '2026-12-20T12:00:00+08:00' }, { kind: 'salon', title: 'x'.repeat(201), startsAt: 'tomorrow', endsAt: '2026-12-20T12:00:00+08:00' }, { kind: 'salon', title: 'x', startsAt: '2026-12-20T10:00:00+08:00', endsAt: '2026-12-20T12:00:00+08:00', budget: -1 }, { kind: 'salon', title: 'x', startsAt: '2026-12-20T10:00:00+08:00', endsAt: '2026-12-20T12:00:00+08:00', budget: '100' }]) {
      expect((await c.manager_a!.post('/api/events', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await c.gm!.post('/api/events', { kind: 'salon', title: 'x', startsAt: '2026-12-20T10:00:00+08:00', endsAt: '2026-12-20T12:00:00+08:00' })).status).toBe(403);
    expect(await db().selectFrom('customer_events').select('id').execute()).toHaveLength(0);

    const e = await approvedEvent('年度大客户座谈会', 5 * DAY, 2_000_000);
    expect(e.can).toMatchObject({ edit: true, submit: false, hold: false, costs: true, invite: true, cancel: true });
    const locked = await c.manager_a!.put(`/api/events/${e.id}`, { version: e.version, budget: 3_000_000 });
    expect(locked.status).toBe(400);
    expect(issueOf(locked)).toMatchObject({ path: 'budget', key: 'events.budgetLocked' });
    const moved = ok(await c.manager_a!.put(`/api/events/${e.id}`, { version: e.version, venue: '苏州分行大厦' }));
    expect(moved).toMatchObject({ venue: '苏州分行大厦', budget: 2_000_000, title: '年度大客户座谈会' });
    expect((await c.manager_a!.put(`/api/events/${e.id}`, { version: e.version, venue: '旧版本' })).status).toBe(409);
    // not started: nothing to hold, no attendance
    expect((await c.manager_a!.post(`/api/events/${e.id}/hold`, { version: moved.version })).status).toBe(409);
  });

  it('asks the GM too above ¥50,000', async () => {
    const e = ok<EventDetail>(await c.manager_a!.post('/api/events', { kind: 'gala', title: '年终答谢会', startsAt: new Date(Date.now() + 20 * DAY).toISOString(), endsAt: new Date(Date.now() + 20 * DAY + 4 * HOUR).toISOString(), budget: 8_000_000 }), 201);
    const s = ok(await c.manager_a!.post(`/api/events/${e.id}/submit`, { version: e.version }));
    const steps = await db().selectFrom('approval_steps').select(['approver_id']).where('instance_id', '=', s.approvalId!).orderBy('seq').execute();
    expect(steps.map((r) => r.approver_id)).toEqual([u().director, u().gm]);
    ok(await c.manager_a!.post(`/api/events/${e.id}/withdraw`, { version: s.version }));
    expect(ok(await c.manager_a!.get(`/api/events/${e.id}`)).status).toBe('draft');
    const cancelled = ok(await c.manager_a!.post(`/api/events/${e.id}/cancel`, { version: (await c.manager_a!.get(`/api/events/${e.id}`)).body.version, reason: '场地未落实' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '场地未落实' });
    // a cancelled event, though its day is ahead, is listed with the past ones, not the coming ones
    expect(ok<EventPage>(await c.manager_a!.get('/api/events?when=past')).items.map((i) => i.id)).toContain(e.id);
    expect(ok<EventPage>(await c.manager_a!.get('/api/events?when=upcoming')).items.map((i) => i.id)).not.toContain(e.id);
    expect((await c.manager_a!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.a1] })).status).toBe(409);
  });

  it('is seen by its unit and the units below, not by another province; run only by the organiser and above', async () => {
    const e = ok<EventDetail>(await c.manager_a!.post('/api/events', { kind: 'salon', title: '理财沙龙', startsAt: new Date(Date.now() + 3 * DAY).toISOString(), endsAt: new Date(Date.now() + 3 * DAY + HOUR).toISOString() }), 201);
    // manager_a's unit is team A: spec_a1 (team A) sees it, the director above sees and runs it
    expect((await c.spec_a1!.get(`/api/events/${e.id}`)).status).toBe(200);
    expect((await c.director!.get(`/api/events/${e.id}`)).body.can.edit).toBe(true);
    expect((await c.spec_a1!.get(`/api/events/${e.id}`)).body.can.edit).toBe(false);
    expect((await c.spec_a1!.put(`/api/events/${e.id}`, { version: e.version, title: '改名' })).status).toBe(404);
    // team B and the province do not see team A's salon
    expect((await c.manager_b!.get(`/api/events/${e.id}`)).status).toBe(404);
    expect((await c.prov_director!.get(`/api/events/${e.id}`)).status).toBe(404);
    const provList = ok<EventPage>(await c.prov_director!.get('/api/events?when=all'));
    expect(provList.items.map((i) => i.id)).not.toContain(e.id);
    const specList = ok<EventPage>(await c.spec_a1!.get('/api/events?when=all&kind=salon'));
    expect(specList.items.map((i) => i.id)).toContain(e.id);
    // an event of the KA department is open to both teams below it
    const dept = ok<EventDetail>(await c.director!.post('/api/events', { kind: 'seminar', title: '部门座谈会', startsAt: new Date(Date.now() + 4 * DAY).toISOString(), endsAt: new Date(Date.now() + 4 * DAY + HOUR).toISOString() }), 201);
    expect((await c.manager_b!.get(`/api/events/${dept.id}`)).status).toBe(200);
    expect((await c.prov_director!.get(`/api/events/${dept.id}`)).status).toBe(404);
    // finance reads every event (its role's scope is the company) to follow the costs
    expect((await c.finance!.get(`/api/events/${dept.id}`)).status).toBe(200);
    expect((await c.gm!.get(`/api/events/${dept.id}`)).status).toBe(200);
    expect((await c.spec_a1!.get('/api/events/999999999')).status).toBe(404);
    expect((await c.spec_a1!.get('/api/events/abc')).status).toBe(400);
    expect((await c.spec_a1!.get('/api/events?when=tomorrow')).status).toBe(400);
  });
});

describe('guests, attendance, follow-ups and costs', () => {
  let e: EventDetail;

  it('invites the inviter’s own contacts once; others’ and a leaver are refused', async () => {
    e = await approvedEvent('产品体验日', -HOUR, 1_000_000, { capacity: 2, kind: 'experience' });
    const other = await c.spec_a1!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.a1, contacts.b1] });
    expect(other.status).toBe(400);
    expect(issueOf(other)).toMatchObject({ path: 'contactIds.1', key: 'events.contactNotInvitable' });
    const left = await c.spec_a1!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.aLeft] });
    expect(issueOf(left)).toMatchObject({ path: 'contactIds.0' });
    expect(await db().selectFrom('event_invitations').select('id').where('event_id', '=', e.id).execute()).toHaveLength(0);

    const r = ok(await c.spec_a1!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.a1, contacts.a2, contacts.a3, contacts.a1] }));
    expect(r.invitations.map((i) => i.contact.name).sort()).toEqual(['李主任', '王行长', '赵科长'].sort());
    const again = ok(await c.spec_a1!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.a1] }));
    expect(again.guests.invited).toBe(3);
    // manager_b invites his own contact; spec_a1 does not see that guest, only counts it
    expect((await c.manager_b!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.b1] })).status).toBe(404);
    ok(await c.director!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.b1] }));
    const seen = ok(await c.spec_a1!.get(`/api/events/${e.id}`));
    expect(seen.invitations).toHaveLength(3);
    expect(seen.hiddenInvitations).toBe(1);
    expect(ok(await c.manager_a!.get(`/api/events/${e.id}`)).invitations).toHaveLength(4);
  });

  it('registers up to the capacity, records attendance, takes no declined guest as come', async () => {
    const byName = (d: EventDetail, name: string) => d.invitations.find((i) => i.contact.name === name)!;
    let d = ok(await c.spec_a1!.get(`/api/events/${e.id}`));
    const wang = byName(d, '王行长');
    d = ok(await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${wang.id}`, { version: wang.version, response: 'registered' }));
    const li = byName(d, '李主任');
    d = ok(await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${li.id}`, { version: li.version, response: 'registered' }));
    const zhao = byName(d, '赵科长');
    const full = await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${zhao.id}`, { version: zhao.version, response: 'registered' });
    expect(full.status).toBe(409);
    d = ok(await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${zhao.id}`, { version: zhao.version, response: 'declined' }));
    const z2 = byName(d, '赵科长');
    const declinedCame = await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${z2.id}`, { version: z2.version, response: 'declined', attended: true });
    expect(issueOf(declinedCame)).toMatchObject({ key: 'events.attendedNotDeclined' });
    expect((await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${z2.id}`, { version: z2.version - 1, note: 'x' })).status).toBe(409);
    expect((await c.spec_a1!.delete(`/api/events/${e.id}/invitations/${z2.id}?version=${z2.version}`)).status).toBe(409);

    const w = byName(d, '王行长');
    d = ok(await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${w.id}`, { version: w.version, attended: true }));
    expect(byName(d, '王行长')).toMatchObject({ response: 'registered', attended: true });
    expect(byName(d, '王行长').checkedInAt).not.toBeNull();
    const l = byName(d, '李主任');
    d = ok(await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${l.id}`, { version: l.version, attended: false }));
    expect(d.guests).toMatchObject({ invited: 4, registered: 2, declined: 1, attended: 1 });
    // another specialist of the team reaches neither guest nor account
    expect((await c.spec_a2!.patch(`/api/events/${e.id}/invitations/${w.id}`, { version: 99, note: 'x' })).status).toBe(404);
  });

  it('follows up an attendee once the event is held, once, as a visit plan or a project', async () => {
    let d = ok(await c.spec_a1!.get(`/api/events/${e.id}`));
    const wang = d.invitations.find((i) => i.contact.name === '王行长')!;
    const early = await c.spec_a1!.post(`/api/events/${e.id}/invitations/${wang.id}/follow-up`, { kind: 'visit', version: wang.version, plannedAt: new Date(Date.now() + 2 * DAY).toISOString() });
    expect(issueOf(early)).toMatchObject({ key: 'events.followUpNotHeld' });
    expect(wang.canFollowUp).toBe(false);
    d = ok(await c.manager_a!.post(`/api/events/${e.id}/hold`, { version: d.version }));
    expect(d.status).toBe('held');
    const forSpec = ok(await c.spec_a1!.get(`/api/events/${e.id}`));
    expect(forSpec.invitations.filter((i) => i.canFollowUp).map((i) => i.contact.name)).toEqual(['王行长']);
    // a specialist has no development projects to open
    expect((await c.spec_a1!.post(`/api/events/${e.id}/invitations/${wang.id}/follow-up`, { kind: 'opportunity', version: wang.version, name: '理财代发', expectedValue: 100 })).status).toBe(403);
    const li = d.invitations.find((i) => i.contact.name === '李主任')!;
    expect(issueOf(await c.spec_a1!.post(`/api/events/${e.id}/invitations/${li.id}/follow-up`, { kind: 'visit', version: li.version, plannedAt: new Date(Date.now() + 2 * DAY).toISOString() }))).toMatchObject({ key: 'events.followUpNotAttended' });

    d = ok(await c.spec_a1!.post(`/api/events/${e.id}/invitations/${wang.id}/follow-up`, { kind: 'visit', version: wang.version, plannedAt: new Date(Date.now() + 2 * DAY).toISOString(), note: '约谈代发工资' }));
    const f = d.invitations.find((i) => i.id === wang.id)!.followUp!;
    expect(f).toMatchObject({ kind: 'visit', link: `/visits/${f.id}` });
    const visit = await db().selectFrom('visits').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ account_id: accA, owner_id: u().spec_a1, status: 'draft', plan_note: '活动跟进：产品体验日\n约谈代发工资' });
    const planned = await db().selectFrom('visit_contacts').select('contact_id').where('visit_id', '=', f.id).execute();
    expect(planned.map((p) => p.contact_id)).toContain(contacts.a1);
    const followed = d.invitations.find((i) => i.id === wang.id)!;
    const twice = await c.manager_a!.post(`/api/events/${e.id}/invitations/${wang.id}/follow-up`, { kind: 'opportunity', version: followed.version, name: '理财代发', expectedValue: 100 });
    expect(twice.status).toBe(409);
    // followed up as one who came: the attendance stays
    expect(issueOf(await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${wang.id}`, { version: followed.version, attended: false }))).toMatchObject({ key: 'events.followedUpAttended' });
    expect(await db().selectFrom('opportunities').select('id').where('account_id', '=', accA).execute()).toHaveLength(0);
  });

  it('records costs against the budget: over it with a reason, the director told once', async () => {
    const add = (body: Record<string, unknown>) => c.manager_a!.post(`/api/events/${e.id}/costs`, { category: 'venue', spentOn: '2026-12-05', ...body });
    ok(await add({ amount: 800_000, note: '场地租赁' }));
    expect((await c.spec_a1!.post(`/api/events/${e.id}/costs`, { category: 'venue', amount: 1, spentOn: '2026-12-05' })).status).toBe(404);
    const over = await add({ category: 'catering', amount: 300_000 });
    expect(over.status).toBe(400);
    expect(issueOf(over)).toMatchObject({ path: 'overBudgetReason', key: 'events.overBudgetReason' });
    for (const body of [{ amount: 0 }, { amount: 1.5 }, { amount: 100, spentOn: '2026-02-30' }, { amount: 100, category: 'bribe' }]) expect((await add(body)).status, JSON.stringify(body)).toBe(400);
    let d = ok(await add({ category: 'catering', amount: 300_000, overBudgetReason: '到场人数超出预期' }));
    expect(d.spent).toBe(1_100_000);
    d = ok(await add({ category: 'materials', amount: 50_000, overBudgetReason: '补印资料' }));
    const notes = await db().selectFrom('notifications').select(['user_id', 'kind', 'params']).where('kind', '=', 'events.overBudget').execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ user_id: u().director });
    expect(d.costs.map((x) => x.overBudgetReason)).toEqual([null, '到场人数超出预期', '补印资料']);
    const last = d.costs[2]!;
    d = ok(await c.manager_a!.delete(`/api/events/${e.id}/costs/${last.id}`));
    expect(d.spent).toBe(1_100_000);
  });

  it('closes with a summary, after which nothing changes', async () => {
    let d = ok(await c.manager_a!.get(`/api/events/${e.id}`));
    expect((await c.manager_a!.post(`/api/events/${e.id}/close`, { version: d.version, summary: '' })).status).toBe(400);
    d = ok(await c.manager_a!.post(`/api/events/${e.id}/close`, { version: d.version, summary: '到场 1 位行长，已安排跟进拜访' }));
    expect(d).toMatchObject({ status: 'closed', summary: '到场 1 位行长，已安排跟进拜访' });
    expect(d.can).toMatchObject({ edit: false, costs: false, invite: false, cancel: false });
    expect((await c.manager_a!.post(`/api/events/${e.id}/costs`, { category: 'other', amount: 1, spentOn: '2026-12-05', overBudgetReason: 'x' })).status).toBe(409);
    expect((await c.spec_a1!.post(`/api/events/${e.id}/invitations`, { contactIds: [contacts.a3] })).status).toBe(409);
    const li = d.invitations.find((i) => i.contact.name === '李主任')!;
    expect((await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${li.id}`, { version: li.version, attended: true })).status).toBe(409);
    expect((await c.spec_a1!.patch(`/api/events/${e.id}/invitations/${li.id}`, { version: li.version, note: '会后补记' })).status).toBe(409);
    // the attendee's account shows the event and the timeline the attendance
    const services = ok<{ events: { title: string; attended: boolean | null; followUp: unknown }[] }>(await c.spec_a1!.get(`/api/accounts/${accA}/services`));
    expect(services.events.filter((x) => x.title === '产品体验日')).toHaveLength(3);
    expect(services.events.find((x) => x.attended)?.followUp).toMatchObject({ kind: 'visit' });
    // 李主任 did not come: nothing to follow up, closed or not
    const zhaoCame = d.invitations.find((i) => i.contact.name === '李主任')!;
    expect(zhaoCame.canFollowUp).toBe(false);
    const tl = ok<{ items: { kind: string; params: Record<string, unknown> }[] }>(await c.spec_a1!.get(`/api/accounts/${accA}/timeline?kinds=event_attended`));
    expect(tl.items.map((i) => [i.kind, i.params.contact])).toEqual([['event_attended', '王行长']]);
    const list = ok<EventPage>(await c.spec_a1!.get(`/api/events?when=past&accountId=${accA}`));
    expect(list.items.map((i) => i.title)).toContain('产品体验日');
    expect(ok<EventPage>(await c.manager_b!.get(`/api/events?when=all&accountId=${accA}`)).items).toHaveLength(0);
  });
});

describe('what an account shows of events', () => {
  it('lists only the events the caller sees, on its page and its timeline; places and follow-ups hold', async () => {
    // team B's event, to which the director invites a contact of spec_a1's account
    const hidden = ok<EventDetail>(await c.manager_b!.post('/api/events', { kind: 'salon', title: 'B组内部沙龙', startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + HOUR).toISOString(), capacity: 5 }), 201);
    const sent = ok(await c.manager_b!.post(`/api/events/${hidden.id}/submit`, { version: hidden.version }));
    ok(await c.director!.post(`/api/approvals/${sent.approvalId}/approve`, {}));
    ok(await c.director!.post(`/api/events/${hidden.id}/invitations`, { contactIds: [contacts.a3] }));
    const inv = ok(await c.director!.get(`/api/events/${hidden.id}`)).invitations[0]!;
    ok(await c.director!.patch(`/api/events/${hidden.id}/invitations/${inv.id}`, { version: inv.version, attended: true }));
    expect((await c.spec_a1!.get(`/api/events/${hidden.id}`)).status).toBe(404);
    const services = ok<{ events: { eventId: number }[] }>(await c.spec_a1!.get(`/api/accounts/${accA}/services`));
    expect(services.events.map((x) => x.eventId)).not.toContain(hidden.id);
    expect(ok<{ events: { eventId: number }[] }>(await c.director!.get(`/api/accounts/${accA}/services`)).events.map((x) => x.eventId)).toContain(hidden.id);
    const tl = ok<{ items: { link: string | null }[] }>(await c.spec_a1!.get(`/api/accounts/${accA}/timeline?kinds=event_attended`));
    expect(tl.items.map((i) => i.link)).not.toContain(`/events/${hidden.id}`);
    // one guest registered: the places cannot drop below that
    const d = ok(await c.manager_b!.get(`/api/events/${hidden.id}`));
    const fewer = await c.manager_b!.put(`/api/events/${hidden.id}`, { version: d.version, capacity: 0 });
    expect(fewer.status).toBe(400);
    ok(await c.manager_b!.put(`/api/events/${hidden.id}`, { version: d.version, capacity: 1 }));
  });
});

describe('the service log of an account', () => {
  it('logs services in scope, names the contact of the account, lets the author or the director change them', async () => {
    const post = (who: Client, accountId: number, body: Record<string, unknown>) => who.post(`/api/accounts/${accountId}/services`, { kind: 'training', title: '资金管理培训', providedOn: '2026-11-20', ...body });
    const log = ok<{ id: number; version: number; contact: { name: string } }>(await post(c.spec_a1!, accA, { contactId: contacts.a2, cost: 150_000, note: '两小时' }), 201);
    expect(log.contact.name).toBe('李主任');
    expect((await post(c.spec_a1!, accB, {})).status).toBe(404);
    expect((await post(c.spec_a2!, accA, {})).status).toBe(404);
    expect(issueOf(await post(c.spec_a1!, accA, { contactId: contacts.b1 }))).toMatchObject({ path: 'contactId', key: 'events.contactOtherAccount' });
    for (const body of [{ kind: 'massage' }, { title: '' }, { providedOn: '20261120' }, { cost: -5 }, { title: 'a\u0000b' }]) expect((await post(c.spec_a1!, accA, body)).status, JSON.stringify(body)).toBe(400);
    expect((await post(c.gm!, accA, {})).status).toBe(403);

    // manager_a (team A) sees it, may not change another's record; the director may
    const seen = ok<{ services: { id: number; canEdit: boolean }[]; yearCount: number; yearCost: number; canWrite: boolean }>(await c.manager_a!.get(`/api/accounts/${accA}/services`));
    expect(seen.services.find((s) => s.id === log.id)?.canEdit).toBe(false);
    expect(seen).toMatchObject({ yearCount: 1, yearCost: 150_000, canWrite: true });
    expect((await c.manager_a!.put(`/api/service-logs/${log.id}`, { version: log.version, title: '改' })).status).toBe(403);
    const changed = ok<{ version: number; title: string; cost: number; note: string }>(await c.director!.put(`/api/service-logs/${log.id}`, { version: log.version, title: '资金管理与代发培训' }));
    // only what was sent changes
    expect(changed).toMatchObject({ title: '资金管理与代发培训', cost: 150_000, note: '两小时' });
    expect((await c.spec_a1!.put(`/api/service-logs/${log.id}`, { version: log.version, title: '旧' })).status).toBe(409);
    expect((await c.prov_director!.get(`/api/accounts/${accA}/services`)).status).toBe(404);
    expect((await c.prov_director!.put(`/api/service-logs/${log.id}`, { version: changed.version, title: 'x' })).status).toBe(404);

    const tl = ok<{ items: { kind: string; params: Record<string, unknown> }[] }>(await c.spec_a1!.get(`/api/accounts/${accA}/timeline?kinds=service_logged`));
    expect(tl.items[0]).toMatchObject({ kind: 'service_logged', params: { title: '资金管理与代发培训', cost: 150_000 } });
    ok(await c.spec_a1!.delete(`/api/service-logs/${log.id}?version=${changed.version}`));
    expect(await db().selectFrom('service_logs').select('id').execute()).toHaveLength(0);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'service_log' and entity_id = ${String(log.id)}`.execute(db());
    expect(audit.rows[0]!.n).toBe(3);
  });
});
