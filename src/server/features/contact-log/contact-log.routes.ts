import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import { contactLog, contactLogCreate, contactLogDeleteQuery, contactLogList, contactLogListQuery, type ContactLog } from '../../../shared/contracts/contact-log';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './contact-log.service';

export const contactLogOut = (r: service.LogRow): ContactLog => ({
  id: r.id,
  account: { id: r.account_id, name: r.account_name },
  contact: r.contact_id === null || r.contact_name === null ? null : { id: r.contact_id, name: r.contact_name, title: r.contact_title },
  kind: r.kind as ContactLog['kind'],
  occurredAt: iso(r.occurred_at),
  place: r.place,
  address: r.address,
  contactWay: r.contact_way,
  summary: r.summary,
  user: { id: r.user_id, name: r.user_name },
  createdAt: iso(r.created_at),
  version: r.version,
});

/** 大客户联系情况表 (ACT-5): the contact log of accounts and contacts. */
export async function contactLogRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['contact-log'];

  app.get('/api/contact-logs', {
    config: { access: 'contact:read' },
    schema: { tags, summary: 'Calls, e-mails and meetings in the caller’s account scope, newest first', querystring: contactLogListQuery, response: { 200: contactLogList } },
  }, async (req) => {
    const r = await service.listLogs(db, actorOf(req), req.query, tz);
    return { ...r, items: r.items.map(contactLogOut) };
  });

  app.post('/api/contact-logs', {
    config: { access: 'contact:write' },
    schema: { tags, summary: 'Log a call, e-mail or meeting; moves the contact’s last-contact time forward', body: contactLogCreate, response: { 200: contactLog } },
  }, async (req) => {
    const actor = actorOf(req);
    return contactLogOut(await service.getLog(db, actor, await service.createLog(db, actor, req.body, tz)));
  });

  app.delete('/api/contact-logs/:id', {
    config: { access: 'contact:write' },
    schema: { tags, summary: 'Remove a mistaken entry', params: idParam, querystring: contactLogDeleteQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteLog(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });
}
