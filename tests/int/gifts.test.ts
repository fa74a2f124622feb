import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

let t: TestApp;
const c: Record<string, Client> = {};
let accountId: number;
let otherAccountId: number;
let recipientId: number;
let strangerId: number;
let itemId: number;

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'deputy', 'director', 'gift_admin', 'office', 'spec_a1', 'spec_b1', 'finance']) c[u] = await t.login(u);
  accountId = await insertAccount(t.database.db, '礼品客户', t.org.users.spec_a1!);
  otherAccountId = await insertAccount(t.database.db, '别组客户', t.org.users.spec_b1!);
  recipientId = (await c.spec_a1!.post('/api/contacts', { accountId, name: '钱处长', title: '采购处处长' })).body.id;
  strangerId = (await c.spec_b1!.post('/api/contacts', { accountId: otherAccountId, name: '孙会长' })).body.id;
});
afterAll(async () => t?.close());

async function item(id: number) {
  return (await c.gift_admin!.get('/api/gift-items')).body.items.find((i: { id: number }) => i.id === id);
}

/** Approves the application's approval step by step with the given users, checking each holds the current step. */
async function approveAll(approvalId: number, users: string[]) {
  for (const u of users) {
    const inbox = await c[u]!.get('/api/approvals?box=inbox');
    expect(inbox.body.items.map((i: { id: number }) => i.id)).toContain(approvalId);
    const r = await c[u]!.post(`/api/approvals/${approvalId}/approve`, {});
    expect(r.status).toBe(200);
  }
}

describe('gift catalogue and stock', () => {
  it('the gift administrator keeps the catalogue; others may read but not write', async () => {
    const created = await c.gift_admin!.post('/api/gift-items', { name: '定制茶具', spec: '青瓷六件套', unit: '套', unitValue: 30_000 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '定制茶具', unit: '套', unitValue: 30_000, stock: 0, active: true, version: 1 });
    itemId = created.body.id;

    expect((await c.spec_a1!.post('/api/gift-items', { name: '别的', unitValue: 1 })).status).toBe(403);
    expect((await c.spec_a1!.get('/api/gift-items')).status).toBe(200);

    const dup = await c.gift_admin!.post('/api/gift-items', { name: ' 定制茶具 ', unitValue: 1 });
    expect(dup.status).toBe(400);
    expect(paths(dup)).toEqual(['name']);
    const bad = await c.gift_admin!.post('/api/gift-items', { name: '', unitValue: -1 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['name', 'unitValue']);
  });

  it('moves stock with a ledger and never below zero', async () => {
    const stockIn = await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'in', quantity: 10, note: '采购入库', version: 1 });
    expect(stockIn.status).toBe(201);
    expect(stockIn.body).toMatchObject({ kind: 'in', quantity: 10, balance: 10, applicationId: null, actorName: '赵礼品' });

    const tooMuch = await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'adjust', quantity: -11, version: 2 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.i18n.key).toBe('gifts.stockBelowZero');
    expect((await item(itemId)).stock).toBe(10);

    const negativeReturn = await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'return', quantity: -1, version: 2 });
    expect(negativeReturn.status).toBe(400);
    expect(paths(negativeReturn)).toEqual(['quantity']);
    // issues go through approved applications only
    const issue = await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'issue', quantity: -1, version: 2 });
    expect(issue.status).toBe(400);
    expect(paths(issue)).toEqual(['kind']);
    expect((await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'adjust', quantity: -1, version: 1 })).status).toBe(409);
    expect((await c.spec_a1!.post(`/api/gift-items/${itemId}/movements`, { kind: 'in', quantity: 1, version: 2 })).status).toBe(403);

    const adjust = await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'adjust', quantity: -1, note: '盘亏', version: 2 });
    expect(adjust.body).toMatchObject({ quantity: -1, balance: 9 });
    const ledger = await c.spec_a1!.get(`/api/gift-items/${itemId}/movements`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.item.stock).toBe(9);
    expect(ledger.body.items.map((m: { kind: string; quantity: number; balance: number }) => [m.kind, m.quantity, m.balance])).toEqual([
      ['adjust', -1, 9],
      ['in', 10, 10],
    ]);
    expect((await c.gift_admin!.get('/api/gift-items/999999/movements')).status).toBe(404);
  });

  it('the yearly cap per recipient is set by the gift administrator', async () => {
    const s = await c.spec_a1!.get('/api/gift-settings');
    expect(s.body).toMatchObject({ recipientYearCap: 200_000, version: 1 });
    expect((await c.spec_a1!.put('/api/gift-settings', { recipientYearCap: 100_000, version: 1 })).status).toBe(403);
    const set = await c.gift_admin!.put('/api/gift-settings', { recipientYearCap: 100_000, version: 1 });
    expect(set.body).toMatchObject({ recipientYearCap: 100_000, version: 2 });
    expect((await c.gift_admin!.put('/api/gift-settings', { recipientYearCap: 100_000, version: 1 })).status).toBe(409);
  });
});

