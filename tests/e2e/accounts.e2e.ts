import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COVERAGE_WEIGHTS, type CoverageFlagCode } from '../../src/shared/contracts/contacts';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../src/shared/domain/credit-code';
import accounts from '../../src/shared/locales/zh-CN/accounts.json';
import contacts from '../../src/shared/locales/zh-CN/contacts.json';
import { serverUrl, settled, shot, trackBrowsers } from './browser';
import { E2E_DEMO_PASSWORD } from './global-setup';

/**
 * The account archive and key people journey (issue 3 item 12, the parts that exist): a field
 * specialist creates an account, fixing a mistyped credit code on the way, records three key
 * people and a relationship change and watches the coverage react; the KA director finds the
 * account by its pinyin initials; on a phone the key-people tab fits the screen. The account is
 * this run's own, so the demo archive around it does not matter.
 */

const baseUrl = serverUrl();
const SPECIALIST = 'zhaolei';
const SPECIALIST_NAME = '赵磊';
const DIRECTOR = 'zhangmingyuan';

/**
 * Characters whose pinyin is unambiguous, with their initials: a random run-specific prefix of
 * four gives the account a unique name and lets the test know the initials a user would type.
 */
const INITIALS: Record<string, string> = {
  安: 'a', 博: 'b', 成: 'c', 达: 'd', 丰: 'f', 光: 'g', 华: 'h', 嘉: 'j', 凯: 'k', 联: 'l', 明: 'm',
  宁: 'n', 平: 'p', 清: 'q', 瑞: 'r', 森: 's', 泰: 't', 伟: 'w', 兴: 'x', 远: 'y', 智: 'z',
};
const pool = Object.keys(INITIALS);
const prefix = Array.from({ length: 4 }, () => pool[Math.floor(Math.random() * pool.length)]).join('');
const ACCOUNT_NAME = `${prefix}科技有限公司`;
const ACCOUNT_INITIALS = [...prefix].map((c) => INITIALS[c]).join('') + 'kjyxgs';

const first17 = `91310000${Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)]).join('')}`;
const check = creditCodeCheckChar(first17)!;
const VALID_CODE = first17 + check;
const WRONG_CODE = first17 + CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(check) + 1) % CREDIT_CODE_CHARSET.length];

const PEOPLE = {
  decider: { name: '钱振国', title: '总经理' },
  user: { name: '孙晓梅', title: '信息中心主任' },
  buyer: { name: '李建军', title: '采购部经理' },
};
const EVIDENCE = '11 月 20 日拜访，钱总认可我方方案，约定下周安排技术交流。';

const { browser, open } = trackBrowsers('accounts');

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

function field(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** The form item around a control, where antd shows that field's error. */
function formItem(page: Page, testId: string): Locator {
  return page.locator('.ant-form-item', { has: page.getByTestId(testId) }).first();
}

const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Picks the option with exactly this text in an antd Select once its dropdown has slid in. */
async function pick(page: Page, testId: string, text: string) {
  const control = page.getByTestId(testId);
  await control.click();
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: exact(text) }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
  await control.getByText(text, { exact: true }).first().waitFor();
}

async function closeDropdowns(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown').filter({ visible: true }).first().waitFor({ state: 'hidden' });
}

const score = async (page: Page) => Number(await page.getByTestId('coverage-score').innerText());
const expectedScore = (flags: CoverageFlagCode[]) => 100 - flags.reduce((s, f) => s + COVERAGE_WEIGHTS[f], 0);
async function waitForScore(page: Page, value: number) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="coverage-score"]')?.textContent === String(v), value);
}

async function addContact(page: Page, person: { name: string; title: string }, choices: { buyingRole: string; keyRoles?: string[]; layer?: string }) {
  await page.getByTestId('contact-add').click();
  const name = field(page, 'contact-name');
  await name.waitFor();
  await settled(page);
  await name.fill(person.name);
  await field(page, 'contact-title').fill(person.title);
  await pick(page, 'contact-buying-role', choices.buyingRole);
  if (choices.keyRoles) {
    for (const r of choices.keyRoles) await pick(page, 'contact-key-roles', r);
    await closeDropdowns(page);
  }
  if (choices.layer) await pick(page, 'contact-layer', choices.layer);
  await page.getByTestId('contact-save').click();
  await name.waitFor({ state: 'detached' });
  await contactRow(page, person.name).waitFor();
}

