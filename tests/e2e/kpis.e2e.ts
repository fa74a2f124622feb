import { describe, expect, it } from 'vitest';
import type { Attainment, KpiBoard, KpiSet } from '../../src/shared/contracts/kpis';
import type { MoneyUnit } from '../../src/shared/domain/money';
import { formatMoney } from '../../src/shared/domain/money';
import { periodOf } from '../../src/shared/domain/kpi-period';
import kpis from '../../src/shared/locales/zh-CN/kpis.json';
import { apiAs, navTo, pick, serverUrl, settled, shot, signIn, trackBrowsers } from './browser';

/**
 * 目标达成 (PERF-2): the KA director 张明远 opens 目标达成 from the menu at 1440 px, picks 季 and the current
 * quarter and sees his department's approved 2026 plan — the total and his five people, a status tag each, the
 * total's actual as the API gives it, the link to the plan — then switches to 拜访次数. The field specialist
 * 赵磊 on a phone (390 px) sees only the total and his own row, as cards, nothing wider than the screen.
 * KPI 指标库: the director opens the board of his department for this month, every row × every KPI, opens 赵磊's
 * KPIs from his row — the visits as the API counts them, how they are computed — and reads both on a phone.
 */

const { browser } = trackBrowsers('kpis');
const rowId = (r: Attainment['rows'][number]) => `kpis-row-${r.kind}-${r.id}`;

