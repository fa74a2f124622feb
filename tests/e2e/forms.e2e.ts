import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverUrl, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * Forms and names (issue 13 items 8 and 9): a new record's page asks the server about no record that
 * does not exist yet (no /api/…/0, no 4xx); Enter in the visit form's date or amount field saves
 * nothing — only 保存 does, once, however fast it is clicked twice; an expense line's category is
 * picked from the expense categories; a unit picker shows units by their path (江苏分公司 / 大客户部)
 * and finds them by it; a user picker shows people by name with their unit under it, never by login.
 */

const baseUrl = serverUrl();
const { browser } = trackBrowsers('forms');
const JS_KA = '江苏分公司 / 大客户部';

/** Every API answer of 400 or above from now on, as "status METHOD path?query". */
function apiFailures(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
  });
  return failed;
}

/** The first account in the signed-in user's scope. */
async function someAccount(page: Page): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/accounts?pageSize=1`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { id: number }[] };
  expect(body.items.length).toBe(1);
  return body.items[0]!.id;
}

describe('forms', () => {
  it('opening a new record’s page asks about no record that does not exist: no 4xx from the API', async () => {
    const { page } = await browser();
    await signIn(page, 'chensiyuan');
    const failed = apiFailures(page);
    for (const path of ['/visits/new', '/gifts/applications/new', '/expenses/new', '/receptions/new', '/trips/new', '/monthly-plans/new', '/opportunities/new', '/accounts/new', '/requests/new']) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('form').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(failed, `API errors on ${path}`).toEqual([]);
    }
  });

  it('Enter in the visit form’s date or amount field saves nothing; a double click on 保存 saves one visit', async () => {
    const { page } = await browser();
    await signIn(page, 'zhaolei');
    const accountId = await someAccount(page);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/visits') posts.push(r.url());
    });
    await page.goto(`${baseUrl}/visits/new?accountId=${accountId}`);
    await page.getByTestId('visit-form').waitFor();

    // everything required is filled once the date is in: Enter used to save the form there
    const date = page.getByTestId('visit-planned-at');
    await date.click();
    await date.fill('2026-12-21 09:30');
    for (let i = 0; i < 6; i++) await date.press('Enter');
    await expect(date.inputValue()).resolves.toBe('2026-12-21 09:30');
    const budget = page.getByTestId('visit-budget');
    await budget.fill('300');
    await budget.press('Enter');
    await page.waitForTimeout(1_000);
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/visits/new');
    await shot(page, 'forms-01-visit-form-after-enter');

    await page.getByTestId('visit-save').dblclick();
    await page.waitForURL(/\/visits\/\d+$/);
    await page.waitForLoadState('networkidle');
    expect(posts).toHaveLength(1);
  });

  it('an expense line picks its category from the expense categories', async () => {
    const { page } = await browser();
    await signIn(page, 'zhaolei');
    const categories = (await (await page.request.get(`${baseUrl}/api/expense-settings/categories`)).json()) as { items: string[] };
    await page.goto(`${baseUrl}/expenses/new`);
    await page.getByTestId('expense-form').waitFor();
    await page.getByTestId('expense-line-0-category').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    await expect(options.allInnerTexts()).resolves.toEqual(categories.items.slice(0, await options.count()));
    expect(categories.items).toContain('交通费');
    // not a text field: what is typed only searches the list
    await page.keyboard.type('招待');
    await expect(options.allInnerTexts()).resolves.toEqual(['招待费']);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('expense-line-0-category').innerText()).resolves.toContain('招待费');
  });

  it('finance keeps the expense categories on the budgets page; a budget picks one of them', async () => {
    const { page } = await browser({ width: 1440, height: 900 });
    await signIn(page, 'wufang');
    await page.goto(`${baseUrl}/expenses/budgets`);
    const card = page.getByTestId('expense-categories');
    await card.locator('.ant-select-selection-item', { hasText: '手机费' }).or(card.getByText('手机费', { exact: true })).first().waitFor();
    await expect(card.innerText()).resolves.toContain('交通费');
    await page.getByTestId('budget-category').click();
    await page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: /^招待费$/ }).waitFor();
    await shot(page, 'forms-budget-categories', { fullPage: false });
  });

  it('a unit picker shows and finds units by their path; a user picker shows names with the unit, not logins', async () => {
    const { page } = await browser();
    await signIn(page, 'wangjianguo');
    await page.goto(`${baseUrl}/accounts`);
    const filter = page.getByTestId('account-filter-unit');
    await filter.click();
    await page.keyboard.type('江苏');
    const tree = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree');
    await tree.locator('.ant-select-tree-title', { hasText: '江苏分公司' }).waitFor();
    // the province's 大客户部 is found by its path; the head office's and 浙江's are not
    await expect(tree.locator('.ant-select-tree-title').allInnerTexts()).resolves.toEqual(['总部', '江苏分公司', '大客户部']);
    await settled(page);
    await tree.locator('.ant-select-tree-title', { hasText: /^大客户部$/ }).click();
    await expect(filter.locator('.ant-select-content').innerText()).resolves.toBe(JS_KA);
    // the list, filtered to that unit, says which 大客户部 in its unit column
    await page.waitForURL(/unitId=\d+/);
    await expect.poll(async () => [...new Set(await page.locator('.ant-table-tbody td', { hasText: '大客户部' }).allInnerTexts())]).toEqual([JS_KA]);

    await page.goto(`${baseUrl}/opportunities`);
    await page.getByTestId('opportunity-filter-owner').click();
    await page.keyboard.type('徐海峰');
    const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: '徐海峰' });
    await option.waitFor();
    await shot(page, 'forms-user-picker', { fullPage: false });
    const text = await option.innerText();
    expect(text).toContain(JS_KA);
    expect(text).not.toContain('xuhaifeng');
  });

  for (const width of [1440, 390]) {
    it(`the visit form, an expense line and a unit picker at ${width} px`, async () => {
      const { page } = await browser({ width, height: width > 500 ? 900 : 844 });
      await signIn(page, 'zhaolei');
      const accountId = await someAccount(page);
      await page.goto(`${baseUrl}/visits/new?accountId=${accountId}`);
      await page.getByTestId('visit-form').waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, `forms-visit-form-${width}`);

      await page.goto(`${baseUrl}/expenses/new`);
      await page.getByTestId('expense-form').waitFor();
      await page.getByTestId('expense-line-0-category').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().waitFor();
      await shot(page, `forms-expense-line-${width}`, { fullPage: false });

      const gm = (await browser({ width, height: width > 500 ? 900 : 844 })).page;
      await signIn(gm, 'wangjianguo');
      await gm.goto(`${baseUrl}/accounts`);
      // on a phone the filters are in a drawer
      if (width < 768) await gm.getByTestId('account-filters-open').click();
      await gm.getByTestId('account-filter-unit').click();
      await gm.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title').first().waitFor();
      await shot(gm, `forms-unit-picker-${width}`, { fullPage: false });
      await gm.keyboard.type('江苏');
      await gm.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: /^大客户部$/ }).click();
      await expect(gm.getByTestId('account-filter-unit').locator('.ant-select-content').innerText()).resolves.toBe(JS_KA);
      await gm.waitForLoadState('networkidle');
      await shot(gm, `forms-unit-picked-${width}`, { fullPage: false });
    });
  }
});
