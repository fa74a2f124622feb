import type { DataScope, Permission } from '../../shared/permissions';
import { AppError } from '../../shared/errors';

/** Who is making the request: attached by the auth hook, passed to every service call. */
export interface Actor {
  userId: number;
  username: string;
  name: string;
  unitId: number;
  /** materialised path of the actor's unit, e.g. '/1/4/' */
  unitPath: string;
  positions: string[];
  roles: { id: number; code: string }[];
  /** permission → widest data scope among the roles that grant it */
  permissions: Map<Permission, DataScope>;
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  csrfToken?: string;
  ip?: string;
  requestId?: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', `Missing permission ${permission}`, undefined, { key: 'common.forbidden', params: { permission } });
}

export function scopeOf(actor: Actor, permission: Permission): DataScope | undefined {
  return actor.permissions.get(permission);
}
