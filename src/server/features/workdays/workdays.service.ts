import { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { iso } from '../../../shared/contracts/common';
import { workingHours, type CalendarStatus, type WorkCalendarUpdate, type WorkCalendarView, type WorkingHoursState, type WorkingHoursUpdate } from '../../../shared/contracts/workdays';
import { calendarOf, DEFAULT_WORKING_HOURS, type WorkCalendar, type WorkingHours } from '../../../shared/domain/workdays';
import { AppError, validationError } from '../../../shared/errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { defineSetting } from '../../platform/settings';
import { workdaysRepo } from './workdays.repo';
import { dayIssues, hoursIssues, hoursOut, nextYearMissing, workingDaysInYear } from './workdays.rules';

/**
 * The working calendar (issue 15 item 2): a year's days read by everyone and replaced by an administrator,
 * the working hours as a setting, and what the rooms that count working time load (loadWorkTime).
 */

const stale = () => new AppError('STALE_VERSION', 'The calendar was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** workdays.hours: the working hours of a working day; a stored value that breaks the rules reads as the default. */
export const hoursSetting = defineSetting<WorkingHours>(
  'workdays.hours',
  workingHours.refine((h) => hoursIssues(h).length === 0) as unknown as z.ZodType<WorkingHours>,
  DEFAULT_WORKING_HOURS,
);

/** The calendar and the working hours: what an SLA clock or a due date in working time needs. */
export interface WorkTime {
  calendar: WorkCalendar;
  hours: WorkingHours;
}

/**
 * The working calendar as the rules in shared/domain/workdays.ts take it: every room that counts working
 * days or working time (SLA clocks, due dates of plans and tasks) reads it through the room's index.
 */
export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  return calendarOf(await workdaysRepo.allDays(db));
}

/** The calendar and the working hours (workdays.hours), for clocks that run in working time. */
export async function loadWorkTime(db: Executor): Promise<WorkTime> {
  const [calendar, hours] = await Promise.all([loadWorkCalendar(db), hoursSetting.get(db)]);
  return { calendar, hours: hours.value };
}

/** One year as the page shows it (a year with no row: 'missing', version 0, the weekday rule alone). */
export async function getCalendar(db: Executor, year: number, today: string): Promise<WorkCalendarView> {
  const nextYear = Number(today.slice(0, 4)) + 1;
  const [row, days, hours, nextKnown] = await Promise.all([workdaysRepo.year(db, year), workdaysRepo.daysOf(db, year), hoursSetting.get(db), workdaysRepo.hasYear(db, nextYear)]);
  return {
    year,
    status: (row?.status ?? 'missing') as CalendarStatus,
    source: row?.source ?? '',
    version: row?.version ?? 0,
    updatedAt: iso(row?.updated_at ?? null),
    updatedBy: row?.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
    days,
    workingDays: workingDaysInYear(year, days),
    hours: hoursOut(hours.value),
    hoursVersion: hours.version,
    nextYearMissing: nextYearMissing(today, nextKnown),
    nextYear,
  };
}

/**
 * Replaces a year's days in one transaction: the year's row locked and checked at the version read (409
 * when it moved on; a missing year is version 0 and is created), marked edited, the days replaced, and the
 * change audited with the days before and after.
 */
export async function putCalendar(db: Kdb, actor: Actor, year: number, input: WorkCalendarUpdate, today: string): Promise<WorkCalendarView> {
  const issues = dayIssues(year, input.days);
  if (issues.length) throw validationError(issues);
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  await db.transaction().execute(async (trx) => {
    const before = await workdaysRepo.lockYear(trx, year);
    if ((before?.version ?? 0) !== input.version) throw stale();
    const beforeDays = before ? await workdaysRepo.daysOf(trx, year) : [];
    const moved = before ? await workdaysRepo.touchYear(trx, year, before.version, actor.userId) : await workdaysRepo.insertYear(trx, year, actor.userId);
    if (!moved) throw stale();
    await workdaysRepo.replaceDays(trx, year, days);
    await audit(trx, actor, {
      entity: 'work_calendar',
      entityId: year,
      action: before ? 'update' : 'create',
      before: before ? { status: before.status, days: beforeDays } : null,
      after: { status: 'edited', days },
    });
  });
  return getCalendar(db, year, today);
}

/** Saves the working hours at the version read (409 when stale); 400 naming the field that breaks the rules. */
export async function putHours(db: Kdb, actor: Actor, input: WorkingHoursUpdate): Promise<WorkingHoursState> {
  const { version, ...hours } = input;
  const issues = hoursIssues(hours);
  if (issues.length) throw validationError(issues);
  const saved = await hoursSetting.put(db, actor, hoursOut(hours), version);
  return { hours: hoursOut(saved.value), version: saved.version };
}
