import type { Executor, Kdb, Trx } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import { chainStep, type APPROVAL_STATUSES, type ChainStep, type DocumentSummary } from '../../../shared/contracts/approvals';
import type { Actor } from '../actor';
import { can } from '../actor';
import { audit } from '../audit';
import type { Notifier } from '../notifications/notifier';
import { engineRepo } from './approvals.repo';
import { businessDate } from '../../../shared/domain/business-time';

export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** A document type that goes through approval; registered once by its feature at start-up. */
export interface DocTypeDef {
  type: string;
  /** i18n key of the type's label, e.g. 'docTypes.general_request' */
  labelKey: string;
  /** i18n keys ('namespace:key') of what its amount is (预算金额, 申请金额…) and of its second figure, if any */
  amountLabel: string;
  secondAmountLabel: string | null;
  /** the web route of one document */
  link(docId: number): string;
  /**
   * Called inside the engine's transaction: the document's status follows the instance. On
   * submission `submitted` carries the new instance's id and the document's own values of the
   * submission, so the document is written once.
   */
  onStatusChange(trx: Trx, docId: number, status: ApprovalStatus, actor: Actor, submitted?: Submitted): Promise<void>;
  /** the document as its approvers need it on the approval page (read for a caller the engine already let see the approval) */
  summary?(db: Executor, docId: number): Promise<DocumentSummary | undefined>;
}

/** What a submission writes on the document besides its status: the approval's id and the room's values. */
export interface Submitted {
  approvalId: number;
  values: Record<string, unknown>;
}

export interface SubmitInput {
  docType: string;
  docId: number;
  title: string;
  /** the document's real amount (fen), shown as its type's amountLabel */
  amount: number | null;
  /** its second figure, shown as the type's secondAmountLabel */
  secondAmount?: number | null;
  /** what the chain's minAmount thresholds read, when not the amount */
  chainAmount?: number | null;
  submitterId: number;
  unitId: number;
  /** the document's own columns the submission sets (written with its status, in one update) */
  docValues?: Record<string, unknown>;
}

export interface ResolvedStep {
  seq: number;
  name: string;
  approverId: number;
  approverName: string;
  /** the delegator when a delegation put the step in someone else's hands */
  originalApproverId: number | null;
  skipped: boolean;
}

export interface Resolution {
  chain: { id: number; name: string; allowRepeatApprover: boolean };
  steps: ResolvedStep[];
}

type Instance = NonNullable<Awaited<ReturnType<typeof engineRepo.findInstance>>>;
type Step = Awaited<ReturnType<typeof engineRepo.steps>>[number];


const alreadyDecided = () => new AppError('INVALID_STATE', 'This approval was already decided or has moved on; reload to see its current state', undefined, { key: 'approvals.alreadyDecided' });

/** Ancestor paths of a materialised path, nearest first: '/1/4/9/' → ['/1/4/9/', '/1/4/', '/1/']. */
function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let n = ids.length; n > 0; n--) out.push(`/${ids.slice(0, n).join('/')}/`);
  return out;
}

/**
 * FLOW-1: one engine for every document that needs sign-off. A document's status changes only
 * through it; every transition runs in one transaction that holds the instance's row lock and
 * moves the step with a conditional update, so concurrent clicks on any number of server
 * processes decide a step exactly once.
 */
export class ApprovalEngine {
  private readonly types = new Map<string, DocTypeDef>();

  constructor(
    readonly db: Kdb,
    readonly notifier: Notifier,
    /** business time zone: delegations run by business date */
    readonly timeZone = 'Asia/Shanghai',
  ) {}

  registerDocType(def: DocTypeDef): void {
    this.types.set(def.type, def);
  }

  docType(type: string): DocTypeDef | undefined {
    return this.types.get(type);
  }

  docTypes(): DocTypeDef[] {
    return [...this.types.values()];
  }

  link(type: string, docId: number): string {
    return this.types.get(type)?.link(docId) ?? '';
  }

