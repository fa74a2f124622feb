import { defineFeature } from '../../platform/feature';
import { workdaysRoutes } from './workdays.routes';
import { WORKDAYS_TABLES } from './workdays.tables';

/** 工作日历 (issue 15 item 2): the holidays and make-up days per year and the working hours. */
export const workdaysFeature = defineFeature({
  name: 'workdays',
  tables: WORKDAYS_TABLES,
  /** workdays:manage — change a year's days and the working hours (the administrator's; everyone signed in reads them) */
  permissions: ['workdays:manage'],
  grants: { sys_admin: ['workdays:manage'] },
  routes: workdaysRoutes,
});

/**
 * What the rooms that count working days or working time use (SLA clocks, due dates of plans and tasks):
 * loadWorkCalendar — the calendar as shared/domain/workdays.ts takes it; loadWorkTime — the calendar and
 * the working hours.
 */
export { loadWorkCalendar, loadWorkTime, type WorkTime } from './workdays.service';
