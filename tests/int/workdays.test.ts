import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { DAYS_2026 } from '../support/workdays';
import { loadWorkCalendar, loadWorkTime } from '../../src/server/features/workdays';
import { getCalendar } from '../../src/server/features/workdays/workdays.service';
import { DEFAULT_WORKING_HOURS, isWorkingDay } from '../../src/shared/domain/workdays';
import { businessDate } from '../../src/shared/domain/business-time';

/**
 * The working calendar (issue 15 item 2): 2026 as the State Council published it, read by everyone;
 * a year's days replaced by the administrator in one transaction at the version read, audited; the
 * working hours as a setting; the December notice that next year is not entered.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const db = () => t.database.db;
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();
const sorted = <T extends { date: string }>(days: readonly T[]) => [...days].sort((a, b) => a.date.localeCompare(b.date));
const audits = (entity: string, id: string) => db().selectFrom('audit_log').select(['action', 'actor_id', 'diff']).where('entity', '=', entity).where('entity_id', '=', id).orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'director', 'spec_a1']) c[name] = await t.login(name);
});
afterAll(async () => t?.close());

describe('reading the calendar', () => {
  it('2026 as published, for anyone signed in: 国庆节 off from 1 October, 10 October a make-up Saturday, 248 working days', async () => {
    const r = await c.spec_a1!.get('/api/work-calendar?year=2026');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, status: 'official', source: '国务院办公厅关于2026年部分节假日安排的通知', version: 1, updatedBy: null, workingDays: 248, hoursVersion: 0 });
    expect(r.body.days).toEqual(sorted(DAYS_2026));
    expect(r.body.days).toContainEqual({ date: '2026-10-01', off: true, name: '国庆节' });
    expect(r.body.days).toContainEqual({ date: '2026-10-10', off: false, name: '国庆节' });
    expect(r.body.hours).toEqual({ ...DEFAULT_WORKING_HOURS });
  });

  it('defaults to this year; a year with no arrangement is missing and counts by the weekday rule', async () => {
    const now = await c.spec_a1!.get('/api/work-calendar');
    expect(now.body.year).toBe(Number(businessDate(new Date(), t.platform.config.BUSINESS_TZ).slice(0, 4)));
    const r = await c.spec_a1!.get('/api/work-calendar?year=2031');
    expect(r.body).toMatchObject({ year: 2031, status: 'missing', source: '', version: 0, days: [], updatedAt: null, workingDays: 261 });
    expect((await c.spec_a1!.get('/api/work-calendar?year=1999')).status).toBe(400);
  });

  it('says in December, and only then, that next year is not entered yet', async () => {
    expect(await getCalendar(db(), 2026, '2026-12-07')).toMatchObject({ nextYearMissing: true, nextYear: 2027 });
    expect(await getCalendar(db(), 2026, '2026-11-30')).toMatchObject({ nextYearMissing: false, nextYear: 2027 });
    // 2025 is December's "this year": 2026 is entered
    expect(await getCalendar(db(), 2025, '2025-12-01')).toMatchObject({ nextYearMissing: false, nextYear: 2026 });
  });
});

describe('replacing a year', () => {
  it('is the administrator’s alone', async () => {
    for (const who of ['director', 'spec_a1']) {
      const r = await c[who]!.put('/api/work-calendar/2026', { version: 1, days: DAYS_2026 });
      expect(r.status, who).toBe(403);
    }
    expect((await c.admin!.get('/api/work-calendar?year=2026')).body).toMatchObject({ status: 'official', version: 1 });
  });

  it('refuses bad days with 400 naming each field, and changes nothing', async () => {
    const put = (days: unknown[]) => c.admin!.put('/api/work-calendar/2026', { version: 1, days });
    const ok = { date: '2026-12-31', off: true, name: '年终盘点' };
    let r = await put([ok, { date: '2027-01-01', off: true, name: '元旦' }, { ...ok }]);
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['days.1.date', 'days.2.date']);
    expect(r.body.error.details.issues.map((i: { key: string }) => i.key).sort()).toEqual(['workdays.dateOutsideYear', 'workdays.dateTwice']);
    r = await put([{ ...ok, name: '   ' }, { ...ok, date: '2026-12-30', name: '很'.repeat(41) }, { ...ok, date: '2026-02-30' }]);
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['days.0.name', 'days.1.name', 'days.2.date']);
    r = await put(Array.from({ length: 121 }, (_, i) => ({ ...ok, date: businessDate(new Date(Date.UTC(2026, 0, 1 + i)), 'UTC') })));
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['days']);
    expect((await c.admin!.put('/api/work-calendar/1999', { version: 0, days: [] })).status).toBe(400);
    const after = (await c.admin!.get('/api/work-calendar?year=2026')).body;
    expect(after).toMatchObject({ status: 'official', version: 1 });
    expect(after.days).toEqual(sorted(DAYS_2026));
  });

  it('replaces the days at the version read, marks the year edited, audits before and after, and the rooms count with it', async () => {
    // 10 October no longer worked; 31 December off
    const days = [{ date: '2026-12-31', off: true, name: '年终盘点' }, ...DAYS_2026.filter((d) => d.date !== '2026-10-10')];
    const r = await c.admin!.put('/api/work-calendar/2026', { version: 1, days });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, status: 'edited', version: 2, workingDays: 246, updatedBy: { id: t.org.users.admin, name: '管理员' } });
    expect(r.body.days).toEqual(sorted(days));
    expect((await c.spec_a1!.get('/api/work-calendar?year=2026')).body.days).toEqual(sorted(days));

    const [a] = await audits('work_calendar', '2026');
    expect(a).toMatchObject({ action: 'update', actor_id: t.org.users.admin });
    const diff = a!.diff as unknown as Record<string, [unknown, unknown]>;
    expect(diff.status).toEqual(['official', 'edited']);
    expect(diff.days![0]).toContainEqual({ date: '2026-10-10', off: false, name: '国庆节' });
    expect(diff.days![1]).not.toContainEqual({ date: '2026-10-10', off: false, name: '国庆节' });
    expect(diff.days![1]).toContainEqual({ date: '2026-12-31', off: true, name: '年终盘点' });

    const cal = await loadWorkCalendar(db());
    expect(isWorkingDay('2026-10-10', cal)).toBe(false);
    expect(isWorkingDay('2026-12-31', cal)).toBe(false);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
  });

  it('a stale version is a 409 and nothing is saved', async () => {
    const r = await c.admin!.put('/api/work-calendar/2026', { version: 1, days: DAYS_2026 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('STALE_VERSION');
    const now = (await c.admin!.get('/api/work-calendar?year=2026')).body;
    expect(now.version).toBe(2);
    expect(now.days).not.toContainEqual({ date: '2026-10-10', off: false, name: '国庆节' });
    expect(await audits('work_calendar', '2026')).toHaveLength(1);
  });

  it('enters a missing year at version 0, once: two saves at once, one wins whole and the other is stale', async () => {
    const a = [{ date: '2030-01-01', off: true, name: '元旦' }];
    const b = [
      { date: '2030-10-01', off: true, name: '国庆节' },
      { date: '2030-10-12', off: false, name: '国庆节' },
    ];
    const [ra, rb] = await Promise.all([c.admin!.put('/api/work-calendar/2030', { version: 0, days: a }), c.admin!.put('/api/work-calendar/2030', { version: 0, days: b })]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const won = ra.status === 200 ? a : b;
    const now = (await c.admin!.get('/api/work-calendar?year=2030')).body;
    expect(now).toMatchObject({ status: 'edited', source: '', version: 1, days: won });
    const trail = await audits('work_calendar', '2030');
    expect(trail.map((x) => x.action)).toEqual(['create']);
    // and an update at the version it has replaces it whole
    const r = await c.admin!.put('/api/work-calendar/2030', { version: 1, days: [] });
    expect(r.body).toMatchObject({ version: 2, days: [], status: 'edited' });
  });
});

describe('working hours', () => {
  it('are saved by the administrator at the version read, validated field by field, audited, and loaded with the calendar', async () => {
    const put = (who: string, body: object) => c[who]!.put('/api/work-calendar-hours', body);
    const hours = { start: '08:30', end: '17:30', breakStart: '12:00', breakEnd: '13:00' };
    expect((await put('director', { ...hours, version: 0 })).status).toBe(403);
    for (const [bad, path] of [
      [{ end: '08:00' }, 'end'],
      [{ breakStart: '08:00' }, 'breakStart'],
      [{ breakEnd: '18:00' }, 'breakEnd'],
      [{ breakEnd: '11:00' }, 'breakEnd'],
      [{ breakEnd: null }, 'breakEnd'],
      [{ start: '25:00' }, 'start'],
    ] as const) {
      const r = await put('admin', { ...hours, ...bad, version: 0 });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(paths(r), JSON.stringify(bad)).toEqual([path]);
    }
    const saved = await put('admin', { ...hours, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ hours, version: 1 });
    expect((await put('admin', { ...hours, end: '18:00', version: 0 })).status).toBe(409);
    // no break at all is a working day without 午休
    expect((await put('admin', { start: '09:00', end: '17:00', breakStart: null, breakEnd: null, version: 1 })).body).toEqual({ hours: { start: '09:00', end: '17:00', breakStart: null, breakEnd: null }, version: 2 });
    expect((await put('admin', { ...hours, version: 2 })).body.version).toBe(3);

    const read = (await c.spec_a1!.get('/api/work-calendar?year=2026')).body;
    expect(read).toMatchObject({ hours, hoursVersion: 3 });
    const time = await loadWorkTime(db());
    expect(time.hours).toEqual(hours);
    expect(isWorkingDay('2026-10-01', time.calendar)).toBe(false);
    const trail = await audits('setting', 'workdays.hours');
    expect(trail.map((x) => x.action)).toEqual(['create', 'update', 'update']);
  });
});