  /** The chain and approvers a submission would get, without writing anything. */
  async resolve(ex: Executor, input: { docType: string; submitterId: number; unitId: number; amount: number | null }): Promise<Resolution> {
    const unit = await engineRepo.findUnit(ex, input.unitId);
    if (!unit) throw validationError([issue('unitId', 'org.unitMissing', 'Unit does not exist')]);
    const paths = ancestorPaths(unit.path);
    const unitIds = paths.map((p) => Number(p.split('/').filter(Boolean).pop()));
    const chains = await engineRepo.candidateChains(ex, input.docType, unitIds);
    // The chain of the nearest unit wins; a company-wide chain (no unit) is the fallback.
    const rank = (unitId: number | null) => (unitId === null ? unitIds.length : unitIds.indexOf(unitId));
    const chain = chains.sort((a, b) => rank(a.unit_id) - rank(b.unit_id) || a.id - b.id)[0];
    if (!chain) throw new AppError('VALIDATION', `No approval chain is configured for ${input.docType}; ask an administrator to set one up`, { issues: [issue('docType', 'approvals.noChain', 'No approval chain configured', { docType: input.docType })] }, { key: 'approvals.noChain', params: { docType: input.docType } });
    const steps = parseSteps(chain.steps);
    const day = businessDate(new Date(), this.timeZone);
    const natural: { step: ChainStep; index: number; approver: { id: number; name: string } }[] = [];
    for (const [i, step] of steps.entries()) {
      if (step.minAmount !== null && !((input.amount ?? 0) > step.minAmount)) continue;
      const approver = await this.resolveApprover(ex, step, paths);
      if (!approver) {
        throw new AppError('VALIDATION', `No approver found for step "${step.name}" of chain "${chain.name}"`, { issues: [issue(`steps.${i}`, 'approvals.noApprover', `No approver found for step "${step.name}"`, { step: step.name, chain: chain.name })] }, { key: 'approvals.noApprover', params: { step: step.name, chain: chain.name } });
      }
      natural.push({ step, index: i, approver });
    }
    const out: ResolvedStep[] = [];
    for (const [n, { step, approver }] of natural.entries()) {
      const skipped = approver.id === input.submitterId;
      let approverId = approver.id;
      let approverName = approver.name;
      let originalApproverId: number | null = null;
      if (!skipped) {
        const delegate = await engineRepo.activeDelegate(ex, approver.id, day);
        // A submitter never approves their own document, even as someone's delegate; and unless the
        // chain allows it, a delegation never gives one person a second step of the same document.
        const othersHold = natural.some((o, m) => m !== n && o.approver.id === delegate?.id) || out.some((o) => o.approverId === delegate?.id);
        if (delegate && delegate.id !== input.submitterId && (chain.allow_repeat_approver || !othersHold)) {
          originalApproverId = approver.id;
          approverId = delegate.id;
          approverName = delegate.name;
        }
      }
      out.push({ seq: out.length + 1, name: step.name, approverId, approverName, originalApproverId, skipped });
    }
    return { chain: { id: chain.id, name: chain.name, allowRepeatApprover: chain.allow_repeat_approver }, steps: out };
  }

