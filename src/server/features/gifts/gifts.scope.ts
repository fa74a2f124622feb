import { sql, type SqlBool } from 'kysely';
import { can, type Actor } from '../../platform/actor';
import { accountScope, type AccountScope } from '../../platform/scope';

/**
 * Reading applications: the account's scope for gift:read, and every application for the gift
 * administrator (gift:manage) — the company has one gift stock and the administrator issues from it
 * against any approved application, whatever the administrator role's data scope.
 */
export function applicationReadScope(actor: Actor): AccountScope {
  if (can(actor, 'gift:manage')) return () => sql<SqlBool>`true`;
  return accountScope(actor, 'gift:read');
}