function contactRow(page: Page, name: string): Locator {
  return page.locator('[data-testid^="contact-row-"]', { hasText: name }).first();
}

describe('account archive and key people journeys', () => {
  let accountId = 0;

  it('the specialist creates an account, correcting a mistyped credit code, and lands on its 360 page', async () => {
    const { page } = await browser();
    await signIn(page, SPECIALIST);
    await page.goto(`${baseUrl}/accounts/new`);
    await field(page, 'account-name').fill(ACCOUNT_NAME);

    const code = field(page, 'account-credit-code');
    await code.fill(WRONG_CODE);
    const codeItem = formItem(page, 'account-credit-code');
    await codeItem.locator('.ant-form-item-explain-error', { hasText: accounts.form.creditCode.checkDigit }).waitFor();
    await shot(page, 'accounts-01-credit-code-error', { fullPage: false });

    await code.fill(VALID_CODE);
    await codeItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    await field(page, 'account-industry').fill('软件和信息技术服务业');
    await field(page, 'account-province').fill('上海市');
    await field(page, 'account-city').fill('上海市');
    await page.getByTestId('account-save').click();

    await page.waitForURL(/\/accounts\/\d+$/);
    accountId = Number(/\/accounts\/(\d+)$/.exec(page.url())![1]);
    await expect(page.getByTestId('account-title').innerText()).resolves.toContain(ACCOUNT_NAME);
    const completeness = await page.getByTestId('account-completeness').innerText();
    expect(completeness).toMatch(/^\d+%$/);
    const percent = Number(completeness.replace('%', ''));
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
    // What was entered counts; what was not is listed to complete.
    const missing = page.getByTestId('account-missing');
    await expect(missing.innerText()).resolves.toContain(accounts.fields.shortName);
    expect(await page.getByTestId('account-missing-shortName').count()).toBe(1);
    for (const filled of ['name', 'creditCode', 'industry', 'province', 'city']) expect(await page.getByTestId(`account-missing-${filled}`).count(), filled).toBe(0);
    await shot(page, 'accounts-02-created-360');
  });

  it('the specialist records three key people and a relationship change; coverage follows', async () => {
    expect(accountId, 'the account of the previous journey').toBeGreaterThan(0);
    const { page } = open[0];
    await page.getByRole('tab', { name: contacts.tab }).click();
    await page.getByTestId('contact-add').waitFor();

    // Nobody yet: every gap that needs no particular person is raised.
    const empty: CoverageFlagCode[] = ['no_decision_maker', 'single_threaded', 'no_insider', 'decision_layer_uncovered'];
    await waitForScore(page, expectedScore(empty));
    const badge = page.getByTestId('account-coverage');
    for (const f of empty) await expect(badge.getByTestId(`coverage-flag-${f}`).innerText()).resolves.toBe(contacts.coverage.flags[f]);

    await addContact(page, PEOPLE.decider, { buyingRole: contacts.buyingRoles.decision_maker, keyRoles: [contacts.keyRoles.key_person], layer: contacts.layers.decision });
    await addContact(page, PEOPLE.user, { buyingRole: contacts.buyingRoles.user });
    await addContact(page, PEOPLE.buyer, { buyingRole: contacts.buyingRoles.buyer, keyRoles: [contacts.keyRoles.insider] });

    // Decision maker, more than one thread and an insider now; the decision layer is still only acquainted.
    await waitForScore(page, expectedScore(['decision_layer_uncovered']));
    for (const f of ['no_decision_maker', 'single_threaded', 'no_insider']) expect(await badge.getByTestId(`coverage-flag-${f}`).count(), f).toBe(0);
    await expect(badge.getByTestId('coverage-flag-decision_layer_uncovered').innerText()).resolves.toBe(contacts.coverage.flags.decision_layer_uncovered);
    const buyerRow = await contactRow(page, PEOPLE.buyer.name).innerText();
    expect(buyerRow).toContain(contacts.buyingRoles.buyer);
    expect(buyerRow).toContain(contacts.keyRoles.insider);
    await expect(contactRow(page, PEOPLE.decider.name).innerText()).resolves.toContain(contacts.keyRoles.key_person);
    await shot(page, 'accounts-03-three-contacts');
    const before = await score(page);

    const decider = contactRow(page, PEOPLE.decider.name);
    await decider.locator('[data-testid^="contact-actions-"]').click();
    await page.getByTestId('relationship-change').filter({ visible: true }).click();
    await page.getByTestId('relationship-support').waitFor();
    await settled(page);
    await pick(page, 'relationship-support', contacts.supports['1']);
    await pick(page, 'relationship-stage', contacts.stages.interested);
    await pick(page, 'relationship-closeness', '3');
    await field(page, 'relationship-evidence').fill(EVIDENCE);
    await shot(page, 'accounts-04-relationship-change', { fullPage: false });
    await page.getByTestId('relationship-save').click();
    await page.getByTestId('relationship-support').waitFor({ state: 'detached' });

    // Closer to the decision layer: that gap closes and nothing is left.
    await waitForScore(page, expectedScore([]));
    expect(await score(page)).toBeGreaterThan(before);
    expect(await badge.getByTestId('coverage-flag-decision_layer_uncovered').count()).toBe(0);
    await expect(badge.innerText()).resolves.toContain(contacts.coverage.noFlags);
    const row = await decider.innerText();
    expect(row).toContain(contacts.supports['1']);
    expect(row).toContain(contacts.stages.interested);

    // The history keeps each changed field with who changed it and why.
    await decider.locator('[data-testid^="contact-actions-"]').click();
    await page.getByTestId('relationship-change').filter({ visible: true }).click();
    const history = page.getByTestId('relationship-history');
    // The dialog may first show the cached history from before the change while it refetches.
    await history.locator('li.ant-timeline-item', { hasText: EVIDENCE }).nth(2).waitFor();
    // Newest first: one entry per changed field, each carrying the evidence, above the states recorded at creation.
    const entries = await history.locator('li.ant-timeline-item').allInnerTexts();
    const changes = entries.slice(0, 3);
    for (const e of changes) expect(e).toContain(EVIDENCE);
    for (const e of entries.slice(3)) expect(e).not.toContain(EVIDENCE);
    const text = changes.join('\n');
    for (const f of ['support', 'stage', 'closeness'] as const) expect(text).toContain(contacts.relationship.fields[f]);
    expect(text).toMatch(new RegExp(`${contacts.stages.acquainted}\\s*→\\s*${contacts.stages.interested}`));
    expect(text).toMatch(new RegExp(`${contacts.supports['0']}\\s*→\\s*${contacts.supports['1']}`));
    expect(text).toMatch(/1\s*→\s*3/);
    expect(text).toContain(SPECIALIST_NAME);
    await history.getByText(EVIDENCE).last().scrollIntoViewIfNeeded();
    await shot(page, 'accounts-05-relationship-history', { fullPage: false });
    await page.locator('.ant-modal-close').filter({ visible: true }).click();
    await history.waitFor({ state: 'detached' });
  });

  it('the KA director finds the account by the pinyin initials of its name', async () => {
    expect(accountId, 'the account of the first journey').toBeGreaterThan(0);
    const { page } = await browser();
    await signIn(page, DIRECTOR);
    await page.goto(`${baseUrl}/accounts`);
    const search = field(page, 'account-search');
    await search.fill(ACCOUNT_INITIALS);
    await search.press('Enter');
    const link = page.getByTestId(`account-open-${accountId}`);
    await link.waitFor();
    await expect(link.innerText()).resolves.toBe(ACCOUNT_NAME);
    // The initials are this run's own, so the account is the one match.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-table"] tr.ant-table-row').length === 1);
    await shot(page, 'accounts-06-director-pinyin-search');
  });

  it('on a phone the specialist opens the account from the list and the key-people tab fits the screen', async () => {
    expect(accountId, 'the account of the first journey').toBeGreaterThan(0);
    const { page } = await browser({ width: 390, height: 844 });
    await signIn(page, SPECIALIST);
    await page.goto(`${baseUrl}/accounts`);
    const search = field(page, 'account-search');
    await search.fill(ACCOUNT_NAME);
    await search.press('Enter');
    await page.getByTestId(`account-open-${accountId}`).click();
    await page.getByTestId('account-title').waitFor();
    await page.getByRole('tab', { name: contacts.tab }).click();
    for (const p of Object.values(PEOPLE)) await contactRow(page, p.name).waitFor();
    await settled(page);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `page ${widths.scroll}px wide on a ${widths.client}px screen`).toBeLessThanOrEqual(391);
    await shot(page, 'accounts-07-phone-contacts');
  });
});
