import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkCalendarView } from '../../src/shared/contracts/workdays';
import { apiAs, navTo, serverUrl, settled, shot, signIn, trackBrowsers } from './browser';
import { E2E_ADMIN_PASSWORD } from './global-setup';

/**
 * 工作日历 (issue 15 item 2) on a phone: the administrator opens the page from the menu, sees 2026 as
 * published (国庆节 from 1 October, 248 working days), makes Saturday 26 December a 调休 working day, saves,
 * and after a reload the day is still worked and named. 2026 is put back as it was afterwards.
 */

const baseUrl = serverUrl();
const { browser } = trackBrowsers('workdays');
const DAY = '2026-12-26'; // a Saturday
let before: WorkCalendarView;

const pageOverflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe('working calendar', () => {
  beforeAll(async () => {
    before = await (await apiAs('admin', E2E_ADMIN_PASSWORD)).get<WorkCalendarView>('/api/work-calendar?year=2026');
  });
  afterAll(async () => {
    // leave 2026 as the other journeys expect it
    const admin = await apiAs('admin', E2E_ADMIN_PASSWORD);
    const now = await admin.get<WorkCalendarView>('/api/work-calendar?year=2026');
    if (now.days.some((d) => d.date === DAY)) await admin.put('/api/work-calendar/2026', { version: now.version, days: before.days });
  });

  it('the administrator makes a Saturday a make-up working day, saves, and reads it after a reload (390 px)', async () => {
    expect(before.days.some((d) => d.date === DAY)).toBe(false);
    const { page } = await browser({ width: 390, height: 844 });
    await signIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.getByTestId('nav-open').click();
    await page.getByTestId('nav-area-system').waitFor();
    await settled(page);
    await navTo(page, '/admin/work-calendar');
    await page.getByTestId('calendar-legend').waitFor();
    // the page opens on this year; the journey reads 2026
    await page.goto(`${baseUrl}/admin/work-calendar?year=2026`);

    const national = page.getByTestId('day-2026-10-01');
    await national.waitFor();
    expect(await national.getAttribute('data-kind')).toBe('off');
    expect(await national.getAttribute('title')).toContain('国庆节');
    expect(await page.getByTestId('day-2026-10-10').getAttribute('data-kind')).toBe('worked');
    await expect(page.getByTestId('run-2026-10-01').innerText()).resolves.toContain('国庆节');
    await expect(page.getByTestId('calendar-working-days').innerText()).resolves.toContain('248');
    await expect(page.getByTestId('calendar-status').innerText()).resolves.toBe('官方发布');
    // the December warning shows exactly when the server says next year is missing
    expect(await page.getByTestId('calendar-next-year-missing').count()).toBe(before.nextYearMissing ? 1 : 0);
    expect(await pageOverflows(page)).toBe(false);
    await shot(page, 'workdays-01-2026-phone');

    const saturday = page.getByTestId(`day-${DAY}`);
    expect(await saturday.getAttribute('data-kind')).toBe('weekend');
    await saturday.click();
    await page.getByTestId('day-choice-worked').click();
    await page.getByTestId('day-name').fill('年终盘点');
    await shot(page, 'workdays-02-day-form-phone', { fullPage: false });
    await page.getByTestId('day-apply').click();
    await page.getByTestId('day-form').waitFor({ state: 'hidden' });
    expect(await saturday.getAttribute('data-kind')).toBe('worked');
    await expect(page.getByTestId('calendar-working-days').innerText()).resolves.toContain('249');
    await page.getByTestId('calendar-pending').waitFor();

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/work-calendar/2026') && r.request().method() === 'PUT');
    await page.getByTestId('calendar-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('calendar-pending').waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByTestId(`day-${DAY}`).waitFor();
    expect(await page.getByTestId(`day-${DAY}`).getAttribute('data-kind')).toBe('worked');
    expect(await page.getByTestId(`day-${DAY}`).getAttribute('title')).toContain('年终盘点');
    await expect(page.getByTestId('calendar-status').innerText()).resolves.toBe('已调整');
    await expect(page.getByTestId('calendar-working-days').innerText()).resolves.toContain('249');
    expect(await pageOverflows(page)).toBe(false);
    await shot(page, 'workdays-03-saved-phone');
  });
});