describe('kpis', () => {
  it('the director reads his department’s quarter against its approved targets, then its visits', async () => {
    const director = await apiAs('zhangmingyuan');
    const me = director.me as unknown as { moneyUnit: MoneyUnit };
    const today = (await director.get<Attainment>('/api/kpis/attainment')).today;
    const quarter = periodOf(today, 'quarter');
    const sales = await director.get<Attainment>(`/api/kpis/attainment?metric=sales&period=${quarter}`);
    // the department first, then its sub-units (another journey may have added one) and its people
    expect(sales.rows[0]!.name).toBe('大客户部');
    expect(sales.rows.filter((r) => r.kind === 'user').map((r) => r.name)).toEqual(['张明远', '陈思远', '刘晓峰', '赵磊', '孙丽']);
    expect(sales.plan?.status).toBe('approved');

    const { page } = await browser({ width: 1440, height: 900 });
    await signIn(page, 'zhangmingyuan');
    await navTo(page, '/kpis/attainment');
    await page.getByTestId('kpis-elapsed').waitFor();
    await page.getByTestId('kpis-kind-quarter').click();
    await pick(page, 'kpis-item', kpis.quarters[quarter.slice(-1) as '1' | '2' | '3' | '4']);
    await page.waitForURL((u) => u.searchParams.get('period') === quarter);

    const total = sales.rows.find((r) => r.role === 'total')!;
    await expect.poll(() => page.getByTestId(`kpis-actual-unit-${total.id}`).innerText()).toBe(`${formatMoney(total.actual, me.moneyUnit)} ${me.moneyUnit === 'wan' ? '万元' : '元'}`);
    const rows = page.locator('[data-testid^="kpis-row-"]');
    expect(await rows.count()).toBe(sales.rows.length);
    expect(await rows.first().getAttribute('data-testid')).toBe(rowId(total));
    for (const r of sales.rows) {
      const tag = page.getByTestId(`kpis-status-${r.kind}-${r.id}`);
      expect(await tag.getAttribute('data-status')).toBe(r.status);
      expect(await tag.innerText()).toBe(kpis.statuses[r.status]);
    }
    expect(await page.getByTestId('kpis-elapsed').innerText()).toContain(`${sales.elapsed.workingDays} / ${sales.elapsed.totalWorkingDays}`);
    expect(await page.getByTestId('kpis-plan-link').getAttribute('href')).toBe(`/targets/${sales.plan!.id}`);
    await page.getByTestId('kpis-chart').locator('canvas').waitFor();

    // 拜访次数: counts, the department's other plan
    const visits = await director.get<Attainment>(`/api/kpis/attainment?metric=visits&period=${quarter}`);
    await page.getByTestId('kpis-metric-visits').click();
    await page.waitForURL((u) => u.searchParams.get('metric') === 'visits');
    await expect.poll(() => page.getByTestId(`kpis-actual-unit-${total.id}`).innerText()).toBe(`${visits.rows[0]!.actual} 次`);
    for (const r of visits.rows) expect(await page.getByTestId(`kpis-status-${r.kind}-${r.id}`).getAttribute('data-status')).toBe(r.status);
    await settled(page);
    await shot(page, 'kpis-director-visits-1440');
  });

  it('a field specialist on a phone sees the total and his own row only', async () => {
    const zhaolei = await apiAs('zhaolei');
    const own = await zhaolei.get<Attainment>('/api/kpis/attainment');
    expect(own.rows.map((r) => r.name)).toEqual(['大客户部', '赵磊']);

    const { page } = await browser({ width: 390, height: 844 });
    await signIn(page, 'zhaolei');
    await page.getByTestId('nav-open').click();
    await navTo(page, '/kpis/attainment');
    await page.getByTestId('kpis-cards').waitFor();
    const cards = page.locator('[data-testid^="kpis-row-"]');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.nth(0).getAttribute('data-testid')).toBe(rowId(own.rows[0]!));
    expect(await cards.nth(1).getAttribute('data-testid')).toBe(`kpis-row-user-${zhaolei.me.id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'kpis-specialist-390');
    expect(page.url()).toBe(`${serverUrl()}/kpis/attainment`);
  });

  it('the director opens his department’s KPI board and one of his people’s KPIs, on a desk and on a phone', async () => {
    const director = await apiAs('zhangmingyuan');
    const zhaolei = (await apiAs('zhaolei')).me.id;
    const board = await director.get<KpiBoard>('/api/kpis/board');
    expect(board.unit.name).toBe('大客户部');
    expect(board.period.key).toBe(periodOf(board.today, 'month'));
    const total = board.rows.find((r) => r.role === 'total')!;
    expect(board.rows.some((r) => r.kind === 'user' && r.id === zhaolei)).toBe(true);

    const { page } = await browser({ width: 1440, height: 900 });
    await signIn(page, 'zhangmingyuan');
    await navTo(page, '/kpis');
    await page.getByTestId('kpis-board').waitFor();
    expect(await page.getByTestId('kpis-unit-name').innerText()).toContain('大客户部');
    const month = String(Number(board.today.slice(5, 7))) as keyof typeof kpis.months;
    expect(await page.getByTestId('kpis-period').innerText()).toContain(`${board.today.slice(0, 4)}年${kpis.months[month]}`);
    // the total first, then every row the API gives, each KPI a column with its figure
    const rows = page.locator('[data-testid^="kpis-board-row-"]');
    await expect.poll(() => rows.count()).toBe(board.rows.length);
    expect(await rows.first().getAttribute('data-testid')).toBe(`kpis-board-row-unit-${total.id}`);
    // (the table's measuring row repeats the headings: count those of the head)
    expect(await page.locator('thead [data-testid^="kpis-col-"]').count()).toBe(board.keys.length);
    expect(await page.getByTestId(`kpis-cell-unit-${total.id}-visits`).innerText()).toBe(total.values.visits!.value!.toLocaleString('zh-CN'));
    await page.locator('thead').getByTestId('kpis-col-visits').hover();
    await expect.poll(() => page.locator('.ant-popover').filter({ visible: true }).innerText()).toContain(kpis.library.visits.formula);
    await shot(page, 'kpis-library-board-1440', { fullPage: false });

    // 赵磊's row opens his KPIs for the same period
    await page.getByTestId(`kpis-open-user-${zhaolei}`).click();
    await page.waitForURL((u) => u.pathname === `/kpis/subject/user:${zhaolei}`);
    expect(new URL(page.url()).searchParams.get('period')).toBe(board.period.key);
    await page.getByTestId('kpis-value-visits').waitFor();
    expect(await page.getByTestId('kpis-subject-name').innerText()).toBe('赵磊');
    const set = await director.get<KpiSet>(`/api/kpis?subject=user:${zhaolei}&period=${board.period.key}`);
    const visits = set.items.find((i) => i.key === 'visits')!;
    expect(await page.getByTestId('kpis-value-visits').innerText()).toBe(visits.value!.toLocaleString('zh-CN'));
    expect(await page.locator('[data-testid^="kpis-item-"]').count()).toBe(set.items.length);
    expect(await page.getByTestId('kpis-status-visits').getAttribute('data-status')).toBe(visits.attainment!.status);
    // how it is computed, beneath the KPI
    expect(await page.getByTestId('kpis-def-visits').count()).toBe(0);
    await page.getByTestId('kpis-def-open-visits').click();
    expect(await page.getByTestId('kpis-def-formula-visits').innerText()).toBe(kpis.library.visits.formula);
    await settled(page);
    await shot(page, 'kpis-library-subject-1440');

    // on a phone: the KPIs as cards, nothing wider than the screen; back on the board, a card per row
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="kpis-item-visits"].ant-card').waitFor();
    expect(await page.getByTestId('kpis-value-visits').innerText()).toBe(visits.value!.toLocaleString('zh-CN'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'kpis-library-subject-390');
    await page.getByTestId('kpis-back').click();
    await page.getByTestId('kpis-board-cards').waitFor();
    await expect.poll(() => rows.count()).toBe(board.rows.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'kpis-library-board-390');
  });
});
