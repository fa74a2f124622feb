import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse, versionQuery } from '../../../shared/contracts/common';
import {
  giftApplication,
  giftApplicationCreate,
  giftApplicationList,
  giftApplicationListQuery,
  giftApplicationUpdate,
  giftCapCheck,
  giftItem,
  giftItemCreate,
  giftItemList,
  giftItemUpdate,
  giftLedger,
  giftMovement,
  giftMovementCreate,
  giftPlan,
  giftPlanCreate,
  giftPlanList,
  giftPlanUpdate,
  giftSettings,
  giftSettingsUpdate,
  giftVersionBody,
  recipientTotalQuery,
  type GiftApplication,
  type GiftApplicationListItem,
  type GiftItem,
  type GiftMovement,
  type GiftPlan,
} from '../../../shared/contracts/gifts';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import type { giftsRepo } from './gifts.repo';
import * as service from './gifts.service';

type ItemRow = Awaited<ReturnType<typeof giftsRepo.items>>[number];
type MovementRow = Awaited<ReturnType<typeof giftsRepo.movements>>[number];
type PlanRow = Awaited<ReturnType<typeof giftsRepo.plan>>;
type ListRow = Awaited<ReturnType<typeof giftsRepo.applicationList>>['rows'][number];

const itemOut = (r: ItemRow): GiftItem => ({
  id: r.id,
  name: r.name,
  spec: r.spec,
  unit: r.unit,
  unitValue: Number(r.unit_value),
  stock: r.stock,
  active: r.active,
  note: r.note,
  updatedAt: iso(r.updated_at),
  version: r.version,
});

const movementOut = (r: MovementRow): GiftMovement => ({
  id: r.id,
  itemId: r.item_id,
  kind: r.kind as GiftMovement['kind'],
  quantity: r.quantity,
  balance: r.balance,
  applicationId: r.application_id === null ? null : Number(r.application_id),
  note: r.note,
  actorName: r.actor_name,
  at: iso(r.at),
});

const planOut = (r: PlanRow): GiftPlan => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  industry: r.industry,
  cooperationStatus: r.cooperation_status,
  itemId: r.item_id,
  itemName: r.item_name,
  quantity: r.quantity,
  budget: r.budget === null ? null : Number(r.budget),
  responsibleId: r.responsible_id,
  responsibleName: r.responsible_name,
  remark: r.remark,
  updatedAt: iso(r.updated_at),
  version: r.version,
});

const listItemOut = (r: ListRow): GiftApplicationListItem => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  contactId: r.contact_id,
  contactName: r.contact_name,
  itemName: r.item_name,
  quantity: r.quantity,
  value: Number(r.value),
  giftOn: r.gift_on,
  status: r.status as GiftApplicationListItem['status'],
  overCap: r.over_cap,
  ownerName: r.owner_name,
  updatedAt: iso(r.updated_at),
});

const applicationOut = (r: service.ApplicationView): GiftApplication => ({
  ...listItemOut(r),
  contactTitle: r.contact_title,
  itemId: r.item_id,
  itemUnit: r.item_unit,
  unitValue: Number(r.unit_value),
  managingDept: r.managing_dept,
  remark: r.remark,
  ownerId: r.owner_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  overCap: r.capCheck.overCap,
  cap: r.capCheck,
  approvalId: r.approval_id === null ? null : Number(r.approval_id),
  signatures: r.signatureRows.map((s) => ({ name: s.name, approverName: s.approver_name, status: s.status, actedAt: iso(s.acted_at) })),
  submittedAt: iso(r.submitted_at),
  decidedAt: iso(r.decided_at),
  issuedAt: iso(r.issued_at),
  issuedByName: r.issued_by_name,
  createdAt: iso(r.created_at),
  version: r.version,
});

/** A delete names the version it read (409 when stale). */

const settingsOut = (r: Awaited<ReturnType<typeof service.getSettings>>) => ({ recipientYearCap: r.value.recipientYearCap, version: r.version, updatedAt: r.updatedAt ? iso(r.updatedAt) : null });

