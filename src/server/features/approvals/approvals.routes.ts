import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalChain,
  approvalChainCreate,
  approvalChainUpdate,
  approvalCounts,
  approvalDetail,
  approvalItem,
  approvalListQuery,
  approveBody,
  chainPreviewBody,
  chainPreviewResponse,
  commentRequiredBody,
  delegation,
  delegationCreate,
  docTypeItem,
  transferBody,
  type APPROVAL_ACTIONS,
  type APPROVAL_STATUSES,
  type STEP_STATUSES,
} from '../../../shared/contracts/approvals';
import { idParam, iso, okResponse, paged } from '../../../shared/contracts/common';
import { AUTHENTICATED } from '../../../shared/permissions';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { parseSteps, type ApprovalEngine } from '../../platform/approvals/engine';
import type { approvalsRepo } from './approvals.repo';
import * as service from './approvals.service';

type InstanceRow = NonNullable<Awaited<ReturnType<typeof approvalsRepo.findInstance>>>;
type Detail = Awaited<ReturnType<typeof service.get>>;
type ChainRow = Awaited<ReturnType<typeof service.listChains>>[number];
type DelegationRow = Awaited<ReturnType<typeof service.listDelegations>>[number];

/** What an approval's amount is called when its type is no longer registered. */
const AMOUNT_LABEL = 'approvals:list.amount';

export const itemOut = (engine: ApprovalEngine, i: InstanceRow) => {
  const type = engine.docType(i.doc_type);
  const second = i.second_amount === null ? null : (type?.secondAmountLabel ?? null);
  return {
    id: i.id,
    docType: i.doc_type,
    docId: i.doc_id,
    title: i.title,
    amount: i.amount,
    amountLabel: type?.amountLabel ?? AMOUNT_LABEL,
    secondAmount: second === null ? null : i.second_amount,
    secondAmountLabel: second,
    submitterId: i.submitter_id,
    submitterName: i.submitter_name,
    unitId: i.unit_id,
    unitName: i.unit_name,
    status: i.status as (typeof APPROVAL_STATUSES)[number],
    currentSeq: i.current_seq,
    currentStepName: i.current_step_name ?? null,
    currentApproverNames: i.current_approver_names ?? [],
    link: engine.link(i.doc_type, i.doc_id),
    createdAt: iso(i.created_at),
    updatedAt: iso(i.updated_at),
    finishedAt: iso(i.finished_at),
    version: i.version,
  };
};

const detailOut = (engine: ApprovalEngine, d: Detail) => ({
  ...itemOut(engine, d.inst),
  steps: d.steps.map((s) => ({
    seq: s.seq,
    name: s.name,
    approverId: s.approver_id,
    approverName: s.approver_name,
    originalApproverId: s.original_approver_id,
    originalApproverName: s.original_approver_name ?? null,
    via: s.via,
    status: s.status as (typeof STEP_STATUSES)[number],
    actedBy: s.acted_by,
    actedByName: s.acted_by_name ?? null,
    actedAt: iso(s.acted_at),
    comment: s.comment,
  })),
  events: d.events.map((e) => ({
    id: e.id,
    at: iso(e.at),
    actorId: e.actor_id,
    actorName: e.actor_name ?? null,
    action: e.action as (typeof APPROVAL_ACTIONS)[number],
    stepSeq: e.step_seq,
    toUserId: e.to_user_id,
    toUserName: e.to_user_name ?? null,
    comment: e.comment,
  })),
  canAct: d.canAct,
  canWithdraw: d.canWithdraw,
  document: d.document,
});

const chainOut = (c: ChainRow) => ({
  id: c.id,
  docType: c.doc_type,
  unitId: c.unit_id,
  unitName: c.unit_name ?? null,
  name: c.name,
  steps: parseSteps(c.steps),
  active: c.active,
  allowRepeatApprover: c.allow_repeat_approver,
  version: c.version,
});

const delegationOut = (d: DelegationRow, timeZone: string) => ({
  id: d.id,
  userId: d.user_id,
  userName: d.user_name,
  delegateId: d.delegate_id,
  delegateName: d.delegate_name,
  startsOn: d.starts_on,
  endsOn: d.ends_on,
  reason: d.reason,
  active: service.delegationActive(d, timeZone),
  revokedAt: iso(d.revoked_at),
  createdAt: iso(d.created_at),
});

/** The body of an action without a required field may be left out entirely. */
const optionalBody = approveBody.nullish();

