import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Permission } from '../../shared/permissions';
import type { DB } from '../db/schema';
import type { Actor } from './actor';
import { scopeOf } from './actor';

/**
 * The one place where data scope (ORG-2) becomes SQL. Given the columns that say who owns a
 * record and which org unit it belongs to, returns the condition the actor's scope allows:
 * own → owner is the actor; team → also records of the actor's unit; unit → of the unit's
 * whole subtree; all → everything. No permission at all → nothing.
 */
export function scopeWhere<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  permission: Permission,
  columns: { owner: string; unit: string },
): Expression<SqlBool> {
  const scope = scopeOf(actor, permission);
  const owner = sql.ref(columns.owner);
  const unit = sql.ref(columns.unit);
  switch (scope) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'unit':
      // = any(array(…)) computes the subtree's ids once, so both sides of the OR can use an
      // index (a bitmap OR); `in (subquery)` under an OR is a filter run against every row.
      return sql<SqlBool>`(${owner} = ${actor.userId} or ${unit} = any(array(select ou.id from org_units ou where ou.path like ${actor.unitPath + '%'})))`;
    case 'team':
      return sql<SqlBool>`(${owner} = ${actor.userId} or ${unit} = ${actor.unitId})`;
    case 'own':
      return sql<SqlBool>`${owner} = ${actor.userId}`;
    default:
      void eb;
      return sql<SqlBool>`false`;
  }
}
