import type { Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type { AccountTable, ContactRelationshipHistoryTable, ContactTable } from '../../db/schema';
import { businessDate } from '../../../shared/domain/business-time';
import type { DuplicateAction, ImportKind, ImportMatch, ImportResult } from '../../../shared/contracts/transfer';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../platform/actor';
import { auditMany, type AuditEntry } from '../../platform/audit';
import { classifyNew, insertAccountChanges, refreshDerivedMany, syncContractFigures } from '../accounts';
import { duplicateChanges, effectiveAction, recordValues } from './transfer.rules';
import { ACCOUNT_COLUMNS, ACCOUNT_UPDATE_FIELDS, CONTACT_COLUMNS, CONTACT_UPDATE_FIELDS, accountApiValues, accountColumns, contactApiValues, contactColumns } from './transfer.records';
import { transferRepo } from './transfer.repo';
import type { ProgressSink } from './transfer.validate';
import { accountScope, ownedScope } from '../../platform/scope';

/**
 * The commit (ACC-6): applies the validated report in ONE transaction the caller opens — all of
 * it or nothing. Rows are read back in file order in chunks; each chunk is one multi-row insert,
 * one bulk update, one batch of audit records (each naming the import and row) and one update
 * of the report's record ids. Derived account fields are recomputed at the end, in batches.
 */

export const COMMIT_CHUNK = 500;
/** Receipts travel as arrays (one parameter per column), so a chunk may be larger: fewer round trips. */
const RECEIPT_CHUNK = 2000;

/** Something changed since the dry run (an account left the importer's scope, a record is gone): validate again. */
const changed = (what: string) =>
  new AppError('CONFLICT', `The data changed since the dry run (${what}); validate the file again`, { what }, { key: 'transfer.changedSinceValidation' });

interface CommitRow {
  row_no: number;
  status: string;
  values: Record<string, unknown>;
  match: ImportMatch | null;
  action: DuplicateAction | null;
}

export interface CommitContext {
  trx: Executor;
  actor: Actor;
  importId: number;
  kind: ImportKind;
  onDuplicate: DuplicateAction;
  /** rows with errors are left out (the user chose to import only the good rows) */
  skipErrorRows: boolean;
  errorRows: number;
  /** rows to apply, for the progress figure */
  toApply: number;
  tz: string;
  onProgress: ProgressSink;
}

const traced = (ctx: CommitContext, rowNo: number | number[]) => ({ importId: ctx.importId, row: rowNo });

/** Reads the rows to apply, in file order, a chunk at a time. */
async function* chunks(ctx: CommitContext, size = COMMIT_CHUNK): AsyncGenerator<CommitRow[]> {
  let after = 0;
  for (;;) {
    const rows = (await transferRepo.rowsAfter(ctx.trx, ctx.importId, after, ['ok', 'duplicate'], size)) as unknown as CommitRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].row_no;
    if (rows.length < size) return;
  }
}

/**
 * Writes the chunks one after another while the next one is read and prepared: its preparation
 * (pinyin keys, classification — JavaScript) runs while the database works on the chunk before,
 * queued on the same connection, so a commit takes about the longer of the two rather than their
 * sum. Writes never overlap each other, so a chunk's duplicates see what earlier chunks created;
 * a write's failure is the one reported, not the aborted transaction the next preparation meets.
 */
async function pipelined<P>(ctx: CommitContext, size: number, prepare: (rows: CommitRow[]) => Promise<P>, write: (rows: CommitRow[], prepared: P) => Promise<void>) {
  let pending: Promise<void> = Promise.resolve();
  try {
    for await (const rows of chunks(ctx, size)) {
      const prepared = await prepare(rows);
      await pending;
      pending = write(rows, prepared);
      // awaited before the next write or at the end; until then a failure must not count as unhandled
      pending.catch(() => {});
    }
  } catch (err) {
    await pending;
    throw err;
  }
  await pending;
}

/**
 * The record a duplicate row applies to: the existing one it matched, or the record an earlier
 * row of the file created or applied to.
 */
