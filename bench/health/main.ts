import { performance } from 'node:perf_hooks';
import { stepRunner, type Step } from '../common/steps';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { recomputeAllHealth, recomputeHealth } from '../../src/server/features/health';
import { recomputeAll as recomputeAccountFields } from '../../src/server/features/accounts/accounts.derived.service';
import { BENCH_PASSWORD, datasetInfo, generate } from '../accounts/generate';
import { machine, machineLine, today, writeResult } from '../common/environment';
import { Client, startServer } from '../common/server';
import { figures, int, ms, positive } from '../common/stats';
import { dealsInfo, generateDeals } from '../deals/generate';

const USAGE = `npm run bench:health -- [options]

Over the 100,000 accounts (500,000 contacts) of the accounts benchmark and the 200,000 contracts and
1,000,000 instalments of the deals benchmark (each generated first when the database lacks them), adds
set-based the health's other signals — 400,000 recorded visits over two years (a tenth of the accounts
never visited), 30,000 complaints with their SLA milestones (a third breached), key people who left and
key people leaning to a competitor — into PostgreSQL (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/tm_bench_health; its name must contain "bench"). Then measures
(issue 15 item 10): the full recompute of every account's health; the recompute of one account after an
event; the at-risk list through HTTP for the GM and a KA director. Writes bench/results/health-<date>.md.

  --samples N     single-account recomputes and at-risk requests measured; default 200
  --reuse         keep the health signals when the database already holds them
  --label TEXT    a line under the title
  --out FILE      results file; default bench/results/health-<date>.md
  --help`;

