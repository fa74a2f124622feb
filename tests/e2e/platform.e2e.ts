import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import admin from '../../src/shared/locales/zh-CN/admin.json';
import approvals from '../../src/shared/locales/zh-CN/approvals.json';
import auth from '../../src/shared/locales/zh-CN/auth.json';
import common from '../../src/shared/locales/zh-CN/common.json';
import notifications from '../../src/shared/locales/zh-CN/notifications.json';
import { type Browser, navTo, serverUrl, settled, shot, trackBrowsers } from './browser';
import { E2E_ADMIN_PASSWORD, E2E_DEMO_PASSWORD } from './global-setup';

/**
 * The platform journey of the issue: an admin creates a unit and a user; the user logs in, sees
 * only permitted navigation and files a general request; the KA director approves it from the
 * inbox; the submitter sees the outcome. Texts come from the zh-CN resources the UI renders.
 */

const baseUrl = serverUrl();
const UNIT_NAME = '华东拓展组';
const USER = { username: 'e2e_zhou', name: '周敏', initialPassword: 'Init@2026zm', newPassword: 'Zhou@2026new' };
const DIRECTOR = 'zhangmingyuan';
const DIRECTOR_NAME = '张明远';
const REQUEST_TITLE = `采购打印纸与硒鼓 ${Date.now().toString(36)}`;
const COMMENT = '同意采购，注意控制预算。';