describe('gift plan per account (礼品馈赠计划表)', () => {
  it('is written in the account scope with the seed’s columns', async () => {
    const created = await c.spec_a1!.post(`/api/accounts/${accountId}/gift-plans`, { cooperationStatus: '已合作两年', itemId, quantity: 4, budget: 120_000, remark: '春节' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ accountName: '礼品客户', itemName: '定制茶具', quantity: 4, budget: 120_000, responsibleId: t.org.users.spec_a1, responsibleName: '周专员', cooperationStatus: '已合作两年', remark: '春节' });

    const bad = await c.spec_a1!.post(`/api/accounts/${accountId}/gift-plans`, { itemId: 999_999, quantity: 0, budget: -1 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['budget', 'quantity']);
    const noItem = await c.spec_a1!.post(`/api/accounts/${accountId}/gift-plans`, { itemId: 999_999, quantity: 1, responsibleId: 999_999 });
    expect(noItem.status).toBe(400);
    expect(paths(noItem)).toEqual(['itemId']);

    expect((await c.spec_b1!.get(`/api/accounts/${accountId}/gift-plans`)).status).toBe(404);
    expect((await c.spec_b1!.patch(`/api/gift-plans/${created.body.id}`, { quantity: 2, version: 1 })).status).toBe(404);
    const edited = await c.spec_a1!.patch(`/api/gift-plans/${created.body.id}`, { quantity: 2, version: 1 });
    expect(edited.body).toMatchObject({ quantity: 2, version: 2 });
    expect((await c.director!.get(`/api/accounts/${accountId}/gift-plans`)).body.items).toHaveLength(1);
    expect((await c.spec_a1!.delete(`/api/gift-plans/${created.body.id}?version=1`)).status).toBe(409);
    expect((await c.spec_a1!.delete(`/api/gift-plans/${created.body.id}?version=2`)).status).toBe(200);
    expect((await c.spec_a1!.get(`/api/accounts/${accountId}/gift-plans`)).body.items).toEqual([]);
  });
});

describe('gift applications (礼品馈赠申请表)', () => {
  let normalId: number;

  it('checks its fields: 400 names them', async () => {
    const empty = await c.spec_a1!.post('/api/gift-applications', { accountId, quantity: 0, giftOn: '2026/12/01' });
    expect(empty.status).toBe(400);
    expect(paths(empty)).toEqual(['contactId', 'giftOn', 'itemId', 'quantity']);
    const stranger = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: strangerId, itemId, quantity: 1, giftOn: '2026-12-01' });
    expect(stranger.status).toBe(400);
    expect(paths(stranger)).toEqual(['contactId']);
    const notMine = await c.spec_a1!.post('/api/gift-applications', { accountId: otherAccountId, contactId: strangerId, itemId, quantity: 1, giftOn: '2026-12-01' });
    expect(paths(notMine)).toEqual(['accountId']);
    expect((await c.finance!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 1, giftOn: '2026-12-01' })).status).toBe(403);
  });

  it('goes through the normal chain 部门负责人 → 礼品管理员 → 办公室 → 副总经理, then stock is issued against it', async () => {
    const created = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 2, giftOn: '2026-12-01', managingDept: '办公室', remark: '年末走访' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', quantity: 2, unitValue: 30_000, value: 60_000, contactName: '钱处长', contactTitle: '采购处处长', unitName: '大客户部 / 一组', managingDept: '办公室', overCap: false, cap: { year: 2026, yearTotal: 0, cap: 100_000, overCap: false } });
    normalId = created.body.id;

    // scope: another team's specialist neither sees nor changes it; the gift administrator sees it
    expect((await c.spec_b1!.get(`/api/gift-applications/${normalId}`)).status).toBe(404);
    expect((await c.spec_b1!.patch(`/api/gift-applications/${normalId}`, { quantity: 1, version: 1 })).status).toBe(404);
    expect((await c.spec_b1!.get('/api/gift-applications')).body.total).toBe(0);
    expect((await c.gift_admin!.get(`/api/gift-applications/${normalId}`)).status).toBe(200);

    // not approved: nothing is issued
    const early = await c.gift_admin!.post(`/api/gift-applications/${normalId}/issue`, { version: 1 });
    expect(early.status).toBe(409);
    expect(early.body.error.i18n.key).toBe('gifts.notApproved');

    const submitted = await c.spec_a1!.post(`/api/gift-applications/${normalId}/submit`, { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'pending', overCap: false });
    const approvalId = submitted.body.approvalId as number;
    const approval = await c.director!.get(`/api/approvals/${approvalId}`);
    expect(approval.body).toMatchObject({ docType: 'gift_application', link: `/gifts/applications/${normalId}` });
    expect(approval.body.steps.map((s: { name: string; approverId: number }) => [s.name, s.approverId])).toEqual([
      ['部门负责人', t.org.users.director],
      ['礼品管理员', t.org.users.gift_admin],
      ['办公室', t.org.users.office],
      ['副总经理', t.org.users.deputy],
    ]);
    expect((await c.spec_a1!.patch(`/api/gift-applications/${normalId}`, { quantity: 1, version: submitted.body.version })).status).toBe(409);

    await approveAll(approvalId, ['director', 'gift_admin', 'office', 'deputy']);
    const approved = (await c.spec_a1!.get(`/api/gift-applications/${normalId}`)).body;
    expect(approved).toMatchObject({ status: 'approved', value: 60_000 });
    expect(approved.signatures.map((s: { name: string; approverName: string; status: string }) => [s.name, s.approverName, s.status])).toEqual([
      ['部门负责人', '张总监', 'approved'],
      ['礼品管理员', '赵礼品', 'approved'],
      ['办公室', '钱文员', 'approved'],
      ['副总经理', '李副总', 'approved'],
    ]);

    // the gift administrator is told there is something to issue
    const note = (await c.gift_admin!.get('/api/notifications')).body.items.find((n: { kind: string }) => n.kind === 'gift.toIssue');
    expect(note).toMatchObject({ link: `/gifts/applications/${normalId}`, params: { contact: '钱处长', item: '定制茶具', quantity: 2 } });
    expect((await c.spec_a1!.post(`/api/gift-applications/${normalId}/issue`, { version: approved.version })).status).toBe(403);
    const issued = await c.gift_admin!.post(`/api/gift-applications/${normalId}/issue`, { version: approved.version });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', issuedByName: '赵礼品' });
    expect(issued.body.issuedAt).not.toBeNull();
    expect((await item(itemId)).stock).toBe(7);
    const ledger = (await c.gift_admin!.get(`/api/gift-items/${itemId}/movements`)).body.items;
    expect(ledger[0]).toMatchObject({ kind: 'issue', quantity: -2, balance: 7, applicationId: normalId });
    expect((await c.gift_admin!.post(`/api/gift-applications/${normalId}/issue`, { version: issued.body.version })).status).toBe(409);

    const timeline = await c.spec_a1!.get(`/api/accounts/${accountId}/timeline?kinds=gift`);
    expect(timeline.body.items.map((e: { key: string; link: string; params: { status: string } }) => [e.key, e.link, e.params.status])).toEqual([[`gift:${normalId}`, `/gifts/applications/${normalId}`, 'issued']]);
    expect((await c.spec_b1!.get(`/api/accounts/${accountId}/timeline?kinds=gift`)).status).toBe(404);
  });

  it('over the recipient’s yearly cap it is flagged and needs the GM as well', async () => {
    // 600 元 already approved this year; the cap is 1 000 元: 2 × 300 元 more takes it to 1 200 元
    const total = await c.spec_a1!.get(`/api/contacts/${recipientId}/gift-total?year=2026&value=60000`);
    expect(total.body).toEqual({ year: 2026, yearTotal: 60_000, cap: 100_000, overCap: true });
    expect((await c.spec_a1!.get(`/api/contacts/${recipientId}/gift-total?year=2027&value=60000`)).body).toMatchObject({ yearTotal: 0, overCap: false });
    expect((await c.spec_b1!.get(`/api/contacts/${recipientId}/gift-total?year=2026`)).status).toBe(404);

    const created = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 2, giftOn: '2026-12-20' });
    expect(created.body.cap).toEqual({ year: 2026, yearTotal: 60_000, cap: 100_000, overCap: true });
    const submitted = await c.spec_a1!.post(`/api/gift-applications/${created.body.id}/submit`, { version: 1 });
    expect(submitted.body).toMatchObject({ status: 'pending', overCap: true, cap: { yearTotal: 60_000, cap: 100_000, overCap: true } });
    const approvalId = submitted.body.approvalId as number;
    const approval = await c.director!.get(`/api/approvals/${approvalId}`);
    expect(approval.body.docType).toBe('gift_application_over_cap');
    expect(approval.body.title).toContain('超年度限额');
    expect(approval.body.steps.map((s: { name: string; approverId: number }) => [s.name, s.approverId])).toEqual([
      ['部门负责人', t.org.users.director],
      ['礼品管理员', t.org.users.gift_admin],
      ['办公室', t.org.users.office],
      ['副总经理', t.org.users.deputy],
      ['总经理', t.org.users.gm],
    ]);
    await approveAll(approvalId, ['director', 'gift_admin', 'office', 'deputy']);
    expect((await c.spec_a1!.get(`/api/gift-applications/${created.body.id}`)).body.status).toBe('pending');
    await approveAll(approvalId, ['gm']);
    const approved = (await c.spec_a1!.get(`/api/gift-applications/${created.body.id}`)).body;
    expect(approved).toMatchObject({ status: 'approved', overCap: true });

    const flagged = await c.gift_admin!.get('/api/gift-applications?overCap=true');
    expect(flagged.body.items.map((i: { id: number }) => i.id)).toEqual([created.body.id]);

    // not enough stock: 7 on hand, the administrator books 6 out; 2 cannot be issued
    const itemNow = await item(itemId);
    await c.gift_admin!.post(`/api/gift-items/${itemId}/movements`, { kind: 'adjust', quantity: -6, version: itemNow.version });
    const short = await c.gift_admin!.post(`/api/gift-applications/${created.body.id}/issue`, { version: approved.version });
    expect(short.status).toBe(409);
    expect(short.body.error.i18n.key).toBe('gifts.stockBelowZero');
    expect((await c.spec_a1!.get(`/api/gift-applications/${created.body.id}`)).body.status).toBe('approved');
    expect((await item(itemId)).stock).toBe(1);
  });

  it('a rejection sends it back to be changed; a withdrawal makes it a draft again', async () => {
    const created = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 1, giftOn: '2027-01-05' });
    const submitted = await c.spec_a1!.post(`/api/gift-applications/${created.body.id}/submit`, { version: 1 });
    expect(submitted.body.overCap).toBe(false);
    const withdrawn = await c.spec_a1!.post(`/api/gift-applications/${created.body.id}/withdraw`, { version: submitted.body.version });
    expect(withdrawn.body.status).toBe('draft');
    const again = await c.spec_a1!.post(`/api/gift-applications/${created.body.id}/submit`, { version: withdrawn.body.version });
    expect((await c.director!.post(`/api/approvals/${again.body.approvalId}/reject`, { comment: '礼品不合适' })).status).toBe(200);
    const rejected = (await c.spec_a1!.get(`/api/gift-applications/${created.body.id}`)).body;
    expect(rejected.status).toBe('rejected');
    const changed = await c.spec_a1!.patch(`/api/gift-applications/${created.body.id}`, { quantity: 3, version: rejected.version });
    expect(changed.body).toMatchObject({ status: 'rejected', quantity: 3, value: 90_000 });
    // submitted once, it stays on record; a draft never submitted can be deleted
    const kept = await c.spec_a1!.delete(`/api/gift-applications/${created.body.id}?version=${changed.body.version}`);
    expect(kept.status).toBe(409);
    expect(kept.body.error.i18n.key).toBe('gifts.notDeletable');
    const draft = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 1, giftOn: '2027-02-01' });
    expect((await c.spec_b1!.delete(`/api/gift-applications/${draft.body.id}?version=1`)).status).toBe(404);
    expect((await c.spec_a1!.delete(`/api/gift-applications/${draft.body.id}?version=1`)).status).toBe(200);
    expect((await c.spec_a1!.get(`/api/gift-applications/${draft.body.id}`)).status).toBe(404);
  });
});