const { values: opts } = parseArgs({
  options: {
    samples: { type: 'string', default: '200' },
    reuse: { type: 'boolean', default: false },
    label: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});


/** The health's own signals, each one INSERT … SELECT (visits, complaints and milestones, key people's moves). */
async function generateSignals(url: string, log: (l: string) => void): Promise<Step[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const steps: Step[] = [];
  const run = stepRunner(c, steps, log);
  try {
    await c.query(`set synchronous_commit = off; set work_mem = '256MB'`);
    await c.query('begin');
    await c.query('truncate ticket_milestones, ticket_history, ticket_escalations, tickets, visits, account_health, account_health_detail, account_health_history, account_health_dirty cascade');
    // four recorded visits per account over the last two years, none for every tenth account
    await run(
      'visits (recorded)',
      `insert into visits (account_id, owner_id, unit_id, purpose, method, planned_at, checked_in_at, recorded_at, status, result)
       select a.id, a.owner_id, a.unit_id, (array['first','problem','relationship'])[1 + (k % 3)], 'onsite', t, t, t + interval '2 hours', 'recorded', 'B'
       from accounts a cross join generate_series(1, 4) k
       cross join lateral (select now() - make_interval(days => ((a.id * 37 + k * 101) % 720)::int) as t) w
       where a.id % 10 <> 0`,
    );
    // complaints: 30,000, a tenth still open, received over the last 120 days; a third of them missed their resolve milestone
    await run(
      'tickets (complaints)',
      `insert into tickets (number, kind, severity, channel, account_id, owner_id, unit_id, title, status, received_at, paused_at, resolved_at, closed_at, created_by)
       select 'BENCH-' || g, 'complaint', (array['critical','high','medium','low'])[1 + g % 4], 'phone', a.id, a.owner_id, a.unit_id, '基准投诉 ' || g,
         case when g % 10 = 0 then 'in_progress' else 'closed' end, r, case when g % 10 = 0 then null else r + interval '2 days' end,
         case when g % 10 = 0 then null else r + interval '2 days' end, case when g % 10 = 0 then null else r + interval '3 days' end, a.owner_id
       from generate_series(1, 30000) g
       join accounts a on a.id = 1 + (g * 7919) % (select max(id) from accounts)
       cross join lateral (select now() - make_interval(days => (g % 120)::int) as r) w`,
    );
    await run(
      'ticket milestones',
      `insert into ticket_milestones (ticket_id, milestone, budget_minutes, warn_at, due_at, met_at, breached_at)
       select t.id, m, 480, t.received_at + interval '6 hours', t.received_at + interval '8 hours',
         case when t.resolved_at is not null then t.resolved_at end,
         case when t.id % 3 = 0 then t.received_at + interval '8 hours' end
       from tickets t cross join unnest(array['first_response','resolve']) m`,
    );
    // key people: one in twenty accounts lost one in the last half year; one in fifteen has one leaning to a competitor
    await run(
      'key people who left',
      `update contacts c set status = 'left', left_at = current_date - ((c.id % 170)::int)
       where c.id in (select min(id) from contacts where is_key_person and account_id % 20 = 3 group by account_id)`,
    );
    await run(
      'key people leaning to a competitor',
      `update contacts c set competitor_leaning = '倾向竞争对手的整体方案'
       where c.id in (select max(id) from contacts where is_key_person and status = 'active' and account_id % 15 = 7 group by account_id)`,
    );
    await c.query('commit');
    await c.query('analyze visits; analyze tickets; analyze ticket_milestones; analyze contacts');
    return steps;
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}

async function main() {
  if (opts.help) return void console.log(USAGE);
  const samples = positive('samples', opts.samples);
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tm_bench_health';
  if (!/bench/.test(new URL(url).pathname)) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
  const tz = process.env.BUSINESS_TZ || 'Asia/Shanghai';
  const load: Step[] = [];
  const data = await datasetInfo(url);
  if (!data || data.accounts !== 100_000) {
    console.log('Generating the 100,000 accounts of the accounts benchmark…');
    load.push(...(await generate(url, { accounts: 100_000, contacts: 500_000, history: 1_000_000 }, tz, console.log)).steps);
  }
  if (!(await dealsInfo(url))) {
    console.log('Generating the contracts, instalments and receipts of the deals benchmark…');
    load.push(...(await generateDeals(url, tz, console.log)).steps);
  }
  // a database generated by an earlier release: this one's schema first
  const migrating = openPostgres(url, 2);
  await migrate(migrating);
  await migrating.close();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const visits = Number((await pool.query('select count(*) as n from visits')).rows[0].n);
  if (!opts.reuse || visits === 0) {
    console.log('Adding the health signals (visits, complaints, key people)…');
    load.push(...(await generateSignals(url, console.log)));
  }
  const database = openPostgres(url, 4);
  const counts = Object.fromEntries(
    (
      await pool.query<{ t: string; n: string }>(
        `select 'accounts' t, count(*) n from accounts union all select 'contacts', count(*) from contacts union all select 'visits', count(*) from visits
         union all select 'tickets', count(*) from tickets union all select 'contract_instalments', count(*) from contract_instalments union all select 'opportunities', count(*) from opportunities`,
      )
    ).rows.map((r) => [r.t, Number(r.n)]),
  );

  // 1. the full recompute (twice: the first writes every row and its history, the second the nightly case where little moved)
  const full: { label: string; seconds: number; accounts: number; moves: number }[] = [];
  for (const label of ['first', 'again (nightly: little moved)']) {
    const t = performance.now();
    const r = await recomputeAllHealth(database.db, tz);
    full.push({ label, seconds: (performance.now() - t) / 1000, accounts: r.accounts, moves: r.moves.length });
    console.log(`full recompute, ${label}: ${full.at(-1)!.seconds.toFixed(1)} s for ${int(r.accounts)} accounts, ${int(r.moves.length)} band moves`);
  }
  const bands = (await pool.query<{ band: string; n: string }>('select band, count(*) as n from account_health group by band order by band')).rows.map((r) => `${r.band ?? 'none'} ${int(Number(r.n))}`).join(', ');

  // 2. one account after an event (what the dirty drain does for each batch of one)
  const ids = (await pool.query<{ id: string }>(`select id from accounts order by (id * 7919) % 100003 limit $1`, [samples])).rows.map((r) => Number(r.id));
  const one: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    await recomputeHealth(database.db, [id], tz);
    one.push(performance.now() - t);
  }
  const oneFig = figures(one);
  console.log(`one account: p50 ${ms(oneFig.p50)} p95 ${ms(oneFig.p95)} ms`);

  // 3. the accounts' derived fields, the nightly run (coverage, tier, categories, quadrant, lifecycle)
  const nightly: { seconds: number; scanned: number; changed: number }[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = await recomputeAccountFields(database.db, tz);
    nightly.push({ seconds: (performance.now() - t) / 1000, ...r });
    console.log(`accounts' derived fields, nightly run ${i + 1}: ${nightly.at(-1)!.seconds.toFixed(1)} s for ${int(r.scanned)} accounts, ${int(r.changed)} changed`);
  }

  // 4. the at-risk list through HTTP, as it is read during the day: after the autovacuum that a nightly
  // rewrite of every row sets off (done here at once, so the figures do not depend on when it would run)
  await pool.query('vacuum (analyze) account_health');
  const server = await startServer(url, console.log);
  const atRisk: { who: string; path: string; fig: ReturnType<typeof figures>; total: number }[] = [];
  try {
    for (const [who, username] of [
      ['GM — all', 'bench.gm'],
      ['KA director — unit subtree', 'js.director'],
    ] as const) {
      const client = new Client(server.port);
      await client.login(username, BENCH_PASSWORD);
      for (const path of ['/api/health/at-risk?band=red&sort=revenue', '/api/health/at-risk?band=red,yellow&sort=score&page=3']) {
        for (let i = 0; i < 5; i++) await client.get(path);
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < samples; i++) {
          const r = await client.get(path);
          if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          total = (r.body as { total: number }).total;
          times.push(r.ms);
        }
        atRisk.push({ who, path, fig: figures(times), total });
        console.log(`${who} ${path}: p50 ${ms(atRisk.at(-1)!.fig.p50)} p95 ${ms(atRisk.at(-1)!.fig.p95)} ms (${int(total)})`);
      }
    }
  } finally {
    await server.stop();
  }

  const env = await machine(pool);
  const date = today();
  const lines = [`# Health benchmark — ${date}`, ''];
  if (opts.label) lines.push(`**${opts.label}**`, '');
  lines.push(
    machineLine(env),
    '',
    `Data: ${int(counts.accounts!)} accounts, ${int(counts.contacts!)} contacts, ${int(counts.visits!)} recorded visits, ${int(counts.tickets!)} complaints, ${int(counts.contract_instalments!)} instalments, ${int(counts.opportunities!)} development projects. Bands after the recompute: ${bands}.`,
    '',
    'Targets (issue 15 item 10): full recompute of 100,000 accounts < 30 s, set-based; one account after an event < 50 ms; the at-risk list p95 < 50 ms; the nightly recompute of the accounts\' stored fields < 30 s. The list is measured after `vacuum (analyze) account_health` — the autovacuum a nightly rewrite of every row sets off.',
    '',
    '| measure | figure | target |',
    '| --- | ---: | --- |',
    ...full.map((f) => `| full recompute, ${f.label} (${int(f.accounts)} accounts, ${int(f.moves)} band moves) | ${f.seconds.toFixed(1)} s | ${f.seconds < 30 ? 'met' : 'not met'} (< 30 s) |`),
    `| one account after an event (in-process, ${samples} accounts), p50 / p95 | ${ms(oneFig.p50)} / ${ms(oneFig.p95)} ms | ${oneFig.p95 < 50 ? 'met' : 'not met'} (< 50 ms) |`,
    ...nightly.map((n, i) => `| accounts' derived fields, nightly run ${i + 1} (${int(n.scanned)} accounts, ${int(n.changed)} changed) | ${n.seconds.toFixed(1)} s | ${n.seconds < 30 ? 'met' : 'not met'} (< 30 s) |`),
    ...atRisk.map((a) => `| at-risk list over HTTP, ${a.who}: \`${a.path}\` (${int(a.total)} accounts), p50 / p95 | ${ms(a.fig.p50)} / ${ms(a.fig.p95)} ms | ${a.fig.p95 < 50 ? 'met' : 'not met'} (< 50 ms) |`),
    '',
    'Load:',
    '',
    ...load.map((s) => `- ${s.step}: ${int(s.rows)} rows in ${s.seconds.toFixed(1)} s`),
  );
  const file = writeResult('health', date, lines.join('\n'), opts.out);
  console.log(`Wrote ${file}`);
  await pool.end();
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
