import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import {
  accountNeeds,
  countermeasure,
  countermeasureCreate,
  countermeasureUpdate,
  need,
  needCreate,
  needUpdate,
  versionQuery,
  type Countermeasure,
  type Need,
} from '../../../shared/contracts/needs';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './needs.service';

type NeedRow = Awaited<ReturnType<typeof service.getNeed>>;

export const needOut = (r: NeedRow): Need => ({
  id: r.id,
  accountId: r.account_id,
  productType: r.product_type,
  quantity: r.quantity === null ? null : Number(r.quantity),
  unit: r.unit,
  region: r.region,
  priceMin: r.price_min,
  priceMax: r.price_max,
  reason: r.reason,
  status: r.status as Need['status'],
  closedAt: iso(r.closed_at),
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export const countermeasureOut = (r: service.CountermeasureView): Countermeasure => ({
  id: r.id,
  accountId: r.account_id,
  contactId: r.contact_id,
  contactName: r.contact_name,
  contactTitle: r.contact_title,
  direction: r.direction as Countermeasure['direction'],
  directionNote: r.direction_note,
  problem: r.problem,
  measure: r.measure,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  dueOn: r.due_on,
  overdue: r.overdue,
  status: r.status as Countermeasure['status'],
  closedAt: iso(r.closed_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export async function needsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;

  app.get('/api/accounts/:id/needs', {
    config: { access: 'account:read' },
    schema: { tags: ['needs'], summary: 'Needs analysis and countermeasures of an account (ACC-8); open ones first', params: idParam, response: { 200: accountNeeds } },
  }, async (req) => {
    const r = await service.accountNeeds(db, actorOf(req), req.params.id, tz);
    return { needs: r.needs.map(needOut), countermeasures: r.countermeasures.map(countermeasureOut) };
  });

  app.post('/api/accounts/:id/needs', {
    config: { access: 'account:update' },
    schema: { tags: ['needs'], summary: 'Add a need (product type, quantity, region, price range in fen, reason)', params: idParam, body: needCreate, response: { 200: need } },
  }, async (req) => needOut(await service.getNeed(db, await service.createNeed(db, actorOf(req), req.params.id, req.body))));

  app.patch('/api/needs/:id', {
    config: { access: 'account:update' },
    schema: { tags: ['needs'], summary: 'Edit a need or set its status open/met/dropped (version required)', params: idParam, body: needUpdate, response: { 200: need } },
  }, async (req) => needOut(await service.getNeed(db, await service.updateNeed(db, actorOf(req), req.params.id, req.body))));

  app.delete('/api/needs/:id', {
    config: { access: 'account:update' },
    schema: { tags: ['needs'], summary: 'Delete a need (version in the query)', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteNeed(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });

  app.post('/api/accounts/:id/countermeasures', {
    config: { access: 'account:update' },
    schema: { tags: ['needs'], summary: 'Add a countermeasure (person, direction of movement, problem, measure, responsible person, due date)', params: idParam, body: countermeasureCreate, response: { 200: countermeasure } },
  }, async (req) => countermeasureOut(await service.getCountermeasure(db, await service.createCountermeasure(db, actorOf(req), req.params.id, req.body), tz)));

  app.patch('/api/countermeasures/:id', {
    config: { access: 'account:update' },
    schema: { tags: ['needs'], summary: 'Edit a countermeasure or set its status open/done/dropped (version required)', params: idParam, body: countermeasureUpdate, response: { 200: countermeasure } },
  }, async (req) => countermeasureOut(await service.getCountermeasure(db, await service.updateCountermeasure(db, actorOf(req), req.params.id, req.body), tz)));

  app.delete('/api/countermeasures/:id', {
    config: { access: 'account:update' },
    schema: { tags: ['needs'], summary: 'Delete a countermeasure (version in the query)', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteCountermeasure(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });
}
