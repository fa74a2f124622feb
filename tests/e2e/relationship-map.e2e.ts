import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import contacts from '../../src/shared/locales/zh-CN/contacts.json';
import errors from '../../src/shared/locales/zh-CN/errors.json';
import { serverUrl, settled, shot, trackBrowsers } from './browser';
import { E2E_DEMO_PASSWORD } from './global-setup';

/**
 * The relationship map journey (issue 3 items 7 and 12): a field specialist draws the reporting
 * lines of an account's people by dragging one card onto another, finds them again after a
 * reload, is stopped with the server's reason when a manager would report to their own
 * subordinate, exports the chart as an image, and on a phone sets a manager from the person's
 * sheet. The account and its three people are created through the API for this run, so the demo
 * archive around them does not matter.
 */

const baseUrl = serverUrl();
const SPECIALIST = 'zhaolei';
const run = Date.now().toString(36).slice(-5);
const ACCOUNT_NAME = `地图演练${run}科技有限公司`;
const PEOPLE = {
  gm: { name: '钱振国', title: '总经理', layer: 'decision', buyingRole: 'decision_maker', keyRoles: ['decider'], support: 1 },
  cio: { name: '孙晓梅', title: '信息中心主任', layer: 'management', buyingRole: 'user', keyRoles: ['insider'], support: 2 },
  buyer: { name: '李建军', title: '采购部经理', layer: 'management', buyingRole: 'buyer', keyRoles: [], support: -1 },
} as const;
type Key = keyof typeof PEOPLE;

const { browser, open } = trackBrowsers('relationship-map');

async function signIn(page: Page) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(SPECIALIST);
  await page.getByTestId('login-password').fill(E2E_DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** The signed-in page's own session, for setting up and checking through the API. */
async function apiOf(page: Page) {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    async post<T>(url: string, data: unknown): Promise<T> {
      const res = await page.request.post(`${baseUrl}${url}`, { headers, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
      return (await res.json()) as T;
    },
    async reportsTo(accountId: number): Promise<Map<number, number | null>> {
      const res = await page.request.get(`${baseUrl}/api/accounts/${accountId}/contacts`);
      const body = (await res.json()) as { items: { id: number; reportsToId: number | null }[] };
      return new Map(body.items.map((c) => [c.id, c.reportsToId]));
    },
  };
}

const card = (page: Page, id: number): Locator => page.getByTestId(`rf__node-${id}`);
const line = (page: Page, manager: number, subordinate: number): Locator => page.getByTestId(`rf__edge-r-${manager}-${subordinate}`);

/** Waits until a card stops moving (the map eases into a new layout and may refit the view). */
async function still(page: Page, locator: Locator) {
  await settled(page);
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = JSON.stringify(await locator.boundingBox());
    if (box === last) return;
    last = box;
    await page.waitForTimeout(100);
  }
}

/** Drags one person's card by its body and lets go over another's. */
async function dragOnto(page: Page, from: number, to: number) {
  await still(page, card(page, to));
  const a = (await card(page, from).boundingBox())!;
  const b = (await card(page, to).boundingBox())!;
  await page.mouse.move(a.x + a.width * 0.3, a.y + a.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width * 0.3 + 10, a.y + a.height * 0.6, { steps: 2 });
  await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.6, { steps: 12 });
  // the card underneath shows it will take the dropped person
  await page.getByTestId(`map-node-${to}`).and(page.locator('.rm-drop')).waitFor();
  await page.mouse.up();
}

