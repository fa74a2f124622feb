import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common';
import { timelinePage, timelineQuery } from '../../../shared/contracts/timeline';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { accountTimeline } from './timeline.service';

export async function timelineRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/accounts/:id/timeline', {
    config: { access: 'account:read' },
    schema: {
      tags: ['timeline'],
      summary: 'The account timeline, newest first: pass nextBefore as before for the next page; kinds filters (comma-separated). Each source shows only what the caller may see.',
      params: idParam,
      querystring: timelineQuery,
      response: { 200: timelinePage },
    },
  }, async (req) => {
    const page = await accountTimeline(p.db, actorOf(req), p.parts.timeline, req.params.id, req.query, p.config.BUSINESS_TZ);
    return {
      items: page.items.map((e) => ({
        key: `${e.kind}:${e.id}`,
        kind: e.kind,
        at: e.at.toISOString(),
        dateOnly: e.dateOnly,
        actorId: e.actorId,
        actorName: e.actorName,
        params: e.params,
        link: e.link,
      })),
      nextBefore: page.next,
    };
  });
}