function targetOf(r: CommitRow, recordOf: Map<number, number>): number {
  const m = r.match!;
  const id = m.source === 'db' ? m.id : recordOf.get(m.row!);
  if (id === null || id === undefined) throw changed(`row ${r.row_no}`);
  return id;
}

/** How duplicates of one kind of record are read, compared and written. */
interface RecordModel {
  entity: 'account' | 'contact';
  load(ids: number[]): Promise<Record<string, unknown>[]>;
  toApi(row: Record<string, unknown>): Record<string, unknown>;
  fields: readonly string[];
  toColumns(values: Record<string, unknown>): Record<string, unknown>;
  write(rows: Record<string, unknown>[]): Promise<void>;
}

/**
 * Applies the duplicates of a chunk to their targets in file order with one bulk update at the
 * end: `current` holds each target's values as the earlier rows left them. Records which rows
 * landed where; returns how many duplicates changed nothing.
 */
async function applyDuplicates(ctx: CommitContext, rows: CommitRow[], model: RecordModel, recordOf: Map<number, number>, created: Set<number>, updated: Set<number>): Promise<number> {
  const dups = rows.filter((r) => r.status === 'duplicate').map((r) => ({ r, target: targetOf(r, recordOf) }));
  for (const d of dups) recordOf.set(d.r.row_no, d.target);
  if (!dups.length) return 0;
  const ids = [...new Set(dups.map((d) => d.target))];
  const found = await model.load(ids);
  if (found.length !== ids.length) throw changed(`${model.entity} outside your scope or removed`);
  const before = new Map(found.map((row) => [row.id as number, row]));
  const current = new Map(found.map((row) => [row.id as number, model.toApi(row)]));
  const patches = new Map<number, { rows: number[]; values: Record<string, unknown> }>();
  let skipped = 0;
  for (const { r, target } of dups) {
    const change = duplicateChanges(current.get(target)!, recordValues(r.values), effectiveAction(r.action, ctx.onDuplicate), model.fields);
    if (!Object.keys(change).length) {
      skipped++;
      continue;
    }
    Object.assign(current.get(target)!, change);
    const p = patches.get(target) ?? { rows: [], values: {} };
    p.rows.push(r.row_no);
    Object.assign(p.values, change);
    patches.set(target, p);
  }
  const updates = [...patches].map(([id, p]) => ({ id, ...model.toColumns(p.values) }));
  await model.write(updates);
  await auditMany(
    ctx.trx,
    ctx.actor,
    updates.map((u) => ({ entity: model.entity, entityId: u.id, action: 'update', before: before.get(u.id), after: { ...before.get(u.id), ...u }, data: traced(ctx, patches.get(u.id)!.rows) })),
  );
  for (const u of updates) if (!created.has(u.id)) updated.add(u.id);
  return skipped;
}

/** The end of a chunk: the report learns each row's record, the progress moves on. */
async function chunkDone(ctx: CommitContext, rows: CommitRow[], recordOf: Map<number, number>, done: number, upTo: number) {
  await transferRepo.setRecordIds(ctx.trx, ctx.importId, rows.map((r) => ({ rowNo: r.row_no, recordId: recordOf.get(r.row_no)! })));
  await ctx.onProgress({ phase: 'committing', progress: Math.min(upTo - 1, Math.floor((done * upTo) / Math.max(1, ctx.toApply))), rows: done });
}

// ---------------------------------------------------------------- accounts

