import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followCollections } from '../../src/server/features/contracts';
import { businessDate } from '../../src/shared/domain/business-time';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';
import { download, readXlsx } from '../support/transfer';

/**
 * 合同 (DEAL-1, DEAL-2 plan; issue 14 items 1, 2, 6, 8): kinds, fields and their checks, the generated
 * number, prices hidden without contract:prices, the payment plan, the approval chain by amount, the
 * states by hand and by collections, supplements and a framework's roll-up, files, lists and scope.
 */
let t: TestApp;
const c: Record<string, Client> = {};
let accA: number;
let accB: number;
let contactA: number;
let contactB: number;
const today = () => businessDate(new Date(), 'Asia/Shanghai');
const year = () => Number(today().slice(0, 4));

const ok = <T = any>(r: Response<T>, what = 'request'): T => {
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const paths = (r: Response) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
const keysOf = (r: Response) => (r.body.error.details.issues as { key: string }[]).map((i) => i.key);

const plan = (...amounts: number[]) => amounts.map((amount, i) => ({ milestone: `第${i + 1}期`, dueDate: `2027-0${i + 1}-15`, amount }));
const sales = (over: Record<string, unknown> = {}) => ({ kind: 'sales', accountId: accA, title: '设备采购合同', amount: 1_000_000, instalments: plan(300_000, 700_000), ...over });

async function create(by: Client, body: Record<string, unknown>) {
  return ok(await by.post('/api/contracts', body), 'create');
}
async function instanceOf(docId: number) {
  return t.database.db.selectFrom('approval_instances').selectAll().where('doc_type', '=', 'contract').where('doc_id', '=', docId).orderBy('id', 'desc').executeTakeFirstOrThrow();
}
async function stepsOf(docId: number) {
  const inst = await instanceOf(docId);
  const steps = await t.database.db.selectFrom('approval_steps').select(['name', 'approver_id', 'status']).where('instance_id', '=', inst.id).orderBy('seq').execute();
  return steps.filter((s) => s.status !== 'skipped').map((s) => s.name);
}
const userName = (id: number) => Object.entries(t.org.users).find(([, v]) => v === id)![0];
/** Approves every step of the contract's newest approval as whoever holds it. */
async function approveAll(docId: number) {
  const { id } = await instanceOf(docId);
  for (;;) {
    const inst = await t.database.db.selectFrom('approval_instances').select(['status', 'current_seq']).where('id', '=', id).executeTakeFirstOrThrow();
    if (inst.status !== 'pending') return;
    const step = await t.database.db.selectFrom('approval_steps').select('approver_id').where('instance_id', '=', id).where('seq', '=', inst.current_seq!).executeTakeFirstOrThrow();
    ok(await c[userName(step.approver_id)]!.post(`/api/approvals/${id}/approve`, {}), 'approve');
  }
}
/** A contract written, submitted and approved through the API: signed. */
async function signed(by: Client, body: Record<string, unknown>) {
  const created = await create(by, body);
  ok(await by.post(`/api/contracts/${created.id}/submit`, { version: created.version }), 'submit');
  await approveAll(created.id);
  return ok(await by.get(`/api/contracts/${created.id}`));
}
const get = async (id: number, by = c.manager_a!) => ok(await by.get(`/api/contracts/${id}`));

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1', 'spec_b1', 'finance']) c[u] = await t.login(u);
  const u = t.org.users;
  accA = await insertAccount(t.database.db, '华东电力设备有限公司', u.manager_a!);
  accB = await insertAccount(t.database.db, '苏州精工机械有限公司', u.manager_b!);
  contactA = ok(await c.manager_a!.post('/api/contacts', { accountId: accA, name: '钱处长', title: '处长' })).id;
  contactB = ok(await c.manager_b!.post('/api/contacts', { accountId: accB, name: '孙科长', title: '科长' })).id;
});
afterAll(async () => t?.close());

