import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../platform/listing';
import type { DB } from '../../db/schema';

export interface AuditFilter {
  /** the data-scope condition over audit_log and the acting user (users, left-joined) */
  where: (eb: ExpressionBuilder<DB, 'audit_log' | 'users'>) => Expression<SqlBool>;
  entity?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  from?: Date;
  to?: Date;
  q?: string;
  desc: boolean;
  limit: number;
  offset: number;
}

/** SQL of the audit trail (read side; writes go through platform/audit.ts). */
export const auditRepo = {
  async list(db: Executor, f: AuditFilter) {
    let base = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id').where(f.where);
    if (f.entity) base = base.where('audit_log.entity', '=', f.entity);
    if (f.entityId) base = base.where('audit_log.entity_id', '=', f.entityId);
    if (f.actorId) base = base.where('audit_log.actor_id', '=', f.actorId);
    if (f.action) base = base.where('audit_log.action', '=', f.action);
    if (f.from) base = base.where('audit_log.at', '>=', f.from);
    if (f.to) base = base.where('audit_log.at', '<', f.to);
    if (f.q) {
      const like = containsPattern(f.q);
      base = base.where((eb) => eb.or([eb('audit_log.entity_id', 'ilike', like), eb('audit_log.action', 'ilike', like)]));
    }
    const dir = f.desc ? 'desc' : 'asc';
    const [items, count] = await Promise.all([
      base
        .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.action', 'audit_log.diff', 'audit_log.ip'])
        .orderBy('audit_log.at', dir)
        .orderBy('audit_log.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
};
