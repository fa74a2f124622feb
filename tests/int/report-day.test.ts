import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_DAY_LOOKBACK } from '../../src/shared/contracts/work-plans';
import { businessDate } from '../../src/shared/domain/business-time';
import { loadWorkCalendar } from '../../src/server/features/workdays';
import { isWorkingDay, workingDayUpTo } from '../../src/shared/domain/workdays';
import { createTestApp, testConfig, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { recordedVisit } from '../support/visits';

/**
 * The day the daily and team reports open on (issue 13 item 7): the latest business day up to today
 * with a recorded visit in the caller's scope — never a Sunday of zeros — else the last working day.
 * Visits are made through the visit API and then moved back in time.
 */

let t: TestApp;
let spec: Client;
let spec2: Client;
let specB: Client;
let director: Client;
let manager: Client;
let managerB: Client;
let visitA: number;
let visitA2: number;
let visitB: number;

const tz = testConfig().BUSINESS_TZ;
const DAY = 86_400_000;
const today = () => businessDate(new Date(), tz);
const daysAgo = (n: number) => businessDate(new Date(Date.now() - n * DAY), tz);
/** The last working day up to today under the working calendar as the server has it. */
const lastWorked = async () => workingDayUpTo(today(), await loadWorkCalendar(t.database.db));

/** Moves a visit's check-in `days` back. */
const moveBack = (id: number, days: number) =>
  t.database.db.updateTable('visits').set({ checked_in_at: sql`checked_in_at - make_interval(days => ${days})` }).where('id', '=', id).execute();

const dayOf = async (who: Client, url: string) => {
  const r = await who.get(url);
  expect(r.status, url).toBe(200);
  return r.body as { date: string; found: boolean };
};

beforeAll(async () => {
  t = await createTestApp();
  spec = await t.login('spec_a1');
  spec2 = await t.login('spec_a2');
  specB = await t.login('spec_b1');
  director = await t.login('director');
  manager = await t.login('manager_a');
  managerB = await t.login('manager_b');
  const u = t.org.users;
  const acc = await insertAccount(t.database.db, '日报开日客户', u.spec_a1!);
  const accB = await insertAccount(t.database.db, '日报开日二组客户', u.spec_b1!);
  visitA = await recordedVisit(spec, director, acc, 'first');
  visitA2 = await recordedVisit(spec, director, acc, 'first');
  visitB = await recordedVisit(specB, director, accB, 'first');
  // spec_a1 last visited three days ago (and ten days ago); spec_b1 (the other team) yesterday
  await moveBack(visitA, 3);
  await moveBack(visitA2, 10);
  await moveBack(visitB, 1);
});
afterAll(async () => t?.close());

describe('the day a daily report opens on', () => {
  it('is the latest day the person recorded a visit, not today', async () => {
    expect(await dayOf(spec, '/api/daily-reports/latest-day')).toEqual({ date: daysAgo(3), found: true });
    expect(await dayOf(specB, '/api/daily-reports/latest-day')).toEqual({ date: daysAgo(1), found: true });
    // the report of that day has the visit
    const report = await spec.get(`/api/daily-reports?date=${daysAgo(3)}`);
    expect(report.body.rows.map((r: { visitId: number }) => r.visitId)).toEqual([visitA]);
  });

  it('of another person only within the visit:read scope (404 outside it)', async () => {
    const a1 = t.org.users.spec_a1!;
    expect(await dayOf(manager, `/api/daily-reports/latest-day?userId=${a1}`)).toEqual({ date: daysAgo(3), found: true });
    expect(await dayOf(director, `/api/daily-reports/latest-day?userId=${a1}`)).toEqual({ date: daysAgo(3), found: true });
    expect((await managerB.get(`/api/daily-reports/latest-day?userId=${a1}`)).status).toBe(404);
    expect((await spec2.get(`/api/daily-reports/latest-day?userId=${a1}`)).status).toBe(404);
    expect((await spec.get('/api/daily-reports/latest-day?userId=999999')).status).toBe(404);
  });

  it('the team’s day is the latest visit of anyone in scope: the other team’s visit counts only for those who see it', async () => {
    // manager_a's team (一组) last visited three days ago; spec_b1's visit yesterday is 二组's
    expect(await dayOf(manager, '/api/daily-reports/team/latest-day')).toEqual({ date: daysAgo(3), found: true });
    expect(await dayOf(managerB, '/api/daily-reports/team/latest-day')).toEqual({ date: daysAgo(1), found: true });
    // the director's scope is the whole department
    expect(await dayOf(director, '/api/daily-reports/team/latest-day')).toEqual({ date: daysAgo(1), found: true });
    // a specialist's team is himself
    expect(await dayOf(spec, '/api/daily-reports/team/latest-day')).toEqual({ date: daysAgo(3), found: true });
  });

  it('with no visit in scope: the last working day up to today, never a weekend or a holiday', async () => {
    const none = await dayOf(spec2, '/api/daily-reports/latest-day');
    expect(none).toEqual({ date: await lastWorked(), found: false });
    expect(isWorkingDay(none.date, await loadWorkCalendar(t.database.db))).toBe(true);
    expect(await dayOf(spec2, '/api/daily-reports/team/latest-day')).toEqual({ date: await lastWorked(), found: false });
  });

  it('looks back a bounded number of days, and only at recorded visits', async () => {
    await moveBack(visitA, REPORT_DAY_LOOKBACK + 5);
    expect(await dayOf(spec, '/api/daily-reports/latest-day')).toEqual({ date: daysAgo(10), found: true });
    await moveBack(visitA2, REPORT_DAY_LOOKBACK);
    expect(await dayOf(spec, '/api/daily-reports/latest-day')).toEqual({ date: await lastWorked(), found: false });
    // a visit that is not recorded does not make a day
    await t.database.db.updateTable('visits').set({ status: 'checked_in', recorded_at: null }).where('id', '=', visitB).execute();
    expect(await dayOf(specB, '/api/daily-reports/latest-day')).toEqual({ date: await lastWorked(), found: false });
  });

  it('bad input is a 400 naming the field', async () => {
    const r = await spec.get('/api/daily-reports/latest-day?userId=abc');
    expect(r.status).toBe(400);
    expect((r.body.error.details.issues as { path: string }[]).map((i) => i.path)).toEqual(['userId']);
  });
});
