import { z } from 'zod';
import type { Executor, Kdb, Trx } from '../db/client';
import { AppError } from '../../shared/errors';
import type { Actor } from './actor';
import { audit } from './audit';
import { settingsRepo } from './settings.repo';

/** A setting as stored: its value (the default until someone saves one), its version (0: never saved) and who saved it when. */
export interface Stored<T> {
  value: T;
  version: number;
  updatedAt: Date | null;
  updatedBy: number | null;
}

export interface Setting<T> {
  readonly key: string;
  readonly fallback: T;
  get(db: Executor): Promise<Stored<T>>;
  /**
   * Saves a new value in its own transaction or the caller's, audited as entity 'setting' with
   * the key. `version` is the one the caller saw (0: never saved): another one is a 409; left out,
   * the last write wins (settings whose API takes no version).
   */
  put(db: Executor, actor: Actor, value: T, version?: number): Promise<Stored<T>>;
}

/** The audit record shows an object setting field by field. */
const plain = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v });

const stale = () => new AppError('STALE_VERSION', 'The settings were changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** A tolerant reader (one that fills in defaults field by field) as the schema of a setting. */
export const readWith = <T>(read: (stored: unknown) => T): z.ZodType<T> => z.unknown().transform((v) => read(v)) as unknown as z.ZodType<T>;

/**
 * One setting of a room: a key of the settings table, its schema and its default. A stored value
 * the schema refuses (an older release's shape, a hand edit) reads as the default, never as an error.
 */
export function defineSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): Setting<T> {
  const read = (raw: unknown): T => {
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
  };
  const stored = (row: { value: unknown; version: number; updated_at: Date; updated_by: number | null } | undefined): Stored<T> =>
    row ? { value: read(row.value), version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by } : { value: fallback, version: 0, updatedAt: null, updatedBy: null };

  const write = async (trx: Executor, actor: Actor, value: T, version: number | undefined): Promise<Stored<T>> => {
    const before = await settingsRepo.row(trx, key, true);
    const seen = before?.version ?? 0;
    if (version !== undefined && version !== seen) throw stale();
    const after = before ? await settingsRepo.update(trx, key, value, actor.userId) : await settingsRepo.insert(trx, key, value, actor.userId);
    if (!after) throw stale();
    await audit(trx, actor, { entity: 'setting', entityId: key, action: before ? 'update' : 'create', before: before ? plain(before.value) : null, after: plain(value) });
    return stored(after);
  };

  return {
    key,
    fallback,
    get: async (db) => stored(await settingsRepo.row(db, key)),
    put: (db, actor, value, version) => (db.isTransaction ? write(db as Trx, actor, value, version) : (db as Kdb).transaction().execute((trx) => write(trx, actor, value, version))),
  };
}
