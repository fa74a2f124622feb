import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ContactListItem } from '../../src/shared/contracts/contacts';
import type { AccountServices, EventDetail } from '../../src/shared/contracts/events';
import { apiAs, navTo, pick, serverUrl, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * 增值服务与客户活动 (SPEC SVC-4): the manager 陈思远 plans a 大客户座谈会 that began an hour ago with a budget of
 * ¥10,000 and submits it; the director 张明远 approves it on the approval's page. 陈思远 invites two people of his
 * 苏锡精密机械集团, one registers and comes; he marks the event held, plans a follow-up visit for the guest who came
 * and sees its link; a cost of ¥12,000 asks why it exceeds the budget, he says why; he closes the event with its
 * summary. The account's 增值服务 tab shows the guests' participation, and he logs a service there. The event's page
 * at 390 px is no wider than the phone. Screenshots of the list, the event and the tab at 1440 px and 390 px.
 */

const baseUrl = serverUrl();
const { browser } = trackBrowsers('events');
const ACCOUNT = '苏锡精密机械集团有限公司';
const TITLE = '苏州制造业大客户座谈会（e2e）';

/** An instant as the Beijing wall clock the browser shows ('YYYY-MM-DD HH:mm'), whatever the test's own zone. */
const beijing = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ms));

/** Types a date and time into a picker and confirms with its OK button (Enter in a field never saves the form). */
async function pickDateTime(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();
}

/** Waits until no select's option list is open (one left open over a button takes its click). */
async function listsClosed(page: Page) {
  await expect.poll(() => page.locator('.ant-select-item-option').filter({ visible: true }).count()).toBe(0);
}

/** Clicks a button of a dialog or pop-up once it has finished opening (a click while it zooms in can miss). */
async function press(page: Page, testId: string) {
  await page.getByTestId(testId).waitFor();
  await settled(page);
  await page.getByTestId(testId).click();
}

const status = (page: Page) => page.getByTestId('event-status').first().getAttribute('data-status');

