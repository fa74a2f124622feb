import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type AppHandle } from '../../src/server/app';
import { cloneTemplate } from '../support/db';
import { testConfig } from '../support/app';

/**
 * Issue 13 item 2: at the default level (info) the server logs no line per request, so a first
 * start's one-time admin password stays on screen; LOG_LEVEL=debug brings the request lines back.
 */
describe('request logging follows LOG_LEVEL', () => {
  const opened: { handle: AppHandle; drop: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.handle.platform.jobs.stop();
      await o.handle.app.close();
      await o.drop();
    }
  });

  async function linesAt(level: string): Promise<{ msg?: string; req?: { url?: string } }[]> {
    const { database, drop } = await cloneTemplate();
    const lines: string[] = [];
    const handle = await buildApp({ database, config: testConfig(), logger: { level, stream: { write: (l: string) => lines.push(l) } } });
    opened.push({ handle, drop });
    for (let i = 0; i < 3; i++) expect((await handle.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await handle.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
    return lines.map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } });
  }

  it('at info: no line per request', async () => {
    const lines = await linesAt('info');
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
  });

  it('at debug: each request is logged', async () => {
    const lines = await linesAt('debug');
    expect(lines.filter((l) => l.msg === 'incoming request').map((l) => l.req?.url)).toEqual(['/api/health', '/api/health', '/api/health', '/api/accounts']);
  });
});
