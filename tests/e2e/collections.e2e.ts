import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/shared/contracts/contracts';
import type { DunningItem, DunningRun } from '../../src/shared/contracts/receivables';
import errors from '../../src/shared/locales/zh-CN/errors.json';
import { apiAs, navTo, pick, serverUrl, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * 回款 (issue 14 item 12, the collections part): a contract signed 60 days ago with three instalments of
 * ¥100,000 (due 50 and 20 days ago and in 10 days) is set up through the API — the manager (陈思远)
 * writes and submits it, the director approves; finance records in the browser one receipt of ¥150,000
 * (a second one with the same bank reference is refused on its field) and confirms it with the proposed
 * oldest-first allocation: the first instalment paid, the second half paid, so its other half is 20 days
 * overdue today. With the clock moved past the due dates — the ageing as of 50 days from today — the
 * unpaid half is 70 days overdue in 61–90 天 and the third 40 days in 31–60 天, and the cell opens that
 * instalment. Finance then runs the dunning in the browser (立即运行催收), waits for the run it queued
 * and sees the list reload with the owner's 帐款催收 task for this contract's second instalment, which
 * was not there before; signed in as the owner on a phone, the task is in the owner's to-do list and on
 * the dunning page. Screenshots of the dunning page with the button at 1440 and 390 px wide.
 */

const baseUrl = serverUrl();
const { browser } = trackBrowsers('collections');
const TAG = Math.floor(Math.random() * 100_000);
/** today in the business time zone (Asia/Shanghai), and days from it */
const today = dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD');
const WAN10 = 100_000_00;

describe('collections', () => {
  it('finance records and confirms a receipt of one and a half instalments; ageing shows the rest in its bucket; finance runs the dunning, which gives the owner a task for the overdue half', async () => {
    const manager = await apiAs('chensiyuan');
    const director = await apiAs('zhangmingyuan');

    // an account of the manager's with nothing open, so the proposal holds only this contract's plan
    const accounts = await manager.get<{ items: { id: number; name: string; ownerId: number }[] }>('/api/accounts?pageSize=100');
    let account: { id: number; name: string } | undefined;
    for (const a of accounts.items.filter((x) => x.ownerId === manager.me.id)) {
      const open = await manager.get<{ total: number }>(`/api/receivables/instalments?accountId=${a.id}&asOf=2099-12-31&pageSize=1`);
      if (open.total === 0) {
        account = a;
        break;
      }
    }
    expect(account, 'an account of the manager with nothing outstanding').toBeDefined();
    const number = `E2E-HT-${TAG}`;
    const draft = await manager.post<Contract>('/api/contracts', {
      kind: 'sales',
      accountId: account!.id,
      number,
      title: `回款测试合同 ${TAG}`,
      amount: 3 * WAN10,
      signDate: day(-60),
      startDate: day(-60),
      endDate: day(305),
      instalments: [
        { milestone: '预付款', dueDate: day(-50), amount: WAN10 },
        { milestone: '到货款', dueDate: day(-20), amount: WAN10 },
        { milestone: '验收款', dueDate: day(10), amount: WAN10 },
      ],
    });
    const submitted = await manager.post<Contract>(`/api/contracts/${draft.id}/submit`, { version: draft.version });
    await director.post(`/api/approvals/${submitted.approvalId}/approve`, {});
    const signed = await manager.get<Contract>(`/api/contracts/${draft.id}`);
    expect(signed.status).toBe('signed');
    const [first, second, third] = signed.instalments.map((i) => i.id);

    // finance records the receipt in the browser, finding the account through its contract
    const { page } = await browser({ width: 1440, height: 900 });
    await signIn(page, 'wufang');
    await navTo(page, '/receipts');
    await page.getByTestId('receipt-new').click();
    await pick(page, 'receipt-account', account!.name, number);
    await page.getByTestId('receipt-amount').fill('150000');
    await page.getByTestId('receipt-bank-ref').fill(`E2E-BR-${TAG}`);
    await page.getByTestId('receipt-payer').fill(account!.name);
    await page.getByTestId('receipt-drawer-save').click();
    await page.waitForURL(/\/receipts\/\d+$/);
    const receiptId = Number(page.url().split('/').pop());
    await expect(page.getByTestId('receipt-status').innerText()).resolves.toBe('待确认');

    // confirm with the proposal: oldest due first, the first whole and half the second, nothing to the third
    await page.getByTestId('receipt-confirm').click();
    await page.getByTestId(`allocation-amount-${first}`).waitFor();
    await settled(page);
    await expect(page.getByTestId(`allocation-amount-${first}`).inputValue()).resolves.toBe('100000.00');
    await expect(page.getByTestId(`allocation-amount-${second}`).inputValue()).resolves.toBe('50000.00');
    await expect(page.getByTestId(`allocation-amount-${third}`).inputValue()).resolves.toBe('0.00');
    await expect(page.getByTestId('allocation-sum').innerText()).resolves.toContain('150,000.00');
    await shot(page, 'collections-confirm', { fullPage: false });
    await page.getByTestId('allocation-drawer-save').click();
    await page.getByTestId('receipt-status').filter({ hasText: '已确认' }).waitFor();
    await expect(page.getByTestId('receipt-allocations').locator('tbody tr[data-undone="false"]').count()).resolves.toBe(2);
    await expect(page.getByTestId('receipt-credit').innerText()).resolves.toContain('0.00');
    const plan = (await manager.get<Contract>(`/api/contracts/${draft.id}`)).instalments.map((i) => i.paid);
    expect(plan).toEqual([WAN10, WAN10 / 2, 0]);

    // a second receipt with the same bank reference is refused on that field
    await navTo(page, '/receipts');
    await page.getByTestId(`receipt-open-${receiptId}`).waitFor();
    await page.getByTestId('receipt-new').click();
    await pick(page, 'receipt-account', account!.name, number);
    await page.getByTestId('receipt-amount').fill('1');
    await page.getByTestId('receipt-bank-ref').fill(`E2E-BR-${TAG}`);
    await page.getByTestId('receipt-drawer-save').click();
    await page.locator('#receipt-form .ant-form-item-explain-error').filter({ hasText: errors.collections.bankRefTaken }).waitFor();
    await page.keyboard.press('Escape');

    // the clock moved past the due dates: as of 50 days from today the unpaid half of the second is 70 days
    // overdue, the third (due in 10 days) 40 days
    const asOf = day(50);
    await page.goto(`${baseUrl}/receivables/ageing?asOf=${asOf}`);
    const half = page.getByTestId(`ageing-cell-${account!.id}-3`);
    await half.waitFor();
    const headers = page.getByTestId('ageing-table').locator('thead th');
    await expect(headers.nth(3).innerText()).resolves.toBe('31–60 天');
    await expect(headers.nth(4).innerText()).resolves.toBe('61–90 天');
    await expect(half.innerText()).resolves.toContain('50,000.00');
    await expect(page.getByTestId(`ageing-cell-${account!.id}-2`).innerText()).resolves.toContain('100,000.00');
    await expect(page.getByTestId(`ageing-total-${account!.id}`).innerText()).resolves.toContain('150,000.00');
    await shot(page, 'collections-ageing');
    await half.click();
    await page.waitForURL(/\/receivables\/instalments\?/);
    const row = page.getByTestId(`receivable-${second}`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/50,000\.00[\s\S]*70 天/);
    await expect(page.getByTestId('receivables-table').locator('tbody tr.ant-table-row').count()).resolves.toBe(1);

    // finance runs the dunning now: before, the overdue half has no collection task; the run finance queued
    // ends, the list reloads, and the owner's 帐款催收 task for this contract's second instalment is on it
    const ownerList = `${baseUrl}/receivables/dunning?ownerId=${manager.me.id}&state=all&pageSize=200`;
    const listedBefore = page.waitForResponse((r) => r.url().includes('/api/receivables/dunning?') && r.status() === 200);
    await page.goto(ownerList);
    await listedBefore;
    await page.getByTestId('dunning-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await expect(page.getByTestId(`dunning-${second}`).count()).resolves.toBe(0);
    const queued = page.waitForResponse((r) => r.url().endsWith('/api/receivables/dunning/run') && r.request().method() === 'POST');
    await page.getByTestId('dunning-run').click();
    const posted = await queued;
    expect(posted.status()).toBe(202);
    const run = (await posted.json()) as DunningRun;
    await page.locator(`[data-testid="dunning-run-status"][data-run-id="${run.id}"][data-status="done"]`).waitFor({ timeout: 60_000 });
    await page.locator('.ant-message').getByText('催收已运行完成').waitFor();
    const task = page.getByTestId(`dunning-task-${second}`);
    await task.waitFor();
    await expect(task.innerText()).resolves.toContain('陈思远');
    await expect(page.getByTestId(`dunning-${second}`).innerText()).resolves.toMatch(/50,000\.00[\s\S]*20 天[\s\S]*2 级/);
    await shot(page, 'collections-dunning-run', { fullPage: false });

    // the same page on a phone: the button is there and the list still reads
    const { page: phone } = await browser({ width: 390, height: 844 });
    await signIn(phone, 'wufang');
    await phone.goto(ownerList);
    await phone.getByTestId('dunning-run').waitFor();
    await phone.getByTestId(`dunning-${second}`).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scroll of the page on a phone').toBeLessThanOrEqual(0);
    await shot(phone, 'collections-dunning-run-phone');

    // the owner, on a phone: the task of this contract's second instalment in the to-do list and on the dunning page
    const finance = await apiAs('wufang');
    const listed = await finance.get<{ items: DunningItem[] }>(`/api/receivables/dunning?ownerId=${manager.me.id}&state=all&pageSize=200`);
    const item = listed.items.find((i) => i.instalmentId === second);
    expect(item, 'this contract’s second instalment on the dunning list').toBeDefined();
    expect(item).toMatchObject({ contractId: draft.id, seq: 2, level: 2, outstanding: WAN10 / 2, daysOverdue: 20 });
    expect(item!.task).toMatchObject({ ownerId: manager.me.id, status: 'open' });
    const { page: ownerPage } = await browser({ width: 390, height: 844 });
    await signIn(ownerPage, 'chensiyuan');
    await ownerPage.goto(`${baseUrl}/tasks`);
    await ownerPage.getByTestId(`task-${item!.task!.id}`).filter({ hasText: `帐款催收：${account!.name} 合同 ${number} 第 2 期逾期 20 天` }).waitFor();
    await shot(ownerPage, 'collections-owner-tasks');
    await ownerPage.goto(`${baseUrl}/receivables/dunning?ownerId=${manager.me.id}&pageSize=200`);
    await ownerPage.getByTestId(`dunning-task-${second}`).waitFor();
    await expect(ownerPage.getByTestId('dunning-run').count()).resolves.toBe(0);
  });
});
