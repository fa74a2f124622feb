import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate } from '../../src/shared/domain/business-time';
import { DEFAULT_RULE_SETS } from '../../src/shared/domain/scorecards';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertSignedContract } from '../support/contracts';
import { insertAccount, insertProject } from '../support/pipeline';

/**
 * Every document type registered with the approval engine goes through the same tests: a
 * submission moves the document's version once; approving every step, rejecting, returning and
 * withdrawing leave the document in its room's status; a step is decided exactly once. A type
 * without a fixture here fails the first test — a new approvable document brings one.
 */
let t: TestApp;
const clients = new Map<string, Client>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.login(username));
  return clients.get(username)!;
};
const ok = <T>(r: { status: number; body: T }, what: string) => {
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const today = () => businessDate(new Date(), 'Asia/Shanghai');
const DAY = 86_400_000;

interface Fixture {
  /** the submitter's username */
  by: string;
  /** a new document, submitted; its id (the approval's doc_id) */
  submit(): Promise<number>;
  /** the document's status as its room keeps it */
  status(docId: number): Promise<string>;
  /** its version (to see a submission move it once) */
  version(docId: number): Promise<number>;
  /** the statuses each outcome leaves */
  after: { approved: string; rejected: string; returned: string; withdrawn: string };
}

let accountId: number;
let contactId: number;
let giftItem: number;
let giftItemOverCap: number;
const row = async (table: string, key: string, id: number, column: string) => {
  const r = await sql<{ v: string | number }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(key)} = ${id}`.execute(t.database.db);
  return r.rows[0]!.v;
};
const statusIn = (table: string, column = 'status', key = 'id') => async (id: number) => String(await row(table, key, id, column));
const versionIn = (table: string, key = 'id') => async (id: number) => Number(await row(table, key, id, 'version'));

function claim(lines: unknown[]): Fixture {
  return {
    by: 'spec_a1',
    async submit() {
      const c = await as('spec_a1');
      const created = ok(await c.post('/api/expense-claims', { title: '通用审批测试', lines }), 'claim');
      ok(await c.post(`/api/expense-claims/${created.id}/submit`, { version: created.version }), 'submit claim');
      return created.id;
    },
    status: statusIn('expense_claims'),
    version: versionIn('expense_claims'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'draft' },
  };
}

let targetYears = 2040;
/** A plan of visits for a year of its own: the department's, sent by the director (to the GM); or team A's under it, sent by the GM (to the director). */
function targetPlan(type: 'target_plan' | 'target_plan_sub'): Fixture {
  return {
    by: type === 'target_plan' ? 'director' : 'gm',
    async submit() {
      const year = ++targetYears;
      if (type === 'target_plan') {
        const c = await as('director');
        const p = ok(await c.post('/api/targets', { unitId: t.org.units.ka, metric: 'visits', year }), 'plan') as { id: number; version: number };
        ok(await c.post(`/api/targets/${p.id}/submit`, { version: p.version }), 'submit plan');
        return p.id;
      }
      await sql`insert into target_plans (unit_id, metric, year, status) values (${t.org.units.ka}, 'visits', ${year}, 'approved')`.execute(t.database.db);
      const c = await as('gm');
      const p = ok(await c.post('/api/targets', { unitId: t.org.units.teamA, metric: 'visits', year }), 'team plan') as { id: number; version: number };
      ok(await c.post(`/api/targets/${p.id}/submit`, { version: p.version }), 'submit team plan');
      return p.id;
    },
    status: statusIn('target_plans'),
    version: versionIn('target_plans'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'draft' },
  };
}

/** A change of a locked plan of team A: spec_a1's own September (to the director), or the director's (to the GM). */
function targetChange(by: 'spec_a1' | 'director'): Fixture {
  return {
    by,
    async submit() {
      const year = ++targetYears;
      const plan = await sql<{ id: number }>`insert into target_plans (unit_id, metric, year, status) values (${t.org.units.teamA}, 'visits', ${year}, 'approved') returning id`.execute(t.database.db);
      const c = await as(by);
      const detail = ok(await c.post(`/api/targets/${plan.rows[0]!.id}/changes`, { reason: '通用审批调整', lines: [{ kind: 'user', id: t.org.users.spec_a1!, month: 9, level: 'base', value: 12 }] }), 'change') as { changes: { id: number }[] };
      return detail.changes[0]!.id;
    },
    status: statusIn('target_changes'),
    version: versionIn('target_changes'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  };
}

let reopenings = 0;
/** A locked card of spec_a1 asked to be reopened by its evaluator: the GM (to the KA director above the card), or the director (to the GM). */
function scorecardReopen(by: 'gm' | 'director'): Fixture {
  return {
    by,
    async submit() {
      const n = ++reopenings;
      const period = `${2030 + Math.floor((n - 1) / 12)}-${String(((n - 1) % 12) + 1).padStart(2, '0')}`;
      const card = await sql<{ id: number; version: number }>`
        insert into scorecards (user_id, unit_id, period, kind, rule_set, status, evaluator_id, locked_at, locked_by, total)
        values (${t.org.users.spec_a1!}, ${t.org.units.teamA}, ${period}, 'specialist', ${JSON.stringify(DEFAULT_RULE_SETS.specialist)}, 'locked', ${t.org.users[by]!}, now(), ${t.org.users.director!}, 55)
        returning id, version`.execute(t.database.db);
      const { id, version } = card.rows[0]!;
      const detail = ok(await (await as(by)).post(`/api/scorecards/${id}/reopen`, { version, reason: '通用审批测试：日常工作分数录错' }), 'reopen') as { reopening: { id: number } };
      return detail.reopening.id;
    },
    status: statusIn('scorecard_reopenings'),
    version: versionIn('scorecard_reopenings'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  };
}

let recipients = 0;
function giftApplication(item: () => number): Fixture {
  return {
    by: 'spec_a1',
    async submit() {
      const c = await as('spec_a1');
      // a contact of its own each time: the recipient's yearly cap must not decide which chain this goes to
      const recipient = ok(await c.post('/api/contacts', { accountId, name: `受礼人${++recipients}`, title: '处长' }), 'recipient').id;
      const created = ok(await c.post('/api/gift-applications', { accountId, contactId: recipient, itemId: item(), quantity: 1, giftOn: today() }), 'gift application');
      ok(await c.post(`/api/gift-applications/${created.id}/submit`, { version: created.version }), 'submit gift');
      return created.id;
    },
    status: statusIn('gift_applications'),
    version: versionIn('gift_applications'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'draft' },
  };
}

function trip(advance: number): Fixture {
  return {
    by: 'spec_a1',
    async submit() {
      const c = await as('spec_a1');
      const created = ok(await c.post('/api/trips', { destination: '南京', startOn: today(), endOn: today(), purpose: '拜访客户', accountIds: [accountId], transport: 'train', costLines: [{ category: 'transport', amount: 80_000 }], advanceRequested: advance }), 'trip');
      ok(await c.post(`/api/trips/${created.id}/submit`, { version: created.version }), 'submit trip');
      return created.id;
    },
    status: statusIn('business_trips'),
    version: versionIn('business_trips'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  };
}

const FIXTURES: Record<string, Fixture> = {
  general_request: {
    by: 'spec_a1',
    async submit() {
      return ok(await (await as('spec_a1')).post('/api/general-requests', { title: '通用审批测试', category: 'office_supplies', amount: 800_000, description: '打印纸', submit: true }), 'request').id;
    },
    status: statusIn('general_requests'),
    version: versionIn('general_requests'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'returned', withdrawn: 'withdrawn' },
  },
  opportunity_plan: {
    by: 'manager_a',
    async submit() {
      const id = await insertProject(t.database.db, { accountId, ownerId: t.org.users.manager_a!, name: `方案${Math.random()}`, stage: 3, expectedValue: 100_000_000 });
      const c = await as('manager_a');
      const plan = ok(await c.put(`/api/opportunities/${id}/plan`, { strategy: '先打通信息中心', advantages: ['efficiency'], steps: [{ title: '拜访', ownerId: t.org.users.manager_a, stage: 3 }], support: [], resources: '', budget: 1_000_000, forecast: { sales: 1, profit: 1, staffCost: 0, travelCost: 0, operatingCost: 0, riskCoefficient: 0 }, version: 0 }), 'plan') as { plan: { version: number } };
      ok(await c.post(`/api/opportunities/${id}/plan/submit`, { version: plan.plan.version }), 'submit plan');
      return id;
    },
    status: statusIn('opportunity_plans', 'status', 'opportunity_id'),
    version: versionIn('opportunity_plans', 'opportunity_id'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  },
  gift_application: giftApplication(() => giftItem),
  gift_application_over_cap: giftApplication(() => giftItemOverCap),
  business_trip: trip(0),
  business_trip_advance: trip(50_000),
  business_trip_report: {
    by: 'spec_a1',
    async submit() {
      const id = await trip(0).submit();
      await approveAll(id, ['business_trip']);
      const c = await as('spec_a1');
      const current = ok(await c.get(`/api/trips/${id}`), 'trip') as { version: number };
      ok(await c.post(`/api/trips/${id}/report`, { version: current.version, returnedOn: today(), summary: '见了客户', actualCostLines: [{ category: 'transport', amount: 80_000 }] }), 'report');
      return id;
    },
    status: statusIn('business_trips', 'report_status'),
    version: versionIn('business_trips'),
    after: { approved: 'approved', rejected: 'none', returned: 'none', withdrawn: 'none' },
  },
  visit_plan: {
    by: 'spec_a1',
    async submit() {
      const c = await as('spec_a1');
      const created = ok(await c.post('/api/visits', { accountId, contactIds: [contactId], purpose: 'first', method: 'onsite', plannedAt: new Date(Date.now() + DAY).toISOString(), budget: 50_000, cashAdvance: 0 }), 'visit') as { visit: { id: number; version: number } };
      ok(await c.post(`/api/visits/${created.visit.id}/submit`, { version: created.visit.version }), 'submit visit');
      return created.visit.id;
    },
    status: statusIn('visits'),
    version: versionIn('visits'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  },
  reception: {
    by: 'manager_a',
    async submit() {
      const c = await as('manager_a');
      const created = ok(await c.post('/api/receptions', { accountId, startsAt: new Date(Date.now() + DAY).toISOString(), place: '商务室', visitors: [{ name: '刘行长', title: '行长' }], purposes: ['customer_visit'], level: 'medium', costs: { entertainment: 300_000, meeting: 0, ceremony: 0, gift: 0, other: 0 } }), 'reception') as { reception: { id: number; version: number } };
      ok(await c.post(`/api/receptions/${created.reception.id}/submit`, { version: created.reception.version }), 'submit reception');
      return created.reception.id;
    },
    status: statusIn('receptions'),
    version: versionIn('receptions'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  },
  contract: {
    by: 'manager_a',
    async submit() {
      const c = await as('manager_a');
      const created = ok(await c.post('/api/contracts', { kind: 'sales', accountId, title: '通用审批测试合同', amount: 10_000_000, paymentTerms: '一次付清', instalments: [{ dueDate: '2027-06-30', amount: 10_000_000 }] }), 'contract');
      ok(await c.post(`/api/contracts/${created.id}/submit`, { version: created.version }), 'submit contract');
      return created.id;
    },
    status: statusIn('contracts'),
    version: versionIn('contracts'),
    after: { approved: 'signed', rejected: 'rejected', returned: 'rejected', withdrawn: 'draft' },
  },
  instalment_write_off: {
    by: 'manager_a',
    async submit() {
      const { instalmentIds } = await insertSignedContract(t.database.db, { accountId, ownerId: t.org.users.spec_a1!, instalments: [{ dueDate: '2025-12-31', amount: 500_000 }] });
      return ok(await (await as('manager_a')).post(`/api/instalments/${instalmentIds[0]}/write-offs`, { amount: 200_000, reason: '客户破产清算' }), 'write-off').id;
    },
    status: statusIn('instalment_write_offs'),
    version: versionIn('instalment_write_offs'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'withdrawn' },
  },
  customer_event: {
    by: 'manager_a',
    async submit() {
      const c = await as('manager_a');
      const created = ok(await c.post('/api/events', { kind: 'seminar', title: '通用审批座谈会', startsAt: new Date(Date.now() + 7 * DAY).toISOString(), endsAt: new Date(Date.now() + 7 * DAY + 3_600_000).toISOString(), budget: 2_000_000 }), 'event') as { id: number; version: number };
      ok(await c.post(`/api/events/${created.id}/submit`, { version: created.version }), 'submit event');
      return created.id;
    },
    status: statusIn('customer_events'),
    version: versionIn('customer_events'),
    after: { approved: 'approved', rejected: 'rejected', returned: 'rejected', withdrawn: 'draft' },
  },
  target_plan: targetPlan('target_plan'),
  target_plan_sub: targetPlan('target_plan_sub'),
  target_change: targetChange('spec_a1'),
  target_change_gm: targetChange('director'),
  scorecard_reopen: scorecardReopen('gm'),
  scorecard_reopen_gm: scorecardReopen('director'),
  expense_claim: claim([{ kind: 'other', category: '其他', amount: 10_000, occurredOn: today() }]),
  expense_claim_phone: claim([{ kind: 'phone', category: '通讯', amount: 10_000, occurredOn: today() }]),
  expense_claim_phone_over: claim([{ kind: 'phone', category: '通讯', amount: 90_000, occurredOn: today() }]),
};

const LOCALES: Record<string, unknown> = Object.fromEntries(
  readdirSync(path.resolve(import.meta.dirname, '../../src/shared/locales/zh-CN')).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../src/shared/locales/zh-CN', f), 'utf8'))]),
);
const usernameOf = (id: number) => Object.entries(t.org.users).find(([, v]) => v === id)![0];
async function instanceOf(types: string[], docId: number) {
  return t.database.db.selectFrom('approval_instances').selectAll().where('doc_type', 'in', types).where('doc_id', '=', docId).orderBy('id', 'desc').executeTakeFirstOrThrow();
}
async function currentApprover(approvalId: number) {
  const inst = await t.database.db.selectFrom('approval_instances').select(['status', 'current_seq']).where('id', '=', approvalId).executeTakeFirstOrThrow();
  if (inst.status !== 'pending') return undefined;
  const step = await t.database.db.selectFrom('approval_steps').select('approver_id').where('instance_id', '=', approvalId).where('seq', '=', inst.current_seq!).executeTakeFirstOrThrow();
  return usernameOf(step.approver_id);
}
/** Approves every step of the document's newest approval as whoever holds it. */
async function approveAll(docId: number, types: string[]) {
  const { id } = await instanceOf(types, docId);
  for (let who = await currentApprover(id); who; who = await currentApprover(id)) ok(await (await as(who)).post(`/api/approvals/${id}/approve`, {}), `approve as ${who}`);
}

beforeAll(async () => {
  t = await createTestApp();
  accountId = await insertAccount(t.database.db, '通用审批客户', t.org.users.spec_a1!);
  contactId = ok(await (await as('spec_a1')).post('/api/contacts', { accountId, name: '钱处长', title: '处长' }), 'contact').id;
  const admin = await as('gift_admin');
  giftItem = ok(await admin.post('/api/gift-items', { name: '茶具', unit: '套', unitValue: 30_000 }), 'gift').id;
  giftItemOverCap = ok(await admin.post('/api/gift-items', { name: '书画', unit: '幅', unitValue: 300_000 }), 'gift').id;
});
afterAll(async () => t?.close());

describe('every approvable document type', () => {
  it('has a fixture here (a new document type brings one)', () => {
    expect(t.platform.approvals.docTypes().map((d) => d.type).filter((type) => !FIXTURES[type])).toEqual([]);
  });

  for (const [type, f] of Object.entries(FIXTURES)) {
    describe(type, () => {
      it('goes to its chain; approving every step approves it, with one more write of the document', async () => {
        const docId = await f.submit();
        expect(await instanceOf([type], docId)).toMatchObject({ status: 'pending', doc_type: type });
        const submitted = await f.version(docId);
        await approveAll(docId, [type]);
        expect(await f.status(docId)).toBe(f.after.approved);
        expect(await f.version(docId)).toBe(submitted + 1);
      });

      it('rejecting, returning and withdrawing leave the document as its room says', async () => {
        for (const outcome of ['reject', 'return'] as const) {
          const docId = await f.submit();
          const { id } = await instanceOf([type], docId);
          const who = (await currentApprover(id))!;
          ok(await (await as(who)).post(`/api/approvals/${id}/${outcome}`, { comment: '通用审批测试' }), outcome);
          expect(await f.status(docId), outcome).toBe(outcome === 'reject' ? f.after.rejected : f.after.returned);
        }
        const docId = await f.submit();
        const { id } = await instanceOf([type], docId);
        ok(await (await as(f.by)).post(`/api/approvals/${id}/withdraw`, {}), 'withdraw');
        expect(await f.status(docId)).toBe(f.after.withdrawn);
      });

      it('shows its approver the document itself on the approval page: fields with values, in the reader’s words', async () => {
        const docId = await f.submit();
        const { id } = await instanceOf([type], docId);
        const r = ok(await (await as((await currentApprover(id))!)).get(`/api/approvals/${id}`), 'detail');
        expect(r.document, type).not.toBeNull();
        const fields = r.document.fields as { label: string; kind: string; value: unknown }[];
        expect(fields.filter((x) => x.value !== null && x.value !== '').length, type).toBeGreaterThanOrEqual(3);
        const labels = fields.map((x) => x.label);
        const enums = [...fields, ...r.document.lines].filter((x: { enumKey?: string }) => x.enumKey).map((x: { enumKey: string; value?: unknown; item?: string }) => `${x.enumKey}.${x.value ?? x.item}`);
        for (const label of [...labels, ...enums, ...(r.document.linesLabel ? [r.document.linesLabel] : [])]) {
          const [ns, key] = label.split(':');
          const words = (key as string).split('.').reduce((o: unknown, k: string) => (o as Record<string, unknown> | undefined)?.[k], LOCALES[ns as string]);
          expect(typeof words, `${type}: ${label}`).toBe('string');
        }
        // the document's money is on the page (a claim's lines add up to its total)
        if (r.document.lines.length && type.startsWith('expense_claim')) {
          const total = fields.find((x) => x.label === 'expenses:fields.total')!.value;
          expect(r.document.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0)).toBe(total);
        }
      });

      it('decides a step exactly once', async () => {
        const docId = await f.submit();
        const { id } = await instanceOf([type], docId);
        const who = (await currentApprover(id))!;
        const c = await as(who);
        const [a, b] = await Promise.all([c.post(`/api/approvals/${id}/approve`, {}), c.post(`/api/approvals/${id}/approve`, {})]);
        // the second finds the step decided (409), or already with the next approver (403)
        expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([200]));
        expect([a.status, b.status].filter((x) => x !== 200).every((x) => x === 409 || x === 403)).toBe(true);
        expect([a.status, b.status].filter((x) => x === 200)).toHaveLength(1);
        const decided = await t.database.db.selectFrom('approval_events').select('id').where('instance_id', '=', id).where('action', '=', 'approve').execute();
        expect(decided).toHaveLength(1);
      });
    });
  }
});

describe('a submission writes the document once', () => {
  it.each(['expense_claim', 'gift_application', 'visit_plan', 'reception', 'business_trip', 'opportunity_plan', 'contract'])('%s: saved at version 1, submitted at 2', async (type) => {
    const f = FIXTURES[type]!;
    expect(await f.version(await f.submit())).toBe(2);
  });
});

describe('every document can be withdrawn from its own page', () => {
  it.each([
    ['general_request', (id: number) => `/api/general-requests/${id}/withdraw`, () => ({})],
    ['visit_plan', (id: number) => `/api/visits/${id}/withdraw`, (v: number) => ({ version: v })],
    ['expense_claim', (id: number) => `/api/expense-claims/${id}/withdraw`, (v: number) => ({ version: v })],
    ['business_trip_report', (id: number) => `/api/trips/${id}/report/withdraw`, (v: number) => ({ version: v })],
    ['reception', (id: number) => `/api/receptions/${id}/withdraw`, (v: number) => ({ version: v })],
    ['gift_application', (id: number) => `/api/gift-applications/${id}/withdraw`, (v: number) => ({ version: v })],
    ['business_trip', (id: number) => `/api/trips/${id}/withdraw`, (v: number) => ({ version: v })],
  ] as const)('%s', async (type, url, body) => {
    const f = FIXTURES[type]!;
    const docId = await f.submit();
    const version = await f.version(docId);
    const c = await as(f.by);
    const stranger = await as('spec_b1');
    expect((await stranger.post(url(docId), body(version))).status).toBe(404);
    if (type !== 'general_request') expect((await c.post(url(docId), body(version + 7))).status).toBe(409);
    const r = await c.post(url(docId), body(version));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await f.status(docId)).toBe(f.after.withdrawn);
    expect((await instanceOf([type], docId)).status).toBe('withdrawn');
    expect((await c.post(url(docId), body(await f.version(docId)))).status).toBe(409);
  });
});
