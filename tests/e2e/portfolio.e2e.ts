import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import accounts from '../../src/shared/locales/zh-CN/accounts.json';
import portfolio from '../../src/shared/locales/zh-CN/portfolio.json';
import { serverUrl, settled, shot, trackBrowsers } from './browser';
import { E2E_DEMO_PASSWORD } from './global-setup';

/**
 * Saved views, contact search and the portfolio quadrant (issue 3 items 2 and 4): the GM saves
 * the star accounts as his default view and finds it opened the next time; he finds an account by
 * one of its people; the KA director sets a quadrant by hand with a reason and finds it in the
 * history; on a phone the list with its quadrant boxes and the quadrant drawer fit the screen.
 * The view is deleted at the end, so other journeys open the plain list.
 */

const baseUrl = serverUrl();
const { browser } = trackBrowsers('portfolio');
const VIEW_NAME = `明星客户${Math.floor(Math.random() * 1000)}`;
const REASON = '集团明年起集中采购，增量有限，按金牛维护';

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A JSON read with the page's own session, for facts the journey needs (a demo contact's name). */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
}

/** Picks the option containing this text in an antd Select once its dropdown has slid in. */
async function pick(page: Page, testId: string, text: string) {
  const control = page.getByTestId(testId);
  await control.click();
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: text }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
  await control.getByText(text).first().waitFor();
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('saved views, contact search and the portfolio quadrant', () => {
  it('the GM saves the star accounts as his default view, which opens by itself next time', async () => {
    const { page } = await browser();
    await signIn(page, 'wangjianguo');
    await page.goto(`${baseUrl}/accounts`);
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="quadrant-count-star"]')?.textContent ?? ''));
    expect(Number(await page.getByTestId('quadrant-count-star').innerText())).toBeGreaterThan(0);
    await page.getByTestId('quadrant-box-star').click();
    await page.waitForURL(/quadrant=star/);
    // the list follows: every row shown is a star
    await page.waitForFunction(
      (star) => {
        const tags = [...document.querySelectorAll('[data-testid="account-table"] [data-testid="account-quadrant-tag"]')];
        return tags.length > 0 && tags.every((t) => t.textContent === star);
      },
      portfolio.quadrants.star,
    );

    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill(VIEW_NAME);
    await page.getByTestId('view-default').check();
    await page.getByTestId('view-save-ok').click();
    await page.getByTestId('views-menu').getByText(VIEW_NAME).waitFor();
    await shot(page, 'portfolio-01-star-view', { fullPage: false });

    await page.goto(`${baseUrl}/accounts`);
    await page.waitForURL(/quadrant=star/);
    await page.getByTestId('views-menu').getByText(VIEW_NAME).waitFor();
    await expect(page.getByTestId('quadrant-box-star').getAttribute('aria-pressed')).resolves.toBe('true');

    // found through one of its people: the list says who
    const contact = (await apiGet<{ items: { name: string; accountId: number }[] }>(page, '/api/contacts?pageSize=1&sort=name')).items[0]!;
    await page.getByTestId('quadrant-box-star').click();
    await page.waitForURL((u) => !u.search.includes('quadrant='));
    await page.getByTestId('account-search').locator('input').fill(contact.name);
    await page.getByTestId('account-search').locator('input').press('Enter');
    const matched = page.getByTestId(`account-matched-${contact.accountId}`);
    await matched.waitFor();
    await expect(matched.innerText()).resolves.toContain(contact.name);
    await shot(page, 'portfolio-02-contact-search', { fullPage: false });

    // the view goes, so the next visit opens the plain list
    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-manage').click();
    const row = page.getByTestId('view-list').locator('.ant-list-item', { hasText: VIEW_NAME });
    await row.locator('[data-testid^="view-delete-"]').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').filter({ visible: true }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('the KA director sets the quadrant by hand with a reason and finds it in the history', async () => {
    const { page } = await browser();
    await signIn(page, 'zhangmingyuan');
    const first = (await apiGet<{ items: { id: number; quadrant: string }[] }>(page, '/api/accounts?quadrant=star&pageSize=1')).items[0]!;
    await page.goto(`${baseUrl}/accounts/${first.id}`);
    await page.getByTestId('quadrant-why').click();
    const drawer = page.getByTestId('quadrant-drawer');
    await drawer.waitFor();
    for (const f of ['size', 'tier', 'revenue', 'coverage', 'decisionMakers']) await drawer.getByTestId(`quadrant-factor-${f}`).waitFor();
    await expect(drawer.getByTestId('quadrant-policy').innerText()).resolves.toContain(portfolio.serviceLevels.premium);
    await settled(page);
    await shot(page, 'portfolio-03-why-star', { fullPage: false });

    await page.getByTestId('quadrant-override').click();
    await pick(page, 'quadrant-override-select', portfolio.quadrants.cash_cow);
    await page.getByTestId('quadrant-override-reason').fill(REASON);
    await page.getByTestId('quadrant-override-ok').click();
    await drawer.getByTestId('quadrant-override-info').getByText(REASON).waitFor();
    await expect(page.getByTestId('account-quadrant').getByTestId('account-quadrant-tag').innerText()).resolves.toContain(portfolio.quadrants.cash_cow);
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl}/accounts/${first.id}?tab=changes`);
    const entry = page.getByTestId('account-changes').locator('.ant-timeline-item', { hasText: accounts.changes.fields.quadrant }).first();
    await entry.getByText(REASON).waitFor();
    await expect(entry.innerText()).resolves.toContain(`${portfolio.quadrants.star} → ${portfolio.quadrants.cash_cow}`);

    // back to the rules, so the demo archive stays as it was
    await page.getByTestId('quadrant-why').click();
    await page.getByTestId('quadrant-override').click();
    await pick(page, 'quadrant-override-select', portfolio.card.backToRules.split('（')[0]);
    await page.getByTestId('quadrant-override-reason').fill('恢复按规则计算');
    await page.getByTestId('quadrant-override-ok').click();
    await page.getByTestId('quadrant-override-info').waitFor({ state: 'detached' });
  });

  it('on a phone the list with its quadrant boxes and the quadrant drawer fit the screen', async () => {
    const { page } = await browser({ width: 390, height: 844 });
    await signIn(page, 'zhaolei');
    await page.goto(`${baseUrl}/accounts`);
    await page.getByTestId('portfolio-strip').waitFor();
    await page.getByTestId('completeness-rate').waitFor();
    expect(await noOverflow(page)).toBe(0);
    await shot(page, 'portfolio-04-phone-list', { fullPage: false });
    await page.locator('[data-testid^="account-open-"]').first().click();
    await page.getByTestId('quadrant-why').click();
    await page.getByTestId('quadrant-plot').waitFor();
    await settled(page);
    expect(await noOverflow(page)).toBe(0);
    await shot(page, 'portfolio-05-phone-drawer', { fullPage: false });
  });
});
