import type { Executor } from '../../db/client';
import { defineFeature } from '../../platform/feature';
import { calendarOf, type WorkCalendar } from '../../../shared/domain/workdays';
import { workdaysRepo } from './workdays.repo';
import { WORKDAYS_TABLES } from './workdays.tables';

export const workdaysFeature = defineFeature({
  name: 'workdays',
  tables: WORKDAYS_TABLES,
});

/**
 * The working calendar as the rules in shared/domain/workdays.ts take it: every room that counts working
 * days or working time (SLA clocks, due dates of plans and tasks) reads it through here.
 */
export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  return calendarOf(await workdaysRepo.allDays(db));
}
