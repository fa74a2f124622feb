import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAccount } from '../../src/server/features/accounts';
import { recomputeAccounts } from '../../src/server/features/health/health.service';
import { systemActor } from '../../src/server/platform/auth/actor-loader';
import { createTestApp, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

/**
 * Two recomputes that wait for another transaction's lock (PostgreSQL only: the embedded database has one
 * connection). A health recompute waiting on an owner change must not write the old owner back into
 * account_health (the at-risk list's scope); an account refresh waiting on another contact's refresh must
 * count the contact that one committed.
 */
const pg = process.env.TEST_DB === 'postgres';

describe('recomputes that wait for a lock (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (pg) t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const held = () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    return { gate, release };
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it.skipIf(!pg)('a health recompute during an owner change leaves the new owner on the list', async () => {
    const db = t.database.db;
    const u = t.org.users;
    const id = await insertAccount(db, '并发换人客户', u.manager_a!);
    await recomputeAccounts(db, [id], 'Asia/Shanghai');
    const to = await db.selectFrom('users').select(['id', 'unit_id']).where('id', '=', u.manager_b!).executeTakeFirstOrThrow();
    const { gate, release } = held();
    const change = db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ owner_id: to.id, unit_id: to.unit_id }).where('id', '=', id).execute();
      await gate;
    });
    await pause(100);
    const recompute = recomputeAccounts(db, [id], 'Asia/Shanghai');
    await pause(300);
    release();
    await Promise.all([change, recompute]);
    const h = await db.selectFrom('account_health').select(['owner_id', 'unit_id']).where('account_id', '=', id).executeTakeFirstOrThrow();
    expect(h).toEqual({ owner_id: to.id, unit_id: to.unit_id });
  });

  it.skipIf(!pg)('two contacts added at once are both counted', async () => {
    const db = t.database.db;
    const id = await insertAccount(db, '并发联系人客户', t.org.users.manager_a!);
    const actor = systemActor();
    const { gate, release } = held();
    const first = db.transaction().execute(async (trx) => {
      await trx.insertInto('contacts').values({ account_id: id, name: '甲' }).execute();
      await refreshAccount(trx, id, actor, 'created', 'Asia/Shanghai');
      await gate;
    });
    await pause(100);
    const second = db.transaction().execute(async (trx) => {
      await trx.insertInto('contacts').values({ account_id: id, name: '乙' }).execute();
      await refreshAccount(trx, id, actor, 'created', 'Asia/Shanghai');
    });
    await pause(300);
    release();
    await Promise.all([first, second]);
    const a = await db.selectFrom('accounts').select('active_contacts').where('id', '=', id).executeTakeFirstOrThrow();
    expect(a.active_contacts).toBe(2);
  });
});
