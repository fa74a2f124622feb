import { sql } from 'kysely';
import type { Executor } from '../../db/client';

const id = (name: string) => sql.id(name);
const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const list = (items: ReturnType<typeof sql.id>[]) => sql.join(items, sql`, `);

export interface ColumnInfo {
  name: string;
  /** bytea columns make rows large, so their tables are read in smaller batches */
  type: string;
}

/** The catalog and bulk-copy statements of backup and restore; table names come from the catalog only. */
export const backupRepo = {
  async listTables(db: Executor): Promise<string[]> {
    const r = await sql<{ name: string }>`select table_name::text as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      order by table_name`.execute(db);
    return r.rows.map((x) => x.name);
  },
  async appliedMigrations(db: Executor): Promise<string[]> {
    const exists = await sql<{ ok: boolean }>`select to_regclass('public.schema_migrations') is not null as ok`.execute(db);
    if (!exists.rows[0]?.ok) return [];
    return (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)).rows.map((x) => x.name);
  },
  /** Stored columns in table order; generated columns are left out because they are recomputed on insert. */
  async columns(db: Executor, table: string): Promise<ColumnInfo[]> {
    const r = await sql<ColumnInfo>`select a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type
      from pg_attribute a
      where a.attrelid = ${`public.${quoteIdent(table)}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`.execute(db);
    return r.rows;
  },
  async primaryKey(db: Executor, table: string): Promise<string[]> {
    const r = await sql<{ name: string }>`select a.attname::text as name
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
      where i.indrelid = ${`public.${quoteIdent(table)}`}::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
    return r.rows.map((x) => x.name);
  },
  /** Columns backed by a sequence (identity or serial), whose counters a restore must move on. */
  async sequenceColumns(db: Executor, table: string): Promise<string[]> {
    const r = await sql<{ name: string }>`select a.attname::text as name
      from pg_attribute a
      where a.attrelid = ${`public.${quoteIdent(table)}`}::regclass and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(${`public.${quoteIdent(table)}`}, a.attname) is not null
      order by a.attnum`.execute(db);
    return r.rows.map((x) => x.name);
  },
  async countRows(db: Executor, table: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${id(table)}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },
  async hasRows(db: Executor, table: string): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`select exists (select 1 from ${id(table)}) as ok`.execute(db);
    return Boolean(r.rows[0]?.ok);
  },
  /**
   * One page of rows as JSON text (never parsed in JavaScript, so numerics, bytea and
   * timestamps keep their exact PostgreSQL text form). Keyset pagination: `after` is the
   * previous page's last row, whose key columns are read back through the table's row type.
   */
  async rowsAfter(db: Executor, table: string, key: string[], after: string | null, limit: number): Promise<string[]> {
    const order = key.length ? sql`order by ${list(key.map((k) => sql.id('t', k)))}` : sql`order by t::text`;
    let where = sql``;
    if (after !== null && key.length) {
      where = sql`where (${list(key.map((k) => sql.id('t', k)))}) > (select ${list(key.map((k) => sql.id('k', k)))}
        from jsonb_populate_record(null::${id(table)}, ${after}::jsonb) k)`;
    }
    const r = await sql<{ r: string }>`select to_jsonb(t)::text as r from ${id(table)} t ${where} ${order} limit ${limit}`.execute(db);
    return r.rows.map((x) => x.r);
  },
  /** Tables without a primary key fall back to offset paging over a stable order. */
  async rowsAtOffset(db: Executor, table: string, offset: number, limit: number): Promise<string[]> {
    const r = await sql<{ r: string }>`select to_jsonb(t)::text as r from ${id(table)} t order by t::text offset ${offset} limit ${limit}`.execute(db);
    return r.rows.map((x) => x.r);
  },
  async truncate(db: Executor, tables: string[]): Promise<void> {
    if (!tables.length) return;
    await sql`truncate ${list(tables.map(id))} restart identity cascade`.execute(db);
  },
  /** One statement of a migration's after-restore part. */
  async exec(db: Executor, statement: string): Promise<void> {
    await sql.raw(statement).execute(db);
  },
  async deferConstraints(db: Executor): Promise<void> {
    await sql`set constraints all deferred`.execute(db);
  },
  /** Inserts a JSON array of rows; ids are kept as they were, hence `overriding system value`. */
  async insertRows(db: Executor, table: string, columns: string[], rowsJson: string): Promise<void> {
    const cols = list(columns.map(id));
    await sql`insert into ${id(table)} (${cols}) overriding system value
      select ${list(columns.map((c) => sql.id('r', c)))} from jsonb_populate_recordset(null::${id(table)}, ${rowsJson}::jsonb) r`.execute(db);
  },
  async resetSequence(db: Executor, table: string, column: string): Promise<void> {
    const col = ref('t', column);
    await sql`select setval(pg_get_serial_sequence(${`public.${quoteIdent(table)}`}, ${column}), coalesce(max(${col}), 1), max(${col}) is not null)
      from ${id(table)} t`.execute(db);
  },
};

/** The table name as PostgreSQL reads it inside a regclass literal. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