async function commitAccounts(ctx: CommitContext): Promise<ImportResult> {
  const { trx, actor } = ctx;
  const scope = accountScope(actor, 'account:import');
  const accounts: RecordModel = {
    entity: 'account',
    load: (ids) => transferRepo.accountsForUpdate(trx, ids, scope) as Promise<Record<string, unknown>[]>,
    toApi: accountApiValues,
    fields: ACCOUNT_UPDATE_FIELDS,
    toColumns: accountColumns,
    write: (rows) => transferRepo.bulkUpdate(trx, 'accounts', ACCOUNT_COLUMNS, rows),
  };
  const recordOf = new Map<number, number>();
  const created = new Set<number>();
  const updated = new Set<number>();
  let skipped = 0;
  let done = 0;
  const prepare = async (rows: CommitRow[]) => {
    const fresh = rows.filter((r) => r.status === 'ok');
    const profiles = fresh.map(
      (r): Insertable<AccountTable> => ({
        ...(accountColumns(r.values) as Insertable<AccountTable>),
        name: String(r.values.name),
        owner_id: Number(r.values.ownerId ?? actor.userId),
        unit_id: Number(r.values.unitId ?? actor.unitId),
        lifecycle: typeof r.values.lifecycle === 'string' ? r.values.lifecycle : 'prospect',
        created_by: actor.userId,
      }),
    );
    // new accounts are classified as they are written, as a refresh right after creation would
    const classes = await classifyNew(trx, profiles, ctx.tz);
    return { fresh, classes, inserts: profiles.map((p, i) => ({ ...p, ...classes[i].derived })) };
  };
  const write = async (rows: CommitRow[], { fresh, classes, inserts }: Awaited<ReturnType<typeof prepare>>) => {
    const ids = await transferRepo.insertAccounts(trx, inserts);
    const audits: AuditEntry[] = [];
    const history: Parameters<typeof insertAccountChanges>[1] = [];
    fresh.forEach((r, i) => {
      recordOf.set(r.row_no, ids[i]);
      created.add(ids[i]);
      audits.push({ entity: 'account', entityId: ids[i], action: 'create', after: inserts[i] as Record<string, unknown>, data: traced(ctx, r.row_no) });
      history.push({ accountId: ids[i], field: 'lifecycle', from: null, to: String(inserts[i].lifecycle), reason: 'created', reasonKey: 'created', actorId: actor.userId });
      for (const c of classes[i].changes) history.push({ accountId: ids[i], ...c, actorId: actor.userId });
    });
    await auditMany(trx, actor, audits);
    await insertAccountChanges(trx, history);

    skipped += await applyDuplicates(ctx, rows, accounts, recordOf, created, updated);
    done += rows.length;
    await chunkDone(ctx, rows, recordOf, done, 90);
  };
  await pipelined(ctx, COMMIT_CHUNK, prepare, write);
  await ctx.onProgress({ phase: 'classifying', progress: 90, rows: done });
  await refreshDerivedMany(trx, [...updated], actor, 'profileUpdate', ctx.tz);
  return { created: created.size, updated: updated.size, skipped, excluded: ctx.skipErrorRows ? ctx.errorRows : 0 };
}

// ---------------------------------------------------------------- contacts

