import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import {
  visitCancel,
  visitCheckIn,
  visitCreate,
  visitListQuery,
  visitListResponse,
  visitRecordInput,
  visitResponse,
  visitReview,
  visitUpdate,
  visitVersion,
  type VisitDetail,
  type VisitListItem,
} from '../../../shared/contracts/visits';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './visits.service';

type ListRow = Awaited<ReturnType<typeof service.listVisits>>['items'][number];

const num = (v: number | string | null) => (v === null ? null : Number(v));

function listOut(r: ListRow): VisitListItem {
  return {
    id: r.id,
    account: { id: r.account_id, name: r.account_name },
    owner: { id: r.owner_id, name: r.owner_name },
    purpose: r.purpose as VisitListItem['purpose'],
    method: r.method as VisitListItem['method'],
    plannedAt: iso(r.planned_at),
    status: r.status as VisitListItem['status'],
    reportStatus: r.report_status as VisitListItem['reportStatus'],
    result: r.result as VisitListItem['result'],
    checkedInAt: iso(r.checked_in_at),
    contactSeq: r.contact_seq,
    costTotal: Number(r.cost_total),
    version: r.version,
  };
}

export function visitOut(v: service.VisitView): VisitDetail {
  const userName = (id: number) => v.names.users.get(id) ?? '';
  return {
    ...listOut({ ...v, account_name: v.names.account.name, owner_name: userName(v.owner_id) }),
    account: { id: v.account_id, name: v.names.account.name, address: v.names.account.address },
    unitId: v.unit_id,
    contacts: v.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, met: c.met })),
    planNote: v.plan_note,
    resources: v.resources as VisitDetail['resources'],
    budget: Number(v.budget),
    cashAdvance: Number(v.cash_advance),
    approvalId: num(v.approval_id),
    submittedAt: iso(v.submitted_at),
    decidedAt: iso(v.decided_at),
    checkIn: v.checked_in_at ? { at: iso(v.checked_in_at), lat: v.check_in_lat, lng: v.check_in_lng, accuracy: v.check_in_accuracy, place: v.check_in_place } : null,
    record: v.recorded_at
      ? {
          recordedAt: iso(v.recorded_at),
          metName: v.met_name ?? '',
          metTitle: v.met_title,
          contactSeq: v.contact_seq ?? 1,
          customerSituation: v.customer_situation,
          discussed: v.discussed ?? '',
          concerns: v.concerns,
          solved: v.solved,
          toWatch: v.to_watch,
          other: v.other,
          result: v.result as NonNullable<VisitDetail['record']>['result'],
          expenses: v.expenses,
          nextVisitAt: iso(v.next_visit_at),
        }
      : null,
    report: {
      status: v.report_status as VisitDetail['report']['status'],
      submittedAt: iso(v.report_submitted_at),
      reviewedAt: iso(v.report_reviewed_at),
      reviewer: v.report_reviewer_id ? { id: v.report_reviewer_id, name: userName(v.report_reviewer_id) } : null,
      comment: v.report_comment,
    },
    cancelReason: v.cancel_reason,
    createdAt: iso(v.created_at),
    updatedAt: iso(v.updated_at),
  };
}

/** Visits (ACT-1..3): plan → approval → check-in → record → report → review. */
export async function visitsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['visits'];
  const read = async (req: FastifyRequest, id: number) => ({ visit: visitOut(await service.getVisit(db, actorOf(req), id)) });

  app.get('/api/visits', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'Visits in the caller’s scope; box=mine for the caller’s own, box=review for reports waiting for the caller’s review (visit:review scope)', querystring: visitListQuery, response: { 200: visitListResponse } },
  }, async (req) => {
    const r = await service.listVisits(db, actorOf(req), req.query, p.config.BUSINESS_TZ);
    return { ...r, items: r.items.map(listOut) };
  });

  app.post('/api/visits', {
    config: { access: 'visit:write' },
    schema: { tags, summary: 'Plan a visit (a draft): account, contacts, purpose, method, time, resources, budget, cash advance', body: visitCreate, response: { 200: visitResponse } },
  }, async (req) => {
    const id = await service.createVisit(db, actorOf(req), req.body);
    return read(req, id);
  });

  app.get('/api/visits/:id', {
    config: { access: 'visit:read' },
    schema: { tags, summary: 'One visit: plan, approval, check-in, record and report', params: idParam, response: { 200: visitResponse } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/visits/:id', {
    config: { access: 'visit:write' },
    schema: { tags, summary: 'Change the plan while a draft, rejected or withdrawn', params: idParam, body: visitUpdate, response: { 200: visitResponse } },
  }, async (req) => {
    await service.updateVisit(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  const action = <B extends { version: number }>(path: string, summary: string, body: import('zod').ZodType<B>, run: (req: FastifyRequest, id: number, input: B) => Promise<void>) =>
    app.post(`/api/visits/:id/${path}`, {
      config: { access: 'visit:write' },
      schema: { tags, summary, params: idParam, body, response: { 200: visitResponse } },
    }, async (req) => {
      await run(req, req.params.id, req.body as B);
      return read(req, req.params.id);
    });

  action('submit', 'Submit the plan for approval (doc type visit_plan: the KA director; the finance manager too when a cash advance is requested)', visitVersion, (req, id, b) => service.submitVisit(db, p.approvals, actorOf(req), id, b));
  action('withdraw', 'Withdraw a pending plan from the approvers (its submitter); it becomes a draft again', visitVersion, (req, id, b) => service.withdrawVisit(db, p.approvals, actorOf(req), id, b));
  action('cancel', 'Cancel a visit that has not happened (not while pending: withdraw the approval first)', visitCancel, (req, id, b) => service.cancelVisit(db, actorOf(req), id, b));
  action('check-in', 'Check in at the server’s time with the browser position (lat/lng/accuracy) or a place typed by hand', visitCheckIn, (req, id, b) => service.checkIn(db, actorOf(req), id, b));
  action('record', 'Write the visit record (大客户拜访记录表); editable until the report is submitted and after a return', visitRecordInput, (req, id, b) => service.recordVisit(db, p.notifier, actorOf(req), id, b));
  action('report', 'Submit the visit report for the director’s review', visitVersion, (req, id, b) => service.submitReport(db, p.notifier, actorOf(req), id, b));

  app.post('/api/visits/:id/review', {
    config: { access: 'visit:review' },
    schema: { tags, summary: 'Approve the visit report or return it with a comment', params: idParam, body: visitReview, response: { 200: visitResponse } },
  }, async (req) => {
    await service.reviewReport(db, p.notifier, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });
}
