import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

let t: TestApp;
let spec: Client;
let director: Client;
let finance: Client;
let manager: Client;
let accountId: number;
let c1: number;
let c2: number;
let foreignContact: number;

const DAY = 86_400_000;
const paths = (r: Response) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();

async function insertContact(account: number, name: string, title: string) {
  const r = await t.database.db.insertInto('contacts').values({ account_id: account, name, title } as never).returning('id').executeTakeFirstOrThrow();
  return r.id as number;
}

const plan = (extra: Record<string, unknown> = {}) => ({
  accountId,
  contactIds: [c1],
  purpose: 'first',
  method: 'onsite',
  plannedAt: new Date(Date.now() + DAY).toISOString(),
  planNote: '介绍新产品线',
  resources: [
    { item: 'brochure', quantity: 20, readyBy: '2026-12-01', department: '市场部' },
    { item: 'vehicle', department: '行政部', note: '公司出车' },
  ],
  budget: 50_000,
  cashAdvance: 0,
  ...extra,
});

const record = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  metContactIds: [c1, c2],
  metName: '刘主任',
  metTitle: '信息中心主任',
  customerSituation: '正在规划明年的网点改造',
  discussed: '介绍了我方方案，客户对试点感兴趣',
  concerns: '价格与交付周期',
  solved: '澄清了报价构成',
  toWatch: '竞争对手也在接触',
  other: '',
  result: 'B',
  expenses: [
    { item: '交通费', amount: 12_000 },
    { item: '餐费', amount: 3_550, note: '工作餐' },
  ],
  nextVisitAt: new Date(Date.now() + 10 * DAY).toISOString(),
  ...extra,
});

async function approvalOf(user: Client, approvalId: number) {
  const r = await user.get(`/api/approvals/${approvalId}`);
  expect(r.status).toBe(200);
  return r.body;
}

/** Plans, submits and has the director approve a visit of `who`; returns the approved visit. */
async function approvedVisit(who: Client, extra: Record<string, unknown> = {}) {
  const created = await who.post('/api/visits', plan(extra));
  expect(created.status).toBe(200);
  const v = created.body.visit;
  const submitted = await who.post(`/api/visits/${v.id}/submit`, { version: v.version });
  expect(submitted.status).toBe(200);
  expect((await director.post(`/api/approvals/${submitted.body.visit.approvalId}/approve`, {})).status).toBe(200);
  const after = (await who.get(`/api/visits/${v.id}`)).body.visit;
  expect(after.status).toBe('approved');
  return after;
}

beforeAll(async () => {
  t = await createTestApp();
  spec = await t.login('spec_a1');
  director = await t.login('director');
  finance = await t.login('finance');
  manager = await t.login('manager_a');
  accountId = await insertAccount(t.database.db, '拜访客户', t.org.users.spec_a1!);
  c1 = await insertContact(accountId, '刘主任', '信息中心主任');
  c2 = await insertContact(accountId, '陈科长', '采购科长');
  const other = await insertAccount(t.database.db, '别的客户', t.org.users.spec_a1!);
  foreignContact = await insertContact(other, '外人', null as never);
});
afterAll(async () => t?.close());