  private async resolveApprover(ex: Executor, step: ChainStep, paths: string[]) {
    if (step.approver.kind === 'user') {
      const user = await engineRepo.findUser(ex, step.approver.userId);
      return user && user.status === 'active' ? { id: user.id, name: user.name } : undefined;
    }
    for (const path of paths) {
      const hit = await engineRepo.positionHolderUnder(ex, step.approver.position, path);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Starts a new instance for a document; returns its id. Call it inside the document's transaction. */
  async submit(trx: Trx, actor: Actor, input: SubmitInput): Promise<number> {
    const def = this.types.get(input.docType);
    if (!def) throw new Error(`Approval doc type ${input.docType} is not registered`);
    if (await engineRepo.hasPending(trx, input.docType, input.docId)) throw new AppError('INVALID_STATE', 'This document is already waiting for approval', undefined, { key: 'approvals.alreadyPending' });
    const chainAmount = input.chainAmount === undefined ? input.amount : input.chainAmount;
    const { chain, steps } = await this.resolve(trx, { ...input, amount: chainAmount });
    const { docValues: _values, chainAmount: _chain, ...instance } = input;
    const inst = await engineRepo.insertInstance(trx, { ...instance, secondAmount: input.secondAmount ?? null, chainId: chain.id, allowRepeatApprover: chain.allowRepeatApprover });
    const first = steps.find((s) => !s.skipped);
    for (const s of steps) {
      await engineRepo.insertStep(trx, {
        instanceId: inst.id,
        seq: s.seq,
        name: s.name,
        approverId: s.approverId,
        originalApproverId: s.originalApproverId,
        status: s.skipped ? 'skipped' : s === first ? 'pending' : 'waiting',
      });
    }
    await engineRepo.insertEvent(trx, { instanceId: inst.id, actorId: actor.userId, action: 'submit', stepSeq: null });
    for (const s of steps) {
      if (s.skipped) await engineRepo.insertEvent(trx, { instanceId: inst.id, actorId: null, action: 'skip', stepSeq: s.seq, toUserId: s.approverId });
      if (s.originalApproverId) await engineRepo.insertEvent(trx, { instanceId: inst.id, actorId: s.originalApproverId, action: 'delegate', stepSeq: s.seq, toUserId: s.approverId });
    }
    await def.onStatusChange(trx, input.docId, 'pending', actor, { approvalId: inst.id, values: input.docValues ?? {} });
    const submitterName = (await engineRepo.userNames(trx, [input.submitterId])).get(input.submitterId) ?? '';
    if (first) {
      const moved = await engineRepo.updateInstance(trx, inst.id, inst.version, { currentSeq: first.seq });
      if (!moved) throw alreadyDecided();
      await this.notifier.notify(trx, {
        userIds: [first.approverId, ...(first.originalApproverId ? [first.originalApproverId] : [])],
        kind: 'approval.pending',
        params: { title: input.title, submitter: submitterName },
        link: `/approvals/${inst.id}`,
      });
    } else {
      // Every step fell to the submitter themself: nothing left to decide.
      await engineRepo.updateInstance(trx, inst.id, inst.version, { status: 'approved', currentSeq: null, finished: true });
      await def.onStatusChange(trx, input.docId, 'approved', actor);
      await this.notifier.notify(trx, { userIds: [input.submitterId], kind: 'approval.approved', params: { title: input.title }, link: `/approvals/${inst.id}` });
    }
    await audit(trx, actor, {
      entity: 'approval_instance',
      entityId: inst.id,
      action: 'submit',
      data: { docType: input.docType, docId: input.docId, chainId: chain.id, ...(chainAmount !== input.amount && { chainAmount }), steps: steps.map((s) => ({ seq: s.seq, approverId: s.approverId, skipped: s.skipped })) },
    });
    return inst.id;
  }

  /** Who may see an instance: its submitter, anyone who is or was an approver on it, chain managers. */
  async canSee(ex: Executor, actor: Actor, inst: { id: number; submitter_id: number }): Promise<boolean> {
    if (inst.submitter_id === actor.userId || can(actor, 'approval-chain:manage')) return true;
    return engineRepo.isParticipant(ex, inst.id, actor.userId);
  }

  private async locked<T>(actor: Actor, id: number, fn: (trx: Trx, inst: Instance, steps: Step[]) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const inst = await engineRepo.lockInstance(trx, id);
      if (!inst || !(await this.canSee(trx, actor, inst))) throw new AppError('NOT_FOUND', 'Approval not found', undefined, { key: 'common.notFound' });
      return fn(trx, inst, await engineRepo.steps(trx, id));
    });
  }

  /** The current step, checked that the actor holds it. */
  private currentStep(actor: Actor, inst: Instance, steps: Step[]): Step {
    if (inst.status !== 'pending') throw alreadyDecided();
    const step = steps.find((s) => s.seq === inst.current_seq && s.status === 'pending');
    if (!step) throw alreadyDecided();
    if (!holders(step).includes(actor.userId)) {
      throw new AppError('FORBIDDEN', 'Only the current approver may act on this step', undefined, { key: 'approvals.notCurrentApprover' });
    }
    return step;
  }

  /** 403 when a delegation or transfer would let the actor decide a second step (see repeatBlocked). */
  private assertNotRepeat(actor: Actor, inst: Instance, steps: Step[], step: Step): void {
    if (repeatBlocked(steps, step, actor.userId, inst.allow_repeat_approver)) {
      throw new AppError('FORBIDDEN', 'You already decided another step of this document; a delegation or transfer cannot give you a second one', { stepSeq: step.seq }, { key: 'approvals.repeatApprover' });
    }
  }

  private async names(trx: Trx, inst: Instance, actor: Actor) {
    const names = await engineRepo.userNames(trx, [inst.submitter_id]);
    return { title: inst.title, submitter: names.get(inst.submitter_id) ?? '', actor: actor.name };
  }

  private async finish(trx: Trx, actor: Actor, inst: Instance, status: Exclude<ApprovalStatus, 'pending'>) {
    await engineRepo.cancelOpenSteps(trx, inst.id);
    const done = await engineRepo.updateInstance(trx, inst.id, inst.version, { status, currentSeq: null, finished: true });
    if (!done) throw alreadyDecided();
    const def = this.types.get(inst.doc_type);
    if (def) await def.onStatusChange(trx, inst.doc_id, status, actor);
  }

  /** The "your turn" notices of the approval are done once its step moves (the next holders get new ones). */
  private settleTurn(trx: Trx, id: number) {
    return this.notifier.settle(trx, `/approvals/${id}`, ['approval.pending', 'approval.transferred']);
  }

