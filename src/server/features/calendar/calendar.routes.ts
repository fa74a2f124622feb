import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/contracts/common';
import { calendarEvents, calendarRange, feedTokenCreated, feedTokenParam, feedTokenStatus } from '../../../shared/contracts/calendar';
import { AUTHENTICATED, PUBLIC } from '../../../shared/permissions';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

/**
 * The calendar (issue 5 item 10): visits, receptions and trips the caller may read, each in its
 * own permission's scope (so the route itself only needs a signed-in user); ICS export; and the
 * per-user secret feed, the one public route, which resolves its token to the user.
 */
export async function calendarRoutes(app: FastifyInstance, p: Platform): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = p;

  r.get('/api/calendar', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['calendar'], summary: `Visits, receptions and trips in the caller's scope between two business dates (at most 92 days)`, querystring: calendarRange, response: { 200: calendarEvents } },
  }, async (req) => service.listEvents(db, actorOf(req), req.query, config.BUSINESS_TZ));

  r.get('/api/calendar/export.ics', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['calendar'], summary: 'The same events as an iCalendar file', querystring: calendarRange, produces: [ICS] },
  }, async (req, reply) => {
    const text = await service.exportIcs(db, actorOf(req), req.query, config.BUSINESS_TZ, config.PUBLIC_URL);
    return reply.header('content-type', ICS).header('content-disposition', `attachment; filename="calendar-${req.query.from}-${req.query.to}.ics"`).send(text);
  });

  r.get('/api/calendar/feed-token', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['calendar'], summary: 'Whether the caller has a feed URL (the token itself is never shown again)', response: { 200: feedTokenStatus } },
  }, async (req) => service.feedTokenStatus(db, actorOf(req)));

  r.post('/api/calendar/feed-token', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['calendar'], summary: 'Create or replace the secret feed URL; shown once', response: { 200: feedTokenCreated } },
  }, async (req) => service.createFeedToken(db, actorOf(req)));

  r.delete('/api/calendar/feed-token', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['calendar'], summary: 'Turn the feed URL off', response: { 200: okResponse } },
  }, async (req) => {
    await service.revokeFeedToken(db, actorOf(req));
    return { ok: true as const };
  });

  r.get('/api/calendar/feed/:token.ics', {
    config: { access: PUBLIC },
    schema: { tags: ['calendar'], summary: 'The secret per-user ICS feed (no sign-in: the token is the credential)', params: feedTokenParam, produces: [ICS] },
  }, async (req, reply) => {
    const text = await service.feedIcs(db, req.params.token, config.BUSINESS_TZ, config.PUBLIC_URL);
    return reply.header('content-type', ICS).header('cache-control', 'private, max-age=300').send(text);
  });
}
