import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, zonedInstant } from '../../src/shared/domain/business-time';
import { PLAN_DUE_KIND, runPlanReminder } from '../../src/server/features/work-plans/work-plans.service';
import { addMonths, monthOf } from '../../src/server/features/work-plans/work-plans.rules';
import { loadWorkCalendar } from '../../src/server/features/workdays';
import { lastWorkingDayOfMonth } from '../../src/shared/domain/workdays';
import { createTestApp, testConfig, type Client, type Response, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { recordedVisit as madeVisit } from '../support/visits';

/**
 * Daily visit reports and monthly plans (ACT-4): the report is generated from visits made through
 * the visit API (plan → approval → check-in → record); the director sees the team's day within
 * scope; monthly plans are created, edited (409 on a stale version), submitted (late or not) and
 * compared with the month's actuals.
 */

let t: TestApp;
let spec: Client;
let spec2: Client;
let specB: Client;
let director: Client;
let manager: Client;
let managerB: Client;
let acc1: number;
let acc2: number;
let accB: number;

const tz = testConfig().BUSINESS_TZ;
const DAY = 86_400_000;
const paths = (r: Response) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
const today = () => businessDate(new Date(), tz);
const thisMonth = () => monthOf(new Date(), tz);
/** The last working day of a month under the working calendar as the server has it. */
const lastWorkingDay = async (month: string) => lastWorkingDayOfMonth(month, await loadWorkCalendar(t.database.db));
/** A visit of `who` recorded with `record`, approved by the director. */
const recordedVisit = (who: Client, accountId: number, purpose: string, record: Record<string, unknown>) => madeVisit(who, director, accountId, purpose, record);

const emptyPlan = { plannedVisits: 0, plannedExpansions: 0, plannedDeals: 0 };

beforeAll(async () => {
  t = await createTestApp();
  spec = await t.login('spec_a1');
  spec2 = await t.login('spec_a2');
  specB = await t.login('spec_b1');
  director = await t.login('director');
  manager = await t.login('manager_a');
  managerB = await t.login('manager_b');
  const u = t.org.users;
  acc1 = await insertAccount(t.database.db, '日报客户甲', u.spec_a1!);
  acc2 = await insertAccount(t.database.db, '日报客户乙', u.spec_a1!);
  accB = await insertAccount(t.database.db, '二组客户', u.spec_b1!);
  await insertAccount(t.database.db, '二组客户', u.spec_b1!);
});
afterAll(async () => t?.close());

describe('daily visit report (客户拜访日报表)', () => {
  let v1: number;
  let v2: number;
  let v3: number;

  beforeAll(async () => {
    v1 = await recordedVisit(spec, acc1, 'first', { metTitle: '主任', discussed: '介绍方案', result: 'A', solved: '澄清报价', concerns: '价格', expenses: [{ item: '交通费', amount: 12_000 }, { item: '餐费', amount: 3_550, note: '工作餐' }] });
    v2 = await recordedVisit(spec, acc2, 'problem', { result: 'C', concerns: '交付周期', toWatch: '竞争对手' });
    v3 = await recordedVisit(spec, acc1, 'relationship', { result: 'E' });
    await recordedVisit(specB, accB, 'first', { result: 'D', solved: '已处理' });
  });

  it('generates the caller’s report for today: rows in check-in order, expenses, counts', async () => {
    const r = await spec.get('/api/daily-reports');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: { id: t.org.users.spec_a1, name: '周专员' }, unitName: '大客户部 / 一组', date: today() });
    expect(r.body.rows.map((x: { visitId: number }) => x.visitId)).toEqual([v1, v2, v3]);
    expect(r.body.rows[0]).toMatchObject({ account: { id: acc1, name: '日报客户甲' }, metName: '刘主任', metTitle: '主任', purpose: 'first', discussed: '介绍方案', result: 'A', solved: '澄清报价' });
    expect(r.body.rows.map((x: { purpose: string; result: string }) => `${x.purpose}:${x.result}`)).toEqual(['first:A', 'problem:C', 'relationship:E']);
    expect(r.body.expenses).toEqual([
      { visitId: v1, accountName: '日报客户甲', item: '交通费', amount: 12_000, note: null },
      { visitId: v1, accountName: '日报客户甲', item: '餐费', amount: 3_550, note: '工作餐' },
    ]);
    expect(r.body.expenseTotal).toBe(15_550);
    // v1 solved something (handled), v2 raised concerns and solved nothing (open), v3 neither
    expect(r.body.counts).toEqual({ visits: 3, handled: 1, open: 1 });
  });

  it('a visit belongs to the business day it was checked in; another day is empty', async () => {
    await t.database.db.updateTable('visits').set({ checked_in_at: sql`checked_in_at - interval '1 day'` }).where('id', '=', v3).execute();
    const yesterday = businessDate(new Date(Date.now() - DAY), tz);
    expect((await spec.get(`/api/daily-reports?date=${yesterday}`)).body.rows.map((x: { visitId: number }) => x.visitId)).toEqual([v3]);
    expect((await spec.get('/api/daily-reports')).body.counts).toEqual({ visits: 2, handled: 1, open: 1 });
    const empty = await spec.get('/api/daily-reports?date=2020-01-01');
    expect(empty.body).toMatchObject({ rows: [], expenses: [], expenseTotal: 0, counts: { visits: 0, handled: 0, open: 0 } });
  });

  it('others’ reports only within the visit:read scope (404 outside it)', async () => {
    const a1 = t.org.users.spec_a1!;
    expect((await manager.get(`/api/daily-reports?userId=${a1}`)).body.counts.visits).toBe(2);
    expect((await director.get(`/api/daily-reports?userId=${a1}`)).body.rows).toHaveLength(2);
    expect((await managerB.get(`/api/daily-reports?userId=${a1}`)).status).toBe(404);
    expect((await spec2.get(`/api/daily-reports?userId=${a1}`)).status).toBe(404);
    expect((await spec.get(`/api/daily-reports?userId=${t.org.users.spec_b1}`)).status).toBe(404);
    expect((await spec.get('/api/daily-reports?userId=999999')).status).toBe(404);
  });

  it('bad input is a 400 with the field path', async () => {
    const r = await spec.get('/api/daily-reports?date=2026-13');
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['date']);
    expect((await director.get('/api/daily-reports/team?date=x')).status).toBe(400);
    const noDay = await spec.get('/api/daily-reports?date=2026-02-30');
    expect(noDay.status).toBe(400);
    expect(paths(noDay)).toEqual(['date']);
    expect((await director.get('/api/daily-reports/team?date=2026-02-30')).status).toBe(400);
  });

  it('team view: the people in scope who make visits, with the same counts as their reports', async () => {
    const r = await director.get('/api/daily-reports/team');
    expect(r.status).toBe(200);
    const rows = new Map((r.body.items as { user: { id: number }; visits: number; handled: number; open: number; expenseTotal: number }[]).map((x) => [x.user.id, x]));
    const u = t.org.users;
    expect(rows.get(u.spec_a1!)).toMatchObject({ visits: 2, handled: 1, open: 1, expenseTotal: 15_550, unitName: '大客户部 / 一组' });
    expect(rows.get(u.spec_b1!)).toMatchObject({ visits: 1, handled: 1, open: 0 });
    // people who make visits but made none today are listed with zeros; finance (no visit:write, other unit) is not
    expect(rows.get(u.spec_a2!)).toMatchObject({ visits: 0, handled: 0, open: 0 });
    expect(rows.has(u.finance!)).toBe(false);
    expect(r.body.items[0].user.id).toBe(u.spec_a1); // the busiest first

    const a = await manager.get('/api/daily-reports/team');
    expect(a.body.items.map((x: { user: { id: number } }) => x.user.id).sort()).toEqual([u.manager_a, u.spec_a1, u.spec_a2].sort());
    const b = await managerB.get('/api/daily-reports/team');
    expect(b.body.items.map((x: { user: { id: number } }) => x.user.id).sort()).toEqual([u.manager_b, u.spec_b1].sort());
    const own = await spec.get('/api/daily-reports/team');
    expect(own.body.items.map((x: { user: { id: number } }) => x.user.id)).toEqual([u.spec_a1]);
  });
});

