import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/client';
import type { Position } from '../../shared/permissions';

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
