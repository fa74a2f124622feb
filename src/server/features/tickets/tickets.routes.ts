import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import {
  accountTickets,
  escalationRun,
  latestEscalationRun,
  ticket,
  ticketAssignBody,
  ticketCreate,
  ticketFile,
  ticketFileParams,
  ticketFileUpload,
  ticketJudgeBody,
  ticketListQuery,
  ticketMoveBody,
  ticketPage,
  ticketReopenBody,
  ticketResolveBody,
  ticketSettings,
  ticketSettingsUpdate,
  ticketUpdate,
  type Ticket,
  type TicketListItem,
} from '../../../shared/contracts/tickets';
import type { Platform } from '../../platform/context';
import { sendFile } from '../../platform/files';
import { actorOf } from '../../platform/http';
import { latestRun, queueScheduledRun } from '../../platform/jobs/run-now';
import type { TicketListRow } from './tickets.repo';
import type { TicketMove } from './tickets.rules';
import * as service from './tickets.service';

export const ESCALATION_JOB = 'tickets.escalation';
/** How often the escalation runs (a warning or a breach is noticed within a minute). */
export const ESCALATION_EVERY_SECONDS = 60;

export function registerTicketJobs(p: Platform) {
  p.jobs.schedule(ESCALATION_JOB, { everySeconds: ESCALATION_EVERY_SECONDS }, async () => {
    await service.runEscalation(p.db, p.notifier, { timeZone: p.config.BUSINESS_TZ });
  });
}

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export const listItemOut = (r: TicketListRow): TicketListItem => ({
  id: r.id,
  number: r.number,
  kind: r.kind as TicketListItem['kind'],
  severity: r.severity as TicketListItem['severity'],
  channel: r.channel as TicketListItem['channel'],
  status: r.status as TicketListItem['status'],
  accountId: r.account_id,
  accountName: r.account_name,
  contact: ref(r.contact_id, r.contact_name),
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  title: r.title,
  receivedAt: iso(r.received_at),
  sla: { milestone: (r.sla_milestone ?? null) as TicketListItem['sla']['milestone'], state: r.sla_state as TicketListItem['sla']['state'], dueAt: iso(r.sla_due_at ?? null), breached: Boolean(r.sla_breached) },
  validity: r.validity as TicketListItem['validity'],
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

const ticketOut = (t: service.TicketView): Ticket => ({
  ...listItemOut(t),
  description: t.description,
  resolution: t.resolution,
  resolvedAt: iso(t.resolved_at),
  closedAt: iso(t.closed_at),
  pausedAt: iso(t.paused_at),
  reopened: t.reopened,
  validityReason: t.validity_reason,
  responsible: ref(t.responsible_id, t.responsible_name),
  judgedBy: ref(t.judged_by, t.judged_by_name),
  judgedAt: iso(t.judged_at),
  createdBy: { id: t.created_by, name: t.created_by_name },
  milestones: t.milestones.map((m) => ({ ...m, warnAt: iso(m.warnAt), dueAt: iso(m.dueAt), metAt: iso(m.metAt), breachedAt: iso(m.breachedAt) })),
  escalations: t.escalations.map((e) => ({ milestone: e.milestone as Ticket['escalations'][number]['milestone'], level: e.level as Ticket['escalations'][number]['level'], at: iso(e.at), notified: ref(e.notified_id, e.notified_name) })),
  history: t.history.map((h) => ({
    id: h.id,
    at: iso(h.at),
    actor: ref(h.actor_id, h.actor_name),
    event: h.event as Ticket['history'][number]['event'],
    fromStatus: h.from_status as Ticket['history'][number]['fromStatus'],
    toStatus: h.to_status as Ticket['history'][number]['toStatus'],
    changes: h.changes,
    note: h.note,
  })),
  files: t.files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), uploadedBy: { id: f.uploaded_by, name: f.uploaded_by_name }, createdAt: iso(f.created_at) })),
});

