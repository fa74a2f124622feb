import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Database } from '../server/db/client';
import type { Config } from '../server/config';
import { authRepo } from '../server/platform/auth/auth.repo';
import { loadActorForUser } from '../server/platform/auth/actor-loader';
import { accountExport, contactExport } from '../server/features/transfer/transfer.export';
import { sheetWriter } from '../server/features/transfer/transfer.files';
import { createImport, getImport, importRows, requestCommit, runCommit, runValidation } from '../server/features/transfer/transfer.service';
import { accountExportQuery, contactExportQuery, importOptions, IMPORT_KINDS, type ImportKind, type ImportMatch } from '../shared/contracts/transfer';
import { validationError, issue } from '../shared/errors';
import { CliError } from './cli-error';
import { ProgressLine } from './progress';

/**
 * `tongmeng import` and `tongmeng export` (PLAT-4): the same service as the web page, run
 * in-process for a named user — their permissions and data scope, their name in the audit trail.
 * Progress goes to stderr, the report to stdout.
 */

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en-US');
/** Rows of a kind listed in full; the rest are counted. */
const LISTED = 50;

async function actorNamed(database: Database, username: string) {
  const user = await authRepo.findUserForLogin(database.db, username);
  const actor = user && (await loadActorForUser(database.db, user.id));
  if (!actor) throw new CliError(`No active user "${username}"`);
  return actor;
}

const describeMatch = (m: ImportMatch) =>
  `${m.source === 'db' ? `${m.by === 'contact' ? 'contact' : 'account'}${m.id ? ` #${m.id}` : ''}` : `row ${m.row}`} ${m.name}` +
  ` (${m.by === 'name' ? `similar name${m.similarity !== null ? ` ${m.similarity}` : ''}` : m.by === 'creditCode' ? 'same credit code' : m.by === 'contact' ? 'same person' : 'same account and year'})`;

export interface ImportOptionsCli {
  kind: string;
  as: string;
  onDuplicate?: string;
  similarity?: string;
  dryRun?: boolean;
  skipErrors?: boolean;
}

export async function runImport(database: Database, config: Config, file: string, opts: ImportOptionsCli): Promise<void> {
  if (!(IMPORT_KINDS as readonly string[]).includes(opts.kind)) throw new CliError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  const parsed = importOptions.safeParse({ onDuplicate: opts.onDuplicate, nameThreshold: opts.similarity });
  if (!parsed.success) throw validationError(parsed.error.issues.map((i) => issue(i.path.join('.'), `validation.${i.code}`, i.message)));
  const content = await readFile(file).catch(() => {
    throw new CliError(`No such file: ${file}`);
  });
  const actor = await actorNamed(database, opts.as);
  const db = database.db;
  const id = await createImport(db, actor, opts.kind as ImportKind, parsed.data, { fileName: path.basename(file), content });
  const progress = new ProgressLine();
  const status = await runValidation(db, id, 1, (p) => progress.bar('dry run', p.progress, p.rows));
  let imp = await getImport(db, actor, id);
  if (status === 'validated') progress.bar('dry run', 100, imp.total_rows);
  progress.done();
  if (status !== 'validated') throw new CliError(`The file could not be checked (import #${id}): ${(imp.error as { message?: string } | null)?.message ?? status}`);
  out(`Import #${id}, ${opts.kind} from ${file}: ${fmt(imp.total_rows)} rows — ${fmt(imp.ok_rows)} new, ${fmt(imp.duplicate_rows)} duplicates (${parsed.data.onDuplicate}), ${fmt(imp.error_rows)} with errors.`);

  for (const status of ['error', 'duplicate'] as const) {
    const count = status === 'error' ? imp.error_rows : imp.duplicate_rows;
    if (!count) continue;
    out(status === 'error' ? 'Rows with errors:' : 'Duplicates:');
    const page = await importRows(db, actor, id, { status, page: 1, pageSize: LISTED });
    for (const r of page.items) {
      if (status === 'error') {
        for (const e of r.errors as { column: string | null; field: string; message: string; value: string | null }[]) {
          out(`  row ${r.row_no}  ${e.column ?? e.field}: ${e.message}${e.value !== null ? ` (${e.value})` : ''}`);
        }
      } else out(`  row ${r.row_no}  duplicate of ${describeMatch(r.match as ImportMatch)} → ${r.action ?? parsed.data.onDuplicate}`);
    }
    if (count > LISTED) out(`  … and ${fmt(count - LISTED)} more`);
  }

  if (opts.dryRun) {
    out('Dry run only: nothing was imported.');
    return;
  }
  if (imp.error_rows && !opts.skipErrors) {
    throw new CliError(`${fmt(imp.error_rows)} rows have errors; fix them, or run with --skip-errors to import only the good rows. Nothing was imported.`);
  }
  await requestCommit(db, actor, id, { version: imp.version, skipErrorRows: Boolean(opts.skipErrors) });
  const committed = await runCommit(db, id, imp.version + 1, config.BUSINESS_TZ, (p) => progress.bar(p.phase === 'classifying' ? 'classifying' : 'commit', p.progress, p.rows));
  imp = await getImport(db, actor, id);
  if (committed?.status === 'committed') progress.bar('commit', 100, imp.ok_rows + imp.duplicate_rows);
  progress.done();
  if (committed?.status !== 'committed' || !committed.result) {
    throw new CliError(`The import failed and nothing was saved (import #${id}): ${(imp.error as { message?: string } | null)?.message ?? 'unknown'}`);
  }
  const r = committed.result;
  out(`Imported: ${fmt(r.created)} created, ${fmt(r.updated)} updated, ${fmt(r.skipped)} duplicates unchanged${r.excluded ? `, ${fmt(r.excluded)} rows with errors left out` : ''}.`);
}

