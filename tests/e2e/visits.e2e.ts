import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import errors from '../../src/shared/locales/zh-CN/errors.json';
import expenses from '../../src/shared/locales/zh-CN/expenses.json';
import visits from '../../src/shared/locales/zh-CN/visits.json';
import { serverUrl, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * The visit loop (issue 5 items 1, 12 and 15): a field specialist plans a visit, the KA director
 * approves it from the approval page, the specialist checks in on a phone (390 px) with the
 * browser's position granted, records result B and a next visit, submits the report; a claim for
 * the visit is refused until the director has approved the report; then the claim goes through
 * 客户总监 → 财务经理 in the approvals inbox and finance pays it; the director reads the day's visit
 * in the team daily report and its A4 print (ACT-4). The account and its contact are created
 * through the API.
 */

const baseUrl = serverUrl();
const SPECIALIST = 'zhaolei';
const DIRECTOR = 'zhangmingyuan';
const run = Date.now().toString(36).slice(-5);
const ACCOUNT_NAME = `拜访演练${run}股份有限公司`;
const FINANCE = 'wufang';
const CLAIM_TITLE = `拜访费用 ${ACCOUNT_NAME}`;

const { browser } = trackBrowsers('visits');

async function apiPost<T>(page: Page, url: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${baseUrl}${url}`, { headers: { 'x-csrf-token': me.csrfToken }, data });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

const statusText = (page: Page) => page.getByTestId('visit-status').first().innerText();

async function pickDateTime(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  // the picker's OK button confirms (Enter would submit the whole form)
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();
}

/** Opens 新建报销单 from the claims list and fills a visit line for this journey's visit (amount and date come from the visit). */
async function fillVisitClaim(page: Page, waiting: boolean) {
  await page.goto(`${baseUrl}/expenses`);
  await page.getByTestId('expense-new').click();
  await page.getByTestId('expense-form').waitFor();
  await page.getByTestId('expense-title').fill(CLAIM_TITLE);
  await page.getByTestId('expense-line-0-ref').click();
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: ACCOUNT_NAME });
  // the visit's spend in the one money display (元 unless the reader prefers 万元)
  await expect(option.innerText()).resolves.toContain('86.50 元');
  expect((await option.innerText()).includes(expenses.form.waiting.submitted)).toBe(waiting);
  await settled(page);
  await option.click();
  await expect(page.getByTestId('expense-line-0-amount').inputValue()).resolves.toBe('86.50');
  // the day the visit took place: its check-in (today, in business time), not the planned day
  await expect(page.getByTestId('expense-line-0-date').inputValue()).resolves.toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  // the category is picked from the expense categories budgets use, not typed
  await page.getByTestId('expense-line-0-category').click();
  await page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: /^交通费$/ }).click();
  await page.getByTestId('expense-line-0-note').fill('拜访往返出租车');
}

/** Saves the form and waits for the server's answer to the claim. */
async function saveClaim(page: Page) {
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/expense-claims') && r.request().method() === 'POST'), page.getByTestId('expense-save').click()]);
  return res;
}

/** An approver opens the claim from the approvals inbox (searched by its title) and approves it. */
async function approveFromInbox(page: Page, username: string) {
  await signIn(page, username);
  await page.goto(`${baseUrl}/approvals`);
  const search = page.getByTestId('approvals-search').locator('input');
  await search.fill(CLAIM_TITLE);
  await search.press('Enter');
  await page.getByRole('link', { name: `费用报销：${CLAIM_TITLE}` }).click();
  await approveOpenApproval(page);
}

/** On an approval's page: 同意, then the dialog's confirmation once it has finished opening (a click mid-animation can be lost on a loaded machine). */
async function approveOpenApproval(page: Page) {
  await page.getByTestId('approval-approve').click();
  await page.getByTestId('approval-confirm').waitFor();
  await settled(page);
  await page.getByTestId('approval-confirm').click();
  await page.getByTestId('approval-approve').waitFor({ state: 'detached' });
}

const claimStatus = (page: Page, status: keyof typeof expenses.statuses) => page.getByTestId('expense-status').getByText(expenses.statuses[status], { exact: true }).waitFor();

describe('visit loop', () => {
  let visitUrl = '';

  it('the specialist plans a visit and submits it; the director approves it', async () => {
    const { page } = await browser();
    await signIn(page, SPECIALIST);
    const account = await apiPost<{ id: number }>(page, '/api/accounts', { name: ACCOUNT_NAME, address: '南京市鼓楼区中山路 1 号' });
    await apiPost(page, '/api/contacts', { accountId: account.id, name: '钱主任', title: '信息中心主任' });

    await page.goto(`${baseUrl}/visits/new?accountId=${account.id}`);
    await page.getByTestId('visit-form').waitFor();
    await page.getByTestId('visit-contacts').click();
    await page.getByTitle('钱主任（信息中心主任）').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('visit-purpose').getByText(visits.purposes.relationship).click();
    await pickDateTime(page, 'visit-planned-at', '2026-12-20 10:00');
    await page.getByTestId('visit-add-resource').click();
    await page.getByTestId('visit-budget').fill('300');
    await page.getByTestId('visit-save').click();
    await page.waitForURL(/\/visits\/\d+$/);
    visitUrl = new URL(page.url()).pathname;
    await expect(statusText(page)).resolves.toBe(visits.statuses.draft);
    await page.getByTestId('visit-submit').click();
    await page.waitForFunction((s) => document.querySelector('[data-testid="visit-status"]')?.textContent === s, visits.statuses.pending);
    await shot(page, 'visits-01-submitted');

    const d = (await browser()).page;
    await signIn(d, DIRECTOR);
    await d.goto(`${baseUrl}${visitUrl}`);
    await d.getByRole('link', { name: visits.actions.openApproval }).click();
    // the director decides on the approval page: the plan itself is there (account, contact, the ¥300 budget)
    const doc = d.getByTestId('approval-document');
    await doc.getByText(ACCOUNT_NAME).waitFor();
    await doc.getByText('钱主任（信息中心主任）').waitFor();
    await expect(doc.innerText()).resolves.toContain('300.00');
    await shot(d, 'visits-01b-approval-document');
    await approveOpenApproval(d);
  });

  it('on a phone the specialist checks in with the granted position, records result B and a next visit, and reports', async () => {
    const b = await browser({ width: 390, height: 844 });
    const { page, context } = b;
    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation({ latitude: 32.0603, longitude: 118.7969, accuracy: 20 });
    await signIn(page, SPECIALIST);
    await page.goto(`${baseUrl}${visitUrl}`);
    await page.getByTestId('visit-check-in-geo').waitFor();
    await expect(statusText(page)).resolves.toBe(visits.statuses.approved);
    await shot(page, 'visits-02-check-in-390');
    await page.getByTestId('visit-check-in-geo').click();
    await page.getByTestId('visit-checked-in').waitFor();
    await expect(page.getByTestId('visit-checked-in').innerText()).resolves.toContain('32.06030, 118.79690');

    const form = page.getByTestId('visit-record-form');
    await form.waitFor();
    await expect(page.getByTestId('visit-met-name').inputValue()).resolves.toBe('钱主任');
    await page.getByTestId('visit-customerSituation').fill('明年计划扩建数据中心');
    await page.getByTestId('visit-discussed').fill('介绍了托管方案，客户愿意安排技术交流');
    await page.getByTestId('visit-concerns').fill('价格与服务响应时间');
    await page.getByTestId('visit-result-B').click();
    await page.getByTestId('visit-add-expense').click();
    await form.getByPlaceholder(visits.fields.expenseItem).fill('交通费');
    await form.getByPlaceholder(visits.fields.amount).fill('86.5');
    await pickDateTime(page, 'visit-next-visit', '2026-12-28 14:30');
    await shot(page, 'visits-03-record-390');
    await page.getByTestId('visit-record-save').click();
    await page.getByTestId('visit-record').waitFor();
    await expect(page.getByTestId('visit-result-text').innerText()).resolves.toBe(visits.results.B);
    await expect(statusText(page)).resolves.toBe(visits.statuses.recorded);
    await page.getByTestId('visit-submit-report').click();
    await page.waitForFunction((s) => document.querySelector('[data-testid="visit-report-status"]')?.textContent === s, visits.reportStatuses.submitted);
    await shot(page, 'visits-04-reported-390');

    const tasks = (await (await page.request.get(`${baseUrl}/api/tasks?pageSize=100`)).json()) as { items: { title: string; dueAt: string }[] };
    const titles = tasks.items.map((x) => x.title);
    expect(titles).toContain(`拜访回访：${ACCOUNT_NAME}`);
    expect(titles).toContain(`下次拜访：${ACCOUNT_NAME}`);
  });

  it('before the report is approved, a claim for the visit is refused with the reason at its line', async () => {
    const { page } = await browser();
    await signIn(page, SPECIALIST);
    await fillVisitClaim(page, true);
    const res = await saveClaim(page);
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { details: { issues: { path: string; key: string }[] } } };
    expect(body.error.details.issues.map((i) => `${i.path} ${i.key}`)).toEqual(['lines.0.refId expenses.reportNotApproved']);
    // the reason shows under the line's record field, and nothing was saved
    const explain = page.getByTestId('expense-line-0').locator('.ant-form-item-explain-error');
    await explain.getByText(errors.expenses.reportNotApproved).waitFor();
    expect(new URL(page.url()).pathname).toBe('/expenses/new');
    await shot(page, 'visits-05-claim-refused');
    const mine = (await (await page.request.get(`${baseUrl}/api/expense-claims?box=mine`)).json()) as { items: { title: string }[] };
    expect(mine.items.map((c) => c.title)).not.toContain(CLAIM_TITLE);
  });

  it('the director approves the report from the review queue', async () => {
    const { page } = await browser();
    await signIn(page, DIRECTOR);
    await page.goto(`${baseUrl}/visits?box=review`);
    const id = visitUrl.split('/').pop();
    await page.getByTestId(`visit-link-${id}`).click();
    await page.getByTestId('visit-review-comment').fill('记录完整，按计划跟进');
    await page.getByTestId('visit-review-approve').click();
    await page.waitForFunction((s) => document.querySelector('[data-testid="visit-report-status"]')?.textContent === s, visits.reportStatuses.approved);
    await shot(page, 'visits-06-report-approved');
    await page.goto(`${baseUrl}${visitUrl}/print`);
    await page.getByTestId('visit-print-sheet').waitFor();
    await expect(page.getByTestId('visit-print-sheet').innerText()).resolves.toContain(ACCOUNT_NAME);
    await shot(page, 'visits-07-print');
    // printed, only the sheet shows
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('visit-print-button').isVisible()).resolves.toBe(false);
    await shot(page, 'visits-08-print-media', { fullPage: false });
  });

  it('with the report approved the specialist claims the visit; director and finance approve it and finance pays', async () => {
    const { page } = await browser();
    await signIn(page, SPECIALIST);
    await fillVisitClaim(page, false);
    expect((await saveClaim(page)).status()).toBe(201);
    await page.waitForURL(/\/expenses\/\d+$/);
    const claimUrl = new URL(page.url()).pathname;
    await claimStatus(page, 'draft');
    await page.getByTestId('expense-submit').click();
    await claimStatus(page, 'pending');

    // 客户总监 → 财务经理 (¥86.50 is far below the GM's ¥20,000), one browser signed in as each in turn
    const finance = (await browser()).page;
    await approveFromInbox(finance, DIRECTOR);
    await finance.context().clearCookies();
    await approveFromInbox(finance, FINANCE);

    // finance pays it from the payout box
    await finance.goto(`${baseUrl}/expenses/finance`);
    await finance.getByTestId('expense-claims').getByRole('link', { name: CLAIM_TITLE }).click();
    await claimStatus(finance, 'approved');
    await finance.getByTestId('expense-pay').click();
    // the confirmation once it has finished opening (a click mid-animation can be lost on a loaded machine)
    await finance.getByTestId('expense-pay-confirm').waitFor();
    await settled(finance);
    await finance.getByTestId('expense-pay-confirm').click();
    await claimStatus(finance, 'paid');
    await expect(finance.getByTestId('expense-pay').count()).resolves.toBe(0);

    // the specialist sees it paid, by whom
    await page.goto(`${baseUrl}${claimUrl}`);
    await claimStatus(page, 'paid');
    await expect(page.getByTestId('expense-paid-by').innerText()).resolves.toMatch(/^吴芳 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const ref = page.getByTestId('expense-line-ref-1');
    await expect(ref.innerText()).resolves.toBe(ACCOUNT_NAME);
    await expect(ref.getAttribute('href')).resolves.toBe(visitUrl);
    await shot(page, 'visits-09-claim-paid');
    await page.goto(`${baseUrl}/expenses`);
    await page.getByTestId('expense-claims').getByRole('row', { name: CLAIM_TITLE }).getByText(expenses.statuses.paid).waitFor();
  });

  it("the director finds the day's visit in the team daily report and prints the 客户拜访日报表", async () => {
    const { page } = await browser();
    await signIn(page, DIRECTOR);
    await page.goto(`${baseUrl}/daily-reports/team`);
    await page.getByTestId('team-table').getByRole('link', { name: '赵磊' }).click();
    await page.waitForURL(/\/daily-reports\?/);
    await page.getByTestId('daily-rows').getByText(ACCOUNT_NAME).waitFor();
    await expect(page.getByTestId('daily-count-visits').innerText()).resolves.toMatch(/[1-9]/);
    await shot(page, 'visits-10-daily-report');
    await page.getByTestId('daily-print').click();
    await page.getByTestId('daily-print-sheet').waitFor();
    await expect(page.getByTestId('daily-print-sheet').innerText()).resolves.toContain(ACCOUNT_NAME);
    await shot(page, 'visits-11-daily-print');
  });
});