describe('creating a contract', () => {
  it('writes a draft with its lines (amounts computed by the server) and plan; the number is generated', async () => {
    const r = await c.manager_a!.post('/api/contracts', sales({
      signatoryContactId: contactA,
      signDate: '2026-12-01',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      paymentTerms: '预付 30%，验收后 70%',
      lines: [
        { product: '变压器', spec: 'S11-500', unit: '台', quantity: 2, unitPrice: 400_000, discount: 5 },
        { product: '电缆', unit: '米', quantity: 12.345, unitPrice: 1_000 },
      ],
    }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const k = r.body;
    expect(k).toMatchObject({ kind: 'sales', status: 'draft', revision: 0, accountName: '华东电力设备有限公司', ownerId: t.org.users.manager_a, unitName: '大客户部 / 一组', amount: 1_000_000, effectiveAmount: 1_000_000, currency: 'CNY', signatory: { id: contactA, name: '钱处长' }, pricesHidden: false, version: 1 });
    expect(k.number).toBe(`HT-${year()}-${String(k.id).padStart(6, '0')}`);
    expect(k.lines.map((l: { amount: number }) => l.amount)).toEqual([760_000, 12_345]);
    expect(k.lines[1]).toMatchObject({ product: '电缆', quantity: 12.345, unitPrice: 1_000, discount: 0, spec: '', unit: '米' });
    expect(k.instalments.map((i: { seq: number; amount: number }) => [i.seq, i.amount])).toEqual([[1, 300_000], [2, 700_000]]);
    expect(k.instalments[0]).toMatchObject({ paid: 0, writtenOff: 0, outstanding: 300_000, invoiced: 0, status: 'not_due', daysOverdue: 0, settledOn: null });
    // audited with the lines
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'diff']).where('entity', '=', 'contract').where('entity_id', '=', String(k.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad input with 400 naming each field', async () => {
    const m = c.manager_a!;
    expect(paths(await m.post('/api/contracts', { kind: 'sales', accountId: accA, amount: 1 }))).toContain('title');
    expect(paths(await m.post('/api/contracts', sales({ amount: -1 })))).toContain('amount');
    expect(paths(await m.post('/api/contracts', sales({ currency: 'USD' })))).toContain('currency');
    expect(paths(await m.post('/api/contracts', sales({ signDate: '2026-02-30' })))).toContain('signDate');
    expect(paths(await m.post('/api/contracts', sales({ lines: [{ product: 'x', quantity: 1.0001, unitPrice: 1 }] })))).toContain('lines.0.quantity');
    expect(paths(await m.post('/api/contracts', sales({ lines: [{ product: 'x', quantity: 0, unitPrice: 1 }] })))).toContain('lines.0.quantity');
    expect(paths(await m.post('/api/contracts', sales({ lines: [{ product: 'x', quantity: 1, unitPrice: 1, discount: 100 }] })))).toContain('lines.0.discount');
    expect(paths(await m.post('/api/contracts', sales({ instalments: [{ dueDate: '2027-01-01', amount: 0 }] })))).toContain('instalments.0.amount');
    const dates = await m.post('/api/contracts', sales({ startDate: '2027-01-02', endDate: '2027-01-01' }));
    expect(dates.status).toBe(400);
    expect(paths(dates)).toEqual(['endDate']);
    const several = await m.post('/api/contracts', sales({ signatoryContactId: contactB, ownerId: 999_999, instalments: plan(300_000, 600_000) }));
    expect(several.status).toBe(400);
    expect(paths(several)).toEqual(['instalments', 'ownerId', 'signatoryContactId']);
    expect(keysOf(several)).toContain('contracts.planSum');
    expect(several.body.error.details.issues.find((i: { path: string }) => i.path === 'instalments').params).toEqual({ sum: 900_000, amount: 1_000_000 });
    // a framework has no plan; a supplement needs its sales contract; an account out of reach
    expect(paths(await m.post('/api/contracts', { kind: 'framework', accountId: accA, title: '战略合作', amount: 5_000_000, instalments: plan(5_000_000) }))).toEqual(['instalments']);
    expect(keysOf(await m.post('/api/contracts', { kind: 'supplement', accountId: accA, title: '补充', amount: 0 }))).toEqual(['contracts.parentRequired']);
    expect(paths(await m.post('/api/contracts', sales({ accountId: accB })))).toEqual(['accountId']);
    // an owner outside the caller's scope (manager_a's team is team A)
    expect(paths(await m.post('/api/contracts', sales({ ownerId: t.org.users.spec_b1 })))).toEqual(['ownerId']);
    // nothing half-saved
    expect(await t.database.db.selectFrom('contracts').select('id').where('title', '=', '补充').execute()).toEqual([]);
  });

  it('takes a typed number, unique case-insensitively (409 naming number), at create and update', async () => {
    const a = await create(c.manager_a!, sales({ number: 'HT-TEST-Alpha' }));
    expect(a.number).toBe('HT-TEST-Alpha');
    const dup = await c.manager_a!.post('/api/contracts', sales({ number: 'ht-test-alpha' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', details: { path: 'number' } });
    const b = await create(c.manager_a!, sales());
    const upd = await c.manager_a!.put(`/api/contracts/${b.id}`, { ...sales({ number: 'HT-TEST-ALPHA' }), version: b.version });
    expect(upd.status).toBe(409);
    expect(upd.body.error.details.path).toBe('number');
    // two writes racing for one number: the unique index decides, the loser gets the same 409
    const raced = await Promise.all([c.manager_a!.post('/api/contracts', sales({ number: 'HT-RACE-1' })), c.director!.post('/api/contracts', sales({ number: 'ht-race-1' }))]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(raced.find((r) => r.status === 409)!.body.error.details.path).toBe('number');
    // the manager may pick the owner in the team; the unit follows the owner
    const forSpec = await create(c.manager_a!, sales({ ownerId: t.org.users.spec_a1 }));
    expect(forSpec).toMatchObject({ ownerId: t.org.users.spec_a1, ownerName: '周专员', unitId: t.org.units.teamA });
  });

  it('previews a plan from the terms: the remainder of the rounding on the last instalment; percents must add up to 100', async () => {
    const r = ok(await c.spec_a1!.post('/api/contracts/plan-preview', { amount: 100_001, terms: [{ percent: 30, dueDate: '2027-01-01', milestone: '预付款' }, { percent: 60, dueDate: '2027-03-01', milestone: '到货款' }, { percent: 10, dueDate: '2027-12-01', milestone: '质保金' }] }));
    expect(r.instalments).toEqual([
      { seq: 1, milestone: '预付款', dueDate: '2027-01-01', amount: 30_000 },
      { seq: 2, milestone: '到货款', dueDate: '2027-03-01', amount: 60_000 },
      { seq: 3, milestone: '质保金', dueDate: '2027-12-01', amount: 10_001 },
    ]);
    const bad = await c.spec_a1!.post('/api/contracts/plan-preview', { amount: 100, terms: [{ percent: 30, dueDate: '2027-01-01' }, { percent: 60, dueDate: '2027-03-01' }] });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['terms']);
    expect(keysOf(bad)).toEqual(['contracts.percentSum']);
  });
});

describe('prices and discounts (ORG-4)', () => {
  it('are null for a reader without contract:prices, in the contract and the export; with them they show', async () => {
    const k = await create(c.manager_a!, sales({ ownerId: t.org.users.spec_a1, number: 'HT-PRICE-1', lines: [{ product: '变压器', quantity: 2, unitPrice: 500_000, discount: 10 }] }));
    const spec = await get(k.id, c.spec_a1!);
    expect(spec.pricesHidden).toBe(true);
    expect(spec.lines).toEqual([{ id: expect.any(Number), seq: 1, product: '变压器', spec: '', unit: '', quantity: 2, unitPrice: null, discount: null, amount: null }]);
    expect(spec.amount).toBe(1_000_000);
    const mgr = await get(k.id);
    expect(mgr.lines[0]).toMatchObject({ unitPrice: 500_000, discount: 10, amount: 900_000 });

    const hidden = await download(t, c.spec_a1!, '/api/contracts/export?lines=true&q=HT-PRICE-1');
    expect(hidden.status).toBe(200);
    const rows = await readXlsx(hidden.body);
    expect(rows[0]).toEqual(['合同编号', '合同名称', '行号', '产品', '规格型号', '单位', '数量', '单价', '折扣（%）', '金额']);
    expect(rows[1]!.slice(0, 4)).toEqual(['HT-PRICE-1', '设备采购合同', '1', '变压器']);
    expect(rows[1]!.slice(7).filter((v) => v !== '' && v !== undefined && v !== null)).toEqual([]);
    const shown = await readXlsx((await download(t, c.manager_a!, '/api/contracts/export?lines=true&q=HT-PRICE-1')).body);
    expect(shown[1]!.slice(7)).toEqual(['5000', '10', '9000']);
    // both exports are on the record, saying whether prices were in them
    const exports = await t.database.db.selectFrom('audit_log').select(['actor_id', 'diff']).where('entity', '=', 'export').where('entity_id', '=', 'contracts').orderBy('id').execute();
    expect(exports.map((e) => [e.actor_id, (e.diff as { _: { prices: boolean } })._.prices])).toEqual([[t.org.users.spec_a1, false], [t.org.users.manager_a, true]]);
  });

  it('refuses a write of lines (403) from someone who may write contracts but not prices', async () => {
    const db = t.database.db;
    const role = await db.insertInto('roles').values({ code: 'contract_clerk', name: '合同录入员', data_scope: 'team' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('role_permissions').values(['contract:read', 'contract:write', 'account:read'].map((permission) => ({ role_id: role.id, permission }))).execute();
    await db.deleteFrom('user_roles').where('user_id', '=', t.org.users.spec_a2!).execute();
    await db.insertInto('user_roles').values({ user_id: t.org.users.spec_a2!, role_id: role.id }).execute();
    const clerk = await t.login('spec_a2');
    const refused = await clerk.post('/api/contracts', sales({ lines: [{ product: '变压器', quantity: 1, unitPrice: 1 }] }));
    expect(refused.status).toBe(403);
    const k = await create(clerk, sales());
    expect(k.pricesHidden).toBe(true);
    expect((await clerk.put(`/api/contracts/${k.id}`, { ...sales({ lines: [] }), version: k.version })).status).toBe(403);
    expect(ok(await clerk.put(`/api/contracts/${k.id}`, { ...sales({ title: '改名' }), version: k.version })).title).toBe('改名');
  });
});

describe('approval (合同审批) by amount', () => {
  it('goes to the director alone up to ¥500,000; finance above; the GM above ¥5,000,000', async () => {
    for (const [amount, chain] of [
      [50_000_000, ['客户总监']],
      [50_000_001, ['客户总监', '财务经理']],
      [500_000_000, ['客户总监', '财务经理']],
      [500_000_001, ['客户总监', '财务经理', '总经理']],
    ] as const) {
      const k = await create(c.manager_a!, sales({ amount, instalments: [{ dueDate: '2027-06-30', amount }] }));
      const s = ok(await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: k.version }));
      expect(s.status).toBe('pending');
      expect(await stepsOf(k.id), String(amount)).toEqual(chain);
      expect((await instanceOf(k.id)).amount).toBe(amount);
    }
  });

  it('signs the contract when approved: signed_at, the sign date when none was typed', async () => {
    const k = await signed(c.manager_a!, sales());
    expect(k).toMatchObject({ status: 'signed', signDate: today() });
    expect(k.signedAt).not.toBeNull();
    expect(k.approvalId).toBe((await instanceOf(k.id)).id);
    const typed = await signed(c.manager_a!, sales({ signDate: '2026-11-20' }));
    expect(typed.signDate).toBe('2026-11-20');
    // a signed contract is never edited in place
    const edit = await c.manager_a!.put(`/api/contracts/${k.id}`, { ...sales({ title: '改' }), version: k.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('INVALID_STATE');
  });

  it('needs a plan that sums to the amount at submit (400 naming instalments); a framework none', async () => {
    const k = await create(c.manager_a!, sales({ instalments: undefined }));
    const r = await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: k.version });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['instalments']);
    expect(keysOf(r)).toEqual(['contracts.planMissing']);
    // the plan must keep summing to the amount when the amount changes
    const planned = await create(c.manager_a!, sales());
    const changed = await c.manager_a!.put(`/api/contracts/${planned.id}`, { ...sales({ amount: 1_200_000, instalments: undefined }), version: planned.version });
    expect(changed.status).toBe(400);
    expect(paths(changed)).toEqual(['instalments']);
    const framework = await signed(c.manager_a!, { kind: 'framework', accountId: accA, title: '战略合作协议', amount: 100_000_000, startDate: '2026-01-01', endDate: '2028-12-31' });
    expect(framework).toMatchObject({ status: 'signed', instalments: [], framework: { committed: 100_000_000, fulfilled: 0, remaining: 100_000_000 } });
  });

  it('a rejection or return makes it rejected (editable, resubmittable); a withdrawal a draft', async () => {
    const k = await create(c.manager_a!, sales());
    const s = ok(await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: k.version }));
    const inst = await instanceOf(k.id);
    ok(await c.director!.post(`/api/approvals/${inst.id}/reject`, { comment: '金额有误' }));
    const rejected = await get(k.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.version).toBe(s.version + 1);
    const edited = ok(await c.manager_a!.put(`/api/contracts/${k.id}`, { ...sales({ amount: 900_000, instalments: plan(300_000, 600_000) }), version: rejected.version }));
    expect(edited).toMatchObject({ status: 'rejected', amount: 900_000 });
    const again = ok(await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: edited.version }));
    expect(again.status).toBe('pending');
    ok(await c.director!.post(`/api/approvals/${(await instanceOf(k.id)).id}/return`, { comment: '补充附件' }));
    expect((await get(k.id)).status).toBe('rejected');
    const third = ok(await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: (await get(k.id)).version }));
    // withdraw: a stranger gets 404, a stale version 409
    expect((await c.manager_b!.post(`/api/contracts/${k.id}/withdraw`, { version: third.version })).status).toBe(404);
    expect((await c.manager_a!.post(`/api/contracts/${k.id}/withdraw`, { version: third.version + 5 })).status).toBe(409);
    expect(ok(await c.manager_a!.post(`/api/contracts/${k.id}/withdraw`, { version: third.version })).status).toBe('draft');
    expect((await instanceOf(k.id)).status).toBe('withdrawn');
    expect((await c.manager_a!.post(`/api/contracts/${k.id}/withdraw`, { version: (await get(k.id)).version })).status).toBe(409);
    // submitting twice: the second finds it pending
    const d = await get(k.id);
    ok(await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: d.version }));
    const twice = await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: d.version + 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_STATE');
  });

  it('shows the approver the contract: its fields and the plan as lines', async () => {
    const k = await create(c.manager_a!, sales({ paymentTerms: '30/70', signatoryContactId: contactA }));
    ok(await c.manager_a!.post(`/api/contracts/${k.id}/submit`, { version: k.version }));
    const r = ok(await c.director!.get(`/api/approvals/${(await instanceOf(k.id)).id}`));
    const fields = Object.fromEntries((r.document.fields as { label: string; value: unknown }[]).map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({ 'contracts:fields.number': k.number, 'contracts:fields.kind': 'sales', 'contracts:fields.account': '华东电力设备有限公司', 'contracts:fields.amount': 1_000_000, 'contracts:fields.paymentTerms': '30/70' });
    expect(r.document.lines).toEqual([
      { item: '第1期', note: '2027-01-15', amount: 300_000 },
      { item: '第2期', note: '2027-02-15', amount: 700_000 },
    ]);
  });

  it('deletes a draft never submitted; not one that went to approval', async () => {
    const k = await create(c.manager_a!, sales());
    expect((await c.manager_a!.delete(`/api/contracts/${k.id}?version=${k.version + 1}`)).status).toBe(409);
    ok(await c.manager_a!.delete(`/api/contracts/${k.id}?version=${k.version}`));
    expect((await c.manager_a!.get(`/api/contracts/${k.id}`)).status).toBe(404);
    const w = await create(c.manager_a!, sales());
    const s = ok(await c.manager_a!.post(`/api/contracts/${w.id}/submit`, { version: w.version }));
    const back = ok(await c.manager_a!.post(`/api/contracts/${w.id}/withdraw`, { version: s.version }));
    const del = await c.manager_a!.delete(`/api/contracts/${w.id}?version=${back.version}`);
    expect(del.status).toBe(409);
  });
});

