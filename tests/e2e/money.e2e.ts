import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serverUrl, shot, signIn, trackBrowsers } from './browser';

/**
 * One money display with the reader's preference (issue 13 item 10, SPEC PLAT-6): an account
 * manager reads the development projects in 元 with thousands separators, switches to 万元 on
 * the account page, and every amount of the list and of the approvals reads in 万元 — no column
 * mixes the two; switching back restores 元. The preference is the server's: a new session
 * keeps it.
 */

const baseUrl = serverUrl();
const USER = 'liuxiaofeng';
const { browser } = trackBrowsers('money');

/** The texts of the list's money cells: the expected and weighted value columns (a table at 1440, cards on a phone). */
async function amounts(page: Page): Promise<string[]> {
  return page.locator('.ant-typography').filter({ hasText: /元/ }).allInnerTexts();
}

async function setUnit(page: Page, unit: 'yuan' | 'wan') {
  await page.goto(`${baseUrl}/account`);
  await page.getByTestId('display-card').waitFor();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/preferences') && r.request().method() === 'PUT');
  await page.getByTestId(`money-unit-${unit}`).click();
  expect((await saved).status()).toBe(200);
}

describe('money in 元 or 万元', () => {
  afterAll(async () => {
    // leave the demo user as the other journeys expect them
    const b = await browser();
    await signIn(b.page, USER);
    const me = (await (await b.page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string; moneyUnit: string };
    if (me.moneyUnit !== 'yuan') await b.page.request.put(`${baseUrl}/api/auth/preferences`, { headers: { 'x-csrf-token': me.csrfToken }, data: { moneyUnit: 'yuan' } });
  });

  for (const width of [1440, 390]) {
    it(`switches every amount of a list at ${width} px, and back`, async () => {
      const { page } = await browser({ width, height: 900 });
      await signIn(page, USER);
      const tag = width === 1440 ? 'desk' : 'phone';

      await page.goto(`${baseUrl}/opportunities`);
      await page.getByText('网点智能柜员机二期').first().waitFor();
      const inYuan = await amounts(page);
      expect(inYuan).toContain('2,800,000.00 元');
      expect(inYuan.some((x) => x.includes('万元'))).toBe(false);
      await shot(page, `money-01-opportunities-yuan-${tag}`);

      await setUnit(page, 'wan');
      await shot(page, `money-02-account-display-${tag}`);
      await page.goto(`${baseUrl}/opportunities`);
      await page.getByText('网点智能柜员机二期').first().waitFor();
      await page.getByText('280.00 万元').first().waitFor();
      const inWan = await amounts(page);
      expect(inWan).toContain('280.00 万元');
      expect(inWan).toContain('224.00 万元');
      // one unit in every cell: none left in 元
      expect(inWan.filter((x) => !x.endsWith('万元'))).toEqual([]);
      await shot(page, `money-03-opportunities-wan-${tag}`);

      // the approvals read in 万元 too, each amount under its document's own label
      await page.goto(`${baseUrl}/approvals?box=submitted`);
      await page.getByTestId('approval-amount').first().waitFor();
      const cells = await page.getByTestId('approval-amount').allInnerTexts();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((c) => c.includes('万元'))).toBe(true);
      expect(cells.some((c) => c.includes('预算金额'))).toBe(true);
      await shot(page, `money-04-approvals-wan-${tag}`);

      // kept on the server: a new session reads it
      const again = await browser({ width, height: 900 });
      await signIn(again.page, USER);
      await again.page.goto(`${baseUrl}/opportunities`);
      await again.page.getByText('280.00 万元').first().waitFor();

      await setUnit(page, 'yuan');
      await page.goto(`${baseUrl}/opportunities`);
      await page.getByText('2,800,000.00 元').first().waitFor();
      expect((await amounts(page)).some((x) => x.includes('万元'))).toBe(false);
    });
  }
});
