import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import type { Actor } from '../../src/server/platform/actor';
import { capture, phases, replay, type Statement } from './capture';
import { BENCH_PASSWORD, datasetInfo, generate, type DatasetInfo, type LoadReport } from './generate';
import { loadSection, machine, machineLine, today, writeResult } from '../common/environment';
import { Client, startServer } from '../common/server';
import { figures, int, ms, positive, ratio, type Figures } from '../common/stats';
import { explain, type Explained } from './report';
import { loadFixtures, scenarios, USERS, type Scenario, type Who } from './scenarios';

const USAGE = `npm run bench:accounts -- [options]

Generates 100,000 accounts, 500,000 contacts and 1,000,000 relationship-history rows into
PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tm_bench — the
database is dropped and created; its name must contain "bench"), starts the server on it and
measures the account list, search, 360 and relationship map through HTTP beside the same SQL
run directly. Writes bench/results/accounts-<date>.md.

  --reuse                 keep the data when the database already holds a data set of this size
  --accounts N            accounts to generate (contacts ×5, history ×10); default 100000
  --samples N             measured requests per scenario; default 300
  --coverage-samples N    for the department coverage list; default 300
  --warmup N              unmeasured requests per scenario first; default 30
  --only A,B              only these scenarios: a key (a, b, c1, d …), a user (gm, director …)
                          or words of the title (e.g. "360")
  --label TEXT            a line under the title (e.g. "before the indexes of migration 0011")
  --out FILE              results file; default bench/results/accounts-<date>.md
  --generate-only         load the data and stop
  --help`;

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    accounts: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '300' },
    'coverage-samples': { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    only: { type: 'string' },
    label: { type: 'string' },
    out: { type: 'string' },
    'generate-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

interface Result {
  scenario: Scenario;
  server: Figures;
  raw: Figures;
  overheadP50: number;
  statements: number;
  shown: string;
  mismatches: number;
  plans: Explained[];
}

async function measure(sc: Scenario, client: Client, db: ReturnType<typeof openPostgres>['db'], actor: Actor, raw: pg.Pool, warmup: number): Promise<Result> {
  const cookie = client.cookieValue('tm_session');
  for (let i = 0; i < warmup; i++) await client.get(sc.paths[i % sc.paths.length]);
  const serverMs: number[] = [];
  const rawMs: number[] = [];
  const overhead: number[] = [];
  let mismatches = 0;
  let first: { statements: Statement[]; body: unknown } | undefined;
  for (let i = 0; i < sc.samples; i++) {
    const p = sc.paths[i % sc.paths.length];
    const recorded = await capture(() => sc.service(db, actor, p, cookie));
    const http = await client.get(p);
    const groups = phases(recorded.statements);
    const t0 = performance.now();
    await replay(raw, groups);
    const r = performance.now() - t0;
    if (sc.httpPrint(http.body) !== sc.servicePrint(recorded.result)) {
      mismatches++;
      if (mismatches === 1) console.warn(`  ${sc.key}/${sc.who} ${p}: the HTTP response and the service result differ`);
    }
    serverMs.push(http.ms);
    rawMs.push(r);
    overhead.push(http.ms - r);
    first ??= { statements: recorded.statements, body: http.body };
  }
  const body = first!.body as { total?: number; items?: unknown[]; username?: string; status?: string };
  const shown =
    body.total !== undefined ? `${body.items?.length ?? 0} of ${body.total}` : body.items ? `${body.items.length} contacts` : body.username ? 'the user' : (body.status ?? '1 account');
  return {
    scenario: sc,
    server: figures(serverMs),
    raw: figures(rawMs),
    overheadP50: figures(overhead).p50,
    statements: first!.statements.length,
    shown,
    mismatches,
    plans: await explain(raw, first!.statements),
  };
}

async function environment(pool: pg.Pool) {
  const counts = await pool.query<{ t: string; n: string }>(
    `select 'accounts' t, count(*) n from accounts union all select 'contacts', count(*) from contacts
     union all select 'contact_relationship_history', count(*) from contact_relationship_history
     union all select 'account_team', count(*) from account_team union all select 'account_revenue', count(*) from account_revenue
     union all select 'users', count(*) from users union all select 'org_units', count(*) from org_units`,
  );
  return { ...(await machine(pool)), counts: Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)])) };
}

