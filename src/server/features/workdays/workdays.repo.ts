import { sql } from 'kysely';
import type { Executor } from '../../db/client';

const dayColumns = [sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'off', 'name'] as const;

/** All SQL of the workdays room. */
export const workdaysRepo = {
  /** Every day that differs from the weekday rule (a few dozen a year): the whole calendar in one read. */
  async allDays(db: Executor) {
    return db.selectFrom('work_calendar_days').select([...dayColumns]).orderBy('date').execute();
  },

  /** One year's days, by date. */
  async daysOf(db: Executor, year: number) {
    return db.selectFrom('work_calendar_days').select([...dayColumns]).where('year', '=', year).orderBy('date').execute();
  },

  /** A year's row with the name of who changed it last; undefined while the year is missing. */
  async year(db: Executor, year: number) {
    return db
      .selectFrom('work_calendar_years as y')
      .leftJoin('users as u', 'u.id', 'y.updated_by')
      .select(['y.year', 'y.status', 'y.source', 'y.version', 'y.updated_at', 'y.updated_by', 'u.name as updated_by_name'])
      .where('y.year', '=', year)
      .executeTakeFirst();
  },

  /** Whether a year has a row (its arrangement was entered). */
  async hasYear(db: Executor, year: number) {
    return (await db.selectFrom('work_calendar_years').select('year').where('year', '=', year).executeTakeFirst()) !== undefined;
  },

  /** The year's row locked for a change (undefined while missing). */
  async lockYear(db: Executor, year: number) {
    return db.selectFrom('work_calendar_years').select(['year', 'status', 'source', 'version']).where('year', '=', year).forUpdate().executeTakeFirst();
  },

  /** A year entered for the first time; undefined when someone else entered it meanwhile. */
  async insertYear(db: Executor, year: number, userId: number) {
    return db
      .insertInto('work_calendar_years')
      .values({ year, status: 'edited', source: '', updated_by: userId })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('version')
      .executeTakeFirst();
  },

  /** Marks a year edited at the next version, only from the version read; undefined when it moved on. */
  async touchYear(db: Executor, year: number, version: number, userId: number) {
    return db
      .updateTable('work_calendar_years')
      .set({ status: 'edited', version: version + 1, updated_by: userId, updated_at: sql`now()` })
      .where('year', '=', year)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst();
  },

  /** Replaces a year's days. */
  async replaceDays(db: Executor, year: number, days: readonly { date: string; off: boolean; name: string }[]) {
    await db.deleteFrom('work_calendar_days').where('year', '=', year).execute();
    if (days.length) await db.insertInto('work_calendar_days').values(days.map((d) => ({ date: d.date, year, off: d.off, name: d.name }))).execute();
  },
};
