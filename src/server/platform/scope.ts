import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Permission } from '../../shared/permissions';
import type { Executor } from '../db/client';
import type { DB } from '../db/schema';
import type { Actor } from './actor';
import { can, scopeOf } from './actor';

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

/** Tables whose rows carry the owner and org unit that data scope reads (`owner_id`, `unit_id`). */
export type OwnedTable = 'accounts' | 'visits' | 'receptions' | 'business_trips' | 'opportunities' | 'monthly_plans' | 'expense_claims' | 'general_requests' | 'contracts' | 'receipts' | 'tickets' | 'customer_events';

/** The actor's scope over one owned table as a where-clause of a query on it. */
export type OwnedScope<T extends OwnedTable> = (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>;

/** The actor's scope for `permission` over the records of `table` (by its owner_id and unit_id). */
export function ownedScope<T extends OwnedTable>(table: T, actor: Actor, permission: Permission): OwnedScope<T> {
  return (eb) => scopeWhere(eb, actor, permission, { owner: `${table}.owner_id`, unit: `${table}.unit_id` });
}

/** Account access: the accounts the actor reaches under a permission (a contact, need or visit is reached through its account). */
export type AccountScope = OwnedScope<'accounts'>;
export const accountScope = (actor: Actor, permission: Permission): AccountScope => ownedScope('accounts', actor, permission);

/** Whether the account exists and lies in `scope` (a 404 otherwise, whatever the reason). */
export async function accountReachable(db: Executor, accountId: number, scope: AccountScope): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').where('id', '=', accountId).where(scope).executeTakeFirst()) !== undefined;
}

/** Whether the actor holds `permission` and its scope for it reaches the account (a timeline source's check). */
export async function seesAccount(db: Executor, actor: Actor, permission: Permission, accountId: number): Promise<boolean> {
  return can(actor, permission) && accountReachable(db, accountId, accountScope(actor, permission));
}

/** Accounts of a unit and its subtree (by the org path): a list filter, not a scope. */
export function inUnitSubtree(unitId: number) {
  return (eb: ExpressionBuilder<DB, 'accounts'>): Expression<SqlBool> =>
    eb(
      'accounts.unit_id',
      'in',
      eb
        .selectFrom('org_units as sub')
        .select('sub.id')
        .where('sub.path', 'like', eb.selectFrom('org_units as top').select(sql<string>`top.path || '%'`.as('p')).where('top.id', '=', unitId)),
    );
}
