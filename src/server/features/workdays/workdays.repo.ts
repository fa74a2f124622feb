import { sql } from 'kysely';
import type { Executor } from '../../db/client';

/** All SQL of the workdays room. */
export const workdaysRepo = {
  /** Every day that differs from the weekday rule (a few dozen a year): the whole calendar in one read. */
  async allDays(db: Executor) {
    return db.selectFrom('work_calendar_days').select([sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'off', 'name']).orderBy('date').execute();
  },
};
