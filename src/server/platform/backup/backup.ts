import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../../db/client';
import { afterRestoreStatements, migrate, readMigrations } from '../../db/migrator';
import { backupRepo } from './backup.repo';

/**
 * A portable logical dump (PLAT-5), gzip'd JSON lines:
 *   {"format":"tongmeng-backup","version":1,"createdAt":…,"migrations":[…],"tables":[{name,rows}]}
 *   {"table":"org_units","columns":[…],"rows":n}   then one line per batch: a JSON array of rows
 *   …
 *   {"end":true,"rows":total}
 * Rows are PostgreSQL's own to_jsonb text, so the same file restores into PGlite or PostgreSQL.
 */
export const BACKUP_FORMAT = 'tongmeng-backup';
export const BACKUP_VERSION = 1;

const BATCH_ROWS = 1000;
// Rows with file contents can be megabytes each; smaller batches keep lines bounded.
const BATCH_ROWS_BINARY = 20;

/**
 * Tables that every start fills on its own (built-in roles, job schedules): rows there do not
 * make a database "in use" for the restore guard.
 */
const SEEDED_TABLES = new Set(['roles', 'role_permissions', 'job_schedules']);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export interface BackupProgress {
  phase: 'backup' | 'restore';
  tablesDone: number;
  tablesTotal: number;
  rowsDone: number;
  rowsTotal: number;
  table?: string;
}

export class BackupError extends Error {}

export interface BackupOptions {
  onProgress?: (p: BackupProgress) => void;
}

/** Writes the whole database to `file` from one consistent snapshot. */
export async function writeBackup(database: Database, file: string, opts: BackupOptions = {}): Promise<BackupHeader> {
  const out = createWriteStream(file);
  // Fail on an unwritable path before reading the whole database.
  await once(out, 'open');
  const gzip = createGzip();
  gzip.pipe(out);
  // A write error (disk full) must stop the dump at the next line, not hang it on a drain that never comes.
  let failure: Error | undefined;
  out.on('error', (e) => {
    failure ??= e;
    gzip.destroy(e);
  });
  gzip.on('error', (e) => (failure ??= e));
  const write = async (line: string) => {
    if (failure) throw failure;
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const header = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = await backupRepo.listTables(trx);
        const counts: { name: string; rows: number }[] = [];
        for (const name of tables) counts.push({ name, rows: await backupRepo.countRows(trx, name) });
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          migrations: await backupRepo.appliedMigrations(trx),
          tables: counts,
        };
        await write(JSON.stringify(header));
        const progress: BackupProgress = { phase: 'backup', tablesDone: 0, tablesTotal: tables.length, rowsDone: 0, rowsTotal: counts.reduce((s, t) => s + t.rows, 0) };
        opts.onProgress?.(progress);
        for (const { name, rows } of counts) {
          const columns = await backupRepo.columns(trx, name);
          const key = await backupRepo.primaryKey(trx, name);
          const batch = columns.some((c) => c.type === 'bytea') ? BATCH_ROWS_BINARY : BATCH_ROWS;
          await write(JSON.stringify({ table: name, columns: columns.map((c) => c.name), rows }));
          let after: string | null = null;
          let offset = 0;
          for (;;) {
            const page: string[] = key.length ? await backupRepo.rowsAfter(trx, name, key, after, batch) : await backupRepo.rowsAtOffset(trx, name, offset, batch);
            if (!page.length) break;
            await write(`[${page.join(',')}]`);
            after = page[page.length - 1]!;
            offset += page.length;
            progress.rowsDone += page.length;
            opts.onProgress?.({ ...progress, table: name });
            if (page.length < batch) break;
          }
          progress.tablesDone += 1;
          opts.onProgress?.({ ...progress, table: name });
        }
        await write(JSON.stringify({ end: true, rows: progress.rowsDone }));
        return header;
      });
    gzip.end();
    await finished(out);
    return header;
  } catch (err) {
    gzip.destroy();
    out.destroy();
    throw err;
  }
}

/** An error's message on one line (a database error carries its detail on further lines). */
const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

/** Why a file cannot be read, in one line: a missing file, a directory, no permission, not gzip. */
function unreadable(file: string, err: unknown): BackupError {
  const code = (err as { code?: string })?.code;
  const reason =
    code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'it is a directory'
    : code === 'EACCES' ? 'permission denied'
    : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? `it is not a gzip file or is damaged (${err instanceof Error ? err.message : String(err)})`
    : err instanceof Error ? err.message : String(err);
  return new BackupError(`Cannot read the backup file ${file}: ${reason}`);
}

