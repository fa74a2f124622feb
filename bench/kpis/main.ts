import { performance } from 'node:perf_hooks';
import { stepRunner, type Step } from '../common/steps';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import * as scorecards from '../../src/server/features/scorecards/scorecards.service';
import { BENCH_PASSWORD, datasetInfo, generate } from '../accounts/generate';
import { machine, machineLine, today, writeResult } from '../common/environment';
import { Client, startServer } from '../common/server';
import { figures, int, ms, positive } from '../common/stats';
import { dealsInfo, generateDeals } from '../deals/generate';

const USAGE = `npm run bench:kpis -- [options]

Over the 100,000 accounts of the accounts benchmark and the contracts and instalments of the deals benchmark
(each generated first when the database lacks them), grows the organisation to about 500 users — the HQ KA
department to 50 scored people — and adds set-based two years of field work: 1,400,000 checked-in visits and
600,000 contact-log entries, every sales person's submitted monthly plans, and this year's approved sales and
visit targets per department, team and person, into PostgreSQL (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/tm_bench_kpis; its name must contain "bench"). Then measures (issue 16
item 7): a unit's KPI set for a quarter and a person's for a month over HTTP; the 50-person department's
scorecards of a quarter — opened (every computed item from the KPI library) and ranked. Writes
bench/results/kpis-<date>.md.

  --samples N     requests measured per read; default 100
  --accounts N    a smaller data set to check the command (contracts and field work scale with it; its figures
                  are not the issue's); default 100000
  --reuse         keep the generated field work when the database already holds it
  --label TEXT    a line under the title
  --out FILE      results file; default bench/results/kpis-<date>.md
  --help`;

