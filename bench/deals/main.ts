import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import type { Actor } from '../../src/server/platform/actor';
import { businessDate } from '../../src/shared/domain/business-time';
import { capture, phases, replay, type Statement } from '../accounts/capture';
import { BENCH_PASSWORD, datasetInfo, generate } from '../accounts/generate';
import { explain, type Explained } from '../accounts/report';
import { loadSection, machine, machineLine, today, writeResult } from '../common/environment';
import { Client, startServer } from '../common/server';
import { figures, int, ms, positive, ratio, type Figures } from '../common/stats';
import { dealsInfo, generateDeals, DEAL_SIZE } from './generate';
import { loadFixtures, scenarios, USERS, type Scenario, type Who } from './scenarios';

const USAGE = `npm run bench:deals -- [options]

Over the 100,000 accounts of the accounts benchmark (generated first when the database lacks them),
generates 200,000 contracts, 1,000,000 instalments and 1,000,000 receipts with their allocations into
PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tm_bench_deals — dropped and
created when the accounts are generated; its name must contain "bench"), starts the server on it and
measures the contract list, an account's statement, ageing and collection rates through HTTP beside
the same SQL run directly. Writes bench/results/deals-<date>.md (and -plans.md).

  --reuse            keep the deals when the database already holds them
  --samples N        measured requests of lists and statements; default 200
  --heavy-samples N  measured requests of ageing and rates; default 30
  --warmup N         unmeasured requests per scenario first; default 5
  --only A,B         only these scenario keys (a … i) or users (gm, director)
  --label TEXT       a line under the title
  --out FILE         results file; default bench/results/deals-<date>.md
  --generate-only    load the data and stop
  --help`;

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    samples: { type: 'string', default: '200' },
    'heavy-samples': { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
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
  statements: number;
  shown: string;
  mismatches: number;
  plans: Explained[];
}

/** Each sample: the service call in-process (its SQL recorded), the HTTP request, then the recorded SQL replayed raw. */
async function measure(sc: Scenario, client: Client, db: ReturnType<typeof openPostgres>['db'], actor: Actor, raw: pg.Pool, warmup: number): Promise<Result> {
  for (let i = 0; i < warmup; i++) await client.get(sc.paths[i % sc.paths.length]);
  const serverMs: number[] = [];
  const rawMs: number[] = [];
  let mismatches = 0;
  let first: { statements: Statement[]; body: unknown } | undefined;
  for (let i = 0; i < sc.samples; i++) {
    const p = sc.paths[i % sc.paths.length];
    const recorded = await capture(() => sc.service(db, actor, p));
    const http = await client.get(p);
    if (http.status !== 200) throw new Error(`${sc.key}/${sc.who} ${p}: HTTP ${http.status} ${JSON.stringify(http.body).slice(0, 300)}`);
    const t0 = performance.now();
    await replay(raw, phases(recorded.statements));
    rawMs.push(performance.now() - t0);
    serverMs.push(http.ms);
    if (sc.print(http.body) !== sc.print(JSON.parse(JSON.stringify(recorded.result)))) mismatches++;
    first ??= { statements: recorded.statements, body: http.body };
  }
  const body = first!.body as { total?: number; items?: unknown[]; rows?: unknown[]; lines?: unknown[] };
  const shown = body.total !== undefined ? `${body.items?.length ?? 0} of ${int(body.total)}` : body.rows ? `${int(body.rows.length)} rows` : body.lines ? `${body.lines.length} lines` : '';
  return { scenario: sc, server: figures(serverMs), raw: figures(rawMs), statements: first!.statements.length, shown, mismatches, plans: await explain(raw, first!.statements) };
}

async function counts(pool: pg.Pool) {
  const r = await pool.query<{ t: string; n: string }>(
    `select 'accounts' t, count(*) n from accounts union all select 'contracts', count(*) from contracts
     union all select 'contract_instalments', count(*) from contract_instalments union all select 'receipts', count(*) from receipts
     union all select 'receipt_allocations', count(*) from receipt_allocations union all select 'users', count(*) from users`,
  );
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
}

const verdict = (r: Result) => {
  const under = r.server.p95 < r.scenario.target;
  const within = r.server.p95 <= 1.5 * r.raw.p95;
  return under && within ? 'met' : [under ? '' : `p95 ≥ ${r.scenario.target} ms`, within ? '' : 'ratio > 1.5'].filter(Boolean).join(', ');
};

