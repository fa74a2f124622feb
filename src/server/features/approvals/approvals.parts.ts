import { issue, validationError } from '../../../shared/errors';
import { holdsAnotherStep } from '../../platform/approvals/engine';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart } from '../../platform/parts';
import { approvalsRepo } from './approvals.repo';

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'approvals',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await approvalsRepo.countSteps(trx, userId), items: await approvalsRepo.firstSteps(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const steps = await approvalsRepo.stepsToMove(trx, ctx.userId);
      // Same rule as a manual transfer: nobody approves their own document.
      if (steps.some((s) => s.submitter_id === to)) {
        throw validationError([issue('successors.approvals', 'handover.submitterApproves', 'The successor submitted one of the documents waiting for approval; choose someone else')]);
      }
      // ... and, as for a manual transfer, nobody is handed a second step of a document they decide another step of
      const all = await approvalsRepo.stepsOfInstances(trx, [...new Set(steps.map((s) => s.instance_id))]);
      const repeat = steps.find((s) => !s.allow_repeat_approver && holdsAnotherStep(all.filter((x) => x.instance_id === s.instance_id), s.id, to));
      if (repeat) {
        throw validationError([issue('successors.approvals', 'handover.successorDecidesAnother', 'The successor decides another step of a document waiting for approval; choose someone else', { title: repeat.title })]);
      }
      const actorId = ctx.actor.via === 'system' ? null : ctx.actor.userId;
      for (const s of steps) {
        await approvalsRepo.moveStep(trx, s.id, ctx.userId, to);
        await approvalsRepo.bumpInstance(trx, s.instance_id);
        await approvalsRepo.insertTransferEvent(trx, { instanceId: s.instance_id, actorId, stepSeq: s.seq, toUserId: to, comment: ctx.note });
        if (s.status === 'pending') {
          await ctx.p.notifier.notify(trx, { userIds: [to], kind: 'approval.transferred', params: { actor: ctx.actor.name, title: s.title }, link: `/approvals/${s.instance_id}` });
        }
        await audit(trx, ctx.actor, { entity: 'approval_instance', entityId: s.instance_id, action: 'transfer', data: { stepSeq: s.seq, from: ctx.userId, to, reason: 'handover', comment: ctx.note } });
      }
      return steps.length;
    },
  },
  {
    name: 'delegations',
    needsSuccessor: false,
    async preview(trx, userId, limit) {
      return { count: await approvalsRepo.countDelegations(trx, userId), items: await approvalsRepo.firstDelegations(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const rows = await approvalsRepo.revokeDelegations(trx, ctx.userId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'delegation', entityId: r.id, action: 'revoke', data: { reason: 'handover', userId: r.user_id, delegateId: r.delegate_id } });
      return rows.length;
    },
  },
];
