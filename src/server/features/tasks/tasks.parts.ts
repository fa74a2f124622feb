import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { tasksRepo } from './tasks.repo';

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'tasks',
    count: (trx, sourceId) => tasksRepo.countLinkedTo(trx, sourceId),
    async move(trx, ctx) {
      const rows = await tasksRepo.moveLinks(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'task', entityId: r.id, action: 'merge', data: { fromAccount: ctx.sourceId, toAccount: ctx.targetId } });
      return rows.length;
    },
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'tasks',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await tasksRepo.countOpenOwnedBy(trx, userId), items: await tasksRepo.firstOpenOwnedBy(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await tasksRepo.moveOpenOwnedTo(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'task', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
      return rows.length;
    },
  },
];
