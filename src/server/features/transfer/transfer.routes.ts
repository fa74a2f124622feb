import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, paged } from '../../../shared/contracts/common';
import {
  IMPORT_MAX_BYTES,
  accountExportQuery,
  contactExportQuery,
  fileQuery,
  importActions,
  importCancel,
  importCommit,
  importCreateQuery,
  importListQuery,
  importReplaceQuery,
  importRevalidate,
  importRowsPage,
  importRowsQuery,
  importSummary,
  templateParams,
  type FileFormat,
  type ImportColumns,
  type ImportFailure,
  type ImportIssue,
  type ImportMatch,
  type ImportResult,
  type ImportRow,
  type ImportSummary,
} from '../../../shared/contracts/transfer';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { Executor } from '../../db/client';
import type { Platform } from '../../platform/context';
import { actorOf, nulError } from '../../platform/http';
import * as exports from './transfer.export';
import type { ExportPlan } from './transfer.export';
import { sheetWriter } from './transfer.files';
import { transferRepo } from './transfer.repo';
import * as service from './transfer.service';
import type { ProgressSink } from './transfer.validate';

export const IMPORT_VALIDATE_JOB = 'transfer.validate';
export const IMPORT_COMMIT_JOB = 'transfer.commit';

interface JobPayload {
  importId: number;
  version: number;
}

/**
 * Progress of a commit, written beside its transaction. On PostgreSQL another pool connection
 * carries it (at most twice a second); PGlite has one session, held by the transaction, so
 * there the figure moves only when the commit ends.
 */
function commitProgress(p: Platform, id: number): ProgressSink {
  if (p.database.kind !== 'postgres') return () => {};
  let last = 0;
  return async (pr) => {
    const now = Date.now();
    if (now - last < 500) return;
    last = now;
    await transferRepo.progress(p.db, id, pr.phase, pr.progress);
  };
}

export function registerTransferJobs(p: Platform) {
  // a run whose server died (kill -9, power cut) fails its import, so the user can validate again or cancel
  const lost = (step: 'validating' | 'committing') => async (trx: Executor, payload: unknown) => {
    const { importId, version } = payload as JobPayload;
    await service.runLost(trx, importId, version, step);
  };
  p.jobs.register(IMPORT_VALIDATE_JOB, async (payload) => {
    const { importId, version } = payload as JobPayload;
    await service.runValidation(p.db, importId, version);
  }, { onGiveUp: lost('validating') });
  p.jobs.register(IMPORT_COMMIT_JOB, async (payload) => {
    const { importId, version } = payload as JobPayload;
    await service.runCommit(p.db, importId, version, p.config.BUSINESS_TZ, commitProgress(p, importId));
  }, { onGiveUp: lost('committing') });
}

/** The queue the routes hand imports to; a failed run is recorded on the import, so a job never retries. */
export function importQueue(p: Platform): service.ImportQueue {
  return {
    async validate(trx, importId, version) {
      await p.jobs.enqueue(trx, IMPORT_VALIDATE_JOB, { importId, version }, { dedupeKey: `import:${importId}:${version}`, maxAttempts: 1 });
    },
    async commit(trx, importId, version) {
      await p.jobs.enqueue(trx, IMPORT_COMMIT_JOB, { importId, version }, { dedupeKey: `import:${importId}:${version}`, maxAttempts: 1 });
    },
  };
}

export function summaryOut(r: service.ImportView): ImportSummary {
  const options = service.optionsOf(r.options);
  return {
    id: r.id,
    kind: r.kind as ImportSummary['kind'],
    status: r.status as ImportSummary['status'],
    fileName: r.file_name,
    fileFormat: r.file_format as FileFormat,
    fileSize: r.file_size,
    options: { onDuplicate: options.onDuplicate, nameThreshold: options.nameThreshold },
    phase: r.phase,
    progress: r.progress,
    counts: { total: r.total_rows, ok: r.ok_rows, error: r.error_rows, duplicate: r.duplicate_rows },
    columns: (r.columns as ImportColumns | null) ?? null,
    result: (r.result as ImportResult | null) ?? null,
    error: (r.error as ImportFailure | null) ?? null,
    version: r.version,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    validatedAt: iso(r.validated_at),
    committedAt: iso(r.committed_at),
  };
}

