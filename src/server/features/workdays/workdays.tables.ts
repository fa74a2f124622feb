import type { Generated } from 'kysely';
import type { UpdatedAt } from '../../db/columns';

/** A year of the working calendar: as published (official) or changed by an admin (edited). */
export interface WorkCalendarYearTable {
  year: number;
  status: string;
  source: Generated<string>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

/** A day that differs from the weekday rule: off (法定节假日, 调休 bridge) or worked (调休 make-up day). */
export interface WorkCalendarDayTable {
  date: string;
  year: number;
  off: boolean;
  name: string;
}

/** The tables the workdays room owns (composed into the database's type in db/schema.ts). */
export interface WorkdaysTables {
  work_calendar_years: WorkCalendarYearTable;
  work_calendar_days: WorkCalendarDayTable;
}
export const WORKDAYS_TABLES = ['work_calendar_years', 'work_calendar_days'] as const satisfies readonly (keyof WorkdaysTables)[];
