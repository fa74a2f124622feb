import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { daysAgo, insertAccount, insertCompetitor, insertProject } from '../support/pipeline';
import { businessDate } from '../../src/shared/domain/business-time';
import { monthsBetween } from '../../src/server/features/pipeline/pipeline.rules';

let t: TestApp;
let admin: Client;
const p: Record<string, number> = {};
const c: Record<string, number> = {};
let thisMonth: string;
let nextMonth: string;

/**
 * Seven projects with known numbers (default settings: probabilities 10/20/40/60/80 %, ageing
 * limits 30/45/30/60/30 days):
 *   P1 manager_a  stage 1 open   100 000  closes next month, 5 days in stage, 1 of 3 items ticked
 *   P2 spec_a1    stage 3 open   200 000  no close date, 40 days (stalled), graded A, plan approved, director takes part
 *   P3 manager_b  stage 3 open   300 000  closes this month, 10 days, collect, plan pending
 *   P4 manager_b  stage 5 open 1 000 000  closes this month, 100 days (stalled), site visit ticked
 *   P5 manager_a  won at 5        500 000  relationship; competitor C1; history 100 → 10 days ago
 *   P6 manager_b  lost at 2       400 000  price; C1 and C2 listed, C2 won it
 *   P7 manager_a  abandoned at 1   50 000  low value
 */
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const db = t.database.db;
  const u = t.org.users;
  const tz = t.platform.config.BUSINESS_TZ;
  thisMonth = businessDate(new Date(), tz).slice(0, 7);
  nextMonth = monthsBetween(thisMonth, 2)[1]!;
  const accA = await insertAccount(db, '分析客户甲', u.manager_a!);
  const accB = await insertAccount(db, '分析客户乙', u.manager_b!);
  c.C1 = await insertCompetitor(db, '华信科技');
  c.C2 = await insertCompetitor(db, '博远软件');
  p.P1 = await insertProject(db, { accountId: accA, ownerId: u.manager_a!, name: '甲一期', stage: 1, expectedValue: 100_000, expectedCloseOn: `${nextMonth}-15`, checklist: ['potential_need'] });
  p.P2 = await insertProject(db, {
    accountId: accA,
    ownerId: u.spec_a1!,
    name: '甲二期',
    stage: 3,
    expectedValue: 200_000,
    daysInStage: 40,
    assessmentOutcome: 'A',
    planStatus: 'approved',
    parts: [{ userId: u.spec_a1!, part: 'account_manager' }, { userId: u.director!, part: 'ka_director' }],
  });
  p.P3 = await insertProject(db, { accountId: accB, ownerId: u.manager_b!, name: '乙平台', stage: 3, expectedValue: 300_000, expectedCloseOn: `${thisMonth}-15`, daysInStage: 10, assessmentOutcome: 'collect', planStatus: 'pending' });
  p.P4 = await insertProject(db, { accountId: accB, ownerId: u.manager_b!, name: '乙大单', stage: 5, expectedValue: 1_000_000, expectedCloseOn: `${thisMonth}-15`, daysInStage: 100, checklist: ['site_visit'] });
  p.P5 = await insertProject(db, {
    accountId: accA,
    ownerId: u.manager_a!,
    name: '甲赢单',
    stage: 5,
    status: 'won',
    expectedValue: 500_000,
    closeReasonKey: 'relationship',
    competitors: [c.C1],
    closedDaysAgo: 10,
    history: [
      { fromStage: null, toStage: 1, fromStatus: null, toStatus: 'open', daysAgo: 100 },
      { fromStage: 1, toStage: 2, fromStatus: 'open', daysAgo: 80 },
      { fromStage: 2, toStage: 3, fromStatus: 'open', daysAgo: 60 },
      { fromStage: 3, toStage: 4, fromStatus: 'open', daysAgo: 40 },
      { fromStage: 4, toStage: 5, fromStatus: 'open', daysAgo: 20 },
      { fromStage: 5, toStage: 5, fromStatus: 'open', toStatus: 'won', daysAgo: 10 },
    ],
  });
  p.P6 = await insertProject(db, {
    accountId: accB,
    ownerId: u.manager_b!,
    name: '乙丢单',
    stage: 2,
    status: 'lost',
    expectedValue: 400_000,
    closeReasonKey: 'price',
    wonByCompetitorId: c.C2,
    competitors: [c.C1, c.C2],
    closedDaysAgo: 15,
    history: [
      { fromStage: null, toStage: 1, fromStatus: null, toStatus: 'open', daysAgo: 50 },
      { fromStage: 1, toStage: 2, fromStatus: 'open', daysAgo: 30 },
      { fromStage: 2, toStage: 2, fromStatus: 'open', toStatus: 'lost', daysAgo: 15 },
    ],
  });
  p.P7 = await insertProject(db, { accountId: accA, ownerId: u.manager_a!, name: '甲放弃', stage: 1, status: 'abandoned', expectedValue: 50_000, closeReasonKey: 'low_value' });
});
afterAll(async () => t?.close());