/** ACT-8 gifts: catalogue and stock, plans per account, applications through the approval engine, issuing. */
export async function giftsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['gifts'];
  const readApplication = async (req: FastifyRequest, id: number) => applicationOut(await service.getApplication(db, actorOf(req), id));

  // ---- catalogue and stock ----
  app.get('/api/gift-items', {
    config: { access: 'gift:read' },
    schema: { tags, summary: 'The gift catalogue with stock on hand', response: { 200: giftItemList } },
  }, async () => ({ items: (await service.listItems(db)).map(itemOut) }));

  app.post('/api/gift-items', {
    config: { access: 'gift:manage' },
    schema: { tags, summary: 'Add a gift to the catalogue (stock starts at 0; book it in as a movement)', body: giftItemCreate, response: { 201: giftItem } },
  }, async (req, reply) => reply.code(201).send(itemOut(await service.createItem(db, actorOf(req), req.body))));

  app.patch('/api/gift-items/:id', {
    config: { access: 'gift:manage' },
    schema: { tags, summary: 'Change a catalogue entry (not its stock)', params: idParam, body: giftItemUpdate, response: { 200: giftItem } },
  }, async (req) => itemOut(await service.updateItem(db, actorOf(req), req.params.id, req.body)));

  app.get('/api/gift-items/:id/movements', {
    config: { access: 'gift:read' },
    schema: { tags, summary: "The item's stock ledger, newest first (last 500)", params: idParam, response: { 200: giftLedger } },
  }, async (req) => {
    const r = await service.ledger(db, req.params.id);
    return { item: itemOut(r.item), items: r.movements.map(movementOut) };
  });

  app.post('/api/gift-items/:id/movements', {
    config: { access: 'gift:manage' },
    schema: { tags, summary: 'Book stock in, a return or an adjustment; stock never goes below zero (409). Issues go through applications.', params: idParam, body: giftMovementCreate, response: { 201: giftMovement } },
  }, async (req, reply) => {
    const row = await service.addMovement(db, actorOf(req), req.params.id, req.body);
    return reply.code(201).send(movementOut({ ...row, actor_name: actorOf(req).name }));
  });

  // ---- settings ----
  app.get('/api/gift-settings', {
    config: { access: 'gift:read' },
    schema: { tags, summary: 'The yearly value cap per recipient', response: { 200: giftSettings } },
  }, async () => settingsOut(await service.getSettings(db)));

  app.put('/api/gift-settings', {
    config: { access: 'gift:manage' },
    schema: { tags, summary: 'Set the yearly value cap per recipient', body: giftSettingsUpdate, response: { 200: giftSettings } },
  }, async (req) => settingsOut(await service.updateSettings(db, actorOf(req), req.body)));

  // ---- plans ----
  app.get('/api/accounts/:id/gift-plans', {
    config: { access: 'gift:read' },
    schema: { tags, summary: "The account's gift plan (礼品馈赠计划表)", params: idParam, response: { 200: giftPlanList } },
  }, async (req) => ({ items: (await service.plansOf(db, actorOf(req), req.params.id)).map(planOut) }));

  app.post('/api/accounts/:id/gift-plans', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Add a line to the account’s gift plan', params: idParam, body: giftPlanCreate, response: { 201: giftPlan } },
  }, async (req, reply) => reply.code(201).send(planOut(await service.createPlan(db, actorOf(req), req.params.id, req.body))));

  app.patch('/api/gift-plans/:id', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Change a gift plan line', params: idParam, body: giftPlanUpdate, response: { 200: giftPlan } },
  }, async (req) => planOut(await service.updatePlan(db, actorOf(req), req.params.id, req.body)));

  app.delete('/api/gift-plans/:id', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Remove a gift plan line', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deletePlan(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });

  // ---- applications ----
  app.get('/api/gift-applications', {
    config: { access: 'gift:read' },
    schema: { tags, summary: 'Gift applications in scope, newest first', querystring: giftApplicationListQuery, response: { 200: giftApplicationList } },
  }, async (req) => {
    const { total, rows } = await service.listApplications(db, actorOf(req), req.query);
    return { items: rows.map(listItemOut), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/gift-applications', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Write a gift application (礼品馈赠申请表) as a draft', body: giftApplicationCreate, response: { 201: giftApplication } },
  }, async (req, reply) => reply.code(201).send(await readApplication(req, await service.createApplication(db, actorOf(req), req.body))));

  app.get('/api/gift-applications/:id', {
    config: { access: 'gift:read' },
    schema: { tags, summary: 'One application with its cap check and signatures', params: idParam, response: { 200: giftApplication } },
  }, async (req) => readApplication(req, req.params.id));

  app.patch('/api/gift-applications/:id', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Change a draft or rejected application', params: idParam, body: giftApplicationUpdate, response: { 200: giftApplication } },
  }, async (req) => {
    await service.updateApplication(db, actorOf(req), req.params.id, req.body);
    return readApplication(req, req.params.id);
  });

  app.delete('/api/gift-applications/:id', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Delete a draft that was never submitted', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteApplication(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });

  app.post('/api/gift-applications/:id/submit', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Submit for approval (gift_application; gift_application_over_cap with the GM when over the recipient’s yearly cap)', params: idParam, body: giftVersionBody, response: { 200: giftApplication } },
  }, async (req) => {
    await service.submitApplication(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return readApplication(req, req.params.id);
  });

  app.post('/api/gift-applications/:id/withdraw', {
    config: { access: 'gift:apply' },
    schema: { tags, summary: 'Withdraw a pending application (its submitter); it becomes a draft', params: idParam, body: giftVersionBody, response: { 200: giftApplication } },
  }, async (req) => {
    await service.withdrawApplication(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return readApplication(req, req.params.id);
  });

  app.post('/api/gift-applications/:id/issue', {
    config: { access: 'gift:manage' },
    schema: { tags, summary: 'Issue the gifts of an approved application from stock (409 unless approved or without stock)', params: idParam, body: giftVersionBody, response: { 200: giftApplication } },
  }, async (req) => {
    await service.issueApplication(db, actorOf(req), req.params.id, req.body.version);
    return readApplication(req, req.params.id);
  });

  app.get('/api/contacts/:id/gift-total', {
    config: { access: 'gift:read' },
    schema: { tags, summary: "The recipient's approved gift total of a year against the cap", params: idParam, querystring: recipientTotalQuery, response: { 200: giftCapCheck } },
  }, async (req) => service.recipientTotal(db, actorOf(req), req.params.id, req.query));
}
