import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { insertSignedContract, type SignedContractSpec } from '../support/contracts';
import { download, readXlsx } from '../support/transfer';
import { runDunning, settleDunning } from '../../src/server/features/receivables';
import { DUNNING_JOB } from '../../src/server/features/receivables/receivables.routes';
import { addDays } from '../../src/server/features/receivables/receivables.rules';
import { todayIn } from '../../src/server/features/receivables/receivables.service';

let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const db = () => t.database.db;
const tz = () => t.platform.config.BUSINESS_TZ;

let receiptSeq = 0;
/** A confirmed receipt received on `on`, allocated as given (the collections room's effect, written directly). */
async function receipt(accountId: number, ownerId: number, on: string, amount: number, allocations: [number, number][] = []) {
  const owner = await db().selectFrom('users').select('unit_id').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const at = new Date(`${on}T04:00:00Z`);
  const allocated = allocations.reduce((s, [, a]) => s + a, 0);
  const r = await db()
    .insertInto('receipts')
    .values({ number: `HK-T-${process.pid}-${++receiptSeq}`, account_id: accountId, owner_id: ownerId, unit_id: owner.unit_id, received_on: on, amount, status: 'confirmed', allocated, recorded_by: ownerId, confirmed_by: u().finance!, confirmed_at: at, bank_ref: `BANK-${receiptSeq}` })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  for (const [instalmentId, a] of allocations) {
    await db().insertInto('receipt_allocations').values({ receipt_id: r.id, instalment_id: instalmentId, amount: a, received_on: on, allocated_by: u().finance!, allocated_at: at }).execute();
    await sql`update contract_instalments set paid_amount = paid_amount + ${a},
      settled_on = case when paid_amount + ${a} + written_off >= amount then ${on}::date else settled_on end where id = ${instalmentId}`.execute(db());
  }
  return r;
}
async function writeOff(instalmentId: number, amount: number, on: string) {
  await sql`update contract_instalments set written_off = written_off + ${amount}, written_off_on = ${on}::date where id = ${instalmentId}`.execute(db());
}
/** A contract with its plan; void and terminated ones get their reason after the insert. */
async function contract(spec: SignedContractSpec) {
  const closed = spec.status === 'void' || spec.status === 'terminated' ? spec.status : undefined;
  const made = await insertSignedContract(db(), { ...spec, status: closed ? 'signed' : spec.status });
  if (closed) await sql`update contracts set status = ${closed}, status_reason = '测试' where id = ${made.contractId}`.execute(db());
  return made;
}
const qs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();
const dunning = (asOf: string) => runDunning(db(), asOf, t.platform.notifier, { timeZone: tz() });

type Row = { key: number; name: string; buckets: number[]; total: number; count: number };

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'spec_a1', 'spec_b1', 'finance', 'prov_director']) c[name] = await t.login(name);
});
afterAll(async () => t?.close());

describe('ageing as of a date', () => {
  const asOf = '2026-06-30';
  let accountId: number;
  const dueDays = [0, 1, 30, 31, 60, 61, 90, 91, 180, 181, -15];
  const expectedBucket = [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 0];
  let ids: number[];

  beforeAll(async () => {
    accountId = await insertAccount(db(), '账龄边界客户', u().spec_a1!);
    ({ instalmentIds: ids } = await contract({ accountId, ownerId: u().spec_a1!, signDate: '2025-12-01', instalments: dueDays.map((d, i) => ({ dueDate: addDays(asOf, -d), amount: 1_000 * (i + 1) })) }));
  });

  it('puts each instalment in its bucket at the edges (the due day is not overdue; 30 is 1–30, 31 is 31–60, 181 is >180)', async () => {
    const r = await c.gm!.get(`/api/receivables/instalments?${qs({ asOf, accountId, pageSize: 200, sort: 'dueDate' })}`);
    expect(r.status).toBe(200);
    expect(r.body.labels).toEqual(['0', '1-30', '31-60', '61-90', '91-180', '>180']);
    const byId = new Map(r.body.items.map((i: { instalmentId: number }) => [i.instalmentId, i]));
    ids.forEach((id, i) => {
      const item = byId.get(id) as { bucket: number; daysOverdue: number; status: string; outstanding: number };
      expect(item.bucket, `${dueDays[i]} days`).toBe(expectedBucket[i]);
      expect(item.daysOverdue).toBe(Math.max(0, dueDays[i]!));
      expect(item.status).toBe(dueDays[i]! > 0 ? 'overdue' : 'not_due');
      expect(item.outstanding).toBe(1_000 * (i + 1));
    });
    const ageing = await c.gm!.get(`/api/receivables/ageing?${qs({ asOf, accountId })}`);
    expect(ageing.status).toBe(200);
    const row = ageing.body.rows[0] as Row;
    expect(row.name).toBe('账龄边界客户');
    const expected = [0, 0, 0, 0, 0, 0];
    expectedBucket.forEach((b, i) => (expected[b] += 1_000 * (i + 1)));
    expect(row.buckets).toEqual(expected);
    expect(row.count).toBe(dueDays.length);
    expect(ageing.body.totals.total).toBe(expected.reduce((s, x) => s + x, 0));
  });

  it('moves with the date asked about', async () => {
    const r = await c.gm!.get(`/api/receivables/instalments?${qs({ asOf: addDays(asOf, 1), accountId, pageSize: 200 })}`);
    const first = r.body.items.find((i: { instalmentId: number }) => i.instalmentId === ids[0]);
    expect([first.daysOverdue, first.bucket]).toEqual([1, 1]);
    const edge = r.body.items.find((i: { instalmentId: number }) => i.instalmentId === ids[2]);
    expect([edge.daysOverdue, edge.bucket]).toEqual([31, 2]);
  });

  it('refuses a bad date, bucket or sort naming the field', async () => {
    expect(paths(await c.gm!.get('/api/receivables/ageing?asOf=2026-02-30'))).toEqual(['asOf']);
    expect(paths(await c.gm!.get('/api/receivables/ageing?groupBy=team'))).toEqual(['groupBy']);
    expect(paths(await c.gm!.get('/api/receivables/instalments?sort=secret'))).toEqual(['sort']);
    expect(paths(await c.gm!.get('/api/receivables/instalments?status=paid'))).toEqual(['status']);
  });
});

