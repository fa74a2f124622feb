import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { competitorCreate, competitorListQuery, competitorUpdate } from '../../../shared/contracts/opportunities';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { columnValues } from '../../platform/columns';
import { pageWindow, resolveSort } from '../../platform/listing';
import { withVersioned } from '../../platform/versioned';
import { competitorsRepo, type CompetitorValues } from './competitors.repo';
import { ownedScope } from '../../platform/scope';

const notFound = () => new AppError('NOT_FOUND', 'Competitor not found', undefined, { key: 'pipeline.competitorNotFound' });
const stale = () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** One register entry per competitor: the name compared trimmed and case-insensitively. */
export const nameKey = (name: string) => name.trim().toLowerCase();

async function checkUnique(trx: Executor, name: string, selfId?: number) {
  const other = await competitorsRepo.idOfKey(trx, nameKey(name));
  if (other !== undefined && other !== selfId) throw validationError([issue('name', 'pipeline.competitorExists', 'A competitor with this name is already in the register')]);
}

const SORT: Record<string, string> = { name: 'c.name', createdAt: 'c.created_at', updatedAt: 'c.updated_at' };

export async function list(db: Kdb, actor: Actor, q: z.infer<typeof competitorListQuery>) {
  const r = await competitorsRepo.list(db, {
    scope: ownedScope('opportunities', actor, 'opportunity:read'),
    active: q.active === 'all' ? undefined : q.active === 'true',
    q: q.q,
    sort: resolveSort(q.sort, SORT, 'name'),
    ...pageWindow(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function get(db: Executor, actor: Actor, id: number) {
  const row = await competitorsRepo.find(db, id, ownedScope('opportunities', actor, 'opportunity:read'));
  if (!row) throw notFound();
  return row;
}
export type CompetitorRow = Awaited<ReturnType<typeof get>>;

export async function create(db: Kdb, actor: Actor, input: z.infer<typeof competitorCreate>) {
  return db.transaction().execute(async (trx) => {
    await checkUnique(trx, input.name);
    const row = await competitorsRepo.insert(trx, {
      name: input.name,
      name_key: nameKey(input.name),
      website: input.website ?? null,
      products: input.products ?? null,
      strengths: input.strengths ?? null,
      weaknesses: input.weaknesses ?? null,
      price_position: input.pricePosition ?? null,
      note: input.note ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: 'competitor', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

const COLUMNS = { name: 'name', website: 'website', products: 'products', strengths: 'strengths', weaknesses: 'weaknesses', pricePosition: 'price_position', note: 'note', active: 'active' } as const;

export async function update(db: Kdb, actor: Actor, id: number, input: z.infer<typeof competitorUpdate>) {
  return withVersioned(db, (trx) => competitorsRepo.findForUpdate(trx, id), input.version, { notFound, stale }, async (trx, before) => {
    const values = columnValues(input, COLUMNS) as CompetitorValues;
    if (input.name !== undefined) {
      await checkUnique(trx, input.name, id);
      values.name_key = nameKey(input.name);
    }
    const after = await competitorsRepo.update(trx, id, values);
    const action = input.active === undefined || input.active === before.active ? 'update' : input.active ? 'activate' : 'deactivate';
    await audit(trx, actor, { entity: 'competitor', entityId: id, action, before, after });
    return id;
  });
}