function markdown(results: Result[], env: Awaited<ReturnType<typeof environment>>, data: DatasetInfo, load: LoadReport | undefined, o: { label?: string; samples: number; warmup: number; date: string }) {
  const lines: string[] = [];
  lines.push(`# Accounts benchmark — ${o.date}`, '');
  if (o.label) lines.push(`**${o.label}**`, '');
  lines.push(
    machineLine(env),
    `Other work shared the machine's two cores during the run, so single figures can carry noise.`,
    '',
    `Data: ${int(env.counts.accounts)} accounts, ${int(env.counts.contacts)} contacts, ${int(env.counts.contact_relationship_history)} relationship-history rows, ` +
      `${int(env.counts.account_team)} service-team rows, ${int(env.counts.account_revenue)} revenue rows, ${int(env.counts.users)} users in ${int(env.counts.org_units)} org units; ` +
      `database ${(env.bytes / 2 ** 20).toFixed(0)} MiB. Generated ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC in ${data.seconds.toFixed(0)} s` +
      `${load ? '' : ' (reused by this run)'}.`,
    '',
    `Each row: ${o.warmup} warm-up requests, then ${o.samples} measured ones (fewer where noted) with varied parameters, sequential on one keep-alive ` +
      `connection to \`tongmeng serve\` (a child process; jobs off). **Server** is the HTTP round trip, including the auth hook (row g shows its cost), ` +
      `validation, the service's SQL and serialisation. **Raw SQL** replays exactly the statements the same service call sent to PostgreSQL for those parameters ` +
      `(recorded in-process), through \`pg\` with the same parallelism, so both return the same rows. Target: server p95 < 50 ms and ≤ 1.5× raw SQL p95.`,
    '',
    '| # | request | signed in as | result (1st sample) | n | server p50 | p95 | p99 | raw SQL p50 | p95 | server − raw p50 | server/raw p95 | statements | target |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const r of results) {
    const sc = r.scenario;
    const under = r.server.p95 < 50;
    const within = r.server.p95 <= 1.5 * r.raw.p95;
    const target = under && within ? 'met' : [under ? '' : 'p95 ≥ 50 ms', within ? '' : 'ratio > 1.5'].filter(Boolean).join(', ');
    lines.push(
      `| ${sc.key} | ${sc.title} | ${USERS[sc.who].scope} | ${r.shown}${r.mismatches ? ` (**${r.mismatches} mismatches**)` : ''} | ${sc.samples} | ${ms(r.server.p50)} | ${ms(r.server.p95)} | ${ms(r.server.p99)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${ms(r.overheadP50)} | ${ratio(r.server.p95, r.raw.p95)} | ${r.statements} | ${target} |`,
    );
  }
  lines.push(
    '',
    'Times in milliseconds. Rows g and h are calibration: the fixed cost of a request (HTTP, the auth hook, serialisation) is the ' +
      '"server − raw" column there. Where a request\'s SQL takes only a few milliseconds, that fixed cost alone is more than half of it, ' +
      'so the 1.5× ratio cannot hold for such rows however fast the queries are; the absolute target is the one that matters for them.',
    '',
    '## Plans (EXPLAIN ANALYZE of the first sample)',
    '',
  );
  lines.push('Which index serves each statement; the full plans are in the companion `-plans.md` file.', '');
  for (const r of results) {
    lines.push(`- **${r.scenario.key} · ${r.scenario.who}** — ${r.scenario.title}`);
    for (const p of r.plans) lines.push(`  - ${p.label}, ${p.ms.toFixed(2)} ms: ${p.summary || 'no scan (constant)'}`);
  }
  const steps = load?.steps ?? data.steps;
  lines.push('', ...loadSection(steps, data.seconds));
  if (load) lines.push(`Pinyin of ${load.pinyinChecked} sampled names checked against the service's pinyinKeys: ${load.pinyinMismatches.length} differ; ${load.creditCodesChecked} credit codes carry a valid check character.`, '');
  return lines.join('\n');
}

