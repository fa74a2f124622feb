import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiBoard, KpiItem, KpiKey, KpiSet } from '../../src/shared/contracts/kpis';
import { keepEndedPeriods, keepSnapshot, kpiSetOf, periodsEndedBy } from '../../src/server/features/kpis/kpis.library.service';
import { KPI_SNAPSHOT_JOB } from '../../src/server/features/kpis/kpis.routes';
import { businessDate } from '../../src/shared/domain/business-time';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';

/**
 * KPI 库 (PERF-2, issue 16 item 2): each KPI of seed 003 §2.1 for a person and a unit over a closed month —
 * from confirmed or approved records only; the reader's scope; the snapshot kept when the period has ended and
 * a later correction shown beside it; recompute; bad input.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const units = () => t.org.units;
const db = () => t.database.db;
const TZ = 'Asia/Shanghai';
const WAN = 1_000_000; // 1万 in fen
const at = (iso: string) => new Date(`${iso}+08:00`);

const ok = <T,>(r: Response, status = 200): T => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
};
const item = (s: KpiSet, key: KpiKey): KpiItem => s.items.find((i) => i.key === key)!;
const values = (s: KpiSet) => Object.fromEntries(s.items.map((i) => [i.key, i.value]));

async function account(name: string, owner: number, created: string, completeness: number, lostAt?: string) {
  const id = await insertAccount(db(), name, owner);
  await sql`update accounts set created_at = ${at(created)}, created_by = ${owner}, completeness = ${completeness}, unit_id = ${units().teamA}, updated_at = ${at('2026-09-20T10:00:00')} where id = ${id}`.execute(db());
  if (lostAt) {
    await db().updateTable('accounts').set({ lifecycle: 'lost' }).where('id', '=', id).execute();
    await db().insertInto('account_changes').values({ account_id: id, field: 'lifecycle', from_value: 'active', to_value: 'lost', reason: '被竞争对手替代', at: at(lostAt) }).execute();
  }
  return id;
}

let a1: number;
let inst: number[];

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['gm', 'director', 'manager_a', 'spec_a1', 'spec_a2', 'prov_director', 'finance']) c[name] = await t.login(name);
  const me = u().spec_a1!;
  // the archive at 1 September: 南京银行 and 无锡银行 (lost on 15 September); 常州银行 was lost in August;
  // 苏州银行 is entered in September
  a1 = await account('南京银行', me, '2026-01-10T09:00:00', 80);
  await account('无锡银行', me, '2026-02-10T09:00:00', 40, '2026-09-15T10:00:00');
  await account('常州银行', me, '2026-03-10T09:00:00', 10, '2026-08-01T10:00:00');
  await account('苏州银行', me, '2026-09-10T09:00:00', 60);

  // September's sales: 2万 (instalments 1万 in September, 0.6万 of it paid; 1万 in October) and 3万 (settled:
  // its one instalment fell due and was paid in September, the contract completed on the 25th); 4万 a year ago;
  // a framework agreement (a long-term agreement, not a sale) and a draft (nothing)
  const first = await insertSignedContract(db(), { accountId: a1, ownerId: me, signDate: '2026-09-05', instalments: [{ dueDate: '2026-09-20', amount: WAN }, { dueDate: '2026-10-20', amount: WAN }] });
  const second = await insertSignedContract(db(), { accountId: a1, ownerId: me, signDate: '2026-09-01', instalments: [{ dueDate: '2026-09-10', amount: 3 * WAN }] });
  inst = [...first.instalmentIds, ...second.instalmentIds];
  await db().updateTable('contract_instalments').set({ paid_amount: 600_000 }).where('id', '=', inst[0]!).execute();
  await db().updateTable('contract_instalments').set({ paid_amount: 3 * WAN, settled_on: '2026-09-10' }).where('id', '=', inst[2]!).execute();
  await db().updateTable('contracts').set({ status: 'completed', closed_at: at('2026-09-25T12:00:00') }).where('id', '=', second.contractId).execute();
  await insertSignedContract(db(), { accountId: a1, ownerId: me, signDate: '2025-09-03', instalments: [{ dueDate: '2025-12-01', amount: 4 * WAN }] });
  await insertSignedContract(db(), { accountId: a1, ownerId: me, kind: 'framework', signDate: '2026-09-08', instalments: [], amount: 500 * WAN });
  await insertSignedContract(db(), { accountId: a1, ownerId: me, status: 'draft', signDate: '2026-09-09', instalments: [{ dueDate: '2026-09-30', amount: 9 * WAN }] });

  // the approved department plan: 10万 for spec_a1 in September, 20万 for team A, 50万 for the department
  const plan = await db().insertInto('target_plans').values({ unit_id: units().ka, metric: 'sales', year: 2026, status: 'approved', created_by: u().director! }).returning('id').executeTakeFirstOrThrow();
  await db()
    .insertInto('target_cells')
    .values([
      { plan_id: plan.id, subject_kind: 'unit', subject_id: units().ka, month: 9, base: 50 * WAN },
      { plan_id: plan.id, subject_kind: 'unit', subject_id: units().teamA, month: 9, base: 20 * WAN },
      { plan_id: plan.id, subject_kind: 'user', subject_id: me, month: 9, base: 10 * WAN },
    ])
    .execute();

  // September's monthly plan: 4 visits, 2 expansions; 3 visits checked in (one only planned), 苏州银行 developed
  await db().insertInto('monthly_plans').values({ owner_id: me, unit_id: units().teamA, month: '2026-09', status: 'submitted', submitted_at: at('2026-08-31T17:00:00'), planned_visits: 4, planned_expansions: 2 }).execute();
  for (const [day, status] of [['03', 'recorded'], ['10', 'checked_in'], ['17', 'recorded'], ['24', 'approved']] as const) {
    await db()
      .insertInto('visits')
      .values({
        account_id: a1,
        owner_id: me,
        unit_id: units().teamA,
        purpose: 'relationship',
        method: 'onsite',
        planned_at: at(`2026-09-${day}T10:00:00`),
        status,
        checked_in_at: status === 'approved' ? null : at(`2026-09-${day}T10:05:00`),
        recorded_at: status === 'recorded' ? at(`2026-09-${day}T12:00:00`) : null,
        resources: JSON.stringify([]),
        budget: 0,
        cash_advance: 0,
        expenses: JSON.stringify([]),
      })
      .execute();
  }

  // a complaint received on 12 September, judged valid with spec_a1 responsible; another judged invalid
  for (const [n, validity] of [['T-1', 'valid'], ['T-2', 'invalid']] as const) {
    await db()
      .insertInto('tickets')
      .values({
        number: n,
        kind: 'complaint',
        severity: 'high',
        channel: 'phone',
        account_id: a1,
        owner_id: u().manager_a!,
        unit_id: units().teamA,
        title: '响应慢',
        received_at: at('2026-09-12T09:00:00'),
        created_by: u().manager_a!,
        status: 'closed',
        paused_at: at('2026-09-13T09:00:00'),
        resolved_at: at('2026-09-13T09:00:00'),
        closed_at: at('2026-09-14T09:00:00'),
        validity,
        validity_reason: '未按时响应',
        responsible_id: me,
        judged_by: u().director!,
        judged_at: at('2026-09-14T10:00:00'),
      })
      .execute();
  }

  // 1,000 元 budget for September; 800 元 of approved lines (a rejected claim is nothing)
  await db().insertInto('expense_budgets').values({ user_id: me, category: 'entertainment', period: '2026-09', amount: 100_000 }).execute();
  for (const [status, amount] of [['approved', 80_000], ['rejected', 50_000]] as const) {
    const claim = await db().insertInto('expense_claims').values({ owner_id: me, unit_id: units().teamA, title: '招待', status }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('expense_claim_lines').values({ claim_id: claim.id, seq: 1, kind: 'other', category: 'entertainment', amount, occurred_on: '2026-09-18' }).execute();
  }
});
afterAll(async () => t?.close());

describe('a person’s KPIs for a closed month', () => {
  it('are computed by the definitions written beside them, from confirmed or approved records only', async () => {
    const s = ok<KpiSet>(await c.manager_a!.get(`/api/kpis?subject=user:${u().spec_a1}&period=2026-09`));
    expect(s.subject).toMatchObject({ kind: 'user', id: u().spec_a1, unitName: '一组' });
    expect(s.period).toMatchObject({ key: '2026-09', from: '2026-09-01', to: '2026-09-30', closed: true });
    expect(values(s)).toMatchObject({
      sales: 5 * WAN, // 2万 + 3万; not the framework agreement nor the draft
      sales_completion: 50, // of 10万
      sales_growth: 25, // 5万 over 4万
      collection_rate: 90, // (0.6万 + 3万) of (1万 + 3万) due in September
      settlement_rate: 100, // the one contract whose last instalment fell due in September is completed
      new_accounts: 1,
      new_account_rate: 50, // 苏州银行 over 南京银行 and 无锡银行 (常州银行 was lost before September)
      churn_rate: 50, // 无锡银行
      visits: 3,
      visit_plan_execution: 75,
      dev_plan_completion: 50, // 苏州银行 of 2
      long_term_agreements: 1,
      valid_complaints: 1,
      expense_control: 80,
      archive_completeness: 70, // (80 + 60) / 2: the lost ones aside
    });
    expect(item(s, 'sales_completion')).toMatchObject({ numerator: 5 * WAN, denominator: 10 * WAN, target: 10 * WAN });
    // a closed month: everything expected by now; met? 5万 of 10万 is behind
    expect(item(s, 'sales').attainment).toMatchObject({ status: 'behind', expected: 10 * WAN, completion: 0.5 });
    expect(item(s, 'collection_rate')).toMatchObject({ numerator: 3_600_000, denominator: 4 * WAN });
  });

  it('roll up to the team and the department, whose targets are their rows', async () => {
    const team = ok<KpiSet>(await c.manager_a!.get(`/api/kpis?subject=unit:${units().teamA}&period=2026-09`));
    expect(values(team)).toMatchObject({ sales: 5 * WAN, sales_completion: 25, valid_complaints: 1, visits: 3 });
    const board = ok<KpiBoard>(await c.director!.get(`/api/kpis/board?unitId=${units().ka}&period=2026-09`));
    expect(board.rows[0]).toMatchObject({ kind: 'unit', id: units().ka, role: 'total' });
    expect(board.rows[0]!.values.sales_completion!.value).toBe(10); // 5万 of 50万
    const teamRow = board.rows.find((r) => r.kind === 'unit' && r.id === units().teamA)!;
    expect(teamRow.values.collection_rate!.value).toBe(90);
    expect(board.keys).toContain('archive_timeliness');
  });
});

describe('who reads what', () => {
  it('a colleague’s KPIs are not found; a unit outside the scope is not found; the default is oneself', async () => {
    expect((await c.spec_a2!.get(`/api/kpis?subject=user:${u().spec_a1}&period=2026-09`)).status).toBe(404);
    expect((await c.prov_director!.get(`/api/kpis?subject=unit:${units().ka}&period=2026-09`)).status).toBe(404);
    expect((await c.prov_director!.get(`/api/kpis/board?unitId=${units().ka}&period=2026-09`)).status).toBe(404);
    expect((await c.director!.get(`/api/kpis?subject=user:99999999&period=2026-09`)).status).toBe(404);
    const own = ok<KpiSet>(await c.spec_a1!.get('/api/kpis?period=2026-09'));
    expect(own.subject).toMatchObject({ kind: 'user', id: u().spec_a1 });
    // the finance manager is not measured: his default is his unit
    const fin = ok<KpiSet>(await c.finance!.get('/api/kpis?period=2026-09'));
    expect(fin.subject.kind).toBe('unit');
    // a specialist's board: the total and his own row
    const board = ok<KpiBoard>(await c.spec_a2!.get(`/api/kpis/board?unitId=${units().teamA}&period=2026-09`));
    expect(board.rows.map((r) => [r.kind, r.id])).toEqual([
      ['unit', units().teamA],
      ['user', u().spec_a2],
    ]);
  });

  it('bad input is a 400 naming the field', async () => {
    for (const [q, field] of [
      ['subject=user:0', 'subject'],
      ['subject=account:1', 'subject'],
      ['subject=user:1%00', 'subject'],
      [`subject=user:${'9'.repeat(30)}`, 'subject'],
      ['period=2026-13', 'period'],
      ['period=2026-09..2027-02', 'period'],
      [`period=${'x'.repeat(100)}`, 'period'],
    ] as const) {
      const r = await c.director!.get(`/api/kpis?${q}`);
      expect(r.status, q).toBe(400);
      expect(JSON.stringify(r.body), q).toContain(field);
    }
    expect((await c.director!.get('/api/kpis/board?unitId=abc')).status).toBe(400);
  });
});

describe('snapshots', () => {
  it('are kept once a period has ended, and a later correction shows beside the kept figure', async () => {
    await expect(keepSnapshot(db(), '2026-09', TZ, {}, at('2026-09-30T12:00:00'))).rejects.toMatchObject({ code: 'VALIDATION' });
    const kept = await keepSnapshot(db(), '2026-09', TZ, {}, at('2026-10-01T01:30:00'));
    expect(kept).toBeGreaterThan(5);
    // a second keeper (the other instance's job) finds it kept
    expect(await keepSnapshot(db(), '2026-09', TZ, {}, at('2026-10-01T01:30:00'))).toBeNull();
    const actor = (await loadActorForUser(db(), u().manager_a!))!;
    const before = await kpiSetOf(db(), actor, { subject: `user:${u().spec_a1}`, period: '2026-09' }, TZ, at('2026-10-02T09:00:00'));
    expect(item(before, 'collection_rate')).toMatchObject({ value: 90, corrected: false, snapshot: { value: 90 } });

    // finance confirms the rest of the September instalment late: today's figure moves, the kept one stays
    await db().updateTable('contract_instalments').set({ paid_amount: WAN }).where('id', '=', inst[0]!).execute();
    const after = await kpiSetOf(db(), actor, { subject: `user:${u().spec_a1}`, period: '2026-09' }, TZ, at('2026-10-09T09:00:00'));
    expect(item(after, 'collection_rate')).toMatchObject({ value: 100, corrected: true, snapshot: { value: 90, numerator: 3_600_000 } });
    expect(item(after, 'sales').corrected).toBe(false);
    const board = ok<KpiBoard>(await c.director!.get(`/api/kpis/board?unitId=${units().teamA}&period=2026-09`));
    expect(board.rows.find((r) => r.kind === 'user' && r.id === u().spec_a1)!.values.collection_rate).toEqual({ value: 100, corrected: true });

    // recompute (the CLI) keeps today's figures in place of the old ones
    expect(await keepSnapshot(db(), '2026-09', TZ, { replace: true }, at('2026-10-09T09:00:00'))).toBe(kept);
    const recomputed = await kpiSetOf(db(), actor, { subject: `user:${u().spec_a1}`, period: '2026-09' }, TZ, at('2026-10-09T09:00:00'));
    expect(item(recomputed, 'collection_rate')).toMatchObject({ value: 100, corrected: false, snapshot: { value: 100 } });
    const runs = await sql<{ n: number }>`select count(*)::int as n from kpi_snapshot_runs where period = '2026-09'`.execute(db());
    expect(Number(runs.rows[0]!.n)).toBe(1);
  });

  it('the nightly job keeps the month that ended, and the quarter, half and year it ends', async () => {
    expect(periodsEndedBy('2026-10-01')).toEqual(['2026-09', '2026-Q3']);
    expect(periodsEndedBy('2026-07-15')).toEqual(['2026-06', '2026-Q2', '2026-H1']);
    expect(periodsEndedBy('2027-01-01')).toEqual(['2026-12', '2026-Q4', '2026-H2', '2026']);
    expect(periodsEndedBy('2026-05-02')).toEqual(['2026-04']);
    // September is kept already (above): the job keeps only the quarter
    expect(await keepEndedPeriods(db(), TZ, at('2026-10-01T01:30:00'))).toEqual(['2026-Q3']);
    expect(await keepEndedPeriods(db(), TZ, at('2026-10-02T01:30:00'))).toEqual([]);
    const q3 = await kpiSetOf(db(), (await loadActorForUser(db(), u().manager_a!))!, { subject: `user:${u().spec_a1}`, period: '2026-Q3' }, TZ, at('2026-10-02T09:00:00'));
    expect(item(q3, 'sales')).toMatchObject({ value: 5 * WAN, snapshot: { value: 5 * WAN }, corrected: false });
  });

  it('is a daily job of the queue, run through it', async () => {
    await t.platform.jobs.enqueue(db(), KPI_SNAPSHOT_JOB, null);
    while ((await t.platform.jobs.runDue()) > 0);
    const job = await db().selectFrom('jobs').select('status').where('name', '=', KPI_SNAPSHOT_JOB).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const month = periodsEndedBy(businessDate(new Date(), TZ))[0]!;
    expect(await db().selectFrom('kpi_snapshot_runs').select('period').where('period', '=', month).execute()).toHaveLength(1);
  });
});
