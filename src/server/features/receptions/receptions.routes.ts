import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import {
  receptionCancel,
  receptionInput,
  receptionList,
  receptionListQuery,
  receptionReportInput,
  receptionResponse,
  receptionUpdate,
  receptionVersion,
  reportConfirm,
  seatingPropose,
  seatingResponse,
  seatingSave,
  type ReceptionDetail,
  type ReceptionSummary,
  type SeatingPlanOut,
} from '../../../shared/contracts/receptions';
import type { SeatPerson } from '../../../shared/domain/seating.rules';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './receptions.service';

type Row = Awaited<ReturnType<typeof import('./receptions.repo').receptionsRepo.list>>['items'][number];
type Person = { name: string; title: string | null };

function summaryOut(r: Row): ReceptionSummary {
  return {
    id: r.id,
    account: { id: r.account_id, name: r.account_name },
    owner: { id: r.owner_id, name: r.owner_name },
    kind: r.kind as ReceptionSummary['kind'],
    startsAt: iso(r.starts_at),
    place: r.place,
    level: r.level as ReceptionSummary['level'],
    costTotal: Number(r.cost_total),
    spentTotal: Number(r.spent_total),
    status: r.status as ReceptionSummary['status'],
    reportStatus: r.report_status as ReceptionSummary['reportStatus'],
  };
}

