import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import { savedView, savedViewCreate, savedViewList, savedViewListQuery, savedViewUpdate, type SavedView } from '../../../shared/contracts/saved-views';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './saved-views.service';

type Row = Awaited<ReturnType<typeof service.listViews>>[number];
const viewOut = (r: Row): SavedView => ({
  id: r.id,
  page: r.page as SavedView['page'],
  name: r.name,
  query: r.query,
  isDefault: r.is_default,
  sortOrder: r.sort_order,
  version: r.version,
  updatedAt: iso(r.updated_at),
});

/** Saved list views: any signed-in user, always and only their own (another user's id is a 404). */
export async function savedViewsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/saved-views', {
    config: { access: 'authenticated' },
    schema: { tags: ['saved-views'], summary: "The caller's saved views of a list page, in their order", querystring: savedViewListQuery, response: { 200: savedViewList } },
  }, async (req) => ({ items: (await service.listViews(db, actorOf(req), req.query.page)).map(viewOut) }));

  app.post('/api/saved-views', {
    config: { access: 'authenticated' },
    schema: { tags: ['saved-views'], summary: "Save the list's filters and sort under a name; the query is checked against the page's list contract", body: savedViewCreate, response: { 200: savedView } },
  }, async (req) => viewOut(await service.createView(db, actorOf(req), req.body)));

  app.patch('/api/saved-views/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['saved-views'], summary: 'Rename, replace the query, make it the default (unsets the other) or reorder; version required', params: idParam, body: savedViewUpdate, response: { 200: savedView } },
  }, async (req) => viewOut(await service.updateView(db, actorOf(req), req.params.id, req.body)));

  app.delete('/api/saved-views/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['saved-views'], summary: 'Delete one of your views', params: idParam, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteView(db, actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