describe('supplements and frameworks', () => {
  it('numbers supplements under their parent and adds the signed ones to its effective amount', async () => {
    const parent = await signed(c.manager_a!, sales({ number: 'HT-SUPP-PARENT' }));
    const first = await create(c.manager_a!, { kind: 'supplement', parentId: parent.id, accountId: accA, title: '补充协议一', amount: 200_000, instalments: plan(200_000) });
    const second = await create(c.manager_a!, { kind: 'supplement', parentId: parent.id, accountId: accA, title: '补充协议二（工期）', amount: 0 });
    expect([first.revision, second.revision]).toEqual([1, 2]);
    // supplements written at once still get one revision each (the parent is locked while counting)
    const together = await Promise.all([1, 2, 3].map((n) => c.manager_a!.post('/api/contracts', { kind: 'supplement', parentId: parent.id, accountId: accA, title: `并发补充${n}`, amount: 0 })));
    expect(together.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(together.map((r) => r.body.revision).sort()).toEqual([3, 4, 5]);
    for (const r of together) ok(await c.manager_a!.delete(`/api/contracts/${r.body.id}?version=${r.body.version}`));
    expect(first).toMatchObject({ parentId: parent.id, parentNumber: 'HT-SUPP-PARENT', effectiveAmount: 200_000 });
    // a draft supplement adds nothing yet
    expect((await get(parent.id)).effectiveAmount).toBe(1_000_000);
    ok(await c.manager_a!.post(`/api/contracts/${first.id}/submit`, { version: first.version }));
    await approveAll(first.id);
    ok(await c.manager_a!.post(`/api/contracts/${second.id}/submit`, { version: second.version }));
    await approveAll(second.id);
    const after = await get(parent.id);
    expect(after.effectiveAmount).toBe(1_200_000);
    expect(after.money.contracted).toBe(1_200_000);
    expect(after.supplements.map((s: { revision: number; status: string }) => [s.revision, s.status])).toEqual([[1, 'signed'], [2, 'signed']]);
    // a supplement of a supplement, of a draft or of another account's contract is refused
    expect(keysOf(await c.manager_a!.post('/api/contracts', { kind: 'supplement', parentId: first.id, accountId: accA, title: 'x', amount: 0 }))).toEqual(['contracts.parentKind']);
    const draft = await create(c.manager_a!, sales());
    expect(keysOf(await c.manager_a!.post('/api/contracts', { kind: 'supplement', parentId: draft.id, accountId: accA, title: 'x', amount: 0 }))).toEqual(['contracts.parentState']);
    expect(keysOf(await c.director!.post('/api/contracts', { kind: 'supplement', parentId: parent.id, accountId: accB, title: 'x', amount: 0 }))).toEqual(['contracts.parentAccount']);
    // a parent outside the caller's scope is as good as missing
    expect(keysOf(await c.manager_b!.post('/api/contracts', { kind: 'supplement', parentId: parent.id, accountId: accB, title: 'x', amount: 0 }))).toEqual(['contracts.parentNotFound']);
  });

  it('rolls a framework up from its signed sales contracts (with their signed supplements)', async () => {
    const fw = await signed(c.manager_a!, { kind: 'framework', accountId: accA, title: '2027 战略合作协议', amount: 10_000_000, startDate: '2027-01-01', endDate: '2027-12-31' });
    const one = await signed(c.manager_a!, sales({ parentId: fw.id, amount: 3_000_000, instalments: plan(1_000_000, 2_000_000) }));
    await create(c.manager_a!, sales({ parentId: fw.id, amount: 2_000_000, instalments: plan(2_000_000) }));
    const supp = await signed(c.manager_a!, { kind: 'supplement', parentId: one.id, accountId: accA, title: '追加', amount: 500_000, instalments: plan(500_000) });
    expect(supp.status).toBe('signed');
    const r = await get(fw.id);
    expect(r.framework).toEqual({ committed: 10_000_000, fulfilled: 3_500_000, remaining: 6_500_000 });
    expect(r.money.contracted).toBe(3_500_000);
    expect(r.salesContracts.map((s: { amount: number; effectiveAmount: number; status: string }) => [s.amount, s.effectiveAmount, s.status])).toEqual([[3_000_000, 3_500_000, 'signed'], [2_000_000, 2_000_000, 'draft']]);
    // over the committed value the remaining stays at 0
    await signed(c.manager_a!, sales({ parentId: fw.id, amount: 7_000_000, instalments: plan(7_000_000) }));
    expect((await get(fw.id)).framework).toEqual({ committed: 10_000_000, fulfilled: 10_500_000, remaining: 0 });
    // a sales contract under another account's or an unsigned framework is refused
    const draftFw = await create(c.manager_a!, { kind: 'framework', accountId: accA, title: '草稿框架', amount: 1 });
    expect(keysOf(await c.manager_a!.post('/api/contracts', sales({ parentId: draftFw.id })))).toEqual(['contracts.parentState']);
    expect(keysOf(await c.director!.post('/api/contracts', sales({ accountId: accB, parentId: fw.id })))).toEqual(['contracts.parentAccount']);
    expect(keysOf(await c.manager_a!.post('/api/contracts', { kind: 'framework', parentId: fw.id, accountId: accA, title: 'x', amount: 1 }))).toEqual(['contracts.parentNotAllowed']);
  });
});

describe('states by hand', () => {
  it('start, terminate, void and settle: from the right states, with reasons, audited; 409 otherwise', async () => {
    const k = await signed(c.manager_a!, sales());
    // only contract:manage terminates, voids and settles
    expect((await c.manager_a!.post(`/api/contracts/${k.id}/terminate`, { version: k.version, reason: '客户破产' })).status).toBe(403);
    expect(paths(await c.director!.post(`/api/contracts/${k.id}/terminate`, { version: k.version, reason: ' ' }))).toEqual(['reason']);
    expect((await c.director!.post(`/api/contracts/${k.id}/terminate`, { version: k.version + 1, reason: '客户破产' })).status).toBe(409);
    const started = ok(await c.manager_a!.post(`/api/contracts/${k.id}/start`, { version: k.version }));
    expect(started.status).toBe('in_progress');
    const again = await c.manager_a!.post(`/api/contracts/${k.id}/start`, { version: started.version });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
    const ended = ok(await c.director!.post(`/api/contracts/${k.id}/terminate`, { version: started.version, reason: '客户破产' }));
    expect(ended).toMatchObject({ status: 'terminated', statusReason: '客户破产' });
    expect(ended.closedAt).not.toBeNull();
    expect((await c.director!.post(`/api/contracts/${k.id}/settle`, { version: ended.version, reason: 'x' })).status).toBe(409);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'diff']).where('entity', '=', 'contract').where('entity_id', '=', String(k.id)).where('action', 'in', ['start', 'terminate']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['start', 'terminate']);
    expect((audit[1]!.diff as { _: { reason: string } })._.reason).toBe('客户破产');

    // void only while nothing was received
    const v = await signed(c.manager_a!, sales());
    await t.database.db.updateTable('contract_instalments').set({ paid_amount: 1 }).where('contract_id', '=', v.id).where('seq', '=', 1).execute();
    const refused = await c.director!.post(`/api/contracts/${v.id}/void`, { version: v.version, reason: '录错' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.i18n.key).toBe('contracts.voidReceived');
    await t.database.db.updateTable('contract_instalments').set({ paid_amount: 0 }).where('contract_id', '=', v.id).execute();
    expect(ok(await c.director!.post(`/api/contracts/${v.id}/void`, { version: v.version, reason: '录错' }))).toMatchObject({ status: 'void', statusReason: '录错' });
    // a draft is deleted, not voided
    const d = await create(c.manager_a!, sales());
    expect((await c.director!.post(`/api/contracts/${d.id}/void`, { version: d.version, reason: 'x' })).status).toBe(409);

    // 合同结算 by hand
    const s = await signed(c.manager_a!, sales());
    const settled = ok(await c.gm!.post(`/api/contracts/${s.id}/settle`, { version: s.version, reason: '余款双方协商免除' }));
    expect(settled).toMatchObject({ status: 'completed', statusReason: '余款双方协商免除', settledBy: { id: t.org.users.gm, name: '王总' } });
  });
});

