import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../src/shared/domain/credit-code';
import errors from '../../src/shared/locales/zh-CN/errors.json';
import { readXlsx, xlsx, type Rows } from '../support/transfer';
import { navTo, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * The import and export journey (issue 3 items 5 and 12): the KA director imports an account
 * file with two bad rows, sees both with their reasons, uploads the corrected file and commits;
 * finds an imported account in the list, and exports the list to XLSX. The names carry a
 * run-specific mark, so the demo archive around them does not matter.
 */

const DIRECTOR = 'zhangmingyuan';
const MARK = `导入${Date.now().toString(36).toUpperCase()}`;
const NAMES = ['华信', '嘉远', '明达', '泰丰', '联瑞'].map((w) => `${MARK}${w}科技有限公司`);

function code(): string {
  const first17 = `91320100${Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)]).join('')}`;
  return first17 + creditCodeCheckChar(first17)!;
}
const CODES = NAMES.map(() => code());
const wrong = (c: string) => c.slice(0, 17) + CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(c[17]) + 1) % CREDIT_CODE_CHARSET.length];

const HEADER = ['客户名称', '统一社会信用代码', '企业性质', '行业', '年销售额（元）'];
/** Rows 2–6 of the sheet; `broken` puts a wrong check digit in row 3 and an unknown nature in row 5. */
function sheet(broken: boolean): Rows {
  return [
    HEADER,
    ...NAMES.map((name, i) => [name, broken && i === 1 ? wrong(CODES[i]) : CODES[i], broken && i === 3 ? '国营企业' : '民营', '软件和信息技术服务业', `${(i + 1) * 1000}.50`]),
  ];
}

const fill = (text: string, params: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');

const { browser } = trackBrowsers('transfer');

async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-testid="import-status"][data-status="${status}"]`).first().waitFor({ timeout: 45_000 });
}

describe('import and export journey', () => {
  let importUrl = '';

  it('the director imports a file with two bad rows, sees why, uploads the corrected file and commits', async () => {
    const { page } = await browser();
    await signIn(page, DIRECTOR);
    await navTo(page, '/accounts/import');
    await page.waitForURL(/\/accounts\/import$/);

    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '客户档案.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(sheet(true)) });
    await waitForStatus(page, 'validated');
    importUrl = page.url();
    await expect.poll(() => page.getByTestId('import-count-error').innerText()).toContain('2');

    // both bad rows with their reasons, in the user's language
    const checkDigit = page.getByTestId('import-error-3-creditCode');
    await checkDigit.waitFor();
    expect(await checkDigit.innerText()).toContain(errors.accounts.creditCodeCheckDigit);
    expect(await checkDigit.innerText()).toContain('统一社会信用代码');
    const nature = page.getByTestId('import-error-5-nature');
    expect(await nature.innerText()).toContain(fill(errors.transfer.notOneOf, { value: '国营企业', values: '国企、合资、民营、股份、外资、事业单位、政府机关' }));
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot(page, 'transfer-01-report');

    await page.getByTestId('import-reupload-input').locator('input[type=file]').setInputFiles({
      name: '客户档案-修正.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx(sheet(false)),
    });
    await page.getByTestId('import-file').filter({ hasText: '客户档案-修正.xlsx' }).waitFor();
    await waitForStatus(page, 'validated');
    await expect.poll(() => page.getByTestId('import-count-ok').innerText()).toContain('5');
    expect(await page.getByTestId('import-count-error').innerText()).toContain('0');

    await page.getByTestId('import-commit').click();
    await waitForStatus(page, 'committed');
    expect(await page.getByTestId('import-result').innerText()).toContain('新建 5 条');
    await shot(page, 'transfer-02-committed');
  });

  it('finds an imported account in the list and exports the list to XLSX', async () => {
    const { page } = await browser();
    await signIn(page, DIRECTOR);
    await page.goto(importUrl);
    await waitForStatus(page, 'committed');
    await page.getByTestId('import-open-list').click();
    await page.waitForURL(/\/accounts\?/);
    await page.getByTestId('account-search').locator('input').fill(MARK);
    await page.getByTestId('account-search').locator('input').press('Enter');
    await page.locator('[data-testid="account-table"] a', { hasText: NAMES[0] }).waitFor();
    await expect.poll(async () => page.locator('[data-testid="account-table"] a[data-testid^="account-open-"]').count()).toBe(5);

    await page.getByTestId('accounts-export').click();
    const item = page.getByTestId('accounts-export-xlsx');
    await item.waitFor();
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    expect(download.suggestedFilename()).toMatch(/^客户档案-\d{8}\.xlsx$/);
    const file = path.join(os.tmpdir(), `tm-e2e-export-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const rows = await readXlsx(await readFile(file));
    const name = rows[0].indexOf('客户名称');
    const codeCol = rows[0].indexOf('统一社会信用代码');
    const sales = rows[0].indexOf('年销售额（元）');
    expect(rows.slice(1).map((r) => r[name]).sort()).toEqual([...NAMES].sort());
    const first = rows.find((r) => r[name] === NAMES[0])!;
    expect(first[codeCol]).toBe(CODES[0]);
    expect(first[sales]).toBe('1000.5');
  });

  it('on a phone the report of the import fits the screen', async () => {
    const { page } = await browser({ width: 390, height: 844 });
    await signIn(page, DIRECTOR);
    await page.goto(importUrl);
    await waitForStatus(page, 'committed');
    await page.getByTestId('import-result').waitFor();
    await settled(page);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.doc).toBeLessThanOrEqual(390 + 1);
    expect(widths.body).toBeLessThanOrEqual(390 + 1);
    await shot(page, 'transfer-03-phone');
  });
});
