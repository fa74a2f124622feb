import pg from 'pg';
import { loadDemoData, DEFAULT_DEMO_PASSWORD } from '../../src/cli/demo-data';
import { openPostgres } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { bootstrap } from '../../src/server/features/org/bootstrap';
import {
  ABANDON_REASONS,
  AUTO_ITEMS,
  DEFAULT_PIPELINE_SETTINGS,
  gradeAssessment,
  LOSS_REASONS,
  PROCUREMENT_STEPS,
  STAGE_ITEMS,
  STAGES,
  WIN_REASONS,
  type FactorScores,
} from '../../src/shared/domain/pipeline';
import { recreateDatabase } from '../common/database';

/**
 * The pipeline benchmark's data: the demo department (the real demo loader: organisation, 60
 * accounts, 15 projects with their plans and approvals, field work) plus N generated development
 * projects on the demo's accounts, made server-side in a few INSERT … SELECT statements. Each
 * project belongs to its account's owner and that owner's unit (as the demo and the service do),
 * sits in a stage and status, carries the ticks of the stages it passed and some of its current
 * one, and has the stage history the service would have written: created at stage 1, one row per
 * stage advanced, one for a close or pause — about three rows a project.
 */

export const BENCH_DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

export interface LoadReport {
  steps: { step: string; rows: number; seconds: number }[];
  seconds: number;
}

type Log = (line: string) => void;

/** SQL literal of our own constants (no user input reaches this). */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (items: readonly string[]) => `(array[${items.map(lit).join(',')}]::text[])`;

const PRODUCTS = [
  '网点智能柜员机',
  '设备预测性维护平台',
  '生产执行系统（MES）',
  '对公客户营销管理平台',
  '供应链协同平台',
  '会员积分营销平台',
  '宴会与会议预订系统',
  '数据中心运维外包服务',
  '酒店客房与前台管理系统',
  '网点自助寄件终端',
  '政务数据共享平台',
  '智慧医院运营平台',
];
const PHASES = ['', '一期', '二期', '三期', '升级', '扩容', '试点', '推广'];

/** Score profiles graded by the real rules, so a stored outcome agrees with its scores. */
const PROFILES: { scores: FactorScores; sufficient: boolean }[] = [
  { scores: { share: 5, effort: 2, deal_risk: 2, business_value: 5, payment_risk: 1, supply_capacity: 5, difficulty: 2 }, sufficient: true },
  { scores: { share: 4, effort: 4, deal_risk: 4, business_value: 5, payment_risk: 3, supply_capacity: 3, difficulty: 4 }, sufficient: true },
  { scores: { share: 3, effort: 4, deal_risk: 4, business_value: 3, payment_risk: 3, supply_capacity: 2, difficulty: 4 }, sufficient: true },
  { scores: { share: 2, effort: 2, deal_risk: 2, business_value: 2, payment_risk: 2, supply_capacity: 4, difficulty: 2 }, sufficient: true },
  { scores: { share: 4, business_value: 4, effort: 3 }, sufficient: false },
];

async function timed<T>(steps: LoadReport['steps'], log: Log, name: string, fn: () => Promise<T>, rows: (r: T) => number): Promise<T> {
  const t = Date.now();
  const r = await fn();
  const s = { step: name, rows: rows(r), seconds: (Date.now() - t) / 1000 };
  steps.push(s);
  log(`  ${name.padEnd(40)} ${String(s.rows).padStart(8)} rows ${s.seconds.toFixed(1).padStart(6)} s`);
  return r;
}

