import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, raceEnabled, send, startRig, type RaceRig } from '../support/servers';

/**
 * 考核表 across processes: 50 simultaneous openings of one month, split between two real server processes on one
 * PostgreSQL database and between the director and the GM — one card per person, one set of items each; then 50
 * simultaneous 发起自评 on one card at the version read — one moves it, 49 conflicts, one audit record.
 */
const REQUESTS = 50;

describe('scorecards race across two server processes', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(2);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${REQUESTS} openings of a month, then ${REQUESTS} advances of one card, on 2 processes (PostgreSQL only)`, async () => {
    const { servers, database, org } = rig!;
    const db = database.db;
    const sessions = [...(await Promise.all(servers.map((s) => login(s, 'director')))), ...(await Promise.all(servers.map((s) => login(s, 'gm'))))];
    const opened = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => send<{ opened: number }>(sessions[i % sessions.length]!, 'POST', '/api/scorecards/open', { period: '2026-09' })));
    expect(opened.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const cards = await db.selectFrom('scorecards').select(['id', 'user_id', 'version']).where('period', '=', '2026-09').execute();
    // the GM's openings reach the whole company: the six scored people of the department, one card each
    expect(cards).toHaveLength(6);
    expect(new Set(cards.map((c) => c.user_id)).size).toBe(6);
    expect(opened.reduce((s, r) => s + r.body.opened, 0)).toBe(6);
    const items = await sql<{ n: number }>`select count(*)::int as n from scorecard_items`.execute(db);
    expect(Number(items.rows[0]!.n)).toBe(cards.filter((c) => c.user_id === org.users.manager_a || c.user_id === org.users.manager_b).length * 12 + 4 * 4);

    const card = cards.find((c) => c.user_id === org.users.spec_a1)!;
    const advanced = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => (await send(sessions[i % sessions.length]!, 'POST', `/api/scorecards/${card.id}/advance`, { version: card.version })).status));
    console.log(`scorecards race: ${REQUESTS} advances → ${advanced.filter((s) => s === 200).length} × 200, ${advanced.filter((s) => s === 409).length} × 409`);
    expect(advanced.filter((s) => s === 200)).toHaveLength(1);
    expect(advanced.filter((s) => s === 409)).toHaveLength(REQUESTS - 1);
    const after = await db.selectFrom('scorecards').select(['status']).where('id', '=', card.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('self_review');
    const audits = await db.selectFrom('audit_log').select('id').where('entity', '=', 'scorecard').where('entity_id', '=', String(card.id)).where('action', '=', 'advance').execute();
    expect(audits).toHaveLength(1);
  });
});