describe('collections move contracts (followCollections)', () => {
  const system = () => ({ userId: t.org.users.finance!, username: 'finance', name: '陈财务', unitId: t.org.units.finance, unitPath: '/', positions: [], roles: [], permissions: new Map(), via: 'session' as const });
  const pay = async (contractId: number, seq: number, paid: number) => t.database.db.updateTable('contract_instalments').set({ paid_amount: paid }).where('contract_id', '=', contractId).where('seq', '=', seq).execute();
  const follow = (ids: number[]) => t.database.db.transaction().execute((trx) => followCollections(trx, ids, system()));

  it('signed with something paid → in progress; all paid or written off → completed by the plan; owed again → in progress', async () => {
    const { contractId } = await insertSignedContract(t.database.db, { accountId: accA, ownerId: t.org.users.manager_a!, instalments: [{ dueDate: '2026-01-31', amount: 1000 }, { dueDate: '2026-06-30', amount: 2000 }] });
    await follow([contractId]);
    expect((await get(contractId)).status).toBe('signed');
    await pay(contractId, 1, 400);
    await follow([contractId]);
    expect((await get(contractId)).status).toBe('in_progress');
    await pay(contractId, 1, 1000);
    await t.database.db.updateTable('contract_instalments').set({ paid_amount: 1500, written_off: 500 }).where('contract_id', '=', contractId).where('seq', '=', 2).execute();
    await follow([contractId, contractId]);
    const done = await get(contractId);
    expect(done).toMatchObject({ status: 'completed', statusReason: 'plan', settledBy: null });
    expect(done.closedAt).not.toBeNull();
    expect(done.instalments.map((i: { status: string }) => i.status)).toEqual(['paid', 'written_off']);
    await pay(contractId, 2, 1000);
    await follow([contractId]);
    expect(await get(contractId)).toMatchObject({ status: 'in_progress', statusReason: null, closedAt: null });
    const moves = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'contract').where('entity_id', '=', String(contractId)).where('action', '=', 'follow').execute();
    expect(moves).toHaveLength(3);
  });

  it('signed and paid at once → completed; a contract settled by hand or terminated stays', async () => {
    const { contractId: once } = await insertSignedContract(t.database.db, { accountId: accA, ownerId: t.org.users.manager_a!, instalments: [{ dueDate: '2026-01-31', amount: 1000 }] });
    const { contractId: byHand } = await insertSignedContract(t.database.db, { accountId: accA, ownerId: t.org.users.manager_a!, status: 'completed', instalments: [{ dueDate: '2026-01-31', amount: 1000 }] });
    await t.database.db.updateTable('contracts').set({ settled_by: t.org.users.gm!, status_reason: '协商' }).where('id', '=', byHand).execute();
    const { contractId: ended } = await insertSignedContract(t.database.db, { accountId: accA, ownerId: t.org.users.manager_a!, instalments: [{ dueDate: '2026-01-31', amount: 1000 }] });
    await t.database.db.updateTable('contracts').set({ status: 'terminated', status_reason: '终止' }).where('id', '=', ended).execute();
    await pay(once, 1, 1000);
    await pay(ended, 1, 1000);
    await follow([ended, byHand, once]);
    expect((await get(once)).status).toBe('completed');
    expect((await get(byHand)).status).toBe('completed');
    expect((await get(ended)).status).toBe('terminated');
  });
});

