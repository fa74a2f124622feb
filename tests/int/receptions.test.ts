import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

let t: TestApp;
let manager: Client;
let director: Client;
let finance: Client;
let gm: Client;
let accountId: number;

const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

const application = (extra: Record<string, unknown> = {}) => ({
  accountId,
  startsAt: '2026-12-08T10:00:00+08:00',
  endsAt: '2026-12-08T14:00:00+08:00',
  place: '公司商务室',
  visitors: [{ name: '刘行长', title: '行长' }, { name: '陈主任', title: '信息中心主任' }],
  purposes: ['customer_visit', 'celebrate_cooperation'],
  level: 'medium',
  costs: { entertainment: 300_000, meeting: 50_000, ceremony: 0, gift: 100_000, other: 20_000 },
  ...extra,
});

const report = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  date: '2026-12-08',
  place: '金陵饭店',
  guestAttendees: [{ name: '刘行长', title: '行长' }],
  hostAttendees: [{ name: '孙经理', title: '客户经理' }, { name: '张总监' }],
  spent: { meals: 280_000, lodging: 0, transport: 15_000, gifts: 100_000, other: 0 },
  spentNotes: { meals: '午宴一桌' },
  effect: '客户对方案认可，同意试点',
  information: '明年一季度有网点改造预算',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('manager_a');
  director = await t.login('director');
  finance = await t.login('finance');
  gm = await t.login('gm');
  accountId = await insertAccount(t.database.db, '接待客户', t.org.users.manager_a!);
});
afterAll(async () => t?.close());