/** Drops and creates the database, migrates it, loads the demo department and `projects` generated projects. */
export async function generate(url: string, projects: number, tz: string, log: Log): Promise<LoadReport> {
  const t0 = Date.now();
  const steps: LoadReport['steps'] = [];
  await recreateDatabase(url, log);
  const database = openPostgres(url, 4);
  try {
    await timed(steps, log, 'schema (migrations) and built-in roles', () => migrate(database).then(() => bootstrap(database.db)), () => 0);
    const quiet: Log = () => {};
    await timed(steps, log, 'demo department (loadDemoData)', () => loadDemoData(database.db, { log: quiet, password: BENCH_DEMO_PASSWORD }), () => 0);
  } finally {
    await database.close();
  }

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`set synchronous_commit = off; set work_mem = '128MB'; set time zone ${lit(tz)}`);
    // the same data for the same size on every run
    await c.query('select setseed(0.2026)');
    await timed(steps, log, 'plan (temp table)', () => planProjects(c, projects), (n) => n);
    await c.query('begin');
    const opp = await timed(steps, log, 'opportunities', () => insertProjects(c), (n) => n);
    await timed(steps, log, 'opportunity_stage_history', () => insertHistory(c), (n) => n);
    await timed(steps, log, 'opportunity_participants', () => insertParticipants(c), (n) => n);
    await timed(steps, log, 'opportunity_competitors', () => insertCompetitors(c), (n) => n);
    await timed(steps, log, 'opportunity_plans', () => insertPlans(c), (n) => n);
    await c.query(`select setval('opportunities_id_seq', (select max(id) from opportunities))`);
    await c.query('commit');
    if (opp !== projects) throw new Error(`Generated ${opp} projects, expected ${projects}`);
    await timed(
      steps,
      log,
      'vacuum analyze',
      async () => {
        for (const t of ['opportunities', 'opportunity_stage_history', 'opportunity_participants', 'opportunity_competitors', 'opportunity_plans', 'accounts', 'users', 'org_units', 'sessions']) {
          await c.query(`vacuum (analyze) ${t}`);
        }
      },
      () => 0,
    );
  } finally {
    await c.end();
  }
  const seconds = (Date.now() - t0) / 1000;
  log(`  total ${seconds.toFixed(1)} s`);
  return { steps, seconds };
}

/**
 * One row per project to generate, with every random choice made: account (and so owner and
 * unit), stage, status, value, dates in days before now, reason, grade profile, plan, competitors.
 */
async function planProjects(c: pg.Client, n: number): Promise<number> {
  const r = await c.query(`
    create temp table gen as
    with r as (
      select g, random() r_acc, random() r_stage, random() r_status, random() r_value, random() r_age, random() r_in, random() r_close,
        random() r_reason, random() r_grade, random() r_plan, random() r_comp, random() r_prod, random() r_phase, random() r_part
      from generate_series(1, ${n}) g
    ),
    accs as (select array_agg(id order by id) ids from accounts),
    s as (
      select r.*, accs.ids[1 + floor(r.r_acc * array_length(accs.ids, 1))::int] account_id,
        case when r.r_status < 0.55 then 'open' when r.r_status < 0.70 then 'won' when r.r_status < 0.85 then 'lost' when r.r_status < 0.93 then 'abandoned' else 'paused' end status
      from r, accs
    ),
    t as (
      select s.*,
        -- won projects went through stage 5; the others stand at stages 1–5, fewer further on
        case when s.status = 'won' then 5 when s.r_stage < 0.30 then 1 when s.r_stage < 0.55 then 2 when s.r_stage < 0.75 then 3 when s.r_stage < 0.90 then 4 else 5 end stage
      from s
    ),
    d as (
      select t.*,
        -- days since creation: up to two years; an open stage-1 project is a recent one
        case when t.stage = 1 and t.status = 'open' then 1 + t.r_age * 120 else 10 + t.r_age * 720 end age_d
      from t
    ),
    e as (
      select d.*,
        case when d.status in ('won', 'lost', 'abandoned') then d.r_close * (d.age_d - 5) end close_d
      from d
    ),
    f as (
      select e.*,
        case
          when e.stage = 1 then e.age_d
          when e.close_d is not null then e.close_d + (e.age_d - e.close_d) * (0.1 + 0.5 * e.r_in)
          else e.r_in * least(e.age_d, 150)
        end entered_d
      from e
    )
    select nextval('opportunities_id_seq') id, f.g, f.account_id, a.owner_id, u.unit_id, f.stage, f.status,
      -- 50,000 to 5,000,000 yuan, most of them small, in fen
      (round(50000 + 4950000 * power(f.r_value, 3)) * 100)::bigint expected_value,
      ${arr(PRODUCTS)}[1 + floor(f.r_prod * ${PRODUCTS.length})::int] product,
      ${arr(PHASES)}[1 + floor(f.r_phase * ${PHASES.length})::int] phase,
      now() - f.age_d * interval '1 day' created_at,
      now() - f.entered_d * interval '1 day' stage_entered_at,
      case when f.close_d is not null then now() - f.close_d * interval '1 day' end closed_at,
      -- a paused project was paused some time after it entered its stage
      case when f.status = 'paused' then now() - f.entered_d * f.r_close * interval '1 day' end paused_at,
      -- expected close: open projects from a month ago to a year ahead, one in twenty without
      case when f.status in ('open', 'paused') and f.r_close > 0.05 then (now() + (-30 + f.r_close * 400) * interval '1 day')::date
           when f.status not in ('open', 'paused') then (now() - f.close_d * interval '1 day')::date end expected_close_on,
      case f.status
        when 'won' then ${arr(WIN_REASONS)}[1 + floor(f.r_reason * ${WIN_REASONS.length})::int]
        when 'lost' then ${arr(LOSS_REASONS)}[1 + floor(f.r_reason * ${LOSS_REASONS.length})::int]
        when 'abandoned' then ${arr(ABANDON_REASONS)}[1 + floor(f.r_reason * ${ABANDON_REASONS.length})::int]
      end close_reason_key,
      ${arr(PROCUREMENT_STEPS)}[least(${PROCUREMENT_STEPS.length}, f.stage + (f.r_phase > 0.5)::int)] procurement_step,
      -- stage 3 on: graded by one of the profiles (most) or not yet
      case when f.stage >= 3 and f.r_grade < 0.85 then 1 + floor(f.r_grade / 0.85 * ${PROFILES.length})::int end profile,
      case when f.stage >= 3 and f.r_plan < 0.7 then case when f.stage >= 4 or f.r_plan < 0.4 then 'approved' when f.r_plan < 0.55 then 'pending' else 'draft' end end plan_status,
      -- competitors met: none, one or two of the register
      case when f.r_comp < 0.45 then 0 when f.r_comp < 0.85 then 1 else 2 end competitors,
      f.r_comp, f.r_part
    from f
    join accounts a on a.id = f.account_id
    join users u on u.id = a.owner_id`);
  await c.query('create index on gen (id)');
  return r.rowCount ?? 0;
}