describe('the yearly cap counts applications still waiting for approval', () => {
  it('two applications that each fit the cap cannot both pass without the GM while neither is decided', async () => {
    // cap 1 000 元; each application is 2 × 300 元 = 600 元 for the same recipient in 2028
    const first = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 2, giftOn: '2028-03-01' });
    const firstSub = await c.spec_a1!.post(`/api/gift-applications/${first.body.id}/submit`, { version: first.body.version });
    expect(firstSub.body).toMatchObject({ status: 'pending', overCap: false, cap: { yearTotal: 0 } });

    const second = await c.spec_a1!.post('/api/gift-applications', { accountId, contactId: recipientId, itemId, quantity: 2, giftOn: '2028-09-01' });
    expect(second.body.cap).toEqual({ year: 2028, yearTotal: 60_000, cap: 100_000, overCap: true });
    const secondSub = await c.spec_a1!.post(`/api/gift-applications/${second.body.id}/submit`, { version: second.body.version });
    expect(secondSub.body).toMatchObject({ status: 'pending', overCap: true, cap: { yearTotal: 60_000, overCap: true } });
    expect((await c.director!.get(`/api/approvals/${secondSub.body.approvalId}`)).body.docType).toBe('gift_application_over_cap');

    // withdrawn again (drafts now): the recipient's 2028 total is back to nothing
    for (const s of [firstSub.body, secondSub.body]) expect((await c.spec_a1!.post(`/api/approvals/${s.approvalId}/withdraw`, {})).status).toBe(200);
    expect((await c.spec_a1!.get(`/api/contacts/${recipientId}/gift-total?year=2028`)).body.yearTotal).toBe(0);
  });
});

