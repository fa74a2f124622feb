/**
 * Measures an import of many account rows (ACC-6) end to end through the same service the server
 * and the CLI use: dry run (parse, validate, duplicates, report) and commit (one transaction),
 * then the export of all of them to XLSX, and the same file imported again (every row a duplicate by
 * credit code, updated), then as many receipts (回款单, issue 14 item 9) over those accounts — named by
 * credit code, half of them confirmed — with the time of each, rows per second of each commit and the
 * process's peak memory.
 * Not part of `npm test`. Run it with a capped heap (node --max-old-space-size=256 --import tsx
 * bench/import-100k.ts) to show that no phase holds the rows in memory.
 *
 *   npx tsx bench/import-100k.ts [--rows 100000] [--format xlsx|csv] [--db pglite|postgres]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a
 * server; the bench creates and drops its own database `tm_bench_import` there. PGlite runs on a
 * temporary data directory, as `npm start` does on ./data.
 */
import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPglite, openPostgres, type Database } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrator';
import { bootstrap } from '../src/server/features/org/bootstrap';
import { loadActorForUser } from '../src/server/platform/auth/actor-loader';
import { createImport, requestCommit, runCommit, runValidation, getImport } from '../src/server/features/transfer/transfer.service';
import { accountExport } from '../src/server/features/transfer/transfer.export';
import { sheetWriter } from '../src/server/features/transfer/transfer.files';
import { accountExportQuery } from '../src/shared/contracts/transfer';
import { creditCodeCheckChar } from '../src/shared/domain/credit-code';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, format: { type: 'string', default: 'xlsx' }, db: { type: 'string', default: 'pglite' } },
});
const ROWS = Number(args.rows);
const FORMAT = args.format === 'csv' ? 'csv' : 'xlsx';
const TZ = 'Asia/Shanghai';

const CITIES = [['江苏', '南京'], ['江苏', '苏州'], ['浙江', '杭州'], ['上海', '上海'], ['广东', '深圳'], ['北京', '北京'], ['四川', '成都'], ['湖北', '武汉']];
const INDUSTRIES = ['银行', '邮政', '酒店', '制造', '保险', '政府', '能源', '物流', '医疗', '教育'];
const NATURES = ['国企', '合资', '民营', '股份', '外资', '事业单位', '政府机关'];
const WORDS = ['华', '信', '达', '泰', '瑞', '恒', '通', '远', '安', '盛', '兴', '和', '鑫', '宏', '嘉', '德', '丰', '润', '福', '祥'];