export interface ExportOptionsCli {
  as: string;
  q?: string;
  filter?: string[];
  lang?: string;
}

export async function runExport(database: Database, config: Config, kind: string, file: string, opts: ExportOptionsCli): Promise<void> {
  if (kind !== 'accounts' && kind !== 'contacts') throw new CliError('Export accounts or contacts');
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new CliError('The file must end in .xlsx or .csv');
  const query: Record<string, unknown> = { format: ext.slice(1), lang: opts.lang ?? 'zh-CN', q: opts.q };
  for (const f of opts.filter ?? []) {
    const [key, ...rest] = f.split('=');
    if (!key || !rest.length) throw new CliError(`--filter takes key=value, e.g. tier=large (got "${f}")`);
    query[key] = rest.join('=');
  }
  const schema = kind === 'accounts' ? accountExportQuery.strict() : contactExportQuery.strict();
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error.issues.map((i) => issue(i.path.join('.') || (i.code === 'unrecognized_keys' ? 'filter' : ''), `validation.${i.code}`, i.message)));
  const actor = await actorNamed(database, opts.as);
  const plan =
    kind === 'accounts'
      ? await accountExport(database.db, actor, parsed.data as ReturnType<typeof accountExportQuery.parse>, config.BUSINESS_TZ)
      : await contactExport(database.db, actor, parsed.data as ReturnType<typeof contactExportQuery.parse>, config.BUSINESS_TZ);
  // Written aside and renamed at the end, so a failed run never leaves a half file under the real name.
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial);
  const writer = sheetWriter(ext === '.xlsx' ? 'xlsx' : 'csv', stream, { sheetName: plan.sheetName, columns: plan.columns, timeZone: config.BUSINESS_TZ });
  const progress = new ProgressLine();
  let rows = 0;
  try {
    for await (const cells of plan.rows) {
      await writer.row(cells);
      rows++;
      if (rows % 1000 === 0) progress.bar('export', null, rows);
    }
    await plan.finish(rows, true);
    await writer.end();
    await finished(stream);
    progress.done();
    await rename(partial, file);
  } catch (e) {
    progress.done();
    stream.destroy();
    await rm(partial, { force: true });
    throw e;
  }
  out(`Exported ${fmt(rows)} ${kind} to ${file}.`);
}
