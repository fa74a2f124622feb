import { sql } from 'kysely';
import type { Executor } from '../db/client';

/** The key → JSON settings table, shared by the rooms that keep a setting (each owns its keys). */
export const settingsRepo = {
  async get(db: Executor, key: string): Promise<unknown> {
    return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  },
  async getMany(db: Executor, keys: string[]): Promise<Map<string, unknown>> {
    if (!keys.length) return new Map();
    const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
    return new Map<string, unknown>(rows.map((r) => [r.key, r.value]));
  },
  async put(db: Executor, key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: sql`now()` }))
      .execute();
  },
};
