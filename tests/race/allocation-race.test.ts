import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';
import { login, raceEnabled, send, startRig, type RaceRig } from '../support/servers';

/**
 * DEAL-2 "over-allocation is impossible under concurrent requests": two real server processes on one
 * PostgreSQL database, 50 simultaneous allocations of two receipts (¥800 each) against one instalment
 * of ¥1,000 — lines of ¥50 and 'auto' mixed, split between the processes. Every figure is a multiple
 * of ¥50, so a request fails only when its receipt or the instalment is used up: the instalment ends paid in full.
 */
const REQUESTS = 50;
const INSTALMENT = 100_000;
const RECEIPT = 80_000;

describe('allocation race across two server processes', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(2);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${REQUESTS} simultaneous allocations on 2 processes never over-allocate (PostgreSQL only: runs in the PostgreSQL pass, TEST_DB=postgres with TEST_DATABASE_URL)`, async () => {
    const { servers, database, org } = rig!;
    const db = database.db;
    const accountId = await insertAccount(db, '并发回款客户', org.users.spec_a1!);
    const { instalmentIds } = await insertSignedContract(db, { accountId, ownerId: org.users.spec_a1!, instalments: [{ dueDate: '2026-03-31', amount: INSTALMENT }] });
    const instalmentId = instalmentIds[0]!;

    const finance = await Promise.all(servers.map((s) => login(s, 'finance')));
    const receiptIds: number[] = [];
    for (const bankRef of ['RACE-1', 'RACE-2']) {
      const r = await send<{ id: number; version: number }>(finance[0]!, 'POST', '/api/receipts', { accountId, amount: RECEIPT, receivedOn: '2026-04-01', bankRef });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const c = await send(finance[0]!, 'POST', `/api/receipts/${r.body.id}/confirm`, { version: r.body.version });
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      receiptIds.push(r.body.id);
    }

    const managers = await Promise.all(servers.map((s) => login(s, 'manager_a')));
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const session = i % 2 === 0 ? managers[i % managers.length]! : finance[i % finance.length]!;
        const receiptId = receiptIds[Math.floor(i / 2) % 2]!;
        const body = i % 5 === 4 ? { auto: true } : { allocations: [{ instalmentId, amount: 5_000 }] };
        const r = await send<{ error?: { code: string } }>(session, 'POST', `/api/receipts/${receiptId}/allocations`, body);
        return { status: r.status, code: r.body.error?.code, server: i % servers.length };
      }),
    );

    const inst = await db.selectFrom('contract_instalments').select(['amount', 'paid_amount']).where('id', '=', instalmentId).executeTakeFirstOrThrow();
    const live = await db.selectFrom('receipt_allocations').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.val(0)).as('s')).where('instalment_id', '=', instalmentId).where('undone_at', 'is', null).executeTakeFirstOrThrow();
    const receipts = await db.selectFrom('receipts').select(['id', 'amount', 'allocated']).where('id', 'in', receiptIds).execute();
    const perReceipt = await db.selectFrom('receipt_allocations').select(['receipt_id', (eb) => eb.fn.sum<number>('amount').as('s')]).where('undone_at', 'is', null).groupBy('receipt_id').execute();
    const ok = results.filter((r) => r.status === 201);
    const conflicts = results.filter((r) => r.status === 409);
    console.log(
      `allocation race: ${REQUESTS} requests on ${servers.length} processes → ${ok.length} × 201, ${conflicts.length} × 409, other ${results.length - ok.length - conflicts.length}; ` +
        `instalment paid ${inst.paid_amount} of ${inst.amount}, live allocations ${live.s}, receipts allocated ${receipts.map((r) => r.allocated).join(' + ')}`,
    );
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    expect(new Set(results.map((r) => r.server)).size).toBe(2);
    expect(ok.length).toBeGreaterThan(0);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(Number(inst.paid_amount)).toBeLessThanOrEqual(INSTALMENT);
    // the demand (two receipts of ¥800) exceeds the instalment: it ends paid in full, by both receipts
    expect(Number(inst.paid_amount)).toBe(INSTALMENT);
    expect(Number(live.s)).toBe(Number(inst.paid_amount));
    expect(receipts.reduce((s, r) => s + Number(r.allocated), 0)).toBe(Number(inst.paid_amount));
    for (const r of receipts) {
      expect(Number(r.allocated)).toBeLessThanOrEqual(Number(r.amount));
      expect(Number(perReceipt.find((p) => p.receipt_id === r.id)?.s ?? 0)).toBe(Number(r.allocated));
    }
  }, 180_000);
});