function detailOut(r: service.ReceptionView): ReceptionDetail {
  const people = (v: unknown) => (v as Person[]).map((p) => ({ name: p.name, title: p.title ?? null }));
  return {
    ...summaryOut(r),
    unitId: r.unit_id,
    endsAt: iso(r.ends_at),
    visitors: people(r.visitors),
    purposes: r.purposes as ReceptionDetail['purposes'],
    execution: r.execution as ReceptionDetail['execution'],
    costs: { entertainment: Number(r.cost_entertainment), meeting: Number(r.cost_meeting), ceremony: Number(r.cost_ceremony), gift: Number(r.cost_gift), other: Number(r.cost_other), total: Number(r.cost_total) },
    tourRoute: r.tour_route,
    tourGuide: r.tour_guide,
    tourAreas: r.tour_areas,
    note: r.note,
    approvalId: r.approval_id === null ? null : Number(r.approval_id),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    report:
      r.report_status === 'none'
        ? null
        : {
            date: r.report_date,
            place: r.report_place,
            guestAttendees: people(r.guest_attendees),
            hostAttendees: people(r.host_attendees),
            spent: { meals: Number(r.spent_meals), lodging: Number(r.spent_lodging), transport: Number(r.spent_transport), gifts: Number(r.spent_gifts), other: Number(r.spent_other), total: Number(r.spent_total) },
            spentNotes: r.spent_notes,
            activities: r.report_activities,
            cautions: r.report_cautions,
            effect: r.report_effect,
            information: r.report_information,
            submittedAt: iso(r.report_submitted_at),
            confirmedBy: r.report_confirmed_by === null ? null : { id: r.report_confirmed_by, name: r.confirmed_by_name ?? '' },
            confirmedAt: iso(r.report_confirmed_at),
            comment: r.report_comment,
          },
    canWrite: Boolean(r.can_write),
    canConfirmReport: r.can_confirm,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** A seated person as stored; a plan saved before a flag existed reads with its default (a second host is marked, never assumed). */
const personOut = (p: Partial<SeatPerson>): SeatingPlanOut['people'][number] => ({
  key: p.key ?? '',
  name: p.name ?? '',
  title: p.title ?? null,
  side: p.side ?? 'guest',
  rank: p.rank ?? 1,
  interpreter: p.interpreter ?? false,
  secondHost: p.secondHost ?? false,
});

function seatingOut(s: NonNullable<Awaited<ReturnType<typeof service.getSeating>>>): SeatingPlanOut {
  return {
    seatsPerTable: s.seats_per_table,
    people: (s.people as Partial<SeatPerson>[]).map(personOut),
    tables: s.tables as SeatingPlanOut['tables'],
    locked: s.locked,
    version: s.version,
    updatedAt: iso(s.updated_at),
  };
}

/** Receptions and site tours (ACT-6) with their banquet seating (ACT-7). */
export async function receptionsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['receptions'];
  const read = async (req: FastifyRequest, id: number) => ({ reception: detailOut(await service.getReception(db, actorOf(req), id)) });
  const readSeating = async (req: FastifyRequest, id: number) => {
    const s = await service.getSeating(db, actorOf(req), id);
    return { seating: s ? seatingOut(s) : null };
  };

  app.get('/api/receptions', {
    config: { access: 'reception:read' },
    schema: { tags, summary: 'Receptions and site tours in the caller’s scope, newest first; filter by account, owner, kind, status, report status and dates', querystring: receptionListQuery, response: { 200: receptionList } },
  }, async (req) => {
    const { items, total } = await service.listReceptions(db, actorOf(req), req.query, p.config.BUSINESS_TZ);
    return { items: items.map(summaryOut), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/receptions', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Apply for a reception or site tour (客户接待申请表, a draft until submitted)', body: receptionInput, response: { 201: receptionResponse } },
  }, async (req, reply) => {
    const id = await service.createReception(db, actorOf(req), req.body);
    reply.code(201);
    return read(req, id);
  });

  app.get('/api/receptions/:id', {
    config: { access: 'reception:read' },
    schema: { tags, summary: 'One reception with its application, approval state and report', params: idParam, response: { 200: receptionResponse } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/receptions/:id', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Edit the application while a draft or after rejection/withdrawal', params: idParam, body: receptionUpdate, response: { 200: receptionResponse } },
  }, async (req) => {
    await service.updateReception(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/receptions/:id/submit', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Submit to the approval engine (doc type reception: 客户总监 → 财务经理, 总经理 above ¥20,000)', params: idParam, body: receptionVersion, response: { 200: receptionResponse } },
  }, async (req) => {
    await service.submitReception(db, p.approvals, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/receptions/:id/withdraw', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Take a pending application back from the approvers', params: idParam, body: receptionVersion, response: { 200: receptionResponse } },
  }, async (req) => {
    await service.withdrawReception(db, p.approvals, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/receptions/:id/cancel', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Cancel a reception that has no report (withdraw a pending one first)', params: idParam, body: receptionCancel, response: { 200: receptionResponse } },
  }, async (req) => {
    await service.cancelReception(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.put('/api/receptions/:id/report', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Write the 客户接待报告表 of an approved reception; report_status becomes submitted', params: idParam, body: receptionReportInput, response: { 200: receptionResponse } },
  }, async (req) => {
    await service.writeReport(db, p.notifier, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/receptions/:id/report/confirm', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'The KA director confirms the report (客户总监审核); report_status becomes approved', params: idParam, body: reportConfirm, response: { 200: receptionResponse } },
  }, async (req) => {
    await service.confirmReport(db, p.notifier, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.get('/api/receptions/:id/seating', {
    config: { access: 'reception:read' },
    schema: { tags, summary: 'The stored banquet seating plan (null before the first save)', params: idParam, response: { 200: seatingResponse } },
  }, async (req) => readSeating(req, req.params.id));

  app.post('/api/receptions/:id/seating/propose', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Propose tables and seats by the seeds’ precedence rules (nothing is stored)', params: idParam, body: seatingPropose, response: { 200: seatingResponse } },
  }, async (req) => {
    const plan = await service.proposeForReception(db, actorOf(req), req.params.id, req.body);
    const current = await service.getSeating(db, actorOf(req), req.params.id);
    return { seating: { ...plan, people: plan.people.map(personOut), locked: false, version: current?.version ?? 0, updatedAt: null } };
  });

  app.put('/api/receptions/:id/seating', {
    config: { access: 'reception:write' },
    schema: { tags, summary: 'Save the seating plan (version 0 creates it); locked plans take only an unlock', params: idParam, body: seatingSave, response: { 200: seatingResponse } },
  }, async (req) => {
    await service.saveSeating(db, actorOf(req), req.params.id, req.body);
    return readSeating(req, req.params.id);
  });
}