const { values: opts } = parseArgs({
  options: {
    samples: { type: 'string', default: '100' },
    accounts: { type: 'string', default: '100000' },
    reuse: { type: 'boolean', default: false },
    label: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const SALES_POSITIONS = `('ka_director','account_manager','field_specialist','office_specialist')`;

/** The organisation grown to ~500 users and two years of field work, plans and this year's targets, each one statement. */
async function generateFieldwork(url: string, year: number, scale: number, log: (l: string) => void): Promise<Step[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const steps: Step[] = [];
  const run = stepRunner(c, steps, log, 48);
  try {
    await c.query(`set synchronous_commit = off; set work_mem = '256MB'`);
    await c.query('begin');
    await c.query(`truncate scorecard_items, scorecards, attendance_months, monthly_plan_items, monthly_plans, contact_logs, kpi_snapshots, kpi_snapshot_runs cascade`);
    await c.query(`delete from visits`);
    // teams: four more under HQ's KA department (50 scored people there), five more in each province's
    await run(
      'teams',
      `insert into org_units (parent_id, name, code, kind, path, depth, sort_order)
       select ka.id, '拓展' || g || '组', ka.code || '-X' || g, 'team', '', ka.depth + 1, 10 + g
       from org_units ka cross join generate_series(1, case when ka.code = 'HQ-KA' then 4 else 5 end) g
       where ka.code like '%-KA' and not exists (select 1 from org_units x where x.code = ka.code || '-X1')`,
    );
    await c.query(`update org_units u set path = p.path || u.id || '/' from org_units p where u.parent_id = p.id and u.path = ''`);
    // an account manager and six specialists in each new team, with the bench password and their built-in roles
    await run(
      'users of the new teams',
      `insert into users (username, name, unit_id, password_hash)
       select lower(t.code) || case when k = 0 then '.manager' else '.s' || k end, '员工' || t.id || '-' || k, t.id, (select password_hash from users where username = 'bench.gm')
       from org_units t cross join generate_series(0, 6) k where t.code like '%-KA-X%'
       on conflict do nothing`,
    );
    await c.query(
      `insert into user_positions (user_id, position)
       select u.id, case when u.username like '%.manager' then 'account_manager' else 'field_specialist' end from users u where u.username like '%-x%' on conflict do nothing`,
    );
    await c.query(
      `insert into user_roles (user_id, role_id)
       select u.id, r.id from users u join roles r on r.code = case when u.username like '%.manager' then 'account_manager' else 'specialist' end
       where u.username like '%-x%' on conflict do nothing`,
    );
    // the sales staff with their unit and a number for spreading their work over the accounts
    await c.query(`create temporary table staff on commit drop as
      select row_number() over (order by u.id) as n, u.id, u.unit_id from users u
      where u.status = 'active' and exists (select 1 from user_positions p where p.user_id = u.id and p.position in ${SALES_POSITIONS})`);
    const staff = Number((await c.query('select count(*) as n from staff')).rows[0].n);
    const perPerson = Math.ceil((1_400_000 * scale) / staff);
    // two years of checked-in visits: every sales person the same share, on accounts spread over the archive
    await run(
      'visits (checked in and recorded)',
      `insert into visits (account_id, owner_id, unit_id, purpose, method, planned_at, checked_in_at, recorded_at, status, result)
       select 1 + ((s.n * 7919 + k * 104729) % (select max(id) from accounts)), s.id, s.unit_id, (array['first','problem','relationship'])[1 + (k % 3)], 'onsite', t, t, t + interval '2 hours', 'recorded', 'B'
       from staff s cross join generate_series(1, ${perPerson}) k
       cross join lateral (select now() - make_interval(days => ((s.n * 37 + k * 101) % 730)::int, hours => (k % 8)) as t) w
       where exists (select 1 from accounts a where a.id = 1 + ((s.n * 7919 + k * 104729) % (select max(id) from accounts)))`,
    );
    await run(
      'contact-log entries',
      `insert into contact_logs (account_id, kind, occurred_at, summary, user_id, created_by)
       select a.id, (array['call','email','meeting','other'])[1 + (k % 4)], now() - make_interval(days => ((s.n * 53 + k * 97) % 730)::int), '电话沟通合作进展', s.id, s.id
       from staff s cross join generate_series(1, ${Math.ceil((600_000 * scale) / staff)}) k
       join accounts a on a.id = 1 + ((s.n * 104729 + k * 7919) % (select max(id) from accounts))`,
    );
    // a submitted monthly plan per person and month of the two years
    await run(
      'monthly plans (submitted)',
      `insert into monthly_plans (owner_id, unit_id, month, status, submitted_at, planned_visits, planned_expansions, planned_deals)
       select s.id, s.unit_id, to_char(m, 'YYYY-MM'), 'submitted', m - interval '1 day', 60 + (s.n % 20), 2, 1
       from staff s cross join generate_series(date_trunc('month', now()) - interval '23 months', date_trunc('month', now()), interval '1 month') m`,
    );
    // this year's approved sales and visit targets of every KA department: the department, its teams and people × 12 months
    await run(
      'target plans (approved)',
      `insert into target_plans (unit_id, metric, year, status)
       select ka.id, m, ${year}, 'approved' from org_units ka cross join unnest(array['sales','visits']) m where ka.code like '%-KA'
       on conflict do nothing`,
    );
    await run(
      'target cells',
      `insert into target_cells (plan_id, subject_kind, subject_id, month, base)
       select p.id, 'user', s.id, mo, case when p.metric = 'sales' then 5000000 else 60 end
       from target_plans p join org_units ka on ka.id = p.unit_id join staff s on s.unit_id in (select u.id from org_units u where u.path like ka.path || '%')
       cross join generate_series(1, 12) mo where p.year = ${year}
       union all
       select p.id, 'unit', u.id, mo, case when p.metric = 'sales' then 5000000 else 60 end * (select count(*) from staff s where s.unit_id in (select x.id from org_units x where x.path like u.path || '%'))
       from target_plans p join org_units ka on ka.id = p.unit_id join org_units u on u.path like ka.path || '%'
       cross join generate_series(1, 12) mo where p.year = ${year}
       on conflict do nothing`,
    );
    await c.query('commit');
    await c.query('analyze visits; analyze contact_logs; analyze monthly_plans; analyze target_cells; analyze users; analyze org_units');
    return steps;
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

async function main() {
  if (opts.help) return void console.log(USAGE);
  const samples = positive('samples', opts.samples);
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tm_bench_kpis';
  if (!/bench/.test(new URL(url).pathname)) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
  const tz = process.env.BUSINESS_TZ || 'Asia/Shanghai';
  const now = new Date();
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric' }).format(now));
  const month0 = Number(new Intl.DateTimeFormat('en-CA', { timeZone: tz, month: 'numeric' }).format(now)) - 1;
  // the last whole month and quarter of this year (the periods a director reads and the cards are kept for)
  const lastMonth = month0 === 0 ? `${year - 1}-12` : `${year}-${pad(month0)}`;
  const quarterNo = Math.max(1, Math.floor(month0 / 3));
  const quarter = `${year}-Q${quarterNo}`;
  const quarterMonths = [0, 1, 2].map((i) => `${year}-${pad(quarterNo * 3 - 2 + i)}`);

  const accounts = positive('accounts', opts.accounts);
  const scale = accounts / 100_000;
  const load: Step[] = [];
  const data = await datasetInfo(url);
  if (!data || data.accounts !== accounts) {
    console.log(`Generating the ${int(accounts)} accounts of the accounts benchmark…`);
    load.push(...(await generate(url, { accounts, contacts: accounts * 5, history: accounts * 10 }, tz, console.log)).steps);
  }
  if (!(await dealsInfo(url))) {
    console.log('Generating the contracts, instalments and receipts of the deals benchmark…');
    load.push(...(await generateDeals(url, tz, console.log, { contracts: Math.round(200_000 * scale), instalments: Math.round(1_000_000 * scale), receipts: Math.round(1_000_000 * scale) })).steps);
  }
  const migrating = openPostgres(url, 2);
  await migrate(migrating);
  await migrating.close();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const plans = Number((await pool.query('select count(*) as n from monthly_plans')).rows[0].n);
  if (!opts.reuse || plans === 0) {
    console.log('Adding the organisation, field work, plans and targets…');
    load.push(...(await generateFieldwork(url, year, scale, console.log)));
  }
  const counts = Object.fromEntries(
    (
      await pool.query<{ t: string; n: string }>(
        `select 'users' t, count(*) n from users union all select 'visits', count(*) from visits union all select 'contact_logs', count(*) from contact_logs
         union all select 'monthly_plans', count(*) from monthly_plans union all select 'target_cells', count(*) from target_cells
         union all select 'contracts', count(*) from contracts union all select 'accounts', count(*) from accounts`,
      )
    ).rows.map((r) => [r.t, Number(r.n)]),
  );
  const hq = (await pool.query<{ id: string }>(`select id from org_units where code = 'HQ-KA'`)).rows[0]!;
  const scored = Number(
    (
      await pool.query(
        `select count(distinct u.id) as n from users u join user_positions p on p.user_id = u.id join org_units o on o.id = u.unit_id
         where o.path like (select path from org_units where id = $1) || '%' and p.position in ('account_manager','field_specialist','office_specialist')`,
        [hq.id],
      )
    ).rows[0].n,
  );
  const people = (await pool.query<{ id: string }>(`select u.id from users u join user_positions p on p.user_id = u.id where p.position = 'field_specialist' order by (u.id * 7919) % 1009 limit 50`)).rows.map((r) => Number(r.id));

  // 1. reads over HTTP, as the director reads them
  const server = await startServer(url, console.log);
  const reads: { what: string; fig: ReturnType<typeof figures>; target: number }[] = [];
  try {
    const client = new Client(server.port);
    await client.login('hq.director', BENCH_PASSWORD);
    const measure = async (what: string, paths: string[], target: number) => {
      for (const p of paths.slice(0, 5)) await client.get(p);
      const times: number[] = [];
      for (let i = 0; i < samples; i++) times.push((await client.get(paths[i % paths.length]!)).ms);
      reads.push({ what, fig: figures(times), target });
      console.log(`${what}: p50 ${ms(reads.at(-1)!.fig.p50)} p95 ${ms(reads.at(-1)!.fig.p95)} ms`);
    };
    await measure(`the HQ KA department's KPI set for ${quarter}`, [`/api/kpis?subject=unit:${hq.id}&period=${quarter}`], 300);
    const gm = new Client(server.port);
    await gm.login('bench.gm', BENCH_PASSWORD);
    const times: number[] = [];
    for (let i = 0; i < samples + 5; i++) {
      const r = await gm.get(`/api/kpis?subject=user:${people[i % people.length]}&period=${lastMonth}`);
      if (i >= 5) times.push(r.ms);
    }
    reads.push({ what: `a person's KPI set for ${lastMonth} (${people.length} specialists in turn)`, fig: figures(times), target: 50 });
    console.log(`${reads.at(-1)!.what}: p50 ${ms(reads.at(-1)!.fig.p50)} p95 ${ms(reads.at(-1)!.fig.p95)} ms`);
    gm.close();
    client.close();
  } finally {
    await server.stop();
  }

  // 2. the department's scorecards of the quarter, in process (server time): each month's cards opened — every
  //    computed item from the KPI library for its people — then ranked; the cards dropped between samples
  const database = openPostgres(url, 4);
  const director = (await loadActorForUser(database.db, Number((await pool.query(`select id from users where username = 'hq.director'`)).rows[0].id)))!;
  const opened: number[] = [];
  const ranked: number[] = [];
  let cards = 0;
  const rounds = Math.max(5, Math.ceil(samples / 10));
  for (let i = 0; i < rounds; i++) {
    await pool.query(`delete from scorecards where period = any($1)`, [quarterMonths]);
    const t = performance.now();
    for (const m of quarterMonths) cards += (await scorecards.open(database.db, director, { period: m }, tz)).opened;
    opened.push(performance.now() - t);
    const r = performance.now();
    for (const m of quarterMonths) for (const kind of ['account_manager', 'specialist'] as const) await scorecards.list(database.db, director, { period: m, kind, sort: '-total' });
    ranked.push(performance.now() - r);
  }
  const openFig = figures(opened);
  const rankFig = figures(ranked);
  console.log(`scorecards of the quarter opened: p50 ${ms(openFig.p50)} p95 ${ms(openFig.p95)} ms (${cards / rounds} cards); ranked p95 ${ms(rankFig.p95)} ms`);

  const env = await machine(pool);
  const date = today();
  const lines = [`# KPI and scorecards benchmark — ${date}`, ''];
  if (opts.label) lines.push(`**${opts.label}**`, '');
  const met = (v: number, target: number) => (v < target ? 'met' : 'not met');
  lines.push(
    machineLine(env),
    '',
    `Data: ${int(counts.users!)} users (the HQ KA department: ${scored} scored people), ${int(counts.accounts!)} accounts, ${int(counts.contracts!)} contracts, ${int(counts.visits!)} visits and ${int(counts.contact_logs!)} contact-log entries over two years, ${int(counts.monthly_plans!)} monthly plans, ${int(counts.target_cells!)} target cells.`,
    '',
    'Targets (issue 16 item 7): the KPI set of a unit for a quarter and the scorecards of a 50-person department for a quarter each p95 < 300 ms; a person\'s KPI for a month p95 < 50 ms (PostgreSQL).',
    '',
    '| measure | p50 | p95 | target |',
    '| --- | ---: | ---: | --- |',
    ...reads.map((r) => `| ${r.what}, over HTTP | ${ms(r.fig.p50)} ms | ${ms(r.fig.p95)} ms | ${met(r.fig.p95, r.target)} (< ${r.target} ms) |`),
    `| the department's ${cards / rounds} cards of ${quarter} opened (three months, every computed item), in process | ${ms(openFig.p50)} ms | ${ms(openFig.p95)} ms | ${met(openFig.p95, 300)} (< 300 ms) |`,
    `| their rankings (three months × two forms), in process | ${ms(rankFig.p50)} ms | ${ms(rankFig.p95)} ms | ${met(rankFig.p95, 300)} (< 300 ms) |`,
    '',
    'Load:',
    '',
    ...load.map((s) => `- ${s.step}: ${int(s.rows)} rows in ${s.seconds.toFixed(1)} s`),
  );
  const file = writeResult('kpis', date, lines.join('\n'), opts.out);
  console.log(`Wrote ${file}`);
  await pool.end();
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