describe('monthly plans', () => {
  const future = () => addMonths(thisMonth(), 2);

  it('creates next month’s plan by default; one per person per month', async () => {
    const r = await spec2.post('/api/monthly-plans', { ...emptyPlan, plannedVisits: 8 });
    expect(r.status).toBe(200);
    const next = addMonths(thisMonth(), 1);
    expect(r.body.plan).toMatchObject({ month: next, status: 'draft', submittedAt: null, late: false, dueOn: await lastWorkingDay(thisMonth()), owner: { id: t.org.users.spec_a2 }, items: [] });
    expect(r.body.plan.actuals.visits).toEqual({ planned: 8, actual: 0, rate: 0 });
    const again = await spec2.post('/api/monthly-plans', { ...emptyPlan, month: next });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('400 with field paths and nothing saved', async () => {
    const r = await spec.post('/api/monthly-plans', {
      month: future(),
      plannedVisits: -1,
      plannedExpansions: 2,
      plannedDeals: 1,
      items: [{ kind: 'visit' }, { kind: 'meeting', targetName: 'x' }],
    });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['items.1.kind', 'plannedVisits']);
    const rules = await spec.post('/api/monthly-plans', {
      ...emptyPlan,
      month: future(),
      items: [
        { kind: 'expansion', targetName: ' ' },
        { kind: 'visit', accountId: accB },
        { kind: 'visit', accountId: acc1, plannedOn: `${thisMonth()}-01` },
      ],
    });
    expect(rules.status).toBe(400);
    expect(paths(rules)).toEqual(['items.0.targetName', 'items.1.accountId', 'items.2.plannedOn']);
    const past = await spec.post('/api/monthly-plans', { ...emptyPlan, month: '2020-01' });
    expect(paths(past)).toEqual(['month']);
    expect((await spec.get(`/api/monthly-plans?box=mine`)).body.total).toBe(0);
  });

  it('edit with version (409 stale), submit on time for a later month, then no more edits', async () => {
    const month = future();
    const created = await spec.post('/api/monthly-plans', {
      month,
      plannedVisits: 4,
      plannedExpansions: 1,
      plannedDeals: 1,
      note: '重点跟进甲',
      items: [{ kind: 'visit', accountId: acc1, plannedOn: `${month}-05` }, { kind: 'expansion', targetName: '某新区管委会' }],
    });
    expect(created.status).toBe(200);
    const p = created.body.plan;
    expect(p.items).toMatchObject([
      { kind: 'visit', account: { id: acc1, name: '日报客户甲' }, targetName: '日报客户甲', plannedOn: `${month}-05`, done: false },
      { kind: 'expansion', account: null, targetName: '某新区管委会', done: null },
    ]);
    const upd = await spec.put(`/api/monthly-plans/${p.id}`, { version: p.version, plannedVisits: 5, plannedExpansions: 1, plannedDeals: 0, items: [{ kind: 'visit', accountId: acc2 }] });
    expect(upd.status).toBe(200);
    expect(upd.body.plan.items.map((i: { account: { id: number } }) => i.account.id)).toEqual([acc2]);
    const staleR = await spec.put(`/api/monthly-plans/${p.id}`, { version: p.version, ...emptyPlan });
    expect(staleR.status).toBe(409);
    expect(staleR.body.error.code).toBe('STALE_VERSION');
    // others: the manager sees it but may not change it; outside the scope it is hidden
    expect((await manager.get(`/api/monthly-plans/${p.id}`)).status).toBe(200);
    expect((await manager.put(`/api/monthly-plans/${p.id}`, { version: upd.body.plan.version, ...emptyPlan })).status).toBe(403);
    expect((await managerB.get(`/api/monthly-plans/${p.id}`)).status).toBe(404);
    expect((await spec2.post(`/api/monthly-plans/${p.id}/submit`, { version: upd.body.plan.version })).status).toBe(404);

    const sub = await spec.post(`/api/monthly-plans/${p.id}/submit`, { version: upd.body.plan.version });
    expect(sub.status).toBe(200);
    expect(sub.body.plan).toMatchObject({ status: 'submitted', late: false, dueOn: await lastWorkingDay(addMonths(month, -1)) });
    expect(sub.body.plan.submittedAt).not.toBeNull();
    expect((await spec.put(`/api/monthly-plans/${p.id}`, { version: sub.body.plan.version, ...emptyPlan })).status).toBe(409);
    expect((await spec.post(`/api/monthly-plans/${p.id}/submit`, { version: sub.body.plan.version })).status).toBe(409);

    const audits = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'monthly_plan').where('entity_id', '=', String(p.id)).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'submit']);
  });

  it('this month’s plan is late and compares with the month’s actuals', async () => {
    const u = t.org.users;
    const month = thisMonth();
    // actual visits: the recorded visits checked in this month (v3 was moved a day back: it counts when still in the month)
    const visits = Number(
      (await t.database.db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', u.spec_a1!).where('status', '=', 'recorded').where(sql<boolean>`to_char(checked_in_at at time zone ${tz}, 'YYYY-MM') = ${month}`).executeTakeFirstOrThrow()).n,
    );
    // expansions: an account created by the specialist this month (and won: counted once), a project of theirs opened on acc2;
    // deals: one project won this month; one opened and won in 2020 counts for nothing
    const newAcc = await insertAccount(t.database.db, '新拓展客户', u.spec_a1!);
    await t.database.db.updateTable('accounts').set({ created_by: u.spec_a1! }).where('id', '=', newAcc).execute();
    const unit = t.org.units.teamA;
    const opp = (accountId: number, status: string, closedAt: Date | null, createdAt = new Date()) =>
      t.database.db.insertInto('opportunities').values({ account_id: accountId, name: '项目', owner_id: u.spec_a1!, unit_id: unit, status, closed_at: closedAt, created_at: createdAt, products: '[]', checklist: '{}' }).execute();
    await opp(acc2, 'open', null);
    await opp(newAcc, 'won', new Date());
    await opp(acc1, 'won', new Date('2020-06-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));

    const created = await spec.post('/api/monthly-plans', {
      month,
      plannedVisits: 3,
      plannedExpansions: 4,
      plannedDeals: 0,
      items: [{ kind: 'visit', accountId: acc1 }, { kind: 'visit', accountId: newAcc }, { kind: 'deal', accountId: newAcc }, { kind: 'expansion', accountId: acc2 }],
    });
    expect(created.status).toBe(200);
    const sub = await spec.post(`/api/monthly-plans/${created.body.plan.id}/submit`, { version: created.body.plan.version });
    expect(sub.body.plan.late).toBe(true);
    const p = (await director.get(`/api/monthly-plans/${created.body.plan.id}`)).body.plan;
    expect(p.actuals).toEqual({
      visits: { planned: 3, actual: visits, rate: Math.round((visits / 3) * 10_000) / 10_000 },
      expansions: { planned: 4, actual: 2, rate: 0.5 },
      deals: { planned: 0, actual: 1, rate: null },
    });
    expect(p.items.map((i: { kind: string; done: boolean }) => `${i.kind}:${i.done}`)).toEqual(['visit:true', 'visit:false', 'deal:true', 'expansion:true']);

    // the list: the director's team view of the month, with the same actuals; scope in SQL
    const list = await director.get(`/api/monthly-plans?month=${month}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ owner: { id: u.spec_a1 }, late: true, actuals: p.actuals });
    expect((await managerB.get(`/api/monthly-plans?month=${month}`)).body.total).toBe(0);
    expect((await director.get('/api/monthly-plans?sort=nope')).status).toBe(400);
  });

  it('a merge moves the accounts named in plans to the account that stays', async () => {
    const u = t.org.users;
    const dup = await insertAccount(t.database.db, '日报客户甲(重复)', u.spec_a1!);
    const month = addMonths(thisMonth(), 3);
    const created = await spec.post('/api/monthly-plans', { ...emptyPlan, month, items: [{ kind: 'visit', accountId: dup }] });
    expect(created.status).toBe(200);
    const version = async (id: number) => (await director.get(`/api/accounts/${id}`)).body.version as number;
    const preview = await director.get(`/api/accounts/${acc1}/merge-preview?sourceId=${dup}`);
    expect(preview.body.parts).toContainEqual({ key: 'monthlyPlanItems', count: 1 });
    const merged = await director.post(`/api/accounts/${acc1}/merge`, { sourceId: dup, reason: '重复录入', version: await version(acc1), sourceVersion: await version(dup) });
    expect(merged.status).toBe(200);
    const p = (await spec.get(`/api/monthly-plans/${created.body.plan.id}`)).body.plan;
    expect(p.items[0].account.id).toBe(acc1);
  });

  it('on the last working day of the working calendar, everyone who makes visits without a submitted plan for next month is reminded', async () => {
    const u = t.org.users;
    const db = t.database.db;
    // 2099-05 ends on a weekend; the administrator makes Saturday 30 May a 调休 make-up day: the plans for
    // June are due that Saturday, not on Friday 29 as Monday–Friday had it
    const admin = await t.login('admin');
    expect((await admin.put('/api/work-calendar/2099', { version: 0, days: [{ date: '2099-05-30', off: false, name: '调休' }] })).status).toBe(200);
    const due = await lastWorkingDay('2099-05');
    expect(due).toBe('2099-05-30');
    // the last working day and the day before it, at 10:00 business time
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    const onDay = zonedInstant(tz, y, m - 1, d, 10);
    const dayBefore = zonedInstant(tz, y, m - 1, d - 1, 10);
    const created = await spec.post('/api/monthly-plans', { ...emptyPlan, month: '2099-06' });
    expect(created.body.plan.dueOn).toBe('2099-05-30');
    expect((await spec.post(`/api/monthly-plans/${created.body.plan.id}/submit`, { version: created.body.plan.version })).status).toBe(200);
    await spec2.post('/api/monthly-plans', { ...emptyPlan, month: '2099-06' }); // a draft does not count

    expect(await runPlanReminder(db, t.platform.notifier, tz, dayBefore)).toEqual({ month: null, notified: 0 });
    const r = await runPlanReminder(db, t.platform.notifier, tz, onDay);
    expect(r.month).toBe('2099-06');
    const rows = await db.selectFrom('notifications').select(['user_id', 'params', 'link']).where('kind', '=', PLAN_DUE_KIND).execute();
    const ids = rows.map((x) => x.user_id);
    expect(ids).toHaveLength(r.notified);
    expect(ids).toContain(u.spec_a2);
    expect(ids).toContain(u.manager_b);
    expect(ids).toContain(u.director);
    expect(ids).not.toContain(u.spec_a1); // submitted
    expect(ids).not.toContain(u.finance); // makes no visits
    expect(ids).not.toContain(u.gm);
    expect(rows[0]).toMatchObject({ params: { month: '2099-06' }, link: '/monthly-plans?box=mine' });
  });
});