type RowRecord = Awaited<ReturnType<typeof service.importRows>>['items'][number];
function rowOut(r: RowRecord, kind: string, onDuplicate: ImportRow['action'] & string): ImportRow {
  const match = r.match as ImportMatch | null;
  const values = r.values as Record<string, unknown>;
  const ref = typeof values.accountId === 'number' ? values.accountId : null;
  return {
    rowNo: r.row_no,
    status: r.status as ImportRow['status'],
    errors: r.errors as ImportIssue[],
    values,
    match,
    action: r.action as ImportRow['action'],
    effectiveAction: r.status === 'duplicate' ? ((r.action as ImportRow['action']) ?? onDuplicate) : null,
    recordId: r.record_id,
    accountId: kind === 'accounts' ? (r.record_id ?? match?.accountId ?? null) : (ref ?? match?.accountId ?? null),
  };
}

/** The uploaded file of a multipart request: one part, at most IMPORT_MAX_BYTES (a larger one is a 413). */
async function uploaded(req: FastifyRequest): Promise<service.UploadedFile> {
  const missing = () => validationError([issue('file', 'transfer.fileMissing', 'Send the file as multipart/form-data')]);
  if (!req.isMultipart()) throw missing();
  try {
    const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
    if (!part) throw missing();
    const content = await part.toBuffer();
    if (part.filename.includes('\u0000')) throw nulError([{ location: 'body', path: 'file' }]);
    return { fileName: part.filename, content };
  } catch (err) {
    // a body that is not well-formed multipart (no boundary, cut short) is the sender's error; too large stays a 413
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
    throw validationError([issue('file', 'transfer.multipartBroken', `The upload is not readable multipart/form-data: ${err instanceof Error ? err.message : String(err)}`)]);
  }
}

