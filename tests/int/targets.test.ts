import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attainment } from '../../src/shared/contracts/kpis';
import type { TargetImportResult, TargetPlanDetail, TargetPlanPage } from '../../src/shared/contracts/targets';
import { attainmentOf } from '../../src/server/features/kpis/kpis.service';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import { createTestApp, type Client, type Response, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';

/**
 * 目标与分解 (PERF-1, issue 16 item 1): the department's plan decomposed to its teams and people × months in
 * three levels, the unallocated rest, a team's plan whose total is the department plan's row for it, the
 * reference figures from last years' signed contracts, approval and locking (the GM signs a department's
 * plan), changes of a locked plan approved by the director above and never by the person concerned (the
 * director's own go to the GM), who sees which rows, XLSX export and import, bad input and stale versions.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const units = () => t.org.units;
const db = () => t.database.db;
const YEAR = 2027;
const WAN = 1_000_000; // 1万 in fen

const ok = <T = TargetPlanDetail>(r: Response, status = 200): T => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
};
const issues = (r: Response) => (r.body as { error: { details?: { issues?: { path: string; key: string }[] } } }).error.details?.issues ?? [];
const errKey = (r: Response) => (r.body as { error: { i18n?: { key: string } } }).error.i18n?.key;
const row = (p: TargetPlanDetail, kind: 'unit' | 'user', id: number) => p.rows.find((r) => r.kind === kind && r.id === id)!;
const months = (from: number, to: number, base: number, kind: 'unit' | 'user', id: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ kind, id, month: from + i, base, stretch: null, challenge: null }));

async function approve(approvalId: number | null, as: Client) {
  expect(approvalId).not.toBeNull();
  ok(await as.post(`/api/approvals/${approvalId}/approve`, {}));
}

let dept: TargetPlanDetail;
let teamA: TargetPlanDetail;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'spec_a1', 'spec_a2', 'spec_b1', 'prov_director', 'finance', 'office']) c[name] = await t.login(name);
  // last years' signed contracts of spec_a1: the reference figures read them
  const account = await insertAccount(db(), '苏州银行', u().spec_a1!);
  for (const [n, signDate, amount] of [
    ['HT-2024-1', '2024-09-10', 6 * WAN],
    ['HT-2025-1', '2025-09-20', 4 * WAN],
    ['HT-2026-1', '2026-09-05', 2 * WAN],
    ['HT-2026-2', '2026-10-05', 3 * WAN],
  ] as const) {
    await db()
      .insertInto('contracts')
      .values({ number: n, kind: 'sales', account_id: account, owner_id: u().spec_a1!, unit_id: units().teamA, title: n, amount, sign_date: signDate, status: 'signed', created_by: u().spec_a1! })
      .execute();
  }
  // a draft is not signed, and a framework agreement is the umbrella of sales contracts, not a sale: never counted
  await db().insertInto('contracts').values({ number: 'HT-F', kind: 'framework', account_id: account, owner_id: u().spec_a1!, unit_id: units().teamA, title: 'framework', amount: 500 * WAN, sign_date: '2026-09-02', status: 'signed', created_by: u().spec_a1! }).execute();
  await db().insertInto('contracts').values({ number: 'HT-D', kind: 'sales', account_id: account, owner_id: u().spec_a1!, unit_id: units().teamA, title: 'draft', amount: 99 * WAN, sign_date: '2026-09-01', status: 'draft', created_by: u().spec_a1! }).execute();
});
afterAll(async () => t?.close());

describe('a department plan', () => {
  it('is started by the director for his unit only, once per metric and year; bad input is a 400 naming the field', async () => {
    for (const body of [{ unitId: units().ka, metric: 'profit', year: YEAR }, { unitId: units().ka, metric: 'sales', year: 1999 }, { unitId: units().ka, metric: 'sales', year: '2027' }, { unitId: -1, metric: 'sales', year: YEAR }, { metric: 'sales', year: YEAR }]) {
      expect((await c.director!.post('/api/targets', body)).status, JSON.stringify(body)).toBe(400);
    }
    const outside = await c.director!.post('/api/targets', { unitId: units().province, metric: 'sales', year: YEAR });
    expect(outside.status).toBe(400);
    expect(issues(outside)[0]).toMatchObject({ path: 'unitId', key: 'targets.unitNotManaged' });
    expect((await c.spec_a1!.post('/api/targets', { unitId: units().teamA, metric: 'sales', year: YEAR })).status).toBe(403);
    expect((await c.manager_a!.post('/api/targets', { unitId: units().teamA, metric: 'sales', year: YEAR })).status).toBe(403);

    dept = ok(await c.director!.post('/api/targets', { unitId: units().ka, metric: 'sales', year: YEAR }), 201);
    expect(dept).toMatchObject({ status: 'draft', metric: 'sales', year: YEAR, total: 0, allocated: 0, parentPlanId: null, canEdit: true, canSubmit: true });
    // the total, the two teams, then the sales staff of the department itself (the director, the office clerk; not the gift administrator)
    expect(dept.rows.map((r) => [r.kind, r.name, r.role])).toEqual([
      ['unit', '大客户部', 'total'],
      ['unit', '一组', 'child'],
      ['unit', '二组', 'child'],
      ['user', '张总监', 'child'],
      ['user', '钱文员', 'child'],
    ]);
    const again = await c.director!.post('/api/targets', { unitId: units().ka, metric: 'sales', year: YEAR });
    expect(again.status).toBe(409);
    expect(errKey(again)).toBe('targets.exists');
  });

  it('is decomposed: 60万 for the half-year, 6万 and 4万 a month to the teams; the rest per month is shown by the rows', async () => {
    const cells = [...months(7, 12, 10 * WAN, 'unit', units().ka), ...months(7, 12, 6 * WAN, 'unit', units().teamA), ...months(7, 12, 4 * WAN, 'unit', units().teamB)];
    dept = ok(await c.director!.put(`/api/targets/${dept.id}/cells`, { version: dept.version, cells }));
    expect(dept.total).toBe(60 * WAN);
    expect(dept.allocated).toBe(60 * WAN);
    expect(row(dept, 'unit', units().teamA).months[6]).toEqual({ base: 6 * WAN, stretch: null, challenge: null });
    expect(row(dept, 'unit', units().teamA).months[0]).toEqual({ base: 0, stretch: null, challenge: null });

    // stale, out of order, a row not in the plan, a repeat, a value too large or negative: nothing is written
    const stale = await c.director!.put(`/api/targets/${dept.id}/cells`, { version: dept.version - 1, cells: months(1, 1, 1, 'unit', units().teamA) });
    expect(stale.status).toBe(409);
    const bad = await c.director!.put(`/api/targets/${dept.id}/cells`, {
      version: dept.version,
      cells: [
        { kind: 'unit', id: units().teamA, month: 1, base: 5, stretch: 4, challenge: null },
        { kind: 'user', id: u().spec_a1!, month: 1, base: 5, stretch: null, challenge: null },
        { kind: 'unit', id: units().teamB, month: 2, base: 5, stretch: 6, challenge: 5 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(issues(bad).map((i) => [i.path, i.key])).toEqual([
      ['cells.0.stretch', 'targets.stretchBelowBase'],
      ['cells.1.id', 'targets.rowNotInPlan'],
      ['cells.2.challenge', 'targets.challengeBelowStretch'],
    ]);
    for (const cell of [{ kind: 'unit', id: units().teamA, month: 13, base: 1, stretch: null, challenge: null }, { kind: 'unit', id: units().teamA, month: 1, base: -1, stretch: null, challenge: null }, { kind: 'unit', id: units().teamA, month: 1, base: 1e16, stretch: null, challenge: null }, { kind: 'unit', id: units().teamA, month: 1, base: 1.5, stretch: null, challenge: null }, { kind: 'team', id: units().teamA, month: 1, base: 1, stretch: null, challenge: null }]) {
      const r = await c.director!.put(`/api/targets/${dept.id}/cells`, { version: dept.version, cells: [cell] });
      expect(r.status, JSON.stringify(cell)).toBe(400);
    }
    expect(ok(await c.director!.get(`/api/targets/${dept.id}`)).version).toBe(dept.version);
  });
});

describe('a team plan under it', () => {
  it('takes its total from the department plan, gives it to its people, and shows their reference figures', async () => {
    teamA = ok(await c.director!.post('/api/targets', { unitId: units().teamA, metric: 'sales', year: YEAR }), 201);
    expect(teamA.parentPlanId).toBe(dept.id);
    expect(teamA.total).toBe(36 * WAN);
    expect(teamA.rows.map((r) => [r.kind, r.name, r.role, r.editable])).toEqual([
      ['unit', '一组', 'total', false],
      ['user', '孙经理', 'child', true],
      ['user', '周专员', 'child', true],
      ['user', '吴专员', 'child', true],
    ]);
    // 周专员's September over 2024–2026 (6万, 4万, 2万) averages 4万; October only in 2026 (3万) over the three years he signed in: 1万
    const spec = row(teamA, 'user', u().spec_a1!);
    expect(spec.ownAverage[8]).toBe(4 * WAN);
    expect(spec.ownAverage[9]).toBe(1 * WAN);
    expect(spec.lastYear[8]).toBe(2 * WAN);
    expect(spec.lastYear[9]).toBe(3 * WAN);
    // the team's own row aggregates its subtree's signings
    expect(row(teamA, 'unit', units().teamA).lastYear[8]).toBe(2 * WAN);

    // the total row is the department plan's: not written here
    const total = await c.director!.put(`/api/targets/${teamA.id}/cells`, { version: teamA.version, cells: months(7, 7, 1, 'unit', units().teamA) });
    expect(total.status).toBe(400);
    expect(issues(total)[0]).toMatchObject({ path: 'cells.0.id', key: 'targets.rowNotInPlan' });
    teamA = ok(
      await c.director!.put(`/api/targets/${teamA.id}/cells`, {
        version: teamA.version,
        cells: [...months(7, 12, 2 * WAN, 'user', u().manager_a!), ...months(7, 12, 2 * WAN, 'user', u().spec_a1!), ...months(7, 12, 2 * WAN, 'user', u().spec_a2!).map((x) => ({ ...x, stretch: 3 * WAN, challenge: 4 * WAN }))],
      }),
    );
    expect(teamA.allocated).toBe(36 * WAN);
    expect(row(teamA, 'user', u().spec_a2!).months[11]).toEqual({ base: 2 * WAN, stretch: 3 * WAN, challenge: 4 * WAN });
  });

  it('shows each reader the rows of their scope: the specialist the total and his own, the rest summed', async () => {
    const mine = ok(await c.spec_a1!.get(`/api/targets/${teamA.id}`));
    expect(mine.rows.map((r) => r.name)).toEqual(['一组', '周专员']);
    expect(mine.hiddenRows).toBe(2);
    expect(mine.hiddenSum[6]!.base).toBe(4 * WAN);
    expect(mine).toMatchObject({ canEdit: false, canSubmit: false, canDelete: false });
    expect((await c.spec_a1!.get(`/api/targets/${dept.id}`)).status).toBe(404);
    expect((await c.spec_a1!.put(`/api/targets/${teamA.id}/cells`, { version: teamA.version, cells: months(7, 7, 1, 'user', u().spec_a1!) })).status).toBe(403);
    const team = ok(await c.manager_a!.get(`/api/targets/${teamA.id}`));
    expect(team.rows).toHaveLength(4);
    expect(team.canEdit).toBe(false);
    expect((await c.prov_director!.get(`/api/targets/${dept.id}`)).status).toBe(404);
    expect((await c.spec_b1!.get(`/api/targets/${teamA.id}`)).status).toBe(404);
    const all = ok<TargetPlanPage>(await c.finance!.get(`/api/targets?year=${YEAR}`));
    expect(all.items.map((p) => p.unit.name).sort()).toEqual(['一组', '大客户部']);
    expect(ok<TargetPlanPage>(await c.spec_a1!.get(`/api/targets?year=${YEAR}`)).items.map((p) => p.id)).toEqual([teamA.id]);
    expect(ok<TargetPlanPage>(await c.prov_director!.get(`/api/targets?year=${YEAR}`)).items).toEqual([]);
    expect((await c.finance!.get('/api/targets?metric=profit')).status).toBe(400);
  });

  it('exports its grid as XLSX and reads a changed file back; a file with a bad cell is refused whole', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/targets/${teamA.id}/export`, headers: { cookie: c.director!.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基础', '冲刺', '挑战']);
    const base = wb.getWorksheet('基础')!;
    const specRow = [...Array(base.rowCount).keys()].map((i) => base.getRow(i + 1)).find((r) => r.getCell(1).text === `user:${u().spec_a1}`)!;
    expect(specRow.getCell(2).text).toBe('周专员');
    expect(specRow.getCell(2 + 7).value).toBe(20_000);
    expect(specRow.getCell(15).value).toBe(120_000);
    specRow.getCell(2 + 8).value = 25_000.5; // August: 25,000.50 元
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const imported = ok<TargetImportResult>(await c.director!.post(`/api/targets/${teamA.id}/import`, { version: teamA.version, contentBase64: file }));
    expect(imported.errors).toEqual([]);
    expect(imported.applied).toBe(1);
    teamA = imported.plan!;
    expect(row(teamA, 'user', u().spec_a1!).months[7]!.base).toBe(2_500_050);

    specRow.getCell(2 + 9).value = 'abc';
    specRow.getCell(2 + 10).value = -5;
    const badFile = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const refused = ok<TargetImportResult>(await c.director!.post(`/api/targets/${teamA.id}/import`, { version: teamA.version, contentBase64: badFile }));
    expect(refused.applied).toBe(0);
    expect(refused.errors.map((e) => [e.sheet, e.column, e.key])).toEqual([
      ['基础', 'K', 'targets.importBadNumber'],
      ['基础', 'L', 'targets.importBadNumber'],
    ]);
    const junk = ok<TargetImportResult>(await c.director!.post(`/api/targets/${teamA.id}/import`, { version: teamA.version, contentBase64: Buffer.from('not a workbook').toString('base64') }));
    expect(junk.errors[0]!.key).toBe('targets.importUnreadable');
    expect(row(ok(await c.director!.get(`/api/targets/${teamA.id}`)), 'user', u().spec_a1!).months[8]!.base).toBe(2 * WAN);
  });
});

describe('approval and locking', () => {
  it('sends the department plan to the GM; once approved it is locked', async () => {
    dept = ok(await c.director!.get(`/api/targets/${dept.id}`));
    dept = ok(await c.director!.post(`/api/targets/${dept.id}/submit`, { version: dept.version }));
    expect(dept.status).toBe('pending');
    const inbox = ok<{ items: { docType: string; id: number }[] }>(await c.gm!.get('/api/approvals?box=inbox'));
    expect(inbox.items.map((i) => i.docType)).toContain('target_plan');
    expect((await c.director!.put(`/api/targets/${dept.id}/cells`, { version: dept.version, cells: months(1, 1, 1, 'unit', units().teamA) })).status).toBe(409);
    await approve(dept.approvalId, c.gm!);
    dept = ok(await c.director!.get(`/api/targets/${dept.id}`));
    expect(dept).toMatchObject({ status: 'approved', canEdit: false, canSubmit: false, canDelete: false });
    const locked = await c.director!.put(`/api/targets/${dept.id}/cells`, { version: dept.version, cells: months(1, 1, 1, 'unit', units().teamA) });
    expect(locked.status).toBe(409);
    expect(errKey(locked)).toBe('targets.notEditable');
    expect((await c.director!.delete(`/api/targets/${dept.id}?version=${dept.version}`)).status).toBe(409);
  });

  it('a team plan under a planned unit is the director’s to sign: his own submission needs nobody else', async () => {
    teamA = ok(await c.director!.get(`/api/targets/${teamA.id}`));
    teamA = ok(await c.director!.post(`/api/targets/${teamA.id}/submit`, { version: teamA.version }));
    expect(teamA.status).toBe('approved');
  });
});

describe('a change of a locked target', () => {
  it('the specialist asks to lower his own September; the director above approves and it applies', async () => {
    const other = await c.spec_a1!.post(`/api/targets/${teamA.id}/changes`, { reason: '客户预算推迟', lines: [{ kind: 'user', id: u().spec_a2!, month: 9, level: 'base', value: 1 }] });
    expect(other.status).toBe(400);
    expect(issues(other)[0]).toMatchObject({ path: 'lines.0.id', key: 'targets.rowNotChangeable' });
    const same = await c.spec_a1!.post(`/api/targets/${teamA.id}/changes`, { reason: 'x', lines: [{ kind: 'user', id: u().spec_a1!, month: 9, level: 'base', value: 2 * WAN }] });
    expect(issues(same)[0]).toMatchObject({ path: 'lines.0.value', key: 'targets.changeUnchanged' });
    expect((await c.spec_a1!.post(`/api/targets/${teamA.id}/changes`, { reason: '', lines: [{ kind: 'user', id: u().spec_a1!, month: 9, level: 'base', value: 1 }] })).status).toBe(400);
    expect((await c.spec_a1!.post(`/api/targets/${dept.id}/changes`, { reason: 'x', lines: [{ kind: 'user', id: u().spec_a1!, month: 9, level: 'base', value: 1 }] })).status).toBe(404);

    const asked = ok(await c.spec_a1!.post(`/api/targets/${teamA.id}/changes`, { reason: '客户预算推迟至明年一季度', lines: [{ kind: 'user', id: u().spec_a1!, month: 9, level: 'base', value: 15_000_00 }] }), 201);
    const change = asked.changes[0]!;
    expect(change).toMatchObject({ status: 'pending', canWithdraw: true, requestedBy: { id: u().spec_a1 } });
    expect(change.lines).toEqual([{ kind: 'user', id: u().spec_a1, month: 9, level: 'base', value: 15_000_00, from: 2 * WAN, name: '周专员' }]);
    // one waits at a time
    const twice = await c.spec_a2!.post(`/api/targets/${teamA.id}/changes`, { reason: 'x', lines: [{ kind: 'user', id: u().spec_a2!, month: 9, level: 'base', value: 1 }] });
    expect(twice.status).toBe(409);
    expect(errKey(twice)).toBe('targets.changeWaiting');
    // the director signs it (target_change), not the specialist
    const steps = ok<{ docType: string; steps: { approverId: number; status: string }[] }>(await c.director!.get(`/api/approvals/${change.approvalId}`));
    expect(steps.docType).toBe('target_change');
    expect(steps.steps.map((s) => s.approverId)).toEqual([u().director]);
    expect((await c.spec_a1!.post(`/api/approvals/${change.approvalId}/approve`, {})).status).toBe(403);
    await approve(change.approvalId, c.director!);
    const after = ok(await c.spec_a1!.get(`/api/targets/${teamA.id}`));
    expect(row(after, 'user', u().spec_a1!).months[8]!.base).toBe(15_000_00);
    expect(after.changes[0]).toMatchObject({ status: 'approved', canWithdraw: false });
    expect(after.status).toBe('approved');
    expect(ok<{ planId: number }>(await c.spec_a1!.get(`/api/target-changes/${change.id}`)).planId).toBe(teamA.id);
    expect((await c.spec_b1!.get(`/api/target-changes/${change.id}`)).status).toBe(404);
  });

  it('the director’s own change goes to the GM; a waiting change is taken back by its requester only', async () => {
    const asked = ok(await c.director!.post(`/api/targets/${dept.id}/changes`, { reason: '总部调高下半年任务', lines: [{ kind: 'unit', id: units().ka, month: 12, level: 'base', value: 12 * WAN }, { kind: 'unit', id: units().teamA, month: 12, level: 'base', value: 8 * WAN }] }), 201);
    const change = asked.changes[0]!;
    const detail = ok<{ docType: string; steps: { approverId: number }[] }>(await c.gm!.get(`/api/approvals/${change.approvalId}`));
    expect(detail.docType).toBe('target_change_gm');
    expect(detail.steps.map((s) => s.approverId)).toEqual([u().gm]);
    expect((await c.gm!.post(`/api/target-changes/${change.id}/withdraw`, {})).status).toBe(404);
    const back = ok(await c.director!.post(`/api/target-changes/${change.id}/withdraw`, {}));
    expect(back.changes[0]!.status).toBe('withdrawn');
    expect((await c.director!.post(`/api/target-changes/${change.id}/withdraw`, {})).status).toBe(409);
    expect(row(back, 'unit', units().ka).months[11]!.base).toBe(10 * WAN);
  });
});

describe('target attainment (KPI library, PERF-2)', () => {
  it('sums the approved targets over the period, the actuals from signed contracts, and stands them against the working days elapsed', async () => {
    const account = (await db().selectFrom('accounts').select('id').where('name', '=', '苏州银行').executeTakeFirstOrThrow()).id;
    await db().insertInto('contracts').values({ number: 'HT-2027-1', kind: 'sales', account_id: account, owner_id: u().spec_a1!, unit_id: units().teamA, title: 'q3', amount: 3 * WAN, sign_date: '2027-08-03', status: 'signed', created_by: u().spec_a1! }).execute();
    const res = ok<Attainment>(await c.director!.get(`/api/kpis/attainment?unitId=${units().teamA}&metric=sales&period=2027-Q3`));
    expect(res.period).toEqual({ key: '2027-Q3', from: '2027-07-01', to: '2027-09-30', months: [7, 8, 9] });
    expect(res.plan).toEqual({ id: teamA.id, status: 'approved' });
    const total = res.rows[0]!;
    expect(total).toMatchObject({ kind: 'unit', name: '一组', role: 'total', actual: 3 * WAN });
    expect(total.target.base).toBe(18 * WAN);
    const spec = res.rows.find((r) => r.kind === 'user' && r.id === u().spec_a1)!;
    // July 2万, August 25,000.50 元 (the import), September lowered to 1.5万 (the approved change)
    expect(spec.target.base).toBe(2 * WAN + 2_500_050 + 15_000_00);
    expect(spec.months).toEqual([
      { month: 7, target: 2 * WAN, actual: 0 },
      { month: 8, target: 2_500_050, actual: 3 * WAN },
      { month: 9, target: 15_000_00, actual: 0 },
    ]);
    expect(spec.completion).toBeCloseTo((3 * WAN) / (2 * WAN + 2_500_050 + 15_000_00), 6);
    // spec_a2's stretch and challenge are summed as set
    expect(res.rows.find((r) => r.kind === 'user' && r.id === u().spec_a2)!.target).toEqual({ base: 6 * WAN, stretch: 9 * WAN, challenge: 12 * WAN });
    // today (2026) is before the period: nothing is expected yet and there is no pace
    expect(res.elapsed.workingDays).toBe(0);
    expect(spec).toMatchObject({ expected: 0, forecast: null });

    // mid-quarter: 15 August 2027 (a Sunday) — the working days of July and August up to the 13th have passed
    const actor = (await loadActorForUser(db(), u().director!))!;
    const mid = await attainmentOf(db(), actor, { unitId: units().teamA, metric: 'sales', period: '2027-Q3' }, 'Asia/Shanghai', new Date('2027-08-15T04:00:00Z'));
    expect(mid.elapsed.share).toBeGreaterThan(0.4);
    expect(mid.elapsed.share).toBeLessThan(0.6);
    const midSpec = mid.rows.find((r) => r.kind === 'user' && r.id === u().spec_a1)!;
    expect(midSpec.expected).toBe(Math.round(midSpec.target.base * mid.elapsed.share));
    expect(midSpec.forecast).toBe(Math.round((3 * WAN) / mid.elapsed.share));
    expect(midSpec.status).toBe('on_track');
    expect(mid.rows.find((r) => r.kind === 'user' && r.id === u().spec_a2)!.status).toBe('behind');
  });

  it('shows each reader their rows; bad periods are a 400 naming the field; other units are not found', async () => {
    const mine = ok<Attainment>(await c.spec_a1!.get(`/api/kpis/attainment?metric=sales&period=2027-Q3`));
    expect(mine.unit.id).toBe(units().teamA);
    expect(mine.rows.map((r) => r.name)).toEqual(['一组', '周专员']);
    expect((await c.spec_b1!.get(`/api/kpis/attainment?unitId=${units().teamA}&metric=sales`)).status).toBe(404);
    expect((await c.prov_director!.get(`/api/kpis/attainment?unitId=${units().ka}`)).status).toBe(404);
    for (const period of ['2027-13', '2027-Q0', 'x', '2027-05..2027-02', '2026-11..2027-01']) {
      const r = await c.director!.get(`/api/kpis/attainment?unitId=${units().teamA}&period=${encodeURIComponent(period)}`);
      expect(r.status, period).toBe(400);
      expect(issues(r)[0]).toMatchObject({ path: 'period', key: 'kpis.badPeriod' });
    }
    expect((await c.director!.get(`/api/kpis/attainment?metric=profit`)).status).toBe(400);
    // a unit without a plan: its rows with no target
    const none = ok<Attainment>(await c.director!.get(`/api/kpis/attainment?unitId=${units().teamB}&metric=visits&period=2026`));
    expect(none.plan).toBeNull();
    expect(none.rows.every((r) => r.status === 'no_target' && r.target.base === 0)).toBe(true);
    // the company has no plan: its 大客户部 row is the department's own approved total, and the company's their sum
    const company = ok<Attainment>(await c.gm!.get(`/api/kpis/attainment?unitId=${units().hq}&metric=sales&period=2027-H2`));
    expect(company.plan).toBeNull();
    expect(company.rows.find((r) => r.kind === 'unit' && r.id === units().ka)!.target.base).toBe(60 * WAN);
    expect(company.rows[0]!.target.base).toBe(60 * WAN);
    expect(company.rows.find((r) => r.kind === 'unit' && r.id === units().province)!.status).toBe('no_target');
    // the department for December 2026 (no plan for 2026 here): the signed 2026 contracts count in its total
    const dept2026 = ok<Attainment>(await c.director!.get(`/api/kpis/attainment?unitId=${units().ka}&metric=sales&period=2026-Q3`));
    expect(dept2026.rows[0]!.actual).toBe(2 * WAN);
  });
});
