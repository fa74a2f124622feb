import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import {
  tripCancel,
  tripCheckinCreate,
  tripCreate,
  tripDetail,
  tripList,
  tripListQuery,
  tripReportInput,
  tripUpdate,
  tripVersion,
  type TripCostCategory,
  type TripDetail,
  type TripSummary,
} from '../../../shared/contracts/trips';
import type { TripCostLine } from '../../db/schema';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './trips.service';

type SummaryRow = Awaited<ReturnType<typeof service.listTrips>>['items'][number];
const num = (v: number | string | null) => (v === null ? null : Number(v));
const lines = (v: TripCostLine[] | null) => (v ?? []).map((l) => ({ category: l.category as TripCostCategory, amount: Number(l.amount), note: l.note ?? null }));

export const tripSummaryOut = (r: SummaryRow): TripSummary => ({
  id: r.id,
  owner: { id: r.owner_id, name: r.owner_name },
  unitId: r.unit_id,
  destination: r.destination,
  startOn: r.start_on,
  endOn: r.end_on,
  purpose: r.purpose,
  transport: r.transport as TripSummary['transport'],
  estimatedTotal: Number(r.estimated_total),
  advanceRequested: Number(r.advance_requested),
  status: r.status as TripSummary['status'],
  reportStatus: r.report_status as TripSummary['reportStatus'],
  actualTotal: num(r.actual_total),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export const tripDetailOut = (r: service.TripView): TripDetail => ({
  ...tripSummaryOut(r),
  accounts: r.accounts,
  transportNote: r.transport_note,
  costLines: lines(r.cost_lines),
  approvalId: num(r.approval_id),
  submittedAt: iso(r.submitted_at),
  decidedAt: iso(r.decided_at),
  cancelledAt: iso(r.cancelled_at),
  cancelReason: r.cancel_reason,
  checkins: r.checkins.map((c) => ({ id: c.id, day: c.day, checkedAt: iso(c.checked_at), latitude: num(c.latitude), longitude: num(c.longitude), accuracy: num(c.accuracy), place: c.place, work: c.work })),
  missingDays: r.missingDays,
  today: r.today,
  canCheckIn: r.canCheckIn,
  report:
    r.returned_on === null
      ? null
      : { returnedOn: r.returned_on, summary: r.report_summary ?? '', actualCostLines: lines(r.actual_cost_lines), approvalId: num(r.report_approval_id), submittedAt: iso(r.report_submitted_at), approvedAt: iso(r.report_approved_at) },
  createdAt: iso(r.created_at),
});

/** Business trips (ACT-9): application, approval, daily check-in, report. */
export async function tripsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['trips'];
  const detail = async (req: FastifyRequest, id: number) => tripDetailOut(await service.getTrip(db, actorOf(req), id, tz));
  const withDetail = { params: idParam, response: { 200: tripDetail } };

  app.get('/api/trips', {
    config: { access: 'trip:read' },
    schema: { tags, summary: 'Business trips in the caller’s scope, newest first', querystring: tripListQuery, response: { 200: tripList } },
  }, async (req) => {
    const r = await service.listTrips(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(tripSummaryOut) };
  });

  app.post('/api/trips', {
    config: { access: 'trip:write' },
    schema: { tags, summary: '出差申请: a draft trip of the caller', body: tripCreate, response: { 200: tripDetail } },
  }, async (req) => detail(req, await service.createTrip(db, actorOf(req), req.body, tz)));

  app.get('/api/trips/:id', {
    config: { access: 'trip:read' },
    schema: { tags, summary: 'One trip with its accounts, check-ins, missing days and report', ...withDetail },
  }, async (req) => detail(req, req.params.id));

  app.put('/api/trips/:id', {
    config: { access: 'trip:write' },
    schema: { tags, summary: 'Change a draft, rejected or withdrawn trip (it becomes a draft)', ...withDetail, body: tripUpdate },
  }, async (req) => {
    await service.updateTrip(db, actorOf(req), req.params.id, req.body, tz);
    return detail(req, req.params.id);
  });

  app.post('/api/trips/:id/submit', {
    config: { access: 'trip:write' },
    schema: { tags, summary: 'Submit the application (approval engine, doc type business_trip)', ...withDetail, body: tripVersion },
  }, async (req) => {
    await service.submitTrip(db, p.approvals, actorOf(req), req.params.id, req.body, tz);
    return detail(req, req.params.id);
  });

  app.post('/api/trips/:id/withdraw', {
    config: { access: 'trip:write' },
    schema: { tags, summary: 'Withdraw a pending application (its submitter)', ...withDetail, body: tripVersion },
  }, async (req) => {
    await service.withdrawTrip(db, p.approvals, actorOf(req), req.params.id, req.body);
    return detail(req, req.params.id);
  });

  app.post('/api/trips/:id/cancel', {
    config: { access: 'trip:write' },
    schema: { tags, summary: 'Call the trip off (not while pending, not after its report)', ...withDetail, body: tripCancel },
  }, async (req) => {
    await service.cancelTrip(db, actorOf(req), req.params.id, req.body);
    return detail(req, req.params.id);
  });

  app.post('/api/trips/:id/checkins', {
    config: { access: 'trip:write' },
    schema: { tags, summary: '行踪登记 for today (server time): the traveller, once a day, within the approved dates', ...withDetail, body: tripCheckinCreate },
  }, async (req) => {
    await service.checkIn(db, actorOf(req), req.params.id, req.body, tz);
    return detail(req, req.params.id);
  });

  app.post('/api/trips/:id/report', {
    config: { access: 'trip:write' },
    schema: { tags, summary: '出差报告 with the actual costs (approval engine, doc type business_trip_report)', ...withDetail, body: tripReportInput },
  }, async (req) => {
    await service.submitReport(db, p.approvals, actorOf(req), req.params.id, req.body, tz);
    return detail(req, req.params.id);
  });

  app.post('/api/trips/:id/report/withdraw', {
    config: { access: 'trip:write' },
    schema: { tags, summary: 'Withdraw a submitted report from the KA director (the traveller); it can be written again', ...withDetail, body: tripVersion },
  }, async (req) => {
    await service.withdrawReport(db, p.approvals, actorOf(req), req.params.id, req.body);
    return detail(req, req.params.id);
  });
}
