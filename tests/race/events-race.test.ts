import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../support/pipeline';
import { login, raceEnabled, send, startRig, type RaceRig } from '../support/servers';

/**
 * 客户活动 across two server processes on one PostgreSQL database: 50 simultaneous invitations of the same
 * contacts leave one invitation each; 50 simultaneous registrations never pass the capacity; 50
 * simultaneous costs above the budget tell the director once.
 */
const REQUESTS = 50;

describe('event races across two server processes', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(2);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${REQUESTS} simultaneous invitations, registrations and costs on 2 processes (PostgreSQL only)`, async () => {
    const { servers, database, org } = rig!;
    const db = database.db;
    const accountId = await insertAccount(db, '并发活动客户', org.users.manager_a!);
    const contactIds: number[] = [];
    for (let i = 0; i < REQUESTS; i++) contactIds.push((await db.insertInto('contacts').values({ account_id: accountId, name: `嘉宾${i}` }).returning('id').executeTakeFirstOrThrow()).id);
    const ev = await sql<{ id: number }>`insert into customer_events (kind, title, owner_id, unit_id, starts_at, ends_at, budget, capacity, status)
      select 'seminar', '并发座谈会', id, unit_id, now() + interval '2 days', now() + interval '2 days 3 hours', 100000, 10, 'approved' from users where id = ${org.users.manager_a!} returning id`.execute(db);
    const eventId = Number(ev.rows[0]!.id);
    const sessions = [...(await Promise.all(servers.map((s) => login(s, 'manager_a')))), ...(await Promise.all(servers.map((s) => login(s, 'director'))))];
    const at = (i: number) => sessions[i % sessions.length]!;

    // the same 50 contacts, 50 times at once
    const invited = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => (await send(at(i), 'POST', `/api/events/${eventId}/invitations`, { contactIds })).status));
    const invitations = await db.selectFrom('event_invitations').select(['id', 'version']).where('event_id', '=', eventId).execute();
    console.log(`event race: invitations ${invited.filter((s) => s === 200).length} × 200 → ${invitations.length} rows`);
    expect(invited.every((s) => s === 200)).toBe(true);
    expect(invitations).toHaveLength(REQUESTS);

    // every guest registers at once: the capacity of 10 holds
    const registered = await Promise.all(invitations.map(async (inv, i) => (await send(at(i), 'PATCH', `/api/events/${eventId}/invitations/${inv.id}`, { version: inv.version, response: 'registered' })).status));
    const count = await db.selectFrom('event_invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).where('response', '=', 'registered').executeTakeFirstOrThrow();
    console.log(`event race: registrations ${registered.filter((s) => s === 200).length} × 200, ${registered.filter((s) => s === 409).length} × 409`);
    expect(registered.filter((s) => s === 200)).toHaveLength(10);
    expect(registered.filter((s) => s === 409)).toHaveLength(REQUESTS - 10);
    expect(Number(count.n)).toBe(10);

    // 50 costs of ¥1,000 against a ¥1,000 budget, each with its reason: all recorded, the director told once
    // (by the organiser on both processes: a director's own over-budget cost tells no one)
    const costs = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => (await send(sessions[i % servers.length]!, 'POST', `/api/events/${eventId}/costs`, { category: 'catering', amount: 100_000, spentOn: '2026-12-01', overBudgetReason: `加菜 ${i}` })).status));
    expect(costs.every((s) => s === 200)).toBe(true);
    const spent = await db.selectFrom('event_costs').select((eb) => eb.fn.sum<number>('amount').as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(Number(spent.n)).toBe(REQUESTS * 100_000);
    const notices = await db.selectFrom('notifications').select('id').where('kind', '=', 'events.overBudget').execute();
    expect(notices).toHaveLength(1);
  });
});
