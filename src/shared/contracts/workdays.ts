import { z } from 'zod';
import { businessDate, isoDateTimeNullable } from './common';

/**
 * The working calendar (工作日历, issue 15 item 2; the rules are shared/domain/workdays.ts): per year the days
 * that differ from "Monday–Friday work" — 法定节假日 and their bridge days off, 调休 make-up days worked — and
 * the working hours of a working day. Every signed-in user reads it; an administrator (workdays:manage)
 * changes it.
 */

/** official: as the State Council published it; edited: changed by an administrator; missing: no arrangement entered (the weekday rule alone). */
export const CALENDAR_STATUSES = ['official', 'edited', 'missing'] as const;
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number];

/** The years the calendar keeps (the table's check). */
export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;
/** A year lists at most this many days (2026 has 39). */
export const CALENDAR_DAYS_MAX = 120;
export const CALENDAR_NAME_MAX = 40;

const year = z.coerce.number().int().min(CALENDAR_YEAR_MIN).max(CALENDAR_YEAR_MAX);

/** One day that differs from the weekday rule: off (a holiday) or worked (a make-up day), with the holiday's name. */
export const calendarDay = z.object({
  date: businessDate,
  /** true: not worked; false: worked */
  off: z.boolean(),
  /** 元旦, 春节, 国庆节… */
  name: z.string().trim().min(1).max(CALENDAR_NAME_MAX),
});
export type CalendarDayInput = z.infer<typeof calendarDay>;

/** 'HH:mm', 00:00–23:59, in the business time zone. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected HH:mm' });

/** The working hours of a working day; the break (午休), when set, has both ends and lies inside the day. */
export const workingHours = z.object({
  start: clockTime,
  end: clockTime,
  breakStart: clockTime.nullable().optional(),
  breakEnd: clockTime.nullable().optional(),
});
export type WorkingHoursInput = z.infer<typeof workingHours>;

/** The working hours as read: a break not set is null. */
const hoursView = z.object({ start: z.string(), end: z.string(), breakStart: z.string().nullable(), breakEnd: z.string().nullable() });

export const workCalendarQuery = z.object({
  /** default: the current year in the business time zone */
  year: year.optional(),
});
export const workCalendarYearParam = z.object({ year });

/** GET /api/work-calendar: one year's days, its status, its count of working days, and the working hours. */
export const workCalendar = z.object({
  year: z.number().int(),
  status: z.enum(CALENDAR_STATUSES),
  /** where the days came from (the State Council's notice), '' for a year an administrator entered */
  source: z.string(),
  /** the version a PUT sends back; 0 while the year is missing */
  version: z.number().int(),
  updatedAt: isoDateTimeNullable,
  updatedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  days: z.array(z.object({ date: z.string(), off: z.boolean(), name: z.string() })),
  /** the working days of the year under these days and the weekday rule */
  workingDays: z.number().int(),
  hours: hoursView,
  /** the working hours' version (0: never saved, the default) */
  hoursVersion: z.number().int(),
  /** today is in December and next year's arrangement has not been entered (the page warns) */
  nextYearMissing: z.boolean(),
  nextYear: z.number().int(),
});
export type WorkCalendarView = z.infer<typeof workCalendar>;

/** PUT /api/work-calendar/:year: the year's whole list of days, replacing the one read at `version` (0 for a missing year; stale: 409). */
export const workCalendarUpdate = z.object({
  version: z.number().int().min(0),
  days: z.array(calendarDay).max(CALENDAR_DAYS_MAX),
});
export type WorkCalendarUpdate = z.infer<typeof workCalendarUpdate>;

/** PUT /api/work-calendar-hours: the working hours with the version read (stale: 409). */
export const workingHoursUpdate = workingHours.extend({ version: z.number().int().min(0) });
export type WorkingHoursUpdate = z.infer<typeof workingHoursUpdate>;

export const workingHoursState = z.object({
  hours: hoursView,
  version: z.number().int(),
});
export type WorkingHoursState = z.infer<typeof workingHoursState>;
