import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceMonth, ScorecardDetail, ScorecardPage, ScorecardTrend } from '../../src/shared/contracts/scorecards';
import { DEFAULT_RULE_SETS } from '../../src/shared/domain/scorecards';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertAccount, insertProject } from '../support/pipeline';

/**
 * 考核表 (PERF-3, issue 16 items 3–5): a specialist's September card fills itself from the month's plan, visits,
 * expansions and wins; the cycle draft → self-review → evaluator → director → locked, each step by whom it
 * belongs to; the evaluator's judgment with its steps; the warning under 60 at locking; the ranking, trend and
 * payroll; attendance entered and imported into the account manager's card; the rule sets; bad input.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const units = () => t.org.units;
const db = () => t.database.db;
const at = (iso: string) => new Date(`${iso}+08:00`);

const ok = <T,>(r: Response, status = 200): T => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
};
const refused = (r: Response, status: number, key?: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  if (key) expect(JSON.stringify(r.body)).toContain(key);
};
const item = (card: ScorecardDetail, key: string) => card.items.find((i) => i.key === key)!;

async function cardOf(client: Client, userId: number, period: string, kind: string): Promise<ScorecardDetail> {
  const page = ok<ScorecardPage>(await client.get(`/api/scorecards?period=${period}&kind=${kind}`));
  const row = page.items.find((r) => r.person.id === userId)!;
  return ok<ScorecardDetail>(await client.get(`/api/scorecards/${row.id}`));
}

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'spec_a1', 'spec_a2', 'spec_b1', 'prov_director', 'finance']) c[name] = await t.login(name);
  const me = u().spec_a1!;
  // September's plan: 4 visits, 2 expansions, 2 deals; 3 visits made, 苏州银行 entered, one project won
  const old = await insertAccount(db(), '南京银行', me);
  await sql`update accounts set created_at = ${at('2026-01-10T09:00:00')}, created_by = ${me} where id = ${old}`.execute(db());
  const fresh = await insertAccount(db(), '苏州银行', me);
  await sql`update accounts set created_at = ${at('2026-09-10T09:00:00')}, created_by = ${me} where id = ${fresh}`.execute(db());
  await db().insertInto('monthly_plans').values({ owner_id: me, unit_id: units().teamA, month: '2026-09', status: 'submitted', submitted_at: at('2026-08-31T17:00:00'), planned_visits: 4, planned_expansions: 2, planned_deals: 2 }).execute();
  for (const day of ['03', '10', '17']) {
    await db()
      .insertInto('visits')
      .values({ account_id: old, owner_id: me, unit_id: units().teamA, purpose: 'relationship', method: 'onsite', planned_at: at(`2026-09-${day}T10:00:00`), status: 'recorded', checked_in_at: at(`2026-09-${day}T10:05:00`), recorded_at: at(`2026-09-${day}T12:00:00`), resources: JSON.stringify([]), budget: 0, cash_advance: 0, expenses: JSON.stringify([]) })
      .execute();
  }
  const won = await insertProject(db(), { accountId: old, ownerId: me, status: 'won', stage: 5 });
  await sql`update opportunities set created_at = ${at('2026-08-20T09:00:00')}, closed_at = ${at('2026-09-15T16:00:00')} where id = ${won}`.execute(db());
});

afterAll(async () => {
  await t?.close();
});

describe('opening the cards of a month', () => {
  it('the director opens September for the department: one card per scored person, on the form of their position; again, none more', async () => {
    const first = ok<{ opened: number; existing: number; kinds: string[] }>(await c.director!.post('/api/scorecards/open', { period: '2026-09' }));
    // manager_a, manager_b (account managers); spec_a1, spec_a2, spec_b1, office (specialists)
    expect(first).toEqual({ opened: 6, existing: 0, kinds: ['account_manager', 'specialist'] });
    const again = await Promise.all([1, 2, 3, 4, 5].map(() => c.director!.post('/api/scorecards/open', { period: '2026-09' })));
    for (const r of again) expect(ok<{ opened: number; existing: number }>(r)).toMatchObject({ opened: 0, existing: 6 });
    const n = await db().selectFrom('scorecards').select((eb) => eb.fn.countAll<number>().as('n')).where('period', '=', '2026-09').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(6);
  });

  it('the specialist’s card fills itself from the month: visits 3 of 4, expansions 1 of 2, deals 1 of 2', async () => {
    const card = await cardOf(c.director!, u().spec_a1!, '2026-09', 'specialist');
    expect(card.status).toBe('draft');
    expect(card.evaluator?.id).toBe(u().director);
    expect(item(card, 'visit_plan')).toMatchObject({ source: 'kpi', value: 75, numerator: 3, denominator: 4, points: 22.5 });
    expect(item(card, 'expansion_plan')).toMatchObject({ value: 50, numerator: 1, denominator: 2, points: 15 });
    expect(item(card, 'deal_plan')).toMatchObject({ value: 50, numerator: 1, denominator: 2, points: 10 });
    expect(item(card, 'daily_work')).toMatchObject({ source: 'evaluator', value: null, points: null });
    expect(card).toMatchObject({ total: 47.5, complete: false, missing: 1, warning: false, fullMarks: 100, threshold: 60 });
    expect(card.can).toEqual({ refresh: true, evaluate: false, advance: 'self_review', sendBack: false, reopen: false });
  });

  it('refuses a month not begun, a bad period, a unit outside the manager’s and opening without scorecard:manage', async () => {
    refused(await c.director!.post('/api/scorecards/open', { period: '2099-01' }), 400, 'scorecards.futurePeriod');
    refused(await c.director!.post('/api/scorecards/open', { period: '2026-13' }), 400, 'period');
    refused(await c.director!.post('/api/scorecards/open', { period: '2026-09', unitId: units().province }), 404, 'scorecards.unitNotFound');
    refused(await c.manager_a!.post('/api/scorecards/open', { period: '2026-09' }), 403);
    refused(await c.director!.get('/api/scorecards?period=2026-Q3&kind=specialist'), 400, 'scorecards.periodOfKind');
  });
});

describe('the cycle of a card', () => {
  let id: number;
  let version: number;
  const step = async (client: Client, path: string, body: Record<string, unknown>, status = 200) => {
    const r = await client.post(`/api/scorecards/${id}/${path}`, { version, ...body });
    if (status !== 200) return refused(r, status);
    const card = ok<ScorecardDetail>(r);
    version = card.version;
    return card;
  };

  beforeAll(async () => {
    const card = await cardOf(c.director!, u().spec_a1!, '2026-09', 'specialist');
    id = card.id;
    version = card.version;
  });

  it('the person cannot send their own draft; the director sends it for self-review', async () => {
    await step(c.spec_a1!, 'advance', {}, 403);
    const card = (await step(c.director!, 'advance', {})) as ScorecardDetail;
    expect(card.status).toBe('self_review');
  });

  it('a score is the person’s and the managers’: neither the team’s account manager nor a colleague reads it', async () => {
    refused(await c.manager_a!.get(`/api/scorecards/${id}`), 404);
    refused(await c.spec_a2!.get(`/api/scorecards/${id}`), 404);
    expect(ok<ScorecardPage>(await c.manager_a!.get('/api/scorecards?period=2026-09&kind=specialist')).items).toEqual([]);
    refused(await c.prov_director!.get(`/api/scorecards/${id}`), 404);
    const mine = ok<ScorecardDetail>(await c.spec_a1!.get(`/api/scorecards/${id}`));
    expect(mine.can.advance).toBe('evaluator');
  });

  it('the person hands their self-review on with a comment; a stale version is a 409', async () => {
    refused(await c.spec_a1!.post(`/api/scorecards/${id}/advance`, { version: version - 1 }), 409);
    const card = (await step(c.spec_a1!, 'advance', { comment: '本月拜访略少，下月补上' })) as ScorecardDetail;
    expect(card).toMatchObject({ status: 'evaluator', selfComment: '本月拜访略少，下月补上' });
  });

  it('the evaluator’s judgment: within full marks, in half points, only on the evaluator’s items; not by the person or a reader', async () => {
    const put = (client: Client, items: unknown[]) => client.put(`/api/scorecards/${id}/items`, { version, items });
    refused(await put(c.spec_a1!, [{ key: 'daily_work', value: 20 }]), 403, 'scorecards.notYourStep');
    refused(await put(c.manager_a!, [{ key: 'daily_work', value: 20 }]), 404);
    refused(await put(c.director!, [{ key: 'daily_work', value: 10.3 }]), 400, 'scorecards.notAStep');
    refused(await put(c.director!, [{ key: 'daily_work', value: 25 }]), 400, 'scorecards.outOfRange');
    refused(await put(c.director!, [{ key: 'visit_plan', value: 30 }]), 400, 'scorecards.notEvaluatorItem');
    refused(await put(c.director!, [{ key: 'daily_work', value: 'x' }]), 400);
    refused(await put(c.director!, [{ key: 'daily_work\u0000', value: 12 }]), 400);
    // handing on before entering is refused and names the item
    refused(await c.director!.post(`/api/scorecards/${id}/advance`, { version }), 400, 'items.daily_work');
    const card = ok<ScorecardDetail>(await put(c.director!, [{ key: 'daily_work', value: 12, comment: '日报不及时' }]));
    version = card.version;
    expect(item(card, 'daily_work')).toMatchObject({ value: 12, points: 12, comment: '日报不及时', enteredBy: { id: u().director } });
    expect(card).toMatchObject({ total: 59.5, complete: true, warning: true });
  });

  it('sent back with a reason it returns one step; handed on again it reaches the director', async () => {
    let card = (await step(c.director!, 'return', { reason: '请补充自评' })) as ScorecardDetail;
    expect(card).toMatchObject({ status: 'self_review', returnReason: '请补充自评' });
    // the self-review is the person's words: the director handing it on does not write them, nor clear them
    card = (await step(c.director!, 'advance', { comment: '主管代填' })) as ScorecardDetail;
    expect(card).toMatchObject({ status: 'evaluator', selfComment: '本月拜访略少，下月补上' });
    card = (await step(c.director!, 'return', { reason: '请本人补充' })) as ScorecardDetail;
    card = (await step(c.spec_a1!, 'advance', { comment: '已补充' })) as ScorecardDetail;
    expect(card.selfComment).toBe('已补充');
    card = (await step(c.director!, 'advance', { comment: '同意' })) as ScorecardDetail;
    expect(card).toMatchObject({ status: 'director', evaluatorComment: '同意', returnReason: null });
    expect(item(card, 'daily_work').value).toBe(12);
  });

  it('locked under 60: a warning to the person and the director, and nothing changes after', async () => {
    const card = (await step(c.director!, 'advance', { comment: '予以口头警告' })) as ScorecardDetail;
    expect(card).toMatchObject({ status: 'locked', total: 59.5, warning: true, lockedBy: { id: u().director } });
    expect(card.can).toEqual({ refresh: false, evaluate: false, advance: null, sendBack: false, reopen: true });
    const notes = await db().selectFrom('notifications').select(['user_id', 'params']).where('kind', '=', 'scorecards.warning').execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([u().director!, u().spec_a1!].sort());
    await step(c.director!, 'advance', {}, 403);
    await step(c.director!, 'return', { reason: '重来' }, 403);
    refused(await c.director!.put(`/api/scorecards/${id}/items`, { version, items: [{ key: 'daily_work', value: 20 }] }), 403);
    await step(c.director!, 'refresh', {}, 403);
  });

  it('ranks the month’s cards, sortable by an item, and shows the person’s trend', async () => {
    const page = ok<ScorecardPage>(await c.director!.get('/api/scorecards?period=2026-09&kind=specialist&sort=-item:visit_plan'));
    expect(page.columns.map((x) => x.key)).toEqual(DEFAULT_RULE_SETS.specialist.items.map((i) => i.key));
    expect(page.items[0]).toMatchObject({ person: { id: u().spec_a1 }, total: 59.5, rank: 1, warning: true, status: 'locked' });
    expect(page.items).toHaveLength(4);
    const own = ok<ScorecardPage>(await c.spec_a2!.get('/api/scorecards?period=2026-09&kind=specialist'));
    expect(own.items.map((r) => r.person.id)).toEqual([u().spec_a2]);
    const trend = ok<ScorecardTrend>(await c.spec_a1!.get(`/api/scorecards/trend?userId=${u().spec_a1}&kind=specialist`));
    expect(trend.points).toEqual([{ id, period: '2026-09', status: 'locked', total: 59.5, warning: true }]);
    refused(await c.spec_a2!.get(`/api/scorecards/trend?userId=${u().spec_a1}&kind=specialist`), 404);
  });

  it('exports the period’s locked cards as the payroll workbook', async () => {
    refused(await c.manager_a!.get('/api/scorecards/payroll.xlsx?period=2026-09'), 403);
    const r = await t.app.inject({ method: 'GET', url: '/api/scorecards/payroll.xlsx?period=2026-09', headers: { cookie: c.finance!.cookie } });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('客户专员月度考核表')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    expect(header).toContain('拜访目标指标（满分 30）');
    const row = ws.getRow(2).values as unknown[];
    expect(row).toContain('周专员');
    expect(row).toContain(59.5);
    expect(row).toContain('是');
    expect(ws.rowCount).toBe(2);
  });
});

describe('reopening a locked card', () => {
  it('asked by its evaluator with the reason, approved by the GM (the evaluator is a director), it is back at the director’s step', async () => {
    let card = await cardOf(c.director!, u().spec_a1!, '2026-09', 'specialist');
    expect(card.can.reopen).toBe(true);
    const own = ok<ScorecardDetail>(await c.spec_a1!.get(`/api/scorecards/${card.id}`));
    expect(own.can.reopen).toBe(false);
    refused(await c.spec_a1!.post(`/api/scorecards/${card.id}/reopen`, { version: card.version, reason: '我不服' }), 403, 'scorecards.notYourStep');
    refused(await c.director!.post(`/api/scorecards/${card.id}/reopen`, { version: card.version, reason: '' }), 400, 'reason');
    card = ok<ScorecardDetail>(await c.director!.post(`/api/scorecards/${card.id}/reopen`, { version: card.version, reason: '日常工作分数录错' }));
    expect(card).toMatchObject({ status: 'locked', reopening: { status: 'pending', reason: '日常工作分数录错', requestedBy: { id: u().director } }, can: { reopen: false } });
    refused(await c.director!.post(`/api/scorecards/${card.id}/reopen`, { version: card.version, reason: '再来一次' }), 409, 'scorecards.reopenPending');
    expect(ok<{ cardId: number }>(await c.gm!.get(`/api/scorecard-reopenings/${card.reopening!.id}`)).cardId).toBe(card.id);
    refused(await c.spec_a2!.get(`/api/scorecard-reopenings/${card.reopening!.id}`), 404);
    const approval = await db().selectFrom('approval_instances').select(['id', 'doc_type']).where('doc_id', '=', card.reopening!.id).where('doc_type', 'in', ['scorecard_reopen', 'scorecard_reopen_gm']).executeTakeFirstOrThrow();
    expect(approval.doc_type).toBe('scorecard_reopen_gm');
    ok(await c.gm!.post(`/api/approvals/${approval.id}/approve`, {}));
    card = ok<ScorecardDetail>(await c.director!.get(`/api/scorecards/${card.id}`));
    expect(card).toMatchObject({ status: 'director', lockedAt: null, reopening: { status: 'approved' }, can: { advance: 'locked', reopen: false } });
    expect(item(card, 'daily_work').value).toBe(12);
    // corrected and locked again
    card = ok<ScorecardDetail>(await c.director!.post(`/api/scorecards/${card.id}/return`, { version: card.version, reason: '改日常工作' }));
    card = ok<ScorecardDetail>(await c.director!.put(`/api/scorecards/${card.id}/items`, { version: card.version, items: [{ key: 'daily_work', value: 16 }] }));
    card = ok<ScorecardDetail>(await c.director!.post(`/api/scorecards/${card.id}/advance`, { version: card.version }));
    card = ok<ScorecardDetail>(await c.director!.post(`/api/scorecards/${card.id}/advance`, { version: card.version }));
    expect(card).toMatchObject({ status: 'locked', total: 63.5, warning: false });
  });
});

describe('attendance', () => {
  it('entered for a month, the account manager’s card takes it: late 4 and absent 1 day → 5 − 2 − 1', async () => {
    let card = await cardOf(c.director!, u().manager_a!, '2026-09', 'account_manager');
    expect(item(card, 'attendance').points).toBeNull();
    const month = ok<AttendanceMonth>(await c.director!.put('/api/scorecards/attendance', { month: '2026-09', rows: [{ userId: u().manager_a!, lateTimes: 4, absentDays: 1 }] }));
    expect(month.items.find((r) => r.person.id === u().manager_a)).toMatchObject({ lateTimes: 4, absentDays: 1, source: 'entry' });
    card = await cardOf(c.director!, u().manager_a!, '2026-09', 'account_manager');
    expect(item(card, 'attendance')).toMatchObject({ value: 4, absent: 1, points: 2 });
  });

  it('imported from a 钉钉 export (title row, 工号, GBK-free UTF-8 CSV): matched rows saved, others told why', async () => {
    const csv = '考勤汇总 2026-09,,,\n姓名,工号,迟到次数,缺勤天数\n孙经理,manager_a,1,0\n某某,nobody,1,0\n周专员,spec_a1,x,0\n';
    const r = ok<{ saved: number; skipped: { row: number; name: string; reason: string }[] }>(
      await c.director!.post('/api/scorecards/attendance/import', { month: '2026-09', fileName: 'dingtalk.csv', contentBase64: Buffer.from(csv).toString('base64') }),
    );
    expect(r.saved).toBe(1);
    expect(r.skipped).toEqual([
      { row: 4, name: '某某', reason: 'scorecards.importUnknownPerson' },
      { row: 5, name: '周专员', reason: 'scorecards.importBadNumber' },
    ]);
    const card = await cardOf(c.director!, u().manager_a!, '2026-09', 'account_manager');
    expect(item(card, 'attendance')).toMatchObject({ value: 1, absent: 0, points: 4 });
  });

  it('an XLSX export reads the same; a file without the columns, a stranger and a manager without the permission are refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('月度汇总');
    ws.addRow(['姓名', '迟到次数', '缺勤天数']);
    ws.addRow(['孙经理', 0, 0]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = ok<{ saved: number }>(await c.director!.post('/api/scorecards/attendance/import', { month: '2026-09', fileName: 'wecom.xlsx', contentBase64: xlsx.toString('base64') }));
    expect(r.saved).toBe(1);
    refused(await c.director!.post('/api/scorecards/attendance/import', { month: '2026-09', fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') }), 400, 'scorecards.importUnreadable');
    refused(await c.director!.put('/api/scorecards/attendance', { month: '2026-09', rows: [{ userId: u().prov_director!, lateTimes: 1, absentDays: 0 }] }), 400, 'scorecards.personNotFound');
    refused(await c.director!.put('/api/scorecards/attendance', { month: '2026-09', rows: [{ userId: u().manager_a!, lateTimes: -1, absentDays: 0 }] }), 400, 'lateTimes');
    refused(await c.manager_a!.put('/api/scorecards/attendance', { month: '2026-09', rows: [{ userId: u().spec_a1!, lateTimes: 1, absentDays: 0 }] }), 403);
    // a locked card's month does not change; a month not begun is refused
    refused(await c.director!.put('/api/scorecards/attendance', { month: '2026-09', rows: [{ userId: u().spec_a1!, lateTimes: 1, absentDays: 0 }] }), 409, 'scorecards.attendanceLocked');
    refused(await c.director!.put('/api/scorecards/attendance', { month: '2099-01', rows: [{ userId: u().manager_a!, lateTimes: 1, absentDays: 0 }] }), 400, 'scorecards.futureMonth');
    const big = ['姓名,迟到次数', ...Array.from({ length: 600 }, (_, i) => `某${i},0`)].join('\n');
    refused(await c.director!.post('/api/scorecards/attendance/import', { month: '2026-09', fileName: 'big.csv', contentBase64: Buffer.from(big).toString('base64') }), 400, 'scorecards.importTooManyRows');
  });

  it('a card is locked only once its period has ended', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    ok(await c.director!.post('/api/scorecards/open', { period: month }));
    let card = await cardOf(c.director!, u().spec_b1!, month, 'specialist');
    for (const who of ['director', 'spec_b1'] as const) card = ok<ScorecardDetail>(await c[who]!.post(`/api/scorecards/${card.id}/advance`, { version: card.version }));
    card = ok<ScorecardDetail>(await c.director!.put(`/api/scorecards/${card.id}/items`, { version: card.version, items: [{ key: 'daily_work', value: 15 }] }));
    card = ok<ScorecardDetail>(await c.director!.post(`/api/scorecards/${card.id}/advance`, { version: card.version }));
    expect(card.status).toBe('director');
    refused(await c.director!.post(`/api/scorecards/${card.id}/advance`, { version: card.version }), 400, 'scorecards.periodNotEnded');
  });
});

describe('the rule sets and the director’s quarter', () => {
  it('the administrator reads the seeds’ forms and saves a change that new cards use; a rule that does not fit is refused by its field', async () => {
    const s = ok<{ ruleSets: (typeof DEFAULT_RULE_SETS)['director'][]; version: number }>(await c.admin!.get('/api/scorecards/settings'));
    expect(s.version).toBe(0);
    expect(s.ruleSets.map((r) => r.kind)).toEqual(['account_manager', 'specialist', 'director']);
    const bad = structuredClone(s.ruleSets);
    bad[0]!.items[3]!.source = 'kpi';
    refused(await c.admin!.put('/api/scorecards/settings', { ruleSets: bad, version: 0 }), 400, 'ruleSets.0.items.3.source');
    const next = structuredClone(s.ruleSets);
    next[2]!.threshold = 70;
    const saved = ok<{ version: number; ruleSets: { threshold: number }[] }>(await c.admin!.put('/api/scorecards/settings', { ruleSets: next, version: 0 }));
    expect(saved.version).toBe(1);
    refused(await c.admin!.put('/api/scorecards/settings', { ruleSets: next, version: 0 }), 409);
    refused(await c.director!.get('/api/scorecards/settings'), 403);
  });

  it('the GM opens the third quarter’s director cards, measured on their units, under the new threshold', async () => {
    const r = ok<{ opened: number }>(await c.gm!.post('/api/scorecards/open', { period: '2026-Q3' }));
    expect(r.opened).toBe(2);
    const card = await cardOf(c.gm!, u().director!, '2026-Q3', 'director');
    expect(card).toMatchObject({ kind: 'director', threshold: 70, evaluator: { id: u().gm } });
    expect(card.items.map((i) => i.key)).toEqual(['sales_completion', 'archive_completeness', 'churn_rate', 'new_account_rate']);
    // the director reads his own card but does not move it
    const own = ok<ScorecardDetail>(await c.director!.get(`/api/scorecards/${card.id}`));
    expect(own.can.advance).toBeNull();
  });
});
