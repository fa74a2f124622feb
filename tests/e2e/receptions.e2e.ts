import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverUrl, shot, signIn, trackBrowsers } from './browser';

/**
 * The banquet journey (issue 5 items 5, 6 and 11): a reception for a customer is applied for,
 * approved by the KA director and finance and reported (set up through the API as the people
 * who do it); then the specialist seats a banquet of two tables in the browser. The proposal
 * follows 宴会管理制度: the host at the centre seat, the chief guest on the host's right, the
 * second host opposite with the second guest on their right, hosts and guests alternating; the
 * second table is headed by a host. The plan is saved, locked and printed as cards, and the
 * application and report print as the seed's forms.
 */

const baseUrl = serverUrl();
const run = Date.now().toString(36).slice(-5);
const GUESTS = ['刘行长', '陈主任', '黄处长', '吴科长', '郑经理', '冯主管', '蒋专员', '沈专员', '韩专员'];
const EXTRA_HOSTS = ['陈思远', '刘晓峰', '孙丽', '周婷'];

const { browser } = trackBrowsers('receptions');

async function apiOf(page: Page) {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const send = async <T,>(method: 'post' | 'put', url: string, data: unknown, status = 200): Promise<T> => {
    const res = await page.request[method](`${baseUrl}${url}`, { headers, data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(status);
    return (await res.json()) as T;
  };
  return { post: <T,>(url: string, data: unknown, status?: number) => send<T>('post', url, data, status), put: <T,>(url: string, data: unknown) => send<T>('put', url, data) };
}

type One = { reception: { id: number; version: number; approvalId: number } };

describe('reception journey', () => {
  it('seats a banquet of two tables by the rules and prints the cards and forms', async () => {
    const spec = await browser();
    await signIn(spec.page, 'zhaolei');
    const api = await apiOf(spec.page);
    const accountId = (await api.post<{ id: number }>('/api/accounts', { name: `宴请演练${run}银行股份有限公司` })).id;
    const created = await api.post<One>(
      '/api/receptions',
      {
        accountId,
        startsAt: '2026-12-18T18:00:00+08:00',
        place: '金陵饭店',
        visitors: GUESTS.map((name) => ({ name })),
        purposes: ['celebrate_cooperation', 'customer_visit'],
        level: 'high',
        costs: { entertainment: 800_000, meeting: 0, ceremony: 0, gift: 200_000, other: 0 },
      },
      201,
    );
    const id = created.reception.id;
    const sub = await api.post<One>(`/api/receptions/${id}/submit`, { version: created.reception.version });

    // the KA director, then finance, approve (¥10,000: no GM)
    for (const who of ['zhangmingyuan', 'wufang']) {
      const b = await browser();
      await signIn(b.page, who);
      await (await apiOf(b.page)).post(`/api/approvals/${sub.reception.approvalId}/approve`, {});
    }
    const approved = (await (await spec.page.request.get(`${baseUrl}/api/receptions/${id}`)).json()) as One;
    await api.put(`/api/receptions/${id}/report`, {
      version: approved.reception.version,
      date: '2026-12-18',
      place: '金陵饭店',
      guestAttendees: GUESTS.map((name) => ({ name })),
      hostAttendees: [
        { name: '王建国', title: '总经理' },
        { name: '张明远', title: '客户总监' },
        { name: '赵磊', title: '客户专员' },
      ],
      spent: { meals: 760_000, lodging: 0, transport: 30_000, gifts: 200_000, other: 0 },
      spentNotes: { meals: '晚宴两桌' },
      activities: '签约仪式后晚宴',
      effect: '双方高层建立联系，客户同意推进二期',
      information: '客户明年计划扩建数据中心',
    });

    // the seating tab: the report's people are there; four more hosts are added by hand
    const page = spec.page;
    await page.goto(`${baseUrl}/receptions/${id}?tab=seating`);
    await page.getByTestId('seating-propose').waitFor();
    expect(await page.getByTestId('seat-person-name-0').inputValue()).toBe('王建国');
    for (const [i, name] of EXTRA_HOSTS.entries()) {
      await page.getByTestId('seat-add-host').click();
      await page.getByTestId(`seat-person-name-${3 + GUESTS.length + i}`).fill(name);
    }
    // 张明远 (row 1) sits opposite the host as 副主人 because he is marked so, not for being second in rank
    await page.getByTestId('seat-second-host-1').check();
    expect(await page.getByTestId('seat-second-host-3').isDisabled()).toBe(true);
    await page.getByTestId('seats-per-table').fill('8');
    await page.getByTestId('seating-propose').click();
    await page.getByTestId('seat-map').waitFor();

    const person = async (table: number, seat: number) => page.getByTestId(`seat-${table}-${seat}`).getAttribute('data-person');
    const tables = await page.locator('[data-testid^="table-"]').count();
    expect(tables).toBe(2);
    // host at the centre, chief guest on the host's right, the marked second host opposite, second guest on their right
    expect(await person(1, 0)).toBe('h1');
    expect(await person(1, 1)).toBe('g1');
    expect(await person(1, 4)).toBe('h2');
    expect(await person(1, 5)).toBe('g2');
    // hosts and guests alternate round the main table
    const sides = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(async (s) => (await person(1, s))?.[0]));
    expect(sides).toEqual(['h', 'g', 'h', 'g', 'h', 'g', 'h', 'g']);
    // the second table is headed by a host
    expect((await person(2, 0))?.[0]).toBe('h');
    await shot(page, 'receptions-01-seating-proposed');

    // a click-swap of two seats, then save and lock
    const a = await person(2, 1);
    const b = await person(2, 2);
    await page.getByTestId('seat-2-1').click();
    await page.getByTestId('seat-2-2').click();
    expect(await person(2, 1)).toBe(b);
    expect(await person(2, 2)).toBe(a);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/receptions/${id}/seating`) && r.request().method() === 'PUT');
    await page.getByTestId('seating-lock').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('seating-unlock').waitFor();
    await shot(page, 'receptions-02-seating-locked');

    // the phone shows the plan as a list
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('seat-row-1-0').waitFor();
    expect(await page.getByTestId('seat-row-1-0').innerText()).toContain('王建国');
    await shot(page, 'receptions-03-seating-phone');
    await page.setViewportSize({ width: 1366, height: 800 });

    // the cards print on A4 with a seat card per person
    await page.getByTestId('print-cards').click();
    await page.getByTestId('print-sheet').waitFor();
    expect(await page.locator('[data-testid^="seat-card-"]').count()).toBe(GUESTS.length + 3 + EXTRA_HOSTS.length);
    expect(await page.getByTestId('table-card-1').innerText()).toBe('主桌');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'receptions-04-cards-print');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const [, w, h] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
    expect(pdf.match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThanOrEqual(2);

    // the application and the report print like seed 003 forms 6 and 7, each on one A4 page
    // (Chromium's PDF printer: no row split onto a second page — issue 13 item 19)
    for (const form of ['application', 'report'] as const) {
      await page.goto(`${baseUrl}/receptions/${id}/print/${form}`);
      await page.getByTestId('print-sheet').waitFor();
      const text = await page.getByTestId('print-sheet').innerText();
      expect(text).toContain(form === 'application' ? '客户接待申请表' : '客户接待报告表');
      expect(text).toContain(form === 'application' ? '10,000.00' : '9,900.00');
      expect(pdfPages(await page.pdf({ format: 'A4' })), form).toBe(1);
      await shot(page, `receptions-0${form === 'application' ? 5 : 6}-${form}-print`);
    }
    // the reception starts at 18:00 in Shanghai: so it prints, here and in a browser in New York
    await page.goto(`${baseUrl}/receptions/${id}/print/application`);
    await page.getByTestId('print-sheet').waitFor();
    expect(await page.getByTestId('print-sheet').innerText()).toContain('2026-12-18 18:00');
    await page.emulateMedia({ media: 'screen' });

    const abroad = (await browser({ width: 1366, height: 800, timezoneId: 'America/New_York' })).page;
    await signIn(abroad, 'zhaolei');
    expect(await abroad.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await abroad.goto(`${baseUrl}/receptions/${id}/print/application`);
    await abroad.getByTestId('print-sheet').waitFor();
    const printed = await abroad.getByTestId('print-sheet').innerText();
    expect(printed).toContain('2026-12-18 18:00');
    expect(printed).not.toContain('2026-12-18 05:00');
    expect(pdfPages(await abroad.pdf({ format: 'A4' }))).toBe(1);
  });
});

/** The number of pages of a PDF Chromium printed. */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}
