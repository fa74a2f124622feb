import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import { competitor, competitorCreate, competitorListQuery, competitorPage, competitorUpdate, type Competitor } from '../../../shared/contracts/opportunities';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './competitors.service';

export const competitorOut = (r: service.CompetitorRow): Competitor => ({
  id: r.id,
  name: r.name,
  website: r.website,
  products: r.products,
  strengths: r.strengths,
  weaknesses: r.weaknesses,
  pricePosition: r.price_position as Competitor['pricePosition'],
  note: r.note,
  active: r.active,
  openProjects: Number(r.open_projects ?? 0),
  wonAgainst: Number(r.won_against ?? 0),
  lostTo: Number(r.lost_to ?? 0),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

/** The competitor register (PIPE-4): read with opportunity:read, kept with competitor:manage. */
export async function competitorsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['competitors'];

  app.get('/api/competitors', {
    config: { access: 'opportunity:read' },
    schema: { tags, summary: 'The competitor register with open projects / won against / lost to, counted over the projects in your scope', querystring: competitorListQuery, response: { 200: competitorPage } },
  }, async (req) => {
    const r = await service.list(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(competitorOut) };
  });

  app.get('/api/competitors/:id', {
    config: { access: 'opportunity:read' },
    schema: { tags, summary: 'One competitor', params: idParam, response: { 200: competitor } },
  }, async (req) => competitorOut(await service.get(db, actorOf(req), req.params.id)));

  app.post('/api/competitors', {
    config: { access: 'competitor:manage' },
    schema: { tags, summary: 'Add a competitor (the name is unique, case-insensitively)', body: competitorCreate, response: { 200: competitor } },
  }, async (req) => {
    const actor = actorOf(req);
    return competitorOut(await service.get(db, actor, await service.create(db, actor, req.body)));
  });

  app.patch('/api/competitors/:id', {
    config: { access: 'competitor:manage' },
    schema: { tags, summary: 'Edit or deactivate a competitor (version required)', params: idParam, body: competitorUpdate, response: { 200: competitor } },
  }, async (req) => {
    const actor = actorOf(req);
    return competitorOut(await service.get(db, actor, await service.update(db, actor, req.params.id, req.body)));
  });
}
