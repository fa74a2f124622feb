import { sql } from 'kysely';
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
import { control } from '../../src/server/features/expenses/expenses.service';
import { previousPeriod } from '../../src/server/features/expenses/expenses.rules';
import { listVisits } from '../../src/server/features/visits/visits.service';
import { getPlan } from '../../src/server/features/work-plans/work-plans.service';
import { listOverdue } from '../../src/server/features/visit-policy/visit-policy.service';
import { validComplaints } from '../../src/server/features/tickets';
import { list as listTickets } from '../../src/server/features/tickets/tickets.service';
import { ticketListQuery } from '../../src/shared/contracts/tickets';
import { get as getTarget } from '../../src/server/features/targets/targets.service';
import { visitListQuery } from '../../src/shared/contracts/visits';
import { businessDate, localDate } from '../../src/shared/domain/business-time';
import { titleLevel } from '../../src/shared/domain/seating.rules';
import { ASSESSMENT_FACTORS } from '../../src/shared/domain/pipeline';
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
  let loadStartedAt = 0;

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
      if (i === 0) {
        first = result;
        loadStartedAt = started;
      }
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
      // the accounts' key people, and those of the churn warning's story (who left, who leans to a competitor)
      const created = Number(/with (\d+) contacts/.exec(logs[0]!.join('\n'))![1]) + Number(/\((\d+) key people who left or lean/.exec(logs[0]!.join('\n'))![1]);
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
  describe('field work of the last month (issue 5 item 14)', () => {
    const TZ = 'Asia/Shanghai';
    const db = () => tdb.database.db;
    const createdLine = () => logs[0]!.join('\n');
    const logged = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(createdLine())![1]);
    const directorOf: Record<string, string> = { chensiyuan: 'zhangmingyuan', liuxiaofeng: 'zhangmingyuan', zhaolei: 'zhangmingyuan', majun: 'xuhaifeng', linxiaoyan: 'huangzhiwei' };
    const nameOf = (id: number) => Object.entries(first.users).find(([, v]) => v === id)?.[0];

    it('loads once and a second run adds nothing', async () => {
      expect(createdLine()).toMatch(/created \d+ visits, \d+ receptions, \d+ gift applications, \d+ business trips, \d+ contact-log entries, \d+ budgets, \d+ expense claims and \d+ monthly plans/);
      expect(logs[1]!.join('\n')).toMatch(/field work is already there/);
      const count = async (table: 'visits' | 'receptions' | 'gift_applications' | 'business_trips' | 'contact_logs' | 'expense_budgets' | 'expense_claims' | 'monthly_plans') =>
        Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      // and the visit plans that follow up the seminar's attendees (the events' demo)
      const followUps = Number((await db().selectFrom('event_invitations').select((eb) => eb.fn.countAll<string>().as('n')).where('followup_kind', '=', 'visit').executeTakeFirstOrThrow()).n);
      expect(await count('visits')).toBe(logged('visits') + followUps);
      expect(await count('receptions')).toBe(logged('receptions'));
      expect(await count('gift_applications')).toBe(logged('gift applications'));
      expect(await count('business_trips')).toBe(logged('business trips'));
      expect(await count('contact_logs')).toBe(logged('contact-log entries'));
      expect(await count('expense_budgets')).toBe(logged('budgets'));
      expect(await count('expense_claims')).toBe(logged('expense claims'));
      // and last month's plans of the four whose cards the scorecards' demo locked
      expect(await count('monthly_plans')).toBe(logged('monthly plans') + 4);
      // the field work goes into the total load time checked above (under a minute on a loaded machine)
      expect(runMs[0]).toBeLessThan(60_000);
    });

    it('has 40–60 visits of the field staff to their own accounts, in every state, on weekdays in business hours', async () => {
      const rows = await db()
        .selectFrom('visits as v')
        .innerJoin('accounts as a', 'a.id', 'v.account_id')
        .select(['v.id', 'v.owner_id', 'a.owner_id as account_owner', 'v.status', 'v.report_status', 'v.planned_at', 'v.checked_in_at', 'v.recorded_at', 'v.created_at', 'v.report_reviewer_id', 'v.result', 'v.check_in_lat', 'v.check_in_place', 'v.cost_total', 'v.approval_id'])
        .execute();
      expect(rows.length).toBeGreaterThanOrEqual(40);
      expect(rows.length).toBeLessThanOrEqual(60);
      expect(rows.every((v) => v.owner_id === v.account_owner)).toBe(true);
      expect(new Set(rows.map((v) => nameOf(v.owner_id)))).toEqual(new Set(Object.keys(directorOf)));
      const by = (status: string, report?: string) => rows.filter((v) => v.status === status && (report === undefined || v.report_status === report)).length;
      expect(by('recorded', 'approved')).toBeGreaterThanOrEqual(30);
      expect(by('recorded', 'submitted')).toBeGreaterThanOrEqual(3);
      expect(by('recorded', 'none')).toBeGreaterThanOrEqual(1);
      expect(by('approved')).toBeGreaterThanOrEqual(1);
      expect(by('pending')).toBeGreaterThanOrEqual(1);
      expect(by('rejected')).toBe(1);
      // 陈思远 and 赵磊 checked in at one on the last working day and have its record to write
      expect(rows.filter((v) => v.status === 'checked_in').map((v) => nameOf(v.owner_id)).sort()).toEqual(['chensiyuan', 'zhaolei']);
      const now = Date.now();
      for (const v of rows.filter((r) => r.checked_in_at)) {
        const at = new Date(v.checked_in_at!);
        const local = localDate(at, TZ);
        const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', hourCycle: 'h23' }).format(at));
        expect(local.weekday, `visit ${v.id}`).toBeGreaterThanOrEqual(1);
        expect(local.weekday, `visit ${v.id}`).toBeLessThanOrEqual(5);
        expect(hour).toBeGreaterThanOrEqual(8);
        expect(hour).toBeLessThan(18);
        expect(now - at.getTime()).toBeLessThan(32 * 86_400_000);
        expect(now - at.getTime()).toBeGreaterThan(0);
        // back-dated in order: planned and applied before the check-in, recorded after it
        expect(new Date(v.created_at).getTime()).toBeLessThan(at.getTime());
        expect(v.check_in_lat !== null || v.check_in_place !== null).toBe(true);
        if (v.status === 'checked_in') continue;
        expect(new Date(v.recorded_at!).getTime()).toBeGreaterThan(at.getTime());
        expect(v.result).not.toBeNull();
        expect(Number(v.cost_total)).toBeGreaterThan(0);
      }
      // the visits not made yet are planned from today on (this afternoon's, 今日拜访, may be past by now)
      const today = businessDate(new Date(now), TZ);
      expect(rows.filter((v) => v.status === 'approved' || v.status === 'pending').every((v) => businessDate(new Date(v.planned_at), TZ) >= today)).toBe(true);
      expect(rows.filter((v) => v.status === 'approved' && businessDate(new Date(v.planned_at), TZ) === today).map((v) => nameOf(v.owner_id)).sort()).toEqual(['chensiyuan', 'liuxiaofeng', 'zhaolei']);
      // each report was reviewed by the director of the visitor's unit, and each plan approved by them
      for (const v of rows.filter((r) => r.report_status === 'approved')) expect(nameOf(v.report_reviewer_id!)).toBe(directorOf[nameOf(v.owner_id)!]);
      const steps = await db().selectFrom('approval_steps as s').innerJoin('approval_instances as i', 'i.id', 's.instance_id').select(['i.doc_id', 's.name', 's.acted_by', 's.status']).where('i.doc_type', '=', 'visit_plan').execute();
      const owners = new Map(rows.map((v) => [v.id, v.owner_id]));
      for (const s of steps.filter((x) => x.name === '客户总监' && x.acted_by !== null)) expect(nameOf(s.acted_by!)).toBe(directorOf[nameOf(owners.get(s.doc_id)!)!]);
      expect(steps.some((s) => s.name === '财务经理' && s.acted_by === first.users.wufang)).toBe(true);
      // the service made the follow-up tasks; those whose week is over are done
      const tasks = await db().selectFrom('tasks').select(['link_id', 'status', 'due_at']).where('link_entity', '=', 'visit').execute();
      expect(tasks.length).toBe(rows.filter((v) => v.recorded_at).length);
      expect(tasks.filter((t) => new Date(t.due_at!).getTime() < now - 86_400_000).every((t) => t.status === 'done')).toBe(true);
      expect(tasks.some((t) => t.status === 'open')).toBe(true);
      // the director's review queue holds the submitted reports
      const queue = await listVisits(db(), (await loadActorForUser(db(), first.users.zhangmingyuan!))!, visitListQuery.parse({ box: 'review' }), TZ);
      expect(queue.total).toBeGreaterThan(0);
    });

    it('has a site tour and a banquet with seating, gifts with one over the cap waiting for the GM, trips with check-ins and reports, contact-log entries', async () => {
      const rec = await db().selectFrom('receptions').select(['id', 'kind', 'status', 'report_status']).execute();
      expect(rec.filter((r) => r.kind === 'tour' && r.report_status === 'approved')).toHaveLength(1);
      expect(rec.filter((r) => r.status === 'pending')).toHaveLength(1);
      const seating = await db().selectFrom('reception_seating').select(['reception_id', 'locked']).execute();
      expect(seating).toHaveLength(1);
      expect(rec.find((r) => r.id === seating[0]!.reception_id)!.kind).toBe('reception');

      const apps = await db().selectFrom('gift_applications').select(['id', 'status', 'over_cap', 'approval_id']).execute();
      expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['issued', 'approved', 'pending']));
      const over = apps.filter((a) => a.over_cap);
      expect(over).toHaveLength(1);
      expect(over[0]!.status).toBe('pending');
      const waiting = await db().selectFrom('approval_steps').select(['approver_id', 'name']).where('instance_id', '=', over[0]!.approval_id!).where('status', '=', 'pending').executeTakeFirstOrThrow();
      expect(waiting.approver_id).toBe(first.users.wangjianguo);
      const items = await db().selectFrom('gift_items').select(['name', 'stock']).execute();
      expect(items.length).toBe(4);
      expect(items.find((i) => i.name === '定制茶礼礼盒')!.stock).toBe(38);

      const trips = await db().selectFrom('business_trips').select(['id', 'status', 'report_status', 'start_on', 'end_on']).execute();
      expect(trips.length).toBeGreaterThanOrEqual(2);
      expect(trips.every((t) => t.status === 'approved')).toBe(true);
      expect(trips.filter((t) => t.report_status === 'approved').length).toBeGreaterThanOrEqual(2);
      const checkins = await db().selectFrom('business_trip_checkins').select(['trip_id', 'day']).execute();
      for (const t of trips) {
        const days = checkins.filter((c) => c.trip_id === t.id).map((c) => String(c.day));
        expect(days.length).toBeGreaterThanOrEqual(2);
        expect(days.every((d) => d >= String(t.start_on) && d <= String(t.end_on))).toBe(true);
      }
      expect(logged('contact-log entries')).toBeGreaterThanOrEqual(10);
    });

    it('has claims in every state whose lines link records with approved reports, and control rates consistent with the budgets', async () => {
      const claims = await db().selectFrom('expense_claims').select(['id', 'status', 'owner_id', 'unit_id', 'total', 'phone_over', 'approval_id']).execute();
      const lines = await db().selectFrom('expense_claim_lines').select(['claim_id', 'kind', 'ref_id', 'category', 'amount', 'occurred_on']).execute();
      const phoneClaims = claims.filter((c) => lines.some((l) => l.claim_id === c.id && l.kind === 'phone'));
      // the phone claims (present unless the load falls on the month's first weekday): one paid within the
      // allowance, one waiting for finance alone, one over the allowance waiting for the director
      if (phoneClaims.length) {
        expect(phoneClaims.map((c) => c.status).sort()).toEqual(['paid', 'pending', 'pending']);
        const docTypes = await db().selectFrom('approval_instances').select(['doc_id', 'doc_type']).where('id', 'in', phoneClaims.map((c) => Number(c.approval_id))).execute();
        expect(docTypes.map((d) => d.doc_type).sort()).toEqual(['expense_claim_phone', 'expense_claim_phone', 'expense_claim_phone_over']);
        expect(phoneClaims.filter((c) => Number(c.phone_over) > 0).map((c) => Number(c.phone_over))).toEqual([12_000]);
      }
      const statuses = claims.filter((c) => !phoneClaims.includes(c)).map((c) => c.status);
      for (const s of ['paid', 'approved']) expect(statuses.filter((x) => x === s).length, s).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((x) => x === 'pending')).toHaveLength(1);
      expect(statuses.filter((x) => x === 'draft')).toHaveLength(1);
      expect(claims.find((c) => c.status === 'paid')).toBeDefined();
      expect(new Set(lines.filter((l) => l.kind !== 'phone').map((l) => l.kind))).toEqual(new Set(['visit', 'reception', 'trip', 'gift']));
      const state = async (kind: string, id: number) => {
        if (kind === 'visit') return (await db().selectFrom('visits').select('report_status as s').where('id', '=', id).executeTakeFirstOrThrow()).s;
        if (kind === 'reception') return (await db().selectFrom('receptions').select('report_status as s').where('id', '=', id).executeTakeFirstOrThrow()).s;
        if (kind === 'trip') return (await db().selectFrom('business_trips').select('report_status as s').where('id', '=', id).executeTakeFirstOrThrow()).s;
        return (await db().selectFrom('gift_applications').select('status as s').where('id', '=', id).executeTakeFirstOrThrow()).s;
      };
      for (const l of lines.filter((x) => x.kind !== 'phone')) expect(await state(l.kind, Number(l.ref_id)), `${l.kind} ${l.ref_id}`).toMatch(l.kind === 'gift' ? /^(approved|issued)$/ : /^approved$/);
      for (const c of claims) expect(lines.filter((l) => l.claim_id === c.id).reduce((s, l) => s + Number(l.amount), 0)).toBe(Number(c.total));

      const now = new Date();
      const today = businessDate(now, TZ);
      const periods = [previousPeriod(today), today.slice(0, 7)];
      const counted = new Map(claims.filter((c) => c.status === 'approved' || c.status === 'paid').map((c) => [c.id, c]));
      const rates: number[] = [];
      for (const period of periods) {
        const expected = new Map<string, number>();
        for (const l of lines) {
          const c = counted.get(l.claim_id);
          if (!c || !String(l.occurred_on).startsWith(period)) continue;
          for (const k of [`user:${c.owner_id}:${l.category}`, `unit:${c.unit_id}:${l.category}`]) expected.set(k, (expected.get(k) ?? 0) + Number(l.amount));
        }
        const rows = await control(db(), period);
        const budgets = rows.filter((r) => r.budget !== null);
        expect(budgets.length, period).toBeGreaterThanOrEqual(15);
        for (const r of rows) {
          expect(r.actual, `${period} ${r.subject} ${r.subjectName} ${r.category}`).toBe(expected.get(`${r.subject}:${r.subjectId}:${r.category}`) ?? 0);
          // every actual of the demo has its budget
          if (r.actual > 0) expect(r.budget, `${period} ${r.subjectName} ${r.category}`).not.toBeNull();
        }
        for (const r of budgets) if (r.rate !== null && r.actual > 0) rates.push(r.rate);
      }
      expect(rates.filter((r) => r > 1)).toHaveLength(1);
      expect(rates.filter((r) => r < 1).length).toBeGreaterThan(5);
    });

    it('dates the archive one to three years back, so the visit policy finds accounts overdue', async () => {
      const yearAgo = new Date(Date.now() - 364 * 86_400_000);
      const rows = await db().selectFrom('accounts').select(['id', 'created_at']).execute();
      expect(rows.every((r) => new Date(r.created_at) < yearAgo)).toBe(true);
      const created = await db().selectFrom('account_changes').select(['account_id', 'at']).where('reason_key', '=', 'created').execute();
      const at = new Map(rows.map((r) => [r.id, new Date(r.created_at).getTime()]));
      for (const c of created) expect(new Date(c.at).getTime()).toBe(at.get(c.account_id));
      const director = (await loadActorForUser(db(), first.users.zhangmingyuan!))!;
      const overdue = await listOverdue(db(), director);
      expect(overdue.items.length).toBeGreaterThan(0);
    });

    it('has this month’s plans of the field staff (at most one late) with actuals from the demo visits, and next month’s begun', async () => {
      const month = businessDate(new Date(), TZ).slice(0, 7);
      const plans = await db().selectFrom('monthly_plans').select(['id', 'owner_id', 'month', 'status', 'late']).orderBy('id').execute();
      const thisMonth = plans.filter((p) => p.month === month);
      expect(thisMonth).toHaveLength(5);
      expect(thisMonth.every((p) => p.status === 'submitted')).toBe(true);
      expect(thisMonth.filter((p) => p.late).length).toBeLessThanOrEqual(1);
      expect(plans.filter((p) => p.month > month).map((p) => [nameOf(p.owner_id), p.status])).toEqual([
        ['chensiyuan', 'submitted'],
        ['liuxiaofeng', 'draft'],
      ]);
      // planned vs actual through the service: the visits recorded this month count
      const owner = (await loadActorForUser(db(), first.users.chensiyuan!))!;
      const detail = await getPlan(db(), owner, thisMonth.find((p) => p.owner_id === first.users.chensiyuan)!.id, TZ);
      const recorded = await db()
        .selectFrom('visits')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('owner_id', '=', first.users.chensiyuan!)
        .where('status', '=', 'recorded')
        .where(sql<boolean>`to_char(checked_in_at at time zone ${TZ}, 'YYYY-MM') = ${month}`)
        .executeTakeFirstOrThrow();
      expect(detail.actuals.visits.actual).toBe(Number(recorded.n));
      expect(detail.actuals.visits.planned).toBe(10);
    });
  });
  describe('demo data a director would believe (issue 13 item 12)', () => {
    const db = () => tdb.database.db;
    const signIn = async (username: string) => {
      const res = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username, password: DEFAULT_DEMO_PASSWORD } });
      expect(res.status).toBe(200);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return (url: string) => call(handle.app, { method: 'GET', url, headers: { cookie } });
    };

    it('answers every demo development project with 200; the one still collecting information has all seven factors scored with their grounds', async () => {
      const get = await signIn('wangjianguo');
      const ids = await db().selectFrom('opportunities').select(['id', 'name']).orderBy('id').execute();
      expect(ids).toHaveLength(15);
      for (const o of ids) expect((await get(`/api/opportunities/${o.id}`)).status, o.name).toBe(200);
      const collecting = await db().selectFrom('opportunities').select('id').where('assessment_outcome', '=', 'collect').execute();
      expect(collecting).toHaveLength(1);
      const a = (await get(`/api/opportunities/${collecting[0]!.id}`)).body.assessment;
      expect(Object.keys(a.scores).sort()).toEqual([...ASSESSMENT_FACTORS].sort());
      expect(ASSESSMENT_FACTORS.every((f) => typeof a.scores[f] === 'number' && (a.notes[f] ?? '').length > 0)).toBe(true);
      expect(a).toMatchObject({ informationSufficient: false, outcome: 'collect' });
      // every stored assessment keeps all seven factors, as the service stores them
      const stored = await db().selectFrom('opportunities').select('assessment').where('assessment', 'is not', null).execute();
      for (const r of stored) expect(Object.keys((r.assessment as { scores: object }).scores).sort()).toEqual([...ASSESSMENT_FACTORS].sort());
    });

    it('seats the banquet by rank: the bank’s most senior guest is 主宾 on the GM’s right, the director opposite as 副主人, no two of ours side by side', async () => {
      const plan = await db().selectFrom('reception_seating').select(['people', 'tables']).executeTakeFirstOrThrow();
      const people = plan.people as { key: string; name: string; title: string | null; side: string; rank: number; secondHost?: boolean }[];
      const seats = (plan.tables as { seats: (string | null)[] }[])[0]!.seats;
      const at = (s: number) => people.find((p) => p.key === seats[s]);
      const guests = people.filter((p) => p.side === 'guest');
      expect(guests.length).toBeGreaterThanOrEqual(3);
      const best = Math.min(...guests.map((g) => titleLevel(g.title) ?? 9));
      expect(at(0)).toMatchObject({ name: '王建国', side: 'host' });
      expect(at(1)!.side).toBe('guest');
      expect(at(1)!.rank).toBe(1);
      expect(titleLevel(at(1)!.title)).toBe(best);
      // a bank's 行长 or 副行长, never its project manager
      expect(at(1)!.title).toMatch(/行长$/);
      expect(at(seats.length / 2)).toMatchObject({ name: '张明远', secondHost: true });
      const sideAt = seats.map((k) => people.find((p) => p.key === k)?.side ?? null);
      expect(sideAt.filter((s, i) => s === 'host' && sideAt[(i + 1) % seats.length] === 'host')).toEqual([]);
      // the forms list the guests most senior first
      const banquet = await db().selectFrom('receptions').select(['visitors']).where('id', '=', (await db().selectFrom('reception_seating').select('reception_id').executeTakeFirstOrThrow()).reception_id).executeTakeFirstOrThrow();
      const levels = (banquet.visitors as { title: string | null }[]).map((v) => titleLevel(v.title) ?? 9);
      expect([...levels].sort((x, y) => x - y)).toEqual(levels);
    });

    it('dates the archive’s timeline back: contacts, relationship steps, needs, countermeasures, plan items and account changes were not entered at load time', async () => {
      const loaded = new Date(loadStartedAt);
      const late = async (table: 'contacts' | 'contact_relationship_history' | 'account_needs' | 'account_countermeasures' | 'account_plan_items' | 'account_changes', column: string) =>
        Number(
          (
            await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} >= ${loaded}
              ${table === 'account_changes' ? sql`and reason_key is distinct from 'healthRed'` : sql``}`.execute(db())
          ).rows[0]!.n,
        );
      for (const [table, column] of [
        ['contacts', 'created_at'],
        ['contact_relationship_history', 'at'],
        ['account_needs', 'created_at'],
        ['account_needs', 'closed_at'],
        ['account_countermeasures', 'created_at'],
        ['account_plan_items', 'created_at'],
        ['account_plan_items', 'closed_at'],
        ['account_changes', 'at'],
      ] as const) expect(await late(table, column), `${table}.${column}`).toBe(0);
      // but the churn warning fires at the first health compute, which is the load: its moves to 预警 are today's
      // (three accounts turned red; 淮扬村镇银行 was at 预警 already), each with its plan
      expect(Number((await sql<{ n: string }>`select count(*) as n from account_changes where reason_key = 'healthRed' and at >= ${loaded}`.execute(db())).rows[0]!.n)).toBe(2);
      expect(Number((await sql<{ n: string }>`select count(*) as n from recovery_plans where state = 'open' and trigger = 'health'`.execute(db())).rows[0]!.n)).toBe(3);
      // a contact's history reads from the day it was entered (its starting state too), never the load day
      const today = businessDate(loaded, 'Asia/Shanghai');
      expect(Number((await sql<{ n: string }>`select count(*) as n from contact_relationship_history where occurred_on >= ${today}`.execute(db())).rows[0]!.n)).toBe(0);

      // as the bank's timeline shows them: each at its moment (not a bare date), a contact entered before its relationship moved
      const get = await signIn('wangjianguo');
      const bank = await db().selectFrom('accounts').select('id').where('name', '=', '江南银行股份有限公司').executeTakeFirstOrThrow();
      const items = (await get(`/api/accounts/${bank.id}/timeline?limit=100`)).body.items as { at: string; dateOnly: boolean; kind: string; params: { name?: string } }[];
      const archive = items.filter((e) => ['contact_added', 'relationship_change', 'need_added', 'need_closed', 'countermeasure_added', 'plan_item_created', 'plan_item_closed', 'account_change'].includes(e.kind));
      expect(new Set(archive.map((e) => e.kind))).toEqual(new Set(['contact_added', 'relationship_change', 'need_added', 'need_closed', 'countermeasure_added', 'plan_item_created', 'plan_item_closed', 'account_change']));
      expect(archive.filter((e) => Date.parse(e.at) >= loadStartedAt)).toEqual([]);
      expect(archive.filter((e) => e.kind === 'relationship_change' && e.dateOnly)).toEqual([]);
      for (const added of archive.filter((e) => e.kind === 'contact_added')) {
        const steps = archive.filter((e) => e.kind === 'relationship_change' && e.params.name === added.params.name);
        expect(steps.length, added.params.name).toBeGreaterThan(0);
        expect(steps.every((e) => Date.parse(e.at) > Date.parse(added.at))).toBe(true);
      }
    });
  });

  describe('contracts and collections (issue 14 item 10)', () => {
    const db = () => tdb.database.db;
    const signIn = async (username: string) => {
      const res = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username, password: DEFAULT_DEMO_PASSWORD } });
      expect(res.status).toBe(200);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return (url: string) => call(handle.app, { method: 'GET', url, headers: { cookie } });
    };

    it('loads once: frameworks with sales contracts under them and a supplement, one waiting for approval and a draft; the second run adds nothing', async () => {
      expect(logs[1]!.some((l) => l.includes('contracts are already there'))).toBe(true);
      const rows = await db().selectFrom('contracts').select(['id', 'kind', 'status', 'parent_id', 'signed_at', 'created_at']).execute();
      expect(rows.length).toBeGreaterThanOrEqual(10);
      const frameworks = rows.filter((r) => r.kind === 'framework');
      expect(frameworks.length).toBeGreaterThanOrEqual(2);
      for (const f of frameworks) expect(rows.some((r) => r.kind === 'sales' && r.parent_id === f.id), 'a sales contract under each framework').toBe(true);
      expect(rows.some((r) => r.kind === 'supplement' && r.status !== 'draft')).toBe(true);
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['signed', 'in_progress', 'completed', 'pending', 'draft']));
      // signed in the past, not at load time
      expect(rows.filter((r) => r.signed_at !== null && Date.parse(String(r.signed_at)) >= loadStartedAt - 86_400_000)).toEqual([]);
      const get = await signIn('wangjianguo');
      for (const r of rows) expect((await get(`/api/contracts/${r.id}`)).status).toBe(200);
    });

    it('has instalments in every status, overdue in every ageing bucket, an unallocated credit, a receipt waiting for finance, invoices and escalated collection tasks', async () => {
      const get = await signIn('wangjianguo');
      const statuses = new Set<string>();
      for (const c of await db().selectFrom('contracts').select('id').execute()) for (const i of (await get(`/api/contracts/${c.id}`)).body.instalments) statuses.add(i.status);
      expect(statuses).toEqual(new Set(['not_due', 'partly_paid', 'paid', 'overdue', 'written_off']));
      const ageing = (await get('/api/receivables/ageing?groupBy=unit')).body;
      const buckets = ageing.totals.buckets as number[];
      expect(buckets.length).toBe(6);
      for (const [i, amount] of buckets.entries()) expect(amount, `bucket ${i}`).toBeGreaterThan(0);
      const receipts = await db().selectFrom('receipts').select(['status', 'amount', 'allocated']).execute();
      expect(receipts.some((r) => r.status === 'recorded')).toBe(true);
      expect(receipts.some((r) => r.status === 'confirmed' && Number(r.allocated) < Number(r.amount))).toBe(true);
      expect(Number((await db().selectFrom('invoices').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThanOrEqual(5);
      const levels = await db().selectFrom('dunning_steps').select(['level', 'task_id']).execute();
      expect(Math.max(...levels.map((l) => l.level))).toBe(4);
      expect(levels.some((l) => l.task_id !== null)).toBe(true);
      const tasks = await db().selectFrom('tasks').select('id').where('link_entity', '=', 'contract_instalment').where('status', '=', 'open').execute();
      expect(tasks.length).toBeGreaterThan(0);
    });
  });

  describe('satisfaction surveys (issue 15 item 9)', () => {
    const db = () => tdb.database.db;

    it('loads once: answered surveys with mixed scores over the last half year and one waiting; the second run adds nothing', async () => {
      expect(logs[0]!.some((l) => /10 satisfaction surveys answered/.test(l))).toBe(true);
      expect(logs[1]!.some((l) => l.includes('satisfaction surveys are already there'))).toBe(true);
      // the surveys the managers sent (the demo tickets' closings send theirs too)
      const rows = await db().selectFrom('survey_invitations').select(['csat', 'nps', 'answered_at', 'created_at', 'expires_at', 'created_by']).where('reason', '=', 'manual').execute();
      expect(rows).toHaveLength(11);
      const answered = rows.filter((r) => r.answered_at !== null);
      expect(answered).toHaveLength(10);
      expect(Math.min(...answered.map((r) => r.csat!))).toBeLessThanOrEqual(2);
      expect(Math.max(...answered.map((r) => r.csat!))).toBe(5);
      expect(answered.some((r) => r.nps! <= 6) && answered.some((r) => r.nps! >= 9)).toBe(true);
      // sent and answered on their days, not at load time, across at least five months
      expect(rows.filter((r) => Date.parse(String(r.created_at)) >= loadStartedAt - 86_400_000)).toEqual([]);
      for (const r of answered) expect(Date.parse(String(r.answered_at))).toBeGreaterThan(Date.parse(String(r.created_at)));
      expect(new Set(answered.map((r) => String(new Date(r.answered_at!).toISOString()).slice(0, 7))).size).toBeGreaterThanOrEqual(5);
      const waiting = rows.filter((r) => r.answered_at === null);
      expect(waiting).toHaveLength(1);
      expect(Date.parse(String(waiting[0]!.expires_at))).toBeGreaterThan(Date.now());
      expect(rows.every((r) => r.created_by !== null)).toBe(true);
    });
  });

  describe('customer events and value-added services (issue 15 item 8)', () => {
    const db = () => tdb.database.db;

    it('loads once: a seminar held and closed over budget with follow-ups, a salon registering, a gala waiting for the director then the GM, a draft; six services; all dated back', async () => {
      expect(logs[0]!.some((l) => /4 customer events and 6 value-added services/.test(l))).toBe(true);
      expect(logs[1]!.some((l) => l.includes('events are already there'))).toBe(true);
      const evs = await db().selectFrom('customer_events').select(['id', 'title', 'status', 'budget', 'approval_id', 'created_at', 'closed_at']).orderBy('id').execute();
      expect(evs.map((e) => [e.title, e.status])).toEqual([
        ['2026 年度大客户座谈会', 'closed'],
        ['私人银行客户健康养生沙龙', 'approved'],
        ['江苏区域客户答谢会', 'pending'],
        ['智能制造客户体验日', 'draft'],
      ]);
      const seminar = evs[0]!;
      const guests = await db().selectFrom('event_invitations').select(['response', 'attended', 'followup_kind', 'invited_at', 'checked_in_at']).where('event_id', '=', seminar.id).execute();
      expect(guests).toHaveLength(8);
      expect(guests.filter((g) => g.response === 'registered')).toHaveLength(7);
      expect(guests.filter((g) => g.attended)).toHaveLength(5);
      expect(guests.filter((g) => g.followup_kind === 'visit')).toHaveLength(2);
      const spent = await db().selectFrom('event_costs').select((eb) => eb.fn.sum<string>('amount').as('n')).where('event_id', '=', seminar.id).executeTakeFirstOrThrow();
      expect(Number(spent.n) - Number(seminar.budget)).toBe(190_000);
      expect(await db().selectFrom('notifications').select('id').where('kind', '=', 'events.overBudget').execute()).toHaveLength(1);
      // the gala's ¥80,000 goes to the Jiangsu director, then the GM
      const steps = await db().selectFrom('approval_steps').innerJoin('users', 'users.id', 'approval_steps.approver_id').select('users.username').where('instance_id', '=', evs[2]!.approval_id!).orderBy('seq').execute();
      expect(steps.map((x) => x.username)).toEqual(['xuhaifeng', 'wangjianguo']);
      expect(await db().selectFrom('service_logs').select('id').execute()).toHaveLength(6);
      // on their days, not at load time
      const late = (at: unknown) => at !== null && Date.parse(String(at)) >= loadStartedAt;
      expect(evs.filter((e) => late(e.created_at) || late(e.closed_at))).toEqual([]);
      expect(guests.filter((g) => late(g.invited_at) || late(g.checked_in_at))).toEqual([]);
      expect((await db().selectFrom('service_logs').select('created_at').execute()).filter((r) => late(r.created_at))).toEqual([]);
    });
  });

  describe('targets (issue 16 item 6)', () => {
    const db = () => tdb.database.db;

    it('loads once: the HQ department’s sales and visits decomposed and locked in January, a change waiting for the director, 江苏 waiting for the GM', async () => {
      expect(logs[0]!.some((l) => l.includes('targets for the year'))).toBe(true);
      expect(logs[1]!.some((l) => l.includes('targets are already there'))).toBe(true);
      const plans = await db().selectFrom('target_plans').select(['id', 'unit_id', 'metric', 'status', 'decided_at', 'approval_id']).orderBy('id').execute();
      expect(plans.map((p) => [p.unit_id, p.metric, p.status])).toEqual([
        [first.units.ka, 'sales', 'approved'],
        [first.units.ka, 'visits', 'approved'],
        [first.units.jiangsuKa, 'sales', 'pending'],
      ]);
      const gm = (await loadActorForUser(db(), first.users.wangjianguo!))!;
      const sales = await getTarget(db(), gm, plans[0]!.id, 'Asia/Shanghai');
      // the department's year is fully given to its people, month by month
      expect(sales.total).toBe(960_000_000);
      expect(sales.allocated).toBe(960_000_000);
      expect(sales.rows.map((r) => r.name)).toEqual(['大客户部', '张明远', '陈思远', '刘晓峰', '赵磊', '孙丽']);
      const total = sales.rows[0]!.months;
      for (let m = 0; m < 12; m++) expect(sales.rows.slice(1).reduce((s, r) => s + r.months[m]!.base, 0)).toBe(total[m]!.base);
      expect(total[11]!.base).toBeGreaterThan(total[0]!.base);
      expect(total[0]!.stretch).toBe(Math.round(total[0]!.base * 1.2));
      // decided in January, not at load time
      expect(new Date(String(plans[0]!.decided_at)).getMonth()).toBe(0);
      const change = await db().selectFrom('target_changes').select(['plan_id', 'status', 'requested_by', 'approval_id']).executeTakeFirstOrThrow();
      expect(change).toMatchObject({ plan_id: plans[1]!.id, status: 'pending', requested_by: first.users.zhaolei });
      const approver = await db().selectFrom('approval_steps').select('approver_id').where('instance_id', '=', change.approval_id!).where('status', '=', 'pending').executeTakeFirstOrThrow();
      expect(approver.approver_id).toBe(first.users.zhangmingyuan);
      const jiangsu = await db().selectFrom('approval_steps').select('approver_id').where('instance_id', '=', plans[2]!.approval_id!).where('status', '=', 'pending').executeTakeFirstOrThrow();
      expect(jiangsu.approver_id).toBe(first.users.wangjianguo);
    });
  });

  describe('scorecards (issue 16 item 6)', () => {
    const db = () => tdb.database.db;

    it('loads once: last month and last quarter locked (one under 60, warned), 赵磊’s last month with the evaluator, this month’s in self-review', async () => {
      expect(logs[0]!.some((l) => l.includes('scorecards —'))).toBe(true);
      expect(logs[1]!.some((l) => l.includes('scorecards are already there'))).toBe(true);
      const all = await db().selectFrom('scorecards').select(['id', 'user_id', 'period', 'kind', 'status', 'total', 'warning', 'locked_at', 'complete']).orderBy('period').execute();
      const locked = all.filter((c) => c.status === 'locked');
      expect(locked).toHaveLength(6);
      expect(locked.filter((c) => c.kind === 'specialist').length).toBe(1);
      // locked in the first week of the month after, not at load time
      expect(locked.every((c) => new Date(String(c.locked_at)).getTime() < loadStartedAt)).toBe(true);
      // the warning follows the total: 刘晓峰's judged low, and whoever else the month's records left under 60
      for (const card of locked) expect(card.warning, String(card.user_id)).toBe(Number(card.total) < 60);
      expect(locked.find((c) => c.user_id === first.users.liuxiaofeng)!.warning).toBe(true);
      const notice = await db().selectFrom('notifications').select(['user_id']).where('kind', '=', 'scorecards.warning').execute();
      expect(notice.map((n) => n.user_id)).toContain(first.users.liuxiaofeng);
      expect(locked.filter((c) => c.kind === 'director').map((c) => c.user_id).sort()).toEqual([first.users.zhangmingyuan!, first.users.xuhaifeng!].sort());
      const open = all.filter((c) => c.status !== 'locked');
      const lastMonth = locked.find((c) => c.kind !== 'director')!.period;
      const statusOf = (id: number | undefined, period?: string) => open.find((c) => c.user_id === id && (period ? c.period === period : c.period !== lastMonth))?.status;
      expect(statusOf(first.users.zhaolei, lastMonth)).toBe('evaluator');
      expect([statusOf(first.users.chensiyuan), statusOf(first.users.sunli), statusOf(first.users.zhaolei), statusOf(first.users.liuxiaofeng)]).toEqual(['self_review', 'self_review', 'self_review', 'draft']);
      // the specialists' cards read the month's plans and visits
      const visits = await db().selectFrom('scorecard_items').innerJoin('scorecards', 'scorecards.id', 'scorecard_items.card_id').select(['scorecard_items.value', 'scorecard_items.denominator']).where('scorecards.user_id', '=', first.users.zhaolei!).where('scorecard_items.key', '=', 'visit_plan').where('scorecards.status', '=', 'evaluator').execute();
      expect(visits.some((v) => v.denominator !== null && Number(v.denominator) > 0)).toBe(true);
    });
  });

  describe('service tickets and complaints (issue 15 items 1–3)', () => {
    const db = () => tdb.database.db;

    it('loads once: a complaint breached and escalated to the director and the GM, one within its SLA, one closed and judged valid, one waiting; the second run adds nothing', async () => {
      expect(logs[0]!.some((l) => /4 service tickets, \d+ SLA escalations/.test(l))).toBe(true);
      expect(logs[1]!.some((l) => l.includes('tickets are already there'))).toBe(true);
      const actor = (await loadActorForUser(db(), first.users.wangjianguo!))!;
      const page = await listTickets(db(), actor, ticketListQuery.parse({ pageSize: 50 }), new Date());
      expect(page.total).toBe(4);
      const by = (status: string) => page.items.filter((t) => t.status === status);
      // overdue first: the unanswered complaint, breached, with its escalations (the director's and the GM's tasks)
      const [breached] = page.items;
      expect(breached).toMatchObject({ kind: 'complaint', status: 'new', sla_state: 'breached' });
      const levels = await db().selectFrom('ticket_escalations').select(['milestone', 'level', 'notified_id', 'task_id']).where('ticket_id', '=', breached!.id).execute();
      expect(levels.map((l) => l.level).sort()).toEqual(['breach', 'breach', 'gm', 'gm', 'warning', 'warning']);
      const tasks = await db().selectFrom('tasks').select(['owner_id', 'status']).where('link_entity', '=', 'ticket').where('link_id', '=', breached!.id).execute();
      expect(new Set(tasks.map((t) => t.owner_id))).toEqual(new Set([first.users.zhangmingyuan, first.users.wangjianguo]));
      expect(by('waiting')).toHaveLength(1);
      expect(page.items.filter((t) => t.kind === 'enquiry' && t.sla_state === 'in_progress')).toHaveLength(1);
      const [closed] = by('closed');
      expect(closed).toMatchObject({ kind: 'complaint', validity: 'valid' });
      const valid = await validComplaints(db(), { from: '2000-01-01', to: '2099-12-31', timeZone: 'Asia/Shanghai' });
      expect(valid.items.map((v) => [v.id, v.responsibleId])).toEqual([[closed!.id, first.users.zhaolei]]);
      // each step on its own moment: the closed complaint was received twelve days ago and closed two days after
      const history = await db().selectFrom('ticket_history').select(['event', 'at']).where('ticket_id', '=', closed!.id).orderBy('id').execute();
      expect(history.map((h) => h.event)).toEqual(['created', 'started', 'resolved', 'closed', 'judged']);
      expect(Date.parse(String(history.at(-1)!.at))).toBeLessThan(loadStartedAt - 8 * 86_400_000);
    });
  });
});
