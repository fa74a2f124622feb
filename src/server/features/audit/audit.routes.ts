import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { iso, listQuery, paged } from '../../../shared/contracts/common';
import { auditEntry, auditListQuery, auditRecordParams, type AuditEntry } from '../../../shared/contracts/audit';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './audit.service';

type AuditRow = Awaited<ReturnType<typeof service.listAudit>>['items'][number];

const auditOut = (a: AuditRow): AuditEntry => ({
  id: a.id,
  at: iso(a.at),
  actorId: a.actor_id,
  actorName: a.actor_name ?? null,
  entity: a.entity,
  entityId: a.entity_id,
  action: a.action,
  diff: a.diff ?? {},
  ip: a.ip,
});

const historyQuery = listQuery.pick({ page: true, pageSize: true, sort: true });

export async function auditRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/audit', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Search the audit trail, newest first (q matches the record id or the action; from ≤ at < to)',
      querystring: auditListQuery,
      response: { 200: paged(auditEntry) },
    },
  }, async (req) => {
    const r = await service.listAudit(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(auditOut) };
  });

  app.get('/api/audit/:entity/:entityId', {
    config: { access: 'audit:read' },
    schema: { tags: ['audit'], summary: "One record's change history, newest first", params: auditRecordParams, querystring: historyQuery, response: { 200: paged(auditEntry) } },
  }, async (req) => {
    const r = await service.recordHistory(db, actorOf(req), req.params.entity, req.params.entityId, req.query);
    return { ...r, items: r.items.map(auditOut) };
  });
}
