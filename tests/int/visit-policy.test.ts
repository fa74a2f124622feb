import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { OVERDUE_DIGEST_ABOVE, runOverdueCheck } from '../../src/server/features/visit-policy/visit-policy.service';
import { VISIT_OVERDUE_JOB } from '../../src/server/features/visit-policy/visit-policy.routes';
import type { Kdb } from '../../src/server/db/client';

let t: TestApp;
let admin: Client;
let spec: Client;
let specB: Client;
let director: Client;
const acc: Record<string, number> = {};

const DAY = 86_400_000;
const daysAgo = (n: number, now = Date.now()) => new Date(now - n * DAY);
// the quadrant's interval is left out here (its own test below turns it on)
const policy = { tiers: { heavy: 14, large: 30, smb: null }, grades: { A: 7, B: 30, C: 60, D: null }, byQuadrant: false };
const quadrantDays = { star: 14, question: 14, cash_cow: 30, dog: 90 };

async function account(db: Kdb, name: string, ownerId: number, tier: string, grade: string | null, createdDaysAgo: number) {
  const id = await insertAccount(db, name, ownerId);
  await sql`update accounts set tier = ${tier}, grade = ${grade}, created_at = ${daysAgo(createdDaysAgo)} where id = ${id}`.execute(db);
  return id;
}
async function recordedVisit(db: Kdb, accountId: number, ownerId: number, at: Date) {
  const unit = (await db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow()).unit_id;
  await sql`insert into visits (account_id, owner_id, unit_id, purpose, method, planned_at, status, checked_in_at, recorded_at)
    values (${accountId}, ${ownerId}, ${unit}, 'relationship', 'onsite', ${at}, 'recorded', ${at}, ${at})`.execute(db);
}
async function overdueNotes(db: Kdb) {
  const rows = await db.selectFrom('notifications').select(['user_id', 'params']).where('kind', '=', 'visit.overdue').orderBy('id').execute();
  return rows.map((r) => [r.user_id, (r.params as { account: string }).account]);
}
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

beforeAll(async () => {
  t = await createTestApp();
  [admin, spec, specB, director] = await Promise.all(['admin', 'spec_a1', 'spec_b1', 'director'].map((u) => t.login(u)));
  const db = t.database.db;
  const u = t.org.users;
  // heavy (14) + grade C (60) → 14; last visit 20 days ago → overdue
  acc.heavy = await account(db, '政策客户重', u.spec_a1!, 'heavy', 'C', 400);
  await recordedVisit(db, acc.heavy, u.spec_a1!, daysAgo(20));
  // large (30) + grade A (7) → 7, the stricter; visited 10 days ago → overdue
  acc.gradeA = await account(db, '政策客户A', u.spec_a1!, 'large', 'A', 400);
  await recordedVisit(db, acc.gradeA, u.spec_a1!, daysAgo(10));
  // large (30) + no grade; visited 10 days ago → fine
  acc.fresh = await account(db, '政策客户新', u.spec_a1!, 'large', null, 400);
  await recordedVisit(db, acc.fresh, u.spec_a1!, daysAgo(10));
  // smb (none) + D (none) → no requirement
  acc.none = await account(db, '政策客户无', u.spec_a1!, 'smb', 'D', 400);
  // never visited, created 40 days ago, large → overdue since creation + 30 days
  acc.never = await account(db, '政策客户未访', u.manager_b!, 'large', null, 40);
  // a planned (not recorded) visit does not count
  await sql`insert into visits (account_id, owner_id, unit_id, purpose, method, planned_at, status)
    values (${acc.never}, ${u.manager_b!}, ${t.org.units.teamB}, 'first', 'onsite', ${daysAgo(1)}, 'approved')`.execute(db);
  // lost accounts are out of the policy
  acc.lost = await account(db, '政策客户流失', u.spec_a1!, 'heavy', 'A', 400);
  await sql`update accounts set lifecycle = 'lost' where id = ${acc.lost}`.execute(db);
});
afterAll(async () => t?.close());

