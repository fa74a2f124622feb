import { sql, type SqlBool } from 'kysely';
import type { Permission } from '../../../shared/permissions';
import { can, type Actor } from '../../platform/actor';
import { scopeWhere } from '../../platform/scope';
import type { AccountScope } from '../accounts/accounts.repo';

/** Plans and applications belong to their account: the caller's scope for `permission` on the account. */
export function giftAccountScope(actor: Actor, permission: Permission): AccountScope {
  return (eb) => scopeWhere(eb, actor, permission, { owner: 'accounts.owner_id', unit: 'accounts.unit_id' });
}

/**
 * Reading applications: the account's scope for gift:read, and every application for the gift
 * administrator (gift:manage) — the company has one gift stock and the administrator issues from it
 * against any approved application, whatever the administrator role's data scope.
 */
export function applicationReadScope(actor: Actor): AccountScope {
  if (can(actor, 'gift:manage')) return () => sql<SqlBool>`true`;
  return giftAccountScope(actor, 'gift:read');
}
