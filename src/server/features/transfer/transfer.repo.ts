import { expressionBuilder, sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Executor, Kdb } from '../../db/client';
import type { AccountTable, ContactRelationshipHistoryTable, ContactTable, DB, ImportRowTable } from '../../db/schema';
import { type AccountScope, type OwnedScope } from '../../platform/scope';

/** A user-scope condition over `users` (users.id / users.unit_id), built with scopeWhere. */
export type UserScope = Expression<SqlBool>;

const accountsEb = expressionBuilder<DB, 'accounts'>();
/** The account scope as a plain SQL condition on a relation named `accounts` with owner_id and unit_id. */
const scopeSql = (scope: AccountScope) => scope(accountsEb);

/**
 * SET list of a bulk update: a column takes the row's value where the row's JSON object has the
 * key, and keeps its own otherwise (each row changes only some columns).
 */
function bulkSet(alias: string, columns: readonly string[]) {
  return sql.join(columns.map((c) => sql`${sql.id(c)} = case when e.j ? ${c} then r.${sql.id(c)} else ${sql.id(alias)}.${sql.id(c)} end`));
}

const SUMMARY = [
  'imports.id',
  'imports.kind',
  'imports.status',
  'imports.file_name',
  'imports.file_format',
  'imports.file_size',
  'imports.options',
  'imports.phase',
  'imports.progress',
  'imports.total_rows',
  'imports.ok_rows',
  'imports.error_rows',
  'imports.duplicate_rows',
  'imports.columns',
  'imports.result',
  'imports.error',
  'imports.version',
  'imports.created_by',
  'users.name as created_by_name',
  'imports.created_at',
  'imports.updated_at',
  'imports.validated_at',
  'imports.committed_at',
] as const;

export interface NewImport {
  kind: string;
  fileName: string;
  fileFormat: string;
  sha256: string;
  size: number;
  options: Record<string, unknown>;
  createdBy: number;
}

/** Size of one stored slice of an uploaded file. */
export const FILE_SLICE = 1 << 20;