describe('visit policy settings', () => {
  it('has defaults, and only account:configure reads or saves them', async () => {
    const r = await admin.get('/api/visit-policy');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ byQuadrant: true, quadrantDays });
    expect(r.body.tiers.heavy).toBe(14);
    expect((await spec.get('/api/visit-policy')).status).toBe(403);
    expect((await director.put('/api/visit-policy', policy)).status).toBe(403);
  });

  it('refuses frequencies that are not whole positive days, naming the field', async () => {
    const r = await admin.put('/api/visit-policy', { tiers: { ...policy.tiers, heavy: 0 }, grades: { ...policy.grades, B: 1.5 } });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['grades.B', 'tiers.heavy']);
  });

  it('saves them with an audit record', async () => {
    const r = await admin.put('/api/visit-policy', policy);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ...policy, quadrantDays });
    expect((await admin.get('/api/visit-policy')).body).toEqual({ ...policy, quadrantDays });
    // byQuadrant left out keeps what is stored
    const { byQuadrant: _, ...withoutSwitch } = policy;
    expect((await admin.put('/api/visit-policy', withoutSwitch)).body.byQuadrant).toBe(false);
    const a = await t.database.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'setting').where('entity_id', '=', 'visit_policy').execute();
    expect(a).toHaveLength(2);
  });
});

describe('overdue accounts', () => {
  it('lists the overdue accounts in the caller’s scope, longest overdue first, by the stricter of tier and grade', async () => {
    const r = await spec.get('/api/visit-policy/overdue');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { accountId: number }) => i.accountId)).toEqual([acc.heavy, acc.gradeA]);
    const [heavy, gradeA] = r.body.items;
    expect(heavy).toMatchObject({ frequencyDays: 14, frequencySource: 'tier', daysSince: 20, overdueDays: 6, ownerName: '周专员' });
    expect(gradeA).toMatchObject({ frequencyDays: 7, frequencySource: 'grade', daysSince: 10, overdueDays: 3 });

    const d = await director.get('/api/visit-policy/overdue');
    expect(d.body.items.map((i: { accountId: number }) => i.accountId).sort()).toEqual([acc.heavy, acc.gradeA, acc.never].sort());
    const b = await specB.get('/api/visit-policy/overdue');
    expect(b.body.items).toEqual([]);
  });

  it('needs account:read', async () => {
    expect((await t.anonymous().get('/api/visit-policy/overdue')).status).toBe(401);
  });
});

describe('the daily overdue job', () => {
  it('notifies the owner and the director once per episode, not every day', async () => {
    const db = t.database.db;
    const u = t.org.users;
    const first = await runOverdueCheck(db, t.platform.notifier);
    expect(first).toMatchObject({ overdue: 3, notified: 3 });
    const notes = await overdueNotes(db);
    expect(notes).toHaveLength(6);
    expect(notes).toEqual(
      expect.arrayContaining([
        [u.spec_a1, '政策客户重'],
        [u.director, '政策客户重'],
        [u.spec_a1, '政策客户A'],
        [u.director, '政策客户A'],
        [u.manager_b, '政策客户未访'],
        [u.director, '政策客户未访'],
      ]),
    );
    const next = await runOverdueCheck(db, t.platform.notifier, new Date(Date.now() + DAY));
    expect(next).toMatchObject({ overdue: 3, notified: 0 });
    expect(await overdueNotes(db)).toHaveLength(6);
  });

  it('ends the episode when the account is visited, and a later lapse notifies again', async () => {
    const db = t.database.db;
    const u = t.org.users;
    await recordedVisit(db, acc.gradeA, u.spec_a1!, new Date());
    const after = await runOverdueCheck(db, t.platform.notifier);
    expect(after).toMatchObject({ overdue: 2, notified: 0, closed: 1 });
    expect(await db.selectFrom('visit_overdue').select('account_id').where('account_id', '=', acc.gradeA).executeTakeFirst()).toBeUndefined();
    expect((await spec.get('/api/visit-policy/overdue')).body.items.map((i: { accountId: number }) => i.accountId)).toEqual([acc.heavy]);

    // eight days on, grade A (every 7 days) is overdue again: a new episode, a new notice
    const later = await runOverdueCheck(db, t.platform.notifier, new Date(Date.now() + 8 * DAY));
    expect(later.notified).toBe(1);
    expect((await overdueNotes(db)).filter(([, name]) => name === '政策客户A')).toHaveLength(4);
  });

  it('runs as the scheduled job through the queue', async () => {
    const db = t.database.db;
    await db.deleteFrom('visit_overdue').execute();
    const before = (await overdueNotes(db)).length;
    await t.platform.jobs.enqueue(db, VISIT_OVERDUE_JOB, null);
    while ((await t.platform.jobs.runDue()) > 0);
    const job = await db.selectFrom('jobs').select('status').where('name', '=', VISIT_OVERDUE_JOB).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect((await overdueNotes(db)).length).toBe(before + 4);
  });
});