describe('events', () => {
  it('an event is planned, approved, attended, followed up, costed over its budget with the reason and closed; the account shows it', async () => {
    const manager = await apiAs('chensiyuan');
    const account = (await manager.get<{ items: { id: number; name: string }[] }>(`/api/accounts?q=${encodeURIComponent(ACCOUNT)}`)).items.find((a) => a.name === ACCOUNT)!;
    expect(account).toBeDefined();
    const people = (await manager.get<{ items: ContactListItem[] }>(`/api/accounts/${account.id}/contacts`)).items.filter((c) => c.status === 'active');
    expect(people.length).toBeGreaterThanOrEqual(2);
    const [guest, other] = people as [ContactListItem, ContactListItem];

    // the manager plans the seminar: it began an hour ago (on a five-minute step), ¥10,000
    const desk = await browser({ width: 1440, height: 900 });
    const page = desk.page;
    await signIn(page, 'chensiyuan');
    await navTo(page, '/events');
    await page.getByTestId('events-table').waitFor();
    await page.getByTestId('event-new').click();
    const drawer = page.getByTestId('event-drawer');
    await drawer.getByText('大客户座谈会').waitFor();
    await page.getByTestId('event-form-title').fill(TITLE);
    const hourAgo = Math.floor((Date.now() - 3_600_000) / 300_000) * 300_000;
    await pickDateTime(page, 'event-form-starts', beijing(hourAgo));
    // the end follows the start: three hours on
    await expect.poll(() => page.getByTestId('event-form-ends').inputValue()).toBe(beijing(hourAgo + 3 * 3_600_000));
    await page.getByTestId('event-form-venue').fill('苏州金鸡湖国际会议中心 2 号厅');
    await page.getByTestId('event-form-capacity').fill('30');
    await page.getByTestId('event-form-budget').fill('10000');
    await page.getByTestId('event-form-agenda').fill('14:00 行业趋势分享\n15:00 客户座谈\n16:30 茶歇交流');
    await page.getByTestId('event-drawer-save').click();
    await page.waitForURL(/\/events\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => status(page)).toBe('draft');
    await expect(page.getByTestId('event-budget-budget').innerText()).resolves.toContain('10,000.00');

    // 提交审批 → 审批中; the director approves on the approval's page
    await page.getByTestId('event-submit').click();
    await press(page, 'event-submit-ok');
    await expect.poll(() => status(page)).toBe('pending');
    const { approvalId } = await manager.get<EventDetail>(`/api/events/${id}`);
    expect(approvalId).not.toBeNull();
    const director = await browser({ width: 1440, height: 900 });
    await signIn(director.page, 'zhangmingyuan');
    await director.page.goto(`${baseUrl}/approvals/${approvalId}`);
    await director.page.getByTestId('approval-title').filter({ hasText: TITLE }).waitFor();
    await director.page.getByTestId('approval-approve').click();
    await press(director.page, 'approval-confirm');
    await director.page.getByTestId('approval-approve').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => status(page)).toBe('approved');

    // two of the account's people invited: the account picked, then its contacts ticked
    await page.getByTestId('event-invite').click();
    await pick(page, 'event-invite-account', ACCOUNT, '苏锡精密机械集团');
    await listsClosed(page);
    await page.getByTestId(`event-invite-contact-${guest.id}`).click();
    await page.getByTestId(`event-invite-contact-${other.id}`).click();
    await page.getByTestId('event-invite-ok').click();
    await page.getByTestId('event-invite-ok').waitFor({ state: 'detached' });
    await expect.poll(async () => (await manager.get<EventDetail>(`/api/events/${id}`)).invitations.length).toBe(2);
    const inv = (await manager.get<EventDetail>(`/api/events/${id}`)).invitations.find((i) => i.contact.id === guest.id)!;

    // one registers and comes; the event is then held
    await page.getByTestId(`guest-register-${inv.id}`).click();
    await expect.poll(() => page.getByTestId(`guest-response-${inv.id}`).getAttribute('data-response')).toBe('registered');
    await page.getByTestId(`guest-attended-${inv.id}`).click();
    await expect.poll(async () => (await manager.get<EventDetail>(`/api/events/${id}`)).invitations.find((i) => i.id === inv.id)?.attended).toBe(true);
    await expect.poll(() => page.getByTestId('event-count-attended').innerText()).toContain('1');
    await page.getByTestId('event-hold').click();
    await press(page, 'event-hold-ok');
    await expect.poll(() => status(page)).toBe('held');

    // 安排跟进: a visit with the guest tomorrow, its link on the guest's row
    await page.getByTestId(`guest-follow-up-${inv.id}`).click();
    await page.getByTestId('event-follow-up-kind-opportunity').waitFor();
    await press(page, 'event-follow-up-ok');
    const link = page.getByTestId(`guest-follow-up-link-${inv.id}`);
    await link.waitFor();
    await expect(link.innerText()).resolves.toMatch(/^跟进拜访 #\d+$/);
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/visits\/\d+$/);
    // the guest who did not answer cannot be followed up
    expect(await page.locator(`[data-testid^="guest-follow-up-"]`).count()).toBe(1);
    await shot(page, 'events-detail-guests-1440');

    // ¥12,000 takes the event over its ¥10,000 budget: the reason is asked for, and required
    await page.getByTestId('event-tab-costs').click();
    await page.getByTestId('event-cost-add').click();
    await page.getByTestId('event-cost-amount').fill('12000');
    await page.getByTestId('event-cost-over').filter({ hasText: '超出预算' }).waitFor();
    await page.getByTestId('event-cost-note').fill('会议中心场地与茶歇');
    await page.getByTestId('event-cost-ok').click();
    await page.getByText('请填写超支原因').waitFor();
    await page.getByTestId('event-cost-reason').fill('到场客户超出预期，加订茶歇与资料');
    await page.getByTestId('event-cost-ok').click();
    await page.getByTestId('event-cost-ok').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('event-budget').getAttribute('data-over')).toBe('true');
    await expect(page.getByTestId('event-budget-over').innerText()).resolves.toContain('2,000.00');
    await page.getByTestId('event-costs').getByText('到场客户超出预期，加订茶歇与资料').waitFor();
    await shot(page, 'events-detail-costs-1440');

    // 活动总结 closes it
    await page.getByTestId('event-close').click();
    await press(page, 'event-write-ok');
    await page.getByText('请填写活动总结').waitFor();
    await page.getByTestId('event-write-text').fill('到场 1 位客户代表，对新产品线兴趣浓厚，已安排次日拜访。');
    await page.getByTestId('event-write-ok').click();
    await expect.poll(() => status(page)).toBe('closed');
    await page.getByTestId('event-tab-summary').click();
    await expect(page.getByTestId('event-summary-text').innerText()).resolves.toContain('已安排次日拜访');

    // the list: the event over its budget, in red
    await page.goto(`${baseUrl}/events?when=all`);
    await expect.poll(() => page.getByTestId(`event-money-${id}`).getAttribute('data-over')).toBe('true');
    await expect(page.getByTestId(`event-guests-${id}`).innerText()).resolves.toBe('报名 1 · 到场 1 / 邀请 2');
    await shot(page, 'events-list-1440');

    // the account's 增值服务 tab: the guest at the event with the follow-up; a service logged there
    // (the tab sits after 服务与投诉, in the overflow menu on a narrow screen: opened by its address)
    await page.goto(`${baseUrl}/accounts/${account.id}?tab=services`);
    const participation = page.getByTestId(`account-event-${id}-${guest.id}`);
    await participation.waitFor();
    await expect(participation.innerText()).resolves.toMatch(/到场[\s\S]*跟进拜访 #\d+/);
    await page.getByTestId(`account-event-${id}-${other.id}`).filter({ hasText: '已邀请' }).waitFor();
    const before = (await manager.get<AccountServices>(`/api/accounts/${account.id}/services`)).yearCount;
    await page.getByTestId('account-service-add').click();
    await page.getByTestId('service-log-title').fill('新产线智能排产方案咨询');
    await pick(page, 'service-log-contact', guest.name);
    await listsClosed(page);
    await page.getByTestId('service-log-cost').fill('3000');
    await page.getByTestId('service-log-ok').click();
    await page.getByTestId('service-log-ok').waitFor({ state: 'detached' });
    await page.locator('[data-testid^="account-service-"]').filter({ hasText: '新产线智能排产方案咨询' }).waitFor();
    await expect.poll(() => page.getByTestId('account-services-year-count').innerText()).toContain(`${before + 1} 次`);
    const services = await manager.get<AccountServices>(`/api/accounts/${account.id}/services`);
    expect(services.services[0]).toMatchObject({ title: '新产线智能排产方案咨询', cost: 300_000, contact: { id: guest.id } });
    await shot(page, 'events-account-tab-1440');

    // on a phone: the event's page and the list fit the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/events/${id}`);
    await page.locator(`.ant-card[data-testid="guest-${inv.id}"]`).waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'events-detail-390');
    await page.goto(`${baseUrl}/events?when=all`);
    await page.getByTestId(`event-card-${id}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'events-list-390');
  });
});
