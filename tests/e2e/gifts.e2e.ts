import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverUrl, settled, shot, signIn, trackBrowsers } from './browser';
import { E2E_DEMO_PASSWORD } from './global-setup';

/**
 * A gift over the recipient's yearly cap (issue 5 item 7 / journey 15): the gift administrator
 * books a gift into stock and sets the cap to 1 000 元; the field specialist writes a 礼品馈赠申请表
 * of 3 × 500 元 for one of the people of his account, sees it flagged on the form and submits it; after
 * 部门负责人, 礼品管理员, 办公室 and 副总经理 have approved (through the API) it is still waiting — for
 * the GM, who approves it in the browser; the print view shows the flag and the signatures, and the
 * gift administrator issues it from stock.
 */

const baseUrl = serverUrl();
const { browser } = trackBrowsers('gifts');
const GIFT = `端午礼盒${Math.floor(Math.random() * 100_000)}`;

/** A demo user's own API session (cookie and CSRF token) for the steps the journey does not click through. */
async function apiAs(username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: E2E_DEMO_PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    expect(res.ok, `${method} ${url}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  };
  return { get: <T>(url: string) => call<T>('GET', url), post: <T>(url: string, body: unknown) => call<T>('POST', url, body), put: <T>(url: string, body: unknown) => call<T>('PUT', url, body) };
}

async function pick(page: Page, testId: string, text: string, type?: string) {
  const control = page.getByTestId(testId);
  await control.click();
  if (type) await page.keyboard.type(type);
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: text }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
}

describe('gifts', () => {
  it('a gift over the recipient’s yearly cap is flagged and needs the GM’s approval', async () => {
    // the gift administrator: a gift in stock and a cap of 1 000 元
    const admin = await apiAs('zhouting');
    const item = await admin.post<{ id: number; version: number }>('/api/gift-items', { name: GIFT, spec: '粽子与茶叶', unit: '盒', unitValue: 50_000 });
    await admin.post(`/api/gift-items/${item.id}/movements`, { kind: 'in', quantity: 10, note: '采购入库', version: item.version });
    const settings = await admin.get<{ version: number }>('/api/gift-settings');
    await admin.put('/api/gift-settings', { recipientYearCap: 100_000, version: settings.version });

    // the specialist's account with a person to give to
    const spec = await apiAs('zhaolei');
    const accounts = await spec.get<{ items: { id: number; name: string }[] }>('/api/accounts?pageSize=50');
    let target: { account: { id: number; name: string }; contact: { id: number; name: string } } | undefined;
    for (const a of accounts.items) {
      const contacts = await spec.get<{ items: { id: number; name: string }[] }>(`/api/accounts/${a.id}/contacts`);
      if (contacts.items[0]) {
        target = { account: a, contact: contacts.items[0] };
        break;
      }
    }
    expect(target).toBeDefined();
    const { account, contact } = target!;

    const { page } = await browser();
    await signIn(page, 'zhaolei');
    await page.goto(`${baseUrl}/gifts/applications/new`);
    await pick(page, 'gift-form-account', account.name, account.name);
    await pick(page, 'gift-form-contact', contact.name);
    await pick(page, 'gift-form-item', GIFT, GIFT);
    await page.getByTestId('gift-form-quantity').fill('3');
    await page.getByTestId('gift-form-remark').fill('端午节问候');
    await expect.poll(() => page.getByTestId('gift-cap-notice').getAttribute('data-over-cap')).toBe('true');
    expect(await page.getByTestId('gift-form-value').innerText()).toContain('1,500.00');
    await shot(page, 'gifts-application-form');
    await page.getByTestId('gift-form-save').click();
    await page.waitForURL(/\/gifts\/applications\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('gift-over-cap-tag').waitFor();
    await page.getByTestId('gift-submit').click();
    await page.getByTestId('gift-withdraw').waitFor();

    // 部门负责人 → 礼品管理员 → 办公室 → 副总经理 approve; the application still waits for the GM
    const app = await spec.get<{ approvalId: number; status: string }>(`/api/gift-applications/${id}`);
    for (const u of ['zhangmingyuan', 'zhouting', 'sunli', 'lizhiqiang']) await (await apiAs(u)).post(`/api/approvals/${app.approvalId}/approve`, {});
    expect((await spec.get<{ status: string }>(`/api/gift-applications/${id}`)).status).toBe('pending');

    const gm = (await browser()).page;
    await signIn(gm, 'wangjianguo');
    await gm.goto(`${baseUrl}/approvals/${app.approvalId}`);
    await gm.getByTestId('approval-title').getByText('超年度限额').waitFor();
    await gm.getByTestId('approval-approve').click();
    await gm.getByTestId('approval-confirm').click();
    await gm.getByTestId('approval-approve').waitFor({ state: 'detached' });
    expect((await spec.get<{ status: string }>(`/api/gift-applications/${id}`)).status).toBe('approved');

    await page.goto(`${baseUrl}/gifts/applications/${id}/print`);
    const sheet = page.getByTestId('gift-print-sheet');
    await sheet.getByText('礼品馈赠申请表').waitFor();
    await sheet.getByText('超受礼人年度限额').waitFor();
    for (const name of ['张明远', '周婷', '孙丽', '李志强', '王建国']) await sheet.getByText(name).waitFor();
    await shot(page, 'gifts-print-view');
    // printed, only the A4 sheet remains (the app's menu and header are hidden)
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('header, .ant-layout-header') ?? document.body).visibility)).toBe('hidden');
    // Chromium's PDF printer: the form's own A4 portrait page setup, and the application fits one page
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const [, w, h] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
    expect(pdf.match(/\/Type\s*\/Page\b/g)!.length).toBe(1);
    await shot(page, 'gifts-print-media');
    await page.emulateMedia({ media: 'screen' });

    // the gift administrator issues it from stock: 10 − 3 boxes left
    const keeper = (await browser()).page;
    await signIn(keeper, 'zhouting');
    await keeper.goto(`${baseUrl}/gifts/applications/${id}`);
    await keeper.getByTestId('gift-issue').click();
    await keeper.locator('.ant-modal-confirm .ant-btn-primary').click();
    await keeper.getByTestId('gift-issue').waitFor({ state: 'detached' });
    await keeper.goto(`${baseUrl}/gifts/catalogue`);
    await expect.poll(() => keeper.getByTestId(`gift-stock-${item.id}`).innerText()).toBe('7 盒');
    await shot(keeper, 'gifts-catalogue');

    // on a phone the application reads without sideways scrolling
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/gifts/applications/${id}`);
    await page.getByTestId('gift-over-cap-tag').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'gifts-application-phone');
  });

  it('the account page’s 礼品馈赠 tab opens, and stays open on reload (issue 12: its key was missing)', async () => {
    const spec = await apiAs('zhaolei');
    const account = (await spec.get<{ items: { id: number }[] }>('/api/accounts?pageSize=1')).items[0]!;
    const { page } = await browser();
    await signIn(page, 'zhaolei');
    await page.goto(`${baseUrl}/accounts/${account.id}`);
    await page.getByRole('tab', { name: '礼品馈赠' }).click();
    await page.getByTestId('gift-plans').waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('gifts');
    await page.reload();
    await page.getByTestId('gift-plans').waitFor();
    await shot(page, 'gifts-account-tab');
  });
});