describe('as of a past date', () => {
  let accountId: number;
  let inst: number[];
  let late: number;

  beforeAll(async () => {
    accountId = await insertAccount(db(), '追溯客户', u().spec_a1!);
    ({ instalmentIds: inst } = await contract({
      accountId,
      ownerId: u().spec_a1!,
      signDate: '2026-01-10',
      instalments: [
        { dueDate: '2026-03-01', amount: 100_000 },
        { dueDate: '2026-03-01', amount: 50_000 },
        { dueDate: '2026-04-01', amount: 80_000 },
      ],
    }));
    await receipt(accountId, u().spec_a1!, '2026-04-15', 60_000, [[inst[0]!, 60_000]]);
    await receipt(accountId, u().spec_a1!, '2026-05-01', 50_000, [[inst[1]!, 50_000]]);
    await writeOff(inst[2]!, 80_000, '2026-05-10');
    // signed after some of the dates asked about
    late = (await contract({ accountId, ownerId: u().spec_a1!, signDate: '2026-05-20', instalments: [{ dueDate: '2026-03-15', amount: 7_000 }] })).instalmentIds[0]!;
    // void and terminated contracts owe nothing
    await contract({ accountId, ownerId: u().spec_a1!, status: 'void', signDate: '2026-01-10', instalments: [{ dueDate: '2026-03-01', amount: 999 }] });
    await contract({ accountId, ownerId: u().spec_a1!, status: 'terminated', signDate: '2026-01-10', instalments: [{ dueDate: '2026-03-01', amount: 888 }] });
  });

  const outstanding = async (asOf: string) => {
    const r = await c.spec_a1!.get(`/api/receivables/instalments?${qs({ asOf, accountId, pageSize: 200 })}`);
    expect(r.status).toBe(200);
    return Object.fromEntries(r.body.items.map((i: { instalmentId: number; outstanding: number }) => [i.instalmentId, i.outstanding]));
  };

  it('leaves out receipts received and write-offs made after the date, and contracts signed after it', async () => {
    expect(await outstanding('2026-04-10')).toEqual({ [inst[0]!]: 100_000, [inst[1]!]: 50_000, [inst[2]!]: 80_000 });
    expect(await outstanding('2026-04-30')).toEqual({ [inst[0]!]: 40_000, [inst[1]!]: 50_000, [inst[2]!]: 80_000 });
    expect(await outstanding('2026-05-05')).toEqual({ [inst[0]!]: 40_000, [inst[2]!]: 80_000 });
    expect(await outstanding('2026-06-01')).toEqual({ [inst[0]!]: 40_000, [late]: 7_000 });
  });

  it('tells paid and status as of the date, and the ageing agrees', async () => {
    const r = await c.spec_a1!.get(`/api/receivables/instalments?${qs({ asOf: '2026-04-30', accountId, sort: 'outstanding' })}`);
    const first = r.body.items.find((i: { instalmentId: number }) => i.instalmentId === inst[0]);
    expect(first).toMatchObject({ paid: 60_000, writtenOff: 0, outstanding: 40_000, status: 'overdue', daysOverdue: 60, bucket: 2, contractStatus: 'signed' });
    expect(r.body.items.map((i: { outstanding: number }) => i.outstanding)).toEqual([40_000, 50_000, 80_000]);
    expect(r.body.outstanding).toBe(170_000);
    // a page past the last still tells the count and the sum
    const past = await c.spec_a1!.get(`/api/receivables/instalments?${qs({ asOf: '2026-04-30', accountId, page: 9, pageSize: 2 })}`);
    expect([past.body.items.length, past.body.total, past.body.outstanding]).toEqual([0, 3, 170_000]);
    const second = await c.spec_a1!.get(`/api/receivables/instalments?${qs({ asOf: '2026-04-30', accountId, page: 2, pageSize: 2, sort: '-outstanding' })}`);
    expect([second.body.items.map((i: { outstanding: number }) => i.outstanding), second.body.total]).toEqual([[40_000], 3]);
    const ageing = await c.spec_a1!.get(`/api/receivables/ageing?${qs({ asOf: '2026-04-30', accountId })}`);
    expect(ageing.body.totals.total).toBe(170_000);
    const before = await c.spec_a1!.get(`/api/receivables/instalments?${qs({ asOf: '2026-02-28', accountId })}`);
    expect(before.body.items.map((i: { status: string; paid: number }) => [i.status, i.paid])).toEqual([
      ['not_due', 0],
      ['not_due', 0],
      ['not_due', 0],
    ]);
    // partly paid before its due date
    const partly = await c.spec_a1!.get(`/api/receivables/instalments?${qs({ asOf: '2026-04-20', accountId, status: 'overdue' })}`);
    expect(partly.body.total).toBe(3);
  });
});

