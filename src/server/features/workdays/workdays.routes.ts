import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workCalendar, workCalendarQuery, workCalendarUpdate, workCalendarYearParam, workingHoursState, workingHoursUpdate } from '../../../shared/contracts/workdays';
import { businessDate } from '../../../shared/domain/business-time';
import { AUTHENTICATED } from '../../../shared/permissions';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './workdays.service';

/** 工作日历: the year's holidays and make-up days, the working hours; read by everyone, changed with workdays:manage. */
export async function workdaysRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const today = () => businessDate(new Date(), p.config.BUSINESS_TZ);
  const tags = ['workdays'];
  const manage = { access: 'workdays:manage' as const };

  app.get('/api/work-calendar', {
    // what counts as a working day is no secret: every signed-in user may read it (due dates, SLA clocks)
    config: { access: AUTHENTICATED },
    schema: {
      tags,
      summary:
        "One year's working calendar (default: this year): the days that differ from Monday–Friday (off: 法定节假日 and bridge days; worked: 调休 make-up days), its status (official, edited or missing), the year's working-day count, the working hours, and in December whether next year's arrangement is still missing",
      querystring: workCalendarQuery,
      response: { 200: workCalendar },
    },
  }, async (req) => service.getCalendar(db, req.query.year ?? Number(today().slice(0, 4)), today()));

  app.put('/api/work-calendar/:year', {
    config: manage,
    schema: {
      tags,
      summary: "Replace a year's days (at most 120, each in that year, none twice; name 1–40 characters) at the version read (0 for a missing year; 409 when stale); the year becomes edited; audited",
      params: workCalendarYearParam,
      body: workCalendarUpdate,
      response: { 200: workCalendar },
    },
  }, async (req) => service.putCalendar(db, actorOf(req), req.params.year, req.body, today()));

  app.put('/api/work-calendar-hours', {
    config: manage,
    schema: {
      tags,
      summary: "Save the working hours ('HH:mm': the end after the start, the break — both ends or none — inside the day) at the version read (409 when stale); audited",
      body: workingHoursUpdate,
      response: { 200: workingHoursState },
    },
  }, async (req) => service.putHours(db, actorOf(req), req.body));
}
