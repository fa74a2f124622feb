import { audit } from '../../platform/audit';
import { ownedRecordsPart, type HandoverPart, type MergePart } from '../../platform/parts';
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
  ownedRecordsPart({
    name: 'tasks',
    entity: 'task',
    count: (trx, userId) => tasksRepo.countOpenOwnedBy(trx, userId),
    first: (trx, userId, limit) => tasksRepo.firstOpenOwnedBy(trx, userId, limit),
    move: (trx, from, to) => tasksRepo.moveOpenOwnedTo(trx, from, to),
  }),
];
