import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadSection, machine, machineLine, today, writeResult } from '../common/environment';
import { Client, startServer } from '../common/server';
import { figures, int, ms, positive, type Figures } from '../common/stats';
import { BENCH_DEMO_PASSWORD, generate, type LoadReport } from './generate';
import { REQUESTS, USERS, type PipelineRequest, type Who } from './requests';

const DEFAULT_PROJECTS = 20000;
const USAGE = `npm run bench:pipeline -- [options]

Creates the PostgreSQL database BENCH_PIPELINE_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/tm_bench_pipeline — dropped and created; its name must
contain "bench"), migrates it, loads the demo department and generates development projects
on its 60 accounts (about three stage-history rows each), starts \`tongmeng serve\` on it and
times the board, forecast, conversion, ageing, win/loss and project list through HTTP as the
KA director (zhangmingyuan) and an account manager (chensiyuan). Writes
bench/results/pipeline-<date>.md (pipeline-<projects>-<date>.md at another size).

  --projects N   development projects to generate; default ${DEFAULT_PROJECTS}
  --samples N    measured requests per request and user; default 11
  --warmup N     unmeasured requests first; default 0 (the first measured one is cold)
  --out FILE     results file instead of the default
  --help`;

const { values: opts } = parseArgs({
  options: {
    projects: { type: 'string', default: String(DEFAULT_PROJECTS) },
    samples: { type: 'string', default: '11' },
    warmup: { type: 'string', default: '0' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

interface Result {
  request: PipelineRequest;
  who: Who;
  figures: Figures;
  min: number;
  shown: string;
}

async function measure(request: PipelineRequest, who: Who, client: Client, samples: number, warmup: number): Promise<Result> {
  for (let i = 0; i < warmup; i++) await client.get(request.path);
  const times: number[] = [];
  let shown = '';
  for (let i = 0; i < samples; i++) {
    const r = await client.get(request.path);
    times.push(r.ms);
    if (i === 0) shown = request.shown(r.body);
  }
  return { request, who, figures: figures(times), min: Math.min(...times), shown };
}

async function counts(pool: pg.Pool) {
  const r = await pool.query<{ t: string; n: string }>(
    `select 'projects' t, count(*) n from opportunities union all select 'open', count(*) from opportunities where status = 'open'
     union all select 'history', count(*) from opportunity_stage_history union all select 'accounts', count(*) from accounts
     union all select 'participants', count(*) from opportunity_participants union all select 'competitors', count(*) from opportunity_competitors
     union all select 'plans', count(*) from opportunity_plans union all select 'users', count(*) from users`,
  );
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)])) as Record<'projects' | 'open' | 'history' | 'accounts' | 'participants' | 'competitors' | 'plans' | 'users', number>;
}

function markdown(results: Result[], env: Awaited<ReturnType<typeof machine>>, n: Awaited<ReturnType<typeof counts>>, load: LoadReport, o: { samples: number; warmup: number; date: string }) {
  const of = (key: string, who: Who) => results.find((r) => r.request.key === key && r.who === who)!;
  const cell = (key: string, who: Who) => `${ms(of(key, who).figures.p50)} / ${ms(of(key, who).figures.max)}`;
  const lines = [
    `# Pipeline benchmark — ${o.date}`,
    '',
    machineLine(env),
    `Other work shared the machine's two cores during the run, so single figures can carry noise.`,
    '',
    `Data: the demo department (\`loadDemoData\`) plus generated development projects — ${int(n.projects)} projects (${int(n.open)} open) on ${int(n.accounts)} accounts, ` +
      `${int(n.history)} stage-history rows, ${int(n.participants)} participants, ${int(n.competitors)} competitor entries, ${int(n.plans)} plans, ${int(n.users)} users; ` +
      `database ${(env.bytes / 2 ** 20).toFixed(0)} MiB, loaded in ${load.seconds.toFixed(0)} s.`,
    '',
    `Each request ${o.samples} times${o.warmup ? ` after ${o.warmup} unmeasured` : ' (the first one cold, straight after the server started)'}, one after another on one keep-alive ` +
      'connection to `tongmeng serve` (a child process; jobs off), signed in as zhangmingyuan (KA director, unit subtree) and chensiyuan (account manager, team). ' +
      'Times are the HTTP round trip in milliseconds: the auth hook, validation, the service\'s SQL and serialisation.',
    '',
    '| request | KA director (unit subtree) p50 / max ms | account manager (team) p50 / max ms |',
    '| --- | --- | --- |',
  ];
  for (const key of ['board', 'forecast', 'conversion', 'ageing', 'win-loss']) {
    lines.push(`| ${of(key, 'director').request.title} | ${cell(key, 'director')} | ${cell(key, 'manager')} |`);
  }
  lines.push(`| project list, 50 by value / stalled only | ${cell('list', 'director')} · ${cell('stalled', 'director')} | ${cell('list', 'manager')} · ${cell('stalled', 'manager')} |`, '');
  lines.push('## Every request', '', '| request | signed in as | result (1st response) | n | min | p50 | p95 | max |', '|---|---|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    lines.push(`| \`${r.request.path}\` | ${USERS[r.who].username} | ${r.shown} | ${o.samples} | ${ms(r.min)} | ${ms(r.figures.p50)} | ${ms(r.figures.p95)} | ${ms(r.figures.max)} |`);
  }
  lines.push('', ...loadSection(load.steps, load.seconds));
  return lines.join('\n');
}

async function main() {
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const projects = positive('projects', opts.projects);
  const samples = positive('samples', opts.samples);
  const warmup = Number(opts.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error('--warmup must be a whole number');
  const url = process.env.BENCH_PIPELINE_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tm_bench_pipeline';
  const tz = process.env.BUSINESS_TZ || 'Asia/Shanghai';

  console.log(`Generating the demo department and ${int(projects)} development projects…`);
  const load = await generate(url, projects, tz, console.log);

  const server = await startServer(url, console.log);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const clients: Client[] = [];
  try {
    const results: Result[] = [];
    for (const who of Object.keys(USERS) as Who[]) {
      const client = new Client(server.port);
      clients.push(client);
      await client.login(USERS[who].username, BENCH_DEMO_PASSWORD);
      for (const request of REQUESTS) {
        const r = await measure(request, who, client, samples, warmup);
        results.push(r);
        console.log(`${USERS[who].username.padEnd(14)} ${request.path.padEnd(58)} p50 ${ms(r.figures.p50).padStart(6)} max ${ms(r.figures.max).padStart(6)} | ${r.shown}`);
      }
    }
    const env = await machine(pool);
    const n = await counts(pool);
    const date = today();
    const text = markdown(results, env, n, load, { samples, warmup, date });
    const out = writeResult(projects === DEFAULT_PROJECTS ? 'pipeline' : `pipeline-${projects}`, date, text, opts.out);
    console.log(`\n${text.split('\n## Every request')[0].split('\n').filter((l) => l.startsWith('|')).join('\n')}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    for (const c of clients) c.close();
    await pool.end();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