async function insertProjects(c: pg.Client): Promise<number> {
  const manual = STAGES.flatMap((s) => STAGE_ITEMS[s].filter((i) => !(AUTO_ITEMS as readonly string[]).includes(i)).map((item) => ({ stage: s, item })));
  const assessments = PROFILES.map((p) => {
    const grading = gradeAssessment(p.scores, DEFAULT_PIPELINE_SETTINGS, p.sufficient);
    return { scores: p.scores, notes: {}, informationSufficient: p.sufficient, summary: grading.outcome === 'collect' ? '决策链和预算尚不清楚，继续收集信息' : '成交路径清晰：内线支持，决策人认可方案', ...grading };
  });
  await c.query(`create temp table items (stage int, item text)`);
  await c.query(`insert into items select * from unnest($1::int[], $2::text[])`, [manual.map((m) => m.stage), manual.map((m) => m.item)]);
  await c.query(`create temp table profiles (n int, assessment jsonb)`);
  await c.query(`insert into profiles select n, a from unnest($1::jsonb[]) with ordinality as x(a, n)`, [assessments.map((a) => JSON.stringify(a))]);
  const r = await c.query(`
    insert into opportunities (id, account_id, name, owner_id, unit_id, stage, status, expected_value, products, expected_close_on, procurement_step,
      description, checklist, assessment, assessment_outcome, stage_entered_at, close_reason_key, close_note, won_by_competitor_id, closed_at,
      created_by, created_at, updated_at)
    select g.id, g.account_id, g.product || g.phase || '（' || g.g || '）', g.owner_id, g.unit_id, g.stage, g.status, g.expected_value,
      jsonb_build_array(g.product), g.expected_close_on, g.procurement_step,
      coalesce(a.short_name, a.name) || '：' || g.product,
      -- every manual item of the stages passed, about half of the current stage's
      (select coalesce(jsonb_object_agg(i.item, jsonb_build_object('note', null, 'by', g.owner_id, 'at', g.stage_entered_at)), '{}'::jsonb)
         from items i where i.stage < g.stage or (i.stage = g.stage and random() < 0.5)),
      p.assessment || jsonb_build_object('by', g.owner_id, 'at', g.stage_entered_at), p.assessment ->> 'outcome',
      g.stage_entered_at, g.close_reason_key, null,
      -- a lost deal was mostly won by a competitor met on it
      case when g.status = 'lost' and g.competitors > 0 and g.r_part < 0.7 then (select id from competitors order by id offset g.id % 5 limit 1) end,
      g.closed_at, g.owner_id, g.created_at, coalesce(g.closed_at, g.paused_at, g.stage_entered_at)
    from gen g
    join accounts a on a.id = g.account_id
    left join profiles p on p.n = g.profile
    order by g.id`);
  return r.rowCount ?? 0;
}

