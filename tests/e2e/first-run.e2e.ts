import { describe, expect, it } from 'vitest';
import { serverUrl, shot, signIn, trackBrowsers } from './browser';

/** First run as people meet it (issue 13): the address the README gives opens the app. */
const baseUrl = serverUrl();
const { browser } = trackBrowsers('first-run');

describe('first run', () => {
  it('/ serves the app: signed out the login page, signed in the home page, and F5 there keeps it', async () => {
    const root = await fetch(`${baseUrl}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    // a directory of the built app that is not a page is a 404 in the API's shape, never a 403 'VALIDATION'
    const dir = await fetch(`${baseUrl}/assets/`);
    expect(dir.status).not.toBe(500);
    if (dir.status >= 400) expect(((await dir.json()) as { error: { code: string } }).error.code).not.toBe('VALIDATION');

    const { page } = await browser();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('login-form').waitFor();
    await signIn(page, 'zhangmingyuan');
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('home-greeting').waitFor();
    await page.reload();
    await page.getByTestId('home-greeting').waitFor();
    await shot(page, 'first-run-home');
  });
});