async function* readLines(file: string): AsyncGenerator<string> {
  // the file's own errors (missing, a directory) do not travel down a pipe: hand them to gunzip
  const source = createReadStream(file);
  const input = createGunzip();
  source.on('error', (err) => input.destroy(err));
  source.pipe(input);
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line.length) yield line;
  } catch (err) {
    throw unreadable(file, err);
  } finally {
    rl.close();
    input.destroy();
    source.destroy();
  }
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    header = undefined;
  }
  if (!header || header.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Tongmeng backup file (its first line is not a backup header)`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`${file}: unsupported backup version ${String(header.version)} (this program reads version ${BACKUP_VERSION})`);
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw new BackupError(`${file}: the backup header is incomplete`);
  return header as BackupHeader;
}

/** Reads only the header line, e.g. to show what a file holds. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value, file);
  } finally {
    await lines.return(undefined);
  }
}

/** Tables that hold rows a restore would destroy (the start-up seeds do not count). */
export async function tablesWithData(database: Database): Promise<string[]> {
  const tables = await backupRepo.listTables(database.db);
  const used: string[] = [];
  for (const t of tables) if (!SEEDED_TABLES.has(t) && (await backupRepo.hasRows(database.db, t))) used.push(t);
  return used;
}

export interface RestoreOptions extends BackupOptions {
  /** replace the data of a database that is in use */
  force?: boolean;
  log?: (line: string) => void;
}

/**
 * Restores `file` into `database`: refuses a database in use unless forced, migrates it,
 * then replaces every table's rows in one transaction, so a failure leaves it as it was.
 */
export async function restoreBackup(database: Database, file: string, opts: RestoreOptions = {}): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  const migrations = await readMigrations();
  const known = new Set(migrations.map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new BackupError(`The backup was made by a newer version (unknown migrations: ${unknown.join(', ')}); upgrade Tongmeng first`);
  if (!opts.force) {
    const used = await tablesWithData(database);
    if (used.length) throw new BackupError(`The target database already holds data (${used.slice(0, 5).join(', ')}${used.length > 5 ? ', …' : ''}); use --force to replace it`);
  }
  await migrate(database);
  const laterFiles = migrations.filter((m) => !header.migrations.includes(m.name));
  const later = laterFiles.map((m) => m.name);
  if (later.length) opts.log?.(`Note: the backup predates migrations ${later.join(', ')}; their new columns take their defaults and their data fixes run after the load.`);

  const rowsTotal = header.tables.reduce((s, t) => s + t.rows, 0);
  const progress: BackupProgress = { phase: 'restore', tablesDone: 0, tablesTotal: header.tables.length, rowsDone: 0, rowsTotal };
  await database.db.transaction().execute(async (trx) => {
    const targetTables = await backupRepo.listTables(trx);
    const missing = header.tables.map((t) => t.name).filter((t) => !targetTables.includes(t));
    if (missing.length) throw new BackupError(`The target database has no table(s) ${missing.join(', ')}`);
    await backupRepo.truncate(trx, targetTables);
    await backupRepo.deferConstraints(trx);
    opts.onProgress?.(progress);

    let table: string | undefined;
    let columns: string[] = [];
    let expected = 0;
    let seen = 0;
    let ended = false;
    const finishTable = () => {
      if (table === undefined) return;
      if (seen !== expected) throw new BackupError(`${file}: table ${table} should have ${expected} rows, the file has ${seen}; nothing was restored`);
      progress.tablesDone += 1;
      opts.onProgress?.({ ...progress, table });
    };
    let lineNo = 0;
    for await (const line of readLines(file)) {
      lineNo++;
      if (lineNo === 1) continue;
      if (ended) throw new BackupError(`${file}, line ${lineNo}: data after the end of the backup`);
      if (line.startsWith('[')) {
        if (table === undefined) throw new BackupError(`${file}, line ${lineNo}: rows before any table`);
        try {
          await backupRepo.insertRows(trx, table, columns, line);
        } catch (err) {
          throw new BackupError(`${file}, line ${lineNo}: the rows of table ${table} cannot be restored (${oneLine(err)}); nothing was restored`);
        }
        // Counting the objects without parsing the rows: each row is one top-level element.
        const n = countTopLevel(line);
        seen += n;
        progress.rowsDone += n;
        opts.onProgress?.({ ...progress, table });
        continue;
      }
      let meta: { table?: string; columns?: string[]; rows?: number; end?: boolean };
      try {
        meta = JSON.parse(line) as typeof meta;
      } catch {
        throw new BackupError(`${file}, line ${lineNo}: not a table line nor rows (malformed JSON)`);
      }
      finishTable();
      if (meta.end) {
        ended = true;
        table = undefined;
        if (meta.rows !== progress.rowsDone) throw new BackupError(`${file}: the backup promises ${String(meta.rows)} rows but holds ${progress.rowsDone}; nothing was restored`);
        continue;
      }
      if (!meta.table || !Array.isArray(meta.columns)) throw new BackupError(`${file}, line ${lineNo}: a table line without its table or columns`);
      if (!targetTables.includes(meta.table)) throw new BackupError(`${file}, line ${lineNo}: this version has no table ${meta.table}`);
      table = meta.table;
      const present = new Set((await backupRepo.columns(trx, table)).map((c) => c.name));
      const gone = meta.columns.filter((c) => !present.has(c));
      if (gone.length) throw new BackupError(`${file}, line ${lineNo}: table ${table} has no column(s) ${gone.join(', ')} in this version`);
      columns = meta.columns;
      expected = meta.rows ?? 0;
      seen = 0;
    }
    if (!ended) throw new BackupError(`${file} is truncated (no end marker); nothing was restored`);

    // rows from before a migration get what it did to the rows there were then (its after-restore part)
    for (const m of laterFiles) {
      for (const statement of afterRestoreStatements(m.sql)) {
        try {
          await backupRepo.exec(trx, statement);
        } catch (err) {
          throw new BackupError(`${file}: bringing its rows up to migration ${m.name} failed (${oneLine(err)}); nothing was restored`);
        }
      }
    }

    for (const t of targetTables) for (const c of await backupRepo.sequenceColumns(trx, t)) await backupRepo.resetSequence(trx, t, c);
  });
  return header;
}

/** Number of elements of a JSON array of objects, scanning strings so braces inside text do not count. */
export function countTopLevel(json: string): number {
  let depth = 0;
  let count = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (depth === 1) count++;
      depth++;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return count;
}