export async function approvalsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const engine = p.approvals;
  const tags = ['approvals'];
  const detail = async (req: FastifyRequest, id: number) => detailOut(engine, await service.get(db, engine, actorOf(req), id));

  app.get('/api/approvals', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Approvals: inbox (waiting for me), submitted (mine) or done (I acted on)', querystring: approvalListQuery, response: { 200: paged(approvalItem) } },
  }, async (req) => {
    const r = await service.list(db, actorOf(req), req.query);
    return { ...r, items: r.items.map((i) => itemOut(engine, i)) };
  });

  app.get('/api/approvals/counts', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'How many approvals wait for me', response: { 200: approvalCounts } },
  }, async (req) => service.counts(db, actorOf(req)));

  app.get('/api/approvals/:id', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'One approval with its steps and history', params: idParam, response: { 200: approvalDetail } },
  }, async (req) => detail(req, req.params.id));

  app.post('/api/approvals/:id/approve', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Approve the current step (409 when it was already decided)', params: idParam, body: optionalBody, response: { 200: approvalDetail } },
  }, async (req) => {
    await engine.approve(actorOf(req), req.params.id, req.body?.comment);
    return detail(req, req.params.id);
  });

  app.post('/api/approvals/:id/reject', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Reject (comment required); the document ends rejected', params: idParam, body: commentRequiredBody, response: { 200: approvalDetail } },
  }, async (req) => {
    await engine.decideAgainst(actorOf(req), req.params.id, 'reject', req.body.comment);
    return detail(req, req.params.id);
  });

  app.post('/api/approvals/:id/return', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Return for changes (comment required); the submitter may edit and submit again', params: idParam, body: commentRequiredBody, response: { 200: approvalDetail } },
  }, async (req) => {
    await engine.decideAgainst(actorOf(req), req.params.id, 'return', req.body.comment);
    return detail(req, req.params.id);
  });

  app.post('/api/approvals/:id/withdraw', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Withdraw (submitter only, while pending)', params: idParam, body: optionalBody, response: { 200: approvalDetail } },
  }, async (req) => {
    await engine.withdraw(actorOf(req), req.params.id, req.body?.comment);
    return detail(req, req.params.id);
  });

  app.post('/api/approvals/:id/transfer', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Hand the current step to another active user', params: idParam, body: transferBody, response: { 200: approvalDetail } },
  }, async (req) => {
    await engine.transfer(actorOf(req), req.params.id, req.body.toUserId, req.body.comment);
    return detail(req, req.params.id);
  });

  app.post('/api/approvals/:id/comment', {
    config: { access: 'approval:act' },
    schema: { tags, summary: 'Add a comment to the history (submitter or approvers)', params: idParam, body: commentRequiredBody, response: { 200: approvalDetail } },
  }, async (req) => {
    await engine.comment(actorOf(req), req.params.id, req.body.comment);
    return detail(req, req.params.id);
  });

  // ---- chains ----

  app.get('/api/approval-doc-types', {
    config: { access: 'approval-chain:manage' },
    schema: { tags, summary: 'Document types that go through approval', response: { 200: z.object({ items: z.array(docTypeItem) }) } },
  }, async () => ({ items: engine.docTypes().map((d) => ({ type: d.type, labelKey: d.labelKey, amountLabel: d.amountLabel })) }));

  app.get('/api/approval-chains', {
    config: { access: 'approval-chain:manage' },
    schema: { tags, summary: 'Approval chains', querystring: z.object({ docType: z.string().optional() }), response: { 200: z.object({ items: z.array(approvalChain) }) } },
  }, async (req) => ({ items: (await service.listChains(db, req.query.docType)).map(chainOut) }));

  app.post('/api/approval-chains', {
    config: { access: 'approval-chain:manage' },
    schema: { tags, summary: 'Create an approval chain', body: approvalChainCreate, response: { 200: approvalChain } },
  }, async (req) => chainOut(await service.createChain(db, engine, actorOf(req), req.body)));

  app.patch('/api/approval-chains/:id', {
    config: { access: 'approval-chain:manage' },
    schema: { tags, summary: 'Update an approval chain (version required)', params: idParam, body: approvalChainUpdate, response: { 200: approvalChain } },
  }, async (req) => chainOut(await service.updateChain(db, engine, actorOf(req), req.params.id, req.body)));

  app.delete('/api/approval-chains/:id', {
    config: { access: 'approval-chain:manage' },
    schema: { tags, summary: 'Deactivate an approval chain (running approvals keep their steps)', params: idParam, response: { 200: okResponse } },
  }, async (req) => {
    await service.deactivateChain(db, actorOf(req), req.params.id);
    return { ok: true as const };
  });

  app.post('/api/approval-chains/preview', {
    config: { access: 'approval-chain:manage' },
    schema: { tags, summary: 'Resolve the steps a submission would get, without creating anything', body: chainPreviewBody, response: { 200: chainPreviewResponse } },
  }, async (req) => service.preview(db, engine, req.body));

  // ---- delegations ----

  app.get('/api/delegations', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Delegations by me and to me (all with delegation:manage)', response: { 200: z.object({ items: z.array(delegation) }) } },
  }, async (req) => ({ items: (await service.listDelegations(db, actorOf(req))).map((d) => delegationOut(d, p.config.BUSINESS_TZ)) }));

  app.post('/api/delegations', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Let someone approve in my place for a period (for others: delegation:manage)', body: delegationCreate, response: { 200: delegation } },
  }, async (req) => delegationOut(await service.createDelegation(db, actorOf(req), req.body), p.config.BUSINESS_TZ));

  app.delete('/api/delegations/:id', {
    config: { access: AUTHENTICATED },
    schema: { tags, summary: 'Revoke a delegation', params: idParam, response: { 200: delegation } },
  }, async (req) => delegationOut(await service.revokeDelegation(db, actorOf(req), req.params.id), p.config.BUSINESS_TZ));
}
