import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { ensureDefaultRoles } from '../../src/server/features/org/bootstrap';
import { ensureDefaultChains } from '../../src/server/features/org/bootstrap';

export const TMP_DIR = path.resolve(import.meta.dirname, '../../.tmp');
export const PGLITE_TEMPLATE = path.join(TMP_DIR, 'pglite-template.tar.gz');
export const PG_TEMPLATE_DB = `tm_template_${process.env.TM_TEMPLATE_SUFFIX ?? 'default'}`;

/** Which database the integration suite runs on: PGlite unless TEST_DB=postgres. */
export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function serverUrl(dbName: string): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** Builds the migrated template once per run (global setup). */
export async function buildTemplate(): Promise<void> {
  if (testDbKind() === 'postgres') {
    const admin = openPostgres(process.env.TEST_DATABASE_URL!, 2);
    await sql.raw(`drop database if exists ${PG_TEMPLATE_DB} with (force)`).execute(admin.db);
    await sql.raw(`create database ${PG_TEMPLATE_DB}`).execute(admin.db);
    await admin.close();
    const tpl = openPostgres(serverUrl(PG_TEMPLATE_DB), 3);
    await migrate(tpl);
    await ensureDefaultRoles(tpl.db);
    await ensureDefaultChains(tpl.db);
    await tpl.close();
    return;
  }
  const db = await openPglite(undefined);
  await migrate(db);
  await ensureDefaultRoles(db.db);
  await ensureDefaultChains(db.db);
  const dump = await dumpPglite(db);
  await mkdir(TMP_DIR, { recursive: true });
  await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}

async function dumpPglite(db: Database): Promise<Blob> {
  if (!db.pglite) throw new Error('not a PGlite database');
  return db.pglite.dumpDataDir('gzip');
}

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a PGlite clone of the template, or a PostgreSQL copy. */
export async function cloneTemplate(): Promise<TestDatabase> {
  if (testDbKind() === 'postgres') {
    const name = `tm_t_${randomBytes(5).toString('hex')}`;
    const admin = openPostgres(process.env.TEST_DATABASE_URL!, 2);
    await sql.raw(`create database ${name} template ${PG_TEMPLATE_DB}`).execute(admin.db);
    const database = openPostgres(serverUrl(name), 5);
    return {
      database,
      async drop() {
        await database.close();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const blob = new Blob([await readFile(PGLITE_TEMPLATE)]);
  const database = await openPglite(undefined, blob);
  return { database, drop: () => database.close() };
}