describe('gifts in account merge and departure handover', () => {
  const version = async (id: number) => (await c.director!.get(`/api/accounts/${id}`)).body.version as number;

  it('a merge moves the duplicate’s plan lines and applications (with their recipient) onto the account that stays', async () => {
    const dup = await insertAccount(t.database.db, '礼品客户（重复）', t.org.users.spec_a1!);
    const person = (await c.spec_a1!.post('/api/contacts', { accountId: dup, name: '郑主任' })).body.id as number;
    const plan = (await c.spec_a1!.post(`/api/accounts/${dup}/gift-plans`, { itemId, quantity: 1 })).body.id as number;
    const app = (await c.spec_a1!.post('/api/gift-applications', { accountId: dup, contactId: person, itemId, quantity: 1, giftOn: '2026-12-02' })).body.id as number;
    const preview = await c.director!.get(`/api/accounts/${accountId}/merge-preview?sourceId=${dup}`);
    expect(Object.fromEntries(preview.body.parts.map((p: { key: string; count: number }) => [p.key, p.count]))).toMatchObject({ giftPlans: 1, giftApplications: 1 });
    const merged = await c.director!.post(`/api/accounts/${accountId}/merge`, { sourceId: dup, reason: '重复建档', version: await version(accountId), sourceVersion: await version(dup) });
    expect(merged.status).toBe(200);
    expect((await c.spec_a1!.get(`/api/accounts/${accountId}/gift-plans`)).body.items.map((p: { id: number }) => p.id)).toContain(plan);
    expect((await c.spec_a1!.get(`/api/gift-applications/${app}`)).body).toMatchObject({ accountId, contactId: person, contactName: '郑主任' });
  });

  it('a departure hands over the leaver’s open applications and the plan lines they answer for', async () => {
    const plan = (await c.spec_a1!.post(`/api/accounts/${accountId}/gift-plans`, { itemId, quantity: 1 })).body.id as number;
    const open = (await c.spec_a1!.get('/api/gift-applications?status=rejected')).body.items[0].id as number;
    const preview = await c.admin!.get(`/api/users/${t.org.users.spec_a1}/handover`);
    expect(preview.status).toBe(200);
    const counts = Object.fromEntries(preview.body.parts.map((p: { key: string; count: number }) => [p.key, p.count]));
    // issued applications stay with who applied; approved, rejected and drafts move (the two
    // withdrawn 2028 drafts of the cap test among them)
    expect(counts.giftApplications).toBe(5);
    expect(counts.giftPlans).toBe(2);
    const done = await c.admin!.post(`/api/users/${t.org.users.spec_a1}/handover`, { defaultSuccessorId: t.org.users.spec_a2, successors: {}, leftOn: '2026-12-31', note: '离职' });
    expect(done.status).toBe(200);
    const db = t.database.db;
    expect((await db.selectFrom('gift_applications').select('owner_id').where('id', '=', open).executeTakeFirstOrThrow()).owner_id).toBe(t.org.users.spec_a2);
    expect((await db.selectFrom('gift_plans').select('responsible_id').where('id', '=', plan).executeTakeFirstOrThrow()).responsible_id).toBe(t.org.users.spec_a2);
    expect(await db.selectFrom('gift_applications').select('id').where('owner_id', '=', t.org.users.spec_a1!).where('status', '<>', 'issued').execute()).toEqual([]);
  });
});

