import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface MigrationFile {
  name: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(names.map(async (f) => ({ name: f.replace(/\.sql$/, ''), sql: await readFile(path.join(dir, f), 'utf8') })));
}

/** The line that starts the part of a migration which runs again after a restore of an older backup. */
export const AFTER_RESTORE_MARKER = '-- @after-restore';

/**
 * The statements of a migration's after-restore part: data fixes that bring rows made before it
 * in line (a restore loads such rows into the current schema). Each statement ends a line with ';'.
 */
export function afterRestoreStatements(migrationSql: string): string[] {
  const at = migrationSql.indexOf(AFTER_RESTORE_MARKER);
  if (at < 0) return [];
  const body = migrationSql
    .slice(at)
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n');
  return body
    .split(/;[ \t]*$/m)
    .map((x) => x.trim())
    .filter(Boolean);
}

// Any fixed number: it names the lock that keeps two starting instances from migrating at once.
const MIGRATION_LOCK = 7_274_2026;

/**
 * Forward-only migrations: each file runs once, in its own transaction, in name order.
 * Several instances may start together; an advisory lock lets one migrate while the others wait.
 */
export async function migrate(database: Database, onApplied?: (name: string) => void): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(db);
  const files = await readMigrations();
  const applied: string[] = [];
  const release = await database.advisoryLock(MIGRATION_LOCK);
  try {
    const done = new Set(
      (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file.name)) continue;
      const record = `\ninsert into schema_migrations (name) values ('${file.name.replace(/'/g, "''")}');\n`;
      await database.execScript(file.sql + record);
      applied.push(file.name);
      onApplied?.(file.name);
    }
  } finally {
    await release();
  }
  return applied;
}
