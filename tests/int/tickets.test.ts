import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEscalation, validComplaints } from '../../src/server/features/tickets';
import { ESCALATION_JOB } from '../../src/server/features/tickets/tickets.routes';
import { create as createTicket, move as moveTicket, type TicketContext } from '../../src/server/features/tickets/tickets.service';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import type { Actor } from '../../src/server/platform/actor';
import type { Ticket } from '../../src/shared/contracts/tickets';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

/**
 * 服务请求与投诉 (SVC-1, issue 15 items 1–3): logging a ticket and its checks (400 naming the field), the
 * states with their history, timeline and audit, scope (404) and stale versions (409); the SLA clocks on
 * working time over a weekend and 国庆 2026, paused while waiting; the escalation, each level once however
 * many runs at once; the director's judgement of a closed complaint and the valid complaints it feeds;
 * merge and handover.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const db = () => t.database.db;
const tz = () => t.platform.config.BUSINESS_TZ;
let accA: number;
let accB: number;
let contactA: number;
let contactB: number;

const ok = <T = any>(r: Response<T>, what = 'request'): T => {
  if (r.status !== 200 && r.status !== 201 && r.status !== 202) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const paths = (r: Response) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
const keysOf = (r: Response) => (r.body.error.details.issues as { key: string }[]).map((i) => i.key);
/** An instant in Beijing time. */
const at = (local: string) => new Date(`${local}+08:00`);
const complaint = (over: Record<string, unknown> = {}) => ({ kind: 'complaint', severity: 'critical', channel: 'phone', accountId: accA, title: '设备故障未及时处理', description: '客户来电反映设备三天未修复', ...over });

async function logged(by: Client, body: Record<string, unknown>): Promise<Ticket> {
  return ok(await by.post('/api/tickets', body), 'create');
}
const get = async (id: number, by = c.director!): Promise<Ticket> => ok(await by.get(`/api/tickets/${id}`));
async function moved(by: Client, id: number, action: string, body: Record<string, unknown> = {}): Promise<Ticket> {
  const { version } = await get(id);
  return ok(await by.post(`/api/tickets/${id}/${action}`, { version, ...body }), action);
}
const milestone = (tk: Ticket, name: 'first_response' | 'resolve') => tk.milestones.find((m) => m.milestone === name)!;

/** Services with the clock where a test needs it (a Friday evening, 国庆), for a user of the standard org. */
const actors = new Map<string, Actor>();
async function actor(name: string) {
  if (!actors.has(name)) actors.set(name, (await loadActorForUser(db(), u()[name]!))!);
  return actors.get(name)!;
}
const ctxAt = (now: Date): TicketContext => ({ timeZone: tz(), notifier: t.platform.notifier, now });
async function loggedAt(name: string, now: Date, body: Record<string, unknown>) {
  return createTicket(db(), await actor(name), body as never, ctxAt(now));
}
async function movedAt(name: string, id: number, action: 'start' | 'wait' | 'resume' | 'resolve' | 'close' | 'reopen', now: Date, body: Record<string, unknown> = {}) {
  const { version } = await get(id);
  await moveTicket(db(), await actor(name), id, action, { version, ...body }, ctxAt(now));
}

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1', 'spec_b1', 'finance']) c[name] = await t.login(name);
  accA = await insertAccount(db(), '华东电力设备有限公司', u().manager_a!);
  accB = await insertAccount(db(), '苏州精工机械有限公司', u().manager_b!);
  contactA = ok(await c.manager_a!.post('/api/contacts', { accountId: accA, name: '钱处长', title: '处长' })).id;
  contactB = ok(await c.manager_b!.post('/api/contacts', { accountId: accB, name: '孙科长', title: '科长' })).id;
});
afterAll(async () => t?.close());