const ids = (cards: { id: number }[]) => cards.map((x) => x.id);

describe('pipeline board (PIPE-7)', () => {
  it('shows open projects per stage by weighted value, with counts, sums and the gate items still missing', async () => {
    const r = await admin.get('/api/pipeline/board');
    expect(r.status).toBe(200);
    const cols = r.body.columns;
    expect(cols.map((x: { stage: number }) => x.stage)).toEqual([1, 2, 3, 4, 5]);
    expect(cols.map((x: { count: number; value: number; weighted: number; probability: number; more: number }) => [x.count, x.value, x.weighted, x.probability, x.more])).toEqual([
      [1, 100_000, 10_000, 10, 0],
      [0, 0, 0, 20, 0],
      [2, 500_000, 200_000, 40, 0],
      [0, 0, 0, 60, 0],
      [1, 1_000_000, 800_000, 80, 0],
    ]);
    expect(ids(cols[2].cards)).toEqual([p.P3, p.P2]);
    const card = (id: number) => cols.flatMap((x: { cards: { id: number }[] }) => x.cards).find((x: { id: number }) => x.id === id);
    expect(card(p.P1)).toMatchObject({ name: '甲一期', accountName: '分析客户甲', weightedValue: 10_000, daysInStage: 5, stalled: false, missing: ['initial_contact', 'chance_judged'] });
    expect(card(p.P2)).toMatchObject({ assessmentOutcome: 'A', planStatus: 'approved', stalled: true, daysInStage: 40, missing: [] });
    expect(card(p.P3)).toMatchObject({ assessmentOutcome: 'collect', planStatus: 'pending', missing: ['assessment', 'plan_approved', 'participant_ka_director'] });
    expect(card(p.P4)).toMatchObject({ stalled: true, missing: ['contract_signed'] });
  });

  it('narrows by owner, unit, account and text', async () => {
    const cards = async (qs: string) => ((await admin.get(`/api/pipeline/board?${qs}`)).body.columns as { cards: { id: number }[] }[]).flatMap((x) => ids(x.cards)).sort();
    expect(await cards(`ownerId=${t.org.users.manager_b}`)).toEqual([p.P3, p.P4].sort());
    expect(await cards(`unitId=${t.org.units.teamA}`)).toEqual([p.P1, p.P2].sort());
    expect(await cards(`unitId=${t.org.units.ka}`)).toHaveLength(4);
    expect(await cards('q=分析客户乙')).toEqual([p.P3, p.P4].sort());
    expect(await cards('q=甲二')).toEqual([p.P2]);
  });

  it('keeps each column to the card limit, counting the rest in `more`', async () => {
    // the column limit is 100: add 101 small stage-2 projects to a fresh account
    const acc = await insertAccount(t.database.db, '批量客户', t.org.users.manager_a!);
    for (let i = 0; i < 101; i++) await insertProject(t.database.db, { accountId: acc, ownerId: t.org.users.manager_a!, stage: 2, expectedValue: 1000 + i });
    const r = await admin.get(`/api/pipeline/board?accountId=${acc}`);
    const col = r.body.columns[1];
    expect([col.count, col.cards.length, col.more, col.value]).toEqual([101, 100, 1, 101 * 1000 + (100 * 101) / 2]);
    expect(col.cards[0].expectedValue).toBe(1100);
    await t.database.db.deleteFrom('opportunities').where('account_id', '=', acc).execute();
  });
});