  async approve(actor: Actor, id: number, comment?: string): Promise<void> {
    await this.locked(actor, id, async (trx, inst, steps) => {
      const step = this.currentStep(actor, inst, steps);
      this.assertNotRepeat(actor, inst, steps, step);
      const decided = await engineRepo.decideStep(trx, step.id, { status: 'approved', actedBy: actor.userId, comment: comment || null });
      if (!decided) throw alreadyDecided();
      await engineRepo.insertEvent(trx, { instanceId: id, actorId: actor.userId, action: 'approve', stepSeq: step.seq, comment: comment || null });
      await this.settleTurn(trx, id);
      const params = await this.names(trx, inst, actor);
      const next = steps.find((s) => s.seq > step.seq && s.status === 'waiting');
      if (next) {
        await engineRepo.activateStep(trx, next.id);
        const moved = await engineRepo.updateInstance(trx, id, inst.version, { currentSeq: next.seq });
        if (!moved) throw alreadyDecided();
        await this.notifier.notify(trx, {
          userIds: holders(next),
          kind: 'approval.pending',
          params,
          link: `/approvals/${id}`,
        });
      } else {
        await this.finish(trx, actor, inst, 'approved');
        await this.notifier.notify(trx, { userIds: [inst.submitter_id], kind: 'approval.approved', params, link: `/approvals/${id}` });
      }
      await audit(trx, actor, { entity: 'approval_instance', entityId: id, action: 'approve', data: { stepSeq: step.seq, comment: comment || null, finished: !next } });
    });
  }

  /** Reject ends the instance; return sends the document back to the submitter for changes. */
  async decideAgainst(actor: Actor, id: number, action: 'reject' | 'return', comment: string): Promise<void> {
    if (!comment.trim()) throw validationError([issue('comment', 'approvals.commentRequired', 'A comment is required')]);
    await this.locked(actor, id, async (trx, inst, steps) => {
      const step = this.currentStep(actor, inst, steps);
      this.assertNotRepeat(actor, inst, steps, step);
      const status = action === 'reject' ? 'rejected' : 'returned';
      const decided = await engineRepo.decideStep(trx, step.id, { status, actedBy: actor.userId, comment });
      if (!decided) throw alreadyDecided();
      await engineRepo.insertEvent(trx, { instanceId: id, actorId: actor.userId, action, stepSeq: step.seq, comment });
      await this.settleTurn(trx, id);
      await this.finish(trx, actor, inst, status);
      const params = await this.names(trx, inst, actor);
      await this.notifier.notify(trx, { userIds: [inst.submitter_id], kind: `approval.${status}`, params: { ...params, comment }, link: `/approvals/${id}` });
      await audit(trx, actor, { entity: 'approval_instance', entityId: id, action, data: { stepSeq: step.seq, comment } });
    });
  }

  async withdraw(actor: Actor, id: number, comment?: string): Promise<void> {
    await this.locked(actor, id, async (trx, inst, steps) => {
      if (inst.submitter_id !== actor.userId) throw new AppError('FORBIDDEN', 'Only the submitter may withdraw', undefined, { key: 'approvals.onlySubmitterWithdraws' });
      if (inst.status !== 'pending') throw alreadyDecided();
      const current = steps.find((s) => s.seq === inst.current_seq);
      await engineRepo.insertEvent(trx, { instanceId: id, actorId: actor.userId, action: 'withdraw', stepSeq: inst.current_seq, comment: comment || null });
      await this.settleTurn(trx, id);
      await this.finish(trx, actor, inst, 'withdrawn');
      if (current) {
        const params = await this.names(trx, inst, actor);
        await this.notifier.notify(trx, {
          userIds: holders(current),
          kind: 'approval.withdrawn',
          params,
          link: `/approvals/${id}`,
        });
      }
      await audit(trx, actor, { entity: 'approval_instance', entityId: id, action: 'withdraw', data: { stepSeq: inst.current_seq, comment: comment || null } });
    });
  }