async function commitContacts(ctx: CommitContext): Promise<ImportResult> {
  const { trx, actor } = ctx;
  const scope = accountScope(actor, 'account:import');
  const contacts: RecordModel = {
    entity: 'contact',
    load: (ids) => transferRepo.contactsForUpdate(trx, ids, scope) as Promise<Record<string, unknown>[]>,
    toApi: contactApiValues,
    fields: CONTACT_UPDATE_FIELDS,
    toColumns: contactColumns,
    write: (rows) => transferRepo.bulkUpdate(trx, 'contacts', CONTACT_COLUMNS, rows),
  };
  const recordOf = new Map<number, number>();
  const created = new Set<number>();
  const updated = new Set<number>();
  let skipped = 0;
  let done = 0;
  const today = businessDate(new Date(), ctx.tz);
  // accounts whose people changed: their stored coverage and quadrant are recomputed at the end
  const touchedAccounts = new Set<number>();
  for await (const rows of chunks(ctx)) {
    const fresh = rows.filter((r) => r.status === 'ok');
    for (const r of rows) if (r.values.accountId !== undefined && r.values.accountId !== null) touchedAccounts.add(Number(r.values.accountId));
    const accountIds = [...new Set(fresh.map((r) => Number(r.values.accountId)))];
    if ((await transferRepo.accountsInScope(trx, accountIds, scope)).length !== accountIds.length) throw changed('account outside your scope or removed');
    const inserts = fresh.map(
      (r): Insertable<ContactTable> => ({
        ...(contactColumns(r.values) as Insertable<ContactTable>),
        account_id: Number(r.values.accountId),
        name: String(r.values.name),
        ...(r.values.support !== undefined && { support: Number(r.values.support) }),
        ...(r.values.closeness !== undefined && { closeness: Number(r.values.closeness) }),
        ...(r.values.expertise !== undefined && { expertise: Number(r.values.expertise) }),
        ...(r.values.stage !== undefined && { stage: String(r.values.stage) }),
        ...(r.values.competitorLeaning !== undefined && { competitor_leaning: String(r.values.competitorLeaning) }),
        our_owner_id: r.values.ownerId === undefined || r.values.ownerId === null ? actor.userId : Number(r.values.ownerId),
        created_by: actor.userId,
      }),
    );
    const inserted = await transferRepo.insertContacts(trx, inserts);
    // the starting relationship state is the first history entry, as for a contact created by hand
    const history: Insertable<ContactRelationshipHistoryTable>[] = [];
    const audits: AuditEntry[] = [];
    fresh.forEach((r, i) => {
      const c = inserted[i];
      recordOf.set(r.row_no, c.id);
      created.add(c.id);
      const start: [string, unknown][] = [
        ['support', c.support],
        ['closeness', c.closeness],
        ['stage', c.stage],
        ['expertise', c.expertise],
        ['competitorLeaning', c.competitor_leaning],
        ['owner', c.our_owner_id],
      ];
      for (const [field, to] of start) {
        if (to !== null && to !== undefined) history.push({ contact_id: c.id, field, from_value: null, to_value: String(to), evidence: null, occurred_on: today, actor_id: actor.userId });
      }
      audits.push({ entity: 'contact', entityId: c.id, action: 'create', after: inserts[i] as Record<string, unknown>, data: { ...traced(ctx, r.row_no), accountId: inserts[i].account_id } });
    });
    await transferRepo.insertHistory(trx, history);
    await auditMany(trx, actor, audits);

    skipped += await applyDuplicates(ctx, rows, contacts, recordOf, created, updated);
    done += rows.length;
    await chunkDone(ctx, rows, recordOf, done, 90);
  }
  await ctx.onProgress({ phase: 'classifying', progress: 90, rows: done });
  await refreshDerivedMany(trx, [...touchedAccounts], actor, 'contactChange', ctx.tz);
  return { created: created.size, updated: updated.size, skipped, excluded: ctx.skipErrorRows ? ctx.errorRows : 0 };
}

// ---------------------------------------------------------------- revenue

