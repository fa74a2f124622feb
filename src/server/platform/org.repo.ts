import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../db/client';
import type { Position } from '../../shared/permissions';

/**
 * An org unit as people tell it apart: its path below the company root, e.g. 江苏分公司 / 大客户部 —
 * several units share a name (every branch has its own 大客户部). Read from the ids in
 * org_units.path (decision 004); the root itself reads as its name, no unit as null. `match` is the
 * condition that picks the unit `u`.
 */
const unitPath = (match: RawBuilder<SqlBool>) =>
  sql<string>`(select coalesce(string_agg(a.name, ' / ' order by a.depth) filter (where a.parent_id is not null), max(u.name))
    from org_units u join org_units a on a.id = any(string_to_array(trim(both '/' from u.path), '/')::bigint[])
    where ${match})`;

/** The unit path (江苏分公司 / 大客户部) of the unit whose id is in `idColumn`: what lists and documents show as a unit's name. */
export const unitPathOf = (idColumn: string) => unitPath(sql<SqlBool>`u.id = ${sql.ref(idColumn)}`);
/** The same for an id stored as text (a history row's from/to value). */
export const unitPathOfText = (textColumn: string) => unitPath(sql<SqlBool>`u.id::text = ${sql.ref(textColumn)}`);

/** Reads of the organisation every room may make (users and units are the platform's). */
export const orgReads = {
  /** The user when active (an owner, a successor, a person responsible must be one). */
  async activeUser(db: Executor, id: number) {
    return db.selectFrom('users').select(['id', 'name', 'unit_id']).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  },
  /** The active holder of `position` in the unit or the nearest unit above it (lowest id on a tie). */
  async positionHolderAbove(db: Executor, unitId: number, position: Position) {
    return db
      .selectFrom('users')
      .innerJoin('user_positions', 'user_positions.user_id', 'users.id')
      .innerJoin('org_units as du', 'du.id', 'users.unit_id')
      .select('users.id')
      .where('user_positions.position', '=', position)
      .where('users.status', '=', 'active')
      .where(sql<SqlBool>`(select ou.path from org_units ou where ou.id = ${unitId}) like du.path || '%'`)
      .orderBy('du.depth', 'desc')
      .orderBy('users.id')
      .limit(1)
      .executeTakeFirst();
  },
};
