import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppHandle } from '../../src/server/app';
import { bootstrap } from '../../src/server/features/org/bootstrap';
import { orgRepo } from '../../src/server/features/org/org.repo';
import { DEFAULT_DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, loadDemoData } from '../../src/cli/demo-data';
import { DEMO_ACCOUNTS } from '../../src/cli/demo-accounts';
import { listAccounts } from '../../src/server/features/accounts/accounts.service';
import { accountContacts, contactHistory, coverageList, listContacts } from '../../src/server/features/contacts/contacts.service';
import { accountNeeds } from '../../src/server/features/needs/needs.service';
import { accountPlan } from '../../src/server/features/plans/plans.service';
import { ageing, board, conversion, forecast, winLoss } from '../../src/server/features/pipeline/pipeline.service';
import { list as listCompetitors } from '../../src/server/features/competitors/competitors.service';
import { analysisQuery, competitorListQuery, forecastQuery, pipelineFilter } from '../../src/shared/contracts/opportunities';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import { accountListQuery, ACCOUNT_TIERS, LIFECYCLE_STAGES } from '../../src/shared/contracts/accounts';
import { contactListQuery, coverageListQuery } from '../../src/shared/contracts/contacts';
import { isValidCreditCode } from '../../src/shared/domain/credit-code';
import { call, testConfig } from '../support/app';
import { cloneTemplate, type TestDatabase } from '../support/db';

