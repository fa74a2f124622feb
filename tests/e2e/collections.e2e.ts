import dayjs from 'dayjs';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_USERS } from '../../src/cli/demo-data';
import type { Contract } from '../../src/shared/contracts/contracts';
import type { DunningItem } from '../../src/shared/contracts/receivables';
import errors from '../../src/shared/locales/zh-CN/errors.json';
import { apiAs, navTo, pick, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * 回款 (issue 14 item 12, the collections part): a signed contract of three instalments of ¥100,000
 * (due in 10, 40 and 70 days) is set up through the API — the manager writes and submits it, the
 * director approves; finance records in the browser one receipt of ¥150,000 (a second one with the same
 * bank reference is refused on its field) and confirms it with the proposed oldest-first allocation:
 * the first instalment paid, the second half paid. The ageing as of 40 days past the second due date
 * shows the unpaid half in 31–60 天 and the third instalment in 1–30 天, and the cell opens that
 * instalment. The daily dunning run (today's, run by the demo's start) gave the owner of an overdue
 * instalment a 帐款催收 task, which is in the owner's to-do list and on the collections page.
 */

const baseUrl = inject('baseUrl');
const { browser } = trackBrowsers('collections');
const TAG = Math.floor(Math.random() * 100_000);
/** today in the business time zone (Asia/Shanghai), and days from it */
const today = dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD');
const WAN10 = 100_000_00;

describe('collections', () => {
  it('finance records and confirms a receipt of one and a half instalments; ageing shows the rest in its bucket; dunning gave the owner a task', async () => {
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
      signDate: day(0),
      startDate: day(0),
      endDate: day(365),
      instalments: [
        { milestone: '预付款', dueDate: day(10), amount: WAN10 },
        { milestone: '到货款', dueDate: day(40), amount: WAN10 },
        { milestone: '验收款', dueDate: day(70), amount: WAN10 },
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

    // ageing 40 days after the second due date: the unpaid half is 40 days overdue, the third 10 days
    const asOf = day(80);
    await page.goto(`${baseUrl}/receivables/ageing?asOf=${asOf}`);
    const half = page.getByTestId(`ageing-cell-${account!.id}-2`);
    await half.waitFor();
    await expect(page.getByTestId('ageing-table').locator('thead th').nth(3).innerText()).resolves.toBe('31–60 天');
    await expect(half.innerText()).resolves.toContain('50,000.00');
    await expect(page.getByTestId(`ageing-cell-${account!.id}-1`).innerText()).resolves.toContain('100,000.00');
    await shot(page, 'collections-ageing');
    await half.click();
    await page.waitForURL(/\/receivables\/instalments\?/);
    const row = page.getByTestId(`receivable-${second}`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/50,000\.00[\s\S]*40 天/);
    await expect(page.getByTestId('receivables-table').locator('tbody tr.ant-table-row').count()).resolves.toBe(1);

    // today's dunning run gave the owner of an overdue instalment a 帐款催收 task
    const gm = await apiAs('wangjianguo');
    const dunning = await gm.get<{ items: DunningItem[] }>('/api/receivables/dunning?level=2&pageSize=50');
    const item = dunning.items.find((i) => i.task && i.task.ownerId === i.ownerId);
    expect(item, 'an instalment at dunning level 2 with its owner’s collection task').toBeDefined();
    const owner = DEMO_USERS.find((u) => u.name === item!.task!.ownerName);
    expect(owner).toBeDefined();
    const { page: ownerPage } = await browser({ width: 390, height: 844 });
    await signIn(ownerPage, owner!.username);
    await ownerPage.goto(`${baseUrl}/tasks`);
    await ownerPage.getByTestId(`task-${item!.task!.id}`).filter({ hasText: `帐款催收：${item!.accountName}` }).waitFor();
    await shot(ownerPage, 'collections-owner-tasks');
    await ownerPage.goto(`${baseUrl}/receivables/dunning?ownerId=${item!.ownerId}`);
    await ownerPage.getByTestId(`dunning-task-${item!.instalmentId}`).waitFor();
  });
});
