import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, okResponse, versionBody, versionQuery } from '../../../shared/contracts/common';
import {
  accountServices,
  costParams,
  eventCancel,
  eventClose,
  eventCostCreate,
  eventCreate,
  eventDetail,
  eventListQuery,
  eventPage,
  eventUpdate,
  followUpCreate,
  invitationParams,
  invitationsCreate,
  invitationUpdate,
  serviceLog,
  serviceLogInput,
  serviceLogUpdate,
} from '../../../shared/contracts/events';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './events.service';

/** 增值服务与客户活动 (SVC-4): events with their guests, costs and follow-ups; the service log of an account. */
export async function eventsRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tags = ['events'];
  const read = (req: FastifyRequest, id: number) => service.get(db, actorOf(req), id);

  app.get('/api/events', {
    config: { access: 'event:read' },
    schema: { tags, summary: 'The events the caller sees (their scope, and those of their unit and the units above): upcoming by default, with guests counted and the money spent', querystring: eventListQuery, response: { 200: eventPage } },
  }, async (req) => service.list(db, actorOf(req), req.query));

  app.post('/api/events', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Plan an event (a draft of the caller, for the caller’s unit)', body: eventCreate, response: { 201: eventDetail } },
  }, async (req, reply) => reply.code(201).send(await read(req, await service.create(db, actorOf(req), req.body))));

  app.get('/api/events/:id', {
    config: { access: 'event:read' },
    schema: { tags, summary: 'An event with its guests (those of accounts in the caller’s scope; all to the organiser), its costs and what the caller may do; 404 when not visible', params: idParam, response: { 200: eventDetail } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/events/:id', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Change the plan (draft, rejected; an approved event keeps its budget), with the version read', params: idParam, body: eventUpdate, response: { 200: eventDetail } },
  }, async (req) => {
    await service.update(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/submit', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Send the plan and its budget for approval (doc type customer_event)', params: idParam, body: versionBody, response: { 200: eventDetail } },
  }, async (req) => {
    await service.submit(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/withdraw', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Take a pending plan back from the approvers; it becomes a draft', params: idParam, body: versionBody, response: { 200: eventDetail } },
  }, async (req) => {
    await service.withdraw(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/hold', {
    config: { access: 'event:write' },
    schema: { tags, summary: '活动已举办: an approved event once it has started', params: idParam, body: versionBody, response: { 200: eventDetail } },
  }, async (req) => {
    await service.hold(db, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/close', {
    config: { access: 'event:write' },
    schema: { tags, summary: '活动总结: a held event closes with its summary', params: idParam, body: eventClose, response: { 200: eventDetail } },
  }, async (req) => {
    await service.close(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/cancel', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Cancel a draft, rejected or approved event with the reason', params: idParam, body: eventCancel, response: { 200: eventDetail } },
  }, async (req) => {
    await service.cancel(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/invitations', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Invite contacts (not left) of accounts the caller works on; a contact already invited is skipped', params: idParam, body: invitationsCreate, response: { 200: eventDetail } },
  }, async (req) => {
    await service.invite(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.patch('/api/events/:id/invitations/:invId', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'A guest’s response (registered beyond the capacity: 409), attendance (once the event has started) or note', params: invitationParams, body: invitationUpdate, response: { 200: eventDetail } },
  }, async (req) => {
    await service.updateInvitation(db, actorOf(req), req.params.id, req.params.invId, req.body);
    return read(req, req.params.id);
  });

  app.delete('/api/events/:id/invitations/:invId', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Take a guest off the list who has not answered nor come', params: invitationParams, querystring: versionQuery, response: { 200: eventDetail } },
  }, async (req) => {
    await service.removeInvitation(db, actorOf(req), req.params.id, req.params.invId, req.query.version);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/invitations/:invId/follow-up', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'An attendee’s follow-up: a draft visit plan (visit:write) or a development project (opportunity:write), once', params: invitationParams, body: followUpCreate, response: { 200: eventDetail } },
  }, async (req) => {
    await service.followUp(db, actorOf(req), req.params.id, req.params.invId, req.body);
    return read(req, req.params.id);
  });

  app.post('/api/events/:id/costs', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'A cost of an approved or held event; above the budget it needs its reason and tells the director once', params: idParam, body: eventCostCreate, response: { 200: eventDetail } },
  }, async (req) => {
    await service.addCost(db, actorOf(req), req.params.id, req.body, p.notifier);
    return read(req, req.params.id);
  });

  app.delete('/api/events/:id/costs/:costId', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Remove a cost recorded in error (before the event closes)', params: costParams, response: { 200: eventDetail } },
  }, async (req) => {
    await service.deleteCost(db, actorOf(req), req.params.id, req.params.costId);
    return read(req, req.params.id);
  });

  // ---- the service log of an account ----

  app.get('/api/accounts/:id/services', {
    config: { access: 'event:read' },
    schema: { tags, summary: 'The account’s value-added services (newest first), the year’s count and cost, and its contacts’ events', params: idParam, response: { 200: accountServices } },
  }, async (req) => service.accountServices(db, actorOf(req), req.params.id, p.config.BUSINESS_TZ));

  app.post('/api/accounts/:id/services', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Log a value-added service given to the account', params: idParam, body: serviceLogInput, response: { 201: serviceLog } },
  }, async (req, reply) => reply.code(201).send(await service.createServiceLog(db, actorOf(req), req.params.id, req.body)));

  app.put('/api/service-logs/:id', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Change a service record (its author or the director), with the version read', params: idParam, body: serviceLogUpdate, response: { 200: serviceLog } },
  }, async (req) => service.updateServiceLog(db, actorOf(req), req.params.id, req.body));

  app.delete('/api/service-logs/:id', {
    config: { access: 'event:write' },
    schema: { tags, summary: 'Delete a service record (its author or the director)', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteServiceLog(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });
}