describe('scope and grouping', () => {
  const asOf = '2026-06-30';
  const acc: Record<string, number> = {};
  beforeAll(async () => {
    acc.a = await insertAccount(db(), '范围客户甲', u().spec_a1!);
    acc.a2 = await insertAccount(db(), '范围客户甲二', u().spec_a2!);
    acc.b = await insertAccount(db(), '范围客户乙', u().spec_b1!);
    acc.p = await insertAccount(db(), '范围客户省', u().prov_director!);
    await contract({ accountId: acc.a, ownerId: u().spec_a1!, instalments: [{ dueDate: '2026-06-01', amount: 10_000 }] });
    await contract({ accountId: acc.a2, ownerId: u().spec_a2!, instalments: [{ dueDate: '2026-05-01', amount: 15_000 }] });
    await contract({ accountId: acc.b, ownerId: u().spec_b1!, instalments: [{ dueDate: '2026-06-01', amount: 20_000 }, { dueDate: '2026-09-01', amount: 5_000 }] });
    await contract({ accountId: acc.p, ownerId: u().prov_director!, instalments: [{ dueDate: '2026-06-01', amount: 40_000 }] });
  });

  const owners = async (who: string) => {
    const r = await c[who]!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'owner' })}`);
    expect(r.status).toBe(200);
    return (r.body.rows as Row[]).map((x) => x.key).sort((a, b) => a - b);
  };

  it('the GM sees all, the director their unit, a manager the team, a specialist their own', async () => {
    const all = await owners('gm');
    expect(all).toEqual(expect.arrayContaining([u().spec_a1, u().spec_a2, u().spec_b1, u().prov_director]));
    expect(await owners('director')).toEqual([u().spec_a1!, u().spec_a2!, u().spec_b1!].sort((a, b) => a - b));
    expect(await owners('prov_director')).toEqual([u().prov_director]);
    expect(await owners('manager_a')).toEqual([u().spec_a1!, u().spec_a2!].sort((a, b) => a - b));
    expect(await owners('spec_a1')).toEqual([u().spec_a1]);
    // out of scope reads as nothing, not as an error
    const none = await c.manager_a!.get(`/api/receivables/instalments?${qs({ asOf, accountId: acc.b })}`);
    expect([none.status, none.body.total, none.body.items.length]).toEqual([200, 0, 0]);
  });

  it('groups by account, owner and unit (the unit path) with names', async () => {
    const byAccount = await c.director!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'account' })}`);
    const names = new Map((byAccount.body.rows as Row[]).map((r) => [r.key, r.name]));
    expect(names.get(acc.b)).toBe('范围客户乙');
    expect(names.has(acc.p)).toBe(false);
    const byOwner = await c.director!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'owner' })}`);
    expect((byOwner.body.rows as Row[]).find((r) => r.key === u().spec_b1)!.name).toBe('冯专员');
    const byUnit = await c.director!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'unit' })}`);
    const units = new Map((byUnit.body.rows as Row[]).map((r) => [r.key, r]));
    expect(units.get(t.org.units.teamA)!.name).toBe('大客户部 / 一组');
    expect(units.get(t.org.units.teamB)!).toMatchObject({ name: '大客户部 / 二组', total: 25_000, count: 2, buckets: [5_000, 20_000, 0, 0, 0, 0] });
    expect(units.has(t.org.units.province)).toBe(false);
    // a unit filter takes the subtree
    const ka = await c.gm!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'unit', unitId: t.org.units.ka })}`);
    expect((ka.body.rows as Row[]).map((r) => r.key).sort()).toEqual([t.org.units.teamA, t.org.units.teamB].sort());
    const ownerFilter = await c.gm!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'account', ownerId: u().spec_b1 })}`);
    expect((ownerFilter.body.rows as Row[]).map((r) => r.key)).toEqual([acc.b]);
  });

  it('drill-down sums equal the group they open, row by row and bucket by bucket', async () => {
    for (const groupBy of ['account', 'owner', 'unit'] as const) {
      const r = await c.director!.get(`/api/receivables/ageing?${qs({ asOf, groupBy })}`);
      const param = { account: 'accountId', owner: 'ownerId', unit: 'unitId' }[groupBy];
      for (const row of r.body.rows as Row[]) {
        const list = await c.director!.get(`/api/receivables/instalments?${qs({ asOf, [param]: row.key, pageSize: 200 })}`);
        expect([list.body.outstanding, list.body.total], `${groupBy} ${row.name}`).toEqual([row.total, row.count]);
        expect(list.body.items.reduce((s: number, i: { outstanding: number }) => s + i.outstanding, 0)).toBe(row.total);
      }
      for (const [bucket, sum] of (r.body.totals.buckets as number[]).entries()) {
        const list = await c.director!.get(`/api/receivables/instalments?${qs({ asOf, bucket, pageSize: 1 })}`);
        expect(list.body.outstanding, `${groupBy} bucket ${bucket}`).toBe(sum);
      }
    }
  });

  it('exports the grouped table and the receivables as XLSX, one sheet each', async () => {
    const res = await download(t, c.director!, `/api/receivables/ageing/export?${qs({ asOf, groupBy: 'owner' })}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const report = (await c.director!.get(`/api/receivables/ageing?${qs({ asOf, groupBy: 'owner' })}`)).body;
    const table = await readXlsx(res.body);
    expect(table[0]).toEqual(['负责人', '未到期', '1-30 天', '31-60 天', '61-90 天', '91-180 天', '>180 天', '笔数', '应收合计']);
    expect(table.length).toBe(report.rows.length + 2);
    expect(table.at(-1)![0]).toBe('合计');
    expect(Number(table.at(-1)!.at(-1))).toBeCloseTo(report.totals.total / 100, 2);
    const lines = await readXlsx(res.body, 1);
    expect(lines[0]![0]).toBe('合同编号');
    expect(lines.length).toBe(report.totals.count + 1);
    expect(lines.slice(1).reduce((s, l) => s + Number(l[10]), 0)).toBeCloseTo(report.totals.total / 100, 2);
  });
});

describe('run the dunning now (立即运行催收)', () => {
  const run = '/api/receivables/dunning/run';
  const dunningJobs = () => db().selectFrom('jobs').select(['id', 'status', 'dedupe_key']).where('name', '=', DUNNING_JOB).orderBy('id').execute();
  let instalmentId: number;
  let contractId: number;

  beforeAll(async () => {
    const accountId = await insertAccount(db(), '立即催收客户', u().spec_a1!);
    const today = todayIn(tz());
    const made = await contract({ accountId, ownerId: u().spec_a1!, signDate: addDays(today, -60), instalments: [{ dueDate: addDays(today, -20), amount: 100_000 }] });
    [contractId, instalmentId] = [made.contractId, made.instalmentIds[0]!];
  });

  it('is for finance, the director and the GM: a manager or a specialist gets 403, and nothing is queued', async () => {
    for (const who of ['manager_a', 'spec_a1']) {
      expect((await c[who]!.post(run)).status, who).toBe(403);
      expect((await c[who]!.get(run)).status, who).toBe(403);
    }
    expect(await dunningJobs()).toEqual([]);
    const none = await c.finance!.get(run);
    expect([none.status, none.body]).toEqual([200, null]);
  });

  it('20 requests at once queue exactly one run, and each answers 202 with it', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => c[i % 2 ? 'finance' : 'director']!.post(run)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    const jobs = await dunningJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'queued', dedupe_key: `schedule:${DUNNING_JOB}` });
    expect(new Set(answers.map((a) => a.body.id))).toEqual(new Set([jobs[0]!.id]));
    expect(answers[0]!.body).toMatchObject({ status: 'queued', finishedAt: null, lastError: null });
    const audited = await db().selectFrom('audit_log').select(['actor_id', 'diff']).where('entity', '=', 'job').where('entity_id', '=', String(jobs[0]!.id)).execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.diff).toMatchObject({ _: { name: DUNNING_JOB } });
    const state = await c.gm!.get(run);
    expect([state.status, state.body.id, state.body.status]).toEqual([200, jobs[0]!.id, 'queued']);
  });

  it('the queued run chases an instalment 20 days overdue as of today: levels 1 and 2 and the owner’s collection task; then it reads done', async () => {
    expect(await db().selectFrom('dunning_steps').select('level').where('instalment_id', '=', instalmentId).execute()).toEqual([]);
    while ((await t.platform.jobs.runDue()) > 0);
    const steps = await db().selectFrom('dunning_steps').select(['level', 'days_overdue', 'task_id']).where('instalment_id', '=', instalmentId).orderBy('level').execute();
    expect(steps.map((s) => [s.level, s.days_overdue])).toEqual([
      [1, 20],
      [2, 20],
    ]);
    const tasks = await db().selectFrom('tasks').select(['id', 'owner_id', 'status', 'source', 'title', 'link_url']).where('link_entity', '=', 'contract_instalment').where('link_id', '=', instalmentId).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: steps[1]!.task_id, owner_id: u().spec_a1, status: 'open', source: 'dunning', link_url: `/contracts/${contractId}` });
    expect(tasks[0]!.title).toContain('帐款催收');
    const [job] = await dunningJobs();
    const done = await c.director!.get(run);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: job!.id, status: 'done', lastError: null });
    expect(Date.parse(done.body.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.body.runAt));
    // the owner sees the task on the dunning list
    const listed = await c.spec_a1!.get(`/api/receivables/dunning?${qs({ ownerId: u().spec_a1 })}`);
    expect(listed.body.items.find((i: { instalmentId: number }) => i.instalmentId === instalmentId)).toMatchObject({ level: 2, task: { id: tasks[0]!.id, ownerId: u().spec_a1 } });
  });

  it('once the run is done, the next request queues a new one; a second run repeats no level', async () => {
    const again = await c.finance!.post(run);
    expect(again.status).toBe(202);
    const jobs = await dunningJobs();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'queued']);
    expect(again.body.id).toBe(jobs[1]!.id);
    while ((await t.platform.jobs.runDue()) > 0);
    expect((await c.finance!.get(run)).body).toMatchObject({ id: jobs[1]!.id, status: 'done' });
    expect(await db().selectFrom('dunning_steps').select('level').where('instalment_id', '=', instalmentId).orderBy('level').execute()).toEqual([{ level: 1 }, { level: 2 }]);
    expect(await db().selectFrom('tasks').select('id').where('link_entity', '=', 'contract_instalment').where('link_id', '=', instalmentId).execute()).toHaveLength(1);
  });
});

describe('dunning (帐款催收)', () => {
  let accountId: number;
  const k: Record<string, { contractId: number; instalmentIds: number[] }> = {};
  const steps = async (instalmentId: number) =>
    (await db().selectFrom('dunning_steps').select(['level', 'days_overdue', 'task_id']).where('instalment_id', '=', instalmentId).orderBy('level').execute()).map((s) => [s.level, s.days_overdue]);
  const notices = async (kind: string, contractId: number) =>
    db().selectFrom('notifications').select(['user_id', 'params']).where('kind', '=', kind).where('link', '=', `/contracts/${contractId}`).orderBy('id').execute();
  const tasksOf = (instalmentId: number) =>
    db().selectFrom('tasks').select(['id', 'owner_id', 'status', 'link_url', 'source', 'due_at', 'title']).where('link_entity', '=', 'contract_instalment').where('link_id', '=', instalmentId).orderBy('id').execute();

  beforeAll(async () => {
    accountId = await insertAccount(db(), '催收客户', u().spec_a1!);
    k.one = await contract({ accountId, ownerId: u().spec_a1!, signDate: '2026-01-10', instalments: [{ dueDate: '2026-08-01', amount: 100_000 }, { dueDate: '2026-12-01', amount: 10_000 }] });
  });

  it('records level 1 the day after the due date, once however often it runs, and tells the owner', async () => {
    const inst = k.one!.instalmentIds[0]!;
    await dunning('2026-08-01');
    expect(await steps(inst)).toEqual([]);
    await dunning('2026-08-02');
    await dunning('2026-08-02');
    await dunning('2026-08-03');
    expect(await steps(inst)).toEqual([[1, 1]]);
    const n = await notices('receivables.dunning', k.one!.contractId);
    expect(n.map((x) => x.user_id)).toEqual([u().spec_a1]);
    expect(n[0]!.params).toMatchObject({ level: 1, days: 1, outstanding: '1,000.00', account: '催收客户', seq: 1 });
  });

  it('at 15 days gives the owner a collection task linked to the contract, due in three working days', async () => {
    const inst = k.one!.instalmentIds[0]!;
    await dunning('2026-08-16');
    expect(await steps(inst)).toEqual([
      [1, 1],
      [2, 15],
    ]);
    const tasks = await tasksOf(inst);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_id: u().spec_a1, status: 'open', link_url: `/contracts/${k.one!.contractId}`, source: 'dunning' });
    expect(tasks[0]!.title).toContain('帐款催收');
    expect(tasks[0]!.title).toContain('15');
    // 2026-08-16 is a Sunday: three working days on is Wednesday the 19th, 18:00 in Shanghai
    expect(new Date(tasks[0]!.due_at!).toISOString()).toBe('2026-08-19T10:00:00.000Z');
    const step = await db().selectFrom('dunning_steps').select('task_id').where('instalment_id', '=', inst).where('level', '=', 2).executeTakeFirstOrThrow();
    expect(step.task_id).toBe(tasks[0]!.id);
  });

  it('found 40 days overdue at once: levels 1–3 in one run, the owner told once, the director notified with a task', async () => {
    k.forty = await contract({ accountId, ownerId: u().spec_a1!, signDate: '2026-01-10', instalments: [{ dueDate: '2026-07-07', amount: 30_000 }] });
    const inst = k.forty.instalmentIds[0]!;
    await dunning('2026-08-16');
    expect(await steps(inst)).toEqual([
      [1, 40],
      [2, 40],
      [3, 40],
    ]);
    const owner = await notices('receivables.dunning', k.forty.contractId);
    expect(owner.map((x) => [x.user_id, (x.params as { level: number }).level])).toEqual([[u().spec_a1, 3]]);
    const director = await notices('receivables.dunningDirector', k.forty.contractId);
    expect(director.map((x) => x.user_id)).toEqual([u().director]);
    expect(director[0]!.params).toMatchObject({ days: 40, outstanding: '300.00', owner: '周专员' });
    expect((await tasksOf(inst)).map((x) => x.owner_id)).toEqual([u().spec_a1, u().director]);
    expect(await notices('receivables.dunningGm', k.forty.contractId)).toEqual([]);
  });

  it('at 60 days the GM is told; contracts neither signed nor in progress are not chased', async () => {
    k.sixty = await contract({ accountId, ownerId: u().spec_a1!, signDate: '2026-01-10', instalments: [{ dueDate: '2026-06-01', amount: 5_000 }] });
    const terminated = await contract({ accountId, ownerId: u().spec_a1!, status: 'terminated', signDate: '2026-01-10', instalments: [{ dueDate: '2026-06-01', amount: 5_000 }] });
    await dunning('2026-08-16');
    expect((await steps(k.sixty.instalmentIds[0]!)).map(([l]) => l)).toEqual([1, 2, 3, 4]);
    expect((await notices('receivables.dunningGm', k.sixty.contractId)).map((x) => x.user_id)).toEqual([u().gm]);
    expect(await steps(terminated.instalmentIds[0]!)).toEqual([]);
  });

  it('two runs at the same time never repeat a level', async () => {
    k.race = await contract({ accountId, ownerId: u().spec_a1!, signDate: '2026-01-10', instalments: [{ dueDate: '2026-07-01', amount: 8_000 }, { dueDate: '2026-07-02', amount: 8_000 }] });
    const results = await Promise.all([dunning('2026-08-20'), dunning('2026-08-20')]);
    for (const inst of k.race.instalmentIds) expect((await steps(inst)).map(([l]) => l)).toEqual([1, 2, 3]);
    expect(results.reduce((s, r) => s + r.steps, 0)).toBeGreaterThanOrEqual(6);
    expect((await notices('receivables.dunning', k.race.contractId)).length).toBe(2);
    expect((await notices('receivables.dunningDirector', k.race.contractId)).length).toBe(2);
    for (const inst of k.race.instalmentIds) expect((await tasksOf(inst)).length).toBe(2);
  });

  it('lists the instalments with their levels and open task in scope', async () => {
    const r = await c.spec_a1!.get(`/api/receivables/dunning?${qs({ accountId })}`);
    expect(r.status).toBe(200);
    const item = r.body.items.find((i: { instalmentId: number }) => i.instalmentId === k.forty!.instalmentIds[0]);
    expect(item).toMatchObject({ level: 3, outstanding: 30_000, contractId: k.forty!.contractId, accountName: '催收客户' });
    expect(item.steps.map((s: { level: number }) => s.level)).toEqual([1, 2, 3]);
    expect(item.task).toMatchObject({ ownerId: u().spec_a1, status: 'open' });
    const level4 = await c.director!.get(`/api/receivables/dunning?${qs({ accountId, level: 4 })}`);
    expect(level4.body.items.map((i: { instalmentId: number }) => i.instalmentId)).toEqual([k.sixty!.instalmentIds[0]]);
    const other = await c.spec_b1!.get(`/api/receivables/dunning?${qs({ accountId })}`);
    expect([other.status, other.body.total]).toEqual([200, 0]);
  });

  it('settleDunning closes the open tasks of paid instalments only', async () => {
    const paid = k.forty!.instalmentIds[0]!;
    const open = k.race!.instalmentIds[0]!;
    await receipt(accountId, u().spec_a1!, '2026-08-21', 30_000, [[paid, 30_000]]);
    await db().transaction().execute((trx) => settleDunning(trx, [paid, open], null));
    expect((await tasksOf(paid)).map((x) => x.status)).toEqual(['done', 'done']);
    expect((await tasksOf(open)).map((x) => x.status)).toEqual(['open', 'open']);
    const r = await c.spec_a1!.get(`/api/receivables/dunning?${qs({ accountId })}`);
    expect(r.body.items.some((i: { instalmentId: number }) => i.instalmentId === paid)).toBe(false);
    const all = await c.spec_a1!.get(`/api/receivables/dunning?${qs({ accountId, state: 'all' })}`);
    expect(all.body.items.find((i: { instalmentId: number }) => i.instalmentId === paid)).toMatchObject({ outstanding: 0, task: null });
  });

  it('a collection task made on 30 September 2026 falls due after 国庆节, on the make-up Saturday, at the end of the working hours', async () => {
    // an account of its own: the lists below count this account's levels
    const holidayAccount = await insertAccount(db(), '节后催收客户', u().spec_a1!);
    const made = await contract({ accountId: holidayAccount, ownerId: u().spec_a1!, signDate: '2026-01-10', instalments: [{ dueDate: '2026-09-15', amount: 20_000 }] });
    const inst = made.instalmentIds[0]!;
    // the working day ends at 17:00 (the working hours' setting), not the default 18:00
    const hours = await c.admin!.put('/api/work-calendar-hours', { start: '08:30', end: '17:00', breakStart: '12:00', breakEnd: '13:00', version: 0 });
    expect(hours.status).toBe(200);
    try {
      await dunning('2026-09-30');
      expect(await steps(inst)).toEqual([
        [1, 15],
        [2, 15],
      ]);
      const [task] = await tasksOf(inst);
      // 1–7 October off, then Thursday 8, Friday 9 and the 调休 Saturday 10: 17:00 in Shanghai
      expect(new Date(task!.due_at!).toISOString()).toBe('2026-10-10T09:00:00.000Z');
    } finally {
      await c.admin!.put('/api/work-calendar-hours', { start: '09:00', end: '18:00', breakStart: '12:00', breakEnd: '13:30', version: 1 });
    }
  });

  it('runs as the daily job, as of today', async () => {
    // due on 2026-12-01: overdue on any day the suite runs
    const inst = k.one!.instalmentIds[1]!;
    expect(await steps(inst)).toEqual([]);
    await t.platform.jobs.enqueue(db(), DUNNING_JOB, null);
    while ((await t.platform.jobs.runDue()) > 0);
    const job = await db().selectFrom('jobs').select('status').where('name', '=', DUNNING_JOB).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect((await steps(inst)).map(([l]) => l)).toContain(1);
  });
});

describe('rates (DEAL-3)', () => {
  const acc: Record<string, number> = {};
  beforeAll(async () => {
    acc.a = await insertAccount(db(), '回款率客户甲', u().spec_a1!);
    acc.b = await insertAccount(db(), '回款率客户乙', u().spec_b1!);
    const ra = await contract({ accountId: acc.a, ownerId: u().spec_a1!, status: 'in_progress', signDate: '2027-01-10', instalments: [{ dueDate: '2027-07-15', amount: 100_000 }, { dueDate: '2027-08-15', amount: 100_000 }, { dueDate: '2027-11-15', amount: 50_000 }] });
    await receipt(acc.a, u().spec_a1!, '2027-08-20', 150_000, [[ra.instalmentIds[0]!, 100_000], [ra.instalmentIds[1]!, 50_000]]);
    // received after the quarter: not counted
    await receipt(acc.a, u().spec_a1!, '2027-10-05', 50_000, [[ra.instalmentIds[1]!, 50_000]]);
    await contract({ accountId: acc.a, ownerId: u().spec_a1!, status: 'void', signDate: '2027-01-10', instalments: [{ dueDate: '2027-08-01', amount: 77_000 }] });
    const rb = await contract({ accountId: acc.b, ownerId: u().spec_b1!, status: 'completed', signDate: '2027-01-10', instalments: [{ dueDate: '2027-09-01', amount: 80_000 }] });
    await receipt(acc.b, u().spec_b1!, '2027-09-01', 80_000, [[rb.instalmentIds[0]!, 80_000]]);
    await sql`update contracts set closed_at = '2027-09-10T03:00:00Z' where id = ${rb.contractId}`.execute(db());
    await contract({ accountId: acc.a, ownerId: u().spec_a2!, signDate: '2027-01-10', instalments: [{ dueDate: '2027-09-30', amount: 40_000 }] });
    // completed on 2 October: planned in Q3, not settled by its end
    const rd = await contract({ accountId: acc.b, ownerId: u().manager_b!, status: 'completed', signDate: '2027-01-10', instalments: [{ dueDate: '2027-09-15', amount: 30_000 }] });
    await sql`update contracts set closed_at = '2027-10-02T03:00:00Z' where id = ${rd.contractId}`.execute(db());
    await contract({ accountId: acc.b, ownerId: u().prov_director!, signDate: '2027-01-10', instalments: [{ dueDate: '2027-08-01', amount: 20_000 }] });
  });

  type RateRow = { key: number; name: string; due: number; received: number; collectionRate: number | null; planned: number; settled: number; settlementRate: number | null; direct: boolean };
  const rates = async (who: string, q: Record<string, string | number | undefined>) => {
    const r = await c[who]!.get(`/api/receivables/rates?${qs(q)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { ...r.body, byKey: new Map((r.body.rows as RateRow[]).map((x) => [x.key, x])) } as { from: string; to: string; rows: RateRow[]; totals: RateRow; byKey: Map<number, RateRow> };
  };

  it('per person for a quarter: received ÷ due and settled ÷ planned', async () => {
    const r = await rates('gm', { period: '2027-Q3' });
    expect([r.from, r.to]).toEqual(['2027-07-01', '2027-09-30']);
    expect(r.byKey.get(u().spec_a1!)).toMatchObject({ name: '周专员', due: 200_000, received: 150_000, collectionRate: 0.75, planned: 0, settled: 0, settlementRate: null });
    expect(r.byKey.get(u().spec_b1!)).toMatchObject({ due: 80_000, received: 80_000, collectionRate: 1, planned: 1, settled: 1, settlementRate: 1 });
    expect(r.byKey.get(u().spec_a2!)).toMatchObject({ due: 40_000, received: 0, collectionRate: 0, planned: 1, settled: 0, settlementRate: 0 });
    expect(r.byKey.get(u().manager_b!)).toMatchObject({ due: 30_000, planned: 1, settled: 0 });
    expect(r.totals).toMatchObject({ due: 370_000, received: 230_000, planned: 4, settled: 1, collectionRate: 0.6216, settlementRate: 0.25 });
    const same = await rates('gm', { from: '2027-07-01', to: '2027-09-30' });
    expect(same.rows).toEqual(r.rows);
  });

  it('per unit: the children of a unit rolled up; per team; in scope', async () => {
    const ka = await rates('gm', { period: '2027-Q3', groupBy: 'unit', unitId: t.org.units.ka });
    expect(ka.byKey.get(t.org.units.teamA)).toMatchObject({ name: '大客户部 / 一组', due: 240_000, received: 150_000, planned: 1, settled: 0, direct: false });
    expect(ka.byKey.get(t.org.units.teamB)).toMatchObject({ due: 110_000, received: 80_000, planned: 2, settled: 1 });
    expect(ka.rows.length).toBe(2);
    const top = await rates('gm', { period: '2027-Q3', groupBy: 'unit' });
    expect(top.byKey.get(t.org.units.ka)).toMatchObject({ name: '大客户部', due: 350_000, received: 230_000, planned: 3, settled: 1 });
    expect(top.byKey.get(t.org.units.province)).toMatchObject({ due: 20_000 });
    const team = await rates('director', { period: '2027-Q3', groupBy: 'team' });
    expect([...team.byKey.keys()].sort()).toEqual([t.org.units.teamA, t.org.units.teamB].sort());
    const mine = await rates('spec_a1', { period: '2027-Q3' });
    expect([...mine.byKey.keys()]).toEqual([u().spec_a1]);
    const directorUnit = await rates('director', { period: '2027-Q3', groupBy: 'unit' });
    expect(directorUnit.totals.due).toBe(350_000);
  });

  it('needs a period or both dates, the end not before the start', async () => {
    expect(paths(await c.gm!.get('/api/receivables/rates?period=2027-Q5'))).toEqual(['period']);
    expect(paths(await c.gm!.get('/api/receivables/rates?from=2027-07-01'))).toEqual(['to']);
    expect(paths(await c.gm!.get('/api/receivables/rates'))).toEqual(['from']);
    expect(paths(await c.gm!.get('/api/receivables/rates?from=2027-07-01&to=2027-06-30'))).toEqual(['to']);
    expect(paths(await c.gm!.get('/api/receivables/rates?period=2027&groupBy=unit&unitId=999999'))).toEqual(['unitId']);
  });
});

describe('statement (对账单)', () => {
  let accountId: number;
  let s1: { contractId: number; instalmentIds: number[] };
  let r2: { number: string };

  beforeAll(async () => {
    accountId = await insertAccount(db(), '对账客户', u().spec_b1!);
    s1 = await contract({ accountId, ownerId: u().spec_b1!, signDate: '2026-01-05', instalments: [{ dueDate: '2026-02-01', amount: 100_000 }, { dueDate: '2026-03-01', amount: 100_000 }, { dueDate: '2026-04-01', amount: 50_000 }] });
    const [i1, i2, i3] = s1.instalmentIds as [number, number, number];
    await receipt(accountId, u().spec_b1!, '2026-02-10', 150_000, [[i1, 100_000], [i2, 50_000]]);
    r2 = await receipt(accountId, u().spec_b1!, '2026-03-20', 60_000, [[i2, 50_000]]);
    await db().insertInto('invoices').values({ instalment_id: i3, contract_id: s1.contractId, number: `FP-${process.pid}-1`, issued_on: '2026-03-25', amount: 50_000, type: 'special', created_by: u().spec_b1! }).execute();
    await writeOff(i3, 20_000, '2026-04-10');
  });

  it('opens with what was owed the day before, runs the balance in date order and closes where the next one opens', async () => {
    const r = await c.spec_b1!.get(`/api/accounts/${accountId}/statement?from=2026-03-01&to=2026-03-31`);
    expect(r.status).toBe(200);
    expect(r.body.opening).toBe(-50_000);
    expect(r.body.lines.map((l: { date: string; kind: string; debit: number; credit: number; invoiced: number; balance: number }) => [l.date, l.kind, l.debit, l.credit, l.invoiced, l.balance])).toEqual([
      ['2026-03-01', 'due', 100_000, 0, 0, 50_000],
      ['2026-03-20', 'receipt', 0, 50_000, 0, 0],
      ['2026-03-25', 'invoice', 0, 0, 50_000, 0],
    ]);
    expect(r.body.lines[1].ref).toBe(r2.number);
    expect(r.body.totals).toEqual({ debit: 100_000, credit: 50_000, invoiced: 50_000 });
    expect(r.body.closing).toBe(r.body.opening + r.body.totals.debit - r.body.totals.credit);
    expect(r.body.credit).toBe(10_000);
    const next = await c.spec_b1!.get(`/api/accounts/${accountId}/statement?from=2026-04-01&to=2026-04-30`);
    expect(next.body.opening).toBe(r.body.closing);
    expect(next.body.lines.map((l: { kind: string; balance: number }) => [l.kind, l.balance])).toEqual([
      ['due', 50_000],
      ['write_off', 30_000],
    ]);
    expect(next.body.closing).toBe(30_000);
    // the whole span: opening 0, closing the same
    const whole = await c.spec_b1!.get(`/api/accounts/${accountId}/statement?from=2026-01-01&to=2026-04-30`);
    expect([whole.body.opening, whole.body.closing]).toEqual([0, 30_000]);
    // what the ageing says is owed and overdue by then agrees
    const ageing = await c.spec_b1!.get(`/api/receivables/ageing?${qs({ asOf: '2026-04-30', accountId })}`);
    expect(ageing.body.totals.total).toBe(30_000);
  });

  it('is 404 outside scope, 400 for an end before the start; the director reads it', async () => {
    expect((await c.spec_a1!.get(`/api/accounts/${accountId}/statement?from=2026-03-01&to=2026-03-31`)).status).toBe(404);
    expect((await c.spec_b1!.get(`/api/accounts/99999999/statement?from=2026-03-01&to=2026-03-31`)).status).toBe(404);
    expect(paths(await c.spec_b1!.get(`/api/accounts/${accountId}/statement?from=2026-03-31&to=2026-03-01`))).toEqual(['to']);
    expect((await c.director!.get(`/api/accounts/${accountId}/statement?from=2026-03-01&to=2026-03-31`)).body.closing).toBe(0);
  });

  it('exports the statement as XLSX', async () => {
    const res = await download(t, c.spec_b1!, `/api/accounts/${accountId}/statement/export?from=2026-03-01&to=2026-03-31`);
    expect(res.status).toBe(200);
    const rows = await readXlsx(res.body);
    expect(rows[0]![0]).toBe('日期');
    expect(rows[1]![0]).toContain('对账客户');
    expect(rows[2]!.slice(1, 2)).toEqual(['期初余额']);
    expect(Number(rows[2]!.at(-1))).toBe(-500);
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['应收到期', '回款', '开票', '期末余额', '未分配回款（预收）']));
  });

  it('reconciles a month for finance in three sheets', async () => {
    expect((await download(t, c.manager_a!, '/api/receivables/reconciliation?period=2026-03')).status).toBe(403);
    expect((await download(t, c.director!, '/api/receivables/reconciliation?period=2026-03')).status).toBe(403);
    expect((await c.finance!.get('/api/receivables/reconciliation?period=2026-13')).status).toBe(400);
    const res = await download(t, c.finance!, '/api/receivables/reconciliation?period=2026-03');
    expect(res.status).toBe(200);
    const receipts = await readXlsx(res.body, 0);
    expect(receipts[0]).toEqual(['回款单号', '银行流水号', '回款日期', '客户', '付款方式', '回款金额', '合同编号', '期次', '分配金额']);
    const mine = receipts.filter((r) => r[0] === r2.number);
    expect(mine.map((r) => [r[2], r[3], r[5], r[7], r[8]])).toEqual([['2026-03-20', '对账客户', '600', '2', '500']]);
    const credit = await readXlsx(res.body, 1);
    expect(credit.filter((r) => r[0] === r2.number).map((r) => r.slice(4))).toEqual([['600', '500', '100']]);
    const due = await readXlsx(res.body, 2);
    const contractNo = (await db().selectFrom('contracts').select('number').where('id', '=', s1.contractId).executeTakeFirstOrThrow()).number;
    expect(due.filter((r) => r[0] === contractNo).map((r) => r.slice(2))).toEqual([['2', '第2期', '2026-03-01', '1000', '1000', '0', '0']]);
  });
});

