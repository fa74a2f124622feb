import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import type { approvalChainCreate, approvalChainUpdate, approvalListQuery, chainPreviewBody, delegationCreate } from '../../../shared/contracts/approvals';
import type { Actor } from '../../platform/actor';
import { pageWindow, resolveSort } from '../../platform/listing';
import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { holders, repeatBlocked, type ApprovalEngine } from '../../platform/approvals/engine';
import { businessDate } from '../../../shared/domain/business-time';
import { approvalsRepo } from './approvals.repo';

const stale = (what: string) => new AppError('STALE_VERSION', `${what} was changed by someone else; reload and try again`, undefined, { key: 'common.staleVersion' });

// ---- instances ----

const SORT: Record<string, string> = { createdAt: 'approval_instances.created_at', updatedAt: 'approval_instances.updated_at' };

export async function list(db: Kdb, actor: Actor, q: z.infer<typeof approvalListQuery>) {
  const r = await approvalsRepo.list(db, {
    box: q.box,
    userId: actor.userId,
    status: q.status,
    docType: q.docType,
    q: q.q,
    sort: resolveSort(q.sort, SORT, '-createdAt'),
    ...pageWindow(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function counts(db: Kdb, actor: Actor) {
  return { inbox: await approvalsRepo.inboxCount(db, actor.userId) };
}

export async function get(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number) {
  const inst = await approvalsRepo.findInstance(db, id);
  if (!inst || !(await engine.canSee(db, actor, inst))) throw new AppError('NOT_FOUND', 'Approval not found', undefined, { key: 'common.notFound' });
  const [steps, events, document] = await Promise.all([approvalsRepo.steps(db, id), approvalsRepo.events(db, id), engine.docType(inst.doc_type)?.summary?.(db, inst.doc_id)]);
  const current = steps.find((s) => s.seq === inst.current_seq && s.status === 'pending');
  // the buttons show only when deciding would succeed (not to someone a repeat rule would refuse)
  const canAct = inst.status === 'pending' && !!current && holders(current).includes(actor.userId) && !repeatBlocked(steps, current, actor.userId, inst.allow_repeat_approver);
  const canWithdraw = inst.status === 'pending' && inst.submitter_id === actor.userId;
  return { inst, steps, events, canAct, canWithdraw, document: document ?? null };
}

// ---- chains ----

async function checkChain(db: Kdb, engine: ApprovalEngine, input: { docType?: string; unitId?: number | null; steps?: z.infer<typeof approvalChainCreate>['steps'] }) {
  const issues: FieldIssue[] = [];
  if (input.docType !== undefined && !engine.docType(input.docType)) issues.push(issue('docType', 'approvals.unknownDocType', 'Unknown document type'));
  if (input.unitId != null && !(await approvalsRepo.unitExists(db, input.unitId))) issues.push(issue('unitId', 'org.unitMissing', 'Unit does not exist'));
  if (input.steps) {
    const userIds = input.steps.flatMap((s) => (s.approver.kind === 'user' ? [s.approver.userId] : []));
    const existing = new Set(await approvalsRepo.existingUserIds(db, userIds));
    input.steps.forEach((s, i) => {
      if (s.approver.kind === 'user' && !existing.has(s.approver.userId)) issues.push(issue(`steps.${i}.approver.userId`, 'org.userMissing', 'User does not exist'));
    });
  }
  if (issues.length) throw validationError(issues);
}

export async function listChains(db: Kdb, docType?: string) {
  return approvalsRepo.listChains(db, docType);
}

export async function createChain(db: Kdb, engine: ApprovalEngine, actor: Actor, input: z.infer<typeof approvalChainCreate>) {
  await checkChain(db, engine, input);
  return db.transaction().execute(async (trx) => {
    const { id } = await approvalsRepo.insertChain(trx, { docType: input.docType, unitId: input.unitId, name: input.name, steps: input.steps, active: input.active, allowRepeatApprover: input.allowRepeatApprover });
    const after = await approvalsRepo.findChain(trx, id);
    await audit(trx, actor, { entity: 'approval_chain', entityId: id, action: 'create', after });
    return after!;
  });
}

export async function updateChain(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, input: z.infer<typeof approvalChainUpdate>) {
  await checkChain(db, engine, input);
  return db.transaction().execute(async (trx) => {
    const before = await approvalsRepo.findChain(trx, id);
    if (!before) throw new AppError('NOT_FOUND', 'Approval chain not found', undefined, { key: 'common.notFound' });
    if (before.version !== input.version) throw stale('The approval chain');
    const updated = await approvalsRepo.updateChain(trx, id, input.version, { unit_id: input.unitId, name: input.name, steps: input.steps, active: input.active, allow_repeat_approver: input.allowRepeatApprover });
    if (!updated) throw stale('The approval chain');
    const after = await approvalsRepo.findChain(trx, id);
    await audit(trx, actor, { entity: 'approval_chain', entityId: id, action: 'update', before, after });
    return after!;
  });
}

/** Deactivates: running instances keep their steps, new submissions no longer use the chain. */
export async function deactivateChain(db: Kdb, actor: Actor, id: number) {
  return db.transaction().execute(async (trx) => {
    const before = await approvalsRepo.findChain(trx, id);
    if (!before) throw new AppError('NOT_FOUND', 'Approval chain not found', undefined, { key: 'common.notFound' });
    if (before.active) await approvalsRepo.updateChain(trx, id, before.version, { active: false });
    const after = await approvalsRepo.findChain(trx, id);
    await audit(trx, actor, { entity: 'approval_chain', entityId: id, action: 'deactivate', before, after });
  });
}

export async function preview(db: Kdb, engine: ApprovalEngine, input: z.infer<typeof chainPreviewBody>) {
  if (!engine.docType(input.docType)) throw validationError([issue('docType', 'approvals.unknownDocType', 'Unknown document type')]);
  const submitter = await approvalsRepo.findUser(db, input.submitterId);
  if (!submitter) throw validationError([issue('submitterId', 'org.userMissing', 'User does not exist')]);
  const r = await engine.resolve(db, { docType: input.docType, submitterId: submitter.id, unitId: submitter.unit_id, amount: input.amount });
  return { chainId: r.chain.id, chainName: r.chain.name, steps: r.steps.map((s) => ({ name: s.name, approverId: s.approverId, approverName: s.approverName, skipped: s.skipped })) };
}

// ---- delegations ----

export async function listDelegations(db: Kdb, actor: Actor) {
  return approvalsRepo.listDelegations(db, can(actor, 'delegation:manage') ? null : actor.userId);
}

export async function createDelegation(db: Kdb, actor: Actor, input: z.infer<typeof delegationCreate>) {
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId && !can(actor, 'delegation:manage')) throw new AppError('FORBIDDEN', 'Missing permission delegation:manage', undefined, { key: 'common.forbidden', params: { permission: 'delegation:manage' } });
  const issues: FieldIssue[] = [];
  if (input.endsOn < input.startsOn) issues.push(issue('endsOn', 'common.endBeforeStart', 'Ends before it starts'));
  if (input.delegateId === userId) issues.push(issue('delegateId', 'approvals.delegateSelf', 'Choose someone else'));
  const user = await approvalsRepo.findUser(db, userId);
  if (!user) issues.push(issue('userId', 'org.userMissing', 'User does not exist'));
  const delegate = await approvalsRepo.findUser(db, input.delegateId);
  if (!delegate || delegate.status !== 'active') issues.push(issue('delegateId', 'approvals.activeUser', 'Choose an active user'));
  if (issues.length) throw validationError(issues);
  return db.transaction().execute(async (trx) => {
    const { id } = await approvalsRepo.insertDelegation(trx, { userId, delegateId: input.delegateId, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason, createdBy: actor.userId });
    const after = await approvalsRepo.findDelegation(trx, id);
    await audit(trx, actor, { entity: 'delegation', entityId: id, action: 'create', after });
    return after!;
  });
}

export async function revokeDelegation(db: Kdb, actor: Actor, id: number) {
  return db.transaction().execute(async (trx) => {
    const before = await approvalsRepo.findDelegation(trx, id);
    const visible = before && (before.user_id === actor.userId || before.delegate_id === actor.userId || can(actor, 'delegation:manage'));
    if (!before || !visible) throw new AppError('NOT_FOUND', 'Delegation not found', undefined, { key: 'common.notFound' });
    if (before.user_id !== actor.userId && !can(actor, 'delegation:manage')) throw new AppError('FORBIDDEN', 'Only the delegator or a manager may revoke', undefined, { key: 'approvals.onlyDelegatorRevokes' });
    if (before.revoked_at) throw new AppError('INVALID_STATE', 'The delegation is already revoked', undefined, { key: 'approvals.delegationRevoked' });
    await approvalsRepo.revokeDelegation(trx, id);
    const after = await approvalsRepo.findDelegation(trx, id);
    await audit(trx, actor, { entity: 'delegation', entityId: id, action: 'revoke', before, after });
    return after!;
  });
}

export function delegationActive(d: { starts_on: string; ends_on: string; revoked_at: Date | null }, timeZone: string): boolean {
  const today = businessDate(new Date(), timeZone);
  return !d.revoked_at && d.starts_on <= today && today <= d.ends_on;
}