export const transferRepo = {
  // ---------------------------------------------------------------- the import record

  async insert(db: Executor, v: NewImport) {
    const r = await db
      .insertInto('imports')
      .values({
        kind: v.kind,
        file_name: v.fileName,
        file_format: v.fileFormat,
        file_size: v.size,
        file_sha256: v.sha256,
        options: JSON.stringify(v.options),
        created_by: v.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** The import's summary; `createdBy` limits it to one user's imports (others see a 404). */
  async find(db: Executor, id: number, createdBy?: number) {
    let q = db.selectFrom('imports').innerJoin('users', 'users.id', 'imports.created_by').select(SUMMARY).where('imports.id', '=', id);
    if (createdBy !== undefined) q = q.where('imports.created_by', '=', createdBy);
    return q.executeTakeFirst();
  },

  async list(db: Executor, createdBy: number, limit: number, offset: number) {
    const base = db.selectFrom('imports').innerJoin('users', 'users.id', 'imports.created_by').where('imports.created_by', '=', createdBy);
    const [items, count] = await Promise.all([
      base.select(SUMMARY).orderBy('imports.created_at', 'desc').orderBy('imports.id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  async forRun(db: Executor, id: number) {
    return db.selectFrom('imports').select(['file_format', 'file_size', 'kind', 'options', 'version', 'status', 'created_by']).where('id', '=', id).executeTakeFirst();
  },

  /**
   * Stores an uploaded file as 1 MB slices. Each slice travels as base64 text decoded by the
   * database: a text parameter costs its own size, a bytea one many times that on PGlite.
   */
  async writeFile(db: Executor, importId: number, content: Buffer) {
    await db.deleteFrom('import_files').where('import_id', '=', importId).execute();
    for (let seq = 0; seq * FILE_SLICE < content.length; seq++) {
      const slice = content.subarray(seq * FILE_SLICE, (seq + 1) * FILE_SLICE).toString('base64');
      await sql`insert into import_files (import_id, seq, data) values (${importId}, ${seq}, decode(${slice}, 'base64'))`.execute(db);
    }
  },

  /** One stored slice of the file (base64 on the way out too), or undefined past the end. */
  async fileSlice(db: Executor, importId: number, seq: number): Promise<Buffer | undefined> {
    const r = await sql<{ b64: string }>`select encode(data, 'base64') as b64 from import_files where import_id = ${importId} and seq = ${seq}`.execute(db);
    const b64 = r.rows[0]?.b64;
    return b64 === undefined ? undefined : Buffer.from(b64, 'base64');
  },

  /**
   * Moves the import from one of `from` to `to` (and sets `extra`) when it still has `version`;
   * false when someone else moved it first. `bump` makes it a new version (a new file, new choices).
   */
  async transition(
    db: Executor,
    id: number,
    from: readonly string[],
    to: string,
    opts: { version?: number; bump?: boolean; extra?: Record<string, unknown>; staleSeconds?: number } = {},
  ) {
    let q = db
      .updateTable('imports')
      .set({ status: to, updated_at: sql`now()`, ...(opts.bump ? { version: sql`version + 1` } : {}), ...opts.extra })
      .where('id', '=', id);
    const stuck = opts.staleSeconds;
    q = stuck === undefined ? q.where('status', 'in', from) : q.where((eb) => eb.or([eb('status', 'in', from), eb.and([eb('status', 'in', ['validating', 'committing']), eb('updated_at', '<', sql<Date>`now() - make_interval(secs => ${stuck})`)])]));
    if (opts.version !== undefined) q = q.where('version', '=', opts.version);
    const r = await q.returning(['id', 'version']).executeTakeFirst();
    return r;
  },

  async progress(db: Executor, id: number, phase: string, progress: number, totalRows?: number) {
    await db
      .updateTable('imports')
      .set({ phase, progress, updated_at: sql`now()`, ...(totalRows !== undefined ? { total_rows: totalRows } : {}) })
      .where('id', '=', id)
      .execute();
  },

  async replaceFile(db: Executor, id: number, v: { fileName: string; fileFormat: string; sha256: string; size: number }) {
    await db.updateTable('imports').set({ file_name: v.fileName, file_format: v.fileFormat, file_size: v.size, file_sha256: v.sha256 }).where('id', '=', id).execute();
  },

  async setOptions(db: Executor, id: number, options: Record<string, unknown>) {
    await db.updateTable('imports').set({ options: JSON.stringify(options) }).where('id', '=', id).execute();
  },

  // ---------------------------------------------------------------- the report

  async deleteRows(db: Executor, importId: number) {
    await db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
  },

  async insertRows(db: Executor, rows: Insertable<ImportRowTable>[]) {
    if (rows.length) await db.insertInto('import_rows').values(rows).execute();
  },

  async counts(db: Executor, importId: number) {
    const rows = await db
      .selectFrom('import_rows')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('import_id', '=', importId)
      .groupBy('status')
      .execute();
    const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { ok: n('ok'), error: n('error'), duplicate: n('duplicate') };
  },

  async rows(db: Executor, importId: number, status: string | undefined, limit: number, offset: number) {
    let q = db.selectFrom('import_rows').where('import_id', '=', importId);
    if (status) q = q.where('status', '=', status);
    const [items, count] = await Promise.all([
      q.select(['row_no', 'status', 'errors', 'values', 'match', 'action', 'record_id']).orderBy('row_no').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** The next rows of the commit in file order (keyset on the row number). */
  async rowsAfter(db: Executor, importId: number, afterRow: number, statuses: readonly string[], limit: number) {
    return db
      .selectFrom('import_rows')
      .select(['row_no', 'status', 'values', 'match', 'action'])
      .where('import_id', '=', importId)
      .where('row_no', '>', afterRow)
      .where('status', 'in', statuses)
      .orderBy('row_no')
      .limit(limit)
      .execute();
  },

  /** Per-row choices for duplicates; rows that are not duplicates are left alone. */
  async setActions(db: Executor, importId: number, rows: { rowNo: number; action: string | null }[]) {
    if (!rows.length) return;
    await sql`update import_rows r set action = v.action
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("rowNo" int, action text)
      where r.import_id = ${importId} and r.row_no = v."rowNo" and r.status = 'duplicate'`.execute(db);
  },

  async setRecordIds(db: Executor, importId: number, rows: { rowNo: number; recordId: number }[]) {
    if (!rows.length) return;
    await sql`update import_rows r set record_id = v."recordId"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("rowNo" int, "recordId" bigint)
      where r.import_id = ${importId} and r.row_no = v."rowNo"`.execute(db);
  },

  // ---------------------------------------------------------------- look-ups of the dry run

  /** Accounts holding any of the codes, whether the caller may see each. */
  async accountsByCode(db: Executor, codes: string[], scope: AccountScope) {
    if (!codes.length) return [];
    return db
      .selectFrom('accounts')
      .select(['accounts.id', 'accounts.name', 'accounts.credit_code', 'accounts.owner_id', (eb) => sql<boolean>`${scope(eb)}`.as('visible')])
      .where('accounts.credit_code', 'in', codes)
      .execute();
  },

  /** Accounts in scope with exactly one of the names (a reference by name must be exact). */
  async accountsByName(db: Executor, names: string[], scope: AccountScope) {
    if (!names.length) return [];
    return db
      .selectFrom('accounts')
      .select(['accounts.id', 'accounts.name', 'accounts.credit_code', 'accounts.owner_id'])
      .where('accounts.name', 'in', names)
      .where(scope)
      .orderBy('accounts.id')
      .execute();
  },

  /**
   * For each row key, the most similar account in scope by pg_trgm similarity of the name keys,
   * at or above the threshold. A row with its own credit code matches only accounts without one.
   * The `%` operator searches the trigram index with pg_trgm.similarity_threshold, set to the
   * import's threshold for this statement's transaction: the index then offers only close
   * candidates instead of every name sharing a few trigrams. Sequential scans are off for it too:
   * on a small table the planner would rather compute the name key of every account for every
   * row (seconds per chunk) than ask the index.
   */
  async similarAccounts(db: Kdb, rows: { row: number; key: string; hasCode: boolean }[], threshold: number, scope: AccountScope) {
    if (!rows.length) return [];
    return db.transaction().execute(async (trx) => {
      await sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true), set_config('enable_seqscan', 'off', true)`.execute(trx);
      const r = await sql<{ row: number; id: number; name: string; similarity: number }>`
        select v.row, m.id, m.name, m.similarity
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(row int, key text, "hasCode" boolean)
        cross join lateral (
          select accounts.id, accounts.name, similarity(tm_account_name_key(accounts.name), v.key) as similarity
          from accounts
          where v.key <> '' and tm_account_name_key(accounts.name) % v.key
            and (not v."hasCode" or accounts.credit_code is null)
            and ${scopeSql(scope)}
          order by similarity desc, accounts.id
          limit 1
        ) m
        where m.similarity >= ${threshold}`.execute(trx);
      return r.rows.map((x) => ({ ...x, similarity: Number(x.similarity) }));
    });
  },

  /**
   * Users by username (case-insensitive) with whether each is active, inside `assignScope`, and
   * whether an account they own in their unit would fall inside the importer's `accountScope`.
   */
  async owners(db: Executor, usernames: string[], assignScope: UserScope, accountScope: AccountScope) {
    if (!usernames.length) return [];
    const r = await sql<{ id: number; username: string; unit_id: number; active: boolean; assignable: boolean; in_scope: boolean }>`
      select users.id, users.username, users.unit_id, users.status = 'active' as active,
        ${assignScope} as assignable, ${scopeSql(accountScope)} as in_scope
      from users
      cross join lateral (select users.id as owner_id, users.unit_id as unit_id) as accounts
      where lower(users.username) in (${sql.join(usernames.map((u) => u.toLowerCase()))})`.execute(db);
    return r.rows;
  },

  async activeUsersByName(db: Executor, usernames: string[]) {
    if (!usernames.length) return [];
    return db
      .selectFrom('users')
      .select(['id', 'username'])
      .where(sql<string>`lower(username)`, 'in', usernames.map((u) => u.toLowerCase()))
      .where('status', '=', 'active')
      .execute();
  },

  /** Contacts of the accounts with one of the names (candidates for "same person"). */
  async contactsNamed(db: Executor, accountIds: number[], names: string[]) {
    if (!accountIds.length || !names.length) return [];
    return db
      .selectFrom('contacts')
      .select(['id', 'account_id', 'name', 'mobile'])
      .where('account_id', 'in', accountIds)
      .where('name', 'in', names)
      .orderBy('id')
      .execute();
  },

  /** Imported revenue already on the ledger for these account/year pairs. */
  async importedRevenue(db: Executor, pairs: { accountId: number; year: number }[]) {
    if (!pairs.length) return [];
    const r = await sql<{ account_id: number; year: number; amount: number }>`
      select r.account_id, r.year, r.amount from account_revenue r
      join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as v("accountId" bigint, year int) on v."accountId" = r.account_id and v.year = r.year
      where r.source = 'import'`.execute(db);
    return r.rows.map((x) => ({ ...x, amount: Number(x.amount) }));
  },

  // ---------------------------------------------------------------- writes of the commit

  async insertAccounts(db: Executor, rows: Insertable<AccountTable>[]) {
    if (!rows.length) return [];
    // PostgreSQL returns the rows of a multi-row VALUES insert in the order given.
    return (await db.insertInto('accounts').values(rows).returning('id').execute()).map((r) => r.id);
  },

  async accountsForUpdate(db: Executor, ids: number[], scope: AccountScope) {
    if (!ids.length) return [];
    return db.selectFrom('accounts').selectAll().where('id', 'in', ids).where(scope).orderBy('id').forUpdate().execute();
  },

  /**
   * Bulk update of accounts or contacts: each row's given columns (the others stay), version
   * bumped. Values travel as one JSON parameter, typed by the table's own row type.
   */
  async bulkUpdate<T extends 'accounts' | 'contacts'>(db: Executor, table: T, columns: readonly (keyof DB[T])[], rows: Record<string, unknown>[]) {
    if (!rows.length) return;
    await sql`update ${sql.table(table)} t set ${bulkSet('t', columns as string[])}, version = t.version + 1, updated_at = now()
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as e(j)
      cross join lateral jsonb_populate_record(null::${sql.table(table)}, e.j) as r
      where t.id = r.id`.execute(db);
  },

  async insertContacts(db: Executor, rows: Insertable<ContactTable>[]) {
    if (!rows.length) return [];
    return db.insertInto('contacts').values(rows).returning(['id', 'support', 'closeness', 'stage', 'expertise', 'competitor_leaning', 'our_owner_id']).execute();
  },

  async contactsForUpdate(db: Executor, ids: number[], scope: AccountScope) {
    if (!ids.length) return [];
    return db
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .selectAll('contacts')
      .where('contacts.id', 'in', ids)
      .where(scope)
      .orderBy('contacts.id')
      .forUpdate('contacts')
      .execute();
  },

  async insertHistory(db: Executor, rows: Insertable<ContactRelationshipHistoryTable>[]) {
    if (rows.length) await db.insertInto('contact_relationship_history').values(rows).execute();
  },

  async revenueForUpdate(db: Executor, pairs: { accountId: number; year: number }[]) {
    if (!pairs.length) return [];
    const r = await sql<{ account_id: number; year: number; amount: number; note: string }>`
      select r.account_id, r.year, r.amount, r.note from account_revenue r
      join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as v("accountId" bigint, year int) on v."accountId" = r.account_id and v.year = r.year
      where r.source = 'import' for update of r`.execute(db);
    return r.rows.map((x) => ({ ...x, amount: Number(x.amount) }));
  },

  /** Imported revenue rows: inserted, or replacing the imported figure of that account and year. */
  async upsertRevenue(db: Executor, rows: { account_id: number; year: number; amount: number; note: string }[]) {
    if (!rows.length) return;
    await db
      .insertInto('account_revenue')
      .values(rows.map((r) => ({ ...r, source: 'import' })))
      .onConflict((oc) => oc.columns(['account_id', 'year', 'source']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount'), note: eb.ref('excluded.note'), updated_at: sql`now()` })))
      .execute();
  },

  /** A write that changes an account without touching its profile (the revenue ledger) still makes open editors stale. */
  async bumpAccounts(db: Executor, ids: number[]) {
    if (!ids.length) return;
    await db.updateTable('accounts').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', 'in', ids).execute();
  },

  async accountsInScope(db: Executor, ids: number[], scope: AccountScope) {
    if (!ids.length) return [];
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', 'in', ids).where(scope).forUpdate().execute();
  },

  // ---------------------------------------------------------------- contracts, payment plans and receipts

  /** Problems the dry run found once the whole file was read: the rows become errors with the issue added. */
  async addRowIssues(db: Executor, importId: number, rows: { rowNo: number; issue: unknown }[]) {
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await sql`update import_rows r set status = 'error', errors = r.errors || jsonb_build_array(v.issue)
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v("rowNo" int, issue jsonb)
        where r.import_id = ${importId} and r.row_no = v."rowNo"`.execute(db);
    }
  },

  /**
   * Users a contract file names as owner, by username (any case) or name, with whether each is
   * active and whether a contract they own in their unit lies in `ownerScope`.
   */
  async dealOwners(db: Executor, keys: string[], ownerScope: UserScope) {
    if (!keys.length) return [];
    const r = await sql<{ id: number; username: string; name: string; unit_id: number; active: boolean; in_scope: boolean }>`
      select users.id, users.username, users.name, users.unit_id, users.status = 'active' as active, ${ownerScope} as in_scope
      from users
      where lower(users.username) in (${sql.join(keys.map((k) => k.toLowerCase()))}) or users.name in (${sql.join(keys)})
      order by users.id`.execute(db);
    return r.rows;
  },

  /** Contracts with any of the numbers (any case), whether each lies in `scope`, and whether it has instalments. */
  async contractsByNumber(db: Executor, numbers: string[], scope: OwnedScope<'contracts'>) {
    if (!numbers.length) return [];
    return db
      .selectFrom('contracts')
      .select((eb) => [
        'contracts.id',
        'contracts.number',
        'contracts.kind',
        'contracts.status',
        'contracts.account_id',
        'contracts.amount',
        sql<boolean>`${scope(eb)}`.as('visible'),
        eb.exists(eb.selectFrom('contract_instalments as i').select('i.id').whereRef('i.contract_id', '=', 'contracts.id')).as('has_plan'),
      ])
      .where(sql<string>`lower(contracts.number)`, 'in', [...new Set(numbers.map((n) => n.toLowerCase()))])
      .execute();
  },

  /** Live receipts with any of the bank references, whether each lies in `scope`. */
  async receiptsByBankRef(db: Executor, refs: string[], scope: OwnedScope<'receipts'>) {
    if (!refs.length) return [];
    return db
      .selectFrom('receipts')
      .select((eb) => ['receipts.id', 'receipts.number', 'receipts.bank_ref', 'receipts.account_id', sql<boolean>`${scope(eb)}`.as('visible')])
      .where('receipts.bank_ref', 'in', refs)
      .where('receipts.status', '<>', 'void')
      .execute();
  },

  async receiptNumbersTaken(db: Executor, numbers: string[]) {
    if (!numbers.length) return [];
    const rows = await db
      .selectFrom('receipts')
      .select('number')
      .where(sql<string>`lower(number)`, 'in', numbers.map((n) => n.toLowerCase()))
      .execute();
    return rows.map((r) => r.number);
  },

  /** New contracts in the order given; PostgreSQL returns the rows of a multi-row insert in that order. */
  async insertContracts(db: Executor, rows: Insertable<DB['contracts']>[]) {
    if (!rows.length) return [];
    return db.insertInto('contracts').values(rows).returningAll().execute();
  },

  /** The next supplement revision under each parent. */
  async nextRevisions(db: Executor, parentIds: number[]) {
    if (!parentIds.length) return new Map<number, number>();
    const rows = await db
      .selectFrom('contracts')
      .select(['parent_id', (eb) => eb.fn.max('revision').as('r')])
      .where('parent_id', 'in', parentIds)
      .where('kind', '=', 'supplement')
      .groupBy('parent_id')
      .execute();
    return new Map(rows.map((r) => [Number(r.parent_id), Number(r.r) + 1]));
  },

  /** The contracts (locked) still in `scope`, with whether each has a plan: the commit's re-check of the dry run. */
  async contractsForPlan(db: Executor, ids: number[], scope: OwnedScope<'contracts'>) {
    if (!ids.length) return [];
    return db
      .selectFrom('contracts')
      .select((eb) => ['contracts.id', 'contracts.account_id', eb.exists(eb.selectFrom('contract_instalments as i').select('i.id').whereRef('i.contract_id', '=', 'contracts.id')).as('has_plan')])
      .where('contracts.id', 'in', ids)
      .where(scope)
      .forUpdate()
      .execute();
  },

  async insertInstalments(db: Executor, rows: Insertable<DB['contract_instalments']>[]) {
    if (rows.length) await db.insertInto('contract_instalments').values(rows).execute();
  },

  /**
   * Receipts of an import chunk, set-based: one statement from arrays (unnest), the owner and unit
   * taken from each account as it is now, only accounts still in `scope`; a receipt without a
   * number gets HK-<year received>-<id>, as one recorded by hand. Returns the rows written, in order.
   */
  async insertReceipts(
    db: Executor,
    v: { accountId: number[]; number: (string | null)[]; receivedOn: string[]; amount: number[]; method: string[]; bankRef: (string | null)[]; payer: string[]; note: string[]; confirmed: boolean[] },
    actorId: number,
    scope: AccountScope,
  ) {
    if (!v.accountId.length) return [];
    const r = await sql<Record<string, unknown> & { id: number; account_id: number }>`
      with v as (
        select nextval(pg_get_serial_sequence('receipts', 'id')) as id, v.*
        from unnest(${v.accountId}::bigint[], ${v.number}::text[], ${v.receivedOn}::date[], ${v.amount}::bigint[], ${v.method}::text[],
                    ${v.bankRef}::text[], ${v.payer}::text[], ${v.note}::text[], ${v.confirmed}::boolean[])
             with ordinality as v(account_id, number, received_on, amount, method, bank_ref, payer, note, confirmed, ord)
      )
      insert into receipts (id, number, account_id, owner_id, unit_id, received_on, amount, method, bank_ref, payer, note, source, status, recorded_by, confirmed_by, confirmed_at)
      select v.id, coalesce(v.number, 'HK-' || to_char(v.received_on, 'YYYY') || '-' || lpad(v.id::text, 6, '0')), accounts.id, accounts.owner_id, accounts.unit_id,
             v.received_on, v.amount, v.method, v.bank_ref, v.payer, v.note, 'import',
             case when v.confirmed then 'confirmed' else 'recorded' end, ${actorId}, case when v.confirmed then ${actorId}::bigint end, case when v.confirmed then now() end
      from v join accounts on accounts.id = v.account_id
      where ${scopeSql(scope)}
      order by v.ord
      returning receipts.*`.execute(db);
    return r.rows;
  },
};