function creditCode(n: number) {
  const first17 = `9132${String(n).padStart(13, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** A plausible, unique company name: city, two words from a serial, industry, legal form. */
function companyName(i: number, city: string, industry: string) {
  const a = WORDS[i % WORDS.length];
  const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length];
  return `${city}${a}${b}${industry}${i}号有限公司`;
}

/** Receipts from finance over the imported accounts: every account one, by its credit code, with a unique bank reference. */
async function generateReceipts(file: string) {
  const out = createWriteStream(file);
  const headers = ['客户', '到账日期', '金额（元）', '方式', '银行流水号', '付款方', '备注', '确认'];
  const w = sheetWriter(FORMAT, out, { sheetName: '回款单', columns: headers.map((header) => ({ header, kind: header.includes('（元）') ? 'money' : 'text' })), timeZone: TZ });
  for (let i = 1; i <= ROWS; i++) {
    const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    await w.row([creditCode(i), day, ((i % 9973) * 100 + 1234) / 100, i % 7 === 0 ? '承兑汇票' : '银行转账', `BANK-${String(i).padStart(9, '0')}`, `付款单位${i}`, i % 5 === 0 ? '尾款' : '', i % 2 === 0 ? '是' : '否']);
  }
  await w.end();
  await new Promise<void>((resolve) => out.on('close', () => resolve()));
}

async function generate(file: string) {
  const out = createWriteStream(file);
  const headers = ['客户名称', '简称', '统一社会信用代码', '企业性质', '行业', '省份', '城市', '注册资本（元）', '年销售额（元）', '员工人数', '电话', '地址', '电子邮箱', '信用状况', '付款态度'];
  const w = sheetWriter(FORMAT, out, { sheetName: '客户档案', columns: headers.map((header) => ({ header, kind: header.includes('（元）') ? 'money' : 'text' })), timeZone: TZ });
  for (let i = 1; i <= ROWS; i++) {
    const [province, city] = CITIES[i % CITIES.length];
    const industry = INDUSTRIES[i % INDUSTRIES.length];
    await w.row([
      companyName(i, city, industry),
      `${city}${WORDS[i % WORDS.length]}${industry}${i}`,
      creditCode(i),
      NATURES[i % NATURES.length],
      industry,
      province,
      city,
      (i % 5000) * 10000 + 0.5,
      ((i % 997) * 123456) / 100,
      (i % 3000) + 10,
      `025-${String(80000000 + i)}`,
      `${city}市某区某路${i}号`,
      `contact${i}@example.cn`,
      ['好', '一般', '差'][i % 3],
      ['爽快', '一般', '迟缓'][i % 3],
    ]);
  }
  await w.end();
  await new Promise<void>((resolve) => out.on('close', () => resolve()));
}

/** Samples the process's memory while a phase runs and reports the peaks. */
async function measured<T>(label: string, fn: () => Promise<T>) {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - started) / 1000, rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heap / 2 ** 20), label };
  } finally {
    clearInterval(timer);
    sample();
  }
}

async function openBenchDb(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (args.db === 'postgres') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = openPostgres(server, 2);
    await sql.raw('drop database if exists tm_bench_import with (force)').execute(admin.db);
    await sql.raw('create database tm_bench_import').execute(admin.db);
    const u = new URL(server);
    u.pathname = '/tm_bench_import';
    const database = openPostgres(u.toString(), 4);
    return {
      database,
      async cleanup() {
        await database.close();
        await sql.raw('drop database if exists tm_bench_import with (force)').execute(admin.db);
        await admin.close();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tm-bench-'));
  const database = await openPglite(dir);
  return {
    database,
    async cleanup() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const tmp = path.resolve(import.meta.dirname, '../.tmp');
  await mkdir(tmp, { recursive: true });
  const file = path.join(tmp, `bench-accounts-${ROWS}.${FORMAT}`);
  const gen = await measured('generate', () => generate(file));
  const size = (await stat(file)).size;
  console.error(`file: ${file} (${ROWS.toLocaleString('en-US')} rows, ${(size / 2 ** 20).toFixed(1)} MB) generated in ${gen.seconds.toFixed(1)} s`);

  const { database, cleanup } = await openBenchDb();
  try {
    await migrate(database);
    await bootstrap(database.db, 'Bench@2026-pass');
    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = (await loadActorForUser(database.db, admin.id))!;
    const content = await readFile(file);
    const id = await createImport(database.db, actor, 'accounts', { onDuplicate: 'skip', nameThreshold: 0.5 }, { fileName: path.basename(file), content });
    let lastPrint = 0;
    const progress = (p: { phase: string; progress: number; rows: number }) => {
      if (Date.now() - lastPrint > 2000) {
        lastPrint = Date.now();
        console.error(`  ${p.phase} ${p.progress}% (${p.rows.toLocaleString('en-US')} rows)`);
      }
    };
    const dry = await measured('dry run', () => runValidation(database.db, id, 1, progress));
    const afterDry = await getImport(database.db, actor, id);
    console.error(`dry run: ${dry.result} — ${afterDry.ok_rows} ok, ${afterDry.error_rows} errors, ${afterDry.duplicate_rows} duplicates`);
    if (dry.result !== 'validated') throw new Error(`dry run ended ${dry.result}: ${JSON.stringify(afterDry.error)}`);
    if (afterDry.error_rows) {
      const bad = await database.db.selectFrom('import_rows').select(['row_no', 'errors']).where('import_id', '=', id).where('status', '=', 'error').limit(5).execute();
      throw new Error(`the generated file has bad rows: ${JSON.stringify(bad)}`);
    }
    await requestCommit(database.db, actor, id, { version: afterDry.version, skipErrorRows: false });
    const committed = await measured('commit', () => runCommit(database.db, id, afterDry.version + 1, TZ, progress));
    const count = await database.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'account' and diff->'_'->>'importId' = ${String(id)}`.execute(database.db);
    console.error(`commit: ${JSON.stringify(committed.result)}; accounts in the database: ${Number(count.n).toLocaleString('en-US')}; audit records naming the import: ${audits.rows[0].n.toLocaleString('en-US')}`);
    const exportFile = path.join(tmp, `bench-export-${ROWS}.xlsx`);
    const exported = await measured('export', async () => {
      const plan = await accountExport(database.db, actor, accountExportQuery.parse({ format: 'xlsx' }), TZ);
      const out = createWriteStream(exportFile);
      const w = sheetWriter('xlsx', out, { sheetName: plan.sheetName, columns: plan.columns, timeZone: TZ });
      let n = 0;
      for await (const cells of plan.rows) {
        await w.row(cells);
        n++;
      }
      await w.end();
      await new Promise<void>((resolve) => out.on('close', () => resolve()));
      return n;
    });
    console.error(`export: ${exported.result.toLocaleString('en-US')} rows, ${((await stat(exportFile)).size / 2 ** 20).toFixed(1)} MB`);
    // The same file again: every row a duplicate of the account it created, action update.
    const againId = await createImport(database.db, actor, 'accounts', { onDuplicate: 'update', nameThreshold: 0.5 }, { fileName: path.basename(file), content });
    const againDry = await measured('dry run again', () => runValidation(database.db, againId, 1, progress));
    const again = await getImport(database.db, actor, againId);
    console.error(`again: ${again.duplicate_rows} duplicates, ${again.ok_rows} new, ${again.error_rows} errors`);
    await requestCommit(database.db, actor, againId, { version: again.version, skipErrorRows: false });
    const againCommit = await measured('commit again', () => runCommit(database.db, againId, again.version + 1, TZ, progress));
    console.error(`commit again: ${JSON.stringify(againCommit.result)}`);
    // Receipts over those accounts (finance's import; the admin holds receipt:confirm).
    const receiptFile = path.join(tmp, `bench-receipts-${ROWS}.${FORMAT}`);
    await generateReceipts(receiptFile);
    const receiptsId = await createImport(database.db, actor, 'receipts', { onDuplicate: 'skip', nameThreshold: 0.5 }, { fileName: path.basename(receiptFile), content: await readFile(receiptFile) });
    const receiptsDry = await measured('receipts dry run', () => runValidation(database.db, receiptsId, 1, progress));
    const receipts = await getImport(database.db, actor, receiptsId);
    console.error(`receipts: ${receipts.ok_rows} ok, ${receipts.error_rows} errors, ${receipts.duplicate_rows} duplicates`);
    if (receipts.error_rows || receiptsDry.result !== 'validated') throw new Error(`the receipts file did not validate: ${JSON.stringify(receipts.error)}`);
    await requestCommit(database.db, actor, receiptsId, { version: receipts.version, skipErrorRows: false });
    const receiptsCommit = await measured('receipts commit', () => runCommit(database.db, receiptsId, receipts.version + 1, TZ, progress));
    console.error(`receipts commit: ${JSON.stringify(receiptsCommit.result)}`);
    const perSecond = (seconds: number) => `${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s`;
    const table = [
      ['database', database.kind],
      ['rows', ROWS.toLocaleString('en-US')],
      ['file', `${FORMAT}, ${(size / 2 ** 20).toFixed(1)} MB`],
      ['dry run', `${dry.seconds.toFixed(1)} s (peak RSS ${dry.rssMb} MB, heap ${dry.heapMb} MB)`],
      ['commit', `${committed.seconds.toFixed(1)} s = ${perSecond(committed.seconds)} (peak RSS ${committed.rssMb} MB, heap ${committed.heapMb} MB)`],
      ['export to XLSX', `${exported.seconds.toFixed(1)} s (peak RSS ${exported.rssMb} MB, heap ${exported.heapMb} MB)`],
      ['same file again: dry run (all duplicates by credit code)', `${againDry.seconds.toFixed(1)} s (peak RSS ${againDry.rssMb} MB, heap ${againDry.heapMb} MB)`],
      ['same file again: commit with update (nothing changes)', `${againCommit.seconds.toFixed(1)} s (peak RSS ${againCommit.rssMb} MB, heap ${againCommit.heapMb} MB)`],
      ['receipts: dry run (accounts by credit code, bank references)', `${receiptsDry.seconds.toFixed(1)} s (peak RSS ${receiptsDry.rssMb} MB, heap ${receiptsDry.heapMb} MB)`],
      ['receipts: commit', `${receiptsCommit.seconds.toFixed(1)} s = ${perSecond(receiptsCommit.seconds)} (peak RSS ${receiptsCommit.rssMb} MB, heap ${receiptsCommit.heapMb} MB)`],
    ];
    for (const [k, v] of table) console.log(`| ${k} | ${v} |`);
  } finally {
    await cleanup();
  }
}

await main();