describe('money of a contract', () => {
  it('shows contracted, invoiced, received, invoiced-not-received, outstanding and overdue; per instalment too', async () => {
    const { contractId, instalmentIds } = await insertSignedContract(t.database.db, { accountId: accA, ownerId: t.org.users.manager_a!, number: 'HT-MONEY-1', instalments: [{ dueDate: '2020-01-31', amount: 3000 }, { dueDate: '2099-06-30', amount: 7000 }] });
    await t.database.db.updateTable('contract_instalments').set({ paid_amount: 1000 }).where('id', '=', instalmentIds[0]!).execute();
    await t.database.db.insertInto('invoices').values([
      { instalment_id: instalmentIds[0]!, contract_id: contractId, number: 'FP-001', issued_on: '2020-01-20', amount: 3000, type: 'special', created_by: t.org.users.finance! },
      { instalment_id: instalmentIds[1]!, contract_id: contractId, number: 'FP-002', issued_on: '2020-01-21', amount: 500, type: 'normal', status: 'void', void_reason: '作废', created_by: t.org.users.finance! },
    ]).execute();
    const k = await get(contractId);
    expect(k.money).toEqual({ contracted: 10_000, invoiced: 3000, received: 1000, invoicedNotReceived: 2000, writtenOff: 0, outstanding: 9000, overdue: 2000 });
    expect(k.instalments[0]).toMatchObject({ paid: 1000, outstanding: 2000, invoiced: 3000, status: 'overdue' });
    expect(k.instalments[0].daysOverdue).toBeGreaterThan(300);
    expect(k.instalments[1]).toMatchObject({ paid: 0, outstanding: 7000, invoiced: 0, status: 'not_due', daysOverdue: 0 });
    // the overdue filter finds it; the list carries the same money
    const list = ok(await c.manager_a!.get('/api/contracts?overdue=true&q=HT-MONEY'));
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([contractId]);
    expect(list.items[0].money).toEqual(k.money);
  });

  it('the overdue filter lists a contract whose group is overdue: a framework for its sales contract, a sales contract for its supplement — not for a draft under it', async () => {
    const db = t.database.db;
    const owner = t.org.users.manager_a!;
    const due = [{ dueDate: '2020-03-31', amount: 1000 }];
    const later = [{ dueDate: '2099-03-31', amount: 1000 }];
    const { contractId: frame } = await insertSignedContract(db, { accountId: accA, ownerId: owner, kind: 'framework', number: 'HT-OVG-F', status: 'in_progress', instalments: [], amount: 100_000 });
    const { contractId: sale } = await insertSignedContract(db, { accountId: accA, ownerId: owner, number: 'HT-OVG-S', parentId: frame, instalments: later });
    const { contractId: supplement } = await insertSignedContract(db, { accountId: accA, ownerId: owner, kind: 'supplement', number: 'HT-OVG-S-1', parentId: sale, instalments: due });
    const { contractId: quiet } = await insertSignedContract(db, { accountId: accA, ownerId: owner, number: 'HT-OVG-Q', instalments: later });
    await insertSignedContract(db, { accountId: accA, ownerId: owner, kind: 'supplement', number: 'HT-OVG-Q-1', parentId: quiet, status: 'draft', instalments: due });
    const overdue = async () => (ok(await c.manager_a!.get('/api/contracts?overdue=true&q=HT-OVG&pageSize=50')).items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
    // the supplement's overdue instalment makes its sales contract and the framework above it overdue too
    expect(await overdue()).toEqual([frame, sale, supplement].sort((a, b) => a - b));
    // paid, nothing of the group is overdue any more
    await db.updateTable('contract_instalments').set({ paid_amount: 1000 }).where('contract_id', '=', supplement).execute();
    expect(await overdue()).toEqual([]);
  });
});

describe('files', () => {
  const pdf = Buffer.from('%PDF-1.4\n合同扫描件\n%%EOF');
  it('round-trips an upload at any state; removes by its uploader or contract:manage; refuses other types', async () => {
    const k = await signed(c.manager_a!, sales());
    const up = await c.manager_a!.post(`/api/contracts/${k.id}/files`, { name: '合同扫描件.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ name: '合同扫描件.pdf', mime: 'application/pdf', size: pdf.length, uploadedBy: { id: t.org.users.manager_a } });
    const got = await download(t, c.spec_b1!, `/api/contracts/${k.id}/files/${up.body.id}`);
    expect(got.status).toBe(404);
    const mine = await download(t, c.director!, `/api/contracts/${k.id}/files/${up.body.id}`);
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(String(mine.headers['content-disposition'])).toContain(encodeURIComponent('合同扫描件.pdf'));
    expect(Buffer.from(mine.body).equals(pdf)).toBe(true);
    expect((await get(k.id)).files.map((f: { id: number }) => f.id)).toEqual([up.body.id]);

    expect(paths(await c.manager_a!.post(`/api/contracts/${k.id}/files`, { name: 'x.exe', mime: 'application/x-msdownload', contentBase64: 'TVo=' }))).toEqual(['mime']);
    expect(paths(await c.manager_a!.post(`/api/contracts/${k.id}/files`, { name: 'x.pdf', mime: 'application/pdf', contentBase64: '@@@' }))).toEqual(['contentBase64']);
    expect((await c.spec_a1!.post(`/api/contracts/${k.id}/files`, { name: 'x.pdf', mime: 'application/pdf', contentBase64: 'TVo=' })).status).toBe(403);
    expect((await c.manager_b!.post(`/api/contracts/${k.id}/files`, { name: 'x.pdf', mime: 'application/pdf', contentBase64: 'TVo=' })).status).toBe(404);

    // the director's file: manager_a (no contract:manage) may not remove it; the director may
    const theirs = ok(await c.director!.post(`/api/contracts/${k.id}/files`, { name: '签章页.png', mime: 'image/png', contentBase64: 'iVBORw0KGgo=' }));
    expect((await c.manager_a!.delete(`/api/contracts/${k.id}/files/${theirs.id}`)).status).toBe(403);
    ok(await c.director!.delete(`/api/contracts/${k.id}/files/${up.body.id}`));
    ok(await c.director!.delete(`/api/contracts/${k.id}/files/${theirs.id}`));
    expect((await get(k.id)).files).toEqual([]);
    expect((await c.director!.delete(`/api/contracts/${k.id}/files/${theirs.id}`)).status).toBe(404);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'contract').where('entity_id', '=', String(k.id)).where('action', 'like', 'file.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['file.add', 'file.add', 'file.remove', 'file.remove']);
  });
});

describe('lists and scope', () => {
  let aId: number;
  beforeAll(async () => {
    aId = (await create(c.manager_a!, sales({ number: 'HT-SCOPE-A', title: '范围甲合同', signDate: '2026-05-01' }))).id;
    await create(c.manager_b!, { kind: 'sales', accountId: accB, title: '范围乙合同', amount: 5000, number: 'HT-SCOPE-B', signDate: '2026-07-01', signatoryContactId: contactB, instalments: [{ dueDate: '2027-01-01', amount: 5000 }] });
  });

  it('hides a contract outside the caller’s scope (404) and lists only those in scope', async () => {
    expect((await c.manager_b!.get(`/api/contracts/${aId}`)).status).toBe(404);
    expect((await c.spec_b1!.get(`/api/contracts/${aId}`)).status).toBe(404);
    expect((await c.manager_b!.put(`/api/contracts/${aId}`, { ...sales(), version: 1 })).status).toBe(404);
    expect((await c.manager_b!.post(`/api/contracts/${aId}/submit`, { version: 1 })).status).toBe(404);
    const ids = async (by: Client, query = 'q=HT-SCOPE') => (ok(await by.get(`/api/contracts?${query}`)).items as { number: string }[]).map((i) => i.number).sort();
    expect(await ids(c.manager_a!)).toEqual(['HT-SCOPE-A']);
    expect(await ids(c.manager_b!)).toEqual(['HT-SCOPE-B']);
    expect(await ids(c.spec_a1!)).toEqual([]);
    expect(await ids(c.director!)).toEqual(['HT-SCOPE-A', 'HT-SCOPE-B']);
    expect(await ids(c.finance!)).toEqual(['HT-SCOPE-A', 'HT-SCOPE-B']);
    // the account's contracts (the 360 tab) in scope; an account out of reach is 404
    const tab = ok(await c.manager_b!.get(`/api/accounts/${accB}/contracts`));
    expect(tab.items.map((i: { number: string }) => i.number)).toEqual(['HT-SCOPE-B']);
    expect((await c.manager_b!.get(`/api/accounts/${accA}/contracts`)).status).toBe(404);
  });

  it('filters by text, kind, status, account, owner, unit subtree, parent and sign dates; sorts and pages', async () => {
    const d = c.director!;
    const numbers = async (query: string) => (ok(await d.get(`/api/contracts?${query}`)).items as { number: string }[]).map((i) => i.number);
    expect(await numbers('q=范围乙')).toEqual(['HT-SCOPE-B']);
    expect(await numbers('q=苏州精工')).toEqual(['HT-SCOPE-B']);
    expect(await numbers('q=HT-SCOPE&unitId=' + t.org.units.teamA)).toEqual(['HT-SCOPE-A']);
    expect((await numbers('q=HT-SCOPE&unitId=' + t.org.units.ka)).sort()).toEqual(['HT-SCOPE-A', 'HT-SCOPE-B']);
    expect(await numbers(`q=HT-SCOPE&ownerId=${t.org.users.manager_b}`)).toEqual(['HT-SCOPE-B']);
    expect(await numbers(`q=HT-SCOPE&accountId=${accA}`)).toEqual(['HT-SCOPE-A']);
    expect(await numbers('q=HT-SCOPE&signedFrom=2026-06-01&signedTo=2026-12-31')).toEqual(['HT-SCOPE-B']);
    expect(await numbers('q=HT-SCOPE&sort=amount')).toEqual(['HT-SCOPE-B', 'HT-SCOPE-A']);
    expect(await numbers('q=HT-SCOPE&sort=-amount')).toEqual(['HT-SCOPE-A', 'HT-SCOPE-B']);
    expect(await numbers('q=HT-SCOPE&status=signed,in_progress')).toEqual([]);
    expect((await numbers('q=HT-SCOPE&status=draft&kind=sales')).sort()).toEqual(['HT-SCOPE-A', 'HT-SCOPE-B']);
    expect(await numbers('q=HT-SCOPE&kind=framework')).toEqual([]);
    const page = ok(await d.get('/api/contracts?q=HT-SCOPE&pageSize=1&page=2&sort=number'));
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items.map((i: { number: string }) => i.number)).toEqual(['HT-SCOPE-B']);
    expect((await d.get('/api/contracts?sort=nope')).status).toBe(400);
    expect((await d.get('/api/contracts?status=bogus')).status).toBe(400);
    const fw = ok(await d.get('/api/contracts?kind=framework&pageSize=100')).items[0];
    const under = ok(await d.get(`/api/contracts?parentId=${fw.id}`)).items;
    expect(under.every((i: { parentId: number }) => i.parentId === fw.id)).toBe(true);
  });

  it('exports the list in scope as XLSX', async () => {
    const r = await download(t, c.manager_b!, '/api/contracts/export?q=HT-SCOPE');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(r.body);
    expect(rows[0]![0]).toBe('合同编号');
    expect(rows.slice(1).map((x) => x[0])).toEqual(['HT-SCOPE-B']);
    expect(rows[1]!.slice(1, 5)).toEqual(['销售合同', undefined, '苏州精工机械有限公司', '范围乙合同']);
  });
});

describe('the account: timeline, merge and handover', () => {
  it('shows signed and closed contracts on the account timeline in scope', async () => {
    const acc = await insertAccount(t.database.db, '动态客户', t.org.users.manager_a!);
    const k = await signed(c.manager_a!, sales({ accountId: acc, number: 'HT-TL-1' }));
    ok(await c.director!.post(`/api/contracts/${k.id}/terminate`, { version: k.version, reason: '停止合作' }));
    const tl = ok(await c.manager_a!.get(`/api/accounts/${acc}/timeline?kinds=contract`));
    expect(tl.items.map((e: { params: { event: string; number: string } }) => [e.params.event, e.params.number])).toEqual([['closed', 'HT-TL-1'], ['signed', 'HT-TL-1']]);
    expect(new Set(tl.items.map((e: { key: string }) => e.key)).size).toBe(2);
    expect(tl.items[0].link).toBe(`/contracts/${k.id}`);
    // paged one by one, no event twice or lost
    const first = ok(await c.manager_a!.get(`/api/accounts/${acc}/timeline?kinds=contract&limit=1`));
    const second = ok(await c.manager_a!.get(`/api/accounts/${acc}/timeline?kinds=contract&limit=1&before=${first.nextBefore}`));
    expect([...first.items, ...second.items].map((e: { key: string }) => e.key)).toEqual(tl.items.map((e: { key: string }) => e.key));
  });

  it('moves contracts and their instalments with a merge; hands a leaver’s open contracts over', async () => {
    const stays = await insertAccount(t.database.db, '合并保留客户', t.org.users.manager_a!);
    const goes = await insertAccount(t.database.db, '合并重复客户', t.org.users.manager_a!);
    const { contractId } = await insertSignedContract(t.database.db, { accountId: goes, ownerId: t.org.users.manager_a!, instalments: [{ dueDate: '2027-01-01', amount: 100 }] });
    const version = async (id: number) => ok(await c.director!.get(`/api/accounts/${id}`)).version;
    ok(await c.director!.post(`/api/accounts/${stays}/merge`, { sourceId: goes, reason: '重复录入', version: await version(stays), sourceVersion: await version(goes) }));
    expect((await get(contractId)).accountId).toBe(stays);
    const inst = await t.database.db.selectFrom('contract_instalments').select('account_id').where('contract_id', '=', contractId).execute();
    expect(inst.map((i) => i.account_id)).toEqual([stays]);

    const leaver = t.org.users.spec_a2!;
    const { contractId: open } = await insertSignedContract(t.database.db, { accountId: stays, ownerId: leaver, instalments: [{ dueDate: '2027-01-01', amount: 100 }] });
    const { contractId: done } = await insertSignedContract(t.database.db, { accountId: stays, ownerId: leaver, status: 'completed', instalments: [{ dueDate: '2027-01-01', amount: 100 }] });
    const preview = ok(await c.admin!.get(`/api/users/${leaver}/handover`));
    const part = preview.parts.find((p: { key: string }) => p.key === 'contracts');
    // the open one here (and any draft the leaver wrote as a clerk above); not the completed one
    const live = await t.database.db.selectFrom('contracts').select('id').where('owner_id', '=', leaver).where('status', 'not in', ['completed', 'terminated', 'void']).execute();
    expect(part.count).toBe(live.length);
    expect(part.items).toContainEqual({ id: open, label: expect.stringContaining('合并保留客户') });
    expect(part.items.map((i: { id: number }) => i.id)).not.toContain(done);
    ok(await c.admin!.post(`/api/users/${leaver}/handover`, { defaultSuccessorId: t.org.users.manager_b, leftOn: today(), note: '离职交接' }));
    expect(await t.database.db.selectFrom('contracts').select('id').where('owner_id', '=', leaver).where('status', 'not in', ['completed', 'terminated', 'void']).execute()).toEqual([]);
    const owners = await t.database.db.selectFrom('contracts').select(['id', 'owner_id', 'unit_id']).where('id', 'in', [open, done]).orderBy('id').execute();
    expect(owners.map((o) => [o.owner_id, o.unit_id])).toEqual([[t.org.users.manager_b, t.org.units.teamB], [leaver, t.org.units.teamA]]);
    const handed = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'contract').where('entity_id', '=', String(open)).where('action', '=', 'handover').execute();
    expect(handed).toHaveLength(1);
  });
});