describe('settings', () => {
  it('reads the defaults, refuses bad bounds and days naming the field, saves with a version (409 when stale)', async () => {
    const first = await c.manager_a!.get('/api/receivables/settings');
    expect(first.body).toEqual({ ageing: { bounds: [30, 60, 90, 180], labels: ['0', '1-30', '31-60', '61-90', '91-180', '>180'], version: 0 }, dunning: { days: [1, 15, 30, 60], version: 0 } });
    expect((await c.manager_a!.put('/api/receivables/settings', { ageing: { bounds: [10], version: 0 } })).status).toBe(403);
    const bad = await c.director!.put('/api/receivables/settings', { ageing: { bounds: [60, 30], version: 0 }, dunning: { days: [1, 15, 30], version: 0 } });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['ageing.bounds', 'dunning.days']);
    expect(paths(await c.director!.put('/api/receivables/settings', {}))).toEqual(['ageing']);
    const ok = await c.director!.put('/api/receivables/settings', { ageing: { bounds: [10, 20], version: 0 }, dunning: { days: [2, 5, 9, 20], version: 0 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ageing: { bounds: [10, 20], labels: ['0', '1-10', '11-20', '>20'], version: 1 }, dunning: { days: [2, 5, 9, 20], version: 1 } });
    const stale = await c.director!.put('/api/receivables/settings', { ageing: { bounds: [15], version: 0 }, dunning: { days: [1, 2, 3, 4], version: 1 } });
    expect(stale.status).toBe(409);
    // nothing half-saved: the dunning part of the stale request is not kept
    expect((await c.gm!.get('/api/receivables/settings')).body.dunning.days).toEqual([2, 5, 9, 20]);
    const ageing = await c.gm!.get('/api/receivables/ageing?asOf=2026-06-30');
    expect(ageing.body.labels).toEqual(['0', '1-10', '11-20', '>20']);
    expect(ageing.body.totals.buckets).toHaveLength(4);
    const audit = await db().selectFrom('audit_log').select(['entity_id']).where('entity', '=', 'setting').where('entity_id', 'in', ['receivables.ageing', 'receivables.dunning']).execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual(['receivables.ageing', 'receivables.dunning']);
  });
});