function markdown(results: Result[], env: Awaited<ReturnType<typeof machine>>, n: Record<string, number>, load: { step: string; rows: number; seconds: number }[], o: { label?: string; date: string; warmup: number; generated: string }) {
  const lines = [`# Deals benchmark — ${o.date}`, ''];
  if (o.label) lines.push(`**${o.label}**`, '');
  lines.push(
    machineLine(env),
    `Other work shared the machine's two cores during the run, so single figures can carry noise.`,
    '',
    `Data: ${int(n.accounts)} accounts, ${int(n.contracts)} contracts, ${int(n.contract_instalments)} instalments, ${int(n.receipts)} receipts with ${int(n.receipt_allocations)} allocations; ${int(n.users)} users. Deals generated ${o.generated}.`,
    '',
    `Each row: ${o.warmup} warm-up requests, then n measured ones with varied parameters, sequential on one keep-alive connection to \`tongmeng serve\` (a child process). ` +
      `**Server** is the HTTP round trip; **raw SQL** replays exactly the statements the same service call sent for those parameters, through \`pg\`. ` +
      'Targets (issue 14 item 11): lists and statements p95 < 50 ms, ageing and rates p95 < 500 ms, server ≤ 1.5× raw SQL p95.',
    '',
    '| # | request | signed in as | result (1st sample) | n | server p50 | p95 | p99 | raw SQL p50 | p95 | server/raw p95 | statements | target |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const r of results) {
    const sc = r.scenario;
    lines.push(
      `| ${sc.key} | ${sc.title} | ${USERS[sc.who].scope} | ${r.shown}${r.mismatches ? ` (**${r.mismatches} mismatches**)` : ''} | ${sc.samples} | ${ms(r.server.p50)} | ${ms(r.server.p95)} | ${ms(r.server.p99)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${ratio(r.server.p95, r.raw.p95)} | ${r.statements} | ${verdict(r)} (< ${sc.target}) |`,
    );
  }
  lines.push('', 'Times in milliseconds.', '', '## Plans (EXPLAIN ANALYZE of the first sample)', '');
  for (const r of results) {
    lines.push(`- **${r.scenario.key} · ${r.scenario.who}** — ${r.scenario.title}`);
    for (const p of r.plans) lines.push(`  - ${p.label}, ${p.ms.toFixed(2)} ms: ${p.summary || 'no scan (constant)'}`);
  }
  lines.push('', ...loadSection(load, load.reduce((s, x) => s + x.seconds, 0)));
  return lines.join('\n');
}

function plansMarkdown(results: Result[], date: string) {
  const lines = [`# Deals benchmark plans — ${date}`, ''];
  for (const r of results) {
    lines.push(`## ${r.scenario.key} · ${r.scenario.who} — ${r.scenario.title}`, '', `\`${r.scenario.paths[0]}\``, '');
    for (const p of r.plans) lines.push(`### ${p.label}`, '', '```sql', p.sql, `-- parameters: ${JSON.stringify(p.params).slice(0, 2000)}`, '```', '', '```', p.text, '```', '');
  }
  return lines.join('\n');
}

async function main() {
  if (opts.help) return void console.log(USAGE);
  const samples = { list: positive('samples', opts.samples), heavy: positive('heavy-samples', opts['heavy-samples']) };
  const warmup = Number(opts.warmup);
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tm_bench_deals';
  const tz = process.env.BUSINESS_TZ || 'Asia/Shanghai';
  const started = Date.now();

  const data = await datasetInfo(url);
  let load: { step: string; rows: number; seconds: number }[] = [];
  if (!data || data.accounts !== 100_000) {
    console.log('Generating the 100,000 accounts of the accounts benchmark…');
    load.push(...(await generate(url, { accounts: 100_000, contacts: 500_000, history: 1_000_000 }, tz, console.log)).steps);
  } else load.push(...data.steps.map((s) => ({ ...s, step: `(reused) ${s.step}` })));
  let deals = opts.reuse || data ? await dealsInfo(url) : undefined;
  if (!opts.reuse || !deals || deals.counts.contracts !== DEAL_SIZE.contracts) {
    console.log(`Generating ${int(DEAL_SIZE.contracts)} contracts, about ${int(DEAL_SIZE.instalments)} instalments and ${int(DEAL_SIZE.receipts)} receipts…`);
    const r = await generateDeals(url, tz, console.log);
    load.push(...r.steps);
    deals = (await dealsInfo(url))!;
  } else {
    console.log(`Reusing the deals generated ${deals.generatedAt}.`);
    load = [...load, ...deals.steps.map((s) => ({ ...s, step: `(reused) ${s.step}` }))];
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
      actors[who] = (await loadActorForUser(database.db, Number(u.rows[0].id)))!;
    }
    const fixtures = await loadFixtures(raw, businessDate(new Date(), tz), samples.list);
    const only = opts.only?.toLowerCase().split(',');
    const chosen = scenarios(fixtures, samples).filter((s) => !only || only.some((x) => s.key === x || s.who === x));
    const results: Result[] = [];
    for (const sc of chosen) {
      const r = await measure(sc, clients[sc.who]!, database.db, actors[sc.who]!, raw, warmup);
      results.push(r);
      console.log(`${sc.key} ${sc.who.padEnd(8)} ${sc.title.padEnd(62)} server p50 ${ms(r.server.p50).padStart(6)} p95 ${ms(r.server.p95).padStart(6)} | raw p50 ${ms(r.raw.p50).padStart(6)} p95 ${ms(r.raw.p95).padStart(6)} | ${ratio(r.server.p95, r.raw.p95)} | ${r.shown} | ${verdict(r)}`);
    }
    const date = today();
    const out = writeResult('deals', date, markdown(results, await machine(raw), await counts(raw), load, { label: opts.label, date, warmup, generated: deals.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC' }), opts.out);
    writeFileSync(out.replace(/\.md$/, '-plans.md'), plansMarkdown(results, date));
    console.log(`Wrote ${path.relative(process.cwd(), out)} and its -plans.md; the run took ${((Date.now() - started) / 60000).toFixed(1)} min`);
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