describe('by quadrant', () => {
  it("applies the quadrant's visit interval when switched on: an account no tier or grade asks for is due by its quadrant", async () => {
    const db = t.database.db;
    // smb / D asks nothing; its quadrant (瘦狗, every 90 days) does — never visited, created 400 days ago
    expect((await spec.get('/api/visit-policy/overdue')).body.items.map((i: { accountId: number }) => i.accountId)).not.toContain(acc.none);
    expect((await admin.put('/api/visit-policy', { ...policy, byQuadrant: true })).body.byQuadrant).toBe(true);
    const items = (await spec.get('/api/visit-policy/overdue')).body.items as { accountId: number; frequencyDays: number; frequencySource: string; quadrant: string }[];
    expect(items.find((i) => i.accountId === acc.none)).toMatchObject({ frequencyDays: 90, frequencySource: 'quadrant', quadrant: 'dog', overdueDays: 310 });

    // a star account (every 14 days) with a large tier (30): the quadrant is the stricter
    await sql`update accounts set quadrant = 'star' where id = ${acc.fresh}`.execute(db);
    const star = ((await spec.get('/api/visit-policy/overdue')).body.items as typeof items).find((i) => i.accountId === acc.fresh);
    expect(star).toBeUndefined(); // visited 10 days ago: within 14
    await recordedVisit(db, acc.fresh, t.org.users.spec_a1!, daysAgo(20));
    await sql`delete from visits where account_id = ${acc.fresh} and checked_in_at > ${daysAgo(15)}`.execute(db);
    const due = ((await spec.get('/api/visit-policy/overdue')).body.items as typeof items).find((i) => i.accountId === acc.fresh);
    expect(due).toMatchObject({ frequencyDays: 14, frequencySource: 'quadrant', quadrant: 'star', overdueDays: 6 });
  });
});

describe('a digest instead of a flood', () => {
  it(`one notice listing the accounts when more than ${OVERDUE_DIGEST_ABOVE} fall overdue for a person at once`, async () => {
    const db = t.database.db;
    const u = t.org.users;
    const names = ['摘要客户一', '摘要客户二', '摘要客户三', '摘要客户四'];
    for (const name of names) await account(db, name, u.spec_b1!, 'heavy', null, 400);
    const before = await db.selectFrom('notifications').select('id').where('user_id', '=', u.spec_b1!).execute();
    const r = await runOverdueCheck(db, t.platform.notifier);
    expect(r.notified).toBeGreaterThanOrEqual(4);
    const notes = await db
      .selectFrom('notifications')
      .select(['kind', 'params', 'link'])
      .where('user_id', '=', u.spec_b1!)
      .where('id', 'not in', before.length ? before.map((n) => n.id) : [0])
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'visit.overdueDigest', link: '/visit-policy', params: { count: 4, accounts: '摘要客户一、摘要客户二、摘要客户三' } });
  });
});
