import { opportunityOwnershipRepo } from './ownership.repo';
import { opportunityEventOf } from './opportunities.rules';
import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope } from '../../platform/scope';
import { wanted, when, type TimelineSource } from '../../platform/timeline';
import { opportunitiesRepo } from './opportunities.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'opportunities',
    kinds: ['opportunity'],
    async events(db, actor, q) {
      if (!can(actor, 'opportunity:read') || !wanted(q, 'opportunity')) return [];
      const rows = await opportunitiesRepo.opportunityEvents(db, q, ownedScope('opportunities', actor, 'opportunity:read'), q.limit);
      return rows.map((r) => ({
        kind: 'opportunity' as const,
        id: r.id,
        at: when(r.at),
        dateOnly: false,
        actorId: r.actor_id,
        actorName: r.actor_name,
        params: { name: r.name, event: opportunityEventOf(r), fromStage: r.from_stage, toStage: r.to_stage, status: r.to_status, reason: r.reason },
        link: `/opportunities/${r.opportunity_id}`,
      }));
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'opportunities',
    count: (trx, sourceId) => opportunityOwnershipRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await opportunityOwnershipRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'opportunity', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'opportunities',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await opportunityOwnershipRepo.countLiveOwned(trx, userId), items: await opportunityOwnershipRepo.firstLiveOwned(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await opportunityOwnershipRepo.moveLiveOwned(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'opportunity', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: r.unit_id } });
      return rows.length;
    },
  },
];
