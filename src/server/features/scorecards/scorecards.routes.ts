import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, versionBody } from '../../../shared/contracts/common';
import {
  attendanceImport,
  attendanceImported,
  attendanceMonth,
  attendanceQuery,
  attendanceSave,
  scorecardAdvance,
  scorecardDetail,
  scorecardEntries,
  scorecardListQuery,
  scorecardOpen,
  scorecardOpened,
  scorecardPage,
  scorecardPayrollQuery,
  scorecardReopen,
  scorecardReturn,
  scorecardSettings,
  scorecardSettingsSave,
  scorecardTrend,
  scorecardTrendQuery,
} from '../../../shared/contracts/scorecards';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { payrollWorkbook, XLSX_TYPE } from './scorecards.files';
import * as service from './scorecards.service';

/** 考核表 (PERF-3): the cards of a period, their cycle, the ranking and trend, payroll, attendance and the rule sets. */
export async function scorecardsRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tags = ['scorecards'];
  const tz = p.config.BUSINESS_TZ;

  app.get('/api/scorecards', {
    config: { access: 'scorecard:read', errors: [404] },
    schema: { tags, summary: '考核排名: one period’s cards of a form in the caller’s scope (and those they evaluate), ranked by total, sortable by any item', querystring: scorecardListQuery, response: { 200: scorecardPage } },
  }, async (req) => service.list(db, actorOf(req), req.query));

  app.post('/api/scorecards/open', {
    config: { access: 'scorecard:manage' },
    schema: { tags, summary: '发起考核: open the period’s cards for the scored people of a unit the caller manages, with the rule sets in force, computed items filled (a person who has one keeps it)', body: scorecardOpen, response: { 200: scorecardOpened } },
  }, async (req) => service.open(db, actorOf(req), req.body, tz));

  app.get('/api/scorecards/trend', {
    config: { access: 'scorecard:read', errors: [404] },
    schema: { tags, summary: 'A person’s last 12 cards of a form the caller reads, oldest first', querystring: scorecardTrendQuery, response: { 200: scorecardTrend } },
  }, async (req) => service.trend(db, actorOf(req), req.query.userId, req.query.kind));

  app.get('/api/scorecards/payroll.xlsx', {
    config: { access: 'scorecard:payroll', errors: [404] },
    schema: { tags, summary: '工资表: the locked cards of a period in scope as XLSX, a sheet per form with every item’s points, the total and the warning', querystring: scorecardPayrollQuery, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const cards = await service.lockedCards(db, actorOf(req), req.query.period, req.query.unitId);
    const buf = await payrollWorkbook(req.query.period, cards, tz);
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="payroll-${req.query.period}.xlsx"`).send(buf);
  });

  app.get('/api/scorecards/attendance', {
    config: { access: 'scorecard:manage', errors: [404] },
    schema: { tags, summary: '考勤: the scored people of a unit the caller manages with their month’s late times and absent days', querystring: attendanceQuery, response: { 200: attendanceMonth } },
  }, async (req) => service.attendance(db, actorOf(req), req.query.month, req.query.unitId));

  app.put('/api/scorecards/attendance', {
    config: { access: 'scorecard:manage' },
    schema: { tags, summary: 'Save a month’s attendance of people the caller manages; their cards not yet locked take it', body: attendanceSave, response: { 200: attendanceMonth } },
  }, async (req) => {
    await service.saveAttendance(db, actorOf(req), req.body, 'entry', tz);
    return service.attendance(db, actorOf(req), req.body.month, undefined);
  });

  app.post('/api/scorecards/attendance/import', {
    config: { access: 'scorecard:manage' },
    schema: { tags, summary: '考勤导入: a 钉钉 / 企业微信 month export (CSV or XLSX, base64) matched by 工号 or name; the rows it cannot use come back with the reason', body: attendanceImport, response: { 200: attendanceImported } },
  }, async (req) => service.importAttendance(db, actorOf(req), req.body, tz));

  app.get('/api/scorecards/settings', {
    config: { access: 'scorecard:configure' },
    schema: { tags, summary: 'The three forms’ rule sets in force (the seeds’ defaults until an admin saves)', response: { 200: scorecardSettings } },
  }, async () => service.settings(db));

  app.put('/api/scorecards/settings', {
    config: { access: 'scorecard:configure' },
    schema: { tags, summary: 'Save the rule sets with the version read: cards opened from now on use them, opened cards keep theirs', body: scorecardSettingsSave, response: { 200: scorecardSettings } },
  }, async (req) => service.saveSettings(db, actorOf(req), req.body));

  app.get('/api/scorecards/:id', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: 'One card: its items with what each read and scored, the total against the threshold, the comments and what the caller may do', params: idParam, response: { 200: scorecardDetail } },
  }, async (req) => service.get(db, actorOf(req), req.params.id));

  app.post('/api/scorecards/:id/refresh', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: '刷新自动项: the computed items again from the KPI library and attendance (a card not locked; its evaluator or a manager)', params: idParam, body: versionBody, response: { 200: scorecardDetail } },
  }, async (req) => {
    await service.refresh(db, actorOf(req), req.params.id, req.body.version, tz);
    return service.get(db, actorOf(req), req.params.id);
  });

  app.put('/api/scorecards/:id/items', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: 'The evaluator’s items at the evaluator step: a judgment’s points in its steps or the count of violations, with a comment', params: idParam, body: scorecardEntries, response: { 200: scorecardDetail } },
  }, async (req) => {
    await service.enter(db, actorOf(req), req.params.id, req.body);
    return service.get(db, actorOf(req), req.params.id);
  });

  app.post('/api/scorecards/:id/advance', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: 'The next step, by whom it belongs to: to self-review (a manager), to the evaluator (the person), to the director (the evaluator, all items entered), locked (a manager; under the threshold a warning)', params: idParam, body: scorecardAdvance, response: { 200: scorecardDetail } },
  }, async (req) => {
    await service.advance(db, p.notifier, actorOf(req), req.params.id, req.body, tz);
    return service.get(db, actorOf(req), req.params.id);
  });

  app.post('/api/scorecards/:id/reopen', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: '重新打开: ask to reopen a locked card with the reason (its evaluator or a manager); the KA director above approves — the GM for a director’s card or a director’s request — and the card goes back to the director’s step', params: idParam, body: scorecardReopen, response: { 200: scorecardDetail } },
  }, async (req) => {
    await service.requestReopen(db, p.approvals, actorOf(req), req.params.id, req.body);
    return service.get(db, actorOf(req), req.params.id);
  });

  app.get('/api/scorecard-reopenings/:id', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: 'The card a reopening belongs to (the approval’s link)', params: idParam, response: { 200: z.object({ cardId: z.number().int() }) } },
  }, async (req) => ({ cardId: await service.cardOfReopening(db, actorOf(req), req.params.id) }));

  app.post('/api/scorecard-reopenings/:id/withdraw', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: 'Take a waiting reopening back (its requester)', params: idParam, response: { 200: scorecardDetail } },
  }, async (req) => service.get(db, actorOf(req), await service.withdrawReopen(db, p.approvals, actorOf(req), req.params.id)));

  app.post('/api/scorecards/:id/return', {
    config: { access: 'scorecard:read' },
    schema: { tags, summary: '退回: one step back with the reason (not a locked card)', params: idParam, body: scorecardReturn, response: { 200: scorecardDetail } },
  }, async (req) => {
    await service.sendBack(db, actorOf(req), req.params.id, req.body);
    return service.get(db, actorOf(req), req.params.id);
  });
}