async function commitRevenue(ctx: CommitContext): Promise<ImportResult> {
  const { trx, actor } = ctx;
  const scope = accountScope(actor, 'account:import');
  /** the imported figure of each account and year as the rows so far leave it */
  const ledger = new Map<string, { account_id: number; year: number; amount: number; note: string; rows: number[]; before: { amount: number; note: string } | null }>();
  const touchedAccounts = new Set<number>();
  const recordOf = new Map<number, number>();
  let created = 0;
  let updated = 0;
  let skipped = 0;
  let done = 0;
  for await (const rows of chunks(ctx)) {
    const ids = [...new Set(rows.map((r) => Number(r.values.accountId)))];
    if ((await transferRepo.accountsInScope(trx, ids, scope)).length !== ids.length) throw changed('account outside your scope or removed');
    const pairs = rows.map((r) => ({ accountId: Number(r.values.accountId), year: Number(r.values.year) }));
    const stored = new Map((await transferRepo.revenueForUpdate(trx, pairs)).map((x) => [`${x.account_id}:${x.year}`, x]));
    const touched = new Set<string>();
    for (const r of rows) {
      const accountId = Number(r.values.accountId);
      const year = Number(r.values.year);
      const key = `${accountId}:${year}`;
      const note = typeof r.values.note === 'string' ? r.values.note : undefined;
      let cur = ledger.get(key);
      if (!cur) {
        const s = stored.get(key);
        cur = { account_id: accountId, year, amount: s?.amount ?? 0, note: s?.note ?? '', rows: [], before: s ? { amount: s.amount, note: s.note } : null };
        ledger.set(key, cur);
      }
      if (r.status === 'ok' && !cur.before && !cur.rows.length) {
        cur.amount = Number(r.values.amount);
        cur.note = note ?? '';
        created++;
      } else {
        const change = duplicateChanges({ amount: cur.amount, note: cur.note }, { amount: r.values.amount, note }, effectiveAction(r.action, ctx.onDuplicate), ['amount', 'note']);
        if (!Object.keys(change).length) {
          skipped++;
          continue;
        }
        Object.assign(cur, change);
        updated++;
      }
      cur.rows.push(r.row_no);
      touched.add(key);
      touchedAccounts.add(accountId);
    }
    await transferRepo.upsertRevenue(trx, [...touched].map((k) => ledger.get(k)!).map(({ account_id, year, amount, note }) => ({ account_id, year, amount, note })));
    for (const r of rows) recordOf.set(r.row_no, Number(r.values.accountId));
    done += rows.length;
    await chunkDone(ctx, rows, recordOf, done, 90);
  }
  // one audit record per account with its imported figures before and after
  const perAccount = new Map<number, { before: Record<string, unknown>; after: Record<string, unknown>; rows: number[] }>();
  for (const e of ledger.values()) {
    if (!e.rows.length) continue;
    const a = perAccount.get(e.account_id) ?? { before: {}, after: {}, rows: [] };
    a.before[`revenue_${e.year}`] = e.before?.amount ?? null;
    a.after[`revenue_${e.year}`] = e.amount;
    a.rows.push(...e.rows);
    perAccount.set(e.account_id, a);
  }
  await auditMany(trx, actor, [...perAccount].map(([id, a]) => ({ entity: 'account', entityId: id, action: 'revenue', before: a.before, after: a.after, data: traced(ctx, a.rows) })));
  await transferRepo.bumpAccounts(trx, [...touchedAccounts]);
  await ctx.onProgress({ phase: 'classifying', progress: 90, rows: done });
  await refreshDerivedMany(trx, [...touchedAccounts], actor, 'revenueUpdate', ctx.tz);
  return { created, updated, skipped, excluded: ctx.skipErrorRows ? ctx.errorRows : 0 };
}

// ---------------------------------------------------------------- contracts, payment plans, receipts (issue 14 item 9)

/** Accounts whose contract figures (signed revenue, 高价值, overdue) the import changed are brought up to date this many at a time. */
const SYNC_BATCH = 500;

async function syncFigures(ctx: CommitContext, accountIds: Set<number>, done: number) {
  await ctx.onProgress({ phase: 'classifying', progress: 90, rows: done });
  const ids = [...accountIds];
  for (let i = 0; i < ids.length; i += SYNC_BATCH) await syncContractFigures(ctx.trx, ids.slice(i, i + SYNC_BATCH), ctx.actor, ctx.tz);
}

const result = (ctx: CommitContext, created: number, skipped = 0): ImportResult => ({ created, updated: 0, skipped, excluded: ctx.skipErrorRows ? ctx.errorRows : 0 });

/**
 * Contracts from the core system, written as the state they arrive in (signed / in progress /
 * completed — no approval, no draft), each with an audit entry 'import'. A parent named by an
 * earlier row of the file is the contract that row created; a supplement takes the next revision.
 */
