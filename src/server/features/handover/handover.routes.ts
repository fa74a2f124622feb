import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import { handoverBody, handoverPreview, handoverResult } from '../../../shared/contracts/handover';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './handover.service';

export async function handoverRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/users/:id/handover', {
    config: { access: 'user:handover' },
    schema: { tags: ['org'], summary: 'Departure handover preview: what the user holds, per part', params: idParam, response: { 200: handoverPreview } },
  }, async (req) => service.previewHandover(p.db, actorOf(req), p.parts.handover, req.params.id));

  app.post('/api/users/:id/handover', {
    config: { access: 'user:handover' },
    schema: {
      tags: ['org'],
      summary: "Hand a leaving user's accounts, contacts, tasks, approvals and requests to successors and mark them left (one transaction)",
      params: idParam,
      body: handoverBody,
      response: { 200: handoverResult },
    },
  }, async (req) => {
    const r = await service.performHandover(p, actorOf(req), req.params.id, req.body);
    return { ...r, leftAt: iso(r.leftAt) };
  });
}
