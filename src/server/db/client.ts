import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type Kdb = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the root handle or an open transaction: repos accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kdb;
  /** the PGlite instance, when embedded */
  readonly pglite?: PGlite;
  /** Runs a multi-statement SQL script (migrations) inside one transaction. */
  execScript(sqlText: string): Promise<void>;
  /** Holds a session advisory lock until the returned function is called (no-op on PGlite: one session). */
  advisoryLock(key: number): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// One place where column types are normalised for both drivers: int8 and numeric as
// JavaScript numbers (fen amounts stay far below 2^53), dates as plain 'YYYY-MM-DD' strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const INT8_ARRAY = 1016;
const NUMERIC_ARRAY = 1231;
const toNumber = (v: string) => (v === null ? null : Number(v));
const asText = (v: string) => v;

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    // trigram indexes serve contains-search on account names (migration 0005)
    extensions: { pg_trgm },
    parsers: { [pgliteTypes.INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText },
  });
  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async execScript(sqlText) {
      await db.transaction().execute(async () => {
        // PGlite's exec runs a whole script in the session the open transaction holds.
        await client.exec(sqlText);
      });
    },
    async advisoryLock() {
      return async () => {};
    },
    async close() {
      await db.destroy();
    },
  };
}

/** poolSize must be at least 2: migrations hold one connection for their advisory lock. */
export function openPostgres(url: string, poolSize = 10): Database {
  const typeParsers = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return asText;
      if (oid === INT8_ARRAY || oid === NUMERIC_ARRAY) {
        const parseArray = pg.types.getTypeParser(oid as Parameters<typeof pg.types.getTypeParser>[0], format) as (v: string) => (string | null)[];
        return (v: string) => parseArray(v).map((x) => (x === null ? null : Number(x)));
      }
      return pg.types.getTypeParser(oid, format);
    },
  };
  // JIT off: the app's statements are short and many; PostgreSQL compiled some (the KPI library's, whose
  // estimates pass jit_above_cost) for ~400 ms each time, ten times what they take to run (bench:kpis)
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers as pg.CustomTypesConfig, options: '-c jit=off' });
  // An idle connection that the server closes (restart, failover) must not crash the process;
  // the pool drops it and the next query opens a new one.
  pool.on('error', (err) => console.error(`PostgreSQL idle connection error: ${err.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async execScript(sqlText) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(sqlText);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async advisoryLock(key) {
      const client = await pool.connect();
      await client.query('select pg_advisory_lock($1)', [key]);
      return async () => {
        try {
          await client.query('select pg_advisory_unlock($1)', [key]);
        } finally {
          client.release();
        }
      };
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
