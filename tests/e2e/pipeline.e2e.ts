import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STAGE_ITEMS, type ChecklistItem } from '../../src/shared/domain/pipeline';
import accounts from '../../src/shared/locales/zh-CN/accounts.json';
import opportunitiesEn from '../../src/shared/locales/en/opportunities.json';
import opportunities from '../../src/shared/locales/zh-CN/opportunities.json';
import pipeline from '../../src/shared/locales/zh-CN/pipeline.json';
import { serverUrl, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * Account development (issue 4 item 9): an account manager starts a project on a fresh
 * account, is told by name what stage 1 still lacks, works through stages 1 and 2, scores the
 * value assessment to a B (and finds the account graded B), writes and submits the development
 * plan; the KA director over the manager's unit approves it from the inbox; the manager takes
 * the project into stage 4, where the board shows it. The project page is captured on a desk
 * and on a phone.
 */

const baseUrl = serverUrl();
const MANAGER = 'chensiyuan';
const DIRECTOR = 'zhangmingyuan';
const DIRECTOR_NAME = '张明远';
const run = Math.random().toString(36).slice(2, 7);
const ACCOUNT_NAME = `启明物流测试公司${run}`;
const PROJECT_NAME = `仓储管理系统升级 ${run}`;

/** value: share 3, business value 3 → 50 (medium); difficulty: everything easy → 0 (low): grade B */
const SCORES = { share: 3, business_value: 3, effort: 1, deal_risk: 1, payment_risk: 1, supply_capacity: 5, difficulty: 1 } as const;

const { browser } = trackBrowsers('pipeline');

function field(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Types into a searching select and picks the option that contains the text. */
async function pickSearching(page: Page, testId: string, typed: string) {
  const input = field(page, testId);
  await input.click();
  await input.fill(typed);
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: typed }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
}

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: new RegExp(`^${text}$`) }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
}

/** Waits until the page header's stage tag reads "<stage> · …". */
async function stageIs(page: Page, stage: number) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="opportunity-stage-tag"]')?.textContent?.startsWith(`${s} · `) ?? false, stage);
}

