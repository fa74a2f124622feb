import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { insertReception } from '../support/receptions';
import { download, readXlsx } from '../support/transfer';

let t: TestApp;
const c: Record<string, Client> = {};
let accountId: number;
const ids: Record<string, number> = {};

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();
const keys = (r: { body: { error: { details: { issues: { key: string }[] } } } }) => r.body.error.details.issues.map((i) => i.key);

async function visit(ownerId: number, reportStatus: string, cost: number) {
  const owner = await t.database.db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const row = await t.database.db
    .insertInto('visits')
    .values({ account_id: accountId, owner_id: ownerId, unit_id: owner.unit_id, purpose: 'relationship', method: 'onsite', planned_at: '2026-11-05T02:00:00Z', status: 'recorded', checked_in_at: new Date(), recorded_at: new Date(), report_status: reportStatus, cost_total: cost, created_by: ownerId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function reception(ownerId: number, reportStatus: string, spent: number) {
  const id = await insertReception(t.database.db, { accountId, ownerId, status: 'approved', reportStatus });
  await t.database.db.updateTable('receptions').set({ spent_meals: spent } as never).where('id', '=', id).execute();
  return id;
}
async function trip(ownerId: number, reportStatus: string, actual: number | null) {
  const owner = await t.database.db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const row = await t.database.db
    .insertInto('business_trips')
    .values({ owner_id: ownerId, unit_id: owner.unit_id, destination: '南京', start_on: '2026-11-10', end_on: '2026-11-12', purpose: '客户拜访', transport: 'train', status: 'approved', report_status: reportStatus, actual_total: actual, created_by: ownerId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function gift(ownerId: number, status: string, value: number) {
  const db = t.database.db;
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const item = await db.insertInto('gift_items').values({ name: `礼品${Math.random()}`, name_key: `k${Math.random()}`, unit_value: value } as never).returning('id').executeTakeFirstOrThrow();
  const contact = await db.selectFrom('contacts').select('id').where('account_id', '=', accountId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('gift_applications')
    .values({ account_id: accountId, contact_id: contact.id, item_id: item.id, quantity: 1, unit_value: value, value, gift_on: '2026-11-08', owner_id: ownerId, unit_id: owner.unit_id, status, issued_at: status === 'issued' ? new Date() : null } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const line = (kind: string, refId: number | null, amount: number, extra: Record<string, unknown> = {}) => ({ kind, refId, category: '招待费', amount, occurredOn: '2026-11-15', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'spec_a1', 'spec_b1', 'finance', 'manager_a']) c[u] = await t.login(u);
  const u = t.org.users;
  accountId = await insertAccount(t.database.db, '报销客户', u.spec_a1!);
  await c.spec_a1!.post('/api/contacts', { accountId, name: '钱处长' });
  ids.visitOk = await visit(u.spec_a1!, 'approved', 50_000);
  ids.visitSubmitted = await visit(u.spec_a1!, 'submitted', 50_000);
  ids.receptionOk = await reception(u.spec_a1!, 'approved', 80_000);
  ids.receptionNone = await reception(u.spec_a1!, 'none', 80_000);
  ids.tripOk = await trip(u.spec_a1!, 'approved', 120_000);
  ids.tripSubmitted = await trip(u.spec_a1!, 'submitted', 120_000);
  ids.giftOk = await gift(u.spec_a1!, 'issued', 30_000);
  ids.giftPending = await gift(u.spec_a1!, 'pending', 30_000);
  ids.visitB1 = await visit(u.spec_b1!, 'approved', 50_000);
});
afterAll(async () => t?.close());

async function approveAll(approvalId: number, users: string[]) {
  for (const u of users) {
    const r = await c[u]!.post(`/api/approvals/${approvalId}/approve`, {});
    expect(r.status).toBe(200);
  }
}

describe('expense claim lines', () => {
  it('refuses a visit, reception or trip line until its report is approved, a gift until approved or issued', async () => {
    const r = await c.spec_a1!.post('/api/expense-claims', {
      title: '十一月费用',
      lines: [line('visit', ids.visitSubmitted!, 100), line('reception', ids.receptionNone!, 100), line('trip', ids.tripSubmitted!, 100), line('gift', ids.giftPending!, 100), line('other', null, 100)],
    });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['lines.0.refId', 'lines.1.refId', 'lines.2.refId', 'lines.3.refId']);
    expect(keys(r)).toEqual(['expenses.reportNotApproved', 'expenses.reportNotApproved', 'expenses.reportNotApproved', 'expenses.giftNotApproved']);
  });

  it('lists the caller’s own unclaimed records: ready once approved, the reported ones waiting with their state', async () => {
    const r = await c.spec_a1!.get('/api/expense-claims/claimable');
    expect(r.status).toBe(200);
    const byKey = new Map(r.body.items.map((i: { kind: string; refId: number; state: string; ready: boolean }) => [`${i.kind}:${i.refId}`, `${i.state}/${i.ready}`]));
    expect(byKey.get(`visit:${ids.visitOk}`)).toBe('approved/true');
    expect(byKey.get(`visit:${ids.visitSubmitted}`)).toBe('submitted/false');
    expect(byKey.get(`trip:${ids.tripSubmitted}`)).toBe('submitted/false');
    expect(byKey.get(`gift:${ids.giftOk}`)).toBe('issued/true');
    expect(byKey.get(`gift:${ids.giftPending}`)).toBe('pending/false');
    // no report yet, or someone else's: not listed
    expect(byKey.has(`reception:${ids.receptionNone}`)).toBe(false);
    expect(byKey.has(`visit:${ids.visitB1}`)).toBe(false);

    // a visit's day is its check-in day in business time: 23:30 UTC is 07:30 the next morning in Shanghai
    const early = await visit(t.org.users.spec_a1!, 'approved', 1_000);
    await t.database.db.updateTable('visits').set({ checked_in_at: new Date('2026-11-05T23:30:00Z') } as never).where('id', '=', early).execute();
    const dated = (await c.spec_a1!.get('/api/expense-claims/claimable')).body.items.find((i: { kind: string; refId: number }) => i.kind === 'visit' && i.refId === early);
    expect(dated.date).toBe('2026-11-06');
  });

  it('needs a link for linked kinds, none for other, and names the schema fields', async () => {
    const r = await c.spec_a1!.post('/api/expense-claims', { title: '缺关联', lines: [line('visit', null, 100), line('other', ids.visitOk!, 100)] });
    expect(r.status).toBe(400);
    expect(keys(r)).toEqual(['expenses.refRequired', 'expenses.refNotAllowed']);
    const bad = await c.spec_a1!.post('/api/expense-claims', { title: '', lines: [{ kind: 'visit', refId: 1, category: '', amount: 0, occurredOn: '11-15' }] });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['lines.0.amount', 'lines.0.category', 'lines.0.occurredOn', 'title']);
  });

  it("refuses a record outside the caller's scope as not found (lines.N.refId)", async () => {
    const r = await c.spec_a1!.post('/api/expense-claims', { title: '别人的拜访', lines: [line('visit', ids.visitB1!, 100)] });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['lines.0.refId']);
    expect(keys(r)).toEqual(['expenses.refNotFound']);
  });

  it("caps a record's lines at what it spent", async () => {
    const r = await c.spec_a1!.post('/api/expense-claims', { title: '超额', lines: [line('trip', ids.tripOk!, 100_000), line('trip', ids.tripOk!, 20_001, { category: '住宿费' })] });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['lines.1.amount']);
    expect(r.body.error.details.issues[0]).toMatchObject({ key: 'expenses.overSpent', params: { spent: 120_000 } });
  });
});

describe('claim, approval and payment', () => {
  it('submits through 客户总监 → 财务经理, finance pays; a record is claimed once', async () => {
    const created = await c.spec_a1!.post('/api/expense-claims', {
      title: '十一月费用',
      lines: [line('visit', ids.visitOk!, 50_000), line('reception', ids.receptionOk!, 60_000), line('trip', ids.tripOk!, 120_000, { category: '交通费' }), line('gift', ids.giftOk!, 30_000, { category: '礼品费' }), line('other', null, 5_000, { category: '其他' })],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', total: 265_000, ownerName: '周专员', version: 1 });
    expect(created.body.lines.map((l: { refLabel: string | null }) => l.refLabel)).toEqual(['报销客户', '报销客户', '南京', '报销客户', null]);
    ids.claim = created.body.id;

    const dup = await c.spec_a1!.post('/api/expense-claims', { title: '重复', lines: [line('other', null, 1), line('visit', ids.visitOk!, 1)] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.i18n.key).toBe('expenses.alreadyClaimed');

    // others cannot read it outside their scope; the payer cannot pay a draft
    expect((await c.spec_b1!.get(`/api/expense-claims/${ids.claim}`)).status).toBe(404);
    expect((await c.finance!.post(`/api/expense-claims/${ids.claim}/pay`, { version: 1 })).status).toBe(409);

    const sub = await c.spec_a1!.post(`/api/expense-claims/${ids.claim}/submit`, { version: 1 });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('pending');
    const approval = await c.director!.get(`/api/approvals/${sub.body.approvalId}`);
    expect(approval.body.steps.map((s: { name: string }) => s.name)).toEqual(['客户总监', '财务经理']);
    await approveAll(sub.body.approvalId, ['director', 'finance']);

    const box = await c.finance!.get('/api/expense-claims?box=finance');
    expect(box.body.items.map((i: { id: number }) => i.id)).toContain(ids.claim);
    expect((await c.spec_a1!.get('/api/expense-claims?box=finance')).status).toBe(403);

    const approved = await c.spec_a1!.get(`/api/expense-claims/${ids.claim}`);
    expect(approved.body.status).toBe('approved');
    expect((await c.spec_a1!.post(`/api/expense-claims/${ids.claim}/pay`, { version: approved.body.version })).status).toBe(403);
    const paid = await c.finance!.post(`/api/expense-claims/${ids.claim}/pay`, { version: approved.body.version });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidByName: '陈财务' });
    expect((await c.finance!.get('/api/expense-claims?box=finance')).body.items.map((i: { id: number }) => i.id)).not.toContain(ids.claim);

    const claimable = await c.spec_a1!.get('/api/expense-claims/claimable');
    expect(claimable.body.items.map((i: { kind: string; refId: number }) => `${i.kind}:${i.refId}`)).not.toContain(`visit:${ids.visitOk}`);
  });

  it('a rejection releases the record to another claim; the rejected claim cannot take it back; the claimant alone edits', async () => {
    const v = await visit(t.org.users.spec_a1!, 'approved', 10_000);
    const first = await c.spec_a1!.post('/api/expense-claims', { title: '被驳回', lines: [line('visit', v, 10_000)] });
    const sub = await c.spec_a1!.post(`/api/expense-claims/${first.body.id}/submit`, { version: 1 });
    expect((await c.spec_a1!.post('/api/expense-claims', { title: '审批中再报', lines: [line('visit', v, 1)] })).status).toBe(409);
    expect((await c.director!.post(`/api/approvals/${sub.body.approvalId}/reject`, { comment: '票据不全' })).status).toBe(200);
    const rejected = await c.spec_a1!.get(`/api/expense-claims/${first.body.id}`);
    expect(rejected.body.status).toBe('rejected');

    const second = await c.spec_a1!.post('/api/expense-claims', { title: '重新报销', lines: [line('visit', v, 9_000)] });
    expect(second.status).toBe(201);
    const resubmit = await c.spec_a1!.post(`/api/expense-claims/${first.body.id}/submit`, { version: rejected.body.version });
    expect(resubmit.status).toBe(409);
    expect(resubmit.body.error.i18n.key).toBe('expenses.alreadyClaimed');

    // the director sees the claim in scope but cannot change it; a stale version is a 409
    const body = { title: '改', lines: [line('other', null, 1)], version: 1 };
    expect((await c.director!.get(`/api/expense-claims/${second.body.id}`)).status).toBe(200);
    expect((await c.director!.put(`/api/expense-claims/${second.body.id}`, body)).status).toBe(404);
    expect((await c.spec_a1!.put(`/api/expense-claims/${second.body.id}`, { ...body, version: 9 })).status).toBe(409);
    const changed = await c.spec_a1!.put(`/api/expense-claims/${second.body.id}`, body);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: '改', total: 1, version: 2 });
    expect(changed.body.lines.map((l: { kind: string }) => l.kind)).toEqual(['other']);
    expect((await c.spec_a1!.get('/api/expense-claims/claimable')).body.items.map((i: { kind: string; refId: number }) => `${i.kind}:${i.refId}`)).toContain(`visit:${v}`);
  });

  it('adds the GM above ¥20,000', async () => {
    const v = await visit(t.org.users.spec_a1!, 'approved', 2_500_000);
    const created = await c.spec_a1!.post('/api/expense-claims', { title: '大额', lines: [line('visit', v, 2_000_001)] });
    const sub = await c.spec_a1!.post(`/api/expense-claims/${created.body.id}/submit`, { version: 1 });
    const approval = await c.director!.get(`/api/approvals/${sub.body.approvalId}`);
    expect(approval.body.steps.map((s: { name: string }) => s.name)).toEqual(['客户总监', '财务经理', '总经理']);
  });

  it('exports the month as XLSX for reconciliation', async () => {
    const r = await download(t, c.finance!, '/api/expense-claims/export?period=2026-11');
    expect(r.status).toBe(200);
    const rows = await readXlsx(r.body);
    expect(rows[0]![0]).toBe('报销单号');
    // the paid claim's five lines and the total; the pending big claim is not reconciled
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows[6]![10]).toBe('2650');
    expect((await c.spec_a1!.get('/api/expense-claims/export?period=2026-11')).status).toBe(403);
  });
});

describe('budgets and control rate', () => {
  it('actual (approved + paid) ÷ budget per person, unit and category', async () => {
    const u = t.org.users;
    const b1 = await c.finance!.post('/api/budgets', { userId: u.spec_a1, category: '招待费', period: '2026-11', amount: 220_000 });
    expect(b1.status).toBe(201);
    expect((await c.finance!.post('/api/budgets', { unitId: t.org.units.teamA, category: '交通费', period: '2026-11', amount: 480_000 })).status).toBe(201);
    const dup = await c.finance!.post('/api/budgets', { userId: u.spec_a1, category: '招待费', period: '2026-11', amount: 1 });
    expect(dup.status).toBe(400);
    expect(paths(dup)).toEqual(['category']);
    expect((await c.spec_a1!.post('/api/budgets', { userId: u.spec_a1, category: 'x', period: '2026-11', amount: 1 })).status).toBe(403);
    const bad = await c.finance!.post('/api/budgets', { category: 'x', period: '2026-13', amount: 1 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['period', 'userId']);

    const ctl = await c.finance!.get('/api/budgets/control?period=2026-11');
    expect(ctl.status).toBe(200);
    const row = (subject: string, id: number, category: string) => ctl.body.items.find((r: { subject: string; subjectId: number; category: string }) => r.subject === subject && r.subjectId === id && r.category === category);
    // paid claim: 招待费 50,000 + 60,000 = 110,000 of 220,000; 交通费 120,000 of the unit's 480,000; the pending big claim does not count
    expect(row('user', u.spec_a1!, '招待费')).toMatchObject({ budget: 220_000, actual: 110_000, rate: 0.5 });
    expect(row('unit', t.org.units.teamA, '交通费')).toMatchObject({ budget: 480_000, actual: 120_000, rate: 0.25 });
    expect(row('user', u.spec_a1!, '礼品费')).toMatchObject({ budget: null, actual: 30_000, rate: null });

    const changed = await c.finance!.patch(`/api/budgets/${b1.body.id}`, { amount: 440_000, version: 1 });
    expect(changed.body.amount).toBe(440_000);
    expect((await c.finance!.patch(`/api/budgets/${b1.body.id}`, { amount: 1, version: 1 })).status).toBe(409);
    const again = await c.finance!.get('/api/budgets/control?period=2026-11');
    expect(again.body.items.find((r: { subject: string; category: string }) => r.subject === 'user' && r.category === '招待费').rate).toBe(0.25);
  });
});

describe('phone allowance (seed 003 第19条: 核定范围内报销手机费，超标准需客户总监审批)', () => {
  const phone = (amount: number, occurredOn = '2026-10-10', extra: Record<string, unknown> = {}) => ({ kind: 'phone', refId: null, category: '通讯', amount, occurredOn, ...extra });
  const submitPhone = async (title: string, lines: unknown[]) => {
    const created = await c.spec_b1!.post('/api/expense-claims', { title, lines });
    expect(created.status).toBe(201);
    const sub = await c.spec_b1!.post(`/api/expense-claims/${created.body.id}/submit`, { version: 1 });
    expect(sub.status).toBe(200);
    // finance takes part in every claim chain, so it may read each one
    const approval = await c.finance!.get(`/api/approvals/${sub.body.approvalId}`);
    return { claim: sub.body, steps: approval.body.steps.map((s: { name: string }) => s.name), approval: approval.body };
  };
  const allowance = async () => (await c.spec_b1!.get('/api/expense-claims/phone-allowance?period=2026-10')).body;

  it('finance sets the default allowance; others may not; bad input names the field', async () => {
    expect((await c.spec_b1!.get('/api/expense-settings/phone-allowance')).body).toEqual({ monthlyLimit: 30_000 });
    expect((await c.spec_b1!.put('/api/expense-settings/phone-allowance', { monthlyLimit: 1 })).status).toBe(403);
    const bad = await c.finance!.put('/api/expense-settings/phone-allowance', { monthlyLimit: -1 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['monthlyLimit']);
    expect((await c.finance!.put('/api/expense-settings/phone-allowance', { monthlyLimit: 20_000 })).body).toEqual({ monthlyLimit: 20_000 });
    expect(await allowance()).toEqual({ period: '2026-10', limit: 20_000, source: 'default', used: 0 });
  });

  it('within the allowance finance alone approves; the part above it goes to the KA director first', async () => {
    const linked = await c.spec_b1!.post('/api/expense-claims', { title: 'x', lines: [phone(100, '2026-10-10', { refId: ids.visitB1 })] });
    expect(linked.status).toBe(400);
    expect(paths(linked)).toEqual(['lines.0.refId']);

    const within = await submitPhone('十月手机费', [phone(15_000)]);
    expect(within.steps).toEqual(['财务经理']);
    expect(within.claim).toMatchObject({ docType: 'expense_claim_phone', phoneOver: 0 });
    // a phone line always carries the 手机费 category, whatever was typed
    expect(within.claim.lines[0]).toMatchObject({ kind: 'phone', category: '手机费', refId: null });
    expect(await allowance()).toMatchObject({ used: 15_000 });

    const over = await submitPhone('十月手机费补报', [phone(8_000, '2026-10-28')]);
    expect(over.steps).toEqual(['客户总监', '财务经理']);
    expect(over.claim).toMatchObject({ docType: 'expense_claim_phone_over', phoneOver: 3_000 });
    expect(over.approval.title).toContain('手机费超标准 ¥30.00');
    ids.phoneOver = over.claim.id;
    ids.phoneOverApproval = over.claim.approvalId;

    // a mixed claim within the allowance keeps the ordinary chain; the November allowance is untouched
    const mixed = await submitPhone('十一月', [phone(1_000, '2026-11-03'), line('other', null, 2_000, { occurredOn: '2026-11-03' })]);
    expect(mixed.claim).toMatchObject({ docType: 'expense_claim', phoneOver: 0 });
    expect(mixed.steps).toEqual(['客户总监', '财务经理']);
    ids.phoneWithin = within.claim.id;
    ids.phoneWithinApproval = within.claim.approvalId;
  });

  it("a person's 手机费 budget of the month is their allowance; a rejection frees what the claim used", async () => {
    const u = t.org.users;
    expect((await c.finance!.post('/api/budgets', { userId: u.spec_b1, category: '手机费', period: '2026-10', amount: 50_000 })).status).toBe(201);
    expect(await allowance()).toEqual({ period: '2026-10', limit: 50_000, source: 'budget', used: 23_000 });
    const small = await submitPhone('十月话费', [phone(1_000, '2026-10-20')]);
    expect(small.claim).toMatchObject({ docType: 'expense_claim_phone', phoneOver: 0 });

    expect((await c.director!.post(`/api/approvals/${ids.phoneOverApproval}/reject`, { comment: '超标准，不予报销' })).status).toBe(200);
    expect((await c.spec_b1!.get(`/api/expense-claims/${ids.phoneOver}`)).body.status).toBe('rejected');
    expect(await allowance()).toMatchObject({ used: 16_000 });

    await approveAll(ids.phoneWithinApproval!, ['finance']);
    expect((await c.spec_b1!.get(`/api/expense-claims/${ids.phoneWithin}`)).body.status).toBe('approved');
    const ctl = await c.finance!.get('/api/budgets/control?period=2026-10');
    expect(ctl.body.items.find((r: { subject: string; subjectId: number; category: string }) => r.subject === 'user' && r.subjectId === u.spec_b1 && r.category === '手机费')).toMatchObject({ budget: 50_000, actual: 15_000, rate: 0.3 });
  });
});

describe('expense categories (issue 13 item 8: claim lines choose from the categories budgets use)', () => {
  it('everyone who claims reads the list; finance (budget:manage) alone changes it; bad input names the field', async () => {
    const r = await c.spec_a1!.get('/api/expense-settings/categories');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ items: ['交通费', '住宿费', '餐费', '招待费', '会议费', '典礼费', '礼品费', '手机费', '其他'], version: 0 });
    expect((await c.spec_a1!.put('/api/expense-settings/categories', { items: ['x'], version: 0 })).status).toBe(403);
    const dup = await c.finance!.put('/api/expense-settings/categories', { items: ['交通费', '交通费'], version: 0 });
    expect(dup.status).toBe(400);
    expect(paths(dup)).toEqual(['items']);
    const empty = await c.finance!.put('/api/expense-settings/categories', { items: ['  '], version: 0 });
    expect(empty.status).toBe(400);
    expect(paths(empty)).toEqual(['items.0']);
  });

  it('refuses a claim line or a budget whose category is not on the list (lines.N.category, category); a phone line is 手机费 whatever was sent', async () => {
    const r = await c.spec_a1!.post('/api/expense-claims', { title: '自造类别', lines: [line('other', null, 100, { category: '交通费' }), line('other', null, 100, { category: '杂费' })] });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['lines.1.category']);
    expect(r.body.error.details.issues[0]).toMatchObject({ key: 'expenses.unknownCategory', params: { category: '杂费' } });
    const b = await c.finance!.post('/api/budgets', { userId: t.org.users.spec_a1, category: '杂费', period: '2026-12', amount: 1_000 });
    expect(b.status).toBe(400);
    expect(paths(b)).toEqual(['category']);
    expect(b.body.error.details.issues[0].key).toBe('expenses.unknownCategory');
    const phone = await c.spec_a1!.post('/api/expense-claims', { title: '话费', lines: [{ kind: 'phone', refId: null, category: '通讯', amount: 100, occurredOn: '2026-12-01' }] });
    expect(phone.status).toBe(201);
    expect(phone.body.lines[0].category).toBe('手机费');
  });

  it('a category taken off the list stays readable on its claims and budgets, a claim that carries it may keep it, no new line or budget takes it', async () => {
    const claim = await c.spec_a1!.post('/api/expense-claims', { title: '会议', lines: [line('other', null, 700, { category: '会议费', occurredOn: '2026-12-02' })] });
    expect(claim.status).toBe(201);
    expect((await c.finance!.post('/api/budgets', { unitId: t.org.units.teamA, category: '会议费', period: '2026-12', amount: 9_000 })).status).toBe(201);

    const before = (await c.finance!.get('/api/expense-settings/categories')).body;
    const saved = await c.finance!.put('/api/expense-settings/categories', { items: ['交通费', '招待费', '差旅补助'], version: before.version });
    expect(saved.status).toBe(200);
    // 手机费 stays: the phone allowance reads its budgets
    expect(saved.body).toEqual({ items: ['交通费', '招待费', '差旅补助', '手机费'], version: before.version + 1 });
    expect((await c.finance!.put('/api/expense-settings/categories', { items: ['交通费'], version: before.version })).status).toBe(409);
    expect((await c.spec_a1!.get('/api/expense-settings/categories')).body.items).toEqual(['交通费', '招待费', '差旅补助', '手机费']);

    const read = await c.spec_a1!.get(`/api/expense-claims/${claim.body.id}`);
    expect(read.body.lines[0].category).toBe('会议费');
    const ctl = await c.finance!.get('/api/budgets/control?period=2026-12');
    expect(ctl.body.items.find((r: { subject: string; category: string }) => r.subject === 'unit' && r.category === '会议费')).toMatchObject({ budget: 9_000 });

    const kept = await c.spec_a1!.put(`/api/expense-claims/${claim.body.id}`, { title: '会议（改）', lines: [line('other', null, 800, { category: '会议费', occurredOn: '2026-12-02' }), line('other', null, 50, { category: '差旅补助', occurredOn: '2026-12-02' })], version: 1 });
    expect(kept.status).toBe(200);
    expect(kept.body.lines.map((l: { category: string }) => l.category)).toEqual(['会议费', '差旅补助']);
    const moved = await c.spec_a1!.put(`/api/expense-claims/${claim.body.id}`, { title: '会议', lines: [line('other', null, 800, { category: '典礼费', occurredOn: '2026-12-02' })], version: 2 });
    expect(moved.status).toBe(400);
    expect(paths(moved)).toEqual(['lines.0.category']);
    const fresh = await c.spec_a1!.post('/api/expense-claims', { title: '新会议', lines: [line('other', null, 100, { category: '会议费' })] });
    expect(fresh.status).toBe(400);
    expect(paths(fresh)).toEqual(['lines.0.category']);
    expect((await c.finance!.post('/api/budgets', { userId: t.org.users.spec_a1, category: '会议费', period: '2026-12', amount: 1 })).status).toBe(400);
    // submitting the draft that carries it is not refused for its category
    expect((await c.spec_a1!.post(`/api/expense-claims/${claim.body.id}/submit`, { version: 2 })).status).toBe(200);
  });
});