describe('forecast', () => {
  it('sums open projects, weighted by stage probability, by stage, month of expected close, owner and unit', async () => {
    const u = t.org.users;
    const r = await admin.get('/api/pipeline/forecast');
    expect(r.status).toBe(200);
    const f = r.body;
    const triple = (b: { count: number; value: number; weighted: number }) => [b.count, b.value, b.weighted];
    expect(triple(f.total)).toEqual([4, 1_600_000, 1_010_000]);
    expect(f.byStage.map(triple)).toEqual([[1, 100_000, 10_000], [0, 0, 0], [2, 500_000, 200_000], [0, 0, 0], [1, 1_000_000, 800_000]]);
    expect(f.byMonth).toHaveLength(13);
    expect(f.byMonth[0].key).toBe(thisMonth);
    const month = (key: string) => triple(f.byMonth.find((m: { key: string }) => m.key === key));
    expect(month(thisMonth)).toEqual([2, 1_300_000, 920_000]);
    expect(month(nextMonth)).toEqual([1, 100_000, 10_000]);
    expect(month('none')).toEqual([1, 200_000, 80_000]);
    const byKey = (list: { key: string; label: string }[]) => Object.fromEntries(list.map((b) => [b.key, [b.label, ...triple(b as never)]]));
    expect(byKey(f.byOwner)).toEqual({
      [u.manager_a!]: ['孙经理', 1, 100_000, 10_000],
      [u.spec_a1!]: ['周专员', 1, 200_000, 80_000],
      [u.manager_b!]: ['郑经理', 2, 1_300_000, 920_000],
    });
    expect(byKey(f.byUnit)).toEqual({ [t.org.units.teamA]: ['大客户部 / 一组', 2, 300_000, 90_000], [t.org.units.teamB]: ['大客户部 / 二组', 2, 1_300_000, 920_000] });
  });

  it('takes a window of months; projects closing outside it are left out of byMonth only', async () => {
    const f = (await admin.get(`/api/pipeline/forecast?fromMonth=${nextMonth}&toMonth=${nextMonth}`)).body;
    expect(f.byMonth.map((m: { key: string; count: number }) => [m.key, m.count])).toEqual([[nextMonth, 1], ['none', 1]]);
    expect(f.total.count).toBe(4);
    expect((await admin.get('/api/pipeline/forecast?fromMonth=2026-13')).status).toBe(400);
  });

  it('counts only the caller’s scope: a manager their team, a specialist their own', async () => {
    const teamA = (await (await t.login('manager_a')).get('/api/pipeline/forecast')).body;
    expect([teamA.total.count, teamA.total.value, teamA.total.weighted]).toEqual([2, 300_000, 90_000]);
    expect(teamA.byUnit.map((b: { key: string }) => b.key)).toEqual([String(t.org.units.teamA)]);
    const own = (await (await t.login('spec_a1')).get('/api/pipeline/forecast')).body;
    expect([own.total.count, own.total.value]).toEqual([1, 200_000]);
    const b = (await (await t.login('manager_b')).get('/api/pipeline/board')).body;
    expect(b.columns.map((x: { count: number }) => x.count)).toEqual([0, 0, 1, 0, 1]);
  });
});

describe('conversion', () => {
  it('follows the stage history: reached, advanced, lost, average days, win rate', async () => {
    const r = await admin.get('/api/pipeline/conversion');
    expect(r.status).toBe(200);
    const s = r.body.stages;
    expect(s.map((x: { reached: number; advanced: number; lost: number; rate: number | null }) => [x.reached, x.advanced, x.lost, x.rate])).toEqual([
      [7, 5, 1, 0.714],
      [5, 4, 1, 0.8],
      [4, 2, 0, 0.5],
      [2, 2, 0, 1],
      [2, 1, 0, 0.5],
    ]);
    expect(s[0].avgDays).toBeCloseTo(95 / 7, 0);
    expect(s[3].avgDays).toBeCloseTo(20, 0);
    expect(s[4].avgDays).toBeCloseTo(55, 0);
    expect(r.body).toMatchObject({ won: 1, lost: 1, abandoned: 1, winRate: 0.333 });
  });

  it('counts the stages reached within the period', async () => {
    const tz = t.platform.config.BUSINESS_TZ;
    const from = businessDate(daysAgo(35), tz);
    const to = businessDate(new Date(), tz);
    const r = await admin.get(`/api/pipeline/conversion?from=${from}&to=${to}`);
    expect(r.body.stages.map((x: { reached: number }) => x.reached)).toEqual([3, 2, 1, 0, 1]);
    expect(r.body.stages[4].advanced).toBe(1);
    const old = await admin.get(`/api/pipeline/conversion?from=2000-01-01&to=2000-12-31`);
    expect(old.body).toMatchObject({ won: 0, lost: 0, abandoned: 0, winRate: null });
    expect(old.body.stages[0]).toMatchObject({ reached: 0, rate: null, avgDays: null });
  });

  it('stays within the scope', async () => {
    const r = (await (await t.login('manager_a')).get('/api/pipeline/conversion')).body;
    // P1, P2, P5, P7
    expect(r.stages.map((x: { reached: number }) => x.reached)).toEqual([4, 2, 2, 1, 1]);
    expect(r).toMatchObject({ won: 1, lost: 0, abandoned: 1 });
  });
});