  /** The current approver hands the step to another active user. */
  async transfer(actor: Actor, id: number, toUserId: number, comment?: string): Promise<void> {
    await this.locked(actor, id, async (trx, inst, steps) => {
      const step = this.currentStep(actor, inst, steps);
      const target = await engineRepo.findUser(trx, toUserId);
      if (!target || target.status !== 'active') throw validationError([issue('toUserId', 'approvals.activeUser', 'Choose an active user')]);
      if (toUserId === step.approver_id) throw validationError([issue('toUserId', 'approvals.sameApprover', 'The step is already with this user')]);
      if (toUserId === inst.submitter_id) throw validationError([issue('toUserId', 'approvals.submitterApproves', 'The submitter cannot approve their own document')]);
      if (!inst.allow_repeat_approver && holdsAnotherStep(steps, step.id, toUserId)) {
        throw validationError([issue('toUserId', 'approvals.repeatApprover', 'This person decides another step of the document')]);
      }
      const moved = await engineRepo.transferStep(trx, step.id, step.approver_id, toUserId);
      if (!moved) throw alreadyDecided();
      const bumped = await engineRepo.updateInstance(trx, id, inst.version, { currentSeq: step.seq });
      if (!bumped) throw alreadyDecided();
      await engineRepo.insertEvent(trx, { instanceId: id, actorId: actor.userId, action: 'transfer', stepSeq: step.seq, toUserId, comment: comment || null });
      await this.settleTurn(trx, id);
      const params = await this.names(trx, inst, actor);
      await this.notifier.notify(trx, { userIds: [toUserId], kind: 'approval.transferred', params, link: `/approvals/${id}` });
      await audit(trx, actor, { entity: 'approval_instance', entityId: id, action: 'transfer', data: { stepSeq: step.seq, from: step.approver_id, to: toUserId, comment: comment || null } });
    });
  }

  /** A remark in the history, by the submitter or anyone who is or was an approver on it. */
  async comment(actor: Actor, id: number, comment: string): Promise<void> {
    if (!comment.trim()) throw validationError([issue('comment', 'approvals.commentRequired', 'A comment is required')]);
    await this.locked(actor, id, async (trx, inst, steps) => {
      const participants = new Set<number>([inst.submitter_id]);
      for (const s of steps) {
        participants.add(s.approver_id);
        if (s.original_approver_id) participants.add(s.original_approver_id);
        if (s.acted_by) participants.add(s.acted_by);
      }
      if (!participants.has(actor.userId)) throw new AppError('FORBIDDEN', 'Only the submitter and the approvers may comment', undefined, { key: 'approvals.onlyParticipantsComment' });
      await engineRepo.insertEvent(trx, { instanceId: id, actorId: actor.userId, action: 'comment', stepSeq: inst.current_seq, comment });
      participants.delete(actor.userId);
      const params = await this.names(trx, inst, actor);
      await this.notifier.notify(trx, { userIds: [...participants], kind: 'approval.commented', params: { ...params, comment }, link: `/approvals/${id}` });
      await audit(trx, actor, { entity: 'approval_instance', entityId: id, action: 'comment', data: { comment } });
    });
  }
}

const DECIDED = new Set(['approved', 'rejected', 'returned']);
const CLOSED = new Set(['skipped', 'cancelled']);

type StepFacts = Pick<Step, 'id' | 'approver_id' | 'original_approver_id' | 'via' | 'status' | 'acted_by'>;

/** Whether `userId` decided, or holds, a step of the document other than `stepId`. */
export function holdsAnotherStep(steps: readonly StepFacts[], stepId: number, userId: number): boolean {
  return steps.some((s) => s.id !== stepId && (s.acted_by === userId || (!CLOSED.has(s.status) && holders(s).includes(userId))));
}

/**
 * One person does not decide two steps of a document through a delegation or a transfer —
 * holding this step as someone's delegate or transferee after deciding another, or having
 * decided another that way — unless the chain allowed it when the document was submitted.
 * Holding two steps by position is the chain's own design and is not blocked.
 */
export function repeatBlocked(steps: readonly StepFacts[], step: StepFacts, userId: number, allowRepeat: boolean): boolean {
  if (allowRepeat) return false;
  const decided = steps.filter((s) => s.id !== step.id && s.acted_by === userId && DECIDED.has(s.status));
  if (!decided.length) return false;
  const handedTo = (s: StepFacts) => s.original_approver_id !== null && s.original_approver_id !== s.acted_by;
  const viaOther = step.approver_id === userId && step.original_approver_id !== null && step.original_approver_id !== userId;
  return viaOther || decided.some(handedTo);
}

/** Who may decide a step: its approver, and the delegator of a delegation (not whoever transferred it). */
export function holders(step: { approver_id: number; original_approver_id: number | null; via: string | null }): number[] {
  return step.original_approver_id !== null && step.via === 'delegation' ? [step.approver_id, step.original_approver_id] : [step.approver_id];
}

/** Chain steps as stored (jsonb), checked against the contract. */
export function parseSteps(raw: unknown): ChainStep[] {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  return chainStep.array().parse(value);
}
