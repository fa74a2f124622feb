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
let finance: Client;
let gm: Client;
let accA: number;
let accB: number;

const tz = testConfig().BUSINESS_TZ;
const day = (offset: number) => {
  const d = new Date(`${businessDate(new Date(), tz)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();
const countTrips = async () => Number((await sql<{ n: string }>`select count(*) as n from business_trips`.execute(t.database.db)).rows[0]!.n);

const application = (extra: Record<string, unknown> = {}) => ({
  destination: '南京',
  startOn: day(0),
  endOn: day(2),
  purpose: '拜访江苏分行信息科技部，推进网点改造项目',
  accountIds: [accA],
  transport: 'train',
  transportNote: 'G7010',
  costLines: [
    { category: 'transport', amount: 80_000, note: '往返高铁' },
    { category: 'lodging', amount: 120_000 },
  ],
  advanceRequested: 100_000,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [spec, specB, manager, director, finance, gm] = await Promise.all(['spec_a1', 'spec_b1', 'manager_a', 'director', 'finance', 'gm'].map((u) => t.login(u)));
  accA = await insertAccount(t.database.db, '出差客户甲', t.org.users.spec_a1!);
  accB = await insertAccount(t.database.db, '出差客户乙', t.org.users.manager_b!);
});
afterAll(async () => t?.close());

async function approvalSteps(approvalId: number) {
  const r = await director.get(`/api/approvals/${approvalId}`);
  expect(r.status).toBe(200);
  return r.body.steps.map((s: { name: string; approverId: number }) => [s.name, s.approverId]);
}

async function approvedTrip(extra: Record<string, unknown> = {}) {
  const created = await spec.post('/api/trips', application(extra));
  expect(created.status).toBe(200);
  const submitted = await spec.post(`/api/trips/${created.body.id}/submit`, { version: created.body.version });
  expect(submitted.status).toBe(200);
  expect((await director.post(`/api/approvals/${submitted.body.approvalId}/approve`, {})).status).toBe(200);
  // an advance adds the finance step
  if (created.body.advanceRequested > 0) expect((await finance.post(`/api/approvals/${submitted.body.approvalId}/approve`, {})).status).toBe(200);
  const trip = (await spec.get(`/api/trips/${created.body.id}`)).body;
  expect(trip.status).toBe('approved');
  return trip;
}

describe('business trip application (ACT-9)', () => {
  it('is written as a draft, submitted and approved by the KA director through the engine', async () => {
    const created = await spec.post('/api/trips', application());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      owner: { id: t.org.users.spec_a1, name: '周专员' },
      destination: '南京',
      transport: 'train',
      estimatedTotal: 200_000,
      advanceRequested: 100_000,
      status: 'draft',
      reportStatus: 'none',
      actualTotal: null,
      accounts: [{ id: accA, name: '出差客户甲' }],
      costLines: [
        { category: 'transport', amount: 80_000, note: '往返高铁' },
        { category: 'lodging', amount: 120_000, note: null },
      ],
      canCheckIn: false,
      missingDays: [],
      report: null,
    });
    const submitted = await spec.post(`/api/trips/${created.body.id}/submit`, { version: created.body.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('pending');
    // ¥1,000 advance: finance signs too, whatever the estimate
    expect(await approvalSteps(submitted.body.approvalId)).toEqual([
      ['客户总监', t.org.users.director],
      ['财务经理', t.org.users.finance],
    ]);
    // with the approvers: not editable, not cancellable
    expect((await spec.put(`/api/trips/${created.body.id}`, { ...application(), version: submitted.body.version })).status).toBe(409);
    const cancel = await spec.post(`/api/trips/${created.body.id}/cancel`, { version: submitted.body.version, reason: '行程取消' });
    expect(cancel.status).toBe(409);
    expect((await director.post(`/api/approvals/${submitted.body.approvalId}/approve`, {})).status).toBe(200);
    expect((await spec.get(`/api/trips/${created.body.id}`)).body.status).toBe('pending');
    expect((await finance.post(`/api/approvals/${submitted.body.approvalId}/approve`, {})).status).toBe(200);
    const approved = (await spec.get(`/api/trips/${created.body.id}`)).body;
    expect(approved).toMatchObject({ status: 'approved', canCheckIn: true });
    expect(approved.decidedAt).not.toBeNull();

    // the account's timeline shows the trip to whoever reads the account and the trip
    const tl = await manager.get(`/api/accounts/${accA}/timeline?kinds=trip`);
    expect(tl.status).toBe(200);
    expect(tl.body.items.map((e: { kind: string; params: { destination: string } }) => [e.kind, e.params.destination])).toContainEqual(['trip', '南京']);
  });

  it('adds finance above ¥5,000 and the GM above ¥20,000 of estimated costs', async () => {
    const big = await spec.post('/api/trips', application({ costLines: [{ category: 'transport', amount: 2_500_000 }] }));
    expect(big.status).toBe(200);
    const sub = await spec.post(`/api/trips/${big.body.id}/submit`, { version: big.body.version });
    expect(await approvalSteps(sub.body.approvalId)).toEqual([
      ['客户总监', t.org.users.director],
      ['财务经理', t.org.users.finance],
      ['总经理', t.org.users.gm],
    ]);
    expect((await director.post(`/api/approvals/${sub.body.approvalId}/approve`, {})).status).toBe(200);
    expect((await spec.get(`/api/trips/${big.body.id}`)).body.status).toBe('pending');
    expect((await finance.post(`/api/approvals/${sub.body.approvalId}/approve`, {})).status).toBe(200);
    expect((await gm.post(`/api/approvals/${sub.body.approvalId}/approve`, {})).status).toBe(200);
    expect((await spec.get(`/api/trips/${big.body.id}`)).body.status).toBe('approved');

    // no advance and a small estimate: the director alone
    const small = await spec.post('/api/trips', application({ advanceRequested: 0 }));
    const sub0 = await spec.post(`/api/trips/${small.body.id}/submit`, { version: small.body.version });
    expect(await approvalSteps(sub0.body.approvalId)).toEqual([['客户总监', t.org.users.director]]);
    expect((await director.get(`/api/approvals/${sub0.body.approvalId}`)).body.docType).toBe('business_trip');

    const mid = await spec.post('/api/trips', application({ costLines: [{ category: 'lodging', amount: 600_000 }] }));
    const sub2 = await spec.post(`/api/trips/${mid.body.id}/submit`, { version: mid.body.version });
    expect(await approvalSteps(sub2.body.approvalId)).toEqual([
      ['客户总监', t.org.users.director],
      ['财务经理', t.org.users.finance],
    ]);
  });

  it('names every failing field in one 400 and saves nothing', async () => {
    const before = await countTrips();
    const r = await spec.post('/api/trips', application({ startOn: day(-1), endOn: day(-2), advanceRequested: 999_999, accountIds: [accA, accB] }));
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['accountIds.1', 'advanceRequested', 'endOn', 'startOn']);
    const shape = await spec.post('/api/trips', { ...application(), destination: '', transport: 'rocket', costLines: [{ category: 'fuel', amount: -1 }] });
    expect(shape.status).toBe(400);
    expect(paths(shape)).toEqual(['costLines.0.amount', 'costLines.0.category', 'destination', 'transport']);
    expect(await countTrips()).toBe(before);
  });

  it('is withdrawn, edited, cancelled', async () => {
    const c = await spec.post('/api/trips', application());
    const sub = await spec.post(`/api/trips/${c.body.id}/submit`, { version: c.body.version });
    const w = await spec.post(`/api/trips/${c.body.id}/withdraw`, { version: sub.body.version });
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    const edited = await spec.put(`/api/trips/${c.body.id}`, { ...application({ destination: '苏州', accountIds: [] }), version: w.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ destination: '苏州', status: 'draft', accounts: [] });
    expect((await spec.post(`/api/trips/${c.body.id}/cancel`, { version: 1, reason: '改期' })).status).toBe(409);
    const cancelled = await spec.post(`/api/trips/${c.body.id}/cancel`, { version: edited.body.version, reason: '改期' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '改期' });
    expect((await spec.post(`/api/trips/${c.body.id}/submit`, { version: cancelled.body.version })).status).toBe(409);
  });
});

describe('daily check-in (行踪登记)', () => {
  it('is refused before approval with a 400 naming day', async () => {
    const c = await spec.post('/api/trips', application());
    const r = await spec.post(`/api/trips/${c.body.id}/checkins`, { place: '南京', work: '到达' });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['day']);
    expect(r.body.error.details.issues[0].key).toBe('trips.checkin.notApproved');
  });

  it('takes one check-in a day from the traveller, stamped by the server', async () => {
    const trip = await approvedTrip();
    const r = await spec.post(`/api/trips/${trip.id}/checkins`, { latitude: 32.0603, longitude: 118.7969, accuracy: 25, work: '拜访信息科技部王处长' });
    expect(r.status).toBe(200);
    expect(r.body.checkins).toHaveLength(1);
    expect(r.body.checkins[0]).toMatchObject({ day: day(0), latitude: 32.0603, longitude: 118.7969, accuracy: 25, place: null, work: '拜访信息科技部王处长' });
    expect(Math.abs(Date.parse(r.body.checkins[0].checkedAt) - Date.now())).toBeLessThan(60_000);
    expect(r.body.canCheckIn).toBe(false);
    const again = await spec.post(`/api/trips/${trip.id}/checkins`, { place: '南京', work: '再签一次' });
    expect(again.status).toBe(409);
    // someone else with write rights on the trip does not check in for the traveller
    expect((await manager.post(`/api/trips/${trip.id}/checkins`, { place: '南京', work: '代签' })).status).toBe(403);
  });

  it('needs a place or both coordinates', async () => {
    const trip = await approvedTrip();
    expect(paths(await spec.post(`/api/trips/${trip.id}/checkins`, { work: '无定位' }))).toEqual(['place']);
    expect(paths(await spec.post(`/api/trips/${trip.id}/checkins`, { latitude: 32, work: '半个坐标' }))).toEqual(['longitude']);
    expect(paths(await spec.post(`/api/trips/${trip.id}/checkins`, { place: '南京', work: '' }))).toEqual(['work']);
    expect((await spec.get(`/api/trips/${trip.id}`)).body.checkins).toEqual([]);
  });

  it('is refused outside the trip dates', async () => {
    const later = await approvedTrip({ startOn: day(1), endOn: day(3) });
    const r = await spec.post(`/api/trips/${later.id}/checkins`, { place: '南京', work: '提前' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues).toMatchObject([{ path: 'day', key: 'trips.checkin.beforeTrip' }]);
    // a trip whose dates are over
    const past = await approvedTrip();
    await sql`update business_trips set start_on = ${day(-4)}, end_on = ${day(-1)} where id = ${past.id}`.execute(t.database.db);
    const late = await spec.post(`/api/trips/${past.id}/checkins`, { place: '南京', work: '补签' });
    expect(late.status).toBe(400);
    expect(late.body.error.details.issues).toMatchObject([{ path: 'day', key: 'trips.checkin.afterTrip' }]);
  });

  it('flags the past trip days without a check-in', async () => {
    const trip = await approvedTrip();
    await sql`update business_trips set start_on = ${day(-3)}, end_on = ${day(1)} where id = ${trip.id}`.execute(t.database.db);
    await sql`insert into business_trip_checkins (trip_id, day, place, work, created_by) values (${trip.id}, ${day(-2)}, '南京', '拜访', ${t.org.users.spec_a1})`.execute(t.database.db);
    const d = (await spec.get(`/api/trips/${trip.id}`)).body;
    expect(d.missingDays).toEqual([day(-3), day(-1)]);
    expect(d.canCheckIn).toBe(true);
  });
});

describe('trip report', () => {
  it('records the return and actual costs; approved by the director it is claimable', async () => {
    const trip = await approvedTrip();
    expect((await spec.post(`/api/trips/${trip.id}/checkins`, { place: '南京河西', work: '拜访' })).status).toBe(200);
    const v = (await spec.get(`/api/trips/${trip.id}`)).body.version;
    const bad = await spec.post(`/api/trips/${trip.id}/report`, { version: v, returnedOn: day(-1), summary: '', actualCostLines: [{ category: 'meals', amount: -5 }] });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['actualCostLines.0.amount', 'summary']);
    const early = await spec.post(`/api/trips/${trip.id}/report`, { version: v, returnedOn: day(-1), summary: '提前返回', actualCostLines: [] });
    expect(early.status).toBe(400);
    expect(paths(early)).toEqual(['returnedOn']);
    expect((await spec.get(`/api/trips/${trip.id}`)).body).toMatchObject({ reportStatus: 'none', report: null, actualTotal: null });

    const r = await spec.post(`/api/trips/${trip.id}/report`, {
      version: v,
      returnedOn: day(0),
      summary: '见到王处长，确认试点网点两个',
      actualCostLines: [
        { category: 'transport', amount: 78_500, note: '高铁' },
        { category: 'lodging', amount: 46_000 },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ reportStatus: 'submitted', actualTotal: 124_500, report: { returnedOn: day(0), summary: '见到王处长，确认试点网点两个', approvedAt: null } });
    expect(await approvalSteps(r.body.report.approvalId)).toEqual([['客户总监', t.org.users.director]]);
    // once reported: no more check-ins, no second report, no cancel
    const after = await spec.post(`/api/trips/${trip.id}/checkins`, { place: '南京', work: '再签' });
    expect(after.status).toBe(400);
    expect(after.body.error.details.issues).toMatchObject([{ path: 'day', key: 'trips.checkin.reported' }]);
    expect((await spec.post(`/api/trips/${trip.id}/report`, { version: r.body.version, returnedOn: day(0), summary: 'x', actualCostLines: [] })).status).toBe(409);
    expect((await spec.post(`/api/trips/${trip.id}/cancel`, { version: r.body.version, reason: 'x' })).status).toBe(409);

    expect((await director.post(`/api/approvals/${r.body.report.approvalId}/approve`, {})).status).toBe(200);
    const done = (await spec.get(`/api/trips/${trip.id}`)).body;
    expect(done).toMatchObject({ reportStatus: 'approved', actualTotal: 124_500, status: 'approved' });
    expect(done.report.approvedAt).not.toBeNull();
    const listed = await finance.get('/api/trips?reportStatus=approved');
    expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(trip.id);
  });

  it('goes back to be written again when the director rejects it', async () => {
    const trip = await approvedTrip();
    const r = await spec.post(`/api/trips/${trip.id}/report`, { version: trip.version, returnedOn: day(0), summary: '返回', actualCostLines: [{ category: 'meals', amount: 10_000 }] });
    expect((await director.post(`/api/approvals/${r.body.report.approvalId}/reject`, { comment: '缺少拜访结果' })).status).toBe(200);
    const back = (await spec.get(`/api/trips/${trip.id}`)).body;
    expect(back.reportStatus).toBe('none');
    const again = await spec.post(`/api/trips/${trip.id}/report`, { version: back.version, returnedOn: day(0), summary: '返回，结果见附', actualCostLines: [{ category: 'meals', amount: 12_000 }] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reportStatus: 'submitted', actualTotal: 12_000 });
  });

  it('needs an approved trip', async () => {
    const c = await spec.post('/api/trips', application());
    const r = await spec.post(`/api/trips/${c.body.id}/report`, { version: c.body.version, returnedOn: day(0), summary: 'x', actualCostLines: [] });
    expect(r.status).toBe(409);
  });
});

describe('data scope', () => {
  it('hides trips outside the scope with 404 and lists only those inside', async () => {
    const c = await spec.post('/api/trips', application({ destination: '无锡' }));
    expect((await specB.get(`/api/trips/${c.body.id}`)).status).toBe(404);
    expect((await specB.put(`/api/trips/${c.body.id}`, { ...application(), version: c.body.version })).status).toBe(404);
    expect((await specB.post(`/api/trips/${c.body.id}/cancel`, { version: c.body.version, reason: 'x' })).status).toBe(404);
    expect((await manager.get(`/api/trips/${c.body.id}`)).status).toBe(200);
    const mine = await specB.get('/api/trips?q=无锡');
    expect(mine.body.total).toBe(0);
    const team = await manager.get('/api/trips?q=无锡');
    expect(team.body.items.map((i: { id: number }) => i.id)).toEqual([c.body.id]);
    const byAccount = await manager.get(`/api/trips?accountId=${accA}&status=draft&q=无锡`);
    expect(byAccount.body.total).toBe(1);
  });
});