function plansMarkdown(results: Result[], date: string) {
  const lines = [`# Accounts benchmark plans — ${date}`, '', 'EXPLAIN (ANALYZE, BUFFERS) of every statement of the first sample of each scenario.', ''];
  for (const r of results) {
    lines.push(`## ${r.scenario.key} · ${r.scenario.who} — ${r.scenario.title}`, '', `\`${r.scenario.paths[0]}\``, '');
    for (const p of r.plans) {
      // the coverage list binds one parameter per account in scope: keep the file readable
      const sql = p.sql.length > 3000 ? `${p.sql.slice(0, 3000)} … (${p.sql.length} characters)` : p.sql;
      const params = p.params.length > 30 ? `${JSON.stringify(p.params.slice(0, 30)).slice(0, -1)}, … ${p.params.length - 30} more]` : JSON.stringify(p.params);
      lines.push(`### ${p.label}`, '', '```sql', sql, `-- parameters: ${params}`, '```', '', '```', p.text, '```', '');
    }
  }
  return lines.join('\n');
}

async function main() {
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const accounts = positive('accounts', opts.accounts);
  const samples = positive('samples', opts.samples);
  const coverageSamples = positive('coverage-samples', opts['coverage-samples']);
  const warmup = Number(opts.warmup);
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tm_bench';
  const tz = process.env.BUSINESS_TZ || 'Asia/Shanghai';
  const size = { accounts, contacts: accounts * 5, history: accounts * 10 };

  let data = await datasetInfo(url);
  let load: LoadReport | undefined;
  if (opts.reuse && data && data.accounts === size.accounts) {
    console.log(`Reusing the data generated ${data.generatedAt} (${int(data.accounts)} accounts).`);
  } else {
    if (opts.reuse) console.log('No data set of this size to reuse: generating.');
    console.log(`Generating ${int(size.accounts)} accounts, ${int(size.contacts)} contacts, ${int(size.history)} history rows…`);
    load = await generate(url, size, tz, console.log);
    data = (await datasetInfo(url))!;
  }
  if (opts['generate-only']) return;

  const server = await startServer(url, console.log);
  const database = openPostgres(url, 10);
  const raw = new pg.Pool({ connectionString: url, max: 10 });
  const clients: Partial<Record<Who, Client>> = {};
  try {
    const actors: Partial<Record<Who, Actor>> = {};
    for (const who of Object.keys(USERS) as Who[]) {
      const c = new Client(server.port);
      await c.login(USERS[who].username, BENCH_PASSWORD);
      clients[who] = c;
      const u = await raw.query<{ id: string }>('select id from users where username = $1', [USERS[who].username]);
      actors[who] = await loadActorForUser(database.db, Number(u.rows[0].id));
    }
    const fixtures = await loadFixtures(raw, samples);
    const filter = opts.only?.toLowerCase();
    const chosen = scenarios(fixtures, samples, coverageSamples).filter(
      (s) => !filter || filter.split(',').some((x) => s.key.toLowerCase() === x || s.who === x || (x.length > 2 && s.title.toLowerCase().includes(x))),
    );
    const results: Result[] = [];
    for (const sc of chosen) {
      const r = await measure(sc, clients[sc.who]!, database.db, actors[sc.who]!, raw, warmup);
      results.push(r);
      console.log(
        `${sc.key.padEnd(3)} ${sc.who.padEnd(10)} ${sc.title.padEnd(40)} server p50 ${ms(r.server.p50).padStart(6)} p95 ${ms(r.server.p95).padStart(6)} | raw p50 ${ms(r.raw.p50).padStart(6)} p95 ${ms(r.raw.p95).padStart(6)} | ${ratio(r.server.p95, r.raw.p95)} | ${r.shown}`,
      );
    }
    const env = await environment(raw);
    const date = today();
    const out = writeResult('accounts', date, markdown(results, env, data, load, { label: opts.label, samples, warmup, date }), opts.out);
    writeFileSync(out.replace(/\.md$/, '-plans.md'), plansMarkdown(results, date));
    console.log(`Wrote ${path.relative(process.cwd(), out)} and its -plans.md`);
    if (results.some((r) => r.mismatches)) process.exitCode = 1;
  } finally {
    for (const c of Object.values(clients)) c?.close();
    await raw.end();
    await database.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