describe('logging a ticket', () => {
  it('logs a complaint on an account in scope, numbered, owned by the account’s owner, with both SLA clocks running', async () => {
    const tk = await logged(c.manager_a!, complaint({ contactId: contactA }));
    expect(tk.number).toMatch(/^TS-\d{4}-\d{6}$/);
    expect(tk).toMatchObject({ kind: 'complaint', severity: 'critical', channel: 'phone', status: 'new', accountId: accA, ownerId: u().manager_a, contact: { id: contactA, name: '钱处长' }, validity: null });
    expect(tk.milestones.map((m) => [m.milestone, m.budgetMinutes, m.metAt])).toEqual([
      ['first_response', 60, null],
      ['resolve', 480, null],
    ]);
    expect(tk.sla.milestone).toBe('first_response');
    expect(tk.history.map((h) => [h.event, h.toStatus, h.actor?.name])).toEqual([['created', 'new', '孙经理']]);
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'ticket').where('entity_id', '=', String(tk.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('assigns a ticket logged for someone else and tells them', async () => {
    // the director logs it on manager_a's account: the account's owner gets it
    const tk = await logged(c.director!, complaint({ severity: 'high', channel: 'email' }));
    expect(tk).toMatchObject({ status: 'assigned', ownerId: u().manager_a });
    expect(tk.history[0]!.changes).toEqual({ owner: [null, '孙经理'] });
    const n = await db().selectFrom('notifications').select(['user_id', 'params']).where('kind', '=', 'tickets.assigned').where('link', '=', `/tickets/${tk.id}`).execute();
    expect(n).toEqual([{ user_id: u().manager_a, params: expect.objectContaining({ number: tk.number, by: '张总监', account: '华东电力设备有限公司' }) }]);
  });

  it('refuses bad input with 400 naming the fields', async () => {
    const r = await c.manager_a!.post('/api/tickets', { kind: 'praise', severity: 'urgent', channel: 'phone', accountId: accA, title: ' ', description: 'x'.repeat(10_001) });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['description', 'kind', 'severity', 'title']);
    // an account out of the caller's scope, a contact of another account
    const out = await c.manager_a!.post('/api/tickets', complaint({ accountId: accB }));
    expect(out.status).toBe(400);
    expect(paths(out)).toEqual(['accountId']);
    const contact = await c.manager_a!.post('/api/tickets', complaint({ contactId: contactB }));
    expect(paths(contact)).toEqual(['contactId']);
    expect(keysOf(contact)).toEqual(['tickets.contactNotOfAccount']);
    // received in the future, or more than 30 days back
    const future = await c.manager_a!.post('/api/tickets', complaint({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect([future.status, paths(future), keysOf(future)]).toEqual([400, ['receivedAt'], ['tickets.receivedInFuture']]);
    const early = await c.manager_a!.post('/api/tickets', complaint({ receivedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() }));
    expect([early.status, paths(early)]).toEqual([400, ['receivedAt']]);
    const inactiveOwner = await c.manager_a!.post('/api/tickets', complaint({ ownerId: 999_999 }));
    expect(paths(inactiveOwner)).toEqual(['ownerId']);
    // an owner the caller could not reach afterwards
    const outOfScope = await c.manager_a!.post('/api/tickets', complaint({ ownerId: u().manager_b }));
    expect([outOfScope.status, keysOf(outOfScope)]).toEqual([400, ['tickets.ownerOutOfScope']]);
  });

  it('takes a complaint phoned in earlier: the SLA clock starts when it was received', async () => {
    const receivedAt = new Date(Date.now() - 20 * 86_400_000);
    const tk = await logged(c.manager_a!, complaint({ receivedAt: receivedAt.toISOString() }));
    expect(new Date(tk.receivedAt).getTime()).toBe(receivedAt.getTime());
    // twenty calendar days hold more than two working days, even around 春节: 60 and 480 working minutes are long gone
    expect(tk.sla).toMatchObject({ milestone: 'first_response', state: 'breached' });
    expect(tk.milestones.map((m) => m.state)).toEqual(['breached', 'breached']);
  });
});

describe('the life of a ticket', () => {
  it('moves new → in progress → waiting → in progress → resolved → closed → reopened, each in the history, the timeline and the audit', async () => {
    const tk = await logged(c.manager_a!, complaint({ title: '发票开错抬头', severity: 'medium', kind: 'service', channel: 'wechat' }));
    const started = await moved(c.manager_a!, tk.id, 'start', { note: '已电话回复客户' });
    expect(started.status).toBe('in_progress');
    expect(milestone(started, 'first_response').state).toBe('met');
    expect(started.sla.milestone).toBe('resolve');

    const waiting = await moved(c.manager_a!, tk.id, 'wait', { note: '等客户提供开票信息' });
    expect(waiting.status).toBe('waiting');
    expect(milestone(waiting, 'resolve').state).toBe('paused');
    expect(waiting.sla.state).toBe('paused');
    const paused = ok(await c.manager_a!.get(`/api/tickets?sla=paused&accountId=${accA}`));
    expect(paused.items.map((i: Ticket) => i.id)).toContain(tk.id);

    const resumed = await moved(c.manager_a!, tk.id, 'resume');
    expect(resumed.status).toBe('in_progress');
    expect(resumed.pausedAt).toBeNull();

    // resolving needs the resolution
    const bare = await c.manager_a!.post(`/api/tickets/${tk.id}/resolve`, { version: resumed.version });
    expect([bare.status, paths(bare)]).toEqual([400, ['resolution']]);
    const resolved = await moved(c.manager_a!, tk.id, 'resolve', { resolution: '已重开发票并快递' });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已重开发票并快递' });
    expect(resolved.milestones.map((m) => m.state)).toEqual(['met', 'met']);
    expect(resolved.sla).toMatchObject({ milestone: null, state: 'met' });

    const closed = await moved(c.manager_a!, tk.id, 'close');
    expect(closed.status).toBe('closed');
    // a closed ticket's fields stay as they are
    const edit = await c.manager_a!.put(`/api/tickets/${tk.id}`, { version: closed.version, title: '改' });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'INVALID_STATE']);

    const noReason = await c.manager_a!.post(`/api/tickets/${tk.id}/reopen`, { version: closed.version });
    expect([noReason.status, paths(noReason)]).toEqual([400, ['reason']]);
    const reopened = await moved(c.manager_a!, tk.id, 'reopen', { reason: '客户说抬头仍然不对' });
    expect(reopened).toMatchObject({ status: 'in_progress', reopened: 1, resolution: null, resolvedAt: null, closedAt: null });
    expect(milestone(reopened, 'resolve')).toMatchObject({ metAt: null });
    expect(milestone(reopened, 'first_response').state).toBe('met');

    expect(reopened.history.map((h) => [h.event, h.fromStatus, h.toStatus, h.note])).toEqual([
      ['created', null, 'new', null],
      ['started', 'new', 'in_progress', '已电话回复客户'],
      ['waiting', 'in_progress', 'waiting', '等客户提供开票信息'],
      ['resumed', 'waiting', 'in_progress', null],
      ['resolved', 'in_progress', 'resolved', null],
      ['closed', 'resolved', 'closed', null],
      ['reopened', 'closed', 'in_progress', '客户说抬头仍然不对'],
    ]);
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'ticket').where('entity_id', '=', String(tk.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'start', 'wait', 'resume', 'resolve', 'close', 'reopen']);

    const timeline = ok(await c.manager_a!.get(`/api/accounts/${accA}/timeline?kinds=ticket&limit=100`));
    const mine = timeline.items.filter((e: { link: string }) => e.link === `/tickets/${tk.id}`);
    expect(mine.map((e: { params: { event: string } }) => e.params.event)).toEqual(['reopened', 'closed', 'resolved', 'resumed', 'waiting', 'started', 'created']);
    expect(mine[0].params).toMatchObject({ number: tk.number, title: '发票开错抬头', ticketKind: 'service', note: '客户说抬头仍然不对' });
    expect(mine[0].actorName).toBe('孙经理');
    // a ticket of the account that manager_b owns is on the director's timeline, not on manager_a's
    const other = await logged(c.director!, complaint({ ownerId: u().manager_b, title: '乙组经办' }));
    const links = async (by: Client) => ok(await by.get(`/api/accounts/${accA}/timeline?kinds=ticket&limit=100`)).items.map((e: { link: string }) => e.link);
    expect(await links(c.director!)).toContain(`/tickets/${other.id}`);
    expect(await links(c.manager_a!)).not.toContain(`/tickets/${other.id}`);
  });

  it('asks the customer for a satisfaction survey when the ticket closes, once however often it is closed', async () => {
    const tk = await logged(c.manager_a!, complaint({ contactId: contactA, title: '满意度回访' }));
    await moved(c.manager_a!, tk.id, 'start');
    await moved(c.manager_a!, tk.id, 'resolve', { resolution: '已处理' });
    const closed = await moved(c.manager_a!, tk.id, 'close');
    const invitations = () => db().selectFrom('survey_invitations').select(['contact_id', 'account_id', 'reason']).where('ticket_id', '=', tk.id).execute();
    expect(await invitations()).toEqual([{ contact_id: contactA, account_id: accA, reason: 'ticket_closed' }]);
    expect(closed.history.at(-1)).toMatchObject({ event: 'closed', changes: { survey: [null, expect.stringMatching(/^(emailed|to_send)$/)] } });
    await moved(c.manager_a!, tk.id, 'reopen', { reason: '客户追问' });
    await moved(c.manager_a!, tk.id, 'resolve', { resolution: '已答复' });
    const again = await moved(c.manager_a!, tk.id, 'close');
    expect(await invitations()).toHaveLength(1);
    expect(again.history.at(-1)!.changes).toEqual({});
  });

  it('records field changes and a new owner in the history; a new severity applies its policy to the clocks not met', async () => {
    const tk = await logged(c.manager_a!, complaint({ severity: 'low', title: '交货延迟' }));
    expect(milestone(tk, 'resolve').budgetMinutes).toBe(4800);
    const r = await c.manager_a!.put(`/api/tickets/${tk.id}`, { version: tk.version, severity: 'critical', contactId: contactA, channel: 'onsite' });
    const changed: Ticket = ok(r);
    expect(changed.milestones.map((m) => m.budgetMinutes)).toEqual([60, 480]);
    expect(new Date(milestone(changed, 'resolve').dueAt).getTime()).toBeLessThan(new Date(milestone(tk, 'resolve').dueAt).getTime());
    expect(changed.history.at(-1)).toMatchObject({ event: 'updated', changes: { severity: ['low', 'critical'], channel: ['phone', 'onsite'], contact: [null, '钱处长'] } });

    const assigned = await moved(c.manager_a!, tk.id, 'assign', { ownerId: u().spec_a1, note: '请跟进' });
    expect(assigned).toMatchObject({ ownerId: u().spec_a1, status: 'assigned', unitId: t.org.units.teamA });
    expect(assigned.history.at(-1)).toMatchObject({ event: 'assigned', fromStatus: 'new', toStatus: 'assigned', changes: { owner: ['孙经理', '周专员'] }, note: '请跟进' });
    expect(await db().selectFrom('notifications').select('user_id').where('kind', '=', 'tickets.assigned').where('link', '=', `/tickets/${tk.id}`).execute()).toEqual([{ user_id: u().spec_a1 }]);
    // the specialist now reads it; the other team's specialist does not
    expect((await c.spec_a1!.get(`/api/tickets/${tk.id}`)).status).toBe(200);
    expect((await c.spec_b1!.get(`/api/tickets/${tk.id}`)).status).toBe(404);
  });

  it('refuses a move from the wrong state (409) and a stale version (409)', async () => {
    const tk = await logged(c.manager_a!, complaint());
    const close = await c.manager_a!.post(`/api/tickets/${tk.id}/close`, { version: tk.version });
    expect([close.status, close.body.error.code]).toEqual([409, 'INVALID_STATE']);
    await moved(c.manager_a!, tk.id, 'start');
    const stale = await c.manager_a!.post(`/api/tickets/${tk.id}/wait`, { version: tk.version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    const staleEdit = await c.manager_a!.put(`/api/tickets/${tk.id}`, { version: tk.version, title: '旧版本' });
    expect(staleEdit.status).toBe(409);
  });

  it('hides another scope’s tickets: 404 on read and write, absent from lists', async () => {
    const theirs = await logged(c.manager_b!, complaint({ accountId: accB, title: '乙组的投诉' }));
    for (const who of ['manager_a', 'spec_a1', 'spec_b1']) {
      expect((await c[who]!.get(`/api/tickets/${theirs.id}`)).status, who).toBe(404);
      expect((await c[who]!.post(`/api/tickets/${theirs.id}/start`, { version: theirs.version })).status, who).toBe(404);
      expect((await c[who]!.put(`/api/tickets/${theirs.id}`, { version: theirs.version, title: 'x' })).status, who).toBe(404);
    }
    expect((await c.director!.get(`/api/tickets/${theirs.id}`)).status).toBe(200);
    const listed = ok(await c.manager_a!.get('/api/tickets?pageSize=200'));
    expect(listed.items.map((i: Ticket) => i.id)).not.toContain(theirs.id);
    expect(listed.items.every((i: Ticket) => i.unitId === t.org.units.teamA || i.ownerId === u().manager_a)).toBe(true);
    // finance holds no ticket:read
    expect((await c.finance!.get('/api/tickets')).status).toBe(403);
    // the account tab: 404 for an account out of reach with no ticket in scope
    expect((await c.spec_a1!.get(`/api/accounts/${accB}/tickets`)).status).toBe(404);
    expect(ok(await c.manager_b!.get(`/api/accounts/${accB}/tickets`)).items.map((i: Ticket) => i.id)).toContain(theirs.id);
  });

  it('lists overdue first and filters by kind, severity, state and SLA state', async () => {
    const acc = await insertAccount(db(), '排序客户', u().manager_a!);
    const late = await logged(c.manager_a!, complaint({ accountId: acc, receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(), title: '超时的' }));
    const fresh = await logged(c.manager_a!, complaint({ accountId: acc, kind: 'enquiry', severity: 'low', title: '新的' }));
    const done = await logged(c.manager_a!, complaint({ accountId: acc, kind: 'service', severity: 'low', title: '办完的' }));
    await moved(c.manager_a!, done.id, 'start');
    await moved(c.manager_a!, done.id, 'resolve', { resolution: '已处理' });
    const list = ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}`));
    expect(list.items.map((i: Ticket) => i.id)).toEqual([late.id, fresh.id, done.id]);
    expect(list.items.map((i: Ticket) => i.sla.state)).toEqual(['breached', 'in_progress', 'met']);
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}&sla=breached,warning`)).items.map((i: Ticket) => i.id)).toEqual([late.id]);
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}&kind=enquiry,service`)).total).toBe(2);
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}&severity=critical`)).items.map((i: Ticket) => i.id)).toEqual([late.id]);
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}&open=true`)).total).toBe(2);
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}&status=resolved&q=办完`)).items.map((i: Ticket) => i.id)).toEqual([done.id]);
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${acc}&sort=-receivedAt`)).items[2].id).toBe(late.id);
    const badSort = await c.manager_a!.get('/api/tickets?sort=owner');
    expect([badSort.status, paths(badSort)]).toEqual([400, ['sort']]);
    // the account's tab lists the same, overdue first
    expect(ok(await c.manager_a!.get(`/api/accounts/${acc}/tickets`)).items.map((i: Ticket) => i.id)).toEqual([late.id, fresh.id, done.id]);
  });
});

describe('SLA on working time', () => {
  it('runs over the weekend: a critical complaint logged on Friday 4 December at 17:00 is due for a first response at 18:00 and resolved by Monday 17:30', async () => {
    const id = await loggedAt('manager_a', at('2026-12-04T17:00:00'), complaint({ receivedAt: at('2026-12-04T17:00:00').toISOString() }));
    const tk = await get(id);
    expect(tk.milestones.map((m) => [m.milestone, m.dueAt])).toEqual([
      ['first_response', at('2026-12-04T18:00:00').toISOString()],
      ['resolve', at('2026-12-07T17:30:00').toISOString()],
    ]);
    // 75 % of 60: 17:45
    expect(milestone(tk, 'first_response').warnAt).toBe(at('2026-12-04T17:45:00').toISOString());
  });

  it('skips 国庆 2026 (1–7 October off): logged on 30 September at 17:00, a high complaint is due for a first response on 8 October at 10:00', async () => {
    const id = await loggedAt('manager_a', at('2026-09-30T17:00:00'), complaint({ severity: 'high' }));
    const tk = await get(id);
    // 120: 60 on the 30th, 60 on the 8th; 960: 60 on the 30th, 450 on the 8th, 450 on Friday the 9th
    expect(tk.milestones.map((m) => m.dueAt)).toEqual([at('2026-10-08T10:00:00').toISOString(), at('2026-10-09T18:00:00').toISOString()]);
    // Saturday 10 October is a 调休 working day: a critical enquiry logged on Friday the 9th at 17:00 is due on the Saturday
    const sat = await get(await loggedAt('manager_a', at('2026-10-09T17:00:00'), complaint({ kind: 'enquiry' })));
    expect(milestone(sat, 'first_response').dueAt).toBe(at('2026-10-10T10:00:00').toISOString());
  });

  it('pauses while waiting for the customer: the working minutes waited move the resolve due time out', async () => {
    const id = await loggedAt('manager_a', at('2026-11-30T09:00:00'), complaint());
    expect(milestone(await get(id), 'resolve').dueAt).toBe(at('2026-12-01T09:30:00').toISOString());
    await movedAt('manager_a', id, 'start', at('2026-11-30T09:10:00'));
    await movedAt('manager_a', id, 'wait', at('2026-11-30T10:00:00'));
    const waiting = await get(id);
    expect(milestone(waiting, 'resolve')).toMatchObject({ state: 'paused', usedMinutes: 60 });
    // waiting from Monday 10:00 to Tuesday 10:00 is 450 working minutes
    await movedAt('manager_a', id, 'resume', at('2026-12-01T10:00:00'));
    const resumed = await get(id);
    expect(milestone(resumed, 'resolve')).toMatchObject({ pausedMinutes: 450, dueAt: at('2026-12-02T09:30:00').toISOString(), warnAt: at('2026-12-01T16:30:00').toISOString() });
    expect(milestone(resumed, 'first_response')).toMatchObject({ metAt: at('2026-11-30T09:10:00').toISOString(), breachedAt: null, pausedMinutes: 0 });
    // resolved on Tuesday at 17:00: within the moved due time, no breach
    await movedAt('manager_a', id, 'resolve', at('2026-12-01T17:00:00'), { resolution: '更换备件' });
    const resolved = await get(id);
    expect(milestone(resolved, 'resolve')).toMatchObject({ state: 'met', breachedAt: null, metAt: at('2026-12-01T17:00:00').toISOString() });
    expect(resolved.sla.breached).toBe(false);
  });

  it('keeps a breach on record when the milestone is met late, and a reopen resumes the resolve clock where it stopped', async () => {
    const id = await loggedAt('manager_a', at('2026-11-30T09:00:00'), complaint());
    // the first response came at 10:30, half an hour late
    await movedAt('manager_a', id, 'start', at('2026-11-30T10:30:00'));
    await movedAt('manager_a', id, 'resolve', at('2026-11-30T11:00:00'), { resolution: '远程处理' });
    const resolved = await get(id);
    expect(milestone(resolved, 'first_response')).toMatchObject({ state: 'met', breachedAt: at('2026-11-30T10:00:00').toISOString() });
    expect(resolved.sla).toMatchObject({ state: 'met', breached: true });
    expect(ok(await c.manager_a!.get(`/api/tickets?accountId=${accA}&breached=true&pageSize=200`)).items.map((i: Ticket) => i.id)).toContain(id);
    // reopened on Tuesday at 11:00: the 450 working minutes it stood resolved are not counted
    await movedAt('manager_a', id, 'reopen', at('2026-12-01T11:00:00'), { reason: '故障复发' });
    const reopened = await get(id);
    expect(milestone(reopened, 'resolve')).toMatchObject({ metAt: null, pausedMinutes: 450, dueAt: at('2026-12-02T09:30:00').toISOString() });
    expect(milestone(reopened, 'first_response').breachedAt).toBe(at('2026-11-30T10:00:00').toISOString());
  });
});

describe('escalation', () => {
  const LEVELS = ['warning', 'breach', 'gm'];
  const levelsOf = async (id: number) =>
    (await db().selectFrom('ticket_escalations').select(['milestone', 'level', 'notified_id', 'task_id']).where('ticket_id', '=', id).execute()).sort((a, b) => a.milestone.localeCompare(b.milestone) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  const notices = (id: number) => db().selectFrom('notifications').select(['user_id', 'kind']).where('link', '=', `/tickets/${id}`).where('kind', 'like', 'tickets.%').where('kind', '<>', 'tickets.assigned').orderBy('id').execute();
  const tasksOf = (id: number) => db().selectFrom('tasks').select(['owner_id', 'status', 'source', 'link_url', 'title']).where('link_entity', '=', 'ticket').where('link_id', '=', id).orderBy('id').execute();
  const run = (now: Date) => runEscalation(db(), t.platform.notifier, { timeZone: tz(), now });

  it('warns the owner at 75 % of the budget, once', async () => {
    const id = await loggedAt('manager_a', at('2026-11-30T09:00:00'), complaint({ title: '预警测试' }));
    await run(at('2026-11-30T09:40:00'));
    expect(await levelsOf(id)).toEqual([]);
    await run(at('2026-11-30T09:50:00'));
    await run(at('2026-11-30T09:55:00'));
    expect((await levelsOf(id)).map((l) => [l.milestone, l.level, l.notified_id])).toEqual([['first_response', 'warning', u().manager_a]]);
    expect(await notices(id)).toEqual([{ user_id: u().manager_a, kind: 'tickets.responseWarning' }]);
    expect((await get(id)).escalations).toEqual([{ milestone: 'first_response', level: 'warning', at: at('2026-11-30T09:50:00').toISOString(), notified: { id: u().manager_a, name: '孙经理' } }]);
  });

  it('escalates a breach to the director and later the GM, each once however many runs at once', async () => {
    const id = await loggedAt('manager_a', at('2026-11-30T09:00:00'), complaint({ title: '升级测试' }));
    // a week later nothing was done: both milestones are past warning, breach and breach + 240 working minutes
    const now = at('2026-12-07T09:00:00');
    await Promise.all([run(now), run(now), run(now)]);
    await run(new Date(now.getTime() + 60_000));
    const levels = await levelsOf(id);
    expect(levels.map((l) => [l.milestone, l.level])).toEqual([
      ['first_response', 'warning'],
      ['first_response', 'breach'],
      ['first_response', 'gm'],
      ['resolve', 'warning'],
      ['resolve', 'breach'],
      ['resolve', 'gm'],
    ]);
    // the owner is told once per milestone (the highest), the director and the GM each get a notice and a task per milestone
    const n = await notices(id);
    expect(n.map((x) => [x.user_id, x.kind]).sort()).toEqual(
      [
        [u().manager_a, 'tickets.responseBreached'],
        [u().manager_a, 'tickets.resolveBreached'],
        [u().director, 'tickets.responseDirector'],
        [u().director, 'tickets.resolveDirector'],
        [u().gm, 'tickets.responseGm'],
        [u().gm, 'tickets.resolveGm'],
      ].sort(),
    );
    const tasks = await tasksOf(id);
    expect(tasks.map((x) => [x.owner_id, x.status, x.source, x.link_url])).toEqual([
      [u().director, 'open', 'ticket_sla', `/tickets/${id}`],
      [u().gm, 'open', 'ticket_sla', `/tickets/${id}`],
      [u().director, 'open', 'ticket_sla', `/tickets/${id}`],
      [u().gm, 'open', 'ticket_sla', `/tickets/${id}`],
    ]);
    expect(tasks[0]!.title).toContain('督办超时首次响应');
    expect(levels.filter((l) => l.level !== 'warning').every((l) => l.task_id !== null)).toBe(true);
    // the breaches are on record at their due instants, and in the history by the system
    const tk = await get(id);
    expect(tk.milestones.map((m) => m.breachedAt)).toEqual([at('2026-11-30T10:00:00').toISOString(), at('2026-12-01T09:30:00').toISOString()]);
    expect(tk.history.filter((h) => h.event === 'escalated').map((h) => [h.actor, h.changes])).toHaveLength(6);
    expect(tk.history.find((h) => h.event === 'escalated')!.actor).toBeNull();
    // resolving closes the escalation tasks
    await movedAt('director', id, 'start', new Date());
    await movedAt('director', id, 'resolve', new Date(), { resolution: '总监督办后解决' });
    expect((await tasksOf(id)).map((x) => x.status)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('does not escalate a ticket waiting for the customer', async () => {
    const id = await loggedAt('manager_a', at('2026-11-30T09:00:00'), complaint({ title: '等待中' }));
    await movedAt('manager_a', id, 'start', at('2026-11-30T09:05:00'));
    await movedAt('manager_a', id, 'wait', at('2026-11-30T09:30:00'));
    await run(at('2026-12-07T09:00:00'));
    expect(await levelsOf(id)).toEqual([]);
  });

  it('runs now through the queue for ticket:manage: any number of requests at once queue one run', async () => {
    const url = '/api/tickets/escalation/run';
    expect((await c.manager_a!.post(url)).status).toBe(403);
    expect((await c.manager_a!.get(url)).status).toBe(403);
    const id = ok(await c.manager_a!.post('/api/tickets', complaint({ title: '立即检查', receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() }))).id as number;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => c[i % 2 ? 'director' : 'gm']!.post(url)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const jobs = await db().selectFrom('jobs').select(['id', 'status']).where('name', '=', ESCALATION_JOB).execute();
    expect(jobs).toHaveLength(1);
    await t.platform.jobs.runDue();
    const latest = ok(await c.director!.get(url));
    expect(latest).toMatchObject({ id: jobs[0]!.id, status: 'done', lastError: null });
    expect((await levelsOf(id)).map((l) => l.level)).toEqual(expect.arrayContaining(['warning', 'breach']));
  });
});

describe('validity (有效 / 无效)', () => {
  it('lets the director judge a closed complaint with the reason and the person responsible; valid ones are what the scorecard reads', async () => {
    const tk = await logged(c.manager_a!, complaint({ title: '服务态度差' }));
    const open = await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: tk.version, validity: 'valid', reason: '属实', responsibleId: u().spec_a1 });
    expect([open.status, open.body.error.code]).toEqual([409, 'INVALID_STATE']);
    await moved(c.manager_a!, tk.id, 'start');
    await moved(c.manager_a!, tk.id, 'resolve', { resolution: '已道歉并整改' });
    const closed = await moved(c.manager_a!, tk.id, 'close');
    // the manager holds no ticket:judge
    expect((await c.manager_a!.post(`/api/tickets/${tk.id}/judge`, { version: closed.version, validity: 'valid', reason: '属实', responsibleId: u().spec_a1 })).status).toBe(403);
    const bad = await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: closed.version, validity: 'maybe', reason: '', responsibleId: 999_999 });
    expect([bad.status, paths(bad)]).toEqual([400, ['reason', 'validity']]);
    const nobody = await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: closed.version, validity: 'valid', reason: '属实', responsibleId: 999_999 });
    expect([nobody.status, paths(nobody)]).toEqual([400, ['responsibleId']]);
    const judged: Ticket = ok(await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: closed.version, validity: 'valid', reason: '客户投诉属实，专员未按约上门', responsibleId: u().spec_a1 }));
    expect(judged).toMatchObject({ validity: 'valid', validityReason: '客户投诉属实，专员未按约上门', responsible: { id: u().spec_a1, name: '周专员' }, judgedBy: { id: u().director, name: '张总监' } });
    expect(judged.history.at(-1)).toMatchObject({ event: 'judged', changes: { validity: [null, 'valid'], responsible: [null, '周专员'] }, note: '客户投诉属实，专员未按约上门' });

    const from = '2026-01-01';
    const to = '2099-12-31';
    const mine = await validComplaints(db(), { userId: u().spec_a1, from, to, timeZone: tz() });
    expect(mine.count).toBe(1);
    expect(mine.items[0]).toMatchObject({ id: tk.id, number: tk.number, accountId: accA, responsibleId: u().spec_a1, reason: '客户投诉属实，专员未按约上门' });
    expect((await validComplaints(db(), { userId: u().spec_a2, from, to, timeZone: tz() })).count).toBe(0);
    expect((await validComplaints(db(), { from: '2020-01-01', to: '2020-12-31', timeZone: tz() })).count).toBe(0);
    expect(ok(await c.director!.get(`/api/tickets?validity=valid&accountId=${accA}`)).items.map((i: Ticket) => i.id)).toEqual([tk.id]);

    // judged again: invalid, no longer counted
    const again: Ticket = ok(await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: judged.version, validity: 'invalid', reason: '复核：客户自身原因', responsibleId: u().spec_a1 }));
    expect(again.validity).toBe('invalid');
    expect((await validComplaints(db(), { userId: u().spec_a1, from, to, timeZone: tz() })).count).toBe(0);
    // a reopen clears the judgement
    const valid: Ticket = ok(await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: again.version, validity: 'valid', reason: '再次复核属实', responsibleId: u().spec_a1 }));
    const reopened = await moved(c.manager_a!, tk.id, 'reopen', { reason: '客户再次投诉' });
    expect(valid.version).toBeLessThan(reopened.version);
    expect(reopened).toMatchObject({ validity: null, responsible: null, judgedAt: null });
    expect((await validComplaints(db(), { userId: u().spec_a1, from, to, timeZone: tz() })).count).toBe(0);
  });

  it('judges complaints only', async () => {
    const tk = await logged(c.manager_a!, complaint({ kind: 'enquiry', title: '咨询价格' }));
    await moved(c.manager_a!, tk.id, 'start');
    await moved(c.manager_a!, tk.id, 'resolve', { resolution: '已报价' });
    const closed = await moved(c.manager_a!, tk.id, 'close');
    const r = await c.director!.post(`/api/tickets/${tk.id}/judge`, { version: closed.version, validity: 'valid', reason: '属实', responsibleId: u().spec_a1 });
    expect([r.status, r.body.error.code]).toEqual([409, 'INVALID_STATE']);
  });
});

describe('files', () => {
  it('attaches a recording within the type list and 10 MB; refuses others by field; downloads in scope', async () => {
    const tk = await logged(c.manager_a!, complaint({ title: '附件测试' }));
    const content = Buffer.from('ID3 fake mp3 bytes');
    const f = ok(await c.manager_a!.post(`/api/tickets/${tk.id}/files`, { name: '来电录音.mp3', mime: 'audio/mpeg', contentBase64: content.toString('base64') }));
    expect(f).toMatchObject({ name: '来电录音.mp3', mime: 'audio/mpeg', size: content.length, uploadedBy: { id: u().manager_a } });
    const exe = await c.manager_a!.post(`/api/tickets/${tk.id}/files`, { name: 'x.exe', mime: 'application/x-msdownload', contentBase64: 'AAAA' });
    expect([exe.status, paths(exe)]).toEqual([400, ['mime']]);
    const big = await c.manager_a!.post(`/api/tickets/${tk.id}/files`, { name: 'big.pdf', mime: 'application/pdf', contentBase64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64') });
    expect([big.status, keysOf(big)]).toEqual([400, ['tickets.fileTooLarge']]);
    const down = await t.app.inject({ method: 'GET', url: `/api/tickets/${tk.id}/files/${f.id}`, headers: { cookie: c.manager_a!.cookie } });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect((await c.spec_b1!.get(`/api/tickets/${tk.id}/files/${f.id}`)).status).toBe(404);
    ok(await c.manager_a!.delete(`/api/tickets/${tk.id}/files/${f.id}`));
    expect((await get(tk.id)).history.map((h) => h.event)).toEqual(['created', 'file_added', 'file_removed']);
  });
});

describe('settings', () => {
  it('reads the policies and the working hours; saves with the version, a policy set without a default is a 400 on policies', async () => {
    const s = ok(await c.manager_a!.get('/api/tickets/settings'));
    expect(s).toMatchObject({ warnPercent: 75, gmAfterMinutes: 240, version: 0, workingHours: { start: '09:00', end: '18:00' } });
    expect(s.policies).toHaveLength(12);
    const { version, updatedAt: _u, workingHours: _w, ...value } = s;
    expect((await c.manager_a!.put('/api/tickets/settings', { ...value, version })).status).toBe(403);
    const missing = await c.director!.put('/api/tickets/settings', { ...value, policies: value.policies.slice(1), version });
    expect([missing.status, paths(missing)]).toEqual([400, ['policies']]);
    const inverted = await c.director!.put('/api/tickets/settings', { ...value, policies: [...value.policies, { kind: 'complaint', severity: 'critical', tier: 'heavy', respondMinutes: 120, resolveMinutes: 60 }], version });
    expect([inverted.status, paths(inverted)]).toEqual([400, ['policies.12']]);
    const heavy = { kind: 'complaint', severity: 'critical', tier: 'heavy', respondMinutes: 30, resolveMinutes: 240 };
    const saved = ok(await c.director!.put('/api/tickets/settings', { ...value, policies: [...value.policies, heavy], version }));
    expect(saved.version).toBe(1);
    expect((await c.director!.put('/api/tickets/settings', { ...value, version })).status).toBe(409);
    // a heavy account's critical complaint gets the tier's own policy
    const acc = await insertAccount(db(), '重型客户', u().manager_a!);
    await db().updateTable('accounts').set({ tier: 'heavy' }).where('id', '=', acc).execute();
    const tk = await logged(c.manager_a!, complaint({ accountId: acc }));
    expect(tk.milestones.map((m) => m.budgetMinutes)).toEqual([30, 240]);
    // back to the defaults for the other tests
    ok(await c.director!.put('/api/tickets/settings', { ...value, version: 1 }));
  });
});

describe('the account: merge and handover', () => {
  it('moves tickets with a merge; hands a leaver’s open tickets over, the closed ones stay', async () => {
    const stays = await insertAccount(db(), '合并保留客户', u().manager_a!);
    const goes = await insertAccount(db(), '合并重复客户', u().manager_a!);
    const moving = await logged(c.manager_a!, complaint({ accountId: goes, title: '随合并移动' }));
    const version = async (id: number) => ok(await c.director!.get(`/api/accounts/${id}`)).version;
    ok(await c.director!.post(`/api/accounts/${stays}/merge`, { sourceId: goes, reason: '重复录入', version: await version(stays), sourceVersion: await version(goes) }));
    expect((await get(moving.id)).accountId).toBe(stays);

    const leaver = u().spec_a2!;
    const open = await logged(c.manager_a!, complaint({ accountId: stays, ownerId: leaver, title: '离职人未结束的' }));
    const done = await logged(c.manager_a!, complaint({ accountId: stays, ownerId: leaver, title: '离职人已关闭的' }));
    await moved(c.manager_a!, done.id, 'start');
    await moved(c.manager_a!, done.id, 'resolve', { resolution: '已解决' });
    await moved(c.manager_a!, done.id, 'close');
    const preview = ok(await c.admin!.get(`/api/users/${leaver}/handover`));
    const part = preview.parts.find((p: { key: string }) => p.key === 'tickets');
    expect(part.count).toBe(1);
    expect(part.items).toEqual([{ id: open.id, label: expect.stringContaining('离职人未结束的') }]);
    ok(await c.admin!.post(`/api/users/${leaver}/handover`, { defaultSuccessorId: u().manager_b, leftOn: new Date().toISOString().slice(0, 10), note: '离职交接' }));
    const after = await db().selectFrom('tickets').select(['id', 'owner_id', 'unit_id']).where('id', 'in', [open.id, done.id]).orderBy('id').execute();
    expect(after.map((x) => [x.owner_id, x.unit_id])).toEqual([
      [u().manager_b, t.org.units.teamB],
      [leaver, t.org.units.teamA],
    ]);
    expect((await get(open.id)).history.at(-1)).toMatchObject({ event: 'assigned', changes: { owner: ['吴专员', '郑经理'] }, note: '离职交接' });
  });
});