/** As the service writes it: created (→ 1, open), one row per stage advanced, one for the close or pause. */
async function insertHistory(c: pg.Client): Promise<number> {
  const r = await c.query(`
    insert into opportunity_stage_history (opportunity_id, from_stage, to_stage, from_status, to_status, reason, actor_id, at)
    select g.id, null, 1, null, 'open', null, g.owner_id, g.created_at from gen g
    union all
    select g.id, k - 1, k, 'open', 'open', null, g.owner_id, g.created_at + (g.stage_entered_at - g.created_at) * (k - 1) / (g.stage - 1)
      from gen g cross join generate_series(2, 5) k where k <= g.stage
    union all
    select g.id, g.stage, g.stage, 'open', g.status, null, g.owner_id, coalesce(g.closed_at, g.paused_at) from gen g where g.status <> 'open'
    order by 1, 8`);
  return r.rowCount ?? 0;
}

/** The owner as account manager; from stage 3 mostly the unit's KA director; from stage 4 often a senior manager. */
async function insertParticipants(c: pg.Client): Promise<number> {
  const r = await c.query(`
    insert into opportunity_participants (opportunity_id, user_id, part)
    select g.id, g.owner_id, 'account_manager' from gen g
    union all
    select g.id, d.user_id, 'ka_director' from gen g
      join lateral (select up.user_id from user_positions up join users u on u.id = up.user_id where up.position = 'ka_director' and u.unit_id = g.unit_id order by up.user_id limit 1) d on true
      where g.stage >= 3 and g.r_part < 0.8
    union all
    select g.id, s.user_id, 'senior' from gen g
      join lateral (select up.user_id from user_positions up where up.position in ('gm', 'deputy_gm') order by up.user_id offset (g.r_part * 10)::int % 2 limit 1) s on true
      where g.stage >= 4 and g.r_part < 0.5
    on conflict do nothing`);
  return r.rowCount ?? 0;
}

async function insertCompetitors(c: pg.Client): Promise<number> {
  const r = await c.query(`
    insert into opportunity_competitors (opportunity_id, competitor_id, strengths, threat, price_position)
    select g.id, comp.id, comp.strengths, (array['low','medium','high'])[1 + (g.id + k) % 3], comp.price_position
    from gen g cross join generate_series(0, 1) k
    join lateral (select id, strengths, price_position from competitors order by id offset (g.id + k) % 5 limit 1) comp on true
    where k < g.competitors`);
  return r.rowCount ?? 0;
}

/** Development plans of graded projects: drafts, pending and approved (decided through no approval record — the lists read the status only). */
async function insertPlans(c: pg.Client): Promise<number> {
  const r = await c.query(`
    insert into opportunity_plans (opportunity_id, strategy, advantages, steps, support, resources, budget, sales, profit, staff_cost, travel_cost, operating_cost,
      risk_coefficient, status, submitted_at, decided_at, created_by, created_at, updated_at)
    select g.id, '以信息中心为突破口，先做试点证明价值，再由高层推动全面推广。', '["efficiency","cost"]'::jsonb, '[]'::jsonb, '["director_assessment"]'::jsonb,
      '演示环境一套，售前工程师两人', round(g.expected_value * 0.03), g.expected_value, round(g.expected_value * 0.25),
      round(g.expected_value * 0.012), round(g.expected_value * 0.006), round(g.expected_value * 0.003), 0.2,
      g.plan_status,
      case when g.plan_status <> 'draft' then g.stage_entered_at end,
      case when g.plan_status = 'approved' then least(now(), g.stage_entered_at + interval '2 days') end,
      g.owner_id, g.stage_entered_at, g.stage_entered_at
    from gen g where g.plan_status is not null`);
  return r.rowCount ?? 0;
}