describe('visit loop (ACT-1..3)', () => {
  it('plan → director → finance (cash advance) → check-in → record → report → return → report → approve', async () => {
    const created = await spec.post('/api/visits', plan({ cashAdvance: 100_000 }));
    expect(created.status).toBe(200);
    const v = created.body.visit;
    expect(v).toMatchObject({
      status: 'draft',
      reportStatus: 'none',
      purpose: 'first',
      method: 'onsite',
      budget: 50_000,
      cashAdvance: 100_000,
      costTotal: 0,
      owner: { id: t.org.users.spec_a1, name: '周专员' },
      account: { id: accountId, name: '拜访客户' },
      contacts: [{ id: c1, name: '刘主任', title: '信息中心主任', met: false }],
      checkIn: null,
      record: null,
    });
    expect(v.resources).toEqual([
      { item: 'brochure', quantity: 20, readyBy: '2026-12-01', department: '市场部', note: null },
      { item: 'vehicle', quantity: null, readyBy: null, department: '行政部', note: '公司出车' },
    ]);

    // not checked in before approval
    expect((await spec.post(`/api/visits/${v.id}/check-in`, { version: v.version, place: '大堂' })).status).toBe(409);

    const submitted = await spec.post(`/api/visits/${v.id}/submit`, { version: v.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.visit.status).toBe('pending');
    const approvalId = submitted.body.visit.approvalId as number;
    const approval = await approvalOf(director, approvalId);
    // the approval's amount is the budget, the advance beside it (issue 13 item 4); the advance brings finance in
    expect(approval).toMatchObject({ docType: 'visit_plan', docId: v.id, amount: 50_000, amountLabel: 'approvals:amounts.budget', secondAmount: 100_000, secondAmountLabel: 'approvals:amounts.advance', title: '拜访计划：拜访客户', link: `/visits/${v.id}` });
    expect(approval.steps.map((s: { name: string; approverId: number }) => [s.name, s.approverId])).toEqual([
      ['客户总监', t.org.users.director],
      ['财务经理', t.org.users.finance],
    ]);
    // pending: no cancel (withdraw first), no edit
    expect((await spec.post(`/api/visits/${v.id}/cancel`, { version: submitted.body.visit.version })).status).toBe(409);
    expect((await spec.put(`/api/visits/${v.id}`, { ...plan(), version: submitted.body.visit.version })).status).toBe(409);

    expect((await director.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(200);
    expect((await spec.get(`/api/visits/${v.id}`)).body.visit.status).toBe('pending');
    expect((await finance.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(200);
    let cur = (await spec.get(`/api/visits/${v.id}`)).body.visit;
    expect(cur.status).toBe('approved');
    expect(cur.decidedAt).not.toBeNull();

    // check-in: a position or a place
    const none = await spec.post(`/api/visits/${v.id}/check-in`, { version: cur.version });
    expect(none.status).toBe(400);
    expect(paths(none)).toEqual(['place']);
    const half = await spec.post(`/api/visits/${v.id}/check-in`, { version: cur.version, lat: 31.23 });
    expect(paths(half)).toEqual(['lng']);
    const range = await spec.post(`/api/visits/${v.id}/check-in`, { version: cur.version, lat: 91, lng: 200 });
    expect(paths(range)).toEqual(['lat', 'lng']);
    const before = Date.now();
    const checked = await spec.post(`/api/visits/${v.id}/check-in`, { version: cur.version, lat: 31.2304, lng: 121.4737, accuracy: 15 });
    expect(checked.status).toBe(200);
    cur = checked.body.visit;
    expect(cur.status).toBe('checked_in');
    expect(cur.checkIn).toMatchObject({ lat: 31.2304, lng: 121.4737, accuracy: 15, place: null });
    const checkedInAt = new Date(cur.checkIn.at).getTime();
    expect(checkedInAt).toBeGreaterThanOrEqual(before - 1000);
    expect((await spec.post(`/api/visits/${v.id}/check-in`, { version: cur.version, place: 'again' })).status).toBe(409);
    // no report before the record
    expect((await spec.post(`/api/visits/${v.id}/report`, { version: cur.version })).status).toBe(409);

    const next = new Date(checkedInAt + 10 * DAY).toISOString();
    const recorded = await spec.post(`/api/visits/${v.id}/record`, record(cur.version, { nextVisitAt: next }));
    expect(recorded.status).toBe(200);
    cur = recorded.body.visit;
    expect(cur).toMatchObject({ status: 'recorded', reportStatus: 'none', result: 'B', contactSeq: 1, costTotal: 15_550 });
    expect(cur.record).toMatchObject({ metName: '刘主任', metTitle: '信息中心主任', contactSeq: 1, discussed: '介绍了我方方案，客户对试点感兴趣', concerns: '价格与交付周期', solved: '澄清了报价构成', toWatch: '竞争对手也在接触', other: null, result: 'B', nextVisitAt: next });
    expect(cur.record.expenses).toEqual([
      { item: '交通费', amount: 12_000, note: null },
      { item: '餐费', amount: 3_550, note: '工作餐' },
    ]);
    expect(cur.contacts).toEqual([
      { id: c1, name: '刘主任', title: '信息中心主任', met: true },
      { id: c2, name: '陈科长', title: '采购科长', met: true },
    ]);

    // the follow-up within a week and the next-visit reminder are the visitor's tasks
    const tasks = (await spec.get('/api/tasks?status=all&pageSize=100')).body.items as { title: string; dueAt: string; linkEntity: string; linkId: number; linkUrl: string }[];
    const followUp = tasks.find((x) => x.linkEntity === 'visit' && x.linkId === v.id)!;
    expect(followUp).toMatchObject({ title: '拜访回访：拜访客户', linkUrl: `/visits/${v.id}` });
    expect(new Date(followUp.dueAt).getTime()).toBe(checkedInAt + 7 * DAY);
    const reminder = tasks.find((x) => x.linkEntity === 'visit_next' && x.linkId === v.id)!;
    expect(reminder).toMatchObject({ title: '下次拜访：拜访客户' });
    expect(reminder.dueAt).toBe(next);

    // the met contacts' last contact, the contact's visit history and the account timeline
    const contact = await t.database.db.selectFrom('contacts').select('last_contact_at').where('id', '=', c2).executeTakeFirstOrThrow();
    expect(new Date(contact.last_contact_at!).getTime()).toBe(checkedInAt);
    const ofContact = await spec.get(`/api/visits?contactId=${c2}`);
    expect(ofContact.body.items.map((i: { id: number }) => i.id)).toEqual([v.id]);
    const timeline = await spec.get(`/api/accounts/${accountId}/timeline?kinds=visit`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items).toEqual([expect.objectContaining({ kind: 'visit', key: `visit:${v.id}`, params: { purpose: 'first', result: 'B', n: 1, met: '刘主任' }, link: `/visits/${v.id}` })]);

    // report → director's queue → return (needs a comment) → rewrite → report → approve
    const reported = await spec.post(`/api/visits/${v.id}/report`, { version: cur.version });
    expect(reported.status).toBe(200);
    cur = reported.body.visit;
    expect(cur.reportStatus).toBe('submitted');
    expect((await spec.post(`/api/visits/${v.id}/record`, record(cur.version))).status).toBe(409);
    const queue = await director.get('/api/visits?box=review');
    expect(queue.body.items.map((i: { id: number }) => i.id)).toContain(v.id);
    const notes = await director.get('/api/notifications');
    expect(JSON.stringify(notes.body)).toContain('visit.reportSubmitted');
    expect((await spec.post(`/api/visits/${v.id}/review`, { version: cur.version, decision: 'approve' })).status).toBe(403);
    const noComment = await director.post(`/api/visits/${v.id}/review`, { version: cur.version, decision: 'return' });
    expect(noComment.status).toBe(400);
    expect(paths(noComment)).toEqual(['comment']);
    const returned = await director.post(`/api/visits/${v.id}/review`, { version: cur.version, decision: 'return', comment: '补充客户关注点' });
    expect(returned.status).toBe(200);
    cur = returned.body.visit;
    expect(cur.report).toMatchObject({ status: 'returned', comment: '补充客户关注点', reviewer: { id: t.org.users.director, name: '张总监' } });

    // a rewrite keeps the number; a changed next visit replaces the reminder
    const next2 = new Date(checkedInAt + 12 * DAY).toISOString();
    const rewritten = await spec.post(`/api/visits/${v.id}/record`, record(cur.version, { concerns: '价格、交付周期与售后', nextVisitAt: next2 }));
    expect(rewritten.status).toBe(200);
    cur = rewritten.body.visit;
    expect(cur.contactSeq).toBe(1);
    const tasks2 = (await spec.get('/api/tasks?status=all&pageSize=100')).body.items as { status: string; dueAt: string; linkEntity: string; linkId: number }[];
    const reminders = tasks2.filter((x) => x.linkEntity === 'visit_next' && x.linkId === v.id).map((x) => [x.status, x.dueAt]).sort();
    expect(reminders).toEqual([['cancelled', next], ['open', next2]].sort());
    expect(tasks2.filter((x) => x.linkEntity === 'visit' && x.linkId === v.id)).toHaveLength(1);

    cur = (await spec.post(`/api/visits/${v.id}/report`, { version: cur.version })).body.visit;
    const approved = await director.post(`/api/visits/${v.id}/review`, { version: cur.version, decision: 'approve', comment: '很好' });
    expect(approved.status).toBe(200);
    expect(approved.body.visit).toMatchObject({ reportStatus: 'approved', costTotal: 15_550 });
    expect((await director.post(`/api/visits/${v.id}/review`, { version: approved.body.visit.version, decision: 'approve' })).status).toBe(409);
    expect((await spec.post(`/api/visits/${v.id}/record`, record(approved.body.visit.version))).status).toBe(409);
  });

  it('without a cash advance only the director approves; a rejection reopens the plan for edits', async () => {
    const created = (await spec.post('/api/visits', plan())).body.visit;
    const submitted = (await spec.post(`/api/visits/${created.id}/submit`, { version: created.version })).body.visit;
    const approval = await approvalOf(director, submitted.approvalId);
    expect(approval.steps.map((s: { name: string }) => s.name)).toEqual(['客户总监']);
    expect((await director.post(`/api/approvals/${submitted.approvalId}/reject`, { comment: '时间不合适' })).status).toBe(200);
    const rejected = (await spec.get(`/api/visits/${created.id}`)).body.visit;
    expect(rejected.status).toBe('rejected');
    const edited = await spec.put(`/api/visits/${created.id}`, { ...plan({ method: 'phone', contactIds: [c2] }), version: rejected.version });
    expect(edited.status).toBe(200);
    expect(edited.body.visit).toMatchObject({ status: 'draft', method: 'phone', contacts: [{ id: c2, met: false }] });
    const cancelled = await spec.post(`/api/visits/${created.id}/cancel`, { version: edited.body.visit.version, reason: '客户出差' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.visit).toMatchObject({ status: 'cancelled', cancelReason: '客户出差' });
    expect((await spec.post(`/api/visits/${created.id}/submit`, { version: cancelled.body.visit.version })).status).toBe(409);
  });

  it('numbers the contact with the account across visitors, by check-in time', async () => {
    const existing = await t.database.db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('status', '=', 'recorded').executeTakeFirstOrThrow();
    const mine = await approvedVisit(manager);
    const checked = (await manager.post(`/api/visits/${mine.id}/check-in`, { version: mine.version, place: '客户总部三楼会议室' })).body.visit;
    expect(checked.checkIn).toMatchObject({ lat: null, lng: null, place: '客户总部三楼会议室' });
    const done = (await manager.post(`/api/visits/${mine.id}/record`, record(checked.version, { metContactIds: [], nextVisitAt: null, result: 'C' }))).body.visit;
    expect(done.contactSeq).toBe(Number(existing.n) + 1);
    const tasks = (await manager.get('/api/tasks?status=all&pageSize=100')).body.items as { linkEntity: string; linkId: number }[];
    expect(tasks.filter((x) => x.linkId === mine.id).map((x) => x.linkEntity)).toEqual(['visit']);
  });

  it('names the failing fields and saves nothing half-way', async () => {
    const bad = await spec.post('/api/visits', { accountId, purpose: 'lunch', method: 'onsite', plannedAt: 'tomorrow', budget: -1, resources: [{ item: 'yacht' }] });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['budget', 'plannedAt', 'purpose', 'resources.0.item']);
    const foreign = await spec.post('/api/visits', plan({ contactIds: [c1, foreignContact, c1] }));
    expect(foreign.status).toBe(400);
    expect(paths(foreign)).toEqual(['contactIds.1', 'contactIds.2']);
    const hidden = await insertAccount(t.database.db, '别组客户', t.org.users.spec_b1!);
    const notMine = await spec.post('/api/visits', plan({ accountId: hidden, contactIds: [] }));
    expect(paths(notMine)).toEqual(['accountId']);

    const v = await approvedVisit(spec);
    const checked = (await spec.post(`/api/visits/${v.id}/check-in`, { version: v.version, place: '客户门口' })).body.visit;
    const failing = await spec.post(`/api/visits/${v.id}/record`, record(checked.version, { metContactIds: [foreignContact], result: 'Z', discussed: '' }));
    expect(failing.status).toBe(400);
    expect(paths(failing)).toEqual(['discussed', 'result']);
    const wrongContact = await spec.post(`/api/visits/${v.id}/record`, record(checked.version, { metContactIds: [foreignContact] }));
    expect(paths(wrongContact)).toEqual(['metContactIds.0']);
    const early = await spec.post(`/api/visits/${v.id}/record`, record(checked.version, { nextVisitAt: new Date(Date.now() - DAY).toISOString() }));
    expect(paths(early)).toEqual(['nextVisitAt']);
    const after = (await spec.get(`/api/visits/${v.id}`)).body.visit;
    expect(after).toMatchObject({ status: 'checked_in', version: checked.version, record: null, costTotal: 0 });
    const tasks = await t.database.db.selectFrom('tasks').select('id').where('link_id', '=', v.id).where('link_entity', 'in', ['visit', 'visit_next']).execute();
    expect(tasks).toHaveLength(0);
    expect((await spec.post(`/api/visits/${v.id}/record`, record(checked.version - 1))).status).toBe(409);
  });

  it('keeps visits in the data scope: 404 outside it, the team and the director see them', async () => {
    const v = (await spec.post('/api/visits', plan())).body.visit;
    for (const who of ['spec_a2', 'spec_b1', 'manager_b', 'prov_director']) {
      const other = await t.login(who);
      expect((await other.get(`/api/visits/${v.id}`)).status).toBe(404);
      expect((await other.get('/api/visits')).body.items.map((i: { id: number }) => i.id)).not.toContain(v.id);
    }
    const b1 = await t.login('spec_b1');
    expect((await b1.post(`/api/visits/${v.id}/submit`, { version: v.version })).status).toBe(404);
    expect((await manager.get(`/api/visits/${v.id}`)).status).toBe(200);
    expect((await director.get(`/api/visits/${v.id}`)).status).toBe(200);
    expect((await finance.get(`/api/visits/${v.id}`)).status).toBe(200);
    expect((await finance.post('/api/visits', plan())).status).toBe(403);
    const mine = (await spec.get('/api/visits?box=mine&pageSize=100')).body.items as { owner: { id: number } }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.owner.id === t.org.users.spec_a1)).toBe(true);
    const timeline = await (await t.login('spec_b1')).get(`/api/accounts/${accountId}/timeline?kinds=visit`);
    expect(timeline.status === 404 || timeline.body.items.length === 0).toBe(true);
  });
});