describe('ageing', () => {
  it('buckets open projects by days in stage and lists the stalled ones, oldest first', async () => {
    const r = await admin.get('/api/pipeline/ageing');
    expect(r.status).toBe(200);
    const st = r.body.stages;
    const counts = (x: { buckets: { count: number }[] }) => x.buckets.map((b) => b.count);
    expect(st[0]).toMatchObject({ stage: 1, limit: 30, open: 1, stalled: 0 });
    expect(counts(st[0])).toEqual([1, 0, 0, 0, 0]);
    expect(st[2]).toMatchObject({ stage: 3, limit: 30, open: 2, stalled: 1 });
    expect(counts(st[2])).toEqual([1, 0, 1, 0, 0]);
    expect(st[4]).toMatchObject({ open: 1, stalled: 1 });
    expect(counts(st[4])).toEqual([0, 0, 0, 0, 1]);
    expect(st[2].buckets.map((b: { key: string }) => b.key)).toEqual(['0-15', '16-30', '31-60', '61-90', '90+']);
    expect(ids(r.body.stalled)).toEqual([p.P4, p.P2]);
    expect(r.body.stalled[1]).toMatchObject({ ownerName: '周专员', unitName: '大客户部 / 一组', stage: 3, stalled: true, weightedValue: 80_000 });
  });

  it('follows the ageing limits of the settings', async () => {
    await t.database.db.insertInto('settings').values({ key: 'pipeline', value: JSON.stringify({ ageingDays: { 1: 30, 2: 45, 3: 50, 4: 60, 5: 30 } }) }).execute();
    try {
      const r = (await admin.get('/api/pipeline/ageing')).body;
      expect(r.stages[2]).toMatchObject({ limit: 50, stalled: 0 });
      expect(ids(r.stalled)).toEqual([p.P4]);
    } finally {
      await t.database.db.deleteFrom('settings').where('key', '=', 'pipeline').execute();
    }
  });

  it('shows a specialist only their own', async () => {
    const r = (await (await t.login('spec_a1')).get('/api/pipeline/ageing')).body;
    expect(ids(r.stalled)).toEqual([p.P2]);
    expect(r.stages.map((x: { open: number }) => x.open)).toEqual([0, 0, 1, 0, 0]);
  });
});

describe('win-loss', () => {
  it('groups closed projects by reason and stage, and the competitors met', async () => {
    const r = await admin.get('/api/pipeline/win-loss');
    expect(r.status).toBe(200);
    expect([...r.body.reasons].sort((a: { status: string }, b: { status: string }) => a.status.localeCompare(b.status))).toEqual([
      { status: 'abandoned', reasonKey: 'low_value', count: 1, value: 50_000 },
      { status: 'lost', reasonKey: 'price', count: 1, value: 400_000 },
      { status: 'won', reasonKey: 'relationship', count: 1, value: 500_000 },
    ]);
    expect(r.body.byStage).toEqual([
      { stage: 1, won: 0, lost: 0, abandoned: 1 },
      { stage: 2, won: 0, lost: 1, abandoned: 0 },
      { stage: 3, won: 0, lost: 0, abandoned: 0 },
      { stage: 4, won: 0, lost: 0, abandoned: 0 },
      { stage: 5, won: 1, lost: 0, abandoned: 0 },
    ]);
    expect(r.body.competitors).toEqual([
      { competitorId: c.C1, name: '华信科技', met: 2, wonAgainst: 1, lostTo: 0 },
      { competitorId: c.C2, name: '博远软件', met: 1, wonAgainst: 0, lostTo: 1 },
    ]);
  });

  it('takes a period of closing dates and the scope', async () => {
    const tz = t.platform.config.BUSINESS_TZ;
    const r = (await admin.get(`/api/pipeline/win-loss?from=${businessDate(daysAgo(12), tz)}`)).body;
    expect(r.reasons.map((x: { reasonKey: string }) => x.reasonKey).sort()).toEqual(['low_value', 'relationship']);
    const mine = (await (await t.login('manager_a')).get('/api/pipeline/win-loss')).body;
    expect(mine.competitors).toEqual([{ competitorId: c.C1, name: '华信科技', met: 1, wonAgainst: 1, lostTo: 0 }]);
    expect(mine.reasons).toHaveLength(2);
  });

  it('is closed to those without opportunity:read', async () => {
    const office = await t.login('gift_admin');
    for (const path of ['board', 'forecast', 'conversion', 'ageing', 'win-loss']) expect((await office.get(`/api/pipeline/${path}`)).status, path).toBe(403);
  });
});
