import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';
import { E2E_DEMO_PASSWORD, webBuiltAt } from './global-setup';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** script errors and failed loads of the app's own files, printed when a journey fails */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile per journey: the system's /usr/bin/chromium, never a downloaded one. */
export async function openBrowser(opts: { width?: number; height?: number; geolocation?: boolean; timezoneId?: string } = {}): Promise<Browser> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tm-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 800 },
    locale: 'zh-CN',
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  // API errors are part of what the journeys check; a missing script or stylesheet is not.
  page.on('response', (res) => {
    if (res.status() >= 400 && !new URL(res.url()).pathname.startsWith('/api/')) problems.push(`${res.status()} ${res.url()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The server of this worker: the journeys run in two workers, each against its own server and database
 * (global-setup.ts starts one per worker), so one file's approvals, runs and counts never meet another's.
 */
export function serverUrl(): string {
  const urls = inject('baseUrls');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return urls[(worker - 1) % urls.length]!;
}

/** Signs in through the login page (a demo user by default) and waits until it is left. */
export async function signIn(page: Page, username: string, password = E2E_DEMO_PASSWORD) {
  await page.goto(`${serverUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Clicks the menu entry of `path` (test id `nav-<path>`), first opening its group when it is collapsed: the
 * menu keeps only the current page's group open. On a phone, open the drawer (`nav-open`) first.
 */
export async function navTo(page: Page, path: string) {
  // within the menu: antd also renders each group's entries in a hidden pop-up under <body>
  const item = page.getByTestId('nav').getByTestId(`nav-${path}`);
  if (!(await item.isVisible())) {
    await page.locator(`[data-testid="nav"] li.ant-menu-submenu:has([data-testid="nav-${path}"]) > .ant-menu-submenu-title`).click();
    // the group slides open: a click mid-animation can land beside the entry
    await item.waitFor();
    await settled(page);
  }
  await item.click();
}

/** Resolves once no finite animation runs (spinners loop forever and are ignored). */
export async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

/**
 * Saves a screenshot once finite animations (drawers, modals, toasts sliding in) have finished.
 * A full-page capture draws fixed overlays only over the first viewport, so steps with an open
 * drawer or modal pass `fullPage: false`.
 */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  await settled(page);
  // a capture is evidence, not a check: on a loaded machine a large canvas (the relationship map) has taken
  // more than the default 30 s to draw, so it gets longer, and looping animations are stopped while it is taken
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled', timeout: 90_000 });
}

/**
 * The browsers of one journey file: opened on demand, all closed after the file, and on a
 * failure each one's screenshot and script errors are kept for the report (never a retry).
 */
export function trackBrowsers(prefix: string) {
  const open: Browser[] = [];
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      for (const [i, b] of open.entries()) {
        await shot(b.page, `${prefix}-failed-${ctx.task.name.slice(0, 24)}-${i}`, { fullPage: false }).catch(() => undefined);
        if (b.problems.length) console.error(`[e2e] browser ${i} at ${b.page.url()}:\n  ${b.problems.join('\n  ')}`);
      }
      if (webBuiltAt() !== inject('webBuiltAt')) {
        console.error('[e2e] dist/web was rebuilt by another process during this run (hashed asset names changed under the page).');
      }
    });
  });
  // every journey is also a check of the content security policy: nothing the app needs may be refused
  afterEach(() => {
    for (const b of open) expect(b.problems.filter((p) => /Content Security Policy/i.test(p))).toEqual([]);
  });
  afterAll(async () => {
    for (const b of open) await b.close();
  });
  const browser = async (opts?: { width: number; height: number; timezoneId?: string }) => {
    const b = await openBrowser(opts);
    open.push(b);
    return b;
  };
  return { browser, open };
}

/** A demo user's own API session (cookie and CSRF token) for the steps a journey does not click through. */
export async function apiAs(username: string, password = E2E_DEMO_PASSWORD) {
  const baseUrl = serverUrl();
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { id: number; csrfToken: string };
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    expect(res.ok, `${method} ${url}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  };
  return { me, get: <T>(url: string) => call<T>('GET', url), post: <T>(url: string, body: unknown) => call<T>('POST', url, body), put: <T>(url: string, body: unknown) => call<T>('PUT', url, body) };
}

/** Picks the option showing `text` in the select with test id `testId`, typing `type` first to search. */
export async function pick(page: Page, testId: string, text: string, type?: string) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(type);
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).filter({ hasText: text }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
}