async function commitContracts(ctx: CommitContext): Promise<ImportResult> {
  const { trx, actor } = ctx;
  const recordOf = new Map<number, number>();
  const revisions = new Map<number, number>();
  const accounts = new Set<number>();
  const writeScope = ownedScope('contracts', actor, 'contract:write');
  let created = 0;
  let done = 0;
  const parentOf = (r: CommitRow) => (r.values.parentRow ? recordOf.get(Number(r.values.parentRow)) : (r.values.parentId as number | null)) ?? null;
  const write = async (rows: CommitRow[]) => {
    const parents = [...new Set(rows.filter((r) => r.values.kind === 'supplement').map(parentOf))].filter((p): p is number => p !== null && !revisions.has(p));
    for (const [p, next] of await transferRepo.nextRevisions(trx, parents)) revisions.set(p, next);
    const accountIds = [...new Set(rows.map((r) => Number(r.values.accountId)))];
    if ((await transferRepo.accountsInScope(trx, accountIds, accountScope(actor, 'account:read'))).length !== accountIds.length) throw changed('account outside your scope or removed');
    const inserts = rows.map((r) => {
      const v = r.values;
      const parentId = parentOf(r);
      if ((v.parentId || v.parentRow) && parentId === null) throw changed(`row ${r.row_no}`);
      let revision = 0;
      if (v.kind === 'supplement') {
        revision = revisions.get(parentId!) ?? 1;
        revisions.set(parentId!, revision + 1);
      }
      const status = String(v.status ?? 'signed');
      return {
        number: String(v.number),
        kind: String(v.kind),
        parent_id: parentId,
        revision,
        account_id: Number(v.accountId),
        owner_id: Number(v.ownerId),
        unit_id: Number(v.unitId),
        title: String(v.title),
        amount: Number(v.amount),
        sign_date: String(v.signDate),
        start_date: (v.startDate as string | undefined) ?? null,
        end_date: (v.endDate as string | undefined) ?? null,
        payment_terms: (v.paymentTerms as string | undefined) ?? '',
        note: (v.note as string | undefined) ?? '',
        status,
        // midnight UTC of the sign date: the same business day in any zone east of Greenwich
        signed_at: `${String(v.signDate)}T00:00:00Z`,
        closed_at: status === 'completed' ? new Date() : null,
        created_by: actor.userId,
      };
    });
    const written = await transferRepo.insertContracts(trx, inserts);
    // the importer writes only what they may see afterwards: an owner who left the scope since the dry run is refused
    if ((await transferRepo.contractsForPlan(trx, written.map((c) => c.id), writeScope)).length !== written.length) throw changed('owner outside your scope');
    rows.forEach((r, i) => {
      recordOf.set(r.row_no, written[i].id);
      accounts.add(written[i].account_id);
    });
    await auditMany(trx, actor, written.map((c, i) => ({ entity: 'contract', entityId: c.id, action: 'import', after: c as unknown as Record<string, unknown>, data: traced(ctx, rows[i].row_no) })));
    created += written.length;
  };
  for await (const rows of chunks(ctx)) {
    // a row whose parent is a row of the same batch waits for the next insert
    let batch: CommitRow[] = [];
    const inBatch = new Set<number>();
    for (const r of rows) {
      if (r.values.parentRow && inBatch.has(Number(r.values.parentRow))) {
        await write(batch);
        batch = [];
        inBatch.clear();
      }
      batch.push(r);
      inBatch.add(r.row_no);
    }
    await write(batch);
    done += rows.length;
    await chunkDone(ctx, rows, recordOf, done, 90);
  }
  await syncFigures(ctx, accounts, done);
  return result(ctx, created);
}