/** Ticks manual checklist items of the current stage one by one, each confirmed by the server. */
async function tick(page: Page, items: readonly ChecklistItem[]) {
  for (const item of items) {
    await page.getByTestId(`checklist-item-${item}`).locator('input[type="checkbox"]').click();
    await page.waitForFunction((i) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="checklist-item-${i}"] input[type="checkbox"]`);
      return !!input?.checked && !input.disabled;
    }, item);
  }
}

async function advance(page: Page, to: number) {
  await page.getByTestId('opportunity-advance').click();
  await stageIs(page, to);
}

describe('account development journey', () => {
  let projectId = 0;
  let approvalId = 0;

  it('the account manager starts a project, is told what stage 1 lacks, and works it to stage 3', async () => {
    const { page } = await browser({ width: 1280, height: 900 });
    await signIn(page, MANAGER);

    // a fresh account of this run, so its grade is the one this assessment gives
    await page.goto(`${baseUrl}/accounts/new`);
    await field(page, 'account-name').fill(ACCOUNT_NAME);
    await page.getByTestId('account-save').click();
    await page.waitForURL(/\/accounts\/\d+$/);
    const accountId = Number(/\/accounts\/(\d+)$/.exec(page.url())![1]);

    // the 360 page's development tab offers a new project preset to the account
    await page.getByTestId('account-tab-opportunities').click();
    await page.getByTestId('account-opportunity-new').click();
    await page.waitForURL(/\/opportunities\/new\?accountId=\d+$/);
    await page.getByTestId('opportunity-account').getByText(ACCOUNT_NAME).waitFor();
    await field(page, 'opportunity-name').fill(PROJECT_NAME);
    await field(page, 'opportunity-value').fill('500000');
    await page.getByTestId('opportunity-participant-add').click();
    await pickSearching(page, 'opportunity-participant-user-0', DIRECTOR_NAME);
    await pick(page, 'opportunity-participant-part-0', pipeline.parts.ka_director);
    await page.getByTestId('opportunity-save').click();
    await page.waitForURL(/\/opportunities\/\d+$/);
    projectId = Number(/\/opportunities\/(\d+)$/.exec(page.url())![1]);
    await expect(page.getByTestId('opportunity-title').innerText()).resolves.toBe(PROJECT_NAME);
    await expect(page.getByTestId('opportunity-account-link').getAttribute('href')).resolves.toBe(`/accounts/${accountId}`);
    await stageIs(page, 1);

    // the gate of stage 1 is closed: the server's refusal names the three items
    await page.getByTestId('opportunity-advance').click();
    const missing = page.getByTestId('gate-missing');
    await missing.waitFor();
    for (const item of STAGE_ITEMS[1]) await expect(page.getByTestId(`gate-missing-${item}`).innerText()).resolves.toBe(pipeline.items[item]);
    await shot(page, 'pipeline-01-gate-refused', { fullPage: false });
    await page.getByTestId('gate-ok').click();
    await missing.waitFor({ state: 'hidden' });

    await tick(page, STAGE_ITEMS[1]);
    await advance(page, 2);
    await tick(page, STAGE_ITEMS[2]);
    await advance(page, 3);
    // stage 3's own gate: the assessment and the approved plan are automatic and still open
    const gate = await page.getByTestId('opportunity-missing').innerText();
    expect(gate).toContain(pipeline.items.assessment);
    expect(gate).toContain(pipeline.items.plan_approved);
    expect(gate).not.toContain(pipeline.items.participant_ka_director);
  });

  it('the assessment scores to grade B, which the account then carries', async () => {
    const page = (await browser({ width: 1280, height: 900 })).page;
    await signIn(page, MANAGER);
    await page.goto(`${baseUrl}/opportunities/${projectId}?tab=assessment`);
    for (const [factor, score] of Object.entries(SCORES)) await page.getByTestId(`factor-score-${factor}`).getByText(String(score), { exact: true }).click();
    // the preview grades as the server will
    await page.waitForFunction(() => document.querySelector('[data-testid="assessment-preview-outcome"]')?.getAttribute('data-outcome') === 'B');
    await field(page, 'assessment-summary').fill('需求明确，决策链清楚；份额中等，控制投入。');
    await page.getByTestId('assessment-save').click();
    const result = page.getByTestId('assessment-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(pipeline.outcomes.B);
    expect(await result.innerText()).toContain(pipeline.outcomeHints.B);
    await expect(page.getByTestId('assessment-account-grade').innerText()).resolves.toContain(opportunities.assessment.accountGraded.replace('{{grade}}', 'B'));
    await shot(page, 'pipeline-02-assessment-b');

    await page.getByTestId('opportunity-account-link').click();
    await page.waitForURL(/\/accounts\/\d+$/);
    await expect(page.getByTestId('account-grade-tag').innerText()).resolves.toBe(accounts.gradeTag.replace('{{grade}}', 'B'));
    // and lists the project on its development tab
    await page.getByTestId('account-tab-opportunities').click();
    await page.getByTestId(`opportunity-card-${projectId}`).waitFor();

    // the project page on a desk and on a phone
    await page.goto(`${baseUrl}/opportunities/${projectId}`);
    await stageIs(page, 3);
    await shot(page, 'pipeline-03-detail-1280');
    const phone = (await browser({ width: 390, height: 844 })).page;
    await signIn(phone, MANAGER);
    await phone.goto(`${baseUrl}/opportunities/${projectId}`);
    await stageIs(phone, 3);
    await shot(phone, 'pipeline-04-detail-390');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the project page fits a phone').toBeLessThanOrEqual(0);
    await phone.goto(`${baseUrl}/opportunities`);
    await phone.getByTestId(`opportunity-card-${projectId}`).waitFor();
    await shot(phone, 'pipeline-05-list-390');
  });

  it('the manager writes and submits the development plan; the KA director approves it', async () => {
    const { page } = await browser({ width: 1280, height: 900 });
    await signIn(page, MANAGER);
    await page.goto(`${baseUrl}/opportunities/${projectId}?tab=plan`);
    await field(page, 'plan-strategy').fill('以仓储效率为切入点，先争取信息中心主任支持，再安排高层拜访。');
    await page.getByTestId('plan-advantages').getByText(pipeline.advantages.efficiency).click();
    await field(page, 'plan-forecast-sales').fill('500000');
    await field(page, 'plan-forecast-risk').fill('0.2');
    await field(page, 'plan-forecast-staffCost').fill('20000');
    // 500,000 × 0.8 − 20,000
    await page.waitForFunction(() => document.querySelector('[data-testid="plan-expected-return"]')?.textContent?.includes('380,000.00'));
    await page.getByTestId('plan-save').click();
    await page.getByTestId('dev-plan').getByTestId('plan-status').getByText(pipeline.planStatuses.draft).waitFor();
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('dev-plan').getByTestId('plan-status').getByText(pipeline.planStatuses.pending).waitFor();
    await shot(page, 'pipeline-05-plan-pending');
    const href = await page.getByTestId('plan-approval-link').getAttribute('href');
    approvalId = Number(/\/approvals\/(\d+)$/.exec(href ?? '')?.[1]);
    expect(approvalId).toBeGreaterThan(0);

    const director = (await browser({ width: 1280, height: 900 })).page;
    await signIn(director, DIRECTOR);
    await director.goto(`${baseUrl}/approvals`);
    await director.getByTestId(`approval-open-${approvalId}`).click();
    await director.getByTestId('approval-approve').click();
    await director.getByTestId('approval-confirm').click();
    await director.waitForFunction(() => !document.querySelector('[data-testid="approval-approve"]'));

    await page.reload();
    await page.getByTestId('dev-plan').getByTestId('plan-status').getByText(pipeline.planStatuses.approved).waitFor();
    // the approved plan reads as a document, not as a greyed-out form (issue 13 item 10)
    await page.getByTestId('plan-document').waitFor();
    expect(await page.getByTestId('dev-plan').locator('input, textarea, .ant-select').count()).toBe(0);
    expect(await page.getByTestId('plan-doc-strategy').innerText()).toContain('以仓储效率为切入点');
    expect(await page.getByTestId('plan-expected-return').innerText()).toContain('380,000.00');
  });

  it('the manager takes the project into stage 4 and the board shows it there', async () => {
    const { page } = await browser({ width: 1280, height: 900 });
    await signIn(page, MANAGER);
    await page.goto(`${baseUrl}/opportunities/${projectId}`);
    await stageIs(page, 3);
    expect(await page.getByTestId('opportunity-missing').count()).toBe(0);
    await advance(page, 4);
    await page.getByTestId('tab-history').click();
    await page.getByTestId('opportunity-history').waitFor();
    expect(await page.getByTestId('opportunity-history').locator('[data-testid^="history-"]').count()).toBe(4);
    // the same page in English
    await page.evaluate(() => localStorage.setItem('tm.language', 'en'));
    await page.reload();
    await expect(page.getByTestId('opportunity-advance').innerText()).resolves.toBe(opportunitiesEn.actions.advance.replace('{{stage}}', '5'));
    await shot(page, 'pipeline-06-detail-en');
    await page.evaluate(() => localStorage.setItem('tm.language', 'zh-CN'));

    await page.goto(`${baseUrl}/pipeline/board`);
    await page.getByTestId('board-column-4').getByTestId(`board-card-${projectId}`).waitFor();
    await shot(page, 'pipeline-07-board');
  });
});
