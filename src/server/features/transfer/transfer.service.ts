import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Kdb } from '../../db/client';
import {
  importOptions,
  type DuplicateAction,
  type ImportActions,
  type ImportCommit,
  type ImportKind,
  type ImportOptions,
  type ImportResult,
  type ImportStatus,
  IMPORT_KIND_PERMISSION,
} from '../../../shared/contracts/transfer';
import { AppError, issue, validationError } from '../../../shared/errors';
import { assertCan, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { loadActorForUser } from '../../platform/auth/actor-loader';
import { STALE_AFTER_SECONDS } from '../../platform/jobs/queue';
import { pageWindow } from '../../platform/listing';
import { applyImport } from './transfer.commit';
import { detectFormat, UnreadableFile, type FileSource } from './transfer.files';
import { FILE_SLICE, transferRepo } from './transfer.repo';
import { checkFile, ImportFailure, type ProgressSink } from './transfer.validate';

/**
 * The life of an import (ACC-6): upload → dry run (a background job) → the user's choices for
 * duplicates → commit (a background job, one transaction) — or cancel. Every step that the user
 * takes carries the version they saw, so acting on a replaced file or an already committed
 * import is a 409. An import is its creator's: others get a 404.
 */

const notFound = () => new AppError('NOT_FOUND', 'Import not found', undefined, { key: 'transfer.notFound' });
const stale = () =>
  new AppError('STALE_VERSION', 'The import has changed meanwhile (a new file, other choices, or it was committed); reload it', undefined, { key: 'transfer.stale' });

/** What each kind writes, besides account:import itself. */
const KIND_PERMISSION = IMPORT_KIND_PERMISSION;

/** Background work the routes hand to the job queue (the CLI runs the same steps in-process instead). */
export interface ImportQueue {
  validate(trx: Executor, importId: number, version: number): Promise<void>;
  commit(trx: Executor, importId: number, version: number): Promise<void>;
}

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

function checkedFile(f: UploadedFile) {
  if (!f.content.length) throw validationError([issue('file', 'transfer.fileEmpty', 'The file is empty')]);
  const format = detectFormat(f.fileName, f.content);
  if (format === 'xls') throw validationError([issue('file', 'transfer.xlsUnsupported', 'Old .xls files cannot be read; save the sheet as .xlsx or .csv')]);
  return { fileName: f.fileName.slice(0, 255) || 'upload', fileFormat: format, sha256: createHash('sha256').update(f.content).digest('hex'), size: f.content.length };
}

/** The stored file of an import as a source the readers pull a slice at a time. */
function storedFile(db: Kdb, id: number, size: number): FileSource {
  const count = Math.ceil(size / FILE_SLICE);
  const read = async function* (from: number) {
    for (let seq = from; seq < count; seq++) {
      const slice = await transferRepo.fileSlice(db, id, seq);
      if (!slice) return;
      yield slice;
    }
  };
  return {
    size,
    slices: () => read(0),
    async tail() {
      const parts: Buffer[] = [];
      for await (const slice of read(Math.max(0, count - 2))) parts.push(slice);
      return Buffer.concat(parts);
    },
  };
}

/** The report is reset whenever a new dry run starts. */
const RESET = { phase: null, progress: 0, total_rows: 0, ok_rows: 0, error_rows: 0, duplicate_rows: 0, columns: null, result: null, error: null, validated_at: null } as const;

async function own(db: Executor, actor: Actor, id: number) {
  const row = await transferRepo.find(db, id, actor.userId);
  if (!row) throw notFound();
  return row;
}

// ---------------------------------------------------------------- user actions

export async function createImport(db: Kdb, actor: Actor, kind: ImportKind, options: ImportOptions, file: UploadedFile, queue?: ImportQueue) {
  assertCan(actor, 'account:import');
  assertCan(actor, KIND_PERMISSION[kind]);
  const f = checkedFile(file);
  return db.transaction().execute(async (trx) => {
    const id = await transferRepo.insert(trx, { kind, options, createdBy: actor.userId, ...f });
    await transferRepo.writeFile(trx, id, file.content);
    await audit(trx, actor, { entity: 'import', entityId: id, action: 'upload', data: { kind, fileName: f.fileName, size: f.size, sha256: f.sha256 } });
    await queue?.validate(trx, id, 1);
    return id;
  });
}

/** A corrected file for the same import: the old report goes, a new dry run starts. */
export async function replaceFile(db: Kdb, actor: Actor, id: number, version: number, file: UploadedFile, queue?: ImportQueue) {
  const f = checkedFile(file);
  return db.transaction().execute(async (trx) => {
    await own(trx, actor, id);
    const moved = await transferRepo.transition(trx, id, ['uploaded', 'validated', 'failed'], 'uploaded', { version, bump: true, extra: RESET, staleSeconds: STALE_AFTER_SECONDS });
    if (!moved) throw stale();
    await transferRepo.replaceFile(trx, id, f);
    await transferRepo.writeFile(trx, id, file.content);
    await transferRepo.deleteRows(trx, id);
    await audit(trx, actor, { entity: 'import', entityId: id, action: 'replace-file', data: { fileName: f.fileName, size: f.size, sha256: f.sha256 } });
    await queue?.validate(trx, id, moved.version);
    return id;
  });
}

/** The dry run again on the same file (after a failed commit, or with another name threshold). */
export async function revalidate(db: Kdb, actor: Actor, id: number, version: number, nameThreshold: number | undefined, queue?: ImportQueue) {
  return db.transaction().execute(async (trx) => {
    const row = await own(trx, actor, id);
    const moved = await transferRepo.transition(trx, id, ['uploaded', 'validated', 'failed'], 'uploaded', { version, bump: true, extra: RESET, staleSeconds: STALE_AFTER_SECONDS });
    if (!moved) throw stale();
    if (nameThreshold !== undefined) await transferRepo.setOptions(trx, id, { ...(row.options as object), nameThreshold });
    await queue?.validate(trx, id, moved.version);
    return id;
  });
}

export async function setActions(db: Kdb, actor: Actor, id: number, input: ImportActions & { rows: { rowNo: number; action: DuplicateAction | null }[] }) {
  return db.transaction().execute(async (trx) => {
    const row = await own(trx, actor, id);
    const moved = await transferRepo.transition(trx, id, ['validated'], 'validated', { version: input.version, bump: true });
    if (!moved) throw stale();
    if (input.onDuplicate) await transferRepo.setOptions(trx, id, { ...(row.options as object), onDuplicate: input.onDuplicate });
    await transferRepo.setActions(trx, id, input.rows);
    return id;
  });
}

/**
 * Starts the commit. Rows with errors block it unless `skipErrorRows`: the user then imports only
 * the good rows and fixes the others in a later file — an explicit choice, never a default.
 */
export async function requestCommit(db: Kdb, actor: Actor, id: number, input: Required<ImportCommit>, queue?: ImportQueue) {
  return db.transaction().execute(async (trx) => {
    const row = await own(trx, actor, id);
    if (row.status !== 'validated' || row.version !== input.version) throw stale();
    if (row.error_rows > 0 && !input.skipErrorRows) {
      throw new AppError('INVALID_STATE', `${row.error_rows} rows have errors; fix them or choose to import only the good rows`, { errorRows: row.error_rows }, { key: 'transfer.errorsBlockCommit', params: { count: row.error_rows } });
    }
    if (row.ok_rows + row.duplicate_rows === 0) throw new AppError('INVALID_STATE', 'No row can be imported', undefined, { key: 'transfer.nothingToCommit' });
    const moved = await transferRepo.transition(trx, id, ['validated'], 'committing', {
      version: input.version,
      bump: true,
      extra: { phase: 'committing', progress: 0, error: null, options: JSON.stringify({ ...(row.options as object), skipErrorRows: input.skipErrorRows }) },
    });
    if (!moved) throw stale();
    await queue?.commit(trx, id, moved.version);
    return id;
  });
}

export async function cancelImport(db: Kdb, actor: Actor, id: number, version: number) {
  return db.transaction().execute(async (trx) => {
    await own(trx, actor, id);
    // a run that has not moved for the visibility timeout is taken as lost (a CLI import killed mid-way has no job to fail it)
    const moved = await transferRepo.transition(trx, id, ['uploaded', 'validated', 'failed'], 'cancelled', { version, bump: true, extra: { phase: null }, staleSeconds: STALE_AFTER_SECONDS });
    if (!moved) throw stale();
    await audit(trx, actor, { entity: 'import', entityId: id, action: 'cancel' });
    return id;
  });
}

// ---------------------------------------------------------------- reads

export const getImport = (db: Kdb, actor: Actor, id: number) => own(db, actor, id);
export type ImportView = Awaited<ReturnType<typeof getImport>>;

export async function listImports(db: Kdb, actor: Actor, q: { page: number; pageSize: number }) {
  const { limit, offset } = pageWindow(q);
  return { ...(await transferRepo.list(db, actor.userId, limit, offset)), page: q.page, pageSize: q.pageSize };
}

export async function importRows(db: Kdb, actor: Actor, id: number, q: { status?: string; page: number; pageSize: number }) {
  const imp = await own(db, actor, id);
  const { limit, offset } = pageWindow(q);
  const r = await transferRepo.rows(db, id, q.status, limit, offset);
  return { ...r, page: q.page, pageSize: q.pageSize, onDuplicate: optionsOf(imp.options).onDuplicate };
}

export function optionsOf(stored: unknown): ImportOptions & { skipErrorRows: boolean } {
  const o = importOptions.safeParse(stored ?? {});
  const skip = (stored as { skipErrorRows?: unknown } | null)?.skipErrorRows === true;
  return { ...(o.success ? o.data : importOptions.parse({})), skipErrorRows: skip };
}

// ---------------------------------------------------------------- the background steps

function failure(err: unknown) {
  if (err instanceof ImportFailure) return { key: err.key, message: err.message, ...(err.params && { params: err.params }) };
  if (err instanceof UnreadableFile) return { key: 'transfer.unreadable', message: `The file cannot be read: ${err.message}`, params: { reason: err.message } };
  if (err instanceof AppError && err.i18n) return { key: err.i18n.key, message: err.message, ...(err.i18n.params && { params: err.i18n.params }) };
  const code = (err as { code?: unknown })?.code;
  if (code === '23505') return { key: 'transfer.commitConflict', message: 'A record with the same unique value was created meanwhile; validate the file again' };
  return { key: 'transfer.failed', message: err instanceof Error ? err.message : String(err), params: { reason: err instanceof Error ? err.message : String(err) } };
}

async function fail(db: Kdb, id: number, from: ImportStatus, err: unknown) {
  await transferRepo.transition(db, id, [from], 'failed', { extra: { phase: null, error: JSON.stringify(failure(err)) } });
}

/**
 * A dry run or commit whose process died: the import it left validating or committing (at that
 * version) is failed — the commit's transaction died with it, so nothing was saved — and may be
 * validated again or cancelled.
 */
export async function runLost(db: Executor, id: number, version: number, from: 'validating' | 'committing') {
  const error = { key: 'transfer.runLost', message: 'The server stopped while this import was running, and nothing was saved. Validate the file again or cancel the import.' };
  await transferRepo.transition(db, id, [from], 'failed', { version, extra: { phase: null, error: JSON.stringify(error) } });
}

/** The importer as they are now: a user who left or lost the right cannot have work done in their name. */
async function importer(db: Kdb, userId: number) {
  const actor = await loadActorForUser(db, userId);
  if (!actor) throw new AppError('FORBIDDEN', 'The importing user is no longer active', undefined, { key: 'transfer.importerInactive' });
  assertCan(actor, 'account:import');
  return actor;
}

/**
 * The dry run of one import version (the job, or the CLI in-process). A run for an older
 * version finds the import moved on and does nothing.
 */
export async function runValidation(db: Kdb, id: number, version: number, onProgress: ProgressSink = () => {}): Promise<ImportStatus | undefined> {
  const claimed = await transferRepo.transition(db, id, ['uploaded'], 'validating', { version, extra: { phase: 'reading', progress: 0 } });
  if (!claimed) return undefined;
  try {
    const imp = await transferRepo.forRun(db, id);
    if (!imp) return undefined;
    const actor = await importer(db, imp.created_by);
    assertCan(actor, KIND_PERMISSION[imp.kind as ImportKind]);
    const outcome = await checkFile(db, actor, { id, kind: imp.kind as ImportKind, file: storedFile(db, id, imp.file_size), format: imp.file_format as 'csv' | 'xlsx', options: optionsOf(imp.options) }, async (p) => {
      await transferRepo.progress(db, id, p.phase, p.progress, p.rows);
      await onProgress(p);
    });
    const counts = await transferRepo.counts(db, id);
    await transferRepo.transition(db, id, ['validating'], 'validated', {
      extra: {
        phase: null,
        progress: 100,
        total_rows: outcome.total,
        ok_rows: counts.ok,
        error_rows: counts.error,
        duplicate_rows: counts.duplicate,
        columns: JSON.stringify(outcome.columns),
        validated_at: sql`now()`,
      },
    });
    return 'validated';
  } catch (err) {
    await fail(db, id, 'validating', err);
    return 'failed';
  }
}

/** A lock key per import, so a re-queued commit job never runs beside the first one. */
const COMMIT_LOCK = 7_274_0010;

/**
 * The commit of one import version in a single transaction: nothing is saved unless all of it
 * is. `onProgress` must not use the transaction's connection (on PGlite it cannot report at all).
 */
export async function runCommit(db: Kdb, id: number, version: number, tz: string, onProgress: ProgressSink = () => {}): Promise<{ status: ImportStatus; result?: ImportResult } | undefined> {
  const imp = await transferRepo.find(db, id);
  if (!imp || imp.status !== 'committing' || imp.version !== version) return undefined;
  try {
    const actor = await importer(db, imp.created_by);
    assertCan(actor, KIND_PERMISSION[imp.kind as ImportKind]);
    const options = optionsOf(imp.options);
    const result = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${COMMIT_LOCK}, ${id}::int) as locked`.execute(trx);
      if (!rows[0]?.locked) return undefined;
      const r = await applyImport({
        trx,
        actor,
        importId: id,
        kind: imp.kind as ImportKind,
        onDuplicate: options.onDuplicate,
        skipErrorRows: options.skipErrorRows,
        errorRows: imp.error_rows,
        toApply: imp.ok_rows + imp.duplicate_rows,
        tz,
        onProgress,
      });
      const done = await transferRepo.transition(trx, id, ['committing'], 'committed', {
        version,
        extra: { phase: null, progress: 100, result: JSON.stringify(r), committed_at: sql`now()` },
      });
      if (!done) throw stale();
      await audit(trx, actor, { entity: 'import', entityId: id, action: 'commit', data: { kind: imp.kind, fileName: imp.file_name, ...r } });
      return r;
    });
    return result ? { status: 'committed', result } : undefined;
  } catch (err) {
    await fail(db, id, 'committing', err);
    return { status: 'failed' };
  }
}
