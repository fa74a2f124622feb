import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { issue, validationError } from '../../../shared/errors';
import type { auditListQuery } from '../../../shared/contracts/audit';
import type { Actor } from '../../platform/actor';
import { scopeWhere } from '../../platform/scope';
import { can } from '../../platform/actor';
import { auditRepo } from './audit.repo';
import { redactDiff } from './audit.rules';

type Query = z.infer<typeof auditListQuery>;

const SORTS = new Set(['at', '-at']);

/**
 * Searches the audit trail. The reader's data scope applies to who acted: with 'all' the
 * whole trail (system actions included), with a narrower scope the actions of users in it.
 */
export async function listAudit(db: Kdb, actor: Actor, q: Query) {
  if (q.sort && !SORTS.has(q.sort)) throw validationError([issue('sort', 'common.sortField', 'Sort by at or -at', { fields: 'at' })]);
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from > to) throw validationError([issue('to', 'common.endBeforeStart', 'to is before from')]);
  const r = await auditRepo.list(db, {
    where: (eb) => scopeWhere(eb, actor, 'audit:read', { owner: 'audit_log.actor_id', unit: 'users.unit_id' }),
    entity: q.entity || undefined,
    entityId: q.entityId || undefined,
    actorId: q.actorId,
    action: q.action || undefined,
    from,
    to,
    q: q.q || undefined,
    desc: q.sort !== 'at',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  // personal details and trade terms in a diff are for those who may see them elsewhere too
  const items = r.items.map((a) => ({ ...a, diff: redactDiff(a.entity, a.diff, (p) => can(actor, p)) as typeof a.diff }));
  return { ...r, items, page: q.page, pageSize: q.pageSize };
}

/** The history of one record: the same search, pinned to the record. */
export async function recordHistory(db: Kdb, actor: Actor, entity: string, entityId: string, q: Pick<Query, 'page' | 'pageSize' | 'sort'>) {
  return listAudit(db, actor, { ...q, entity, entityId });
}
