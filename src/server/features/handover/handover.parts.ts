import type { Trx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { holdsAnotherStep } from '../../platform/approvals/engine';
import type { Platform } from '../../platform/context';
import { issue, validationError } from '../../../shared/errors';
import { handoverRepo } from './handover.repo';
import { needsRepo } from '../needs/needs.repo';
import { plansRepo } from '../plans/plans.repo';
import { opportunityOwnershipRepo } from '../pipeline/ownership.repo';
import { giftsRepo } from '../gifts/gifts.repo';
import { tripsRepo } from '../trips/trips.repo';

export interface HandoverContext {
  p: Platform;
  actor: Actor;
  userId: number;
  /** null for parts that are ended rather than handed over */
  successorId: number | null;
  note: string;
}

/**
 * One kind of thing a leaving user holds. A feature that adds such a thing (development plans,
 * strengthening plans, …) registers a part here; the handover service and the web drawer pick
 * it up without change. `transfer` runs inside the one handover transaction and audits each record.
 */
export interface HandoverPart {
  name: string;
  /** false: the part is ended (e.g. revoked) rather than given to a successor */
  needsSuccessor: boolean;
  preview(trx: Trx, userId: number, limit: number): Promise<{ count: number; items: { id: number; label: string }[] }>;
  transfer(trx: Trx, ctx: HandoverContext): Promise<number>;
}

const parts = new Map<string, HandoverPart>();

export function registerHandoverPart(part: HandoverPart): void {
  parts.set(part.name, part);
}

export function handoverParts(): HandoverPart[] {
  return [...parts.values()];
}

const need = (ctx: HandoverContext) => {
  if (ctx.successorId === null) throw new Error('handover part needs a successor');
  return ctx.successorId;
};

registerHandoverPart({
  name: 'accounts',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await handoverRepo.countAccounts(trx, userId), items: await handoverRepo.firstAccounts(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await handoverRepo.moveAccounts(trx, ctx.userId, to, ctx.actor.via === 'system' ? null : ctx.actor.userId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'account', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to }, data: { reason: 'handover' } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'contacts',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await handoverRepo.countContacts(trx, userId), items: await handoverRepo.firstContacts(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await handoverRepo.moveContacts(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'contact', entityId: r.id, action: 'handover', before: { our_owner_id: ctx.userId }, after: { our_owner_id: to } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'tasks',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await handoverRepo.countTasks(trx, userId), items: await handoverRepo.firstTasks(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await handoverRepo.moveTasks(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'task', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
    return rows.length;
  },
});

// After 'tasks': an item's open task follows the item to its successor, whoever took the other tasks.
registerHandoverPart({
  name: 'plans',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    const [items, measures] = await Promise.all([plansRepo.countOpenItems(trx, userId), needsRepo.countOpenCountermeasures(trx, userId)]);
    const first = await plansRepo.firstOpenItems(trx, userId, limit);
    const rest = first.length < limit ? await needsRepo.firstOpenCountermeasures(trx, userId, limit - first.length) : [];
    return { count: items + measures, items: [...first, ...rest] };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const { items, tasks } = await plansRepo.moveOpenItems(trx, ctx.userId, to);
    for (const r of items) await audit(trx, ctx.actor, { entity: 'account_plan_item', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
    for (const t of tasks) await audit(trx, ctx.actor, { entity: 'task', entityId: t.id, action: 'handover', before: { owner_id: t.owner_id }, after: { owner_id: to }, data: { reason: 'plan item handover' } });
    const measures = await needsRepo.moveOpenCountermeasures(trx, ctx.userId, to);
    for (const r of measures) await audit(trx, ctx.actor, { entity: 'account_countermeasure', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
    return items.length + measures.length;
  },
});

registerHandoverPart({
  name: 'approvals',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await handoverRepo.countSteps(trx, userId), items: await handoverRepo.firstSteps(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const steps = await handoverRepo.stepsToMove(trx, ctx.userId);
    // Same rule as a manual transfer: nobody approves their own document.
    if (steps.some((s) => s.submitter_id === to)) {
      throw validationError([issue('successors.approvals', 'handover.submitterApproves', 'The successor submitted one of the documents waiting for approval; choose someone else')]);
    }
    // ... and, as for a manual transfer, nobody is handed a second step of a document they decide another step of
    const all = await handoverRepo.stepsOfInstances(trx, [...new Set(steps.map((s) => s.instance_id))]);
    const repeat = steps.find((s) => !s.allow_repeat_approver && holdsAnotherStep(all.filter((x) => x.instance_id === s.instance_id), s.id, to));
    if (repeat) {
      throw validationError([issue('successors.approvals', 'handover.successorDecidesAnother', 'The successor decides another step of a document waiting for approval; choose someone else', { title: repeat.title })]);
    }
    const actorId = ctx.actor.via === 'system' ? null : ctx.actor.userId;
    for (const s of steps) {
      await handoverRepo.moveStep(trx, s.id, ctx.userId, to);
      await handoverRepo.bumpInstance(trx, s.instance_id);
      await handoverRepo.insertTransferEvent(trx, { instanceId: s.instance_id, actorId, stepSeq: s.seq, toUserId: to, comment: ctx.note });
      if (s.status === 'pending') {
        await ctx.p.notifier.notify(trx, { userIds: [to], kind: 'approval.transferred', params: { actor: ctx.actor.name, title: s.title }, link: `/approvals/${s.instance_id}` });
      }
      await audit(trx, ctx.actor, { entity: 'approval_instance', entityId: s.instance_id, action: 'transfer', data: { stepSeq: s.seq, from: ctx.userId, to, reason: 'handover', comment: ctx.note } });
    }
    return steps.length;
  },
});

registerHandoverPart({
  name: 'requests',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await handoverRepo.countRequests(trx, userId), items: await handoverRepo.firstRequests(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await handoverRepo.moveRequests(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'general_request', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'delegations',
  needsSuccessor: false,
  async preview(trx, userId, limit) {
    return { count: await handoverRepo.countDelegations(trx, userId), items: await handoverRepo.firstDelegations(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const rows = await handoverRepo.revokeDelegations(trx, ctx.userId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'delegation', entityId: r.id, action: 'revoke', data: { reason: 'handover', userId: r.user_id, delegateId: r.delegate_id } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'opportunities',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await opportunityOwnershipRepo.countLiveOwned(trx, userId), items: await opportunityOwnershipRepo.firstLiveOwned(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await opportunityOwnershipRepo.moveLiveOwned(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'opportunity', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: r.unit_id } });
    return rows.length;
  },
});

// ACT-8 gifts: applications not yet issued, and the gift plan lines the user is responsible for
registerHandoverPart({
  name: 'giftApplications',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await giftsRepo.countOpenOwned(trx, userId), items: await giftsRepo.firstOpenOwned(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await giftsRepo.moveOpenOwned(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'gift_application', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'giftPlans',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await giftsRepo.countResponsible(trx, userId), items: await giftsRepo.firstResponsible(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const rows = await giftsRepo.moveResponsible(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'gift_plan', entityId: r.id, action: 'handover', before: { responsible_id: ctx.userId }, after: { responsible_id: to } });
    return rows.length;
  },
});

/** Business trips not yet closed by an approved report (nor cancelled) go to the successor, with the successor's unit. */
registerHandoverPart({
  name: 'trips',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await tripsRepo.countOpenOwned(trx, userId), items: await tripsRepo.firstOpenOwned(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    const to = need(ctx);
    const unitId = await tripsRepo.unitOf(trx, to);
    const rows = await tripsRepo.moveOpenOwned(trx, ctx.userId, to, unitId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'business_trip', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: unitId } });
    return rows.length;
  },
});
