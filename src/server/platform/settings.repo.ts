import { sql } from 'kysely';
import type { Executor } from '../db/client';

/** The key → JSON settings table: each setting is one key, declared by its room with defineSetting (platform/settings.ts). */
export const settingsRepo = {
  async row(db: Executor, key: string, lock = false) {
    const q = db.selectFrom('settings').select(['value', 'version', 'updated_at', 'updated_by']).where('key', '=', key);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  /** Creates the key at version 1; undefined when someone else created it first. */
  async insert(db: Executor, key: string, value: unknown, userId: number | null) {
    return db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), version: 1, updated_by: userId })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning(['value', 'version', 'updated_at', 'updated_by'])
      .executeTakeFirst();
  },
  async update(db: Executor, key: string, value: unknown, userId: number | null) {
    return db
      .updateTable('settings')
      .set((eb) => ({ value: JSON.stringify(value), version: eb('version', '+', 1), updated_by: userId, updated_at: sql`now()` }))
      .where('key', '=', key)
      .returning(['value', 'version', 'updated_at', 'updated_by'])
      .executeTakeFirstOrThrow();
  },
};