/** Payment plans: each contract's instalments as the file gives them, once per contract (one audit entry per contract and chunk). */
async function commitInstalments(ctx: CommitContext): Promise<ImportResult> {
  const { trx, actor } = ctx;
  const recordOf = new Map<number, number>();
  const planned = new Set<number>();
  const accounts = new Set<number>();
  const writeScope = ownedScope('contracts', actor, 'contract:write');
  let done = 0;
  for await (const rows of chunks(ctx)) {
    const fresh = [...new Set(rows.map((r) => Number(r.values.contractId)))].filter((id) => !planned.has(id));
    const found = await transferRepo.contractsForPlan(trx, fresh, writeScope);
    if (found.length !== fresh.length) throw changed('contract outside your scope or removed');
    if (found.some((c) => c.has_plan)) throw changed('a contract got a payment plan meanwhile');
    for (const c of found) planned.add(c.id);
    const inserts = rows.map((r) => ({
      contract_id: Number(r.values.contractId),
      account_id: Number(r.values.accountId),
      seq: Number(r.values.seq),
      milestone: (r.values.milestone as string | undefined) ?? '',
      due_date: String(r.values.dueDate),
      amount: Number(r.values.amount),
    }));
    await transferRepo.insertInstalments(trx, inserts);
    const perContract = new Map<number, { rows: number[]; instalments: typeof inserts }>();
    rows.forEach((r, i) => {
      const c = inserts[i].contract_id;
      const e = perContract.get(c) ?? { rows: [], instalments: [] };
      e.rows.push(r.row_no);
      e.instalments.push(inserts[i]);
      perContract.set(c, e);
      recordOf.set(r.row_no, c);
      accounts.add(inserts[i].account_id);
    });
    await auditMany(
      trx,
      actor,
      [...perContract].map(([id, e]) => ({ entity: 'contract', entityId: id, action: 'import', data: { ...traced(ctx, e.rows), instalments: e.instalments.map(({ seq, milestone, due_date, amount }) => ({ seq, milestone, dueDate: due_date, amount })) } })),
    );
    done += rows.length;
    await chunkDone(ctx, rows, recordOf, done, 90);
  }
  await syncFigures(ctx, accounts, done);
  return result(ctx, done);
}

/**
 * Receipts from finance, set-based a chunk at a time. A duplicate (same bank reference) is always
 * left alone: a file never overwrites a receipt. A confirmed receipt is the account's credit until
 * it is allocated, so no instalment — and no account figure — changes here.
 */
async function commitReceipts(ctx: CommitContext): Promise<ImportResult> {
  const { trx, actor } = ctx;
  const scope = accountScope(actor, 'receipt:confirm');
  const recordOf = new Map<number, number>();
  let created = 0;
  let skipped = 0;
  let done = 0;
  for await (const rows of chunks(ctx, RECEIPT_CHUNK)) {
    const fresh = rows.filter((r) => r.status === 'ok');
    skipped += rows.length - fresh.length;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    const written = await transferRepo.insertReceipts(
      trx,
      {
        accountId: fresh.map((r) => Number(r.values.accountId)),
        number: fresh.map((r) => text(r.values.number)),
        receivedOn: fresh.map((r) => String(r.values.receivedOn)),
        amount: fresh.map((r) => Number(r.values.amount)),
        method: fresh.map((r) => text(r.values.method) ?? 'transfer'),
        bankRef: fresh.map((r) => text(r.values.bankRef)),
        payer: fresh.map((r) => text(r.values.payer) ?? ''),
        note: fresh.map((r) => text(r.values.note) ?? ''),
        confirmed: fresh.map((r) => r.values.confirmed === true),
      },
      actor.userId,
      scope,
    );
    if (written.length !== fresh.length) throw changed('account outside your scope or removed');
    fresh.forEach((r, i) => recordOf.set(r.row_no, written[i].id));
    await auditMany(trx, actor, written.map((x, i) => ({ entity: 'receipt', entityId: x.id, action: 'import', after: x, data: traced(ctx, fresh[i].row_no) })));
    created += written.length;
    done += rows.length;
    await chunkDone(ctx, fresh, recordOf, done, 100);
  }
  return result(ctx, created, skipped);
}

const COMMITS: Record<ImportKind, (ctx: CommitContext) => Promise<ImportResult>> = {
  accounts: commitAccounts,
  contacts: commitContacts,
  revenue: commitRevenue,
  contracts: commitContracts,
  instalments: commitInstalments,
  receipts: commitReceipts,
};

export const applyImport = (ctx: CommitContext): Promise<ImportResult> => COMMITS[ctx.kind](ctx);
