import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate } from '../../src/shared/domain/business-time';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { at, LANGUAGES, load } from '../support/locales';
import { insertAccount, insertProject } from '../support/pipeline';

/**
 * Issue 13 items 4 and 10: an approval's amount is its document's real amount under the label
 * its type declares (a visit plan's budget, not its cash advance), with the second figure beside
 * it; and each person reads money in 元 or 万元 as they chose, kept on the server.
 */
let t: TestApp;
let spec: Client;
let director: Client;
let finance: Client;
let accountId: number;
let contactId: number;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  [spec, director, finance] = await Promise.all([t.login('spec_a1'), t.login('director'), t.login('finance')]);
  accountId = await insertAccount(t.database.db, '金额显示测试客户', t.org.users.spec_a1!);
  contactId = (await spec.post('/api/contacts', { accountId, name: '钱处长', title: '处长' })).body.id;
});
afterAll(async () => t?.close());

async function submitVisit(budget: number, cashAdvance: number) {
  const created = await spec.post('/api/visits', { accountId, contactIds: [contactId], purpose: 'first', method: 'onsite', plannedAt: new Date(Date.now() + DAY).toISOString(), budget, cashAdvance });
  expect([200, 201], JSON.stringify(created.body)).toContain(created.status);
  const submitted = await spec.post(`/api/visits/${created.body.visit.id}/submit`, { version: created.body.visit.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body.visit.approvalId as number;
}

const inboxItem = async (c: Client, id: number) => ((await c.get('/api/approvals?box=inbox&pageSize=100')).body.items as { id: number }[]).find((i) => i.id === id) as Record<string, unknown> | undefined;

describe('the approval of a document carries its real amount under its own label', () => {
  it('a visit plan with a ¥300 budget and no advance: 预算金额 300.00, the advance 0 beside it, the director alone', async () => {
    const id = await submitVisit(30_000, 0);
    const item = await inboxItem(director, id);
    expect(item).toMatchObject({ amount: 30_000, amountLabel: 'approvals:amounts.budget', secondAmount: 0, secondAmountLabel: 'approvals:amounts.advance' });
    for (const lng of LANGUAGES) expect(at(load(lng, 'approvals'), 'amounts.budget'), lng).toBe(lng === 'zh-CN' ? '预算金额' : 'Budget');
    const detail = (await director.get(`/api/approvals/${id}`)).body;
    expect(detail).toMatchObject({ amount: 30_000, amountLabel: 'approvals:amounts.budget' });
    // the chain still reads the advance: none asked for, no finance step
    expect((detail.steps as { name: string }[]).map((s) => s.name)).toEqual(['客户总监']);
  });

  it('a visit plan with an advance: the budget is still the amount; the advance brings finance in', async () => {
    const id = await submitVisit(50_000, 20_000);
    const detail = (await director.get(`/api/approvals/${id}`)).body;
    expect(detail).toMatchObject({ amount: 50_000, secondAmount: 20_000, secondAmountLabel: 'approvals:amounts.advance' });
    expect((detail.steps as { name: string }[]).map((s) => s.name)).toEqual(['客户总监', '财务经理']);
    const audit = await t.database.db.selectFrom('audit_log').select('diff').where('entity', '=', 'approval_instance').where('entity_id', '=', String(id)).where('action', '=', 'submit').executeTakeFirstOrThrow();
    expect((typeof audit.diff === 'string' ? JSON.parse(audit.diff) : audit.diff)._).toMatchObject({ chainAmount: 20_000 });
    // and finance, at its turn, sees the same figures
    expect((await director.post(`/api/approvals/${id}/approve`, {})).status).toBe(200);
    expect(await inboxItem(finance, id)).toMatchObject({ amount: 50_000, secondAmount: 20_000 });
  });

  it('a development plan without a budget has no amount (—), not 0', async () => {
    const manager = await t.login('manager_a');
    const projectId = await insertProject(t.database.db, { accountId, ownerId: t.org.users.manager_a!, name: '无预算方案', stage: 3, expectedValue: 100_000_000 });
    const saved = await manager.put(`/api/opportunities/${projectId}/plan`, { strategy: '先打通信息中心', advantages: [], steps: [], support: [], resources: '', budget: null, forecast: {}, version: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await manager.post(`/api/opportunities/${projectId}/plan/submit`, { version: saved.body.plan.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const item = await inboxItem(director, submitted.body.plan.approvalId);
    expect(item).toMatchObject({ amount: null, amountLabel: 'approvals:amounts.budget', secondAmount: null, secondAmountLabel: null });
    const summary = (await director.get(`/api/approvals/${submitted.body.plan.approvalId}`)).body.document.fields as { label: string; value: unknown }[];
    expect(summary.find((f) => f.label === 'opportunities:plan.budget')?.value).toBeNull();
  });

  it('a trip report: the actual cost, with the estimate beside it', async () => {
    const today = businessDate(new Date(), 'Asia/Shanghai');
    const trip = await spec.post('/api/trips', { destination: '南京', startOn: today, endOn: today, purpose: '拜访客户', accountIds: [accountId], transport: 'train', costLines: [{ category: 'transport', amount: 80_000 }], advanceRequested: 30_000 });
    expect([200, 201], JSON.stringify(trip.body)).toContain(trip.status);
    const sub = await spec.post(`/api/trips/${trip.body.id}/submit`, { version: trip.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const application = (await spec.get(`/api/approvals?box=submitted&pageSize=100`)).body.items.find((i: { docType: string; docId: number }) => i.docId === trip.body.id && i.docType === 'business_trip_advance');
    expect(application).toMatchObject({ amount: 80_000, amountLabel: 'approvals:amounts.estimated', secondAmount: 30_000, secondAmountLabel: 'approvals:amounts.advance' });
    for (const who of [director, finance]) expect((await who.post(`/api/approvals/${application.id}/approve`, {})).status).toBe(200);
    const current = (await spec.get(`/api/trips/${trip.body.id}`)).body;
    const report = await spec.post(`/api/trips/${trip.body.id}/report`, { version: current.version, returnedOn: today, summary: '见了客户', actualCostLines: [{ category: 'transport', amount: 72_000 }] });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const item = (await spec.get(`/api/approvals?box=submitted&pageSize=100`)).body.items.find((i: { docType: string; docId: number }) => i.docId === trip.body.id && i.docType === 'business_trip_report');
    expect(item).toMatchObject({ amount: 72_000, amountLabel: 'approvals:amounts.actual', secondAmount: 80_000, secondAmountLabel: 'approvals:amounts.estimated' });
  });

  it('every registered type labels its amount (and its second figure) in words both languages have', () => {
    const types = t.platform.approvals.docTypes();
    expect(types.length).toBeGreaterThan(5);
    for (const d of types) {
      for (const label of [d.amountLabel, ...(d.secondAmountLabel ? [d.secondAmountLabel] : [])]) {
        const [ns, key] = label.split(':');
        for (const lng of LANGUAGES) expect(typeof at(load(lng, ns!), key!), `${d.type} ${lng} ${label}`).toBe('string');
      }
    }
  });
});

describe('money in 元 or 万元, as each person chose', () => {
  it('starts in 元, is kept per person on the server, audited, and says the business time zone', async () => {
    const me = (await spec.get('/api/auth/me')).body;
    expect(me).toMatchObject({ moneyUnit: 'yuan', businessTimeZone: 'Asia/Shanghai' });
    const set = await spec.put('/api/auth/preferences', { moneyUnit: 'wan' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.moneyUnit).toBe('wan');
    // a new session of the same person reads it; another person is untouched
    expect((await (await t.login('spec_a1')).get('/api/auth/me')).body.moneyUnit).toBe('wan');
    expect((await director.get('/api/auth/me')).body.moneyUnit).toBe('yuan');
    const audit = await t.database.db.selectFrom('audit_log').select(['diff', 'actor_id']).where('entity', '=', 'user').where('entity_id', '=', String(t.org.users.spec_a1)).where('action', '=', 'preferences').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(t.org.users.spec_a1);
    // saving the same unit again changes nothing and writes no second entry
    expect((await spec.put('/api/auth/preferences', { moneyUnit: 'wan' })).status).toBe(200);
    expect(await t.database.db.selectFrom('audit_log').select('id').where('entity', '=', 'user').where('action', '=', 'preferences').execute()).toHaveLength(1);
    expect((await spec.put('/api/auth/preferences', { moneyUnit: 'yuan' })).body.moneyUnit).toBe('yuan');
  });

  it('refuses a unit it does not know with a 400 naming the field, and a caller without a session with a 401', async () => {
    const bad = await spec.put('/api/auth/preferences', { moneyUnit: 'usd' });
    expect(bad.status).toBe(400);
    expect((bad.body.error.details.issues as { path: string }[]).map((i) => i.path)).toEqual(['moneyUnit']);
    expect((await spec.put('/api/auth/preferences', {})).status).toBe(400);
    expect((await t.anonymous().put('/api/auth/preferences', { moneyUnit: 'wan' })).status).toBe(401);
  });
});
