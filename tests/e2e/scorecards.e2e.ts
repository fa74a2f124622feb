import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ScorecardDetail, ScorecardPage } from '../../src/shared/contracts/scorecards';
import { apiAs, navTo, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * 考核表 (issue 16 item 8): the demo's 赵磊 — a field specialist — has last month's card at the evaluator's step,
 * his self-review written; its 拜访 / 拓展 / 成交 items filled themselves from his submitted monthly plan and the
 * visits he checked in. The director 张明远 finds it on 考核表 (客户专员), reads the computed items, enters the
 * judgment item 日常工作 with a comment (the points follow as he types), hands it on and locks it, then downloads
 * 工资表 and finds 赵磊's locked total in it. On a phone the card reads as stacked items. (No other journey
 * touches a scorecard.)
 */
const { browser } = trackBrowsers('scorecards');

/** Picks a month in the ranking's period picker (antd's month picker takes the typed month and Enter). */
async function pickMonth(page: Page, month: string) {
  // antd puts the test id on the input itself or on its wrapper, by version
  const input = page.locator('input[data-testid="scorecards-period"], [data-testid="scorecards-period"] input').first();
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await expect.poll(() => page.url()).toContain(`period=${month}`);
}

describe('scorecards', () => {
  it('a specialist’s month fills itself; the director judges, locks it and exports payroll', async () => {
    const api = await apiAs('zhangmingyuan');
    // last month's card: the one the department reviews now (a card is locked once its period has ended)
    const now = new Date(Date.now() + 8 * 3_600_000);
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const page0 = await api.get<ScorecardPage>(`/api/scorecards?period=${today}&kind=specialist`);
    const row = page0.items.find((r) => r.person.name === '赵磊')!;
    expect(row.status).toBe('evaluator');
    const before = await api.get<ScorecardDetail>(`/api/scorecards/${row.id}`);
    const visit = before.items.find((i) => i.key === 'visit_plan')!;
    // filled from the month's plan and visits: planned visits is the denominator
    expect(visit.denominator).toBeGreaterThan(0);
    expect(visit.points).not.toBeNull();

    const { page } = await browser({ width: 1440, height: 900 });
    await signIn(page, 'zhangmingyuan');
    await navTo(page, '/scorecards');
    await page.getByTestId('scorecards-kind-specialist').click();
    await pickMonth(page, today);
    await page.getByTestId(`scorecard-row-${row.id}`).waitFor();
    await shot(page, 'scorecards-ranking-1440');
    await page.getByTestId(`scorecard-row-${row.id}`).click();
    await page.waitForURL(new RegExp(`/scorecards/${row.id}$`));
    await expect.poll(() => page.getByTestId('scorecard-status').getAttribute('data-status')).toBe('evaluator');
    await expect.poll(() => page.getByTestId('scorecard-item-visit_plan-points').textContent()).toContain(String(visit.points));

    // 日常工作: 17.5 of 20, with a comment; the total follows before saving
    const input = page.getByTestId('scorecard-item-daily_work-input');
    await input.fill('17.5');
    await page.getByTestId('scorecard-item-daily_work-comment').fill('日报按时提交，客户信息登记完整');
    const expected = Math.round((before.total + 17.5) * 100) / 100;
    await expect.poll(() => page.getByTestId('scorecard-total').textContent()).toContain(String(expected));
    await page.getByTestId('scorecard-save-items').click();
    await expect.poll(async () => (await api.get<ScorecardDetail>(`/api/scorecards/${row.id}`)).items.find((i) => i.key === 'daily_work')!.value).toBe(17.5);
    await shot(page, 'scorecard-judged-1440');

    // 提交审核, then 锁定
    for (const to of ['director', 'locked']) {
      await settled(page);
      await page.getByTestId('scorecard-advance').click();
      await page.getByTestId('scorecard-advance-comment').fill(to === 'director' ? '评分已与本人沟通' : '同意');
      await page.getByTestId('scorecard-advance-ok').click();
      await expect.poll(() => page.getByTestId('scorecard-status').getAttribute('data-status')).toBe(to);
    }
    const locked = await api.get<ScorecardDetail>(`/api/scorecards/${row.id}`);
    expect(locked).toMatchObject({ status: 'locked', total: expected, lockedBy: { id: api.me.id } });
    await expect.poll(() => page.getByTestId('scorecard-warning').count()).toBe(locked.warning ? 1 : 0);
    await shot(page, 'scorecard-locked-1440');

    // 工资表: the period's locked cards, 赵磊 with his total
    await navTo(page, '/scorecards');
    await page.getByTestId('scorecards-kind-specialist').click();
    await pickMonth(page, today);
    await page.getByTestId(`scorecard-row-${row.id}`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scorecards-payroll').click()]);
    expect(download.suggestedFilename()).toBe(`payroll-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('客户专员月度考核表')!;
    const found: unknown[][] = [];
    sheet.eachRow((r) => {
      const values = r.values as unknown[];
      if (values.includes('赵磊')) found.push(values);
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);

    // on a phone: the card's items stacked, the total at the end
    const phone = await browser({ width: 390, height: 844 });
    await signIn(phone.page, 'zhangmingyuan');
    await phone.page.getByTestId('nav-open').click();
    await navTo(phone.page, '/scorecards');
    await phone.page.getByTestId('scorecards-kind-specialist').click();
    await pickMonth(phone.page, today);
    await phone.page.getByTestId(`scorecard-row-${row.id}`).click();
    await phone.page.waitForURL(new RegExp(`/scorecards/${row.id}$`));
    await expect.poll(() => phone.page.getByTestId('scorecard-status').getAttribute('data-status')).toBe('locked');
    await phone.page.getByTestId('scorecard-total').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone.page, 'scorecard-locked-390');
  });
});