// The demo loads onto a database as a first start leaves it: root unit 总部 and user admin.
describe('demo data (issue item 12)', () => {
  let tdb: TestDatabase;
  let handle: AppHandle;
  const logs: string[][] = [];
  let first: Awaited<ReturnType<typeof loadDemoData>>;
  let second: Awaited<ReturnType<typeof loadDemoData>>;
  const runMs: number[] = [];

  beforeAll(async () => {
    tdb = await cloneTemplate();
    await bootstrap(tdb.database.db, 'Admin@12345');
    handle = await buildApp({ database: tdb.database, config: testConfig() });
    for (let i = 0; i < 2; i++) {
      const lines: string[] = [];
      const started = Date.now();
      const result = await loadDemoData(tdb.database.db, { log: (l) => lines.push(l), password: DEFAULT_DEMO_PASSWORD });
      runMs.push(Date.now() - started);
      logs.push(lines);
      if (i === 0) first = result;
      else second = result;
    }
  });

  afterAll(async () => {
    await handle?.platform.jobs.stop();
    await handle?.app.close();
    await tdb?.drop();
  });

  it('creates the organisation once and reports the second run', async () => {
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(logs[0]!.join('\n')).toContain(`Demo users' password: ${DEFAULT_DEMO_PASSWORD}`);
    expect(logs[1]!.join('\n')).toMatch(/already there/);
    expect(second.users).toEqual(first.users);
    expect(second.units).toEqual(first.units);

    const units = await orgRepo.listUnits(tdb.database.db);
    expect(units.filter((u) => u.parent_id === null)).toHaveLength(1);
    expect(units).toHaveLength(DEMO_UNITS.length);
    expect(units.filter((u) => u.name === '大客户部')).toHaveLength(3);
    const byId = new Map(units.map((u) => [u.id, u]));
    const jsKa = byId.get(first.units.jiangsuKa)!;
    expect(byId.get(jsKa.parent_id!)!.name).toBe('江苏分公司');

    const { items, total } = await orgRepo.listUsers(tdb.database.db, { where: (eb) => eb.val(true), sort: { column: 'users.id', desc: false }, limit: 100, offset: 0 });
    expect(total).toBe(DEMO_USERS.length + 1);
    const sunli = items.find((u) => u.username === 'sunli')!;
    expect(sunli).toMatchObject({ name: '孙丽', email: 'sunli@demo.tongmeng.cn', phone: expect.stringMatching(/^138\d{8}$/) });
    expect(sunli.positions).toEqual(['office', 'office_specialist']);
    const roles = new Map((await orgRepo.listRoles(tdb.database.db)).map((r) => [r.id, r.code]));
    expect(sunli.role_ids.map((id) => roles.get(id)).sort()).toEqual(['office', 'specialist']);
    const zhaolei = items.find((u) => u.username === 'zhaolei')!;
    expect(zhaolei.role_ids.map((id) => roles.get(id))).toEqual(['specialist']);
  });

  it('lets the demo users sign in with the shared password', async () => {
    for (const username of ['wangjianguo', 'zhaolei', 'linxiaoyan']) {
      const res = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username, password: DEFAULT_DEMO_PASSWORD } });
      expect(res.status, username).toBe(200);
    }
    const wrong = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'zhaolei', password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
  });

  it("finds 张明远 as the KA director of 赵磊's unit", async () => {
    const db = tdb.database.db;
    const zhaolei = await orgRepo.findUser(db, first.users.zhaolei!);
    const directors = await orgRepo.listUsers(db, { where: (eb) => eb.val(true), unitId: zhaolei!.unit_id, position: 'ka_director', sort: { column: 'users.id', desc: false }, limit: 10, offset: 0 });
    expect(directors.items.map((u) => u.name)).toEqual(['张明远']);
    expect(zhaolei!.unit_name).toBe('大客户部');
  });

  describe('demo accounts and key people (issue 3 item 11)', () => {
    const gm = async () => (await loadActorForUser(tdb.database.db, first.users.wangjianguo!))!;
    const accounts = async (q: Record<string, unknown> = {}) => listAccounts(tdb.database.db, await gm(), accountListQuery.parse({ pageSize: 200, ...q }));

    it('creates about 60 accounts once, quickly, with valid credit codes', async () => {
      const { items, total } = await accounts();
      expect(DEMO_ACCOUNTS.length).toBeGreaterThanOrEqual(55);
      expect(total).toBe(DEMO_ACCOUNTS.length);
      expect(items.every((a) => a.credit_code !== null && isValidCreditCode(a.credit_code))).toBe(true);
      expect(new Set(items.map((a) => a.industry))).toEqual(new Set(['银行', '邮政', '酒店与会所', '制造业', '政府机关/事业单位', '保险']));
      expect(new Set(items.map((a) => a.owner_name))).toEqual(new Set(['陈思远', '刘晓峰', '赵磊', '马骏', '林晓燕']));
      expect(logs[0]!.join('\n')).toMatch(new RegExp(`created ${DEMO_ACCOUNTS.length} accounts with \\d+ contacts`));
      expect(logs[1]!.join('\n')).toMatch(/demo accounts are already there/);
      // a guard against a per-row regression (minutes), not a benchmark: CI machines are shared and slow
      expect(runMs[0]).toBeLessThan(60_000);
      // pinyin initials of 江南银行 find the bank and its branches
      expect((await accounts({ q: 'jnyh' })).total).toBeGreaterThanOrEqual(4);
    });

    it('has groups, every tier and every lifecycle stage', async () => {
      const { items } = await accounts();
      const bank = items.find((a) => a.name === '江南银行股份有限公司')!;
      const branches = await accounts({ parentId: bank.id });
      expect(branches.items.map((a) => a.short_name).sort()).toEqual(['江南银行南京分行', '江南银行杭州分行', '江南银行苏州分行'].sort());
      expect(bank.cat_group).toBe(true);
      expect(new Set(items.filter((a) => a.parent_id !== null).map((a) => a.parent_id)).size).toBeGreaterThanOrEqual(4);
      for (const tier of ACCOUNT_TIERS) expect((await accounts({ tier })).total, tier).toBeGreaterThan(0);
      const vip = items.filter((a) => a.vip);
      expect(vip.length).toBeGreaterThanOrEqual(3);
      expect(vip.every((a) => a.tier === 'heavy')).toBe(true);
      for (const stage of LIFECYCLE_STAGES.filter((s) => s !== 'recovered')) expect(items.some((a) => a.lifecycle === stage), stage).toBe(true);
      expect(new Set(items.map((a) => a.completeness)).size).toBeGreaterThan(3);
    });

    it('gives accounts contacts in roles with relationship histories', async () => {
      const db = tdb.database.db;
      const actor = await gm();
      const created = Number(/with (\d+) contacts/.exec(logs[0]!.join('\n'))![1]);
      const all = await listContacts(db, actor, contactListQuery.parse({ pageSize: 1 }));
      expect(all.total).toBe(created);
      expect(created).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length * 2);

      const bank = (await accounts({ q: '江南银行股份有限公司' })).items.find((a) => a.name === '江南银行股份有限公司')!;
      const people = await accountContacts(db, actor, bank.id);
      expect(people.length).toBeGreaterThanOrEqual(2);
      const decider = people.find((c) => c.buying_role === 'decision_maker')!;
      expect(decider.is_decider).toBe(true);
      const history = await contactHistory(db, actor, decider.id);
      const stageSteps = history.filter((h) => h.field === 'stage' && h.from_value !== null);
      expect(stageSteps.length).toBeGreaterThanOrEqual(1);
      expect(stageSteps.every((h) => (h.evidence ?? '').length > 0)).toBe(true);
      // the relationship map has a hierarchy to draw: the managers report to the decision maker
      const managers = people.filter((c) => c.layer === 'management');
      expect(managers.length).toBeGreaterThan(0);
      expect(managers.every((c) => c.reports_to_id === decider.id)).toBe(true);
    });

    it('leaves deliberate coverage gaps for the coverage list', async () => {
      const list = await coverageList(tdb.database.db, await gm(), coverageListQuery.parse({ pageSize: 200 }));
      expect(list.total).toBe(DEMO_ACCOUNTS.length);
      const flagged = (code: string) => list.items.filter((i) => i.coverage_flags.some((f) => f.code === code)).length;
      for (const code of ['no_decision_maker', 'single_threaded', 'influential_opponent', 'gone_cold', 'competitor_closer']) expect(flagged(code), code).toBeGreaterThan(0);
      expect(list.items[0]!.coverage_score).toBeLessThan(list.items[list.items.length - 1]!.coverage_score);
    });

    it('gives a share of the accounts needs, countermeasures and a strengthening plan with tasks', async () => {
      const db = tdb.database.db;
      const actor = await gm();
      const { items } = await accounts();
      const withNeeds = [];
      for (const a of items) if ((await accountNeeds(db, actor, a.id, 'Asia/Shanghai')).needs.length) withNeeds.push(a);
      expect(withNeeds.length).toBeGreaterThan(DEMO_ACCOUNTS.length / 3);
      expect(withNeeds.length).toBeLessThan(DEMO_ACCOUNTS.length);
      expect(new Set(withNeeds.map((a) => a.industry)).size).toBe(6);
      expect(logs[0]!.join('\n')).toMatch(/\d+ needs, \d+ countermeasures and \d+ strengthening-plan items/);

      const plans = (await Promise.all(withNeeds.map((a) => accountPlan(db, actor, a.id, 'Asia/Shanghai')))).flat();
      const statuses = new Set(plans.map((i) => i.status));
      expect(statuses.has('done') && (statuses.has('planned') || statuses.has('in_progress'))).toBe(true);
      expect(plans.some((i) => i.overdue)).toBe(true);
      expect(plans.filter((i) => i.status === 'done').every((i) => i.outcome && i.done_on)).toBe(true);
      // every open item sits on its responsible person's to-do list
      const open = plans.filter((i) => i.status === 'planned' || i.status === 'in_progress');
      expect(open.every((i) => i.task_id !== null)).toBe(true);
      const measures = (await Promise.all(withNeeds.map((a) => accountNeeds(db, actor, a.id, 'Asia/Shanghai')))).flatMap((n) => n.countermeasures);
      expect(new Set(measures.map((m) => m.direction)).size).toBeGreaterThanOrEqual(4);
      expect(measures.some((m) => m.overdue)).toBe(true);
    });

    it('runs account development: competitors, projects in every stage, gates, grades, plans through approval, closed deals', async () => {
      const db = tdb.database.db;
      const actor = await gm();
      expect(logs[0]!.join('\n')).toMatch(/created 5 competitors and 15 development projects with 7 development plans/);
      expect(logs[1]!.join('\n')).toMatch(/development projects are already there/);
      const register = await listCompetitors(db, actor, competitorListQuery.parse({}));
      expect(register.total).toBe(5);
      expect(register.items.some((c) => Number(c.lost_to) > 0) && register.items.some((c) => Number(c.won_against) > 0)).toBe(true);

      const b = await board(db, actor, pipelineFilter.parse({}));
      expect(b.columns.every((c) => c.count > 0)).toBe(true);
      const cards = b.columns.flatMap((c) => c.cards);
      expect(cards.some((c) => c.missing.length > 0)).toBe(true);
      expect(cards.some((c) => c.stage > 1 && c.missing.length === 0) || cards.some((c) => c.stage === 3 && c.missing.includes('plan_approved'))).toBe(true);
      expect(new Set(cards.map((c) => c.assessmentOutcome).filter(Boolean))).toEqual(new Set(['A', 'B', 'C', 'collect']));
      expect(new Set(cards.map((c) => c.planStatus).filter(Boolean))).toEqual(new Set(['approved', 'pending']));

      // the plans went through the engine: approved by the KA director of the project's unit, one still waiting
      const plans = await db.selectFrom('opportunity_plans').innerJoin('approval_instances as ai', 'ai.id', 'opportunity_plans.approval_id').select(['opportunity_plans.status', 'ai.status as approval']).execute();
      expect(plans.length).toBe(7);
      expect(plans.every((p) => p.status === p.approval)).toBe(true);
      expect(plans.filter((p) => p.status === 'pending')).toHaveLength(1);

      // each graded project's assessment set its account's grade, with the change on record
      const graded = await db
        .selectFrom('opportunities as o')
        .innerJoin('accounts as a', 'a.id', 'o.account_id')
        .select(['o.account_id', 'o.assessment_outcome', 'a.grade'])
        .where('o.assessment_outcome', 'in', ['A', 'B', 'C', 'D'])
        .orderBy('o.id')
        .execute();
      expect(graded.length).toBeGreaterThan(0);
      const lastOutcome = new Map(graded.map((g) => [g.account_id, g.assessment_outcome]));
      for (const g of graded) expect(g.grade).toBe(lastOutcome.get(g.account_id));
      const gradeChanges = await db.selectFrom('account_changes').select('account_id').where('field', '=', 'grade').where('reason_key', '=', 'assessment').execute();
      expect(new Set(gradeChanges.map((c) => c.account_id)).size).toBeGreaterThan(0);

      const f = await forecast(db, actor, forecastQuery.parse({}), 'Asia/Shanghai');
      expect(f.total.count).toBe(9);
      expect(f.total.weighted).toBeGreaterThan(0);
      expect(f.byMonth.filter((m) => m.count > 0).length).toBeGreaterThanOrEqual(4);
      expect(f.byUnit.length).toBe(3);
      const conv = await conversion(db, actor, analysisQuery.parse({}), 'Asia/Shanghai');
      expect(conv.stages.map((s) => s.reached)).toEqual([15, 13, 9, 6, 3]);
      expect(conv).toMatchObject({ won: 2, lost: 2, abandoned: 1 });
      expect(conv.stages.every((s) => s.avgDays !== null && s.avgDays > 0)).toBe(true);
      const age = await ageing(db, actor, pipelineFilter.parse({}));
      expect(age.stalled.length).toBeGreaterThanOrEqual(3);
      const wl = await winLoss(db, actor, analysisQuery.parse({}), 'Asia/Shanghai');
      expect(new Set(wl.reasons.map((r) => r.status))).toEqual(new Set(['won', 'lost', 'abandoned']));
      expect(wl.competitors.length).toBeGreaterThanOrEqual(4);
    });
  });
});
