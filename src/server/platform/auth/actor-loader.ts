import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import { isPermission, widerScope, type DataScope, type Permission } from '../../../shared/permissions';
import type { Actor } from '../actor';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

interface ActorRow {
  id: number;
  username: string;
  name: string;
  unit_id: number;
  unit_path: string;
  positions: string[] | null;
  grants: { roleId: number; code: string; scope: DataScope; permissions: string[] | null }[] | null;
}

// The actor's columns: the user, the unit's path, positions, and each role with its scope and permissions.
const ACTOR_COLUMNS = sql`u.id, u.username, u.name, u.unit_id, ou.path as unit_path,
      (select array_agg(up.position order by up.position) from user_positions up where up.user_id = u.id) as positions,
      (select json_agg(json_build_object(
          'roleId', r.id, 'code', r.code, 'scope', r.data_scope,
          'permissions', (select array_agg(rp.permission) from role_permissions rp where rp.role_id = r.id)))
        from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id) as grants`;

function toActor(row: ActorRow): Actor {
  const permissions = new Map<Permission, DataScope>();
  for (const grant of row.grants ?? []) {
    for (const p of grant.permissions ?? []) {
      if (!isPermission(p)) continue;
      const current = permissions.get(p);
      permissions.set(p, current ? widerScope(current, grant.scope) : grant.scope);
    }
  }
  return {
    userId: row.id,
    username: row.username,
    name: row.name,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    positions: row.positions ?? [],
    roles: (row.grants ?? []).map((g) => ({ id: g.roleId, code: g.code })),
    permissions,
    via: 'session',
  };
}

/** Loads a user with roles, permissions and scopes in one query. Only active users load. */
export async function loadActorForUser(db: Executor, userId: number): Promise<Actor | undefined> {
  const result = await sql<ActorRow>`
    select ${ACTOR_COLUMNS}
    from users u join org_units ou on ou.id = u.unit_id
    where u.id = ${userId} and u.status = 'active'`.execute(db);
  const row = result.rows[0];
  return row ? toActor(row) : undefined;
}

/**
 * The user of a live session (by the hash of its cookie), loaded in the same single query as the
 * session itself: the auth hook runs it on every request, so one round trip instead of two.
 */
export async function loadSessionActor(db: Executor, sessionId: string): Promise<{ actor: Actor; csrfToken: string; lastSeenAt: Date | string | null } | undefined> {
  const result = await sql<ActorRow & { csrf_token: string; last_seen_at: Date | string | null }>`
    select ${ACTOR_COLUMNS}, s.csrf_token, s.last_seen_at
    from sessions s join users u on u.id = s.user_id join org_units ou on ou.id = u.unit_id
    where s.id = ${sessionId} and s.expires_at > now() and u.status = 'active'`.execute(db);
  const row = result.rows[0];
  return row ? { actor: toActor(row), csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at } : undefined;
}

/** A system actor for jobs and the CLI: every permission, scope all. */
export function systemActor(name = 'system'): Actor {
  return {
    userId: 0,
    username: name,
    name,
    unitId: 0,
    unitPath: '/',
    positions: [],
    roles: [],
    permissions: new Map(),
    via: 'system',
  };
}
