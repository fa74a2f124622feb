import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, paged } from '../../../shared/contracts/common';
import { fileItem, fileUpload, generalRequest, generalRequestCreate, generalRequestListQuery, generalRequestUpdate, type REQUEST_CATEGORIES, type REQUEST_STATUSES } from '../../../shared/contracts/requests';
import { AUTHENTICATED } from '../../../shared/permissions';
import type { Platform } from '../../platform/context';
import { sendFile } from '../../platform/files';
import { actorOf } from '../../platform/http';
import * as service from './requests.service';

type RequestRow = Awaited<ReturnType<typeof service.get>>;
type FileRow = { id: number; name: string; mime: string; size: number; created_at: Date };

const fileOut = (f: FileRow) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, createdAt: iso(f.created_at) });

const requestOut = (r: RequestRow) => ({
  id: r.id,
  title: r.title,
  category: r.category as (typeof REQUEST_CATEGORIES)[number],
  amount: r.amount,
  description: r.description,
  status: r.status as (typeof REQUEST_STATUSES)[number],
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  submittedAt: iso(r.submitted_at),
  decidedAt: iso(r.decided_at),
  attachments: r.attachments.map(fileOut),
  approvalId: r.approval_id ?? null,
  version: r.version,
  createdAt: iso(r.created_at),
});

export async function requestsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const engine = p.approvals;
  const tags = ['requests'];

  app.get('/api/general-requests', {
    config: { access: 'request:read' },
    schema: { tags, summary: 'General requests (通用审批) within my data scope', querystring: generalRequestListQuery, response: { 200: paged(generalRequest) } },
  }, async (req) => {
    const r = await service.list(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(requestOut) };
  });

  app.get('/api/general-requests/:id', {
    config: { access: 'request:read' },
    schema: { tags, summary: 'One general request', params: idParam, response: { 200: generalRequest } },
  }, async (req) => requestOut(await service.get(db, actorOf(req), req.params.id)));

  app.post('/api/general-requests', {
    config: { access: 'request:create' },
    schema: { tags, summary: 'Create a draft; with submit=true it goes to approval at once', body: generalRequestCreate, response: { 200: generalRequest } },
  }, async (req) => requestOut(await service.create(db, engine, actorOf(req), req.body)));

  app.patch('/api/general-requests/:id', {
    config: { access: 'request:create' },
    schema: { tags, summary: 'Edit my draft or returned request (version required)', params: idParam, body: generalRequestUpdate, response: { 200: generalRequest } },
  }, async (req) => requestOut(await service.update(db, actorOf(req), req.params.id, req.body)));

  app.post('/api/general-requests/:id/submit', {
    config: { access: 'request:create' },
    schema: { tags, summary: 'Submit a draft or returned request for approval', params: idParam, response: { 200: generalRequest } },
  }, async (req) => requestOut(await service.submit(db, engine, actorOf(req), req.params.id)));

  app.post('/api/general-requests/:id/withdraw', {
    config: { access: 'request:create' },
    schema: { tags, summary: 'Withdraw a pending request from the approvers (its owner); it can be changed and submitted again', params: idParam, response: { 200: generalRequest } },
  }, async (req) => requestOut(await service.withdraw(db, engine, actorOf(req), req.params.id)));

  app.post('/api/files', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['files'], summary: 'Upload a file (base64, ≤ 10 MB); attach it to a record by id afterwards', body: fileUpload, response: { 200: fileItem } },
  }, async (req) => fileOut(await service.upload(db, actorOf(req), req.body)));

  app.get('/api/files/:id', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['files'], summary: 'Download a file (uploader, or whoever can see the record it is attached to); in the type it was uploaded with', params: idParam, produces: ['*/*'] },
  }, async (req, reply) => {
    return sendFile(reply, await service.download(db, actorOf(req), req.params.id));
  });
}
