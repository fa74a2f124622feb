import type { Executor, Kdb } from '../db/client';
import type { AppError } from '../../shared/errors';

/**
 * One write on a versioned record in one transaction: `lock` loads and locks it within the
 * caller's scope (nothing → `notFound`, a 404), a version other than the stored one is `stale`
 * (a 409), then `fn` changes it. Audit inside `fn`, so it commits with the change.
 */
export async function withVersioned<T extends { version: number }, R>(
  db: Kdb,
  lock: (trx: Executor) => Promise<T | undefined>,
  version: number,
  errors: { notFound: () => AppError; stale: () => AppError },
  fn: (trx: Executor, before: T) => Promise<R>,
): Promise<R> {
  return db.transaction().execute(async (trx) => {
    const before = await lock(trx);
    if (!before) throw errors.notFound();
    if (before.version !== version) throw errors.stale();
    return fn(trx, before);
  });
}