describe('relationship map journeys', () => {
  let accountId = 0;
  const id = {} as Record<Key, number>;

  it('the specialist draws a reporting line by dragging one person onto another, and it stays after a reload', async () => {
    const { page } = await browser();
    await signIn(page);
    const api = await apiOf(page);
    accountId = (await api.post<{ id: number }>('/api/accounts', { name: ACCOUNT_NAME })).id;
    for (const k of Object.keys(PEOPLE) as Key[]) id[k] = (await api.post<{ id: number }>('/api/contacts', { accountId, ...PEOPLE[k] })).id;

    await page.goto(`${baseUrl}/accounts/${accountId}`);
    await page.getByTestId('account-tab-map').click();
    await page.getByTestId('relationship-map').waitFor();
    for (const k of Object.keys(PEOPLE) as Key[]) {
      const text = await page.getByTestId(`map-node-${id[k]}`).innerText();
      expect(text).toContain(PEOPLE[k].name);
      expect(text).toContain(PEOPLE[k].title);
      expect(text).toContain(contacts.supports[String(PEOPLE[k].support) as keyof typeof contacts.supports]);
      expect(text).toContain(contacts.buyingRoles[PEOPLE[k].buyingRole]);
    }
    expect(await page.getByTestId(`map-node-${id.gm}`).innerText()).toContain(contacts.keyRoles.decider);
    expect(await page.getByTestId(`map-node-${id.cio}`).innerText()).toContain(contacts.keyRoles.insider);
    // nobody linked yet: all three wait in the frame for people without a manager
    await page.getByTestId('map-loose').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await shot(page, 'relationship-map-01-three-people');

    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${id.cio}/reporting`) && r.request().method() === 'PUT');
    await dragOnto(page, id.cio, id.gm);
    expect((await saved).status()).toBe(200);
    await line(page, id.gm, id.cio).waitFor({ state: 'attached' });
    await still(page, card(page, id.cio));
    // the manager now sits above the person who reports to them
    expect((await card(page, id.gm).boundingBox())!.y).toBeLessThan((await card(page, id.cio).boundingBox())!.y);
    await shot(page, 'relationship-map-02-line-drawn');

    await page.reload();
    await page.getByTestId('relationship-map').waitFor();
    await line(page, id.gm, id.cio).waitFor({ state: 'attached' });
    expect((await api.reportsTo(accountId)).get(id.cio)).toBe(id.gm);
  });

  it('a manager cannot be made to report to their own subordinate: the map says why and keeps the line', async () => {
    expect(accountId, 'the account of the previous journey').toBeGreaterThan(0);
    const { page } = open[0];
    await line(page, id.gm, id.cio).waitFor({ state: 'attached' });

    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${id.gm}/reporting`) && r.request().method() === 'PUT');
    await dragOnto(page, id.gm, id.cio);
    expect((await refused).status()).toBe(400);
    const error = page.getByTestId('map-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(errors.contacts.reportingCycle);
    expect(await error.innerText()).toContain(PEOPLE.gm.name);
    // rolled back: no line upwards, the original one still drawn, nothing stored
    expect(await line(page, id.cio, id.gm).count()).toBe(0);
    await line(page, id.gm, id.cio).waitFor({ state: 'attached' });
    const api = await apiOf(page);
    expect((await api.reportsTo(accountId)).get(id.gm)).toBeNull();
    await still(page, card(page, id.gm));
    await shot(page, 'relationship-map-03-loop-refused', { fullPage: false });

    // the chart as an image: a real PNG named after the account and the day
    const download = page.waitForEvent('download');
    await page.getByTestId('map-export').click();
    const file = await download;
    const name = file.suggestedFilename();
    expect(name).toContain(ACCOUNT_NAME);
    expect(name).toMatch(/\d{4}-\d{2}-\d{2}\.png$/);
    const saved = path.join(os.tmpdir(), `relationship-map-${run}.png`);
    await file.saveAs(saved);
    const png = readFileSync(saved);
    rmSync(saved);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(20_000);
    // IHDR: the whole chart at full size, wider and taller than a card pair
    expect(png.readUInt32BE(16)).toBeGreaterThan(600);
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
    await shot(page, 'relationship-map-04-exported', { fullPage: false });

    // print: the same picture alone on one A4 landscape sheet (the browser's dialog is stubbed)
    await page.evaluate(() => {
      window.print = () => void (document.body.dataset.printed = 'yes');
    });
    await page.getByTestId('map-print').click();
    await page.waitForFunction(() => document.body.dataset.printed === 'yes');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('relationship-map').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="map-print-root"] img').isVisible()).toBe(true);
    await shot(page, 'relationship-map-05-print', { fullPage: false });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const [, w, h] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    // A4 landscape in points: 842 × 595
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);
    await page.emulateMedia({ media: 'screen' });
  });

  it('on a phone the map fits the screen and a manager is set from the person’s sheet instead of by dragging', async () => {
    expect(accountId, 'the account of the first journey').toBeGreaterThan(0);
    const { page } = await browser({ width: 390, height: 844 });
    await signIn(page);
    await page.goto(`${baseUrl}/accounts/${accountId}?tab=map`);
    await page.getByTestId(`map-node-${id.buyer}`).waitFor();
    await settled(page);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `page ${widths.scroll}px wide on a ${widths.client}px screen`).toBeLessThanOrEqual(widths.client);
    await shot(page, 'relationship-map-06-phone');

    await page.getByTestId(`map-node-${id.buyer}`).click();
    const select = page.getByTestId('map-sheet-reports-to');
    await select.waitFor();
    await settled(page);
    await select.click();
    const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: PEOPLE.gm.name }).first();
    await option.waitFor();
    await settled(page);
    await option.click();
    await line(page, id.gm, id.buyer).waitFor({ state: 'attached' });
    await shot(page, 'relationship-map-07-phone-sheet', { fullPage: false });
    expect((await (await apiOf(page)).reportsTo(accountId)).get(id.buyer)).toBe(id.gm);
  });
});
