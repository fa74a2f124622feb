import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart } from '../../platform/parts';
import { requestsRepo } from './requests.repo';

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'requests',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await requestsRepo.countOpenOwnedBy(trx, userId), items: await requestsRepo.firstOpenOwnedBy(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await requestsRepo.moveOpenOwnedTo(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'general_request', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
      return rows.length;
    },
  },
];