const MIME: Record<FileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** RFC 6266: an ASCII fallback name and the real (Chinese) one encoded. */
function disposition(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Streams an export: rows go into the writer as the batches arrive. The audit record is written
 * before the file ends, so a complete download has always been logged (and a failure to log
 * breaks the download); an aborted one is logged with the rows sent so far.
 */
function sendSheet(reply: FastifyReply, plan: ExportPlan, format: FileFormat, timeZone: string) {
  const out = new PassThrough();
  const writer = sheetWriter(format, out, { sheetName: plan.sheetName, columns: plan.columns, timeZone });
  void (async () => {
    let count = 0;
    let logged = false;
    try {
      for await (const cells of plan.rows) {
        await writer.row(cells);
        count++;
      }
      await plan.finish(count, true);
      logged = true;
      await writer.end();
    } catch (err) {
      out.destroy(err as Error);
      if (!logged) await plan.finish(count, false).catch((e) => reply.log.error({ err: e }, 'export audit failed'));
    }
  })();
  return reply.header('content-type', MIME[format]).header('content-disposition', disposition(plan.fileName)).send(out);
}

export async function transferRoutes(fastify: FastifyInstance, p: Platform) {
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const queue = importQueue(p);
  const summary = async (actor: ReturnType<typeof actorOf>, id: number) => summaryOut(await service.getImport(db, actor, id));

  // Uploads take multipart bodies; the parser is registered for this room's routes only.
  await fastify.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10 } });
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.post('/api/imports', {
      config: { access: 'account:import' },
      schema: {
        tags: ['imports'],
        summary: 'Upload a CSV or XLSX file (multipart, field "file", ≤ 100 MB) of accounts, contacts or revenue; the dry run starts in the background',
        querystring: importCreateQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importSummary },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const { kind, ...options } = req.query;
      const id = await service.createImport(db, actor, kind, options, await uploaded(req), queue);
      return summary(actor, id);
    });

    app.put('/api/imports/:id/file', {
      config: { access: 'account:import' },
      schema: {
        tags: ['imports'],
        summary: 'Replace the file with a corrected one (version required); the report is rebuilt by a new dry run',
        params: idParam,
        querystring: importReplaceQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importSummary },
      },
    }, async (req) => {
      const actor = actorOf(req);
      // someone else's import is a 404 before its body is read
      await service.getImport(db, actor, req.params.id);
      await service.replaceFile(db, actor, req.params.id, req.query.version, await uploaded(req), queue);
      return summary(actor, req.params.id);
    });
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/imports', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'My imports, newest first', querystring: importListQuery, response: { 200: paged(importSummary) } },
  }, async (req) => {
    const r = await service.listImports(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(summaryOut) };
  });

  app.get('/api/imports/:id', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'Status, progress, counts and result of an import (poll while busy)', params: idParam, response: { 200: importSummary } },
  }, async (req) => summary(actorOf(req), req.params.id));

  app.get('/api/imports/:id/rows', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'The dry-run report row by row: errors with their reasons, duplicates with their match', params: idParam, querystring: importRowsQuery, response: { 200: importRowsPage } },
  }, async (req) => {
    const r = await service.importRows(db, actorOf(req), req.params.id, req.query);
    const kind = (await service.getImport(db, actorOf(req), req.params.id)).kind;
    return { ...r, items: r.items.map((x) => rowOut(x, kind, r.onDuplicate)) };
  });

  app.put('/api/imports/:id/actions', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'Choose what duplicates do: a default (skip / update / merge) and per-row overrides', params: idParam, body: importActions, response: { 200: importSummary } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.setActions(db, actor, req.params.id, req.body);
    return summary(actor, req.params.id);
  });

  app.post('/api/imports/:id/validate', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'Run the dry run again on the same file', params: idParam, body: importRevalidate, response: { 200: importSummary } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.revalidate(db, actor, req.params.id, req.body.version, req.body.nameThreshold, queue);
    return summary(actor, req.params.id);
  });

  app.post('/api/imports/:id/commit', {
    config: { access: 'account:import' },
    schema: {
      tags: ['imports'],
      summary: 'Commit the validated import in one transaction (background); rows with errors block it unless skipErrorRows. A stale version is a 409',
      params: idParam,
      body: importCommit,
      response: { 200: importSummary },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await service.requestCommit(db, actor, req.params.id, req.body, queue);
    return summary(actor, req.params.id);
  });

  app.post('/api/imports/:id/cancel', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'Cancel an import that has not been committed', params: idParam, body: importCancel, response: { 200: importSummary } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.cancelImport(db, actor, req.params.id, req.body.version);
    return summary(actor, req.params.id);
  });

  app.get('/api/import-templates/:kind', {
    config: { access: 'account:import' },
    schema: { tags: ['imports'], summary: 'An empty file to fill in: the header row (required columns marked *), XLSX with notes and drop-downs', params: templateParams, querystring: fileQuery, produces: [MIME.xlsx, MIME.csv] },
  }, async (req, reply) => {
    const t = await exports.template(actorOf(req), req.params.kind, req.query.format, req.query.lang, tz);
    return reply.header('content-type', MIME[req.query.format]).header('content-disposition', disposition(t.fileName)).send(t.content);
  });

  app.get('/api/accounts/export', {
    config: { access: 'account:export' },
    schema: {
      tags: ['accounts'],
      summary: 'The account list (its filters and q) as XLSX or CSV, streamed; every match in the caller\'s scope. Trade terms only for account:trade-terms holders (audited)',
      querystring: accountExportQuery,
      produces: [MIME.xlsx, MIME.csv],
    },
  }, async (req, reply) => sendSheet(reply, await exports.accountExport(db, actorOf(req), req.query, tz), req.query.format, tz));

  app.get('/api/contacts/export', {
    config: { access: 'account:export' },
    schema: {
      tags: ['contacts'],
      summary: 'The contact list (its filters and q) as XLSX or CSV, streamed. Personal details only where the caller may see them; such exports are audited',
      querystring: contactExportQuery,
      produces: [MIME.xlsx, MIME.csv],
    },
  }, async (req, reply) => sendSheet(reply, await exports.contactExport(db, actorOf(req), req.query, tz), req.query.format, tz));
}
