import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common';
import { mergeBody, mergePreview, mergePreviewQuery, mergeResult, type MergePreview } from '../../../shared/contracts/merge';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './merge.service';

type Side = Awaited<ReturnType<typeof service.previewMerge>>['target'];
const sideOut = (r: Side): MergePreview['target'] => ({
  id: r.id,
  name: r.name,
  creditCode: r.credit_code,
  city: r.city,
  ownerName: r.owner_name,
  unitName: r.unit_name,
  version: r.version,
});

export async function mergeRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/accounts/:id/merge-preview', {
    config: { access: 'account:merge' },
    schema: {
      tags: ['accounts'],
      summary: 'What merging sourceId into this account would move (counts per part) and which empty fields it would fill',
      params: idParam,
      querystring: mergePreviewQuery,
      response: { 200: mergePreview },
    },
  }, async (req) => {
    const r = await service.previewMerge(p.db, actorOf(req), p.parts.merge, req.params.id, req.query.sourceId);
    return { target: sideOut(r.target), source: sideOut(r.source), parts: r.parts, fields: r.fields };
  });

  app.post('/api/accounts/:id/merge', {
    config: { access: 'account:merge' },
    schema: {
      tags: ['accounts'],
      summary: 'Merge the duplicate sourceId into this account in one audited transaction; the source is deleted',
      params: idParam,
      body: mergeBody,
      response: { 200: mergeResult },
    },
  }, async (req) => service.mergeAccounts(p.db, actorOf(req), p.parts.merge, req.params.id, req.body, p.config.BUSINESS_TZ));
}