async function approveAll(approvalId: number, expected: [string, string][]) {
  const detail = await manager.get(`/api/approvals/${approvalId}`);
  expect(detail.status).toBe(200);
  expect(detail.body.steps.map((s: { name: string; approverName: string }) => [s.name, s.approverName])).toEqual(expected);
  const by: Record<string, Client> = { 张总监: director, 陈财务: finance, 王总: gm };
  for (const [, who] of expected) expect((await by[who]!.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(200);
}

describe('receptions (ACT-6)', () => {
  it('application → 客户总监 → 财务经理 → report → the director confirms; report_status gates claims', async () => {
    const created = await manager.post('/api/receptions', application());
    expect(created.status).toBe(201);
    const r = created.body.reception;
    expect(r).toMatchObject({
      kind: 'reception',
      status: 'draft',
      reportStatus: 'none',
      level: 'medium',
      execution: 'full',
      costs: { entertainment: 300_000, meeting: 50_000, ceremony: 0, gift: 100_000, other: 20_000, total: 470_000 },
      costTotal: 470_000,
      spentTotal: 0,
      visitors: [{ name: '刘行长', title: '行长' }, { name: '陈主任', title: '信息中心主任' }],
      purposes: ['customer_visit', 'celebrate_cooperation'],
      account: { id: accountId, name: '接待客户' },
      owner: { id: t.org.users.manager_a, name: '孙经理' },
      report: null,
      canWrite: true,
      version: 1,
    });

    // no report before approval
    expect((await manager.put(`/api/receptions/${r.id}/report`, report(1))).status).toBe(409);

    const sub = await manager.post(`/api/receptions/${r.id}/submit`, { version: 1 });
    expect(sub.status).toBe(200);
    expect(sub.body.reception.status).toBe('pending');
    const approvalId = sub.body.reception.approvalId as number;
    const inst = await director.get(`/api/approvals/${approvalId}`);
    expect(inst.body).toMatchObject({ docType: 'reception', link: `/receptions/${r.id}`, amount: 470_000 });
    // ¥4,700: director then finance, no GM
    await approveAll(approvalId, [['客户总监', '张总监'], ['财务经理', '陈财务']]);
    const approved = (await manager.get(`/api/receptions/${r.id}`)).body.reception;
    expect(approved).toMatchObject({ status: 'approved', reportStatus: 'none' });
    expect(approved.decidedAt).not.toBeNull();

    // the report (form 7)
    const rep = await manager.put(`/api/receptions/${r.id}/report`, report(approved.version));
    expect(rep.status).toBe(200);
    expect(rep.body.reception.reportStatus).toBe('submitted');
    expect(rep.body.reception.spentTotal).toBe(395_000);
    expect(rep.body.reception.report).toMatchObject({
      date: '2026-12-08',
      place: '金陵饭店',
      guestAttendees: [{ name: '刘行长', title: '行长' }],
      hostAttendees: [{ name: '孙经理', title: '客户经理' }, { name: '张总监', title: null }],
      spent: { meals: 280_000, lodging: 0, transport: 15_000, gifts: 100_000, other: 0, total: 395_000 },
      spentNotes: { meals: '午宴一桌' },
      effect: '客户对方案认可，同意试点',
      information: '明年一季度有网点改造预算',
      confirmedBy: null,
    });
    expect(rep.body.reception.canConfirmReport).toBe(false);
    // the KA director above the reception is told to confirm it
    const told = await t.database.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', t.org.users.director!).where('kind', '=', 'reception.reportSubmitted').execute();
    expect(told).toEqual([{ kind: 'reception.reportSubmitted', link: `/receptions/${r.id}?tab=report` }]);

    // the owner may not confirm their own report; the director does
    const v = rep.body.reception.version;
    expect((await manager.post(`/api/receptions/${r.id}/report/confirm`, { version: v })).status).toBe(403);
    const dview = (await director.get(`/api/receptions/${r.id}`)).body.reception;
    expect(dview.canConfirmReport).toBe(true);
    expect((await director.post(`/api/receptions/${r.id}/report/confirm`, { version: v + 5 })).status).toBe(409);
    const conf = await director.post(`/api/receptions/${r.id}/report/confirm`, { version: v, comment: '同意报销' });
    expect(conf.status).toBe(200);
    expect(conf.body.reception).toMatchObject({ reportStatus: 'approved', report: { confirmedBy: { id: t.org.users.director, name: '张总监' }, comment: '同意报销' } });
    const back = await t.database.db.selectFrom('notifications').select('params').where('user_id', '=', t.org.users.manager_a!).where('kind', '=', 'reception.reportConfirmed').execute();
    expect(back.map((n) => n.params)).toEqual([{ account: '接待客户', actor: '张总监' }]);
    // confirmed: no more report edits, no second confirmation, no cancel
    const cv = conf.body.reception.version;
    expect((await manager.put(`/api/receptions/${r.id}/report`, report(cv))).status).toBe(409);
    expect((await director.post(`/api/receptions/${r.id}/report/confirm`, { version: cv })).status).toBe(409);
    expect((await manager.post(`/api/receptions/${r.id}/cancel`, { version: cv, reason: '取消' })).status).toBe(409);

    // the list filters by report status; the row carries the totals
    const list = await finance.get(`/api/receptions?reportStatus=approved&accountId=${accountId}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([r.id]);
    expect(list.body.items[0]).toMatchObject({ costTotal: 470_000, spentTotal: 395_000, reportStatus: 'approved' });

    // the account timeline shows it
    const tl = await manager.get(`/api/accounts/${accountId}/timeline?kinds=reception`);
    expect(tl.status).toBe(200);
    expect(tl.body.items.some((e: { kind: string; link: string }) => e.kind === 'reception' && e.link === `/receptions/${r.id}`)).toBe(true);

    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'reception').where('entity_id', '=', String(r.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'submit', 'status', 'report', 'confirm_report']);
  });

  it('above ¥20,000 the GM joins the chain; a site tour carries route, guide and areas', async () => {
    const created = await manager.post('/api/receptions', application({ kind: 'tour', purposes: [], tourRoute: '展厅 → 数据中心 → 客服中心', tourGuide: '钱文员', tourAreas: ['展厅', '数据中心'], costs: { entertainment: 1_800_000, meeting: 200_000, ceremony: 0, gift: 1, other: 0 } }));
    expect(created.status).toBe(201);
    const r = created.body.reception;
    expect(r).toMatchObject({ kind: 'tour', tourRoute: '展厅 → 数据中心 → 客服中心', tourGuide: '钱文员', tourAreas: ['展厅', '数据中心'], costTotal: 2_000_001 });
    const sub = await manager.post(`/api/receptions/${r.id}/submit`, { version: r.version });
    await approveAll(sub.body.reception.approvalId, [['客户总监', '张总监'], ['财务经理', '陈财务'], ['总经理', '王总']]);
    expect((await manager.get(`/api/receptions/${r.id}`)).body.reception.status).toBe('approved');
    // exactly ¥20,000 stays below the GM
    const at = await manager.post('/api/receptions', application({ costs: { entertainment: 2_000_000, meeting: 0, ceremony: 0, gift: 0, other: 0 } }));
    const s2 = await manager.post(`/api/receptions/${at.body.reception.id}/submit`, { version: 1 });
    const steps = (await manager.get(`/api/approvals/${s2.body.reception.approvalId}`)).body.steps.map((s: { name: string }) => s.name);
    expect(steps).toEqual(['客户总监', '财务经理']);
  });

  it('rejected applications are edited and resubmitted; pending ones withdrawn; drafts cancelled', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    const sub = await manager.post(`/api/receptions/${r.id}/submit`, { version: 1 });
    const pending = sub.body.reception;
    expect((await manager.put(`/api/receptions/${r.id}`, { ...application(), version: pending.version })).status).toBe(409);
    expect((await manager.post(`/api/receptions/${r.id}/cancel`, { version: pending.version, reason: '改期' })).status).toBe(409);
    expect((await director.post(`/api/approvals/${pending.approvalId}/reject`, { comment: '档次过高' })).status).toBe(200);
    const rejected = (await manager.get(`/api/receptions/${r.id}`)).body.reception;
    expect(rejected.status).toBe('rejected');
    const edited = await manager.put(`/api/receptions/${r.id}`, { ...application({ level: 'low' }), version: rejected.version });
    expect(edited.status).toBe(200);
    expect(edited.body.reception).toMatchObject({ status: 'draft', level: 'low' });
    const again = await manager.post(`/api/receptions/${r.id}/submit`, { version: edited.body.reception.version });
    expect(again.body.reception.status).toBe('pending');
    const wd = await manager.post(`/api/receptions/${r.id}/withdraw`, { version: again.body.reception.version });
    expect(wd.status).toBe(200);
    expect(wd.body.reception.status).toBe('withdrawn');
    const cancelled = await manager.post(`/api/receptions/${r.id}/cancel`, { version: wd.body.reception.version, reason: '客户改期' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.reception).toMatchObject({ status: 'cancelled', cancelReason: '客户改期' });
    expect((await manager.get('/api/receptions?status=cancelled')).body.items.map((i: { id: number }) => i.id)).toContain(r.id);
  });

  it('names the failing fields (400)', async () => {
    const shape = await manager.post('/api/receptions', { accountId, startsAt: 'tomorrow', level: 'luxury', purposes: ['party'], costs: { entertainment: -1 } });
    expect(shape.status).toBe(400);
    expect(paths(shape)).toEqual(['costs.entertainment', 'level', 'purposes.0', 'startsAt']);
    const rules = await manager.post('/api/receptions', application({ accountId: 999_999, endsAt: '2026-12-08T09:00:00+08:00', purposes: [] }));
    expect(rules.status).toBe(400);
    expect(paths(rules)).toEqual(['accountId', 'endsAt', 'purposes']);
    const tour = await manager.post('/api/receptions', application({ kind: 'tour' }));
    expect(paths(tour)).toEqual(['tourGuide', 'tourRoute']);
    const r = (await manager.post('/api/receptions', application())).body.reception;
    await t.database.db.updateTable('receptions').set({ status: 'approved' }).where('id', '=', r.id).execute();
    const badReport = await manager.put(`/api/receptions/${r.id}/report`, { version: 1, date: '8/12', place: '', guestAttendees: [], hostAttendees: [{ name: '' }], spent: { meals: 1.5 }, effect: '' });
    expect(badReport.status).toBe(400);
    expect(paths(badReport)).toEqual(['date', 'effect', 'guestAttendees', 'hostAttendees.0.name', 'place', 'spent.meals']);
    expect((await manager.get('/api/receptions?sort=name')).status).toBe(400);
  });

  it('hides receptions outside the scope (404) and refuses writers without the permission (403)', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    const other = await t.login('manager_b');
    expect((await other.get(`/api/receptions/${r.id}`)).status).toBe(404);
    expect((await other.put(`/api/receptions/${r.id}`, { ...application(), version: 1 })).status).toBe(404);
    expect((await other.post(`/api/receptions/${r.id}/submit`, { version: 1 })).status).toBe(404);
    expect((await other.get(`/api/receptions/${r.id}/seating`)).status).toBe(404);
    expect((await other.get('/api/receptions')).body.items.map((i: { id: number }) => i.id)).not.toContain(r.id);
    const spec = await t.login('spec_a1');
    expect((await spec.get(`/api/receptions/${r.id}`)).status).toBe(404);
    expect((await finance.post('/api/receptions', application())).status).toBe(403);
    expect((await finance.get(`/api/receptions/${r.id}`)).status).toBe(200);
    expect((await director.get(`/api/receptions/${r.id}`)).body.reception.canWrite).toBe(true);
    expect((await manager.get('/api/receptions/999999')).status).toBe(404);
  });
});

describe('banquet seating (ACT-7)', () => {
  const people = [
    { key: 'h1', name: '王总', title: '总经理', side: 'host', rank: 1 },
    { key: 'h2', name: '张总监', side: 'host', rank: 2, secondHost: true },
    { key: 'h3', name: '孙经理', side: 'host', rank: 3 },
    { key: 'h4', name: '周专员', side: 'host', rank: 4 },
    { key: 'g1', name: '刘行长', title: '行长', side: 'guest', rank: 1 },
    { key: 'g2', name: '陈主任', side: 'guest', rank: 2 },
    { key: 'g3', name: '赵科长', side: 'guest', rank: 3 },
    { key: 'g4', name: '钱科员', side: 'guest', rank: 4 },
    { key: 'i1', name: '翻译小李', side: 'host', rank: 9, interpreter: true },
  ];

  it('proposes by the rules, saves, edits, locks', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    expect((await manager.get(`/api/receptions/${r.id}/seating`)).body).toEqual({ seating: null });
    const prop = await manager.post(`/api/receptions/${r.id}/seating/propose`, { people, seatsPerTable: 10 });
    expect(prop.status).toBe(200);
    const plan = prop.body.seating;
    expect(plan.tables).toHaveLength(1);
    const seats = plan.tables[0].seats as (string | null)[];
    expect(seats[0]).toBe('h1'); // host at the centre
    expect(seats[1]).toBe('g1'); // chief guest on the host's right
    expect(seats[2]).toBe('i1'); // interpreter on the chief guest's right
    expect(seats[5]).toBe('h2'); // second host opposite
    expect(seats[6]).toBe('g2'); // second guest on the second host's right
    // nothing stored by a proposal
    expect((await manager.get(`/api/receptions/${r.id}/seating`)).body.seating).toBeNull();

    const saved = await manager.put(`/api/receptions/${r.id}/seating`, { version: 0, seatsPerTable: 10, people, tables: plan.tables });
    expect(saved.status).toBe(200);
    expect(saved.body.seating).toMatchObject({ version: 1, locked: false, seatsPerTable: 10 });
    expect((await manager.put(`/api/receptions/${r.id}/seating`, { version: 0, seatsPerTable: 10, people, tables: plan.tables })).status).toBe(409);

    // a swap saved and locked; a locked plan refuses changes until unlocked
    const swapped = plan.tables.map((tb: { seats: (string | null)[] }) => ({ ...tb, seats: [tb.seats[0], tb.seats[3], ...tb.seats.slice(2, 3), tb.seats[1], ...tb.seats.slice(4)] }));
    const locked = await manager.put(`/api/receptions/${r.id}/seating`, { version: 1, seatsPerTable: 10, people, tables: swapped, locked: true });
    expect(locked.status).toBe(200);
    expect(locked.body.seating.locked).toBe(true);
    expect(locked.body.seating.tables[0].seats[3]).toBe('g1');
    const refused = await manager.put(`/api/receptions/${r.id}/seating`, { version: 2, seatsPerTable: 10, people, tables: plan.tables, locked: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_STATE');
    const unlocked = await manager.put(`/api/receptions/${r.id}/seating`, { version: 2, seatsPerTable: 10, people, tables: plan.tables, locked: false });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.seating).toMatchObject({ version: 3, locked: false });
    // the director reads it
    expect((await director.get(`/api/receptions/${r.id}/seating`)).body.seating.tables[0].seats[1]).toBe('g1');
  });

  it('two tables: the second table is headed by a host and sits on the main table’s right', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    const many = [...people, ...[5, 6, 7, 8].map((n) => ({ key: `h${n}`, name: `主方${n}`, side: 'host', rank: n })), ...[5, 6, 7, 8, 9, 10].map((n) => ({ key: `g${n}`, name: `客方${n}`, side: 'guest', rank: n }))];
    const prop = await manager.post(`/api/receptions/${r.id}/seating/propose`, { people: many, seatsPerTable: 10 });
    const tables = prop.body.seating.tables;
    expect(tables.map((tb: { no: number; x: number; y: number }) => [tb.no, tb.x, tb.y])).toEqual([[1, 0, 0], [2, 1, 0]]);
    const side = (k: string | null) => many.find((p) => p.key === k)?.side;
    expect(side(tables[1].seats[0])).toBe('host');
    expect(tables[0].seats[0]).toBe('h1');
  });

  it('the second host is whoever is marked so — nobody when nobody is — and one host at most', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    const unmarked = people.map((p) => ({ ...p, secondHost: false }));
    const plain = (await manager.post(`/api/receptions/${r.id}/seating/propose`, { people: unmarked, seatsPerTable: 10 })).body.seating;
    const seats = plain.tables[0].seats as (string | null)[];
    expect(seats.slice(0, 3)).toEqual(['h1', 'g1', 'i1']);
    expect(seats[5]).not.toBe('h2');
    // no two of ours side by side (four hosts, four guests and the interpreter round ten seats)
    const sideOf = (k: string | null) => unmarked.find((p) => p.key === k && !p.interpreter)?.side;
    expect(seats.filter((k, i) => sideOf(k) === 'host' && sideOf(seats[(i + 1) % 10]!) === 'host')).toEqual([]);
    expect(plain.people.every((p: { secondHost: boolean }) => p.secondHost === false)).toBe(true);
    // h4 marked instead: h4 opposite
    const h4 = people.map((p) => ({ ...p, secondHost: p.key === 'h4' }));
    expect((await manager.post(`/api/receptions/${r.id}/seating/propose`, { people: h4, seatsPerTable: 10 })).body.seating.tables[0].seats[5]).toBe('h4');

    const two = await manager.post(`/api/receptions/${r.id}/seating/propose`, { people: people.map((p) => ({ ...p, secondHost: p.key === 'h2' || p.key === 'h3' })) });
    expect(two.status).toBe(400);
    expect(paths(two)).toEqual(['people.2.secondHost']);
    expect(two.body.error.details.issues[0].key).toBe('receptions.secondHostTwice');
    const guestMarked = await manager.post(`/api/receptions/${r.id}/seating/propose`, { people: people.map((p) => ({ ...p, secondHost: p.key === 'g1' || p.key === 'i1' })) });
    expect(paths(guestMarked)).toEqual(['people.4.secondHost', 'people.8.secondHost']);
  });

  it('a plan saved before second hosts were marked reads with nobody marked', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    const old = [{ key: 'h1', name: '王总', title: '总经理', side: 'host', rank: 1, interpreter: false }, { key: 'g1', name: '刘行长', title: '行长', side: 'guest', rank: 1, interpreter: false }];
    await t.database.db
      .insertInto('reception_seating')
      .values({ reception_id: r.id, seats_per_table: 4, people: JSON.stringify(old), tables: JSON.stringify([{ no: 1, x: 0, y: 0, seats: ['h1', 'g1', null, null] }]) })
      .execute();
    const res = await manager.get(`/api/receptions/${r.id}/seating`);
    expect(res.status).toBe(200);
    expect(res.body.seating.people.map((p: { key: string; secondHost: boolean }) => [p.key, p.secondHost])).toEqual([['h1', false], ['g1', false]]);
  });

  it('refuses broken plans with field paths, duplicate keys, and writers outside the scope', async () => {
    const r = (await manager.post('/api/receptions', application())).body.reception;
    const dup = await manager.post(`/api/receptions/${r.id}/seating/propose`, { people: [people[0], { ...people[4], key: 'h1' }] });
    expect(dup.status).toBe(400);
    expect(paths(dup)).toEqual(['people.1.key']);
    const broken = await manager.put(`/api/receptions/${r.id}/seating`, {
      version: 0,
      seatsPerTable: 6,
      people: people.slice(0, 3),
      tables: [{ no: 1, x: 0, y: 0, seats: ['h1', 'h1', 'zz', null, null, null] }],
    });
    expect(broken.status).toBe(400);
    expect(paths(broken)).toEqual(['tables', 'tables', 'tables.0.seats', 'tables.0.seats']);
    const shape = await manager.put(`/api/receptions/${r.id}/seating`, { version: 0, seatsPerTable: 2, people: [], tables: [] });
    expect(paths(shape)).toEqual(['people', 'seatsPerTable', 'tables']);
    const other = await t.login('manager_b');
    expect((await other.post(`/api/receptions/${r.id}/seating/propose`, { people })).status).toBe(404);
    expect((await finance.post(`/api/receptions/${r.id}/seating/propose`, { people })).status).toBe(403);
  });
});