/** 服务请求与投诉 (SVC-1): tickets, their states, SLA clocks and escalation, validity, files and the SLA settings. */
export async function ticketsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['tickets'];
  const ctx = () => ({ timeZone: tz, notifier: p.notifier });
  const read = async (req: FastifyRequest, id: number) => ticketOut(await service.get(db, actorOf(req), id, ctx()));

  app.get('/api/tickets', {
    config: { access: 'ticket:read' },
    schema: { tags, summary: 'Tickets in scope: q (number, title, account name), kind, status, severity, SLA state (comma lists), breached, open, account, owner, validity; overdue first by default (sort=sla)', querystring: ticketListQuery, response: { 200: ticketPage } },
  }, async (req) => {
    const r = await service.list(db, actorOf(req), req.query, new Date());
    return { ...r, items: r.items.map(listItemOut) };
  });

  app.post('/api/tickets', {
    config: { access: 'ticket:write' },
    schema: { tags, summary: 'Log a ticket on an account in scope (owner default the account’s; receivedAt: when the customer raised it, up to 30 days back); the SLA clock starts at receivedAt', body: ticketCreate, response: { 201: ticket } },
  }, async (req, reply) => reply.code(201).send(await read(req, await service.create(db, actorOf(req), req.body, ctx()))));

  // before /api/tickets/:id, so these are not read as ids
  app.get('/api/tickets/settings', {
    config: { access: 'ticket:read' },
    schema: { tags, summary: 'The SLA policies (kind × severity × tier: first response and resolve in working minutes), the warning share, the GM’s delay after a breach, the working hours', response: { 200: ticketSettings } },
  }, async () => service.getSettings(db, tz));

  app.put('/api/tickets/settings', {
    config: { access: 'ticket:manage' },
    schema: { tags, summary: 'Save the SLA settings with the version read (409 when stale); every kind × severity needs a policy for all tiers; audited', body: ticketSettingsUpdate, response: { 200: ticketSettings } },
  }, async (req) => service.putSettings(db, actorOf(req), req.body, tz));

  app.post('/api/tickets/escalation/run', {
    config: { access: 'ticket:manage' },
    schema: { tags, summary: '立即检查超时: queue the SLA escalation job now (warnings, breaches, the GM; each level once). While a run is queued or running, no second one is queued: 202 with that run.', response: { 202: escalationRun } },
  }, async (req, reply) => {
    return reply.code(202).send(await queueScheduledRun(db, p.jobs, actorOf(req), ESCALATION_JOB));
  });

  app.get('/api/tickets/escalation/run', {
    config: { access: 'ticket:manage' },
    schema: { tags, summary: 'The latest escalation run (scheduled or asked for): queued, running, done or failed; null before any', response: { 200: latestEscalationRun } },
  }, async () => latestRun(db, ESCALATION_JOB));

  app.get('/api/tickets/:id', {
    config: { access: 'ticket:read' },
    schema: { tags, summary: 'One ticket: its SLA milestones (state, budget, used and paused working minutes, due time, breach on record), history, escalations, files, judgement', params: idParam, response: { 200: ticket } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/tickets/:id', {
    config: { access: 'ticket:write' },
    schema: { tags, summary: 'Change the fields sent of a ticket not closed (version); a new kind or severity applies its SLA policy to the milestones not met', params: idParam, body: ticketUpdate, response: { 200: ticket } },
  }, async (req) => {
    await service.update(db, actorOf(req), req.params.id, req.body, ctx());
    return read(req, req.params.id);
  });

  app.post('/api/tickets/:id/assign', {
    config: { access: 'ticket:write' },
    schema: { tags, summary: 'Hand the ticket to another owner (an active user within the caller’s scope) while it is handled; a new ticket becomes assigned; the owner is told', params: idParam, body: ticketAssignBody, response: { 200: ticket } },
  }, async (req) => {
    await service.assign(db, actorOf(req), req.params.id, req.body, ctx());
    return read(req, req.params.id);
  });

  const moves: [TicketMove, string, typeof ticketMoveBody | typeof ticketResolveBody | typeof ticketReopenBody][] = [
    ['start', '开始处理: new or assigned → in progress; meets the first response', ticketMoveBody],
    ['wait', '等待客户: in progress → waiting; the SLA clock pauses', ticketMoveBody],
    ['resume', '继续处理: waiting → in progress; the paused working minutes move the due times out', ticketMoveBody],
    ['resolve', '解决: in progress or waiting → resolved, with the resolution; meets the resolve milestone and closes the escalation tasks', ticketResolveBody],
    ['close', '关闭: resolved → closed (a closed complaint is then judged by the director)', ticketMoveBody],
    ['reopen', '重新打开: resolved or closed → in progress, with the reason; the resolve clock resumes where it stopped; a judgement is cleared', ticketReopenBody],
  ];
  for (const [action, summary, body] of moves) {
    app.post(`/api/tickets/:id/${action}`, {
      config: { access: 'ticket:write' },
      schema: { tags, summary, params: idParam, body, response: { 200: ticket } },
    }, async (req) => {
      await service.move(db, actorOf(req), req.params.id, action, req.body as { version: number }, ctx());
      return read(req, req.params.id);
    });
  }

  app.post('/api/tickets/:id/judge', {
    config: { access: 'ticket:judge' },
    schema: { tags, summary: '有效 / 无效: judge a closed complaint with the reason and the person responsible (valid complaints cost that person 5 points on the scorecard)', params: idParam, body: ticketJudgeBody, response: { 200: ticket } },
  }, async (req) => {
    await service.judge(db, actorOf(req), req.params.id, req.body, {});
    return read(req, req.params.id);
  });

  app.post('/api/tickets/:id/files', {
    config: { access: 'ticket:write' },
    schema: { tags, summary: 'Attach a file (base64, ≤ 10 MB; PDF, pictures, Office documents, text, recordings, zip)', params: idParam, body: ticketFileUpload, response: { 201: ticketFile } },
  }, async (req, reply) => {
    const fileId = await service.addFile(db, actorOf(req), req.params.id, req.body, {});
    const t = await read(req, req.params.id);
    return reply.code(201).send(t.files.find((f) => f.id === fileId)!);
  });

  app.get('/api/tickets/:id/files/:fileId', {
    config: { access: 'ticket:read' },
    schema: { tags, summary: 'Download a file of the ticket, in the type it was uploaded with', params: ticketFileParams, produces: ['*/*'] },
  }, async (req, reply) => {
    return sendFile(reply, await service.file(db, actorOf(req), req.params.id, req.params.fileId));
  });

  app.delete('/api/tickets/:id/files/:fileId', {
    config: { access: 'ticket:write' },
    schema: { tags, summary: 'Remove a file (its uploader, or ticket:judge in scope)', params: ticketFileParams, response: { 200: okResponse } },
  }, async (req) => {
    await service.removeFile(db, actorOf(req), req.params.id, req.params.fileId, {});
    return { ok: true as const };
  });

  app.get('/api/accounts/:id/tickets', {
    config: { access: 'ticket:read' },
    schema: { tags, summary: "The account's tickets in scope, overdue first (the 360 page's 服务与投诉 tab)", params: idParam, response: { 200: accountTickets } },
  }, async (req) => ({ items: (await service.ofAccount(db, actorOf(req), req.params.id, new Date())).map(listItemOut) }));
}
