import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import { MAX_SAVED_VIEWS, type savedViewCreate, type savedViewUpdate, type SavedViewPage } from '../../../shared/contracts/saved-views';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { savedViewsRepo } from './saved-views.repo';
import { checkViewQuery, type ViewQuery } from './saved-views.rules';

const notFound = () => new AppError('NOT_FOUND', 'Saved view not found', undefined, { key: 'savedViews.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The view was changed elsewhere; reload and try again', undefined, { key: 'savedViews.stale' });
const nameTaken = (name: string) => new AppError('CONFLICT', `You already have a view called ${name}`, { path: 'name' }, { key: 'savedViews.nameTaken', params: { name } });

function validQuery(page: SavedViewPage, query: ViewQuery): ViewQuery {
  const r = checkViewQuery(page, query);
  if (!('issues' in r)) return r.query;
  const { issues } = r;
  throw validationError(issues);
}

/** A unique index decided a race: the name (case-insensitive) or the one default per page. */
function fromUniqueViolation(err: unknown, name: string | undefined): never {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23505') {
    if (e.constraint === 'saved_views_name_uq' && name !== undefined) throw nameTaken(name);
    throw stale();
  }
  throw err;
}

export async function listViews(db: Kdb, actor: Actor, page: SavedViewPage) {
  return savedViewsRepo.list(db, actor.userId, page);
}

export async function createView(db: Kdb, actor: Actor, input: z.infer<typeof savedViewCreate>) {
  const query = validQuery(input.page, input.query);
  try {
    return await db.transaction().execute(async (trx) => {
      if ((await savedViewsRepo.count(trx, actor.userId, input.page)) >= MAX_SAVED_VIEWS) {
        throw validationError([issue('name', 'savedViews.tooMany', `At most ${MAX_SAVED_VIEWS} views per page`, { max: MAX_SAVED_VIEWS })]);
      }
      if (input.isDefault) await savedViewsRepo.clearDefault(trx, actor.userId, input.page);
      const row = await savedViewsRepo.insert(trx, {
        user_id: actor.userId,
        page: input.page,
        name: input.name,
        query: JSON.stringify(query),
        is_default: input.isDefault,
        sort_order: await savedViewsRepo.nextSortOrder(trx, actor.userId, input.page),
      });
      await audit(trx, actor, { entity: 'saved_view', entityId: row.id, action: 'create', after: row });
      return row;
    });
  } catch (err) {
    fromUniqueViolation(err, input.name);
  }
}

export async function updateView(db: Kdb, actor: Actor, id: number, input: z.infer<typeof savedViewUpdate>) {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await savedViewsRepo.findForUpdate(trx, actor.userId, id);
      if (!before) throw notFound();
      if (before.version !== input.version) throw stale();
      const page = before.page as SavedViewPage;
      const query = input.query === undefined ? undefined : validQuery(page, input.query);
      if (input.isDefault) await savedViewsRepo.clearDefault(trx, actor.userId, page, id);
      const after = await savedViewsRepo.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(query !== undefined ? { query: JSON.stringify(query) } : {}),
        ...(input.isDefault !== undefined ? { is_default: input.isDefault } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      });
      await audit(trx, actor, { entity: 'saved_view', entityId: id, action: 'update', before, after });
      return after;
    });
  } catch (err) {
    fromUniqueViolation(err, input.name);
  }
}

export async function deleteView(db: Kdb, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await savedViewsRepo.findForUpdate(trx, actor.userId, id);
    if (!before) throw notFound();
    await savedViewsRepo.remove(trx, id);
    await audit(trx, actor, { entity: 'saved_view', entityId: id, action: 'delete', before });
  });
}
