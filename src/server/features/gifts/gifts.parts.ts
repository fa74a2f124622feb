import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart, ownedRecordsPart } from '../../platform/parts';
import { accountScope } from '../../platform/scope';
import { type TimelineSource } from '../../platform/timeline';
import { giftsRepo } from './gifts.repo';

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  // ACT-8 gifts: plan lines and applications go with their account (recipients move with the contacts part)
  {
    name: 'giftPlans',
    count: async (trx, sourceId) => (await giftsRepo.countOfAccount(trx, sourceId)).plans,
    move: (trx, ctx) => giftsRepo.movePlans(trx, ctx.sourceId, ctx.targetId),
  },
  {
    name: 'giftApplications',
    count: async (trx, sourceId) => (await giftsRepo.countOfAccount(trx, sourceId)).applications,
    move: (trx, ctx) => giftsRepo.moveApplications(trx, ctx.sourceId, ctx.targetId),
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  // ACT-8 gifts: applications not yet issued, and the gift plan lines the user is responsible for
  ownedRecordsPart({
    name: 'giftApplications',
    entity: 'gift_application',
    count: (trx, userId) => giftsRepo.countOpenOwned(trx, userId),
    first: (trx, userId, limit) => giftsRepo.firstOpenOwned(trx, userId, limit),
    move: (trx, from, to) => giftsRepo.moveOpenOwned(trx, from, to),
  }),
  {
    name: 'giftPlans',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await giftsRepo.countResponsible(trx, userId), items: await giftsRepo.firstResponsible(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await giftsRepo.moveResponsible(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'gift_plan', entityId: r.id, action: 'handover', before: { responsible_id: ctx.userId }, after: { responsible_id: to } });
      return rows.length;
    },
  },
];
/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  /** The account's 动态: gift applications once submitted, at their latest step, for callers with gift:read on the account. */
  {
    name: 'gifts',
    kinds: ['gift'],
    async events(db, actor, q) {
      if (!can(actor, 'gift:read') || !q.kinds.has('gift')) return [];
      const rows = await giftsRepo.timelineEvents(db, q, accountScope(actor, 'gift:read'), q.limit);
      return rows.map((r) => ({
        kind: 'gift' as const,
        id: r.id,
        at: r.at instanceof Date ? r.at : new Date(r.at),
        dateOnly: false,
        actorId: r.owner_id,
        actorName: r.owner_name,
        params: { contact: r.contact_name, item: r.item_name, quantity: r.quantity, value: Number(r.value), status: r.status, overCap: r.over_cap ? 1 : 0 },
        link: `/gifts/applications/${r.id}`,
      }));
    },
  },
];
