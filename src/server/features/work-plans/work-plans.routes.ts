import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common';
import {
  dailyReport,
  dailyReportQuery,
  monthlyPlanCreate,
  monthlyPlanListQuery,
  monthlyPlanListResponse,
  monthlyPlanResponse,
  monthlyPlanUpdate,
  monthlyPlanVersion,
  reportDay,
  reportDayQuery,
  teamDailyQuery,
  teamDailyReport,
} from '../../../shared/contracts/work-plans';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './work-plans.service';

export const PLAN_REMINDER_JOB = 'workPlans.planDue';
/** In the morning of the working day, so the plan can still be submitted on time. */
export const PLAN_REMINDER_AT = '09:00';

export function registerWorkPlanJobs(p: Platform) {
  p.jobs.schedule(PLAN_REMINDER_JOB, { dailyAt: PLAN_REMINDER_AT, timeZone: p.config.BUSINESS_TZ }, async () => {
    await service.runPlanReminder(p.db, p.notifier, p.config.BUSINESS_TZ);
  });
}

/** Daily visit reports and monthly plans (ACT-4). */
export async function workPlansRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['work-plans'];

  app.get('/api/daily-reports', {
    config: { access: 'visit:read' },
    schema: { tags, summary: '客户拜访日报表: one person’s recorded visits checked in on one business day, their expenses and the day’s counts (default: the caller, today); others within the visit:read scope', querystring: dailyReportQuery, response: { 200: dailyReport } },
  }, async (req) => service.dailyReport(db, actorOf(req), req.query, tz));

  app.get('/api/daily-reports/team', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'The day of the people in the caller’s visit:read scope who make visits (or made one that day): visits, problems handled and open, expenses', querystring: teamDailyQuery, response: { 200: teamDailyReport } },
  }, async (req) => service.teamDailyReport(db, actorOf(req), req.query, tz));

  app.get('/api/daily-reports/latest-day', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'The day a person’s daily report opens on: the latest business day up to today with a recorded visit (default: the caller; others within the visit:read scope), else the last working day', querystring: reportDayQuery, response: { 200: reportDay } },
  }, async (req) => service.reportDay(db, actorOf(req), req.query, tz));

  app.get('/api/daily-reports/team/latest-day', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'The day the team daily report opens on: the latest business day up to today with a recorded visit of anyone in the caller’s visit:read scope, else the last working day', response: { 200: reportDay } },
  }, async (req) => service.reportDay(db, actorOf(req), { team: true }, tz));

  app.get('/api/monthly-plans', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'Monthly plans in the caller’s scope (box=mine: the caller’s own) with planned vs actual visits, expansions and deals', querystring: monthlyPlanListQuery, response: { 200: monthlyPlanListResponse } },
  }, async (req) => service.listPlans(db, actorOf(req), req.query, tz));

  app.post('/api/monthly-plans', {
    config: { access: 'visit:write' },
    schema: { tags, summary: 'Create the caller’s plan for a month (default: next month): targets for visits, expansions and deals, and the accounts named', body: monthlyPlanCreate, response: { 200: monthlyPlanResponse } },
  }, async (req) => {
    const id = await service.createPlan(db, actorOf(req), req.body, tz);
    return { plan: await service.getPlan(db, actorOf(req), id, tz) };
  });

  app.get('/api/monthly-plans/:id', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'One monthly plan with its items and planned vs actual (完成率)', params: idParam, response: { 200: monthlyPlanResponse } },
  }, async (req) => ({ plan: await service.getPlan(db, actorOf(req), req.params.id, tz) }));

  app.put('/api/monthly-plans/:id', {
    config: { access: 'visit:write' },
    schema: { tags, summary: 'Change one’s own plan while a draft', params: idParam, body: monthlyPlanUpdate, response: { 200: monthlyPlanResponse } },
  }, async (req) => {
    await service.updatePlan(db, actorOf(req), req.params.id, req.body);
    return { plan: await service.getPlan(db, actorOf(req), req.params.id, tz) };
  });

  app.post('/api/monthly-plans/:id/submit', {
    config: { access: 'visit:write' },
    schema: { tags, summary: 'Submit one’s own plan; late when after the last working day (Mon–Fri) of the month before the plan’s month', params: idParam, body: monthlyPlanVersion, response: { 200: monthlyPlanResponse } },
  }, async (req) => {
    await service.submitPlan(db, actorOf(req), req.params.id, req.body, tz);
    return { plan: await service.getPlan(db, actorOf(req), req.params.id, tz) };
  });
}