const { browser } = trackBrowsers('platform');

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** A text field inside an antd control, wherever antd puts the data-testid (wrapper or input). */
function field(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/**
 * Opens an antd Select / TreeSelect by its test id and clicks the option with this text once the
 * dropdown has finished sliding in; then waits until the control shows the choice.
 */
async function pick(page: Page, testId: string, text: string, kind: 'select' | 'tree' = 'select') {
  const control = page.getByTestId(testId);
  await control.click();
  const option = kind === 'tree' ? page.locator('.ant-select-tree-title', { hasText: text }) : page.locator('.ant-select-item-option', { hasText: text });
  await option.filter({ visible: true }).first().waitFor();
  await settled(page);
  await option.filter({ visible: true }).first().click();
  await control.getByText(text).first().waitFor();
}

async function closeDropdowns(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown').filter({ visible: true }).first().waitFor({ state: 'hidden' });
}

/** Waits until the page's unread-notification badge shows at least `min`. */
async function bellCount(page: Page, min: number) {
  await page.waitForFunction(
    (m) => {
      const sup = document.querySelector('[data-testid="bell-count"] sup');
      const n = Number(sup?.getAttribute('title') ?? sup?.textContent ?? '0');
      return n >= m;
    },
    min,
    { timeout: 30_000 },
  );
  const sup = page.getByTestId('bell-count').locator('sup');
  return Number((await sup.getAttribute('title')) ?? (await sup.textContent()));
}

describe('platform journeys', () => {
  let submitter: Browser;
  let requestUrl = '';

  it('the admin creates a team unit under 大客户部 and a user in it', async () => {
    const { page } = await browser();
    await signIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.getByTestId('nav-area-system').waitFor();
    await shot(page, 'platform-01-admin-home');

    await navTo(page, '/admin/org-units');
    // The head office's 大客户部 is the one with code KA; the provinces have their own 大客户部.
    const kaRow = page.locator('tr', { has: page.getByRole('cell', { name: 'KA', exact: true }) });
    await kaRow.waitFor();
    await kaRow.locator('[data-testid^="unit-add-child-"]').click();
    await field(page, 'unit-name').fill(UNIT_NAME);
    await pick(page, 'unit-kind', admin.units.kinds.team);
    await shot(page, 'platform-02-unit-form', { fullPage: false });
    await page.getByTestId('unit-save').click();

    const unitRow = page.locator('tr', { hasText: UNIT_NAME });
    await unitRow.waitFor();
    await expect(unitRow.innerText()).resolves.toContain(admin.units.kinds.team);
    // Nested under 大客户部, which is itself under 总部: level 2 of the tree table.
    await expect(unitRow.getAttribute('class')).resolves.toMatch(/ant-table-row-level-2/);
    await shot(page, 'platform-03-unit-created');

    await navTo(page, '/admin/users');
    await page.getByTestId('user-create').click();
    await field(page, 'user-username').fill(USER.username);
    await field(page, 'user-name').fill(USER.name);
    await pick(page, 'user-unit', UNIT_NAME, 'tree');
    await pick(page, 'user-positions', admin.positions.field_specialist);
    await closeDropdowns(page);
    // the position brings its default role with it
    await expect(page.getByTestId('user-roles').innerText()).resolves.toContain(`${common.roles.specialist} · ${admin.roles.scopes.own}`);
    await field(page, 'user-password').fill(USER.initialPassword);
    await shot(page, 'platform-04-user-form', { fullPage: false });
    await page.getByTestId('user-save').click();

    await page.getByTestId(`user-open-${USER.username}`).waitFor();
    const userRow = page.locator('tr', { has: page.getByTestId(`user-open-${USER.username}`) });
    const text = await userRow.innerText();
    expect(text).toContain(USER.name);
    // the unit with its place in the tree: several units are called 大客户部
    expect(text).toContain(`大客户部 / ${UNIT_NAME}`);
    expect(text).toContain(admin.positions.field_specialist);
    expect(text).toContain(common.roles.specialist);
    await shot(page, 'platform-05-user-created');
  });

  it('the new user changes the initial password, sees only permitted areas and files a general request', async () => {
    submitter = await browser();
    const { page } = submitter;
    await signIn(page, USER.username, USER.initialPassword);

    const forced = page.getByTestId('forced-password-change');
    await forced.waitFor();
    await expect(forced.innerText()).resolves.toContain(auth.changePassword.forcedTitle);
    await shot(page, 'platform-06-forced-password-change');
    await forced.getByLabel(auth.changePassword.currentPassword, { exact: true }).fill(USER.initialPassword);
    await forced.getByLabel(auth.changePassword.newPassword, { exact: true }).fill(USER.newPassword);
    await forced.getByLabel(auth.changePassword.confirmPassword, { exact: true }).fill(USER.newPassword);
    await forced.locator('button[type="submit"]').click();

    const approvalsArea = page.getByTestId('nav-area-approvals');
    await approvalsArea.waitFor();
    await expect(approvalsArea.innerText()).resolves.toContain(common.areas.approvals);
    await expect(page.getByTestId('nav').innerText()).resolves.not.toContain(common.areas.system);
    expect(await page.getByTestId('nav-area-system').count()).toBe(0);
    await shot(page, 'platform-07-user-home');

    await page.goto(`${baseUrl}/admin/users`);
    await page.getByTestId('page-403').waitFor();
    await shot(page, 'platform-08-user-403');

    await navTo(page, '/requests/new');
    await field(page, 'request-title').fill(REQUEST_TITLE);
    await pick(page, 'request-category', approvals.categories.office_supplies);
    await field(page, 'request-amount').fill('800.00');
    await field(page, 'request-description').fill('华东拓展组新成员入职，需要打印纸 10 包、硒鼓 2 个。');
    await shot(page, 'platform-09-request-form');
    await page.getByTestId('request-submit').click();

    const status = page.getByTestId('request-status');
    await status.waitFor();
    await expect(page.getByTestId('request-view-title').innerText()).resolves.toBe(REQUEST_TITLE);
    await page.waitForFunction((s) => document.querySelector('[data-testid="request-status"]')?.textContent?.includes(s), common.status.pending);
    await expect(page.locator('body').innerText()).resolves.toContain('800.00');
    requestUrl = page.url();
    expect(requestUrl).toMatch(/\/requests\/\d+$/);
    await shot(page, 'platform-10-request-pending');
  });

  it('the KA director approves it from the inbox and the submitter is told', async () => {
    expect(requestUrl, 'the request of the previous journey').not.toBe('');
    const { page } = await browser();
    await signIn(page, DIRECTOR, E2E_DEMO_PASSWORD);
    // the home page's widgets come from the rooms: the director's figures include what waits for him, and it leads to the inbox
    const inbox = page.getByTestId('home-stat-approvals');
    await expect.poll(async () => Number((await inbox.locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('home-stat-tasks').waitFor();
    await page.getByTestId('home-notifications').waitFor();
    await inbox.click();
    await page.getByTestId('approvals-tab-inbox').waitFor();
    await navTo(page, '/approvals');
    await page.getByTestId('approvals-tab-inbox').waitFor();
    await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toContain(approvals.boxes.inbox);
    const link = page.getByRole('link', { name: REQUEST_TITLE, exact: true });
    await link.waitFor();
    await shot(page, 'platform-11-director-inbox');
    await link.click();

    await page.getByTestId('approval-title').waitFor();
    await expect(page.getByTestId('approval-title').innerText()).resolves.toBe(REQUEST_TITLE);
    await page.getByTestId('approval-approve').click();
    await field(page, 'approval-comment-input').fill(COMMENT);
    await shot(page, 'platform-12-approve-dialog', { fullPage: false });
    await page.getByTestId('approval-confirm').click();

    // The header tag turns to 已通过 and the action buttons go away.
    await page.getByTestId('approval-approve').waitFor({ state: 'detached' });
    await page.waitForFunction((st) => document.querySelector('[data-testid="approval-status"]')?.textContent === st, common.status.approved);
    // One step for ≤ ¥5,000: the director of the submitter's department, now approved with the comment.
    const steps = page.locator('[data-testid^="approval-step-"]');
    expect(await steps.count()).toBe(1);
    const step = await steps.innerText();
    expect(step).toContain(DIRECTOR_NAME);
    expect(step).toContain(COMMENT);
    // The history, oldest first: the submission by the user, then the approval by the director.
    const events = page.getByTestId('approval-timeline').locator('[data-testid^="approval-event-"]');
    await events.nth(1).waitFor();
    const history = await events.allInnerTexts();
    expect(history).toHaveLength(2);
    expect(history[0]).toContain(USER.name);
    expect(history[0]).toContain(approvals.events.submit);
    expect(history[1]).toContain(`${DIRECTOR_NAME} ${approvals.events.approve}`);
    expect(history[1]).toContain(COMMENT);
    await shot(page, 'platform-13-approved');

    const s = submitter.page;
    await s.goto(requestUrl);
    await s.getByTestId('request-status').waitFor();
    await s.waitForFunction((st) => document.querySelector('[data-testid="request-status"]')?.textContent?.includes(st), common.status.approved);
    expect(await bellCount(s, 1)).toBeGreaterThanOrEqual(1);
    await s.getByTestId('bell').click();
    const approvedText = notifications.kinds['approval.approved'].replace('{{title}}', REQUEST_TITLE);
    await s.getByTestId('bell-panel').getByText(approvedText).waitFor();
    await shot(s, 'platform-14-submitter-approved');
  });

  it('on a phone the director opens the drawer and the approval boxes without horizontal overflow', async () => {
    const { page } = await browser({ width: 390, height: 844 });
    const noOverflow = async () => {
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      expect(widths.doc).toBeLessThanOrEqual(390 + 1);
      expect(widths.body).toBeLessThanOrEqual(390 + 1);
    };
    await signIn(page, DIRECTOR, E2E_DEMO_PASSWORD);
    await page.getByTestId('home-greeting').waitFor();
    await noOverflow();
    await page.getByTestId('nav-open').click();
    const area = page.getByTestId('nav-area-approvals');
    await area.waitFor();
    await expect(area.innerText()).resolves.toContain(common.areas.approvals);
    await shot(page, 'platform-15-phone-drawer', { fullPage: false });
    await navTo(page, '/approvals');
    await area.waitFor({ state: 'hidden' });
    await expect(page.getByTestId('approvals-tab-inbox').innerText()).resolves.toContain(approvals.boxes.inbox);
    await noOverflow();
    await shot(page, 'platform-16-phone-inbox');

    // The wide table scrolls inside its card; the page itself must not.
    await page.getByTestId('approvals-tab-done').click();
    await page.getByRole('link', { name: REQUEST_TITLE, exact: true }).waitFor();
    await noOverflow();
    await shot(page, 'platform-17-phone-done');
  });
});

/** The number on the list's current page button. */
const currentPage = (page: Page) => page.locator('.ant-pagination-item-active').innerText();

describe('list state in the URL', () => {
  it('Back returns the users list and the audit log to the filter and page they had', async () => {
    const { page } = await browser();
    await signIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.getByTestId('nav-area-system').waitFor();
    const get = async <T,>(path: string) => (await (await page.request.get(`${baseUrl}${path}`)).json()) as T;
    // enough active users for a second page of ten, and an audited record type with more than one page of twenty
    const activeUsers = (await get<{ total: number }>('/api/users?status=active&pageSize=10')).total;
    expect(activeUsers).toBeGreaterThan(10);
    const entries = (await get<{ items: { entity: string }[] }>('/api/audit?pageSize=200')).items;
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.entity, (counts.get(e.entity) ?? 0) + 1);
    const [entity, entityCount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(entityCount, `audit entries of ${entity}`).toBeGreaterThan(20);

    // users: only the active ones, ten a page, the second page
    await navTo(page, '/admin/users');
    await page.getByTestId('user-open-admin').waitFor();
    await pick(page, 'user-filter-status', admin.users.statuses.active);
    await page.waitForURL(/\/admin\/users\?status=active$/);
    await page.locator('.ant-pagination-options .ant-select').click();
    const ten = page.locator('.ant-select-item-option', { hasText: '10' }).filter({ visible: true }).first();
    await ten.waitFor();
    await settled(page);
    await ten.click();
    await page.waitForURL(/\/admin\/users\?status=active&pageSize=10$/);
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/\/admin\/users\?status=active&page=2&pageSize=10$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(10, activeUsers - 10));

    // the audit log: one record type, its second page
    await navTo(page, '/admin/audit');
    await page.waitForURL(/\/admin\/audit$/);
    await field(page, 'audit-entity').fill(entity);
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-search').click();
    await page.waitForURL(new RegExp(`/admin/audit\\?entity=${entity}$`));
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(new RegExp(`/admin/audit\\?entity=${entity}&page=2$`));
    await expect.poll(() => currentPage(page)).toBe('2');
    await shot(page, 'platform-18-audit-filtered-page-2');

    // somewhere else, then Back through the list states, newest first
    await navTo(page, '/admin/org-units');
    await page.waitForURL(/\/admin\/org-units$/);

    await page.goBack();
    await page.waitForURL(new RegExp(`/admin/audit\\?entity=${entity}&page=2$`));
    await expect.poll(() => field(page, 'audit-entity').inputValue()).toBe(entity);
    await expect.poll(() => currentPage(page)).toBe('2');
    await expect.poll(async () => (await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()).length).toBeGreaterThan(0);
    await shot(page, 'platform-19-audit-back');
    await page.goBack();
    await page.waitForURL(new RegExp(`/admin/audit\\?entity=${entity}$`));
    await expect.poll(() => currentPage(page)).toBe('1');
    await expect.poll(() => field(page, 'audit-entity').inputValue()).toBe(entity);
    await page.goBack();
    await page.waitForURL(/\/admin\/audit$/);
    await expect.poll(() => field(page, 'audit-entity').inputValue()).toBe('');

    await page.goBack();
    await page.waitForURL(/\/admin\/users\?status=active&page=2&pageSize=10$/);
    await expect.poll(() => page.getByTestId('user-filter-status').innerText()).toContain(admin.users.statuses.active);
    await expect.poll(() => currentPage(page)).toBe('2');
    await expect.poll(() => rows.count()).toBe(Math.min(10, activeUsers - 10));
    await expect(page.locator('.ant-pagination-options').innerText()).resolves.toContain('10');
    await shot(page, 'platform-20-users-back');
    await page.goBack();
    await page.waitForURL(/\/admin\/users\?status=active&pageSize=10$/);
    await expect.poll(() => currentPage(page)).toBe('1');
    await page.goBack();
    await page.waitForURL(/\/admin\/users\?status=active$/);
    await page.goBack();
    await page.waitForURL(/\/admin\/users$/);
    await expect.poll(() => page.getByTestId('user-filter-status').innerText()).not.toContain(admin.users.statuses.active);
  });
});

