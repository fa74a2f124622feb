import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client';
import { migrate, readMigrations } from '../../src/server/db/migrator';
import { serverUrl } from '../support/db';
import { PLATFORM_TABLES } from '../../src/server/db/schema';
import { FEATURES } from '../../src/server/features';

async function checkFreshDatabase(database: Database) {
  const files = await readMigrations();
  const applied = await migrate(database);
  expect(applied).toEqual(files.map((f) => f.name));
  // a second run applies nothing
  expect(await migrate(database)).toEqual([]);
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.db);
  const names = tables.rows.map((r) => r.table_name);
  // every table is the platform's or one room's, declared once (db/schema.ts, the rooms' manifests)
  const declared = [...PLATFORM_TABLES, ...FEATURES.flatMap((f) => f.tables ?? [])];
  expect(declared.filter((t, i) => declared.indexOf(t) !== i)).toEqual([]);
  expect(names.filter((t) => t !== 'schema_migrations').sort()).toEqual([...declared].sort());
  // every foreign key is deferrable, so a restore can load tables in any order
  const fks = await sql<{ conname: string; condeferrable: boolean }>`
    select conname, condeferrable from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`.execute(database.db);
  expect(fks.rows.length).toBeGreaterThan(10);
  expect(fks.rows.filter((r) => !r.condeferrable).map((r) => r.conname)).toEqual([]);
}

describe('migrations on an empty database', () => {
  it('apply in order on PGlite', async () => {
    const db = await openPglite(undefined);
    try {
      await checkFreshDatabase(db);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('apply in order on PostgreSQL (TEST_DATABASE_URL)', async () => {
    const name = `tm_mig_${randomBytes(4).toString('hex')}`;
    const admin = openPostgres(process.env.TEST_DATABASE_URL!, 2);
    await sql.raw(`create database ${name}`).execute(admin.db);
    const db = openPostgres(serverUrl(name), 3);
    try {
      const version = await sql<{ server_version_num: string }>`show server_version_num`.execute(db.db);
      expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
      await checkFreshDatabase(db);
      // two instances migrating at once: the advisory lock lets one do the work
      const again = openPostgres(serverUrl(name), 3);
      expect(await Promise.all([migrate(db), migrate(again)])).toEqual([[], []]);
      await again.close();
    } finally {
      await db.close();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    }
  });
});
